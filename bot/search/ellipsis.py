"""Whether a message in a conversation leans on what was asked before it, by its grammar alone.

In English dialogue a reply that leaves something out takes it from what came before: it opens
by carrying on ("and Biegun?", "what about Moon?", "but why?"), it points back with a pronoun or
a demonstrative ("when was that?", "what did he say then?", "who else?"), it names nothing of its
own ("why?", "what happened?"), or it is no clause at all, only the thing asked about ("Biegun?",
"the sanctions?"). A question with its own verb that names its own subject ("who's robert
galucci", "who is Kim Yong Chol") stands alone however short it is. Only English's closed word
classes are read here (pronouns, auxiliaries, question words, conjunctions, prepositions), never
words of one story, so the rule serves any knowledge folder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence

from bot.search.demonyms import is_a_place
from bot.search.english import is_english_word
from bot.search.name_case import writes_names_capitalised
from bot.search.normalise import PLEASANTRIES, STOP_WORDS, words
from bot.search.word_forms import lemma

# Said before the question without being part of it: "ok, and when?", "hmm, why?".
INTERJECTIONS = PLEASANTRIES | frozenset("well yeah yes right please sure".split())
# Opening a message, these carry the conversation on: "and Biegun?", "but why?", "so when?".
_CARRYING_ON = frozenset("and but so also or plus then".split())
# "what about Moon?", "how about Vox?", "what of the sanctions?"
_ASKING_ABOUT = frozenset({("what", "about"), ("how", "about"), ("what", "of")})
_QUESTION_WORDS = frozenset("who whom whose what which when where why how".split())
# Auxiliaries, modals and forms of "be" (as words() spells them: no apostrophes).
_AUXILIARIES = frozenset(
    """is are was were am be been being do does did has have had can could will would shall should
    may might must isnt arent wasnt werent dont doesnt didnt hasnt havent hadnt cant couldnt wont
    wouldnt shouldnt""".split()
)
# A request in the imperative is a clause of its own: "tell me about Biegun", "explain the deal".
_REQUESTS = frozenset("tell show explain describe list give summarise summarize compare define".split())
# Subject pronouns and possessives stand for someone named before them: in the question itself
# ("what did Trump say about his gut?") or, when nothing there comes first, in the conversation.
_PRONOUNS = frozenset("he she they it his her hers its their theirs".split())
# An object pronoun never stands for its own clause's subject ("what did Trump say about him?"
# is not about Trump), so it points outside the question wherever it is.
_OBJECT_PRONOUNS = frozenset("him them".split())
# A demonstrative points back where it stands for a thing ("when was that?", "why did that
# happen?", "about that"), not where it only links a clause ("said that …", "the deal that …").
_DEMONSTRATIVES = frozenset("that this these those".split())
_PREPOSITIONS = frozenset("about after before since of with for from in on at by to during like over against".split())
# At the end these point back: "what did he say then?", "who was there?", "who said so?", "him too?"
_ENDING_BACK = frozenset("then there so too".split())
# Question words that stand for a circumstance of the clause (its reason, time, place, manner),
# not for one of its parts: one can ask anew of the same clause with them ("when did X happen?",
# "and why?" -> "why did X happen?"); "who" or "what" would need a clause with a gap.
_CIRCUMSTANCE_WORDS = frozenset("why when where how".split())
# A person's pronouns: after a question about someone named ("why did Trump walk out?") they stand for that person.
_PERSON_PRONOUNS = frozenset("he she him her".split())
# A question asking who: the person "he" stands for after it may be the one asked for.
_ASKING_WHO = frozenset("who whom whose".split())
# "how many times did …": the words of a question word before its auxiliary, at most.
_MAX_QUESTION_WORDS = 3
# "did Kim and Trump meet?": a subject of two people is no one "he" can stand for.
_JOINING = frozenset("and or".split())
# "is it true that kim lied?", "was it clear whether …": a placeholder "it" stands for the clause
# that follows, within a few words, after one of these; it points back to nothing.
_CLAUSE_OPENERS = frozenset("that whether if to".split())
_PLACEHOLDER_REACH = 3
# The pronouns that stand for a person or a thing as a whole (subject or object), not possessives.
_PERSONAL_PRONOUNS = frozenset("he she it they him her them".split())
# What a pronoun can stand for after "who is X?" (a person), "what is X?" (a thing) and "who/what
# are X?" (people or things): it agrees with the verb in number, so "they" after "who is Biegun?"
# is others ("what did they agree in Singapore?"), not Biegun.
_STANDING_FOR = {
    ("who", "one"): frozenset("he she him her".split()),
    ("what", "one"): frozenset({"it"}),
    ("who", "more"): frozenset({"they", "them"}),
    ("what", "more"): frozenset({"they", "them"}),
}
_BE = {"is": "one", "was": "one", "are": "more", "were": "more"}
# "whats the agreed framework", "whos he": typed without the apostrophe.
_FUSED_WITH_IS = {"whats": "what", "whos": "who"}
# "who is X" names its subject in a few words; more is a clause ("who was the envoy Trump named in …").
_MAX_SUBJECT_WORDS = 5
# "who was fired", "what is happening": a participle after "is" makes a clause, not a subject.
_PARTICIPLE_ENDINGS = ("ed", "ing")
# "when was Tillerson fired", "where was the summit held": a past participle ending what follows
# "was" makes it a passive clause, not a subject another can stand in for. Regular ones end in
# -ed; the irregular ones are a closed class of English, listed here: LemmInflect, which knows
# them, is only a test dependency (0.24 s to load), and bot/search/word_forms.txt.gz leaves out
# stop words ("said", "done") and forms that are adjectives too ("known", "given"). Forms that
# are as often a noun or a base form ("left", "set", "won", "shot") are left out: ending a
# subject they are more often a thing ("the left", "the south korean won").
_IRREGULAR_PAST_PARTICIPLES = frozenset(
    """arisen awoken been beaten begun bitten blown bred broken brought built bought caught chosen
    dealt done drawn driven eaten fallen fed fled flown forbidden forgiven forgotten found fought
    frozen given gone gotten grown had heard held hidden kept known laid led lent lost made meant
    met overseen paid proven ridden risen said sat seen sent shaken shown slain slept sold sought
    spent spoken stolen stood struck stuck sunk sworn swept taken taught thought thrown told torn
    undertaken understood wept withdrawn woken worn written""".split()
)
# A word as written, between white space: its first letter says whether it is written as a name.
_WRITTEN_WORD = re.compile(r"\S+")
# "and north korea too?": words saying the thing is asked of as well are no part of it.
_AS_WELL = frozenset("too also either".split())


def leans_on_earlier(said: Sequence[str]) -> bool:
    """Whether a message (its words, as bot.search.normalise.words gives them) leaves out what it
    is about and so takes it from the conversation. "and why?" and "when was that?" lean; "who is
    Kim Yong Chol?" and "when was Tillerson fired?" are questions of their own."""
    said = _without_interjections(said)
    if not said:
        return False
    if said[0] in _CARRYING_ON or tuple(said[:2]) in _ASKING_ABOUT:
        return True
    return "else" in said or _points_back(said) or not _is_clause(said) or not _names_something(said)


