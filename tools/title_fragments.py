"""How many of the timeline's found titles are not headlines: a measure of titles.py by grammar.

    .venv/bin/python tools/title_fragments.py [--show] [FOLDER …]

Builds the bundled knowledge/ alone and with each eval/articles*/ folder's articles added (or the
given folders), and reads the title of every found event (announced plans too) that quotes the
folder's articles. A headline says who did what: a subject that names someone or something and a
finite verb that tells what happened. A title is counted a fragment for any of these, read from
its own words by general English grammar (bot.timeline.grammar's verb groups):

- clipped: it ends on a word that needs another after it (an article, preposition, conjunction,
  auxiliary or possessive);
- pronoun: its subject is a bare pronoun ("I believe …", "He told …"), which names no one;
- bare noun: its subject is a determiner and one common noun ("The meeting came");
- empty verb: its verb only places something in time ("came", "took place", "was held",
  "had been set") and nothing follows it: the event is elsewhere in the sentence;
- thought: a verb of thinking or saying whose object, the real event, has no verb of its own in
  the title ("I believe this meeting", "The mayor told reporters");
- gerund: no finite verb and a participle opening it ("Inviting him"): no one does the deed.

A title with no finite verb that is not a gerund is a noun phrase ("The collapse of the talks"),
counted apart and not a fragment; so is a title whose predicate was cut to fit, with an ellipsis
("… to set foot…"), a whole phrase by titles.py's own rules. Where a marked event of the folder's gold.json overlaps the
event's quote, the share of its "what" (a writer's headline) words the title has is a second
signal: a fragment usually has few of them. --show lists every title with its classes and
sentence, to read. Written by hand: no library judges a headline.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.knowledge.base import build_knowledge_base
from bot.knowledge.models import Article
from bot.timeline.grammar import ARTICLES_AND_POSSESSIVES, AUXILIARIES, COORDINATORS, SUBORDINATORS, finite_verb, tokens_of
from bot.timeline.models import TimelineEvent

ROOT = Path(__file__).resolve().parent.parent
_PRONOUNS = frozenset({"i", "he", "she", "it", "they", "we", "you", "this", "that", "these", "those", "there"})
_ADVERBS = frozenset({"also", "then", "later", "again", "too", "already", "still", "only", "finally", "now"})
_DETERMINERS = ARTICLES_AND_POSSESSIVES | {"this", "that", "these", "those"}
# Verbs that place an event in time or in a plan without saying what it was.
_PLACING_VERBS = frozenset(
    {"came", "come", "comes", "happened", "occurred", "followed", "took", "was", "were", "is", "are", "been", "held", "set",
     "scheduled", "slated", "planned", "due", "begun", "began"}
)  # fmt: skip
_THINKING = frozenset(
    {"believe", "believed", "believes", "think", "thought", "thinks", "hope", "hoped", "hopes", "expect", "expected", "expects",
     "feel", "felt", "feels", "guess", "suppose", "fear", "feared", "doubt", "doubted", "suspect", "suspected", "know", "knew"}
)  # fmt: skip
_SAYING = frozenset({"say", "said", "says", "tell", "told", "tells", "add", "added", "noted", "recalled", "wrote", "announced"})
_TELLING = frozenset({"tell", "told", "tells"})
_PREPOSITIONS = frozenset("of in on at to for with between from by about over under after before during since until against among into as than".split())
_FUNCTION_WORDS = _DETERMINERS | AUXILIARIES | COORDINATORS | SUBORDINATORS | _PREPOSITIONS
_STOP = _FUNCTION_WORDS | frozenset({"s", "a", "an", "the", "and", "its", "his", "her", "their", "who", "which", "what", "not"})


@dataclass(frozen=True, slots=True)
class Judged:
    title: str
    classes: tuple[str, ...]
    sentence: str
    gold_what: str | None

    @property
    def fragment(self) -> bool:
        return any(c != "noun phrase" for c in self.classes)

    @property
    def ellipsis(self) -> bool:
        return self.title.endswith("…")


def classify(title: str) -> tuple[str, ...]:
    """The title's faults as a headline (empty for a whole headline), or ("noun phrase",)."""
    classes: list[str] = []
    text = title.rstrip("…")
    tokens = [t for t in tokens_of(text) if t.is_word]
    if tokens and tokens[-1].lower in _FUNCTION_WORDS:
        classes.append("clipped")
    if not tokens:
        return ("clipped",)
    verb = finite_verb(tokens, 0, len(tokens))
    if verb is None:
        first = tokens[0].lower
        gerund = first.endswith("ing") and len(first) > 4 and len(tokens) > 1 and tokens[1].text.islower()
        return (*classes, "gerund" if gerund else "noun phrase")
    subject = [t.lower for t in tokens[:verb]]
    if subject and subject[0] in _PRONOUNS and all(w in _ADVERBS or w.endswith("ly") for w in subject[1:]):  # "She also derided …"
        classes.append("pronoun")
    elif len(subject) == 2 and subject[0] in _DETERMINERS and tokens[1].text.islower():
        classes.append("bare noun")
    group_end = verb
    while group_end < len(tokens) and (tokens[group_end].lower in AUXILIARIES or tokens[group_end].lower in ("been", "be", "not", "n't")):
        group_end += 1
    head = tokens[min(group_end, len(tokens) - 1)].lower
    rest = tokens[group_end + 1 :]
    if head in _PLACING_VERBS and (not rest or (head == "took" and [t.lower for t in rest] == ["place"])):
        classes.append("empty verb")
    if head in _THINKING | _SAYING and finite_verb(tokens, group_end + 1, len(tokens)) is None:
        # The object of a verb of thinking is a clause ("is expected to fly" is an infinitive's,
        # whole); of saying, a clause or a noun of what was said ("announced a freeze" is whole),
        # not nothing, only where it was said ("said in a statement") or only whom it told.
        opens = rest[0].lower if rest else ""
        if head in _THINKING and opens != "to" or head in _SAYING and (not rest or opens in _PREPOSITIONS or head in _TELLING):
            classes.append("thought")
    return tuple(classes)


