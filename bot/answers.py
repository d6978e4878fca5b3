"""Chooses the sentences that answer a question, or decides that the articles do not cover it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from functools import partial

import numpy as np

from bot.knowledge.base import KnowledgeBase, publisher_name
from bot.knowledge.quotation_marks import unbalanced
from bot.quotes import Quote
from bot.ranking.answer_check import AnswerCheck, Evidence, Signals, shipped_model
from bot.ranking.fitted_fusion import shipped_fusion
from bot.ranking.fusion import Fused, FusedList, FusionWeights, fuse
from bot.ranking.learned import Reranking, shipped_ranking
from bot.ranking.lexical import LexicalRanker
from bot.ranking.protocol import Asked, Ranking
from bot.ranking.semantic import SemanticRanker
from bot.ranking.signals import content_of, gather_signals
from bot.read_as_needed import ReadAsNeeded
from bot.search.answer_type import AnswerType, Expectation, expected_answer, satisfies, terms_required, wants_explanation, without_opening
from bot.search.chat_markup import without_mention_markup
from bot.search.ellipsis import (
    INTERJECTIONS,
    asked_again,
    another_phrase,
    another_subject,
    asked_anew,
    asks_whether,
    demonstrative_pointing_back,
    leans_on_earlier,
    leaves_its_noun_out,
    personal_pronoun_pointing_back,
    with_another_phrase,
    with_another_subject,
    with_the_earlier_person,
    with_the_earlier_subject,
)
from bot.coverage import ConceptCredit, concept_credits, credits_in_text, weighted_coverage
from bot.search.normalise import ADDRESSING_THE_BOT, EXCLAMATIONS, PLEASANTRIES, SENTENCE_BREAK, is_stop_word, spell_out_shorthand, terms, without_set_off_interjections, without_set_phrases, words
from bot.search.query import Query, analyse, articles_name_for, read_question, said_in_articles
from bot.timeline.asked_time import AfterArticles, AskedTime, after_articles, reported_by, times_asked
from bot.search.title_context import title_terms
from bot.search.unknown_name import unknown_name
from bot.quotations.names import name_key, name_mentions, tokenize
from bot.quotations.speakers import find_speaker
from bot.search.demonyms import is_a_place
from bot.outlet_asked import OutletAsked, articles_named_alone, outlet_asked
from bot.speaker_words import (
    SPEAKER_TOPIC_SIMILARITY,
    SpeakerAsked,
    another_speaker,
    speaker_asked,
    speakers_topic,
    speakers_words_meaning,
    speakers_words_touch,
    reporting_on,
    who_is_asked,
    with_speaker_swapped,
)
from bot.person_named import may_be_a_person, not_told_apart_from_a_person
from bot.plain_decline import declines_plainly
from bot.what_happened import WhatHappened, what_happened

MAX_QUESTION_CHARS = 2000
MAX_QUOTES = 3
# A source the question names ("does Vox think") lifts that source's passages, as does a month or
# day it names that an article reports ("what happened at the DMZ in June 2019" and a report
# published on June 30, 2019): the time names the article as its publisher's name would.
NAMED_SOURCE_BOOST = 2.0
# The articles most about a question (their paragraphs' BM25 added up); the other articles'
# sentences count this share of their fused score. Lowering the others, not lifting these, leaves
# the best sentence's score as the answer check has always read it (lifting them answered 47 more
# unanswerable questions of eval/ at 3,000 articles). A folder of no more articles than that is
# left as it is: there is nothing to tell apart.
ARTICLES_ABOUT = 20
OTHER_ARTICLES_SHARE = 2 / 3


@dataclass(frozen=True)
class Pipeline:
    """The settings of the ranking pipeline's stages. The fusion and the later quotes' share are
    what tools/fit_fusion.py fitted on every set in eval/ (bot/ranking/fusion.json); the learned
    order of the fused list's head is tools/fit_learned_ranking.py's, fitted on the same sets over
    this fusion; the check's model is tools/fit_answer_check.py's, fitted on the same sets over
    both; the rule's thresholds date from dev and held-out A to L. docs/measurements.md has the
    leave-one-set-out numbers for them."""

    fusion: FusionWeights = shipped_fusion().fusion
    check: AnswerCheck = AnswerCheck(min_coverage=0.45, min_similarity=0.55, trap_similarity=0.15, model=shipped_model())
    # Later quotes must score at least this share of the first (fitted: half), or they are noise.
    following_quote_ratio: float = shipped_fusion().following_quote_ratio
    # The fused list's head re-ordered by a fitted model (bot.ranking.learned; None: the fused order).
    reranking: Reranking | None = shipped_ranking()


PIPELINE = Pipeline()
# Share of the question's meaning (IDF-weighted concepts) that the best quote's passage must hold
# when the meaning signal does not vouch for it on its own.
MIN_COVERAGE = PIPELINE.check.min_coverage
CLOSEST_OFFERED = 2
# A declined question whose best passage held at least this share of it may be answered by the
# closest passages offered (on the held-out sets about one in five such declines is), so the reply
# must not claim the articles do not cover it. Below it the question is off the articles' topics
# (recipes, wifi): one such held-out decline in twenty had its answer among the closest passages.
NEAR_MISS_COVERAGE = 0.1
SHORT_QUOTE_CHARS = 90
MAX_QUOTATION_SENTENCES = 4
EXPLANATION_CHARS = 200  # what a why-question's first quote adds after its best sentence, at most about
# ANSI escape sequences, as terminals and `tput` print them: CSI ("\x1b[31m", or the one-byte
# "\x9b31m"), OSC only when terminated ("\x1b]0;title\x07"; a lone "\x1b]" must not swallow the
# rest of the question), and the short forms ("\x1b(B", "\x1b7").
_TERMINAL_CODES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[ -/]*[0-~]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


class Declined(str, Enum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NO_ARTICLES = "no_articles"
    SMALL_TALK = "small_talk"  # "hello", "thanks", "what can you do?": to the bot, not about the talks
    ASKED_AGAIN = "asked_again"  # a follow-up asking only what its earlier question asked ("and why?" after a why)
    NOT_COVERED = "not_covered"


# A message of only pleasantries, words to the bot and small words is not a question about the
# talks: it gets a reply saying what the bot does, and is not logged as a gap in the articles.
# With a question word, such a message still asks about the talks ("ok, and when?", "who said it
# was great?") unless it asks about the bot itself ("how are you?", "what can you do?").
_ABOUT_THE_BOT = ADDRESSING_THE_BOT | {"bot"}
_QUESTION_WORDS = frozenset("why when where who whom whose which what how".split())


@dataclass(frozen=True)
class Reading:
    """How the question was read: what a maintainer needs to see why it was answered or not."""

    expected: AnswerType | None
    typed_answer_found: bool  # False: no ranked sentence has the kind of answer expected
    corrections: tuple[tuple[str, str], ...]  # (as typed, read as)
    named_articles: tuple[str, ...]  # ids of the articles the question names ("does Vox think")
    concepts: tuple[ConceptCredit, ...]
    similarity: float | None = None  # the meaning signal's cosine with the best sentence (None: no model)
    evidence: Evidence | None = None  # what the answer check weighed
    unknown_name: str | None = None  # the person or thing asked about, which no article names (bot.search.unknown_name)
    # The time asked about, which begins after the newest article was published (bot.timeline.asked_time).
    after_articles: AfterArticles | None = None
    # Whose words a "what did X say" question asked for (bot.speaker_words), as the reply names them;
    # whether the articles hold any, and any on what the question asks about.
    speaker: str | None = None
    speaker_quoted: bool = True
    speaker_on_topic: bool = True
    # The speakers /said lists whose quotations answer for them, most quoted first, and whether the
    # speaker is a person (not a people: "the north koreans"), whom "/said NAME" shows.
    speaker_said: tuple[str, ...] = ()
    speaker_person: bool = True
    # A person the articles quote nothing of: the quoted names closest in spelling, offered in the reply.
    speaker_closest: tuple[str, ...] = ()
    # When no word of what the question asks besides the speaker is in their paragraphs: those
    # words, and the meaning signal's best cosine of that topic with their words (None: no model),
    # which still answers from SPEAKER_TOPIC_SIMILARITY.
    speaker_lacks: tuple[str, ...] = ()
    speaker_meaning: float | None = None


@dataclass(frozen=True)
class Answer:
    question: str
    quotes: tuple[Quote, ...] = ()
    declined: Declined | None = None
    closest: tuple[Quote, ...] = ()  # offered, clearly marked, when not answered
    coverage: float = 0.0
    reading: Reading | None = None
    follows: str | None = None  # the earlier question of the conversation this one leaned on
    # A follow-up read with an earlier question that could not answer it either: declined as the
    # message stands, its closest passages its own; the reply and the logs name that question.
    tried_with: str | None = None
    # The outlets (publishers) a follow-up naming only them was answered from ("and Vox?"), or a
    # question named as the one whose words it asks for ("what did Vox say about China").
    outlets: tuple[str, ...] = ()
    # When those outlets have nothing on it: the other outlets the whole folder's answer quotes.
    other_outlets: tuple[str, ...] = ()
    topic: str | None = None  # what was asked of the outlets, without their names: /compare's topic
    # A question asking only what happened at a time, answered with the timeline's events then
    # (bot.what_happened): `quotes` are the first quote of each of the first events shown.
    what_happened: WhatHappened | None = None
    # The question a follow-up was rewritten as and answered ("and trump?" after "how old is kim
    # jong un?" -> "how old is trump?"): a decline says so, or the reader cannot tell what was asked.
    read_as: str | None = None
    # A plain decline (bot.plain_decline): the closest passages found, not shown (they hold nothing
    # of what was asked but a name many passages share; the unanswered log still weighs them), and
    # what the articles are about (knowledge/bot.yaml's topic), which the reply names instead.
    withheld: tuple[Quote, ...] = ()
    about: str | None = None

    @property
    def follow_up(self) -> bool:
        return self.follows is not None

    @property
    def read_with(self) -> str | None:
        """The earlier question this message was read with, answered or not: a log's `follows`."""
        return self.follows or self.tried_with

    @property
    def answered(self) -> bool:
        return self.declined is None and bool(self.quotes)

    @property
    def declined_plainly(self) -> bool:
        """Declined with no passage shown, the reply naming what the articles are about instead."""
        return self.declined is Declined.NOT_COVERED and self.about is not None

    @property
    def plain_decline_signals(self) -> Signals | None:
        """The answer check's signals that declined it plainly (--explain says why); None for any other answer."""
        evidence = self.reading.evidence if self.reading is not None else None
        unknown = self.reading is not None and self.reading.unknown_name is not None  # declined for the name, not by them
        return evidence.signals if self.declined_plainly and evidence is not None and not unknown else None

    @property
    def near_miss(self) -> bool:
        """Declined, but the closest passages held much of the question: they may answer it."""
        return self.declined is Declined.NOT_COVERED and bool(self.closest) and self.coverage >= NEAR_MISS_COVERAGE