def asks_whether(said: Sequence[str]) -> bool:
    """Whether the message is a yes-no question of its own: it opens (after "and", "so" or an
    interjection) with an auxiliary and says more than two words, "does he have diplomatic
    experience?", "and was he confirmed?". It asks whether something is so, not who or when,
    whatever the question it follows asked. Not when its subject is "that", "this" or "it": "is that
    true?" asks about the earlier answer itself, and is read as the earlier question was."""
    stripped = _past_its_opening(said)
    return len(stripped) >= 3 and stripped[0] in _AUXILIARIES and stripped[1] not in _DEMONSTRATIVES | {"it"}


def _past_its_opening(said: Sequence[str]) -> list[str]:
    """The message without its interjections and the word carrying the conversation on ("ok, and
    when?" -> "when")."""
    stripped = _without_interjections(said)
    return stripped[1:] if stripped and stripped[0] in _CARRYING_ON else stripped


def _without_interjections(said: Sequence[str]) -> list[str]:
    start = 0
    while start < len(said) and said[start] in INTERJECTIONS:
        start += 1
    return list(said[start:])


def _points_back(said: list[str]) -> bool:
    """A pronoun or demonstrative standing for something the question itself does not name."""
    if said[-1] in _ENDING_BACK | _DEMONSTRATIVES | _OBJECT_PRONOUNS:
        return True
    if _pronoun_pointing_back(said) is not None:
        return True
    for position, word in enumerate(said):
        before = said[position - 1] if position else None
        if word in _DEMONSTRATIVES and (before is None or before in _QUESTION_WORDS | _AUXILIARIES | _PREPOSITIONS):
            return True
    return False