def _words(text: str) -> set[str]:
    """Content words, cut to five letters so that inflections meet ("meets", "meeting")."""
    return {t.lower[:5] for t in tokens_of(text) if t.is_word and t.lower not in _STOP and len(t.lower) > 1}


def overlap(title: str, what: str) -> float:
    wanted = _words(what)
    return len(wanted & _words(title)) / len(wanted) if wanted else 0.0


def judge_folder(folder: Path | None) -> list[Judged]:
    """The judged titles of the events quoting `folder`'s articles, added to the bundled knowledge
    (None: the bundled knowledge's own found events)."""
    with tempfile.TemporaryDirectory() as scratch:
        knowledge_dir = Path(scratch) / "knowledge"
        shutil.copytree(ROOT / "knowledge", knowledge_dir)
        added = set()
        if folder is not None:
            for article in sorted(folder.glob("*.md")):
                shutil.copy(article, knowledge_dir / "articles" / article.name)
                added.add(article.stem)
        knowledge = build_knowledge_base(knowledge_dir)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["events"] if folder is not None and (folder / "gold.json").exists() else []
    judged: list[Judged] = []
    for event in knowledge.timeline:
        if event.curated or (added and not any(q.article.id in added for q in event.quotes)):
            continue
        quote = event.quotes[0]
        judged.append(Judged(event.title, classify(event.title), quote.text, _gold_what(event, gold, knowledge.articles)))
    return judged


def _gold_what(event: TimelineEvent, gold: list[dict[str, Any]], articles: Mapping[str, Article]) -> str | None:
    """The writer's headline of the marked event (or plan) that overlaps one of the event's quotes."""
    for quote in event.quotes:
        body = articles[quote.article.id].body
        for item in gold:
            if item["article"] != quote.article.id or item["kind"] == "not_event" or not item.get("what"):
                continue
            start = body.find(item["sentence"])
            if start >= 0 and quote.start < start + len(item["sentence"]) and start < quote.end:
                return str(item["what"])
    return None


def main(argv: list[str]) -> int:
    show = "--show" in argv
    named = [Path(a) for a in argv if a != "--show"]
    folders: list[Path | None] = [*named] if named else [None, *sorted((ROOT / "eval").glob("articles*"))]
    totals: Counter[str] = Counter()
    shares: list[float] = []
    for folder in folders:
        judged = judge_folder(folder)
        counts = Counter(c for j in judged for c in j.classes)
        fragments = sum(j.fragment for j in judged)
        compared = [overlap(j.title, j.gold_what) for j in judged if j.gold_what]
        shares.extend(compared)
        totals.update(counts)
        totals["titles"] += len(judged)
        totals["fragments"] += fragments
        totals["ellipsis"] += sum(j.ellipsis for j in judged)
        name = folder.name if folder is not None else "knowledge"
        mean = sum(compared) / len(compared) if compared else 0.0
        ellipses = sum(j.ellipsis for j in judged)
        print(f"{name}: {len(judged)} titles, {fragments} fragments ({_listed(counts)}); {ellipses} with an ellipsis; gold words in title {mean:.2f} over {len(compared)}")
        if show:
            for j in judged:
                mark = ",".join(j.classes) or "ok"
                print(f"  [{mark}] {j.title!r}" + (f"  (gold: {j.gold_what!r})" if j.gold_what else "") + f"\n      {j.sentence[:200]!r}")
    mean = sum(shares) / len(shares) if shares else 0.0
    print(f"ALL: {totals['titles']} titles, {totals['fragments']} fragments; {_listed(totals)}; {totals['ellipsis']} with an ellipsis; gold words in title {mean:.3f} over {len(shares)}")
    return 0


def _listed(counts: Counter[str]) -> str:
    return ", ".join(f"{name} {n}" for name, n in sorted(counts.items()) if name not in ("titles", "fragments", "ellipsis"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
