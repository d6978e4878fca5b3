"""Reads a question into concepts and weighted index terms: typos corrected, aliases grouped, sources noticed.

It reads against the articles' words (`ArticleWords`: a KnowledgeBase is one) and knows nothing
else of the knowledge base, so bot.search, which the knowledge base is built with, never imports it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from bot.search.aliases import AliasTable
from bot.search.answer_type import Expectation, expected_answer
from bot.search.document_frequencies import DocumentFrequencies
from bot.search.english import is_english_word, specificity
from bot.search.normalise import SENTENCE_BREAK, STOP_WORDS, stem, terms, words
from bot.search.synonyms import MIN_SYNONYM_SPECIFICITY, synonym_stems
from bot.search.typos import SpellingIndex, english_correction, one_word

# A concept said with an alias is matched through its group term; the exact wording the
# question used still counts a little, so a passage that uses the same words ranks first.
EXACT_WORDING_WEIGHT = 0.2
# Naming the source ("does the Post op-ed think") says where to look, not what to find.
SOURCE_NAME_WEIGHT = 0.3
CORRECTED_WEIGHT = 0.8
# A synonym of the question's word ("shut" for "closing") finds the passage that words it
# differently, at a discount, so a passage in the question's own words still ranks first.
SYNONYM_WEIGHT = 0.5
MAX_QUERY_TERMS = 48


class ArticleWords(Protocol):
    """What reading a question needs to know of the articles' words."""

    @property
    def passage_frequencies(self) -> DocumentFrequencies: ...  # which terms the passages use
    @property
    def title_vocabulary(self) -> frozenset[str]: ...  # which terms the articles' titles use
    @property
    def aliases(self) -> AliasTable: ...
    @property
    def spelling(self) -> SpellingIndex: ...  # corrects a misspelt word to one the articles use
    @property
    def article_names(self) -> Mapping[str, frozenset[str]]: ...  # article id -> terms that name it
    @property
    def articles_by_name(self) -> Mapping[str, frozenset[str]]: ...  # term that names articles -> their ids
    @property
    def synonyms_pointing_at(self) -> Mapping[str, frozenset[str]]: ...  # bot.search.synonyms


@dataclass(frozen=True, slots=True)
class Concept:
    """One thing the question asks about: the terms it was said with, and its alias group if any."""

    terms: tuple[str, ...]
    group_term: str | None
    specificity: float = 1.0  # how much the words the question used say (bot.search.english)
    synonyms: tuple[str, ...] = ()  # stems of general-English synonyms the articles use
    said: str = ""  # the question's own words for it, for people reading how it was understood

    @property
    def key(self) -> str:
        return self.group_term or self.terms[0]


@dataclass(frozen=True)
class Query:
    weights: dict[str, float]
    concepts: tuple[Concept, ...]  # what the answer must hold; source names are not among them
    named_articles: frozenset[str]  # ids of the articles the question names ("does Vox think")
    corrections: dict[str, str]


@cache
def _stop_word_spelling() -> SpellingIndex:
    return SpellingIndex(STOP_WORDS)


def _misspelt_stop_word(word: str) -> bool:
    return _stop_word_spelling().correct(word) is not None


# What a contraction leaves at a word's end once reading drops its apostrophe ("could've" is read
# "couldve", "why'd" "whyd", "it'll" "itll"), and the informal "coulda" ("could have"), with the
# shortest stop word each follows. A short stop word and a one-letter ending make names: "Noa",
# "Ita", "Bea", "Mya" (two letters and "a"), "Nora", "Thea" (three), "Tom" (two and "m"); a
# question about them lost its person (late review). "m" follows only "i" ("I'm").
CONTRACTION_ENDINGS = {"ve": 1, "ll": 1, "re": 1, "nt": 1, "d": 3, "s": 2, "a": 4}


def _contracted_stop_word(word: str) -> bool:
    """A stop word and a contraction's ending ("couldve", "whyd", "shouldve", "im"): phrasing, as the
    stop word is, not a topic to find; as a word in no article it counted as the question's most specific."""
    if word == "im":
        return True
    return any(
        word.endswith(ending) and len(stop := word[: -len(ending)]) >= shortest and stop in STOP_WORDS
        for ending, shortest in CONTRACTION_ENDINGS.items()
    )


def question_terms(
    knowledge: ArticleWords, question: str, phrasing: frozenset[str] = frozenset()
) -> tuple[list[str], list[str], dict[str, str]]:
    """Stemmed content terms of the question and their words, a misspelt word replaced by the one it must mean.

    A message of several sentences often opens with chatter ("Sceptical engineer here.", "Quick
    question from a newbie."): a sentence before the one that asks, saying nothing specific that
    any article says, is left out, so its words do not count as things the articles must hold.
    Everyday words the articles happen to use ("question") do not keep such a sentence; a name does.
    """
    stems, surfaces, corrections, _ = _read_terms(knowledge, question, phrasing)
    return stems, surfaces, corrections