def clean_question(question: str) -> str:
    """Terminal colour codes, control characters and chat mentions out, white space folded: what a
    user typed, made safe to process. A pasted "\x1b[31mbiegun" is "biegun", not the word
    "31mbiegun"; "<@123> summit" asks about the summit (bot.search.chat_markup)."""
    return " ".join(without_mention_markup(as_typed(question)).split())


def as_typed(text: str) -> str:
    """What a user typed with its words as typed, mentions included: only terminal colour codes
    and control characters out and white space folded, so it is safe to show back."""
    return " ".join(_CONTROL.sub(" ", _TERMINAL_CODES.sub("", text)).split())


# The whole folder's rankings and their fused (and re-ranked) order for a question as read (its
# text without markup, and the texts encoded alongside it): made once when one question is asked
# of several outlets' articles in turn, the only difference being which sentences are kept.
WholeRankings = dict[tuple[str, tuple[str, ...]], tuple[list[Ranking], FusedList]]


def answer(
    knowledge: KnowledgeBase,
    question: str,
    *,
    asking: str | None = None,
    only_articles: frozenset[str] | None = None,
    pipeline: Pipeline = PIPELINE,
    whole_rankings: WholeRankings | None = None,
    by_outlet: bool = True,
) -> Answer:
    """Question -> rankers -> fusion -> answer check -> quotes.

    `asking`: the part of the question that says what kind of answer is wanted, when it is not
    the whole (bot.search.query.read_question). `only_articles`: answer from these articles
    alone (ids), as when each outlet is asked in turn; the same ranking and check apply.
    `whole_rankings`: the whole folder's rankings already made for the same question by the
    caller's earlier calls (/compare asks each outlet in turn), filled in when missing.
    `by_outlet`: False reads a question naming an outlet ("what did Vox say about China") as any
    question, the outlet's name lifting its articles, not as asking that outlet alone.
    """
    question = clean_question(question)
    if (declined := _declined_before_reading(knowledge, question, only_articles)) is not None:
        return Answer(question, declined=declined)
    plain = without_set_off_interjections(_without_markup(question))  # "Oh, why?" is not about Oh
    expectation, query = read_question(knowledge, plain, asking and _without_markup(asking))
    # "What came out of the talks in October 2019?" over articles that end in February 2019: no
    # article can report it, however well the other words match (bot.timeline.asked_time).
    # Most questions name no time: only then are the articles' dates looked at.
    asked = times_asked(plain)
    beyond = after_articles(asked, _newest_published(knowledge, only_articles), knowledge.planned_spans) if asked else None
    if beyond is not None:
        reading = replace(_reading(expectation, False, query, (), None), after_articles=beyond)
        return Answer(question, declined=Declined.NOT_COVERED, reading=reading)
    # "What did Vox say about China?" is answered from Vox's articles, or declined naming Vox.
    if by_outlet and only_articles is None and asking is None and (outlet := outlet_asked(knowledge, plain)) is not None:
        return _from_outlets_words(knowledge, question, outlet, pipeline)
    # "What did Kim say?" is answered from Kim's own words, or declined naming him (bot.speaker_words).
    asked_of = speaker_asked(knowledge, plain) if only_articles is None else None
    if asked_of is not None:
        return _from_speakers_words(knowledge, question, plain, query, expectation, asked_of, pipeline)
    # "What happened in March 2018?" names nothing to rank by but its time: the timeline has its events.
    if asked and expectation is None and only_articles is None and asking is None and (happened := what_happened(plain, asked, knowledge.timeline)) is not None:
        return _what_happened_answer(question, happened)
    # The check's model was fitted on questions asked on their own over the whole folder, its fused
    # margin the lead of the folder's best sentence. Within some articles the best is often another
    # article's runner-up, and a follow-up read with its thread's question is two questions in one:
    # there the rule decides.
    own_question = only_articles is None and asking is None
    # The question without its names, encoded with the question (bot.ranking.signals.content_of).
    content = content_of(plain) if own_question else plain
    alongside = (content,) if content != plain else ()
    made = whole_rankings.get((plain, alongside)) if whole_rankings is not None else None
    if made is None:
        made = rank_sentences(knowledge, plain, query, pipeline=pipeline, alongside=alongside)
        if pipeline.reranking is not None:
            made = (made[0], pipeline.reranking.reranked(knowledge, made[0], made[1], query, plain))
        if whole_rankings is not None:
            whole_rankings[(plain, alongside)] = made
            # Texts encoded alongside change no ranking (they only share the question's pass), so the
            # same rankings serve the question asked with none: an outlet's articles after the whole folder.
            whole_rankings.setdefault((plain, ()), made)
    rankings, ranked = made
    if only_articles is not None:
        ranked = _within(knowledge, ranked, only_articles)
    if not ranked:
        credits = concept_credits(knowledge, query, frozenset())
        return Answer(question, declined=Declined.NOT_COVERED, reading=_reading(expectation, False, query, credits, None))
    fitting = ranked if expectation is None else _fitting(knowledge, ranked, expectation, asking or question, pipeline.following_quote_ratio)
    best = fitting[0] if fitting else ranked[0]
    # A typed answer (a number, a name) must sit close to what the question asks about: the
    # sentence and its neighbours. Otherwise the best sentence's whole paragraph is the context.
    present = _window_terms(knowledge, best.sentence) if expectation else frozenset(knowledge.passage_terms[knowledge.sentences[best.sentence].passage])
    # Its article's title is context too: what the whole article is about (bot.search.title_context);
    # and the time asked, when the article reports it: its body says "on Sunday", not "June 2019".
    # Both are context of the best sentence and of its whole article alike.
    best_article = knowledge.article_of(knowledge.sentences[best.sentence].passage)
    article_context = frozenset(title_terms(best_article.meta.title, knowledge.aliases)) | frozenset(
        term for time in reported_by(best_article.meta.published, asked) for term in terms(time.said)
    )
    present |= article_context
    credits = concept_credits(knowledge, query, present)
    coverage = weighted_coverage(credits)
    similarity = similarity_of(rankings, best.sentence)
    signals = None
    if own_question:
        # The best sentence's whole article: whom it names, and what it says of what is asked.
        article_terms = _article_terms(knowledge, best_article.id) | article_context
        signals = gather_signals(
            plain, expectation, ranked, credits, _passage_text(knowledge, best.sentence), _similarity_to(knowledge, best.sentence, plain, similarity),
            window=_window_text(knowledge, best.sentence), article=best_article.body,
            article_terms=article_terms, article_credits=concept_credits(knowledge, query, article_terms),
        )  # fmt: skip
    evidence = Evidence(coverage, similarity, bool(fitting), has_topic=_has_topic(query), signals=signals)
    reading = replace(_reading(expectation, bool(fitting), query, credits, similarity, evidence), unknown_name=unknown_name(knowledge, plain, query))
    quotes = quotes_from(knowledge, fitting or ranked, explain=wants_explanation(asking or question), ratio=pipeline.following_quote_ratio, asked=query.weights)
    if reading.unknown_name is not None or not pipeline.check.answers(evidence):
        closest = quotes[:CLOSEST_OFFERED]
        declined = Answer(question, declined=Declined.NOT_COVERED, closest=closest, coverage=coverage, reading=reading)
        # Nothing in the closest passages but a name many share, or about whom (or what) it asks none
        # mentions: the reply says so and what the articles are about instead of showing them.
        if reading.unknown_name is not None or declines_plainly(evidence, knowledge.passage_frequencies, len(closest)):
            return replace(declined, closest=(), withheld=closest, about=knowledge.profile.topic)
        return declined
    return Answer(question, quotes=quotes, coverage=coverage, reading=reading)


