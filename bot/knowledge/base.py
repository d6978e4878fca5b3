"""The knowledge base: every good article, its passages and sentences and their terms, as data.

It holds what the articles say and facts about their words (which terms they use, how many
passages share each); the indexes a stage ranks with belong to that stage (bot.ranking), built
from this once per knowledge base and kept in `rankers`.

Immutable once built. A reload builds a new one beside it and swaps it in with one assignment,
so no question ever sees half of each.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import chain
from pathlib import Path
from types import MappingProxyType

from bot.knowledge.aliases_file import ALIASES_FILE, load_aliases
from bot.knowledge.articles import read_articles
from bot.knowledge.collection import collector_paused
from bot.knowledge.indexing import REMEMBERED
from bot.knowledge.models import Article, Passage, Problem, Span
from bot.knowledge.numbered import NumberedSentences
from bot.knowledge.numbering import ArticleNumbering, sentences_by_article
from bot.knowledge.outlets import with_one_name_per_outlet
from bot.knowledge.profile import BOT_FILE, BotProfile, load_profile
from bot.knowledge.remembered import PerArticleMemory
from bot.knowledge.spelling_cache import kept_spelling_index
from bot.knowledge.vocabulary import RememberedVocabulary
from bot.quotations.speaker_index import SpeakerIndex, build_speaker_index
from bot.quotations.speakers import Speaker, build_speakers
from bot.ranking.cache_folder import default_cache_folder
from bot.ranking.protocol import Ranker
from bot.ranking.registry import build_rankers
from bot.search.aliases import AliasTable
from bot.search.document_frequencies import DocumentFrequencies, RememberedFrequencies
from bot.search.synonyms import REMEMBERED_SYNONYMS
from bot.search.title_context import title_terms
from bot.search.typos import REMEMBERED_SPELLING, SpellingIndex
from bot.timeline.build import build_timeline
from bot.timeline.curated import TIMELINE_FILE
from bot.timeline.models import TimelineEvent

logger = logging.getLogger(__name__)

_SAME_ARTICLES: PerArticleMemory[Article, Article] = PerArticleMemory(key=lambda article: article)
_PASSAGE_FREQUENCIES = RememberedFrequencies()
_SENTENCE_FREQUENCIES = RememberedFrequencies()
_VOCABULARY = RememberedVocabulary()


class KnowledgeFolderMissing(FileNotFoundError):
    """The knowledge folder does not exist, so there is nothing to serve."""


@dataclass(frozen=True, slots=True)
class Sentence:
    passage: int  # position in KnowledgeBase.passages
    span: Span


# Each article's sentences, the last build's objects while the article's passages stand where they stood.
_SENTENCES: NumberedSentences[Sentence] = NumberedSentences(Sentence)


@dataclass(frozen=True)
class KnowledgeBase:
    folder: Path
    articles: Mapping[str, Article]
    passages: tuple[Passage, ...]
    sentences: tuple[Sentence, ...]
    # Each passage's and sentence's index terms (stems and alias group terms), in order, repeats kept.
    passage_terms: tuple[tuple[str, ...], ...]
    sentence_terms: tuple[tuple[str, ...], ...]
    # How many passages (sentences) hold each term: whether the articles use a word, and how rare it is.
    passage_frequencies: DocumentFrequencies
    sentence_frequencies: DocumentFrequencies
    aliases: AliasTable
    spelling: SpellingIndex
    article_names: Mapping[str, frozenset[str]]  # article id -> terms that name it (publisher, kind)
    problems: tuple[Problem, ...]
    build_seconds: float = 0.0
    # Stem of a synonym -> the article stems whose words list it (bot.search.synonyms).
    synonyms_pointing_at: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    # What the bot is about (knowledge/bot.yaml): topic, example questions, the story's word lists.
    profile: BotProfile = field(default_factory=BotProfile)
    # Dated events, filled by bot.timeline when it builds them; sorted by date, the announced
    # ones (plans not yet carried out when reported) after the rest.
    timeline: tuple[TimelineEvent, ...] = ()
    # A digest of each knowledge file besides the articles (aliases.yaml, timeline.yaml, bot.yaml), so a
    # reload can say which of them changed; "" for a file that is not there.
    file_digests: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # Who said what (bot.quotations), most quoted first: built with the rest, so a reload brings
    # a new article's speakers and no reader ever sees them half built.
    speakers: tuple[Speaker, ...] = ()
    # Each sentence's speakers and each name word's (bot.quotations.speaker_index), made with the
    # speakers: the learned order reads it for every answer, and a large folder has thousands.
    speaker_index: SpeakerIndex = field(default_factory=SpeakerIndex.empty)
    # The ranking stages, each holding its own index over the sentences (bot.ranking.registry).
    rankers: tuple[Ranker, ...] = ()
    # The good groups of aliases.yaml as served, so a reload keeps them against a clashing new one.
    alias_groups: tuple[tuple[str, ...], ...] = ()

    @property
    def model_loaded(self) -> bool:
        """Whether the meaning signal (the sentence-embedding model) serves this knowledge."""
        return any(ranker.name == "meaning" for ranker in self.rankers)

    def article_of(self, passage: int) -> Article:
        return self.articles[self.passages[passage].article_id]

    def sentence_text(self, sentence: int) -> str:
        ref = self.sentences[sentence]
        return self.article_of(ref.passage).body[ref.span.start : ref.span.end]

    @cached_property
    def sentences_of_article(self) -> Mapping[str, tuple[int, ...]]:
        """Article id -> the positions of its sentences in `sentences`, in order (made on first
        use, then kept: `/timeline TOPIC` grouped every sentence anew at each call)."""
        return sentences_by_article([p.article_id for p in self.passages], (s.passage for s in self.sentences))

    @cached_property
    def numbering(self) -> ArticleNumbering:
        """Each passage's and sentence's article as a number (made on first use, then kept)."""
        return ArticleNumbering.of([p.article_id for p in self.passages], [len(p.sentences) for p in self.passages])

    @cached_property
    def title_vocabulary(self) -> frozenset[str]:
        """Every term some article's title uses (stems and alias group terms, as the passages'):
        a word only a headline says ("DMZ" over a body that writes "demilitarized zone") is still
        a word of the articles, neither a typo nor one "no article uses" (bot.search.title_context)."""
        return frozenset(term for article in self.articles.values() for term in title_terms(article.meta.title, self.aliases))

    @cached_property
    def publishers(self) -> tuple[str, ...]:
        """Each outlet's name once, sections aside, in article order: a question naming an outlet is
        read against these (bot.outlet_asked), which a scan of every article would make cost
        milliseconds a question at thousands of articles."""
        return publishers_of(self.articles.values())

    @cached_property
    def newest_published(self) -> dt.date | None:
        """The newest article's publication date: no article reports what came after it."""
        return max((article.meta.published for article in self.articles.values()), default=None)

    @cached_property
    def planned_spans(self) -> tuple[tuple[dt.date, dt.date], ...]:
        """The first and last days of each plan the articles report (the timeline's announced events)."""
        return tuple((event.date.first_day(), (event.end or event.date).last_day()) for event in self.timeline if event.announced)

    @cached_property
    def articles_by_name(self) -> Mapping[str, frozenset[str]]:
        """Term that names an article (a publisher, a kind) -> the ids of the articles it names."""
        named: dict[str, set[str]] = {}
        for article_id, names in self.article_names.items():
            for name in names:
                named.setdefault(name, set()).add(article_id)
        return MappingProxyType({name: frozenset(ids) for name, ids in named.items()})


