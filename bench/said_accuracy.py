"""Precision and recall of `said` (who said what) against quotations marked by hand.

    .venv/bin/python bench/said_accuracy.py [MARKED.yaml] [KNOWLEDGE_DIR]

MARKED.yaml lists `quotations: [{article, speaker, text}]` (text: the words between the marks,
a trailing comma left out); the default is the list for the bundled articles in tests/data/.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bot.config import BUNDLED_KNOWLEDGE
from bot.knowledge.base import build_knowledge_base
from bot.quotations.accuracy import measure, read_marked
from bot.quotations.speakers import build_speakers

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_MARKED = ROOT / "tests" / "data" / "quotations_bundled.yaml"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("marked", type=Path, nargs="?", default=BUNDLED_MARKED, help="quotations marked by hand (default: the bundled articles')")
    parser.add_argument("folder", type=Path, nargs="?", default=BUNDLED_KNOWLEDGE, help="the knowledge folder (default: the bundled knowledge/)")
    args = parser.parse_args(argv)
    if not args.marked.is_file():
        parser.error(f"{args.marked}: no such file")
    marked_path, folder = args.marked, args.folder
    knowledge = build_knowledge_base(folder)
    started = time.perf_counter()
    speakers = build_speakers(knowledge.articles.values(), knowledge.aliases)
    seconds = time.perf_counter() - started
    marked = [m for m in read_marked(marked_path) if m.article in knowledge.articles]
    accuracy = measure([q for s in speakers for q in s.quotations], marked, knowledge.aliases)
    print(f"{len(knowledge.articles)} articles, {accuracy.expected} marked quotations, {accuracy.found} found")
    print(f"precision {accuracy.precision:.3f}  recall {accuracy.recall:.3f}  misattributed {len(accuracy.misattributed)}")
    print(f"finding them took {seconds * 1000:.0f} ms")
    for item in accuracy.missed:
        print(f"  missed: {item.speaker}: {item.text[:80]!r} ({item.article})")
    for item in accuracy.wrong:
        print(f"  wrong:  {item.speaker}: {item.text[:80]!r} ({item.article})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