def cannot_be_asked(question: str) -> Declined | None:
    """EMPTY or TOO_LONG for a (cleaned) question no knowledge could answer, else None: one rule for
    answer() and for the command line, which refuses such a question before loading anything."""
    if not question:
        return Declined.EMPTY
    if len(question) > MAX_QUESTION_CHARS:
        return Declined.TOO_LONG
    return None


def _declined_before_reading(knowledge: KnowledgeBase, question: str, only_articles: frozenset[str] | None = None) -> Declined | None:
    """Why answer() declines a question (cleaned) before reading it: empty, too long, no articles
    to answer from, or said to the bot. One place, so the follow-up shortcut that tells a question
    of its own without answering it (_question_of_its_own) declines exactly what answer() does."""
    if (unaskable := cannot_be_asked(question)) is not None:
        return unaskable
    if not knowledge.articles or (only_articles is not None and not only_articles & knowledge.articles.keys()):
        return Declined.NO_ARTICLES
    if _to_the_bot(knowledge, question):
        return Declined.SMALL_TALK
    return None


def _has_topic(query: Query) -> bool:
    """Whether a question names something to find. "wow, why?" does not: an exclamation is no
    topic ("hmm", "wow"; a set-off "oh" was taken out before), but "right" and "great" may be
    what is asked ("who was right?")."""
    return any(c.said not in EXCLAMATIONS for c in query.concepts)


def _names_nothing(knowledge: KnowledgeBase, message: str) -> bool:
    """Whether answer() declines a message (cleaned) for naming nothing to find, which its words
    tell before anything is ranked: no time (the timeline's route), no speaker (the speakers'
    route) and no topic (the answer check wants one: "and why?", "ok, when?")."""
    plain = without_set_off_interjections(_without_markup(message))
    if times_asked(plain) or who_is_asked(plain) is not None:
        return False
    return not _has_topic(read_question(knowledge, plain, None)[1])


def _closest_speakers(knowledge: KnowledgeBase, asked: SpeakerAsked) -> tuple[str, ...]:
    """For a person whose words the articles hold none of: the quoted names closest in spelling, as
    /said offers them ("galuci": Robert Gallucci). Offered in the reply, never read as meant: a
    close spelling may be someone else."""
    if not asked.person:
        return ()
    lookup = find_speaker(knowledge.speakers, asked.asked, knowledge.aliases)
    return () if lookup.ambiguous or lookup.speaker is not None else tuple(s.name for s in lookup.candidates)


def _from_speakers_words(
    knowledge: KnowledgeBase, question: str, plain: str, query: Query, expectation: Expectation | None, asked: SpeakerAsked, pipeline: Pipeline
) -> Answer:
    """The speaker's sentences ranked for the question by every ranker and the learned order, as any
    question's are; declined, naming them, when the articles hold no words of theirs, or none on
    what the question asks besides (then their best words are the closest passages shown)."""
    reading = replace(_reading(expectation, True, query, (), None), speaker=asked.name, speaker_said=asked.said_as, speaker_person=asked.person)
    if not asked.quoted:
        # Someone no article names at all is said so by --explain, as the who-said gate says it.
        unknown = unknown_name(knowledge, plain, query)
        # Only a name no article gives may be a misspelling: "petra vosk's sister" is not Petra Vosk.
        closest = _closest_speakers(knowledge, asked) if unknown is not None else ()
        reading = replace(reading, speaker_quoted=False, unknown_name=unknown, speaker_closest=closest)
        return Answer(question, declined=Declined.NOT_COVERED, reading=reading)
    explain = wants_explanation(question)
    in_order = [Fused(sentence, 1.0) for sentence in asked.sentences]
    # "how many warheads does North Korea have, according to Rusten?": a number of hers, or nothing.
    not_names = knowledge.profile.not_person_words
    kind = asked.sentences if expectation is None else tuple(
        s for s in asked.sentences if satisfies(knowledge.sentence_text(s), expectation, question, not_names, knowledge.sentence_terms[s])
    )
    if kind and not speakers_words_touch(knowledge, query, asked):
        # No word of the topic in their paragraphs: their words may still be on it in other words.
        lacks = tuple(c.said or " ".join(c.terms) for c in speakers_topic(knowledge, query, asked))
        reading = replace(reading, speaker_lacks=lacks, speaker_meaning=speakers_words_meaning(knowledge, query, asked, kind))
    if not kind or (reading.speaker_lacks and (reading.speaker_meaning or 0.0) < SPEAKER_TOPIC_SIMILARITY):
        closest = tuple(asked.attributed(q) for q in quotes_from(knowledge, in_order, explain=explain)[:CLOSEST_OFFERED])
        return Answer(question, declined=Declined.NOT_COVERED, closest=closest, reading=replace(reading, speaker_on_topic=False))
    rankings, ranked = rank_sentences(knowledge, plain, query, pipeline=pipeline)
    if pipeline.reranking is not None:
        ranked = pipeline.reranking.reranked(knowledge, rankings, ranked, query, plain)  # its speaker feature reads the question
    theirs = np.zeros(len(knowledge.sentences), dtype=bool)
    theirs[list(kind)] = True
    own = ranked.among(theirs)
    # "what did trump say kim wanted?": Trump's reports of what Kim said or did come first.
    if reports := set(reporting_on(knowledge, asked)) & set(kind):
        own = own.with_head(np.array([f.sentence for f in own if f.sentence in reports], dtype=np.int64))
    ranked_own = own if len(own) else [Fused(sentence, 1.0) for sentence in kind]
    quotes = tuple(asked.attributed(q) for q in quotes_from(knowledge, ranked_own, explain=explain, ratio=pipeline.following_quote_ratio, asked=query.weights))
    best = own[0].sentence if len(own) else kind[0]
    credits = concept_credits(knowledge, query, frozenset(knowledge.passage_terms[knowledge.sentences[best].passage]))
    return Answer(question, quotes=quotes, coverage=weighted_coverage(credits), reading=replace(reading, concepts=credits, similarity=similarity_of(rankings, best)))


def _from_outlets_words(knowledge: KnowledgeBase, question: str, outlet: OutletAsked, pipeline: Pipeline) -> Answer:
    """The named outlet's part of an answer, never another outlet's quote. The question without the
    outlet's name is asked of the outlet's articles as /compare asks each outlet; when they fall
    short of that check, the question as asked (the name lifting the outlet's articles) still
    answers when it was accepted on the outlet's own passage, its other outlets' quotes left out.
    Otherwise the decline names the outlet and offers those the whole folder's answer quotes.
    (The first alone raised the training sets' answerable declines from 68 to 73: within some
    articles the check's stricter rule decides.)"""
    # The outlet's articles are ranked as the whole folder was (answer_of_outlet asks with the default pipeline).
    whole_rankings: WholeRankings | None = {} if pipeline is PIPELINE else None
    whole = answer(knowledge, outlet.rest, pipeline=pipeline, whole_rankings=whole_rankings)
    within = answer_of_outlet(knowledge, outlet.rest, outlet.ids, whole, whole_rankings)
    if within.answered:
        return replace(within, question=question, outlets=outlet.publishers, topic=outlet.rest)
    as_asked = answer(knowledge, question, pipeline=pipeline, by_outlet=False)
    # Accepted on the outlet's own passage: the check weighed the best quote's, and another
    # outlet's best ("china" answered by the Post) says nothing of what Vox said.
    accepted_on_it = as_asked.answered and as_asked.quotes[0].article.id in outlet.ids and _outlet_says_any(knowledge, outlet)
    kept = tuple(q for q in as_asked.quotes if q.article.id in outlet.ids) if accepted_on_it else ()
    if kept:
        return replace(as_asked, question=question, quotes=kept, outlets=outlet.publishers, topic=outlet.rest)
    others = () if not whole.answered else tuple(
        dict.fromkeys(name for q in whole.quotes if (name := publisher_name(q.article)) not in outlet.publishers)
    )
    return replace(within, question=question, outlets=outlet.publishers, other_outlets=others, topic=outlet.rest)


