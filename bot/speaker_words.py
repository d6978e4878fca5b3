"""Questions that ask what a named speaker said: "what did Kim say?", "what did the North Koreans
say about the sanctions?", "Pompeo's reaction to the talks", "according to Yun, …".

Such a question is answered from that speaker's own words only: the sentences holding the
quotations bot.quotations gives them (the speaker /said finds: any part of the name, an alias, a
misspelling the question analysis corrects) and the sentences that report their speech without
quotation marks ("North Korea reportedly says it had asked for …", "…, Pompeo said."). A people
noun ("the north koreans", "the chinese") stands for its country: the speakers named after it
("North Korea's foreign ministry") or whose role opens with it ("South Korean President …").
When the articles hold no words of the speaker, the reply says so, naming them, rather than
quoting someone else's sentence about them. The answer pipeline (bot.answers) ranks the
sentences found here with the rankers every question uses.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from bot.knowledge.base import KnowledgeBase
from bot.quotations.english import IRREGULAR_PAST, PERSONAL_TITLES, SPEECH_VERBS
from bot.quotations.find import Quotation
from bot.quotations.names import Token, name_key, name_mentions, tokenize
from bot.quotations.speaker_index import PEOPLE_ENDINGS
from bot.quotations.speakers import Speaker
from bot.quotes import Quote
from bot.ranking.lexical import LexicalRanker
from bot.ranking.semantic import SemanticRanker
from bot.search.demonyms import country_of_people
from bot.search.english import is_english_word, specificity
from bot.search.normalise import ADVERBS_BEFORE_A_VERB, ORGANISATION_NOUNS, STOP_WORDS, spell_out_shorthand, stem, words
from bot.search.query import Concept, Query, analyse, said_in_articles
from bot.search.speaker_frame import SpeakerFrame, name_readings, names_a_speaker, speaker_frames
from bot.search.unknown_name import plural_of_a_word, written_as_a_name

# The meaning signal's cosine of what a question asks of a speaker with their best sentence, from
# which their words are on it when none of its words is in their paragraphs ("what does Jenny Town
# think of the leaders' gamble?" where she says "high-stakes poker"). Fitted by
# tools/fit_speaker_topic.py on the training sets: the speaker questions whose answer is their own
# words (107) against off-topic topics asked of each quoted speaker (171 with no word in their
# paragraphs): from 0.29 to 0.31 it keeps 95% of the first and passes none of the second, the best
# difference (Youden's J 0.95; 0.93 at 0.23 to 0.28, where 2-7% of the off-topic ones pass).
SPEAKER_TOPIC_SIMILARITY = 0.30
# A follow-up that swaps the speaker: "and kim?", "what about the south koreans?".
_AND_WHO = re.compile(r"^\s*(?:and|what\s+about|how\s+about|and\s+what\s+about)\s+(?P<who>[^?.!,;:]+?)\s*[?.!]*\s*$", re.IGNORECASE)
# Sentences read for reported speech, at most: the ones naming the speaker, in reading order.
MAX_REPORT_SENTENCES = 2000
# Speech verbs that report words without quotation marks: not asking ("Trump says Kim asked for
# …" is Trump's claim), going on or calling ("called off the summit"), which need the quotation.
# A commitment is a promise's words: "the accord affirmed that “the DPRK commits to …”".
_REPORTING = (SPEECH_VERBS - {"ask", "asks", "asked", "continue", "continues", "continued", "called", "answer", "answers"}) | {"commits", "committed"}
# Read first, so a sentence with no such verb is not tokenised (most sentences naming a speaker).
_REPORTING_VERB = "|".join(sorted(_REPORTING, key=len, reverse=True))
_ANY_REPORTING = re.compile(rf"\b(?:{_REPORTING_VERB})\b")
# Words between a subject and its speech verb in an article that leave it the subject ("has said",
# "reportedly says"); bot.search.speaker_frame trims its own set off a question's speaker.
_BETWEEN_SUBJECT_AND_SPEECH_VERB = ADVERBS_BEFORE_A_VERB | {"has", "have", "had"}
# A subject phrase of reported speech is at most this many words ("North Korean state media KCNA").
MAX_SUBJECT_WORDS = 6
# "kim jong un's sister", "trump's lawyer": a relation of someone named, who is someone else.
_RELATION = re.compile(r"(?P<of>.+?)['’]s?\s+(?P<relation>[^\s'’]+(?:\s+[^\s'’]+)?)")
# Endings of people nouns and the ending of their country's name: "koreans" -> "korea",
# "chinese" -> "china", "iranians" -> "iran", "japanese" -> "japan", "israelis" -> "israel".
_PEOPLE_NOUN_TO_PLACE = (("ese", "a"), ("ese", ""), ("ians", "ia"), ("ians", ""), ("ian", "ia"), ("ian", ""), ("ans", "a"), ("an", "a"), ("ns", ""), ("n", ""), ("is", ""), ("i", ""))


@dataclass(frozen=True, slots=True)
class SpeakerAsked:
    """Who a question asks the words of, and the sentences holding them."""

    name: str  # as the reply names them: the fullest name the articles give, else as asked
    asked: str  # as the question wrote them
    sentences: tuple[int, ...]  # positions in KnowledgeBase.sentences, in reading order
    # The speakers /said lists whose quotations these are, most quoted first: one for a person asked
    # by name, several (or none, when only reported) for a people or a description.
    said_as: tuple[str, ...] = ()
    person: bool = True  # False: a people noun ("the north koreans"), who are no one speaker of /said
    # (article id, where a quotation's paragraph starts) -> where the sentence naming its speaker
    # at the end of the paragraph before starts ("In an interview with CNN, Joseph Yun …" before
    # "“…,” he said."): a quote of the quotation starts there, so it says whose words they are.
    attributions: Mapping[tuple[str, int], int] = field(default_factory=dict)
    # What the question asks of them, its frame taken out ("about the hanoi summit?"): what the
    # meaning signal compares with their words when no word of it is in their paragraphs.
    topic: str = ""

    def attributed(self, quote: Quote) -> Quote:
        start = self.attributions.get((quote.article.id, quote.start))
        return quote if start is None else replace(quote, start=start)

    @property
    def quoted(self) -> bool:
        return bool(self.sentences)


def who_is_asked(question: str) -> SpeakerFrame | None:
    """Where the question names the one speaker whose words it asks for (bot.search.speaker_frame);
    None when it asks no one's words, or several speakers' ("what did kim and trump say": one
    speaker's words would leave the other out, so the rankers answer it as any question)."""
    return next((frame for frame in speaker_frames(question) if len(frame.names) == 1), None)


def another_speaker(follow_up: str) -> str | None:
    """The speaker a follow-up names and nothing else ("and kim?", "what about the south koreans?"):
    read from its words alone, before any earlier question is looked at. None otherwise."""
    swapped = _AND_WHO.match(spell_out_shorthand(follow_up.casefold()))
    return swapped.group("who").strip() if swapped is not None and names_a_speaker(swapped.group("who")) else None


def with_speaker_swapped(speaker: str, earlier: str) -> str | None:
    """"kim" (another_speaker of "and kim?") after "what did trump say about hanoi?" -> "what did
    kim say about hanoi?": a follow-up naming only another speaker asks the earlier question of
    them. None when the earlier question asks no one's words."""
    asked = who_is_asked(earlier)
    if asked is None:
        return None
    start, end = asked.span
    return earlier[:start] + speaker + earlier[end:]


def speaker_asked(knowledge: KnowledgeBase, question: str) -> SpeakerAsked | None:
    """The speaker the question asks the words of and the sentences holding their words; None when
    it asks no one's words, or names a source of the articles ("what did Vox say") or someone
    written as no name ("what did the experts say")."""
    found = who_is_asked(question)
    if found is None:
        return None
    who = found.who.casefold()
    query = analyse(knowledge, who)
    if query.named_articles or not query.concepts:
        return None  # an outlet ("what did wired say"): the rankers lift its articles
    described = _without_determiners(who) != who.strip()  # "the observers": a description, unless a people noun
    read = " ".join(query.corrections.get(word, word) for word in _without_determiners(who).split())  # "galucci" as "gallucci"
    # "kim jong un's sister" is not Kim Jong Un; "north korea's foreign ministry" (an organisation
    # noun) speaks for North Korea, read as a place's below.
    related = _RELATION.fullmatch(read)
    if related is not None and name_key(related.group("relation")).split()[-1] not in ORGANISATION_NOUNS:
        # "lavonia's petra vosk", "north korea's kim": a place's someone named after the possessive is that someone.
        if not _speakers_named(knowledge, related.group("relation")):
            return _relation_asked(knowledge, who, related.group("of"), related.group("relation"))
        read = related.group("relation")
    speakers = _speakers_named(knowledge, read)
    if not speakers and _title_and_name(read):
        # "president moon": the title says what the person is, the name who; a speaker holding the
        # title but not the name ("President Trump") is someone else. Someone the articles only
        # report ("Foreign Minister Tarvo said on Thursday that …") has words all the same.
        return _reported_by_name(knowledge, who, read)
    # "north korea", the place a people noun stands for, and their aliases ("pyongyang"): the
    # place's own speakers, and its organisations'.
    country = _people_noun_place(knowledge, read)
    # The people's own adjective too: "German Chancellor …" is of the Germans, "North Korean leader …" of the North Koreans.
    places = _with_aliases(knowledge, [name_key(read), *(name_key(form) for form in country or ())])
    if not speakers:
        speakers = _speakers_of_the_places(knowledge, places)
        if country is not None:
            # "the U.S. State Department told …" in some article makes the State Department the
            # Americans' wherever else it speaks ("“…,” the State Department said"), and those whose
            # role opens with it ("State Department spokeswoman …") theirs too.
            bodies = _bodies_the_place_names(knowledge, places, speakers)
            places = [*places, *(name_key(body.name) for body in bodies)]
            speakers = list(dict.fromkeys([*speakers, *bodies, *_speakers_of_the_places(knowledge, places)]))
    wanted = set(name_key(read).split()) - PERSONAL_TITLES

    # A place's name opens its organisations' ("north korea's foreign ministry"), also when the place
    # is quoted itself ("…,” Ruritania said": a speaker named by the asked words whole); a person
    # found by part of their name opens no one else's ("kim" does not open "kim myong gil" when Kim
    # Jong Un is asked, nor "vosk" "vosk andersen" when Petra Vosk is).
    the_place_speaks = any(name_key(speaker.name) == name_key(read) for speaker in speakers)
    opened = places if country is not None or not speakers or the_place_speaks else ()

    def names_it(subject: str) -> bool:
        return any(_opens_with(subject, place) for place in opened) or _same_person(subject, wanted, speakers)

    quoted, attributions = _quotation_sentences(knowledge, (q for s in speakers for q in s.quotations))
    positions = sorted({*quoted, *_reported_speech(knowledge, [read, *places, *(_surname(s.name) for s in speakers)], names_it)})
    people = country is not None
    if not positions and not people and (described or not (_written_as_a_name(read) or _names_someone_unknown(knowledge, read))):
        return None  # a description ("the experts", "the accord") whose words no one's name marks: the rankers' to find
    # A people is named as asked ("the Americans"), even when one speaker of theirs is quoted.
    name = speakers[0].name if len(speakers) == 1 and not people else _as_named(knowledge, who if people else read, people)
    return SpeakerAsked(
        name, who, tuple(positions), said_as=tuple(s.name for s in speakers), person=not people, attributions=attributions, topic=found.rest
    )


def _relation_asked(knowledge: KnowledgeBase, who: str, of: str, relation: str) -> SpeakerAsked:
    """"kim jong un's sister", "trump's lawyer": someone known by their relation to another, who is
    not that other. Their words are the sentences reporting the relation's speech ("Kim Jong Un's
    sister said …"); none, and the reply says the articles hold no words of theirs, naming them so."""
    return _reported_of(knowledge, who, f"{_as_named(knowledge, of, False)}'s {relation}", f"{of}'s {relation}", f"{of} {relation}")


def _reported_by_name(knowledge: KnowledgeBase, who: str, read: str) -> SpeakerAsked:
    """A title and a name no quoted speaker has ("foreign minister tarvo"): the sentences reporting
    the speech of someone the name and title fit; none, and the reply names them as quoting nothing."""
    name_alone = " ".join(word for word in name_key(read).split() if word not in PERSONAL_TITLES)
    return _reported_of(knowledge, who, _as_named(knowledge, read, False), read, name_alone)


def _reported_of(knowledge: KnowledgeBase, who: str, name: str, described: str, form: str) -> SpeakerAsked:
    """Someone no quoted speaker is, named `name` in the reply: the sentences reporting the speech of
    a subject holding every word of `described` but titles (folded as a subject is), found among
    the sentences holding `form`'s words."""
    wanted = set(name_key(described).split()) - PERSONAL_TITLES

    def names_it(subject: str) -> bool:
        return bool(wanted) and wanted <= set(subject.split())

    return SpeakerAsked(name, who, tuple(sorted(_reported_speech(knowledge, [form], names_it))) if form else ())


def _not_quoted(knowledge: KnowledgeBase, who: str, read: str) -> SpeakerAsked:
    """Someone the question names whose words the articles hold none of: the reply says so, naming them."""
    return SpeakerAsked(_as_named(knowledge, read, False), who, ())


def _title_and_name(read: str) -> bool:
    """"president moon", "foreign minister wang": titles, then a name of a word or two, written as
    a name or not ("moon" is a word too); not a description ("foreign ministry officials")."""
    parts = name_key(read).split()
    titles = 0
    while titles < len(parts) and parts[titles] in PERSONAL_TITLES:
        titles += 1
    named = [part for part in parts[titles:] if part not in STOP_WORDS]
    return titles > 0 and 0 < len(named) <= 2 and len(named) == len(parts) - titles and not any(plural_of_a_word(part) for part in named)


def _names_someone_unknown(knowledge: KnowledgeBase, read: str) -> bool:
    """"moon jae-in" where no article names him: a word written as a name ("jae") that no article
    uses makes the phrase a person's name the articles never give, though another of its words is
    a common word ("moon")."""
    written = [word for word in words(read) if word not in STOP_WORDS]
    return any(written_as_a_name(word, cased=False) and not named_in_articles(knowledge, word) for word in written)


def _surname(name: str) -> str:
    """"Trump" of "Donald Trump": the word reports name a quoted person by ("…, Trump said")."""
    return name.split()[-1]


def _with_aliases(knowledge: KnowledgeBase, forms: list[str]) -> list[str]:
    """The forms and every name of their alias groups (knowledge/aliases.yaml), folded, each once."""
    found = list(dict.fromkeys(forms))
    for form in forms:
        group = knowledge.aliases.group_of(form)
        if group is not None:
            found.extend(key for name in knowledge.aliases.names.get(group, ()) if (key := name_key(name)) not in found)
    return found


def _opens_with(subject: str, place: str) -> bool:
    """"north koreas foreign ministry", "north korean state media" open with "north korea"; "usual" not with "us"."""
    # The prefix test first: a folder's every speaker may be tried, and most share no prefix at all.
    return subject.startswith(place) and re.match(rf"{re.escape(place)}(?:{'|'.join(PEOPLE_ENDINGS)})?\b", subject) is not None


def speakers_topic(knowledge: KnowledgeBase, query: Query, asked: SpeakerAsked) -> tuple[Concept, ...]:
    """What the question asks of the speaker besides naming them: its concepts that are no word of
    the speaker's phrase ("summit" of "what did jenny town say about the summit")."""
    # The speaker's words as the question analysis reads them too: "ruritanians" is the concept "ruritania".
    named = {stem(word) for word in words(asked.asked)} | {term for c in analyse(knowledge, asked.asked).concepts for term in c.terms}
    return tuple(c for c in query.concepts if not named.intersection(c.terms) and all(t not in STOP_WORDS for t in c.terms))


def speakers_words_touch(knowledge: KnowledgeBase, query: Query, asked: SpeakerAsked) -> bool:
    """Whether the speaker's sentences' paragraphs hold something the question asks besides the
    speaker (its words, their aliases or synonyms), or it asks nothing besides: "what did Trump say
    about kimchi" is not answered with Trump's words on something else."""
    topic = speakers_topic(knowledge, query, asked)
    if not topic:
        return True
    # The paragraph before counts too: "In an interview with CNN, Joseph Yun …" then "“…,” he said."
    passages = {p for s in asked.sentences for p in _with_the_one_before(knowledge, knowledge.sentences[s].passage)}
    held = {term for p in passages for term in knowledge.passage_terms[p]}
    return any(held.intersection((*c.terms, *c.synonyms, *((c.group_term,) if c.group_term else ()))) for c in topic)


def speakers_words_meaning(knowledge: KnowledgeBase, query: Query, asked: SpeakerAsked, sentences: Sequence[int]) -> float | None:
    """The meaning signal's best cosine of what the question asks of the speaker (SpeakerAsked.topic)
    with these sentences of theirs, each read alone or with a neighbour as the meaning ranker reads
    them; None without the model or without a topic. The topic alone, not the question: the
    speaker's name is in their own sentences, and it lifts any question naming them (SPEAKER_TOPIC_SIMILARITY).
    None too when the topic names a thing no article mentions by a word rare in English ("kimchi",
    "taekwondo"): such a word is no paraphrase of what they said, though the model finds it near
    anything Korean; an everyday word is ("gamble" for "high-stakes poker")."""
    meaning = next((r for r in knowledge.rankers if isinstance(r, SemanticRanker)), None)
    if meaning is None or not sentences or not words(asked.topic):
        return None
    if any(not said_in_articles(knowledge, c) and specificity(c.said or c.key) >= 1.0 for c in speakers_topic(knowledge, query, asked)):
        return None
    return float(meaning.similarities(asked.topic)[list(sentences)].max())


def reporting_on(knowledge: KnowledgeBase, asked: SpeakerAsked) -> tuple[int, ...]:
    """The speaker's sentences reporting what someone else said or did, when the question asks
    exactly that: what it asks of them opens with someone named and goes on ("what did trump say
    kim wanted?": "kim wanted"), a reported clause whose subject is that someone. Their sentences
    whose speech verb is followed by that someone's name ("Trump says Kim asked for …") answer it
    first; none when the question asks no such clause ("about kim", "kim" alone)."""
    said = words(asked.topic)
    if said[:1] == ["that"]:
        said = said[1:]
    if len(said) < 2 or said[0] in STOP_WORDS or not (_written_as_a_name(said[0]) or knowledge.aliases.group_of(said[0]) is not None):
        return ()
    names = {word for form in _with_aliases(knowledge, [said[0]]) for word in form.split() if word not in STOP_WORDS}
    reported = re.compile(
        rf"\b(?:{_REPORTING_VERB})\s+(?:that\s+)?(?:\S+\s+){{0,2}}?(?:{'|'.join(sorted(map(re.escape, names)))})\b", re.IGNORECASE
    )
    return tuple(position for position in asked.sentences if reported.search(knowledge.sentence_text(position)))


def _with_the_one_before(knowledge: KnowledgeBase, passage: int) -> tuple[int, ...]:
    before = passage - 1
    same_article = before >= 0 and knowledge.passages[before].article_id == knowledge.passages[passage].article_id
    return (before, passage) if same_article else (passage,)


def _without_determiners(who: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", who.strip(), flags=re.IGNORECASE)


def _speakers_named(knowledge: KnowledgeBase, who: str) -> list[Speaker]:
    """The speakers the name means, as the learned order's index finds them (bot.quotations.
    speaker_index, made once per knowledge build: no speaker is read per answer): its alias group,
    every word of it, or a first name said another way with a surname only one speaker has; several
    when it fits several alike ("kim" when two Kims are quoted). Its readings are tried longest
    first: "jenny town of 38 north" is Jenny Town (name_readings)."""
    index = knowledge.speaker_index
    for reading in name_readings(who):
        numbers = index.named(reading, knowledge.aliases)
        if numbers:
            return [knowledge.speakers[number] for number in sorted(numbers)]
    return []


def _speakers_of_the_places(knowledge: KnowledgeBase, places: Sequence[str]) -> list[Speaker]:
    """The speakers named after one of the places or whose role opens with it, most quoted first,
    found through the index of first words (thousands of speakers at size: none is read per answer
    but those whose first word fits)."""
    index = knowledge.speaker_index
    candidates = (knowledge.speakers[number] for number in sorted({n for place in places for n in index.opening_with(place)}))
    return [speaker for speaker in candidates if any(_of_the_place(speaker, place) for place in places)]


def _bodies_the_place_names(knowledge: KnowledgeBase, places: Sequence[str], known: Sequence[Speaker]) -> list[Speaker]:
    """The quoted organisations (a name headed by an organisation's noun: "State Department") that
    some article writes right after the place ("the U.S. State Department told …"), besides
    `known`. Only the sentences holding an organisation's noun are read (the lexical index finds
    them), and the names found are looked up in the speaker index: no speaker is read per answer."""
    holding = np.zeros(len(knowledge.sentences), dtype=bool)
    for noun in ORGANISATION_NOUNS:
        holding |= _sentences_holding_all(knowledge, {stem(noun)})
    after_a_place = re.compile(
        rf"(?<!\w)(?:{'|'.join(re.escape(place) for place in places)})(?:{'|'.join(PEOPLE_ENDINGS)})?"
        rf" (?P<body>(?:\w+ ){{0,{MAX_SUBJECT_WORDS - 2}}}?(?:{'|'.join(sorted(ORGANISATION_NOUNS))}))(?!\w)"
    )
    named: dict[str, None] = {}
    for position in np.flatnonzero(holding)[:MAX_REPORT_SENTENCES].tolist():
        for match in after_a_place.finditer(name_key(knowledge.sentence_text(position))):
            named.setdefault(match.group("body"), None)
    found: list[Speaker] = []
    for body in named:
        for speaker in _speakers_named(knowledge, body):
            if name_key(speaker.name) == body and speaker not in known and speaker not in found:
                found.append(speaker)
    return found


def _people_noun_place(knowledge: KnowledgeBase, who: str) -> tuple[str, ...] | None:
    """The place a people noun stands for, and its people's adjective, when the articles name that
    place or its people: its country by the country data (bot.search.demonyms: "germans" -> Germany, "the
    americans" -> United States), else, for places no country list holds ("the ruritanians"), the
    place its common ending gives ("-ians" -> "-ia"). None for any other words."""
    country = country_of_people(who)
    if country is not None:
        adjective = _singular(who)  # "German Chancellor …" names the Germans where no article says "Germany"
        return (country, adjective) if named_in_articles(knowledge, country) or named_in_articles(knowledge, adjective) else None
    parts = name_key(who).split()
    if not parts:
        return None
    last = parts[-1]
    for ending, replacement in _PEOPLE_NOUN_TO_PLACE:
        if last.endswith(ending) and len(last) > len(ending) + 2:
            place = " ".join([*parts[:-1], last[: -len(ending)] + replacement])
            if named_in_articles(knowledge, place):
                return (place,)
    return None


def named_in_articles(knowledge: KnowledgeBase, name: str) -> bool:
    """The name (a place's, a person's) as written (not a name it resembles: "biegu" of "biegun" is
    no place), said by some article, or an alias of it."""
    read = analyse(knowledge, name)
    return bool(read.concepts) and not read.corrections and all(said_in_articles(knowledge, c) for c in read.concepts)


def _singular(people: str) -> str:
    """"germans" -> "german", "chinese" -> "chinese": the adjective roles open with."""
    folded = name_key(people)
    return folded[:-1] if folded.endswith("s") and not folded.endswith(("ss", "ese")) else folded


def _of_the_place(speaker: Speaker, place: str) -> bool:
    """A speaker named after the place ("North Korea", "North Korea's foreign ministry") or whose
    role opens with it or its people's adjective ("North Korean leader", "South Korean President")."""
    # "the State Department's special representative": the role's article is no part of whose it is.
    return _opens_with(name_key(speaker.name), place) or _opens_with(_without_determiners(name_key(speaker.role or "")), place)


def _same_person(subject: str, wanted: set[str], speakers: Sequence[Speaker]) -> bool:
    """Whether a subject phrase names the person asked about: every word asked is among its words
    ("kim" in "Kim Jong Un"), or it is a quoted speaker's name or surname."""
    parts = set(subject.split())
    if wanted and wanted <= parts:
        # "Kim Myong Gil told reporters" is not Kim Jong Un, though "kim" is asked: a subject naming
        # someone besides the speakers found is another person's words. With no one quoted to
        # compare, the phrase's head is its last word: "President Donald Trump spokeswoman Sarah
        # Sanders said" is Sanders's, not Trump's.
        if not speakers:
            return subject.split()[-1] in wanted
        return any(_names_the_speaker(subject.split(), set(name_key(s.name).split())) for s in speakers)
    return any(parts and parts <= set(name_key(s.name).split()) and name_key(s.name).split()[-1] in parts for s in speakers)


def _names_the_speaker(subject: list[str], name: set[str]) -> bool:
    """Whether a subject phrase (folded words) ends in words of the speaker's name alone, after a
    role or a title at most: "north korean leader kim jong un", "chairman kim"; not "kim myong gil"
    (words no name of theirs has) nor "tomas vosk" for Petra Vosk (a first name of another's)."""
    first = next((i for i, word in enumerate(subject) if word in name), None)
    if first is None or not set(subject[first:]) <= name:
        return False
    before = subject[first - 1] if first else None
    return before is None or before in PERSONAL_TITLES or before in STOP_WORDS or is_english_word(before)


def _written_as_a_name(who: str) -> bool:
    """Whether the words asked about (folded) are written as a name: rare in everyday English
    ("kim", "biegun", "melania"); a description ("the experts", "officials") is not someone whose
    words can be looked up."""
    written = [word for word in who.split() if word not in STOP_WORDS]
    return bool(written) and all(written_as_a_name(word, cased=False) for word in written)


def _quotation_sentences(knowledge: KnowledgeBase, quotations: Iterable[Quotation]) -> tuple[set[int], dict[tuple[str, int], int]]:
    """The sentences each quotation's words stand in, and the attributions before their paragraphs
    (SpeakerAsked.attributions)."""
    found: set[int] = set()
    attributions: dict[tuple[str, int], int] = {}
    by_article: dict[str, tuple[list[int], list[int]]] = {}
    for quotation in quotations:
        article_id = quotation.quote.article.id
        if article_id not in by_article:
            by_article[article_id] = _sentence_starts(knowledge, article_id)
        positions, starts = by_article[article_id]
        if not positions:
            continue
        first = max(0, bisect.bisect_right(starts, quotation.quote.start) - 1)
        last = max(first, bisect.bisect_left(starts, quotation.quote.end) - 1)
        found.update(positions[first : last + 1])
        if first > 0 and (named := _naming_before(knowledge, positions[first], quotation.speaker)) is not None:
            attributions[(article_id, starts[first])] = knowledge.sentences[named].span.start
    return found, attributions


def _naming_before(knowledge: KnowledgeBase, sentence: int, speaker: str) -> int | None:
    """The sentence ending the paragraph before, when it names the speaker and the quotation's own
    paragraph does not: "In an interview with CNN, Joseph Yun … questioned …" then "“…,” he said."
    (the quote runs on from it into the quotation: bot.answers)."""
    surname = stem(words(speaker)[-1]) if words(speaker) else None
    before = sentence - 1
    passage = knowledge.sentences[sentence].passage
    if surname is None or knowledge.sentences[before].passage == passage:
        return None
    if knowledge.passages[knowledge.sentences[before].passage].article_id != knowledge.passages[passage].article_id:
        return None
    if surname in knowledge.passage_terms[passage] or surname not in knowledge.sentence_terms[before]:
        return None
    return before


def _sentence_starts(knowledge: KnowledgeBase, article_id: str) -> tuple[list[int], list[int]]:
    numbering = knowledge.numbering
    number = numbering.numbers.get(article_id)
    if number is None:
        return [], []
    positions = np.flatnonzero(numbering.of_sentence == number).tolist()
    return positions, [knowledge.sentences[p].span.start for p in positions]


def _reported_speech(knowledge: KnowledgeBase, forms: Sequence[str], names_it: Callable[[str], bool]) -> list[int]:
    """The sentences whose speech verb has a subject naming the speaker (in any of its `forms`: "north
    koreans", "north korea"), quotation marks or not: "North Korea reportedly says it had asked …",
    "…, Pompeo said.", "North Korea's foreign ministry said …"."""
    holding = np.zeros(len(knowledge.sentences), dtype=bool)
    for form in forms:
        terms = {stem(word) for word in words(form) if word not in STOP_WORDS}
        if terms:
            holding |= _sentences_holding_all(knowledge, terms)
    found = []
    for position in np.flatnonzero(holding)[:MAX_REPORT_SENTENCES].tolist():
        sentence = knowledge.sentences[position]
        body = knowledge.article_of(sentence.passage).body
        if not _ANY_REPORTING.search(body, sentence.span.start, sentence.span.end):
            continue
        if any(names_it(subject) for subject in _speech_subjects(body, sentence.span.start, sentence.span.end)):
            found.append(position)
    return found


def _sentences_holding_all(knowledge: KnowledgeBase, terms: set[str]) -> npt.NDArray[np.bool_]:
    count = len(knowledge.sentences)
    lexical = next((r for r in knowledge.rankers if isinstance(r, LexicalRanker)), None)
    holding = np.ones(count, dtype=bool)
    for term in terms:
        if lexical is not None:
            holding &= lexical.sentences_holding(frozenset({term}), count)
        else:
            holding &= np.fromiter((term in t for t in knowledge.sentence_terms), dtype=bool, count=count)
    return holding


# A sentence's subjects depend on its text alone, and the same speaker's sentences are read for
# every question asking their words: remembered for the latest sentences read (lru_cache locks).
_SENTENCES_REMEMBERED = 4096


@lru_cache(maxsize=_SENTENCES_REMEMBERED)
def _speech_subjects(body: str, start: int, end: int) -> tuple[str, ...]:
    """The subjects (folded) of the speech verbs in a sentence, when a name is among their words:
    "North Korea reportedly says" -> "north korea", "North Korea's foreign ministry said" ->
    "north koreas foreign ministry", "…, Pompeo said." -> "pompeo", "…,” says Rusten" -> "rusten"."""
    tokens = tokenize(body, start, end)
    every = name_mentions(body, tokens, start)
    mentions = [m for m in every if not m.label]
    subjects = []
    for i, token in enumerate(tokens):
        if token.capitalised or token.lower not in _REPORTING or not _tensed(token.lower):
            continue
        k = i
        while k > 0 and (tokens[k - 1].lower in _BETWEEN_SUBJECT_AND_SPEECH_VERB or tokens[k - 1].lower.endswith("ly")):
            k -= 1
        first = k
        while first > 0 and k - first < MAX_SUBJECT_WORDS and _in_a_subject(tokens[first - 1]):
            first -= 1
        if first < k:
            phrase_start, phrase_end = tokens[first].start, tokens[k - 1].end
            # "Trump's spokesman said" is not Trump; "North Korea's foreign ministry said" is the country's.
            named = [m for m in mentions if phrase_start <= m.start < phrase_end and (not m.possessive or tokens[k - 1].lower in ORGANISATION_NOUNS)]
            # "the DPRK commits", "the White House said": a name after "the" labels nothing when its verb follows.
            named += [m for m in every if m.label and m.end == phrase_end and phrase_start <= m.start]
            if named:
                subjects.append(name_key(body[phrase_start:phrase_end]))
        elif i + 1 < len(tokens) and (after := next((m for m in mentions if m.start == tokens[i + 1].start), None)) is not None:
            subjects.append(name_key(after.name))  # "…,” said Pompeo": the subject after the verb
    return tuple(subjects)


def _in_a_subject(token: Token) -> bool:
    """A word of a subject phrase: no small word, punctuation or verb ("Trump says Kim …" is two)."""
    lower = token.lower
    if not token.text[:1].isalnum() or lower in STOP_WORDS or lower in SPEECH_VERBS or lower in IRREGULAR_PAST:
        return False
    return token.capitalised or not lower.endswith("ed")


def _tensed(verb: str) -> bool:
    """"says", "said", "warned": a verb; "claim", "promise" alone are nouns as often."""
    return verb.endswith(("s", "ed")) or verb in {"said", "told", "wrote"}


def _as_named(knowledge: KnowledgeBase, who: str, people: bool) -> str:
    """The speaker as the reply names them: the fullest name the articles give that holds every
    word asked ("kim" -> "Kim Jong Un"), else the words as asked, capitalised ("the South Koreans")."""
    wanted = set(name_key(who).split())
    if not people and wanted:
        terms = {stem(word) for word in words(who) if word not in STOP_WORDS}
        counts: dict[str, int] = {}
        for position in np.flatnonzero(_sentences_holding_all(knowledge, terms))[:MAX_REPORT_SENTENCES].tolist():
            sentence = knowledge.sentences[position]
            body = knowledge.article_of(sentence.passage).body
            for mention in name_mentions(body, tokenize(body, sentence.span.start, sentence.span.end), sentence.span.start):
                if not mention.label and wanted <= set(name_key(mention.name).split()):
                    counts[mention.name] = counts.get(mention.name, 0) + 1
        if counts:
            return max(counts, key=lambda name: (len(name.split()), counts[name]))
    return " ".join(word if word in STOP_WORDS else word[:1].upper() + word[1:] for word in who.split())