def _pronoun_pointing_back(said: list[str]) -> int | None:
    """Where the first pronoun stands for something the question itself does not name: nothing
    it names comes before ("what did he say"; the verb of "who negotiated it" names nothing), or
    it is an object pronoun. "did Kim say he would …" names its "he"."""
    verb = _verb_position(said)
    for position, word in enumerate(said):
        if word == "it" and _placeholder(said, position):
            continue
        names_before = any(earlier not in STOP_WORDS and at != verb for at, earlier in enumerate(said[:position]))
        if word in _OBJECT_PRONOUNS or (word in _PRONOUNS and not names_before):
            return position
    return None


def personal_pronoun_pointing_back(said: Sequence[str]) -> bool:
    """Whether a subject or object pronoun (he, she, it, they, him, her, them) stands for someone
    or something the message does not name: then it is about what was asked before, even when
    its own words find an answer ("what did he pull off in the nineties?" is not about anyone)."""
    stripped = _without_interjections(said)
    position = _pronoun_pointing_back(stripped) if stripped else None
    return position is not None and stripped[position] in _PERSONAL_PRONOUNS


def demonstrative_pointing_back(said: Sequence[str]) -> bool:
    """Whether a demonstrative stands for what was said before as a whole: after an auxiliary
    ("is that true?", "was this before Hanoi?") or ending the message ("who said that?"). Then,
    like "he", it is about the conversation even when its own words find an answer elsewhere.
    "that" opening a clause ("is it true that kim lied") follows neither."""
    stripped = _without_interjections(said)
    return any(
        word in _DEMONSTRATIVES and (position == len(stripped) - 1 or (position > 0 and stripped[position - 1] in _AUXILIARIES))
        for position, word in enumerate(stripped)
    )


def with_the_earlier_subject(
    follow_up: Sequence[str], earlier: str, known_names: Container[str] = frozenset(), a_person: Callable[[str], bool] = lambda _: True
) -> str | None:
    """The follow-up with its pronoun replaced by what the earlier question asked about, when that
    question only asks what or who something is and the pronoun fits it: "what did she say" after
    "who is Jenny Town?" -> "what did jenny town say"; "who negotiated it" after "what's the agreed
    framework" -> "who negotiated the agreed framework". None otherwise (the caller reads the two
    questions together instead). `known_names`: words of names the articles give (folded), which
    are names however the question writes them ("who is ted marlow"). `a_person` tells whether a
    name may be a person's, as for with_the_earlier_person: "who is the Washington Post?" asks who,
    yet "she" after it stands for no outlet."""
    said = _without_interjections(follow_up)
    if said and said[0] in _CARRYING_ON:
        said = said[1:]
    position = _pronoun_pointing_back(said) if said else None
    asked = _asked_what_or_who(earlier, known_names)
    if position is None or asked is None:
        return None
    kind, subject = asked
    if said[position] not in _STANDING_FOR[kind] or (said[position] in _PERSON_PRONOUNS and not a_person(subject)):
        return None
    return " ".join([*said[:position], subject, *said[position + 1 :]])


def with_the_earlier_person(
    follow_up: Sequence[str], earlier: str, known_names: Container[str] = frozenset(), a_person: Callable[[str], bool] = lambda _: True
) -> str | None:
    """The follow-up with its "he" or "she" ("him", "her") replaced by the person the earlier
    question's clause is about, its subject written as a name: "what did he say about it?" after
    "Why did Trump walk out in Hanoi?" -> "what did trump say about it?". English takes a personal
    pronoun's antecedent from the subject before it first. None when the pronoun points to nothing
    outside the follow-up, or the earlier question has no such subject (_person_it_is_about).
    `known_names` as for with_the_earlier_subject; `a_person` tells whether a name may be a
    person's ("the washington post" is no one "she" stands for: bot.person_named)."""
    said = _past_its_opening(follow_up)
    position = _pronoun_pointing_back(said) if said else None
    if position is None or said[position] not in _PERSON_PRONOUNS:
        return None
    person = _person_it_is_about(earlier, known_names)
    return None if person is None or not a_person(person) else " ".join([*said[:position], person, *said[position + 1 :]])


