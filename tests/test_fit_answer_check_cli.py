"""tools/fit_answer_check.py keys each folder by its path: one folder given twice would have its
questions' rows overwrite each other, and is refused. Its held-out counts: blocks of sealed sets in
time order, unanswerable questions by kind and as distinct questions, and folds that leave a
question out of the fit wherever it is asked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from tools.fit_answer_check import Observed, file_folds, held_out, main, measure, same_question, sealed_blocks, unanswerable_kind

SET = Path(__file__).resolve().parents[1] / "eval" / "dev_qa.jsonl"


def test_a_folder_given_twice_is_refused_before_any_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "same10"
    folder.mkdir()
    with pytest.raises(SystemExit) as refused:
        main([str(SET), "--folder", str(folder), "--measure-at", str(folder / ".." / folder.name)])
    assert refused.value.code == 2
    assert "must be a different folder" in capsys.readouterr().err


def _observed(sets: list[int], questions: list[str], answerable: list[bool], notes: list[str]) -> Observed:
    """Rows as observe() makes them, for the counting alone (no knowledge base)."""
    n = len(sets)
    return Observed(
        np.array(sets), np.array(answerable), np.zeros(n, bool), np.full(n, 99), np.zeros(n, bool), np.zeros(n, bool),
        np.zeros((n, 1)), np.zeros(n), np.zeros(n), np.full(n, ""), np.zeros(n, bool),
        np.array([same_question(q) for q in questions]),
        np.array(["" if a else unanswerable_kind(note) for a, note in zip(answerable, notes, strict=True)]),
    )  # fmt: skip


def test_sealed_sets_are_left_out_in_blocks_in_the_order_they_were_written() -> None:
    names = ["dev_qa", "sealed_s10", "sealed_s2", "sealed_s1", "heldout_a", "sealed_s9", "sealed_s3", "sealed_s11", "sealed_s4"]
    blocks = sealed_blocks(names, 3)
    assert [b.name for b in blocks] == ["s1-s1", "s2-s4", "s9-s11"]  # the newest block whole, the oldest short
    assert blocks[-1].sets == {names.index("sealed_s9"), names.index("sealed_s10"), names.index("sealed_s11")}
    assert all(names.index("dev_qa") not in b.sets and names.index("heldout_a") not in b.sets for b in blocks)


def test_unanswerable_questions_are_counted_by_kind_and_once_however_many_files_ask_them() -> None:
    o = _observed(
        [0, 1, 2, 2],
        ["Why was Tillerson fired?", "why was tillerson fired", "What's Pompeo's favourite team?", "Who is Biegun?"],
        [False, False, False, True],
        ["trap: departure mentioned, reason never given", "Tillerson's departure is mentioned, the reason never", "off-topic: names Pompeo", ""],
    )
    declined_all = np.zeros(4, bool)
    counts = measure(o, declined_all, np.ones(4, bool))
    assert counts["unanswerable_declined"] == 3 and counts["distinct unanswerable declined"] == 2
    assert (counts["trap declined"], counts["off-topic declined"], counts["not covered declined"]) == (2, 1, 0)


def test_grouping_questions_leaves_a_question_out_of_the_fit_wherever_it_is_asked() -> None:
    o = _observed([0, 1, 1], ["Why was Tillerson fired?", "why was tillerson fired", "Who is Biegun?"], [False, False, True], ["trap", "trap", ""])
    trained_on: list[np.ndarray] = []

    def fit(_: Observed, train: np.ndarray) -> Callable[[Observed], np.ndarray]:
        trained_on.append(train.copy())
        return lambda target: np.ones(len(target.answerable), bool)

    held_out(o, {"bundled": o}, file_folds(["a", "b"]), fit, verbose=False, group_questions=True)
    assert trained_on[0].tolist() == [False, False, True]  # file a left out: its question asked in b is too
    held_out(o, {"bundled": o}, file_folds(["a", "b"]), fit, verbose=False)
    assert trained_on[2].tolist() == [False, True, True]


@pytest.mark.parametrize("blocks", ["0", "-1", "two"])
def test_a_block_size_below_one_is_refused_with_a_message_not_ignored_or_a_traceback(blocks: str, capsys: pytest.CaptureFixture[str]) -> None:
    """"--blocks 0" was silently ignored and "--blocks -1" ended in an IndexError traceback."""
    with pytest.raises(SystemExit) as refused:
        main([str(SET), "--blocks", blocks])
    assert refused.value.code == 2
    error = capsys.readouterr().err
    assert "--blocks" in error and "1 or more" in error and "Traceback" not in error