def publishers_of(articles: Iterable[Article]) -> tuple[str, ...]:
    """Each outlet's name once (publisher_name), in the articles' order."""
    return tuple(dict.fromkeys(publisher_name(article) for article in articles))


def publisher_name(article: Article) -> str:
    """The publisher without a section in brackets: "The Washington Post (Global Opinions)" -> "The Washington Post"."""
    return re.sub(r"\s*\(.*?\)\s*", " ", article.meta.publisher).strip() or article.meta.publisher


def build_knowledge_base(
    folder: Path, *, embedding_cache: Path | None = None, served: KnowledgeBase | None = None
) -> KnowledgeBase:
    """Load, validate and index the folder. Bad files become problems; good ones still serve.
    `embedding_cache`: where sentence vectors and each article's derived data are kept between
    runs (default: BOT_EMBEDDING_CACHE, else the user's cache folder). `served`: the knowledge
    being served, on a reload (its alias groups keep their names against a clashing new one)."""
    with collector_paused():
        return _build(folder, embedding_cache, served.alias_groups if served is not None else ())


def _build(folder: Path, embedding_cache: Path | None, served_aliases: tuple[tuple[str, ...], ...] = ()) -> KnowledgeBase:
    started = time.perf_counter()
    if not folder.is_dir():
        raise KnowledgeFolderMissing(f"The knowledge folder {folder} does not exist.")
    articles, problems = read_articles(folder)
    profile, profile_problems = load_profile(folder)
    # "AP News" and "Associated Press" declared one outlet: one publisher everywhere after this.
    articles = with_one_name_per_outlet(articles, profile.same_outlets, publisher_name)
    # An article that did not change since the last build is that build's very object, so the two
    # knowledge bases alive during a reload share its text and everything derived from it.
    articles = _SAME_ARTICLES.results(articles, lambda article: article)
    cache_folder = embedding_cache or default_cache_folder()
    alias_groups, alias_problems = load_aliases(folder, served_aliases)
    problems.extend(alias_problems)
    problems.extend(profile_problems)
    # A publisher is a name people ask by ("does Vox think"), so each is a phrase of its own
    # unless aliases.yaml already groups it with others (WaPo ~ the Washington Post).
    # (Each publisher once: a later group naming the same phrase would be passed over anyway.)
    # An outlet declared under several names (bot.yaml's same_outlets) is asked by any of them.
    spellings = {group[0]: list(group) for group in profile.same_outlets}
    publisher_groups = [spellings.get(publisher, [publisher]) for publisher in publishers_of(articles)]
    aliases = AliasTable.from_groups([*alias_groups, *publisher_groups])

    # Each article's passages and terms, reused from the last build for an article that did not change.
    indexed = REMEMBERED.index(articles, aliases, cache_folder)
    # Joined in C (chain): a Python step per passage and sentence was 0.02 s at 3,000 articles.
    passages = tuple(chain.from_iterable(article.passages for article in indexed))
    sentences = _SENTENCES.of([article.passages for article in indexed])
    vocabulary = _VOCABULARY.of([article.vocabulary for article in indexed])
    passage_terms = tuple(chain.from_iterable(article.passage_terms for article in indexed))
    sentence_terms = tuple(chain.from_iterable(article.sentence_terms for article in indexed))

    # Thousands of articles, a few dozen publishers and kinds: each name's group is read once.
    group_of = cache(aliases.group_of)
    names = {
        article.id: frozenset(group for name in (publisher_name(article), article.meta.kind) if (group := group_of(name)) is not None)
        for article in articles
    }
    knowledge = KnowledgeBase(
        folder=folder,
        articles=MappingProxyType({article.id: article for article in articles}),
        passages=passages,
        sentences=tuple(sentences),
        passage_terms=passage_terms,
        sentence_terms=sentence_terms,
        # Counted again only for the articles that changed, and the spelling index changed only
        # by their words: the rest is the last build's (at a first start, the index read from disk
        # when an earlier start kept it for these words).
        passage_frequencies=_PASSAGE_FREQUENCIES.of([article.passage_terms for article in indexed]),
        sentence_frequencies=_SENTENCE_FREQUENCIES.of([article.sentence_terms for article in indexed]),
        aliases=aliases,
        spelling=REMEMBERED_SPELLING.index(vocabulary, lambda words: kept_spelling_index(words, folder, cache_folder)),
        article_names=MappingProxyType(names),
        synonyms_pointing_at=MappingProxyType(REMEMBERED_SYNONYMS.pointing_at(vocabulary)),
        profile=profile,
        problems=tuple(problems),
        alias_groups=tuple(tuple(group) for group in alias_groups),
        file_digests=MappingProxyType({name: _digest(folder / name) for name in (ALIASES_FILE, TIMELINE_FILE, BOT_FILE)}),
    )
    # The timeline needs the sentences and their words' weights, so it is built last.
    timeline, timeline_problems = _timeline_or_none(knowledge, cache_folder)
    speakers = build_speakers(articles, aliases, cache_folder)
    return replace(
        knowledge,
        timeline=timeline,
        speakers=speakers,
        speaker_index=build_speaker_index(speakers, knowledge.passages, knowledge.sentences, aliases),
        rankers=build_rankers(knowledge, embedding_cache),
        problems=(*knowledge.problems, *timeline_problems),
        build_seconds=time.perf_counter() - started,
    )


def _timeline_or_none(knowledge: KnowledgeBase, cache_folder: Path) -> tuple[tuple[TimelineEvent, ...], list[Problem]]:
    """The timeline, or none with one problem saying why: a fault in reading dates from some new
    article's prose must cost the timeline, never the answers from every article."""
    try:
        return build_timeline(knowledge, cache_folder)
    except Exception as error:  # noqa: BLE001 -- any fault here; reported in one line, not a traceback
        problem = Problem(str(knowledge.folder), "timeline", f"could not be built ({type(error).__name__}: {error}); /timeline is empty, answers are unaffected")
        logger.error("%s", problem)
        return (), [problem]


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""  # missing or unreadable: its problem, if any, is reported where it is read