def _person_it_is_about(question: str, known_names: Container[str]) -> str | None:
    """The subject of a question's clause when it is a person's name: the names between its
    auxiliary and its verb ("Why did Trump walk out …", "was Tillerson fired?", "what did Kim Jong
    Un promise"). None for a question asking who ("Who did Trump pick to replace Tillerson?": "he"
    after it may be the one asked for), a subject that is no name ("why did the talks fail"), one
    a possessive makes a description ("Trump's team"), two people ("did Kim and Trump meet"), a
    place ("did North Korea agree": a country is "it" or "they"), or another name that is no
    place ("why did Trump fire Tillerson": "he" may be either)."""
    said = words(question)
    if not said or said[0] in _ASKING_WHO:
        return None
    # An auxiliary first (a yes-no question), or after a question word and at most two words of
    # its own ("how many times did …").
    auxiliary = next((at for at, word in enumerate(said[:_MAX_QUESTION_WORDS + 1]) if word in _AUXILIARIES), None)
    if auxiliary is None or (auxiliary > 0 and said[0] not in _QUESTION_WORDS):
        return None
    names = _name_reader(question, known_names)
    end = auxiliary + 1
    while end < len(said) and names(said[end]) and said[end] not in _AUXILIARIES:
        end += 1
    subject = said[auxiliary + 1 : end]
    if not subject or end == len(said) or said[end] in _JOINING:
        return None
    if re.search(rf"\b{re.escape(subject[-1])}['’]s\b", question, re.IGNORECASE) or is_a_place(" ".join(subject)):
        return None
    # "Why did Trump fire Tillerson?" then "when did he leave?": with another person named, "he"
    # may be either; places ("in Hanoi") name no one it could be.
    others = " ".join(word if names(word) else "|" for word in said[end:]).split("|")
    return None if any(run.strip() and not is_a_place(run) for run in others) else " ".join(subject)


# "what happened when Trump met Kim …": the clause after these says what the question is about.
_HAPPENED_WHEN = re.compile(r"^\W*what\s+happened\s+(?:when|after|before|as)\s+(?P<clause>.+)$", re.IGNORECASE)
# A word as written, with what surrounds it ("jae-in?", "(Moon") taken off.
_TRIM = "\"'“”‘’.,;:!?()[]"


def written_after_auxiliary(question: str) -> list[str]:
    """The words of the question as written (a hyphened "Jae-in" one word, a capital kept) from
    where its clause's subject starts: after the auxiliary that opens a yes-no question ("did
    moon jae-in go …"), after a question word's auxiliary ("how did Japan react", "what role did
    Japan play"), or after "what happened when" ("… when Trump met Kim"). Empty for any other
    question ("who met Kim?": its question word is the subject)."""
    happened = _HAPPENED_WHEN.match(question.strip())
    if happened is not None:
        return _written(happened.group("clause"))
    written = _written(question)
    said = [words(token) for token in written]
    opening = [at for at, parts in enumerate(said[: _MAX_QUESTION_WORDS + 1]) if len(parts) == 1 and parts[0] in _AUXILIARIES]
    if not opening or not said[0]:
        return []
    auxiliary = opening[0]
    if auxiliary > 0 and said[0][0] not in _QUESTION_WORDS:
        return []
    return written[auxiliary + 1 :]


def _written(text: str) -> list[str]:
    return [token for token in (word.strip(_TRIM) for word in text.split()) if token]


def another_subject(follow_up: Sequence[str]) -> str | None:
    """The thing a follow-up carrying on with only a thing names ("and trump?", "what about the
    north koreans?"), to be asked in the earlier question's frame; None for anything else: a
    clause ("and why?", "and what did he say?"), a pronoun or a demonstrative ("and that?")."""
    said = _without_interjections(follow_up)
    carrying_on = bool(said) and said[0] in _CARRYING_ON
    if carrying_on:
        said = said[1:]
    if tuple(said[:2]) in _ASKING_ABOUT:  # "what about china?", and "and what about china?" alike
        said = said[2:]
    elif not carrying_on:
        return None
    if not said or _is_clause(said) or not _names_something(said):
        return None
    while said and said[-1] in _AS_WELL:
        said = said[:-1]
    if not said or any(word in _PRONOUNS or word in _OBJECT_PRONOUNS or word in _DEMONSTRATIVES for word in said):
        return None
    return " ".join(said)