def _outlet_says_any(knowledge: KnowledgeBase, outlet: OutletAsked) -> bool:
    """Whether some passage of the outlet's articles holds a word of the topic asked of it: with the
    outlet's name in the question, its articles were lifted enough to pass the check on a topic
    they never mention ("what did vox say about kimchi"; late review)."""
    topic = set(analyse(knowledge, outlet.rest).weights)
    numbering = knowledge.numbering  # the outlet's passages found in C, not by a look at every passage
    theirs = np.flatnonzero(numbering.chosen(outlet.ids)[numbering.of_passage])
    return any(topic.intersection(knowledge.passage_terms[passage]) for passage in theirs)


def _what_happened_answer(question: str, happened: WhatHappened) -> Answer:
    """The events of the time asked, as an answer: each shown event's first quote (what every front
    end shows at least), or declined plainly when the timeline has none then."""
    if not happened.events:
        return Answer(question, declined=Declined.NOT_COVERED, what_happened=happened)
    quotes = tuple(event.quotes[0] for event in happened.shown if event.quotes)
    return Answer(question, quotes=quotes, coverage=1.0, what_happened=happened)


def rank_sentences(
    knowledge: KnowledgeBase,
    text: str,
    query: Query,
    *,
    only_articles: frozenset[str] | None = None,
    pipeline: Pipeline = PIPELINE,
    alongside: tuple[str, ...] = (),
) -> tuple[list[Ranking], FusedList]:
    """The retrieval /ask and /timeline share: every ranker's view of the sentences, and their fusion
    (a source the text names first among equals). `text` is the question as typed, without markup;
    `alongside`: texts to be compared with sentences afterwards (bot.ranking.protocol.Asked)."""
    # The model is uncased; it reads chat shorthand ("wat did wired say abt …") and misspellings
    # ("tilerson") as the words meant, and not a greeting before the question ("hey bot, who is …"),
    # which words alone skip too.
    # A question that names nothing but aliases no article uses ("dmz", "the DMZ") is read as the
    # groups' names the articles use ("demilitarized zone"), as a misspelling is: the model cannot
    # know a folder's aliases, and with no other word to go on it found its meaning nearest another
    # article's words. Read so in every question, the other words' meaning lost on the sets (R@1
    # 0.7205 -> 0.7179 on all eval/*.jsonl).
    meant = _with_corrections(spell_out_shorthand(text.casefold()), query.corrections | _articles_names(knowledge, query))
    asked = Asked(without_opening(meant) or text, query, only_articles, alongside)
    rankings = [ranker.rank(knowledge, asked) for ranker in knowledge.rankers]
    fused = _lower_other_articles(knowledge, fuse(rankings, pipeline.fusion), asked)
    return rankings, _boost_dated_articles(knowledge, _boost_named_sources(knowledge, fused, query), times_asked(text))


def _lower_other_articles(knowledge: KnowledgeBase, fused: FusedList, asked: Asked) -> FusedList:
    """The sentences of all but the articles most about the question lowered to OTHER_ARTICLES_SHARE:
    in a large folder a lone sentence sharing the question's names, in an article about something
    else, is seldom the answer (documents first, then passages within them, as two-stage retrieval does)."""
    words = next((r for r in knowledge.rankers if isinstance(r, LexicalRanker)), None)
    about = words.articles_about(knowledge, asked, ARTICLES_ABOUT) if words is not None else None
    if not about:
        return fused
    numbering = knowledge.numbering
    return fused.lifted(~numbering.chosen(about)[numbering.of_sentence], OTHER_ARTICLES_SHARE)


def _within(knowledge: KnowledgeBase, ranked: FusedList, articles: frozenset[str]) -> FusedList:
    """The sentences of these articles in the order the whole folder's ranking gives them, as /ask
    ranks them: ranked among these articles alone, each ranker's scores and the learned order's
    features were scaled to their best, and /compare showed an outlet's weakest lines first."""
    numbering = knowledge.numbering
    return ranked.among(numbering.chosen(articles)[numbering.of_sentence])


def _fitting(knowledge: KnowledgeBase, ranked: FusedList, expectation: Expectation, asking: str, ratio: float) -> Sequence[Fused]:
    """The ranked sentences with the kind of answer expected, as far as the quotes can reach, each
    found only when read: the answer reads its best and the quotes' few, and at 3,000 articles
    a "how many" question's words are in thousands of sentences whose text would be read for a
    number (up to 0.2 s CPU a question when all of them were)."""
    required = terms_required(expectation)
    # Only sentences holding a required term can have the answer: most of a large folder's are skipped unread.
    candidates = ranked if required is None else _holding_any(knowledge, ranked, required)
    words_not_names, sentence_terms = knowledge.profile.not_person_words, knowledge.sentence_terms
    return ReadAsNeeded(
        _while_quotable(
            (c for c in candidates if satisfies(knowledge.sentence_text(c.sentence), expectation, asking, words_not_names, sentence_terms[c.sentence])), ratio
        )
    )


def _holding_any(knowledge: KnowledgeBase, ranked: FusedList, terms: frozenset[str]) -> FusedList:
    """The ranked sentences that hold one of the terms, in order: told by the word ranker's
    postings when it runs (tens of thousands of ranked sentences at 3,000 articles each looked at
    in Python took up to 0.1 s), else by each sentence's terms."""
    words = next((r for r in knowledge.rankers if isinstance(r, LexicalRanker)), None)
    if words is None:
        return ranked.keeping(lambda position: not terms.isdisjoint(knowledge.sentence_terms[position]))
    return ranked.among(words.sentences_holding(terms, len(knowledge.sentences)))


def _while_quotable(candidates: Iterator[Fused], ratio: float) -> Iterator[Fused]:
    """The candidates, best first, up to the first that scores under `ratio` of the first (included):
    the quotes stop there (quotes_from), and reading every sentence of a large folder for its kind of
    answer cost most of an answer's time."""
    best: float | None = None
    for candidate in candidates:
        best = candidate.score if best is None else best
        yield candidate
        if candidate.score < ratio * best:
            return


def _articles_names(knowledge: KnowledgeBase, query: Query) -> dict[str, str]:
    """Each alias the question uses that no article says, as typed (lower case), -> the group's name
    the articles use; nothing unless every concept the question names is such an alias."""
    named = [(concept.said.casefold(), articles_name_for(knowledge, concept)) for concept in query.concepts]
    if not named or any(not said or name is None for said, name in named):
        return {}
    return {said: name.casefold() for said, name in named if name is not None}


def _with_corrections(text: str, corrections: Mapping[str, str]) -> str:
    """The text with each word the query analysis corrected replaced by the word it was read as."""
    for typed, read_as in corrections.items():
        text = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", read_as, text)
    return text


# Chat markup (**bold**, _italic_, `code`, ~~struck~~, > quotes) says nothing about the meaning.
_MARKUP = re.compile(r"[*_`~]+|^>\s*", re.MULTILINE)


def _without_markup(question: str) -> str:
    return " ".join(_MARKUP.sub("", question).split())


def _boost_named_sources(knowledge: KnowledgeBase, fused: FusedList, query: Query) -> FusedList:
    """A source the question names ("does Vox think") comes first among equals."""
    return _boost_articles(knowledge, fused, query.named_articles)


def _boost_dated_articles(knowledge: KnowledgeBase, fused: FusedList, asked: tuple[AskedTime, ...]) -> FusedList:
    """The articles that report a month or day the question names come first among equals."""
    dated = frozenset(article_id for article_id, article in knowledge.articles.items() if reported_by(article.meta.published, asked)) if asked else frozenset()
    return _boost_articles(knowledge, fused, dated)


def _boost_articles(knowledge: KnowledgeBase, fused: FusedList, article_ids: frozenset[str]) -> FusedList:
    """These articles' sentences lifted by NAMED_SOURCE_BOOST; the list as it was when there are none."""
    if not article_ids:
        return fused
    numbering = knowledge.numbering
    return fused.lifted(numbering.chosen(article_ids)[numbering.of_sentence], NAMED_SOURCE_BOOST)


