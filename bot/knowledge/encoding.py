"""A knowledge file's bytes as text, or one problem saying where it stops being UTF-8.

Every knowledge file (articles, timeline.yaml, aliases.yaml, bot.yaml) is read through here, so a
file saved in another encoding (Latin-1's "caf\\xe9") gets the same message wherever it is: the
byte, its offset and its line, and the file is left out while the rest is served. A file whose
non-ASCII letters were written out as escapes ("caf\\xe9" as four characters, as a shell's
`printf` without `\\x` support or a pasted Python repr leaves them) is UTF-8 but not the text
meant: its quotes would show the escapes, so it is refused the same way.
"""

from __future__ import annotations

import codecs
import re

from bot.knowledge.models import Problem

SAVE_AS_UTF8 = "save it as UTF-8"
# Windows tools write text as UTF-16 after its byte order mark (PowerShell's `>`, Notepad's "Unicode").
UTF16_BYTE_ORDER_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def encoding_of(start: bytes) -> str:
    """How to read a text file a person hands the bot (a batch of questions, an article to import)
    that starts with these bytes: UTF-16 after its byte order mark, else UTF-8 (a UTF-8 byte
    order mark, as Notepad writes, dropped)."""
    return "utf-16" if start[:2] in UTF16_BYTE_ORDER_MARKS else "utf-8-sig"
# "\xe9", "\u00e9": a byte or letter above ASCII written as an escape. Prose never holds one; a
# "\x41" (ASCII) could be a code sample, so only escapes of bytes from 0x80 are taken as a sign.
_ESCAPED_LETTER = re.compile(r"\\x[89a-fA-F][0-9a-fA-F]|\\u(?:00[89a-fA-F][0-9a-fA-F]|0[1-9a-fA-F][0-9a-fA-F]{2}|[1-9a-fA-F][0-9a-fA-F]{3})")


def utf8_text(name: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """The file's text, or None and the problem naming the first byte that is not UTF-8 (its offset,
    line and column: Problem.line prints the line)."""
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        offset = error.start
        line = raw.count(b"\n", 0, offset) + 1
        column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
        message = f"is not UTF-8 text: byte 0x{raw[offset]:02x} at offset {offset}, column {column}; {SAVE_AS_UTF8}"
        return None, [Problem(name, "(file)", message, line=line)]


def escaped_letters(name: str, text: str, *, first_line: int = 1) -> list[Problem]:
    """One problem when the text holds a non-ASCII letter written as an escape ("caf\\xe9"), naming
    the first and its line; `first_line`: the file line the text starts on."""
    found = _ESCAPED_LETTER.search(text)
    if found is None:
        return []
    line = text.count("\n", 0, found.start()) + first_line
    message = (
        f"holds '{found.group()}', a letter written as an escape code (a file saved without its accented "
        f"letters): {SAVE_AS_UTF8} with the letters themselves"
    )
    return [Problem(name, "(file)", message, line=line)]