def with_another_subject(subject: str, earlier: str, known_names: Container[str] = frozenset()) -> str | None:
    """The earlier question asked of another subject, when it asks something of a subject that
    ends it, after a form of "be" ("how old is Kim Jong Un?", "who is Biegun?"): "and trump?"
    after "how old is kim jong un" -> "how old is trump". None when the earlier question has no
    such subject: "why did the talks fail?", or "when was Tillerson fired?" (a clause's verb ends
    it), or when what ends it is more than a name, so that swapping all of it would change what is
    asked: "who is the leader of north korea" + "and south korea?" is not "who is south korea".
    `known_names` as for with_the_earlier_subject."""
    said = words(earlier)
    if said and said[0] in _FUSED_WITH_IS:
        said = [_FUSED_WITH_IS[said[0]], "is", *said[1:]]
    if not said or said[0] not in _QUESTION_WORDS:
        return None
    # The question word, at most one word of its own ("how old", "what age"), then "is"/"was"/….
    verb = next((at for at in (1, 2) if at < len(said) and said[at] in _BE), None)
    if verb is None or any(word in _AUXILIARIES for word in said[1:verb]):
        return None
    earlier_subject = said[verb + 1 :]
    names = _name_reader(earlier, known_names)
    return " ".join([*said[: verb + 1], subject]) if _a_subject(earlier_subject, names) and _a_name(earlier_subject, names) else None


def _a_name(subject: list[str], names: Callable[[str], bool]) -> bool:
    """Whether a subject is a thing named as a whole, that another thing can stand in for: no
    preposition ("the leader of north korea", "trumps choice to replace tillerson") and no past
    participle ending it ("the summit held", "said in hanoi": a passive clause)."""
    return _PREPOSITIONS.isdisjoint(subject) and not _participle(subject[-1], names, _IRREGULAR_PAST_PARTICIPLES, ("ed",))


def _participle(word: str, names: Callable[[str], bool], irregular: frozenset[str], endings: tuple[str, ...]) -> bool:
    """Whether a word of a question reads as a participle: one of the irregular forms or a regular
    ending, unless it is a name ("Ahmed", "Ted", "the Fed" end like one)."""
    return not names(word) and (word in irregular or word.endswith(endings))


def _name_reader(question: str, known_names: Container[str]) -> Callable[[str], bool]:
    """Whether a word (as words() gives it) of the question is a name: one the question writes with
    a capital after its first word, as English writes names and never its verbs ("how old is
    Ahmed", "who is Ted Cruz"), or one of the names the articles give. A capital tells a name only
    where the question writes other words in lower case (bot.search.name_case): in "WHEN WAS
    TILLERSON FIRED?" or "Who Was Fired By Trump?" every word has one, and "fired" is still a verb."""
    cased = writes_names_capitalised(question)
    written = _WRITTEN_WORD.findall(question)[1:] if cased else []
    capitalised = frozenset(word for token in written if token[:1].isupper() for word in words(token))
    return lambda word: word in capitalised or word in known_names


def _asked_what_or_who(question: str, known_names: Container[str]) -> tuple[tuple[str, str], str] | None:
    """(("who", "one"), "jenny town") for "who is Jenny Town?": a question that only asks what its
    subject is, whether it is one or more, and that subject (a few words, not a clause: "who was
    fired by Trump" asks no such thing)."""
    said = words(question)
    if said and said[0] in _FUSED_WITH_IS:
        said = [_FUSED_WITH_IS[said[0]], "is", *said[1:]]
    if len(said) < 3 or said[0] not in ("who", "what") or said[1] not in _BE:
        return None
    subject = said[2:]
    return ((said[0], _BE[said[1]]), " ".join(subject)) if _a_subject(subject, _name_reader(question, known_names)) else None


def _a_subject(said: list[str], names: Callable[[str], bool]) -> bool:
    """Whether the words after "who is" name a subject in a few words, not a clause: no question
    word, auxiliary or pronoun, no participle first ("who was fired", "what is happening"; "who
    is Ted Cruz" opens with a name, `names`: the words the question writes as names)."""
    if not said or len(said) > _MAX_SUBJECT_WORDS or _participle(said[0], names, frozenset(), _PARTICIPLE_ENDINGS):
        return False
    return (_QUESTION_WORDS | _AUXILIARIES | _PRONOUNS | _OBJECT_PRONOUNS).isdisjoint(said)


