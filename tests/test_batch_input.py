"""`ask --json --batch`: line ends of every kind, UTF-16 with its byte order mark, and lines in the
form of the answers' own JSON Lines, as a new user's walkthrough fed them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_helpers import run_bot

TILLERSON = "Who was Trump's choice to replace Tillerson?"
FRAMEWORK = "What was the 1994 Agreed Framework?"


def answers(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.mark.parametrize("line_end", [b"\r", b"\r\n", b"\n"])
def test_each_kind_of_line_end_ends_a_question(tmp_path: Path, line_end: bytes) -> None:
    """An old Mac's lone CR joined two questions into one ("who is yun who is town")."""
    (tmp_path / "q.txt").write_bytes(TILLERSON.encode() + line_end + FRAMEWORK.encode())
    for source, stdin in (("q.txt", None), ("-", TILLERSON.encode() + line_end + FRAMEWORK.encode())):
        result = run_bot("ask", "--json", "--batch", source, stdin=stdin)
        assert result.returncode == 0, result.stderr
        assert [line["question"] for line in answers(result.stdout)] == [TILLERSON, FRAMEWORK]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read_as_utf16(tmp_path: Path, encoding: str) -> None:
    """PowerShell's `>` writes UTF-16 with a byte order mark: it gave 'byte 0xff' and an extra empty line."""
    text = f"{TILLERSON}\r\n{FRAMEWORK}\r\n"
    data = text.encode(encoding) if encoding == "utf-16" else ("\ufeff" + text).encode(encoding)
    (tmp_path / "q.txt").write_bytes(data)
    result = run_bot("ask", "--json", "--batch", "q.txt")
    assert result.returncode == 0, result.stderr
    lines = answers(result.stdout)
    assert [line["question"] for line in lines] == [TILLERSON, FRAMEWORK] and all(line["answered"] for line in lines)


def test_a_json_object_line_asks_its_question(tmp_path: Path) -> None:
    """The answers come out as JSON Lines, so people feed JSON Lines in: the object was asked as text."""
    rows = [json.dumps({"question": TILLERSON}), FRAMEWORK, json.dumps({"q": "no question key"}), "{not json, just a brace"]
    (tmp_path / "q.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run_bot("ask", "--json", "--batch", "q.jsonl")
    first, second, third, fourth = answers(result.stdout)
    assert first["question"] == TILLERSON and first["answered"]
    assert second["question"] == FRAMEWORK
    message = 'q.jsonl, line 3 is a JSON object without a "question" string; it was not asked.'
    assert third == {"line": 3, "error": message} and message in result.stderr
    # It was asked as a question ("declined": "not_covered"), the line's mistake unseen.
    not_json = 'q.jsonl, line 4 opens with "{" but is not valid JSON; it was not asked.'
    assert fourth == {"line": 4, "error": not_json} and not_json in result.stderr
    assert result.returncode == 1  # a line went unasked
