"""Regenerates bot/search/synonyms.txt.gz: for each English word, the stems of its WordNet synonyms.

A question in everyday words ("did Trump come home with anything", "are his screwups unfixable")
rarely shares a word with the sentence that answers it ("flew back with nothing", "most can be
reversed"). WordNet 3.0 (Princeton, a BSD-style licence: bot/search/WORDNET_LICENSE.txt) lists
which words share a sense. Only a word's commonest senses count (WordNet orders them by how often
each was seen in tagged text), so "hand" brings "give" and "pass" (the verb's first sense) but not
"manpower" or "custody" from its rarer noun senses.

Run it only to refresh the table: `apt-get install wordnet-base && python tools/build_synonyms.py`,
and again whenever bot.search.normalise.stem changes: the table holds stems, and a stem made
by an older stem() may equal no index term (tests/test_search.py checks it where WordNet is installed).
"""

from __future__ import annotations

import gzip
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.search.english import WORD_LIST  # noqa: E402
from bot.search.normalise import STOP_WORDS, stem  # noqa: E402

WORDNET = Path("/usr/share/wordnet")
TARGET = ROOT / "bot" / "search" / "synonyms.txt.gz"
PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")
MAX_SENSES = 3  # a word's commonest senses; rarer ones bring mostly noise ("hand" as a card player)
MAX_SYNONYMS = 12
# WordNet's rules for taking an inflection back to its lemma ("ies" -> "y"), by part of speech.
DETACHMENTS = {
    "noun": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")),
    "verb": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
    "adj": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "adv": (),
}


def read_index(part: str) -> dict[str, list[int]]:
    """Lemma -> its synset offsets, commonest sense first."""
    senses: dict[str, list[int]] = {}
    for line in (WORDNET / f"index.{part}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        fields = line.split()
        pointer_count = int(fields[3])
        synset_count = int(fields[2])
        offsets = fields[4 + pointer_count + 2 :]
        senses[fields[0]] = [int(o) for o in offsets[:synset_count]]
    return senses


def read_synsets(part: str) -> dict[int, list[str]]:
    """Synset offset -> its lemmas."""
    synsets: dict[int, list[str]] = {}
    for line in (WORDNET / f"data.{part}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        count = int(fields[3], 16)
        lemmas = [fields[4 + 2 * i].split("(")[0].lower() for i in range(count)]
        synsets[int(fields[0])] = lemmas
    return synsets


def read_exceptions(part: str) -> dict[str, list[str]]:
    exceptions: dict[str, list[str]] = {}
    for line in (WORDNET / f"{part}.exc").read_text(encoding="latin-1").splitlines():
        inflected, *lemmas = line.split()
        exceptions[inflected] = lemmas
    return exceptions


def lemmas_of(word: str, index: dict[str, list[int]], exceptions: dict[str, list[str]], part: str, is_lemma: bool) -> list[str]:
    """The word's lemmas in this part of speech. A word that is a lemma itself is read as a
    comparative only when it is no word of its own: "number" is not "numb" + "er". ("keeping" is
    a noun and still the verb "keep".)"""
    candidates = [word, *exceptions.get(word, [])]
    if not (part == "adj" and is_lemma):
        candidates += [word[: -len(suffix)] + ending for suffix, ending in DETACHMENTS[part] if word.endswith(suffix)]
    return [lemma for lemma in dict.fromkeys(candidates) if lemma in index]


def english_words() -> list[str]:
    lines = gzip.decompress(WORD_LIST.read_bytes()).decode("ascii").split("\n")
    return [line.partition("\t")[0] for line in lines[1:]]


def table_text() -> str:
    """The table's text: a word, a tab, its synonym stems commonest sense first, one word a line."""
    # Keyed by word, not stem: "officials" and "officious" share a stem but not a meaning.
    synonyms: dict[str, dict[str, int]] = defaultdict(dict)  # word -> synonym stem -> best sense rank
    indexes = {part: read_index(part) for part in PARTS_OF_SPEECH}
    # Stems, because a synonym is matched as a stem: "probably" -> "likely" is "like", a stop word.
    stop_stems = {stem(word) for word in STOP_WORDS}
    for part in PARTS_OF_SPEECH:
        index, synsets, exceptions = indexes[part], read_synsets(part), read_exceptions(part)
        for word in english_words():
            own_stem = stem(word)
            if word in STOP_WORDS or own_stem in stop_stems:
                continue
            is_lemma = any(word in other_index for other_index in indexes.values())
            for lemma in lemmas_of(word, index, exceptions, part, is_lemma):
                for rank, offset in enumerate(index[lemma][:MAX_SENSES]):
                    for other in synsets[offset]:
                        if not other.isalpha():
                            continue  # phrases ("pass_on") and odd forms stay out
                        other_stem = stem(other)
                        if other_stem in stop_stems or other_stem == own_stem:
                            continue
                        if rank < synonyms[word].get(other_stem, MAX_SENSES):
                            synonyms[word][other_stem] = rank
    lines = []
    for key in sorted(synonyms):
        ranked = sorted(synonyms[key].items(), key=lambda item: (item[1], item[0]))[:MAX_SYNONYMS]
        if ranked:
            lines.append(key + "\t" + " ".join(other for other, _ in ranked))
    return "\n".join(lines)


def main() -> None:
    TARGET.write_bytes(gzip.compress(table_text().encode("ascii"), mtime=0))
    print(f"{len(lines)} words -> {TARGET} ({TARGET.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