def similarity_of(rankings: list[Ranking], sentence: int) -> float | None:
    """The meaning ranker's cosine for the sentence, when that ranker is running."""
    return next((r.score(sentence) for r in rankings if r.ranker == "meaning"), None)


def _is_small_talk(question: str) -> bool:
    """Only pleasantries, set phrases ("of course", "no way") and small words, in the sentence that
    asks: "thanks! and why?" asks why."""
    asking = _asking_words(question)
    if not asking:
        return bool(words(question))  # interjections alone: "oh", "ah!"
    said = without_set_phrases(asking)
    if not said:
        return True  # a set phrase alone asks nothing: "of course", "no way!"
    if not any(word in PLEASANTRIES for word in said) or not all(word in PLEASANTRIES or is_stop_word(word) for word in said):
        return False
    return not _QUESTION_WORDS.intersection(said) or bool(_ABOUT_THE_BOT.intersection(said))


# "tl;dr", "k": no word longer than this, none the articles use, asks nothing of them.
_FRAGMENT_LETTERS = 2


def _says_nothing(knowledge: KnowledgeBase, question: str) -> bool:
    """A message with no words ("?", "...", ":)"), or only fragments of a word or two letters that no
    article uses ("tl;dr", "k"): it asks nothing the articles could answer, so it gets the reply
    saying what the bot does, like "hello", not "the articles do not cover that" and the closest
    passages to nothing. A short name the articles use ("NK?", "UN?") is still a question."""
    if not any(character.isalnum() for character in question):
        return True
    said = words(question)
    if not said or any(len(word) > _FRAGMENT_LETTERS for word in said):
        return False  # no word read at all is another script ("北朝鮮の制裁"), a question still
    return not any(said_in_articles(knowledge, concept) for concept in analyse(knowledge, question).concepts)


def _asking_words(message: str) -> list[str]:
    """The words of the first sentence with a question mark and words of its own, or of the whole
    message when none has both, without the "oh" and "ah" set off as interjections (a name
    otherwise). A "?" set apart ("what happened in hanoi... ?") or after an emoticon ("Tell me about
    Biegun. :) ?") asks what came before it; so none read is interjections alone ("oh?")."""
    asking = (words(without_set_off_interjections(s)) for s in SENTENCE_BREAK.split(message) if "?" in s)
    return next((said for said in asking if said), None) or words(without_set_off_interjections(message))


def _newest_published(knowledge: KnowledgeBase, only_articles: frozenset[str] | None) -> dt.date | None:
    """The newest publication date among the articles answered from."""
    if only_articles is None:
        return knowledge.newest_published
    return max((knowledge.articles[i].meta.published for i in only_articles if i in knowledge.articles), default=None)


def _reading(
    expectation: Expectation | None,
    typed_found: bool,
    query: Query,
    credits: tuple[ConceptCredit, ...],
    similarity: float | None,
    evidence: Evidence | None = None,
) -> Reading:
    return Reading(
        expectation.type if expectation else None,
        typed_found,
        tuple(query.corrections.items()),
        tuple(sorted(query.named_articles)),
        credits,
        similarity,
        evidence,
    )


def _window(knowledge: KnowledgeBase, sentence: int) -> list[int]:
    """The sentence and its neighbours in the same passage, in order."""
    passage = knowledge.sentences[sentence].passage
    around = range(max(0, sentence - 1), min(len(knowledge.sentences), sentence + 2))
    return [i for i in around if knowledge.sentences[i].passage == passage]


def _article_terms(knowledge: KnowledgeBase, article_id: str) -> frozenset[str]:
    """Terms of every passage of the article."""
    number = knowledge.numbering.numbers[article_id]
    # An article's passages are contiguous and numbered in order: its slice, not a pass over every passage.
    first, end = np.searchsorted(knowledge.numbering.of_passage, [number, number + 1])
    return frozenset().union(*knowledge.passage_terms[first:end])


def _window_terms(knowledge: KnowledgeBase, sentence: int) -> frozenset[str]:
    """Terms of the sentence and of its neighbours in the same passage."""
    return frozenset().union(*(knowledge.sentence_terms[i] for i in _window(knowledge, sentence)))


def quotes_from(
    knowledge: KnowledgeBase,
    ranked: Sequence[Fused],
    *,
    explain: bool = False,
    ratio: float = PIPELINE.following_quote_ratio,
    asked: Mapping[str, float] | None = None,
) -> tuple[Quote, ...]:
    """Best sentences first; a sentence next to one already chosen joins that quote.

    A claim's support usually follows it ("Diplomacy is a team sport. Even if Trump succeeds…"),
    so a short quote, and the first quote of a why-question, runs on into the next sentence of
    its paragraph: the sentence that matches the question's words is often the question restated.
    `asked`: the question's terms and weights (Query.weights); a quote holding none of them takes
    in the neighbour that holds them (_with_asked_neighbour).
    """
    chosen: list[tuple[int, int, float]] = []  # first sentence, last sentence, score
    best = ranked[0].score
    for candidate in ranked:
        if candidate.score < ratio * best:
            break
        position = candidate.sentence
        for i, (first, last, score) in enumerate(chosen):
            if first - 1 <= position <= last + 1 and _same_passage(knowledge, position, first):
                chosen[i] = (min(first, position), max(last, position), score)
                break
        else:
            chosen.append((position, position, candidate.score))
        if len(chosen) >= MAX_QUOTES:
            break  # before taking another candidate: one read as needed would be searched for (_fitting)
    taken = {position for first, last, _ in chosen for position in range(first, last + 1)}
    for i, (first, best_last, score) in enumerate(chosen):
        # "That's one concession Trump … seems unwilling to make.", "He said …", "But …" mean
        # little without the sentence they point back to: a quote never starts on such a word.
        if points_back(knowledge.sentence_text(first)) and first - 1 not in taken and first > 0 and _same_passage(knowledge, first - 1, first):
            first -= 1
            taken.add(first)
        elif _person_named_just_before(knowledge, first, taken):
            first -= 1  # the paragraph before ends naming who "He …" is: the quote opens there
            taken.add(first)
        if asked:
            first, best_last = _with_asked_neighbour(knowledge, first, best_last, asked, taken)
        last = best_last
        while _needs_more(knowledge, first, best_last, last, explain=explain and i == 0):
            following = last + 1
            if following >= len(knowledge.sentences) or following in taken or not _continues(knowledge, last, following, explain):
                break
            last = following
            taken.add(following)
        chosen[i] = (*_whole_quotation(knowledge, first, last, taken), score)
    return tuple(_quote(knowledge, first, last, score) for first, last, score in _join_touching(knowledge, chosen))


# A demonstrative: not "That's why …" (it points forward) nor "This week …", "That year …" (a
# time, not a reference).
_DEMONSTRATIVE_OPENING = re.compile(
    r"^[“\"]?(?:That|This|These|Those|Such)\b"
    r"(?!(?:\s+is|['’]s)?\s+(?:why|how|what|because)\b)"
    r"(?!\s+(?:week|weeks|year|years|month|months|day|days|time|morning|evening|summer|spring|fall|winter)\b)"
)
# A third-person pronoun ("He said …", "Their offer …") stands for someone named before it.
_PRONOUN_OPENING = re.compile(r"^[“\"]?(?:He|She|They|It|His|Her|Their|Its|Him|Them)\b")
# "It" that only holds the place of what follows ("It's unclear what …", "It is hard to say …")
# stands for nothing before it.
_PLACEHOLDER_IT = re.compile(
    r"^[“\"]?It(?:['’]s|\s+(?:is|was|would be|will be|seems|seemed|remains|remained|appears|appeared|has been|had been))"
    r"\s+(?:\S+\s+){0,3}?(?:that|to|whether|how|what|why|when|where|who|if)\b"
)
# A connective that answers, contrasts with or follows from the sentence before ("But …", "Yet …").
_CONNECTIVE_OPENING = re.compile(
    r"^[“\"]?(?:But|And|Yet|Still|However|Instead|Nevertheless|Nonetheless|Moreover|Furthermore|Also|Otherwise"
    r"|Besides|Thus|Therefore|Hence|So|Even so)\b"
)


# A pronoun that only a person is referred back to with, opening a sentence.
_PERSONAL_PRONOUN_OPENING = re.compile(r"^[“\"]?(?:He|She|His|Her|Him)\b")


