"""Regenerates bot/search/english_words.txt.gz: real English words with how often each is used.

Typo correction leaves real words alone (without the list, a small article vocabulary turns
"worth" into a typo of "north"), and a word's general frequency says how specific it is ("take"
says little, "sanctions" a lot). The list is pyspellchecker's English frequency dictionary (MIT licence, built from
OpenSubtitles and SCOWL), cut to words seen at least MIN_COUNT times. Run it only to refresh the
list: `pip install pyspellchecker && python tools/build_word_list.py`.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import spellchecker

MIN_COUNT = 100
TARGET = Path(__file__).resolve().parent.parent / "bot" / "search" / "english_words.txt.gz"


def main() -> None:
    source = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    counts: dict[str, int] = json.loads(gzip.decompress(source.read_bytes()))
    total = sum(counts.values())
    words = sorted(w for w, n in counts.items() if n >= MIN_COUNT and w.isascii() and w.isalpha())
    lines = [f"#total\t{total}", *(f"{w}\t{counts[w]}" for w in words)]
    TARGET.write_bytes(gzip.compress("\n".join(lines).encode("ascii"), mtime=0))
    print(f"{len(words)} words -> {TARGET}")


if __name__ == "__main__":
    main()