def _read_terms(
    knowledge: ArticleWords, question: str, phrasing: frozenset[str]
) -> tuple[list[str], list[str], dict[str, str], frozenset[str] | None]:
    """question_terms, and the terms of its sentences that ask (bot.search.query.asked_terms)."""
    stems: list[str] = []
    surfaces: list[str] = []
    corrections: dict[str, str] = {}
    texts = SENTENCE_BREAK.split(question)
    sentences = [_sentence_terms(knowledge, text, phrasing) for text in texts]
    asked_at = next((i for i, text in enumerate(texts) if "?" in text), 0)
    # Only what comes before the question can be chatter; what follows it says more about it.
    kept = [i for i, read in enumerate(sentences) if i >= asked_at or _says_something(knowledge, read[0], read[1])]
    for i in kept or range(len(sentences)):
        sentence_stems, sentence_surfaces, sentence_corrections = sentences[i]
        stems += sentence_stems
        surfaces += sentence_surfaces
        corrections |= sentence_corrections
    return stems[:MAX_QUERY_TERMS], surfaces[:MAX_QUERY_TERMS], corrections, asked_terms(texts, sentences, kept)


# A message that tells something and asks something ("I recall the president announcing the danger
# was over. But what did the paper they signed commit the North to? My wife insists it was vague.")
# asks in its sentences with a question mark; the others set the scene or muse about the answer.
# Their words still count, the scene often naming what is asked about, but at this share of their
# weight, so the ranking and the answer check look first for what the question asks.
CONTEXT_WEIGHT = 0.5


def asked_terms(texts: list[str], sentences: list[tuple[list[str], list[str], dict[str, str]]], kept: list[int]) -> frozenset[str] | None:
    """The terms of the kept sentences that ask (hold a "?"), when some kept sentence only tells;
    None when every one asks or none does (a question typed without its question mark), or when
    those that ask name nothing ("The border was closed. When?" asks about the sentence before)."""
    asking = [i for i in kept if "?" in texts[i]]
    asked = frozenset(term for i in asking for term in sentences[i][0])
    return asked if asked and len(asking) < len(kept) else None


# A chatter sentence keeps its place only with a word this specific that some article uses.
MIN_CHATTER_SPECIFICITY = 0.7


def _says_something(knowledge: ArticleWords, sentence_stems: list[str], sentence_words: list[str]) -> bool:
    """A specific word some article uses (or an alias of one): "Yongbyon" keeps its sentence, "quick" does not."""
    return any(
        (article_word(knowledge, term) or term in knowledge.aliases.words) and specificity(word) >= MIN_CHATTER_SPECIFICITY
        for term, word in zip(sentence_stems, sentence_words)
    )


def _sentence_terms(knowledge: ArticleWords, text: str, phrasing: frozenset[str]) -> tuple[list[str], list[str], dict[str, str]]:
    known_words = knowledge.aliases.words
    stems: list[str] = []
    surfaces: list[str] = []
    corrections: dict[str, str] = {}
    for word in words(text):
        if word in STOP_WORDS or word in phrasing:
            continue
        term = stem(word)
        # A real English word is never a typo, even when the articles do not use it.
        if not article_word(knowledge, term) and term not in known_words and not is_english_word(word):
            if _misspelt_stop_word(word) or _contracted_stop_word(word):
                continue  # "actualy", "becuase", "could've": phrasing, not a topic to find
            # A tie between two of the articles' words is no licence to guess an English word instead.
            nearest = knowledge.spelling.nearest(word)
            corrected = (
                one_word(nearest)
                if nearest
                else english_correction(word, lambda term: article_word(knowledge, term), lambda near: near in knowledge.spelling)
            )
            if corrected is not None and corrected not in STOP_WORDS:
                corrections[word] = corrected
                term, word = stem(corrected), corrected
        stems.append(term)
        surfaces.append(word)
        if len(stems) >= MAX_QUERY_TERMS:
            break
    return stems, surfaces, corrections


def read_question(knowledge: ArticleWords, question: str, asking: str | None = None) -> tuple[Expectation | None, Query]:
    """The kind of answer the question wants, and the question read without the words that only
    say so ("what year", "name"): how the answerer and the unanswered report both read it.
    `asking`: the words that say what kind of answer is wanted, when they are not the whole
    question (a follow-up's "and when?" read with the thread's question)."""
    expectation = expected_answer(asking or question)
    return expectation, analyse(knowledge, question, phrasing=expectation.phrasing if expectation else frozenset())