def _verb_position(said: list[str]) -> int | None:
    """In a question about its subject ("who won?", "who negotiated it?") the word after "who" or
    "what" is the verb: it names nothing."""
    return 1 if len(said) > 1 and said[0] in ("who", "what") and said[1] not in STOP_WORDS | _AUXILIARIES else None


def _placeholder(said: list[str], position: int) -> bool:
    """An "it" that holds the place of a clause after it with words of its own ("is it true that
    kim lied", "was it hard to agree on sanctions"), not one that stands for something said before."""
    following = said[position + 1 : position + 2 + _PLACEHOLDER_REACH]
    opener = next((i for i, word in enumerate(following) if word in _CLAUSE_OPENERS), None)
    return opener is not None and _names_something(following[opener + 1 :])


def asked_anew(follow_up: Sequence[str], earlier: str) -> str | None:
    """The earlier question asked with the follow-up's question word, when the follow-up is only
    that word ("and why?", "ok, when?") and the earlier question opens with a question word and an
    auxiliary: "When did the Hanoi summit collapse?" + "and why?" -> "why did the Hanoi summit
    collapse?". A yes-no question takes the word before it: "Did Kim say he would denuclearise?" +
    "hmm, when?" -> "when did Kim say he would denuclearise?". None when the follow-up asks more,
    or the same word again (asked_again), or the earlier question's question word is a part of its
    clause ("who met Kim?")."""
    word = _lone_question_word(follow_up)
    if word not in _CIRCUMSTANCE_WORDS:
        return None
    opening = re.match(r"\W*([^\W\d_]+)\b", earlier)
    earlier_words = words(earlier)
    if opening is not None and len(earlier_words) >= 3 and earlier_words[0] in _AUXILIARIES:
        auxiliary = opening.start(1)
        return f"{word} {earlier[auxiliary].lower()}{earlier[auxiliary + 1 :]}"
    if opening is None or len(earlier_words) < 3 or earlier_words[0] not in _QUESTION_WORDS or earlier_words[1] not in _AUXILIARIES:
        return None
    if earlier_words[0] == word:
        return None  # the same question again: nothing new to ask
    return word + earlier[opening.end() :]


_OPENING_A_LONGER_QUESTION_WORD = frozenset({"how", "what", "which", "whose"})


def asked_again(follow_up: Sequence[str], earlier: str) -> bool:
    """Whether the follow-up is only the question word the earlier question opens with: "and why?"
    after "Why did the Hanoi summit fail?" asks nothing that question did not. Only when that word
    is the whole question word: "how?" after "How long did the summit last?" or "what?" after "What
    deal did they sign?" asks something else."""
    earlier_words = words(earlier)
    word = _lone_question_word(follow_up)
    if word is None or not earlier_words or earlier_words[0] != word:
        return False
    # "how", "what", "which" and "whose" can open a longer question word ("how long", "what deal");
    # only before an auxiliary are they the whole of it.
    return word not in _OPENING_A_LONGER_QUESTION_WORD or (len(earlier_words) > 1 and earlier_words[1] in _AUXILIARIES)


def _lone_question_word(follow_up: Sequence[str]) -> str | None:
    """The message's question word when it is all the message says ("and why?", "ok, when?")."""
    said = _past_its_opening(follow_up)
    return said[0] if len(said) == 1 and said[0] in _QUESTION_WORDS else None


def _is_clause(said: list[str]) -> bool:
    """A question word, an auxiliary or a request: the message has a verb of its own. Without one
    it is a bare name or phrase ("Biegun?", "the sanctions?"), asked in the frame of the question before."""
    return said[0] in _REQUESTS or any(word in _QUESTION_WORDS or word in _AUXILIARIES for word in said)


def _names_something(said: list[str]) -> bool:
    """A word that is not a small word of English. In a question about its subject ("who won?",
    "what happened?") the word after "who" or "what" is the verb, and names nothing; nor does a
    superlative whose noun is left out ("which was the worst?": the worst of what was named before)."""
    verb = _verb_position(said)
    left_out = _noun_left_out(said)
    return any(
        word not in STOP_WORDS and word not in _QUESTION_WORDS and position != verb and position != left_out for position, word in enumerate(said)
    )


