"""Interference at size, on every question file: is each question answered from the same article,
and answered or declined alike, over a large folder as over the bundled folder alone?

    .venv/bin/python tools/same_article_at_size.py /tmp/k3000 eval/*.jsonl [--cache DIR] [--details FILE]

bench/scale.py counts this on the 25 dev questions; this counts it on every question of the given
files whose gold article is a bundled article (knowledge/articles/), and on every unanswerable one
(there the decision is what counts). The large folder is the bundled articles plus synthetic ones
(../shared/scale/make_corpus.py), so a question answered alone should still be answered, from the
same article, beside them. The bundled folder's answers are kept in --alone-answers, keyed by the
code and the bundled folder, so a second run over the same code answers only over the large folder.
--details writes each question's two answers (JSON Lines), to read the ones that changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answers import answer  # noqa: E402
from bot.config import BUNDLED_KNOWLEDGE  # noqa: E402
from bot.evaluation import EvalQuestion, first_hit_rank, read_questions  # noqa: E402
from bot.knowledge.base import KnowledgeBase, build_knowledge_base  # noqa: E402
from bot.knowledge.models import Article  # noqa: E402


@dataclass(frozen=True)
class Reply:
    """What the comparison reads of one answer."""

    article: str | None  # the first quote's article id, None when declined
    text: str  # the first quote (or, declined, the first closest passage: what nearly answered)
    hit: int | None  # the rank of the first quote holding a gold span


@dataclass(frozen=True)
class Compared:
    file: str
    id: str
    kind: str
    answerable: bool
    question: str
    alone: Reply
    at_size: Reply

    @property
    def outcome(self) -> str:
        """Which way the question moved: the groups the summary counts."""
        alone, large = self.alone.article, self.at_size.article
        if alone == large:
            return "same article" if alone else "declined both"
        if alone is None:
            return "declined alone, answered at size"
        if large is None:
            return "answered alone, declined at size"
        return "another article at size"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a large knowledge folder holding the bundled articles")
    parser.add_argument("files", type=Path, nargs="+", help="question files (dev_qa.jsonl format)")
    parser.add_argument("--cache", type=Path, help="embedding cache folder (default: BOT_EMBEDDING_CACHE)")
    parser.add_argument("--alone-answers", type=Path, default=Path("/tmp/same-article-alone.json"),
                        help="where the bundled folder's answers are kept between runs")
    parser.add_argument("--details", type=Path, help="write each question's two answers here (JSON Lines)")
    args = parser.parse_args()
    questions = [(path.name, q) for path in args.files for q in read_questions(path)]
    alone = _bundled_knowledge(args.cache)
    bundled = {name for article in alone.articles.values() for name in _names(article)}
    asked = [(name, q) for name, q in questions if not q.answerable or any(g.article in bundled for g in q.answers)]
    alone_replies = _alone_replies(alone, [q for _, q in asked], args.alone_answers)
    large = build_knowledge_base(args.folder, embedding_cache=args.cache)
    compared = [
        Compared(name, q.id, q.kind, q.answerable, q.question, alone_replies[_key(q)], _reply(large, q))
        for name, q in asked
    ]
    print(summary(compared))
    if args.details:
        with args.details.open("w", encoding="utf-8") as out:
            for c in compared:
                out.write(json.dumps({**asdict(c), "outcome": c.outcome}, ensure_ascii=False) + "\n")


def summary(compared: Sequence[Compared]) -> str:
    """The counts, answerable and unanswerable apart: the same article, each way of moving, R@1."""
    lines = []
    for label, group in (("answerable", [c for c in compared if c.answerable]), ("unanswerable", [c for c in compared if not c.answerable])):
        if not group:
            continue
        outcomes = Counter(c.outcome for c in group)
        kept = outcomes["same article"] + outcomes["declined both"]
        lines.append(f"{label}: {len(group)} questions, the same first article (or declined both) at size: {kept}")
        lines.extend(f"  {outcome}: {count}" for outcome, count in sorted(outcomes.items()))
        if label == "answerable":
            lines.append(f"  R@1 alone {_at_one(c.alone for c in group)}, at size {_at_one(c.at_size for c in group)}; "
                         f"right alone and wrong at size {sum(c.alone.hit == 1 and c.at_size.hit != 1 for c in group)}, "
                         f"the reverse {sum(c.alone.hit != 1 and c.at_size.hit == 1 for c in group)}")
        else:
            lines.append(f"  declined alone {sum(c.alone.article is None for c in group)}, at size {sum(c.at_size.article is None for c in group)}")
    return "\n".join(lines)


def _at_one(replies: Iterable[Reply]) -> int:
    return sum(r.hit == 1 for r in replies)


def _bundled_knowledge(cache: Path | None) -> KnowledgeBase:
    return build_knowledge_base(BUNDLED_KNOWLEDGE, embedding_cache=cache)


def _names(article: Article) -> set[str]:
    """The names a gold span may give its article by (as bot.evaluation matches them)."""
    return {article.id, article.path.name, article.path.stem, article.meta.source_file or ""} - {""}


def _alone_replies(knowledge: KnowledgeBase, questions: Sequence[EvalQuestion], kept: Path) -> dict[str, Reply]:
    """The bundled folder's answers, from the kept file when the code and the folder are the same."""
    version = _version()
    if kept.exists():
        stored = json.loads(kept.read_text(encoding="utf-8"))
        if stored.get("version") == version:
            replies = {key: Reply(**value) for key, value in stored["replies"].items()}
            if all(_key(q) in replies for q in questions):
                return replies
    replies = {_key(q): _reply(knowledge, q) for q in questions}
    kept.write_text(json.dumps({"version": version, "replies": {k: asdict(r) for k, r in replies.items()}}), encoding="utf-8")
    return replies


def _key(question: EvalQuestion) -> str:
    # Ids repeat across files only by accident; the question's words make the key safe either way.
    return f"{question.id}\t{question.question}"


def _version() -> str:
    """A digest of the code and the bundled folder: the kept answers hold while neither changes."""
    digest = hashlib.sha256()
    for folder in (ROOT / "bot", BUNDLED_KNOWLEDGE):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _reply(knowledge: KnowledgeBase, question: EvalQuestion) -> Reply:
    result = answer(knowledge, question.question)
    shown = result.quotes or result.closest
    return Reply(
        result.quotes[0].article.id if result.answered else None,
        shown[0].text if shown else "",
        first_hit_rank(result, question.answers),
    )


if __name__ == "__main__":
    main()