def analyse(knowledge: ArticleWords, question: str, phrasing: frozenset[str] = frozenset()) -> Query:
    """`phrasing`: words that only say what kind of answer is wanted ("name", "long"), left out."""
    stems, surfaces, corrections, asked = _read_terms(knowledge, question, phrasing)
    corrected_terms = {stem(c) for c in corrections.values()}
    matches = knowledge.aliases.longest_matches(stems)
    grouped = {p for m in matches for p in range(m.start, m.start + m.length)}

    def said(start: int, end: int) -> float:
        told = asked is not None and not asked.intersection(stems[start:end])  # only in a sentence that tells
        return sum(specificity(w) for w in surfaces[start:end]) / (end - start) * (CONTEXT_WEIGHT if told else 1.0)

    concepts: list[Concept] = [
        Concept(
            tuple(stems[m.start : m.start + m.length]),
            m.group_term,
            said(m.start, m.start + m.length),
            said=" ".join(surfaces[m.start : m.start + m.length]),
        )
        for m in matches
    ]
    concepts += [
        Concept((stems[i],), None, said(i, i + 1), _synonyms_used(knowledge, surfaces[i], stems), surfaces[i])
        for i in range(len(stems))
        if i not in grouped
    ]
    concepts = list({c.key: c for c in concepts}.values())

    # Looked up by name, not by a pass over every article (3,000 of them took 18 ms a question).
    names = knowledge.articles_by_name
    named = frozenset(
        article_id
        for c in concepts
        if len(knowledge.article_names) > 1 and c.group_term is not None
        for article_id in names.get(c.group_term, ())
    )

    weights: dict[str, float] = {}
    for concept in concepts:
        if concept.group_term in names:
            for term in (concept.group_term, *concept.terms):
                weights[term] = max(weights.get(term, 0.0), SOURCE_NAME_WEIGHT)
            continue
        if concept.group_term is not None:
            weights[concept.group_term] = concept.specificity
        exact = concept.specificity * (EXACT_WORDING_WEIGHT if concept.group_term is not None else 1.0)
        for term in concept.terms:
            weight = exact * (CORRECTED_WEIGHT if term in corrected_terms else 1.0)
            weights[term] = max(weights.get(term, 0.0), weight)
        for synonym in concept.synonyms:
            weights[synonym] = max(weights.get(synonym, 0.0), SYNONYM_WEIGHT * concept.specificity)
    content = tuple(c for c in concepts if c.group_term not in names)
    return Query(weights=weights, concepts=content, named_articles=named, corrections=corrections)


def _synonyms_used(knowledge: ArticleWords, word: str, question_stems: list[str]) -> tuple[str, ...]:
    """The word's synonyms that some passage uses and the question does not already say."""
    if specificity(word) < MIN_SYNONYM_SPECIFICITY:
        return ()
    candidates = (*synonym_stems(word), *sorted(knowledge.synonyms_pointing_at.get(stem(word), ())))
    return tuple(s for s in dict.fromkeys(candidates) if s not in question_stems and knowledge.passage_frequencies.contains(s))


def article_word(knowledge: ArticleWords, term: str) -> bool:
    """Whether a passage or a title uses the term."""
    return knowledge.passage_frequencies.contains(term) or term in knowledge.title_vocabulary


def said_in_articles(knowledge: ArticleWords, concept: Concept) -> bool:
    """Whether any passage or title says the concept: its alias group, or every word it was said
    with. One that none says can only be found through an alias (knowledge/aliases.yaml) or a
    synonym. A title's word counts: the title is a field of its article's passages."""
    return article_word(knowledge, concept.key) or all(article_word(knowledge, term) for term in concept.terms)


def articles_name_for(knowledge: ArticleWords, concept: Concept) -> str | None:
    """The first name of the concept's alias group that the articles use, as written, when the
    question's own words for it are in no article ("dmz" over articles that write "demilitarized
    zone" and "Panmunjom"): what a reader of the articles calls it. None otherwise."""
    if concept.group_term is None or all(article_word(knowledge, term) for term in concept.terms):
        return None
    used = (name for name in knowledge.aliases.names.get(concept.group_term, ()) if all(article_word(knowledge, term) for term in terms(name)))
    return next(used, None)


def words_in_no_article(knowledge: ArticleWords, question: str) -> list[str]:
    """The question's words for the things it asks about that no passage says, as typed; words
    that only say what kind of answer is wanted ("date", "name") are left out, as when answering."""
    _, query = read_question(knowledge, question)
    return [concept.said for concept in query.concepts if not said_in_articles(knowledge, concept)]