def _person_named_just_before(knowledge: KnowledgeBase, sentence: int, taken: set[int]) -> bool:
    """Whether a sentence opening a paragraph with "He" or "She" ("He became the first …") follows
    a paragraph whose last sentence names a person (a name with a title or a role, or of two words
    or more, no place): a quote never starts on such a word, and the one before is in another
    paragraph, so the reader could not tell who without it."""
    before = sentence - 1
    if before < 0 or before in taken or _same_passage(knowledge, before, sentence):
        return False
    if not _PERSONAL_PRONOUN_OPENING.match(knowledge.sentence_text(sentence)):
        return False
    passage = knowledge.passages[knowledge.sentences[before].passage]
    if passage.heading or passage.article_id != knowledge.passages[knowledge.sentences[sentence].passage].article_id:
        return False
    body = knowledge.article_of(knowledge.sentences[before].passage).body
    span = knowledge.sentences[before].span
    return any(
        not mention.label and not is_a_place(name_key(mention.name)) and (mention.title or mention.role or len(mention.tokens) > 1)
        for mention in name_mentions(body, tokenize(body, span.start, span.end), passage.start)
    )


def points_back(sentence: str) -> bool:
    """Whether the sentence opens by pointing at the one before it: a demonstrative ("That's one
    concession …"), a pronoun ("He said …") or a connective ("But …")."""
    if _PRONOUN_OPENING.match(sentence):
        return not _PLACEHOLDER_IT.match(sentence)
    return bool(_DEMONSTRATIVE_OPENING.match(sentence) or _CONNECTIVE_OPENING.match(sentence))


def _with_asked_neighbour(knowledge: KnowledgeBase, first: int, last: int, asked: Mapping[str, float], taken: set[int]) -> tuple[int, int]:
    """The quote widened by one sentence of its paragraph when it holds none of the question's
    terms and that neighbour does (the one holding more of their weight). The learned re-ranking
    weighs a sentence's paragraph and its neighbours' scores (bot.ranking.learned), so it can put
    first the sentence beside the one that matched: "who is Biegun?" was answered by "The two
    leaders met for about 50 minutes …" alone, the sentence before the one naming him."""

    def weight(sentences: range) -> float:
        held = frozenset().union(*(knowledge.sentence_terms[s] for s in sentences))
        return sum(w for term, w in asked.items() if term in held)

    if weight(range(first, last + 1)) > 0:
        return first, last
    around = [
        (weight(range(s, s + 1)), -s, s)
        for s in (first - 1, last + 1)
        if 0 <= s < len(knowledge.sentences) and s not in taken and _same_passage(knowledge, s, first)
    ]
    best_weight, _, neighbour = max(around, default=(0.0, 0, -1))
    if best_weight <= 0:
        return first, last
    taken.add(neighbour)
    return min(first, neighbour), max(last, neighbour)