# English's irregular superlatives (a closed class); regular ones are an adjective's "-est" form.
_IRREGULAR_SUPERLATIVES = frozenset("best worst least most".split())
# "the most costly", "the least useful": a superlative of two words.
_SUPERLATIVE_ADVERBS = frozenset({"most", "least"})


def _noun_left_out(said: Sequence[str]) -> int | None:
    """Where a superlative ends the message with no noun after it ("which was the worst?", "who
    was the most effective?"): English leaves out the noun it picks from when that noun was named
    before, so the message points back as a pronoun does. None when a noun follows ("which was
    the worst mistake?") or the message ends otherwise."""
    if not said:
        return None
    last = said[-1]
    if len(said) >= 2 and said[-2] in _SUPERLATIVE_ADVERBS and last not in STOP_WORDS:
        return len(said) - 1
    superlative = last in _IRREGULAR_SUPERLATIVES or (last.endswith("est") and lemma(last) != last)
    return len(said) - 1 if superlative and len(said) >= 2 and said[-2] in ("the", "its", "their", "his", "her") else None


def leaves_its_noun_out(said: Sequence[str]) -> bool:
    """Whether a message ends with a superlative whose noun it leaves to the conversation
    (_noun_left_out): "which was the worst?" after "What mistakes did Trump make?" is the worst
    mistake, whatever quotes its own words find."""
    return _noun_left_out(_past_its_opening(said)) is not None


def another_phrase(follow_up: Sequence[str]) -> list[str] | None:
    """The phrase a follow-up that is only a prepositional phrase asks the earlier question with
    ("and since Hanoi?", "what about after Singapore?", "in 2018?"): the preposition and its object,
    no clause. None for anything else."""
    said = _past_its_opening(follow_up)
    if tuple(said[:2]) in _ASKING_ABOUT:
        said = said[2:]
    while said and said[-1] in _AS_WELL:
        said = said[:-1]
    if len(said) < 2 or said[0] not in _PREPOSITIONS or _is_clause(said) or not _names_something(said[1:]) or not _names_a_thing(said[1:]):
        return None
    if any(word in _PRONOUNS or word in _OBJECT_PRONOUNS or word in _DEMONSTRATIVES for word in said):
        return None  # "and after that?": what it stands for is the earlier answer, not a phrase to put in
    return list(said)


# Words before a noun that make it a particular thing ("after the talks", "since their summit");
# not "my", "your", "our": "in my opinion" is about the one asking.
_DETERMINERS = frozenset("the a an its their his her both each every".split())
_TIME_WORDS = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday spring summer autumn fall winter yesterday today""".split()
)


def _names_a_thing(object_words: Sequence[str]) -> bool:
    """Whether a preposition's object names a particular thing the earlier question can be asked of
    again: a determined noun ("the talks"), a time ("2018", "march"), a place ("hanoi") or a name
    English has no word for ("yongbyon"). English's set phrases take a bare common word ("of
    course", "for sure", "in fact", "at least", "for example", "in my opinion") and name nothing."""
    if object_words[0] in _DETERMINERS:
        return True
    if any(character.isdigit() for word in object_words for character in word) or any(word in _TIME_WORDS for word in object_words):
        return True
    return is_a_place(" ".join(object_words)) or any(not is_english_word(word) for word in object_words)


# Words that end a prepositional phrase inside a question: another phrase, a joined one, a clause.
_ENDING_A_PHRASE = _PREPOSITIONS | _JOINING | _QUESTION_WORDS | _AUXILIARIES | _CLAUSE_OPENERS


def with_another_phrase(phrase: Sequence[str], earlier: str) -> str | None:
    """The earlier question asked with the follow-up's prepositional phrase in place of its own with
    the same preposition, or added at its end when it has none: "and since Hanoi?" after "Has North
    Korea tested missiles since Singapore?" -> "has north korea tested missiles since hanoi"; "and in
    2018?" after "what did trump say about kim?" -> "what did trump say about kim in 2018". English
    elides all the clause but what changes. None when that gives the earlier question again."""
    said = words(earlier)
    if not said:
        return None
    at = next((position for position in range(len(said) - 1, -1, -1) if said[position] == phrase[0]), None)
    if at is None:
        read = [*said, *phrase]
    else:
        end = at + 1
        while end < len(said) and said[end] not in _ENDING_A_PHRASE:
            end += 1
        read = [*said[:at], *phrase, *said[end:]]
    return None if read == said else " ".join(read)
