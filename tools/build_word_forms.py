"""Regenerates bot/search/word_forms.txt.gz: English irregular inflections and the lemma each is a form of.

The stemmer cuts regular endings ("holds", "holding" -> "hold") but cannot know that "held" is
"hold", "met" is "meet", "fled" is "flee" or "mice" is "mouse", so a question and the sentence
that answers it miss each other when one says the base form and the other the irregular one.
LemmInflect's lexicon (MIT: bot/search/LEMMINFLECT_LICENSE.txt; made from the NIH SPECIALIST
Lexicon) lists every reading of each English word with its lemma; from it this keeps the
inflections the stemmer gets wrong, where there is no doubt which lemma is meant:

- the word is a form of one lemma in every reading the lexicon gives it ("held": only "hold");
- it is never a base form itself ("left" is also the adjective, "saw" the tool, "found" the verb
  "to found", "better" the verb "to better": those stay as they are);
- the lemma stems differently from the word (else the stemmer already joins them);
- sending it to the lemma splits no family: the lemma's regular forms stem like the lemma, and
  the stemmer does not already join the word to a base form ("programmed" to "program");
- neither is a stop word (a form of "go" or "say" says no more than they do, and they are not searched).

The table is a word list, not code: the bot reads it at start (a few ms) instead of loading the
lemmatiser itself (0.24 s and 12 microseconds a word). Run it only to refresh the table:
`pip install lemminflect && python tools/build_word_forms.py`; tests/test_word_forms.py checks
the shipped table against LemmInflect when it is installed.
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.search.normalise import STOP_WORDS, snowball_stem  # noqa: E402
from bot.search.word_forms import WORD_FORMS  # noqa: E402


def irregular_form_of(word: str, readings: Mapping[str, tuple[str, ...]]) -> str | None:
    """The lemma `word` is an irregular inflection of, by the rules above; None when it is not one."""
    lemmas = {lemma.lower() for lemmas in readings.values() for lemma in lemmas}
    if len(lemmas) != 1 or word in lemmas:
        return None
    (lemma,) = lemmas
    if not lemma.isascii() or not lemma.isalpha() or word in STOP_WORDS or lemma in STOP_WORDS:
        return None
    return lemma if snowball_stem(lemma) != snowball_stem(word) else None


def irregular_forms() -> Iterator[tuple[str, str]]:
    """(inflection, lemma) for every word of LemmInflect's lexicon that is an irregular form."""
    from lemminflect import Lemmatizer, getAllInflections

    lemmatiser = Lemmatizer()
    found: dict[str, str] = {}
    for word in sorted(lemmatiser._getLemmaDict()):  # noqa: SLF001 - the lexicon's word list has no public name
        if word.isascii() and word.isalpha() and word.islower():
            lemma = irregular_form_of(word, lemmatiser.getAllLemmas(word))
            if lemma is not None:
                found[word] = lemma
    for word, lemma in found.items():
        # Mapping must join a lemma's forms, never split them: when the stemmer gives the lemma's
        # other forms another stem than the lemma's ("reprogrammed" -> "reprogram" but
        # "reprogramme" -> "reprogramm"), sending one form to the lemma would part it from its family.
        family = {form for forms in getAllInflections(lemma).values() for form in forms}
        if not all(form in found or snowball_stem(form) == snowball_stem(lemma) for form in family):
            continue
        # A form the stemmer already sends to another spelling of the lemma keeps that stem:
        # "programmed" stems to "program" (the American lemma), not to "programme" (the British one).
        stemmed = snowball_stem(word)
        if stemmed != word and any(stemmed in lemmas for lemmas in lemmatiser.getAllLemmas(stemmed).values()):
            continue
        yield word, lemma


def table_text() -> str:
    return "".join(f"{word}\t{lemma}\n" for word, lemma in irregular_forms())


def main() -> None:
    WORD_FORMS.write_bytes(gzip.compress(table_text().encode("ascii"), mtime=0))
    print(f"wrote {WORD_FORMS}")


if __name__ == "__main__":
    main()