def _join_touching(knowledge: KnowledgeBase, chosen: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Quotes that grew until they touch, in one paragraph, are one quote (in the better one's place)."""
    joined: list[tuple[int, int, float]] = []
    for first, last, score in chosen:
        for i, (other_first, other_last, other_score) in enumerate(joined):
            touching = other_last + 1 == first or last + 1 == other_first
            if touching and _same_passage(knowledge, first, other_first):
                joined[i] = (min(first, other_first), max(last, other_last), other_score)
                break
        else:
            joined.append((first, last, score))
    return joined


def _whole_quotation(knowledge: KnowledgeBase, first: int, last: int, taken: set[int]) -> tuple[int, int]:
    """Widen a quote that starts or ends inside someone's quotation (“A. B,” said X.) to all of it,
    within its paragraph, so a speaker's words are never cut in half or given without their speaker."""
    for _ in range(MAX_QUOTATION_SENTENCES):
        text = knowledge.article_of(knowledge.sentences[first].passage).body[
            knowledge.sentences[first].span.start : knowledge.sentences[last].span.end
        ]
        opened_before, left_open = unbalanced(text)
        if opened_before and first - 1 not in taken and first > 0 and _same_passage(knowledge, first - 1, first):
            first -= 1
        elif left_open and last + 1 not in taken and last + 1 < len(knowledge.sentences) and _same_passage(knowledge, last + 1, last):
            last += 1
        else:
            break
        taken.update((first, last))
    return first, last


def _needs_more(knowledge: KnowledgeBase, first: int, best_last: int, last: int, *, explain: bool) -> bool:
    """Short quotes run on; a why-question's first quote runs on until it adds a reason's worth."""
    if _span_chars(knowledge, first, last) < SHORT_QUOTE_CHARS:
        return True
    added = _span_chars(knowledge, best_last + 1, last) if last > best_last else 0
    return explain and added < EXPLANATION_CHARS


def _continues(knowledge: KnowledgeBase, last: int, following: int, explain: bool) -> bool:
    """The next sentence belongs to the quote: same paragraph, or, for a why / what-did-X-say
    question, a quotation that opens the next paragraph right after its attribution."""
    if _same_passage(knowledge, following, last):
        return True
    passage = knowledge.passages[knowledge.sentences[following].passage]
    return (
        explain
        and not passage.heading
        and unbalanced(knowledge.sentence_text(following))[1] > 0  # it opens a quotation
        and knowledge.sentence_text(following)[:1] in "“\""
        and passage.article_id == knowledge.passages[knowledge.sentences[last].passage].article_id
    )


def _span_chars(knowledge: KnowledgeBase, first: int, last: int) -> int:
    return knowledge.sentences[last].span.end - knowledge.sentences[first].span.start


def _similarity_to(knowledge: KnowledgeBase, sentence: int, question: str, similarity: float | None) -> Callable[[str], float] | None:
    """The meaning ranker's cosine of any text with the sentence, when that ranker is running; the
    question itself is not encoded again (its similarity was ranked)."""
    meaning = next((r for r in knowledge.rankers if isinstance(r, SemanticRanker)), None)
    if meaning is None or similarity is None:
        return None
    return lambda text: similarity if text == question else meaning.similarity(text, sentence)


def _window_text(knowledge: KnowledgeBase, sentence: int) -> str:
    """The sentence with its neighbours in the same passage, as the article writes them."""
    around = _window(knowledge, sentence)
    body = knowledge.article_of(knowledge.sentences[sentence].passage).body
    return body[knowledge.sentences[around[0]].span.start : knowledge.sentences[around[-1]].span.end]


def _passage_text(knowledge: KnowledgeBase, sentence: int) -> str:
    ref = knowledge.sentences[sentence]
    passage = knowledge.passages[ref.passage]
    return knowledge.article_of(ref.passage).body[passage.start : passage.end]


def _same_passage(knowledge: KnowledgeBase, a: int, b: int) -> bool:
    return knowledge.sentences[a].passage == knowledge.sentences[b].passage


def _quote(knowledge: KnowledgeBase, first: int, last: int, score: float) -> Quote:
    article = knowledge.article_of(knowledge.sentences[first].passage)
    return Quote(article, knowledge.sentences[first].span.start, knowledge.sentences[last].span.end, round(score, 4))


def answer_follow_up(knowledge: KnowledgeBase, question: str, earlier_questions: list[str]) -> Answer:
    """Answer a message in a thread, using the thread's earlier question when this one is too short.

    The earlier questions come from the platform's thread history, never from local memory, so
    any copy of the bot can answer any follow-up (the terminal chat passes its own transcript).
    """
    cleaned = clean_question(question)  # the message as read: without chat markup

    # The thread is read back only as far as this message needs it, and an earlier message is
    # answered again only where its own words cannot tell whether it was a question of its own.
    thread = _ThreadReading(knowledge, earlier_questions)
    # "and kim?" after "what did trump say about hanoi?" asks what Kim said about Hanoi (bot.speaker_words).
    # "and Vox?" names an outlet, not a speaker: it asks the earlier question of Vox's articles, below.
    # "and in 2018?" is a phrase to ask the earlier question with, no speaker (another_phrase, below).
    if (
        (speaker := another_speaker(cleaned)) is not None
        and another_phrase(_asking_words(cleaned)) is None
        and (asking_someone := thread.asking_someone()) is not None
    ):
        swapped = with_speaker_swapped(speaker, asking_someone)
        if swapped is not None and speaker_asked(knowledge, swapped) is not None:
            return replace(answer(knowledge, swapped), question=cleaned, follows=asking_someone, read_as=swapped)
    alone = answer(knowledge, question)
    if not earlier_questions or alone.declined in (Declined.EMPTY, Declined.TOO_LONG, Declined.SMALL_TALK):
        return alone
    if alone.what_happened is not None:  # a time of its own: a question of its own, answered or not
        return alone
    # "who is the author of the Vox article?" is a new question, not "and Vox?" (a kind of answer).
    outlets = _outlets_named_alone(knowledge, cleaned)
    # "what did he pull off in the nineties?" may find quotes of its own, but about no one: its
    # "he" is whoever the conversation was about, whatever words of its own no article uses; so is
    # the "that" of "is that true?".
    asking = _asking_words(cleaned)
    # "which was the worst?" leaves out its noun, the one named before, as a pronoun stands for it.
    points_back = personal_pronoun_pointing_back(asking) or demonstrative_pointing_back(asking) or leaves_its_noun_out(asking)
    # "and trump?" after "how old is kim jong un" asks how old Trump is, whatever Trump's own quotes say.
    subject = another_subject(asking) if not outlets else None
    # "and since Hanoi?" after "Has North Korea tested missiles since Singapore?" asks that question since Hanoi.
    phrase = another_phrase(asking) if not outlets else None
    # Whether its words leave out what it is about: a full analyse(), read once and only where it decides something.
    needed = subject is not None or phrase is not None or not (outlets or points_back or alone.answered)
    leans = needed and _leans_on_earlier(knowledge, cleaned)
    if not leans:
        subject = phrase = None  # "what about the weather?": a word no article uses makes a new question
    # Answered on its own ("Biegun?" gets Biegun's quotes), or naming words no article uses.
    stands_alone = not outlets and not points_back and (alone.answered or not leans)
    if subject is None and phrase is None and stands_alone:
        return alone
    anchor = thread.anchor()
    if anchor is None:
        return alone
    follows = clean_question(anchor)
    if outlets:
        return _asked_of_outlets(knowledge, question, anchor, outlets)
    # "what about sanctions?" after "what did Vox say about China?" (or after "and Vox?") changes
    # only the topic: it is asked of Vox's articles, as the question it follows was.
    if subject is not None and (restricted := thread.outlets_asked()):
        topic = OutletAsked(_publishers_of(knowledge, restricted), restricted, subject)
        return replace(_from_outlets_words(knowledge, cleaned, topic, PIPELINE), follows=follows)
    if phrase is not None and (asked_with_it := with_another_phrase(phrase, follows)) is not None:
        return replace(answer(knowledge, asked_with_it), question=cleaned, follows=follows, read_as=asked_with_it)
    if subject is not None:
        if (asked_of_it := with_another_subject(subject, follows, knowledge.speaker_index.by_word)) is not None:
            return replace(answer(knowledge, asked_of_it), question=cleaned, follows=follows, read_as=asked_of_it)
        if stands_alone:  # "and Biegun?" after "why did the talks fail?": no subject to swap
            return alone
    # "and why?" after "Why did the summit collapse?" asks nothing new: answering it again would
    # repeat the same quotes as if they were a second, further answer.
    if asked_again(words(cleaned), follows):
        return Answer(cleaned, declined=Declined.ASKED_AGAIN, follows=follows)
    # "and why?" after "When did the summit collapse?" asks "why did the summit collapse?".
    anew = asked_anew(words(cleaned), follows)
    if anew is not None and (rephrased := answer(knowledge, anew)).answered:
        return replace(rephrased, question=cleaned, follows=follows)
    # "what did she say" after "who is Jenny Town?" asks "what did jenny town say": read alongside
    # the whole earlier question, "she" would find any woman's words near Town's name.
    # The follow-up's own kind of answer ("and when?" wants a date) outranks the thread question's;
    # so does a yes-no question's, which wants none: "does he have diplomatic experience?" after
    # "who did trump pick to replace tillerson?" asks whether, and is no longer answered with the
    # earlier question's quotes naming the choice.
    asks_its_kind = expected_answer(question) is not None or wants_explanation(question)
    yes_no = not asks_its_kind and asks_whether(words(cleaned))
    # An outlet, a body or a place ("who is the Washington Post?") is no one "he" or "she" stands
    # for; a name asked about as someone's is, though no article gives it ("who's robert galucci").
    asked_as_someone = partial(not_told_apart_from_a_person, knowledge)
    named = with_the_earlier_subject(asking, follows, knowledge.speaker_index.by_word, asked_as_someone)
    if named is not None and (rephrased := answer(knowledge, named)).answered:
        # "is he married?" after "Who was Trump's choice to replace Tillerson?" reads "is trump's
        # choice to replace tillerson married?", whose quotes name the choice and say nothing of
        # "married": a yes-no question is answered only by quotes holding its own words, however read.
        if _can_say_whether(knowledge, rephrased.quotes, cleaned, yes_no):
            return replace(rephrased, question=cleaned, follows=follows)
    # "what did he say about it?" after "Why did Trump walk out in Hanoi?": "he" is Trump, the
    # earlier clause's subject. Read together as written, "he" named no one and the earlier
    # question's words found anyone's quotes; with Trump named, his words on what it asked.
    # An outlet, a body or a place ("Did The Washington Post report it?") is no one "he" or "she" stands for.
    person = partial(may_be_a_person, knowledge)
    reading = with_the_earlier_person(asking, follows, knowledge.speaker_index.by_word, person) or question
    combined = answer(knowledge, f"{anchor} {reading}", asking=reading if asks_its_kind or yes_no else None)
    if combined.answered and not _can_say_whether(knowledge, combined.quotes, cleaned, yes_no):
        # "is he married?" after "who did trump pick to replace tillerson?": the earlier question's
        # words carried the check, but a quote holding nothing of "married" cannot say whether.
        combined = replace(combined, quotes=(), declined=Declined.NOT_COVERED)
    if not combined.answered and asks_its_kind:
        # "who said so?": no name near the thread's topic, but the quotes that say it name their source.
        combined = _with_its_kind_first(knowledge, answer(knowledge, f"{anchor} {reading}"), question)
    if not combined.answered:
        if not alone.answered and alone.reading is not None and not alone.reading.concepts:
            # "when?" names nothing of its own: it was only ever read with the earlier question,
            # and the reply says which, with the closest passages to the two read together.
            return replace(combined, question=cleaned, follows=follows)
        # Its own quotes were about no one in particular (its pronoun stood for the earlier subject).
        return replace(alone, tried_with=follows) if not alone.answered else _declined_as_read_alone(alone, follows)
    return Answer(cleaned, quotes=combined.quotes, coverage=combined.coverage, reading=combined.reading, follows=follows)


def _can_say_whether(knowledge: KnowledgeBase, quotes: Sequence[Quote], question: str, yes_no: bool) -> bool:
    """Whether the quotes can answer the follow-up however it was read: any but a yes-no question,
    which only quotes holding one of its own words can ("is he married?")."""
    return not yes_no or _quotes_hold_any(knowledge, quotes, question)


def _quotes_hold_any(knowledge: KnowledgeBase, quotes: Sequence[Quote], question: str) -> bool:
    """Whether the quotes hold one of the question's own concepts, as said or through an alias or
    a synonym: a yes-no question asks whether its own words are so."""
    held = credits_in_text(knowledge, analyse(knowledge, question), " ".join(quote.text for quote in quotes))
    return any(credit.credit > 0 for credit in held)


def _to_the_bot(knowledge: KnowledgeBase, message: str) -> bool:
    """Small talk ("thanks", "hello") or no words at all: said to the bot, not asked of the articles."""
    return not message or _is_small_talk(message) or _says_nothing(knowledge, message)


class _ThreadReading:
    """What a follow-up takes from its thread's earlier messages (as sent, oldest first), read
    back from the latest only when asked for. Discord and Slack pass every earlier message,
    "thanks" and "and why?" included, and neither can be leaned on; nor can "is that true?" after
    "what did trump say about hanoi?", whose words find quotes of their own. One per message
    answered: it is never shared between threads."""

    def __init__(self, knowledge: KnowledgeBase, earlier_questions: Sequence[str]) -> None:
        self._knowledge = knowledge
        self._earlier = earlier_questions
        self._read: tuple[str | None, str | None] | None = None

    def anchor(self) -> str | None:
        """The thread's latest message that was a question of its own, answered or not (as sent)."""
        return self._read_back()[0]

    def outlets_asked(self) -> frozenset[str]:
        """The articles the thread's latest messages ask of, when they restrict it to outlets: a
        message naming only outlets ("and Vox?") or asking an outlet's words ("what did Vox say
        about China?"), read back past the messages that only changed the topic since ("what
        about sanctions?"); empty when a question of its own came after, or none did so."""
        knowledge = self._knowledge
        for earlier in reversed(self._earlier):
            cleaned = clean_question(earlier)
            named = _outlets_named_alone(knowledge, cleaned)
            if named:
                return named
            if (asked := outlet_asked(knowledge, without_set_off_interjections(_without_markup(cleaned)))) is not None:
                return asked.ids
            if another_subject(_asking_words(cleaned)) is None and _question_of_its_own(knowledge, earlier):
                return frozenset()
        return frozenset()

    def asking_someone(self) -> str | None:
        """The latest message from the anchor on that asks a named speaker's words (cleaned). A
        message leaning on the anchor ("what did kim say about that?" after "why did the talks
        collapse?") still says whose words are asked: "and the north koreans?" asks it of them.
        None when that message asks an outlet's words ("what did Vox say about China?"): an outlet
        is no speaker, and "and north korea?" after it asks Vox about North Korea (outlets_asked),
        as "what about sanctions?" does, not North Korea's words."""
        asking = self._read_back()[1]
        frame = who_is_asked(asking) if asking is not None else None
        if frame is not None and articles_named_alone(self._knowledge, frame.who):
            return None
        return asking

    def _read_back(self) -> tuple[str | None, str | None]:
        if self._read is None:
            self._read = _leaned_on(self._knowledge, self._earlier)
        return self._read


def _leaned_on(knowledge: KnowledgeBase, earlier_questions: Sequence[str]) -> tuple[str | None, str | None]:
    """The anchor and the message asking someone's words (_ThreadReading), from the latest message back."""
    asking_someone = None
    for earlier in reversed(earlier_questions):
        if asking_someone is None and who_is_asked(clean_question(earlier)) is not None:
            asking_someone = clean_question(earlier)
        if _question_of_its_own(knowledge, earlier):
            return earlier, asking_someone
    return None, asking_someone


def _question_of_its_own(knowledge: KnowledgeBase, message: str) -> bool:
    """Whether an earlier message of the conversation is a question a follow-up can lean on:
    answered on its own, or declined as a question of its own ("how old is kim jong un", then
    "and trump?"), not one that itself leaned on an earlier one ("and why?", "is that true?").

    Its words decide it, as they decided how it was read when it was asked: only a message that
    leaves out what it is about ("Biegun?", "and why?") is answered again, for a bare name its
    words answer ("Biegun?" gets Biegun's quotes) is a question of its own. A thread of ten
    messages cost ten answers of the whole pipeline per follow-up when every one was answered
    again (bench/follow_up_speed.py)."""
    cleaned = clean_question(message)
    if _declined_before_reading(knowledge, cleaned) is not None:
        return False
    # Whatever its own words found, "is that true?" and "what does Vox say?" were read with the question before.
    if _points_past_itself(knowledge, cleaned):
        return False
    if not _leans_on_earlier(knowledge, cleaned):
        return True  # answered or declined, it asked something of its own
    # "wow, why?" names nothing to find: declined on its own (the answer check wants a topic).
    if _names_nothing(knowledge, cleaned):
        return False
    return answer(knowledge, message).answered


def _points_past_itself(knowledge: KnowledgeBase, message: str) -> bool:
    """Whether a message (cleaned) is read with the earlier question whatever its own words find:
    it names only outlets ("what does Vox say?"), points back with a pronoun or "that", leaves its
    noun to the conversation ("which was the worst?") or is only a phrase to ask it with ("and since
    Hanoi?"): as answer_follow_up reads them, so that none is the anchor of the next follow-up."""
    if _outlets_named_alone(knowledge, message):
        return True
    asking = _asking_words(message)
    return (
        personal_pronoun_pointing_back(asking) or demonstrative_pointing_back(asking) or leaves_its_noun_out(asking) or another_phrase(asking) is not None
    )


def _with_its_kind_first(knowledge: KnowledgeBase, combined: Answer, follow_up: str) -> Answer:
    """The thread's quotes as the answer to a follow-up whose own kind of answer was not found near
    its topic: the first that holds that kind (a date for "hmm, when?", a number for "how many?")
    put first, or declined when none does, as the full question would be; repeating the thread's
    answer with no date is no answer to "when?". "and why?" (any quote gives its reasons) takes the
    quotes as they are, and so does "who …?": every quote names its source ("who said so?"), and a
    quote names its person as the paragraph before it left them ("Gallucci would know; …"), which
    the name check, wanting a first and last name, cannot tell from other words."""
    expectation = expected_answer(follow_up)
    if not combined.answered or expectation is None or expectation.type is AnswerType.PERSON:
        return combined
    not_names = knowledge.profile.not_person_words
    holding = [quote for quote in combined.quotes if satisfies(quote.text, expectation, follow_up, not_names)]
    if not holding:
        return replace(combined, quotes=(), declined=Declined.NOT_COVERED, closest=combined.quotes[:CLOSEST_OFFERED])
    return replace(combined, quotes=(holding[0], *(quote for quote in combined.quotes if quote is not holding[0])))


def _declined_as_read_alone(alone: Answer, follows: str) -> Answer:
    """A follow-up whose pronoun stood for the earlier question's subject, answered by neither:
    its own quotes become the closest passages shown, not an answer."""
    return replace(alone, quotes=(), declined=Declined.NOT_COVERED, closest=alone.quotes, tried_with=follows)


def _outlets_named_alone(knowledge: KnowledgeBase, message: str) -> frozenset[str]:
    """The ids of the articles a message names when it names nothing else and asks for no kind of
    answer of its own ("and the Washington Post?", "what about Vox?", "what does WIRED say?"): it
    asks the earlier question of them, from the articles a question asking that outlet's words is
    answered from ("what did Vox say about China?", bot.outlet_asked), so the two never read
    different articles. Empty for a message that asks about something too, or for a kind of answer:
    "who is the author of the Vox article?" names only an outlet, but asks for a person."""
    # "what about the Post?" is read with the outlet's whole name (bot.outlet_asked.articles_named_alone).
    return articles_named_alone(knowledge, message) if expected_answer(message) is None else frozenset()


def _publishers_of(knowledge: KnowledgeBase, ids: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted({publisher_name(knowledge.articles[i]) for i in ids}))


def _asked_of_outlets(knowledge: KnowledgeBase, question: str, anchor: str, outlets: frozenset[str]) -> Answer:
    """The earlier question asked of these outlets' articles alone, with the same ranking and
    check as /compare; when they do not answer it, that is the reply, with their closest passages,
    never another outlet's quotes."""
    within = answer_of_outlet(knowledge, anchor, outlets, answer(knowledge, anchor))
    return replace(within, question=clean_question(question), follows=clean_question(anchor), outlets=_publishers_of(knowledge, outlets))


# Coverages computed from the same concepts' weights: equal up to the floats' rounding.
_SAME_COVERAGE = 1e-9


def answer_of_outlet(
    knowledge: KnowledgeBase, question: str, ids: frozenset[str], whole: Answer, whole_rankings: WholeRankings | None = None
) -> Answer:
    """The question asked of one outlet's articles (`ids`), as /compare and "and Vox?" ask it.

    Within some articles the answer check's rule decides (the fitted model knows only whole-folder
    questions), and the rule is stricter: "what went wrong in vietnam" may be answered from the
    whole folder with a Vox quote among its quotes while Vox alone falls short of the rule's
    coverage. An outlet quoted in the whole folder's answer (`whole`: the same question asked on
    its own) whose best passage holds as much of the question as the passage that answer was
    accepted on answers it: saying its articles do not cover the question would contradict that
    answer. A quote further down the whole answer holding none of the question's words ("dmz"
    answered from the one article that says it, then a loosely related one) is no such answer.
    Its quotes are still its own best, in the whole folder's order."""
    within = answer(knowledge, question, only_articles=ids, whole_rankings=whole_rankings)
    quoted_in_whole = whole.answered and any(quote.article.id in ids for quote in whole.quotes)
    as_covered = within.coverage >= whole.coverage - _SAME_COVERAGE
    if within.answered or not quoted_in_whole or not as_covered or not within.closest:
        return within
    if within.reading is not None and (within.reading.unknown_name is not None or within.reading.after_articles is not None):
        return within
    return replace(within, quotes=within.closest, closest=(), declined=None)


def _leans_on_earlier(knowledge: KnowledgeBase, message: str) -> bool:
    """A message that leaves out what it is about (bot.search.ellipsis: "and Biegun?", "what
    about Yongbyon?", "when was that?", "why?"), or that names only a source ("what does Vox
    say?": where to look, not what about). A question with its own verb naming its own subject
    ("who's robert galucci") is read alone, however short. A word no article uses ("what about
    the weather?", "asdfgh") makes it a new question, and a new question the articles don't cover
    is declined as one: repeating the last answer would pass it off as an answer to this."""
    query = analyse(knowledge, without_set_off_interjections(message))
    # "hmm", "wow" are said in no article, and name nothing either: "hmm, why?" still leans (and
    # "oh, why?" has lost its "oh" above).
    if not all(said_in_articles(knowledge, c) or c.synonyms or c.said in INTERJECTIONS for c in query.concepts):
        return False
    if query.named_articles and not query.concepts:
        # "what does Vox say?" leans; "who is the author of the Vox article?" asks its own kind of answer.
        return expected_answer(message) is None
    # Words to the bot alone ("how are you?", "but thanks") were answered as small talk before this is asked.
    return leans_on_earlier(_asking_words(message))
