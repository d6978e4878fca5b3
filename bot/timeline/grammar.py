"""Does a dated sentence say something happened then? English grammar over function words.

A date in a sentence is an event's date only when the clause it modifies reports something that
happened: a past-tense verb ("met", "was named", "had agreed"), not a state or a judgment. The
rules read what English marks with closed classes of words, never with words chosen for a story:

- the verb group of the date's clause: modals ("could have been", "may have escalated") are
  conjecture; the present perfect ("hasn't tested … in over a year") and the present tense are
  states; negation says nothing happened; a copula with a complement ("was a mistake", "was worse
  than") is a judgment, unless the date is the complement ("the summit was on June 12");
  "will", "is set to", "plans to" are plans ("announced");
- the date's role: a duration ("for a year", "over a year", "since June") or a noun's modifier
  ("the calm of the last eight months", "Thursday's failure") dates no action of the clause.

A small spaCy model would tag verbs more surely, but none is on PyPI as a package and tagging
every dated sentence of 3,000 articles would take tens of seconds; these rules take
milliseconds. The price: a verb that is neither regular ("-ed") nor in the list of irregular
English past forms is not seen as past, so its sentence is not shown (precision over recall).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from bot.timeline.relative import MONTH_ABBREVIATIONS

# A number joined by a hyphen to the word after it is one word ("a 90-minute lunch", "the
# 140-strong orchestra", "a 12-day tour"), as "two-day" is: its hyphen ends no segment.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’\-]*|\d+(?:[,.:]\d+)*(?:st|nd|rd|th)?(?:-[A-Za-z][A-Za-z'’\-]*)?|[^\sA-Za-z\d]")

MODALS_OF_FUTURE = frozenset({"will", "shall", "'ll", "’ll", "won't", "won’t"})
MODALS = frozenset({"could", "would", "should", "might", "may", "must", "can", "cannot", "couldn't", "couldn’t", "wouldn't", "wouldn’t", "shouldn't", "shouldn’t", "mightn't", "mustn't", "can't", "can’t"})
BE_PRESENT = frozenset({"is", "are", "am", "isn't", "isn’t", "aren't", "aren’t"})
BE_PAST = frozenset({"was", "were", "wasn't", "wasn’t", "weren't", "weren’t"})
HAVE_PRESENT = frozenset({"has", "have", "hasn't", "hasn’t", "haven't", "haven’t", "'ve", "’ve"})
HAVE_PAST = frozenset({"had", "hadn't", "hadn’t", "'d", "’d"})
DO_PAST = frozenset({"did", "didn't", "didn’t"})
DO_PRESENT = frozenset({"do", "does", "don't", "don’t", "doesn't", "doesn’t"})
NEGATIONS = frozenset({"not", "never", "n't", "no"})
# A subject made of these says that nothing happened ("Nothing changed on Sunday", "No deal was reached").
NEGATIVE_SUBJECTS = frozenset({"nothing", "nobody", "none", "neither", "no", "no-one"})
# Verbs whose infinitive complement is an intention, not a deed: "is set to meet", "plans to visit".
INTENTION = frozenset({"set", "due", "scheduled", "expected", "slated", "poised", "going", "plan", "plans", "planning", "intend", "intends", "aim", "aims", "hope", "hopes"})
# Words that open a clause inside a sentence ("…, as talks collapsed", "… that tensions may have").
SUBORDINATORS = frozenset(
    {"when", "while", "because", "although", "though", "whereas", "if", "unless", "which", "who", "whom", "whose",
     "where", "whether", "but", "that", "after", "before", "since", "until", "once", "so", "yet", "as", "than"}
)  # fmt: skip
# Words that join two clauses of equal rank ("…, and officials have since praised …").
COORDINATORS = frozenset({"and", "but", "or", "nor", "yet", "so"})
# Words before a date that make it a duration or a noun's modifier, not the time of an action.
DURATION_WORDS = frozenset({"for", "over", "throughout", "since"})
# Prepositions that make a date the time of an action ("in 2017 …"), not a noun of its own.
_TIME_PREPOSITIONS = frozenset({"in", "on", "at", "during", "by", "from", "until", "till", "since", "after", "before", "between", "through"})
# Prepositions that place a time relative to an event named by a noun ("since the summit").
EVENT_PREPOSITIONS = frozenset({"since", "after", "before", "following", "until", "despite"})
# Of those, the ones that say the noun had happened: "before the election on Nov. 3" does not.
_PAST_EVENT_PREPOSITIONS = EVENT_PREPOSITIONS - {"before", "until", "since"}
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
ARTICLES_AND_POSSESSIVES = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your"})
# English irregular past forms (simple past and participle): a closed list of the language, not of a story.
IRREGULAR_PAST = frozenset(
    """arose awoke was were bore beat became began bent bet bid bit bled blew broke bred brought built burnt burned
    burst bought cast caught chose clung came cost crept cut dealt dug dove drew dreamt drank drove ate fell fed felt
    fought found fled flung flew forbade forecast foresaw foretold forgot forgave froze got gave went ground grew hung
    heard hid hit held hurt kept knelt knew laid led leapt learnt left lent let lit lost made meant met paid proved
    put quit read rode rang rose ran said saw sought sold sent set shook shed shone shot showed shrank shut sang sank
    sat slept slid slung spoke sped spent spun spat split spread sprang stood stole stuck stung struck strove swore
    swept swam swung took taught tore told thought threw thrust understood undertook upset woke wore wove wept won
    wound withdrew withheld withstood wrote overcame overtook overran overthrew oversaw undid underwent forwent
    outlined mistook""".split()
)
IRREGULAR_PARTICIPLE = frozenset(
    """arisen awoken been borne born beaten become begun bent bid bitten bled blown broken bred brought built burnt
    bought cast caught chosen clung come cost crept cut dealt dug done drawn dreamt drunk driven eaten fallen fed
    felt fought found fled flung flown forbidden forecast foreseen forgotten forgiven frozen got gotten given gone
    ground grown hung heard hidden hit held hurt kept knelt known laid led left lent let lit lost made meant met
    paid proven put quit read ridden rung risen run said seen sought sold sent set shaken shed shone shot shown
    shrunk shut sung sunk sat slept slid spoken spent spun spread sprung stood stolen stuck stung struck sworn swept
    swum swung taken taught torn told thought thrown understood undertaken upset woken worn woven wept won wound
    withdrawn withheld written overcome overtaken overthrown overseen undergone""".split()
)
# "-ed" words that are not verb forms.
_NOT_ED_VERBS = frozenset({"bed", "red", "need", "seed", "speed", "feed", "breed", "indeed", "hundred", "embed", "shed", "led", "fled", "wed", "sled", "naked", "wicked", "sacred", "kindred", "rugged", "ragged", "jagged", "beloved", "aged", "alleged", "supposed", "so-called", "advanced"})


_PAST_FORMS = IRREGULAR_PAST | IRREGULAR_PARTICIPLE
# Participles spelt as the present ("the Games, which run from Aug. 18"; "have run"): past only
# after an auxiliary (`is_past`).
_PARTICIPLES_LIKE_THE_PRESENT = frozenset({"come", "become", "run", "overcome"})
# Marks that do not end a segment: "Kim's", "$2", "5%", "U.S.-South Korean", "and/or".
_INSIDE_SEGMENT = "'’$%&/"

AUXILIARIES = MODALS_OF_FUTURE | MODALS | BE_PRESENT | BE_PAST | HAVE_PRESENT | HAVE_PAST | DO_PAST | DO_PRESENT
# An emphatic reflexive stands inside a verb group as these adverbs do ("was itself announced",
# "had himself signed"): English's closed class of them.
_EMPHATIC_REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves"})
_GROUP_ADVERBS = frozenset({"also", "already", "just", "still", "even", "only", "then", "again", "reportedly", "abruptly", "first", "last", "finally", "once"}) | _EMPHATIC_REFLEXIVES


class Role(Enum):
    EVENT = "event"  # something happened at the date
    ANNOUNCED = "announced"  # a plan, deadline or promise that had not happened by publication
    STATE = "state"  # a state, duration, conjecture, judgment or nothing at all


class Token(NamedTuple):
    """A word or a punctuation mark of a sentence (a tuple: thousands are made per article)."""

    text: str
    start: int
    end: int
    lower: str
    is_word: bool


# Tuple's own constructor: tokens_of makes about a million tokens at 3,000 articles, and
# NamedTuple's generated __new__ is a Python call per token.
_new_token = tuple.__new__


@dataclass(frozen=True, slots=True)
class Clause:
    """Tokens [first, last) of a sentence, with the index of its finite verb (None: no verb)."""

    first: int
    last: int
    verb: int | None


@dataclass(frozen=True, slots=True)
class Reading:
    role: Role
    clause: Clause | None  # the clause whose verb the date goes with (None for most states: not needed)
    # "since the Hanoi summit in February": tokens [first, last) of the noun the date belongs to.
    noun_phrase: tuple[int, int] | None = None
    # "has not tested a bomb since 3 May": the date is the last time the clause's deed was done,
    # which a title tells without the negation ("… last tested a bomb").
    last_done: bool = False


def tokens_of(sentence: str) -> list[Token]:
    tokens: list[Token] = []
    add = tokens.append
    find = sentence.find
    at = 0
    # findall and str.find instead of finditer: no match object per token, a third faster. _TOKEN
    # covers every character but whitespace, so the next occurrence of a token's text is the token.
    for text in _TOKEN.findall(sentence):  # a plain loop: this runs for every dated sentence
        start = find(text, at)
        at = start + len(text)
        add(_new_token(Token, (text, start, at, text.lower(), text[0].isalnum())))
    return tokens


def is_past(tokens: list[Token], index: int) -> bool:
    """A simple-past or participle form: irregular, or a regular "-ed" word used as a verb."""
    token = tokens[index]
    word = token.lower
    if word in _PAST_FORMS:
        pass
    elif not (word[-2:] == "ed" and len(word) > 3 and word not in _NOT_ED_VERBS and "-" not in word):
        return False
    if token.text[0].isupper() and index > 0 and tokens[index - 1].text not in ".!?“\"":
        return False  # "the 1994 Agreed Framework": part of a name
    # "the widely respected envoy", "a much-touted summit": after a determiner it is an adjective.
    back = index - 1
    while back >= 0 and tokens[back].lower.endswith("ly") and tokens[back].is_word:
        back -= 1
    if word in _PARTICIPLES_LIKE_THE_PRESENT and not (back >= 0 and tokens[back].lower in _BEFORE_A_PARTICIPLE):
        return False  # "which run from Aug. 18": the present; "have run", "was run": the participle
    return not (back >= 0 and tokens[back].lower in ARTICLES_AND_POSSESSIVES)


def abbreviates_a_month(tokens: list[Token], dot: int) -> bool:
    """Whether the full stop at `dot` closes a month's abbreviation before a day ("Nov. 8")."""
    return 0 < dot < len(tokens) - 1 and tokens[dot - 1].lower in MONTH_ABBREVIATIONS and tokens[dot + 1].text[0].isdigit()


def segments(tokens: list[Token]) -> list[tuple[int, int]]:
    """Runs of tokens between punctuation marks (commas, dashes, quotation marks, brackets)."""
    spans, start = [], 0
    for index, token in enumerate(tokens):
        if not token.is_word and token.text not in _INSIDE_SEGMENT:  # inline: once per token of every dated sentence
            if token.text == "." and abbreviates_a_month(tokens, index):
                continue  # "on Aug. 24 Trump called off …": the abbreviation's full stop ends nothing
            if start < index:
                spans.append((start, index))
            start = index + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return spans


def clauses_of(tokens: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    """A segment cut before each subordinating word ("when", "that", "after" …)."""
    cuts = [i for i in range(first + 1, last) if tokens[i].lower in SUBORDINATORS and not _pronoun_that(tokens, i)]
    bounds = [first, *cuts, last]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i] < bounds[i + 1]]


def _pronoun_that(tokens: list[Token], index: int) -> bool:
    """"And even that came only …": "that" as the subject after a connective, not a clause's start;
    "said that day it would …": "that" before a noun of time is its determiner, a date."""
    if tokens[index].lower != "that":
        return False
    return tokens[index - 1].lower in ("and", "but", "even", "so", "yet", "only", "all", "just") or (index + 1 < len(tokens) and tokens[index + 1].lower in _DAY_PARTS)


# Nouns of time a determiner "that" dates ("that day", "that morning").
_DAY_PARTS = frozenset({"day", "morning", "afternoon", "evening", "night"})


def verb_heads(tokens: list[Token], first: int, last: int) -> list[int]:
    """Where each finite verb group of the clause starts (an auxiliary, a modal or a past verb)."""
    heads: list[int] = []
    for index in range(first, last):
        word = tokens[index].lower
        if index > first and tokens[index - 1].lower == "to":
            continue  # an infinitive ("to meet") is not the clause's verb
        if index > first and heads and _continues_group(_before_adverbs(tokens, first, index)):
            continue  # "could have been", "has personally supervised": one group, headed by "could", "has"
        if word in AUXILIARIES:
            if (word in ("'d", "’d") and index == first) or _month_may(tokens, index):
                continue
            heads.append(index)
        elif is_past(tokens, index) and (index > first or _after_subject(tokens, index)):
            heads.append(index)
    return heads


# Pronouns that are a clause's subject: the word after them is its verb ("when he meets Trump"),
# and "’s" after one is "is" ("It’s unclear what unraveled …", "That’s what happened"). Not
# "they", "we", "I", "you" (a second definition once hid them from present_verb): with them, 21 of
# the synthetic folder's 7,588 events change, plans as well as states ("they want this action by
# March 20th" shown as an event), so they wait for a measure of their own.
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "that", "there", "what", "who", "here"})
_THIRD_PERSON_SINGULAR = frozenset({"he", "she", "it"})
# Relative pronouns that are the subject of the clause they open ("the Games, which open on Feb. 9").
_RELATIVE_SUBJECTS = frozenset({"which", "who"})
# Words that may open a clause before its subject pronoun ("when he meets", "and they arrive").
_SUBJECT_OPENERS = SUBORDINATORS | COORDINATORS
# Words that cannot be a verb right after a subject: they begin a noun phrase or a phrase of place or time.
_NOT_VERBS = ARTICLES_AND_POSSESSIVES | _TIME_PREPOSITIONS | frozenset(
    {"to", "of", "for", "with", "about", "into", "this", "that", "these", "those", "all", "both", "each", "some", "not", "too"}
)


def present_verb(tokens: list[Token], first: int, last: int) -> int | None:
    """The present-tense verb of a clause with no auxiliary or past form, read after a subject
    English marks by a closed class at the clause's start: a subject pronoun after the clause's
    opening word, if any ("when he meets Trump on June 29", the verb with its "-s" after "he",
    "she" and "it") or a relative pronoun opening it ("the Games, which open on Feb. 9"; "who
    travels …"; "which" only after its noun's comma, its verb agreeing: an -s form or a plural
    noun before the comma). None when no such subject stands there: "it" or "you" later in a clause may be
    an object ("broadcast it only hours later"), and a noun subject's verb ("talks resume on 5
    May") is not told from a noun without a tagger."""
    if first >= last:
        return None
    subject = first
    relative = tokens[first].lower in _RELATIVE_SUBJECTS
    if relative and not (first > 0 and tokens[first - 1].text == ","):
        return None  # "argued over which venue to use": a relative subject follows its noun's comma
    if not relative:
        subject += tokens[first].lower in _SUBJECT_OPENERS
        if subject >= last or tokens[subject].lower not in _SUBJECT_PRONOUNS:
            return None
    verb = subject + 1
    while verb < last and (tokens[verb].lower in _GROUP_ADVERBS or (tokens[verb].lower.endswith("ly") and len(tokens[verb].lower) > 3)):
        verb += 1  # "which now opens", "he usually travels"
    if verb >= last:
        return None
    token = tokens[verb]
    if not token.is_word or not token.text.islower() or token.lower in _NOT_VERBS or token.lower in AUXILIARIES or is_past(tokens, verb):
        return None
    if tokens[subject].lower in _THIRD_PERSON_SINGULAR and not _is_s_form(token.lower):
        return None  # "it alone": no verb of a singular subject's present
    if relative and not _is_s_form(token.lower) and not _plural_before_comma(tokens, first - 1):
        return None  # "the festival, which open": the verb agrees with a singular antecedent by its -s
    return verb


def _plural_before_comma(tokens: list[Token], comma: int) -> bool:
    """Whether the noun a relative clause follows is plural: the word before its comma, or the
    word before a phrase of place or time ending there ("the Winter Olympics in Pyeongchang, which open")."""
    at = comma - 1
    if at < 0 or not tokens[at].is_word:
        return False
    if _is_s_form(tokens[at].lower):
        return True
    while at > 0 and tokens[at].is_word and tokens[at].lower not in _PHRASE_PREPOSITIONS:
        at -= 1
    return at > 0 and tokens[at].lower in _PHRASE_PREPOSITIONS and tokens[at - 1].is_word and _is_s_form(tokens[at - 1].lower)


# Prepositions that open a phrase after a noun ("the Olympics in Pyeongchang", "the talks of 2019").
_PHRASE_PREPOSITIONS = _TIME_PREPOSITIONS | frozenset({"of", "for", "with", "near"})


def _is_s_form(word: str) -> bool:
    """A verb's third-person -s or a noun's plural, by its ending ("opens", "talks"; not "press")."""
    return word.endswith("s") and not word.endswith("ss")


def _dates_a_noun(tokens: list[Token], verb: int, at: int) -> bool:
    """Whether the date at token `at` follows a noun phrase of its own after the verb ("which refers
    to the meeting on June 12", "hosts the talks on June 12"): then it dates that noun, an event the
    clause mentions, not the verb's deed. A name or pronoun before it ("meets Trump on June 29",
    "opens it on June 29") or the verb itself ("open on Feb. 9") leave it the verb's."""
    before = at - 1
    if before > verb and tokens[before].lower in _TIME_PREPOSITIONS:
        before -= 1  # "on"
    while before > verb and tokens[before].is_word and tokens[before].text.islower() and tokens[before].lower not in _NOT_VERBS:
        before -= 1  # the noun and its modifiers, written small
    return before > verb and before < at - 1 and tokens[before].lower in ARTICLES_AND_POSSESSIVES


def in_the_present(tokens: list[Token], date_start: int) -> bool:
    """Whether the date's own clause has no auxiliary or past form but a present-tense verb
    (present_verb): "the Winter Olympics, which open on Feb. 9", "when he meets Trump on June
    29". It reports no past deed, whatever another clause of the sentence does."""
    at = min(_token_at(tokens, date_start), len(tokens) - 1)
    own = _own_clause(tokens, at)
    if own is None or verb_heads(tokens, *own):
        return False
    verb = present_verb(tokens, *own)
    return verb is not None and not _dates_a_noun(tokens, verb, at)


def describes_in_the_present(tokens: list[Token], date_start: int) -> bool:
    """Whether the date's clause is a relative clause in the present ("the Asian Games, which run
    from Aug. 18 to Sept. 2"): it describes its noun as at publication, whatever else the sentence reports."""
    if not in_the_present(tokens, date_start):
        return False
    own = _own_clause(tokens, min(_token_at(tokens, date_start), len(tokens) - 1))
    return own is not None and tokens[own[0]].lower in _RELATIVE_WORDS


def _own_clause(tokens: list[Token], at: int) -> tuple[int, int] | None:
    """The clause (first, last token) that holds token `at`, within its segment; None when no
    segment holds it (a punctuation mark between segments)."""
    home = next(((s, e) for s, e in segments(tokens) if s <= at < e), None)
    return next(((s, e) for s, e in clauses_of(tokens, *home) if s <= at < e), None) if home is not None else None


_RELATIVE_WORDS = frozenset({"which", "that", "who"})


def _month_may(tokens: list[Token], index: int) -> bool:
    """A capital "May" inside a sentence, or before a number, is the month ("On May 10, Trump
    announced …"); the modal is written small there."""
    if tokens[index].text != "May":
        return False
    inside = index > 0 and tokens[index - 1].text not in "“\"‘'"
    return inside or (index + 1 < len(tokens) and tokens[index + 1].text[0].isdigit())


# Forms of "be" that only continue a verb group ("will be held", "has been named"): never its head.
_BE_NONFINITE = frozenset({"be", "been", "being"})
_BEFORE_A_PARTICIPLE = AUXILIARIES | _BE_NONFINITE | frozenset({"having"})


def _before_adverbs(tokens: list[Token], first: int, index: int) -> str:
    """The word before token `index` and the "-ly" adverbs right before it ("has personally
    supervised": "has"), as an adverb stands inside a verb group."""
    back = index - 1
    while back > first and tokens[back].lower.endswith("ly") and len(tokens[back].lower) > 3 and tokens[back].is_word:
        back -= 1
    return tokens[back].lower


def _continues_group(previous: str) -> bool:
    return previous in AUXILIARIES or previous in NEGATIONS or previous in _GROUP_ADVERBS or previous in _BE_NONFINITE


def finite_verb(tokens: list[Token], first: int, last: int) -> int | None:
    """The first word of the clause's first finite verb group."""
    heads = verb_heads(tokens, first, last)
    return heads[0] if heads else None


def _after_subject(tokens: list[Token], index: int) -> bool:
    """A past form opening a segment is the verb of a subject before the comma ("Anna Berg, the
    chief engineer, resigned") unless a verb follows after another comma: then it opens a
    participle phrase ("The city, flooded in May, rebuilt its dams"). A verb in a clause of its
    own after the comma does not count ("…, offered to resign, saying he would …")."""
    if index == 0 or tokens[index - 1].text != ",":
        return False
    if _main_clause_before(tokens, index - 1):
        return False  # "…are due to hold their largest exercise, known as Vigilant Ace, …": a participle
    comma = next((i for i in range(index + 1, len(tokens)) if tokens[i].text == ","), None)
    if comma is None:
        return True
    rest = comma + 1
    for first, last in segments(tokens[rest:]):
        opener = tokens[rest + first].lower
        if _opens_clause(opener) or (opener.endswith("ing") and len(opener) > 4):
            continue  # "saying he would …", "and officials have …": another clause's verb
        if _quoted(tokens, rest + first):
            continue  # a speaker's words ("said the missile “went higher, frankly, than … they've taken”")
        if any(tokens[i].lower in AUXILIARIES or is_past(tokens, i) for i in range(rest + first, rest + last)):
            return False
    return True


def _main_clause_before(tokens: list[Token], comma: int) -> bool:
    """Whether the segment that ends at `comma` is a clause with its own finite verb, not opened by
    a subordinating word: a past form after it is a participle, not a second verb of the subject
    ("The drills, held in May, ended" has none before "held"; "Seoul is to host a drill, known as …" has)."""
    start = comma
    while start > 0 and (tokens[start - 1].is_word or tokens[start - 1].text in _INSIDE_SEGMENT):
        start -= 1
    if start == comma or _opens_clause(tokens[start].lower) or _quoted(tokens, start):
        return False
    # Up to a relative clause inside it: "Kim, the diplomat who will lead the side, arrived …" has
    # no verb of its own before "who".
    end = next((i for i in range(start + 1, comma) if tokens[i].lower in SUBORDINATORS and not _pronoun_that(tokens, i)), comma)
    return any(tokens[i].lower in AUXILIARIES and not _month_may(tokens, i) for i in range(start, end))


def _quoted(tokens: list[Token], index: int) -> bool:
    """Whether token `index` stands inside “…” (or "…")."""
    opening = sum(1 for t in tokens[:index] if t.text == "“") - sum(1 for t in tokens[:index] if t.text == "”")
    return opening > 0 or sum(1 for t in tokens[:index] if t.text == '"') % 2 == 1


def _opens_clause(word: str) -> bool:
    """A segment opening with this word is a clause of its own, not the rest of the one before."""
    return word in COORDINATORS or word in SUBORDINATORS


def _in_quotation(sentence: str, position: int) -> bool:
    """Inside “…”: a speaker's words, whose tense is theirs, not the report's."""
    before = sentence[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def date_clause(sentence: str, tokens: list[Token], date_start: int) -> Clause | None:
    """The clause the date goes with: its own, or, when that has no verb ("In an interview last
    November, Trump explained …"), the nearest one that has, in its own segment first."""
    at = min(_token_at(tokens, date_start), len(tokens) - 1)
    spans = segments(tokens)
    home = next((n for n, (s, e) in enumerate(spans) if s <= at < e), None)
    if home is None:
        return None
    clauses = clauses_of(tokens, *spans[home])
    own = next(n for n, (s, e) in enumerate(clauses) if s <= at < e or at < s)
    heads = verb_heads(tokens, *clauses[own])
    weekday = spans[home][0] - 2
    # "ended in Oslo on Monday, March 11, 2019, with no contract signed": a date restating the
    # weekday before its comma goes with the weekday's clause, before it, not with a verb after it.
    restates_a_weekday = not heads and at == spans[home][0] and weekday >= 0 and tokens[weekday + 1].text == "," and tokens[weekday].lower in _WEEKDAYS
    # "Analysts said the meeting could have marked a turning point last month": the date goes with
    # the nearest verb before it, else the first after it; but not with a verb after "and" when
    # the date opens a segment after a comma ("He met Lee, his counterpart, on Thursday and was
    # scheduled to …"): that verb opens the next conjunct, and the date ends the one before the aside.
    before = [h for h in heads if h < at]
    if before or (heads and not (home > 0 and _ends_a_conjunct(tokens, clauses[own][0], at, heads[0]))):
        return Clause(*clauses[own], before[-1] if before else heads[0])
    order = [*reversed(clauses[:own]), *clauses[own + 1 :]]
    # The segments after the date up to a new clause ("…, and officials have since …"), then
    # those before it, nearest first, then the rest.
    new_clause = home + 1 if restates_a_weekday else next((n for n in range(home + 1, len(spans)) if _opens_clause(tokens[spans[n][0]].lower)), len(spans))
    # Within a segment before the date, its last clause is the nearest ("…agreement on Wednesday
    # under which both sides will halt …, at sea and in the air from Nov. 1": "will halt"), except
    # before a colon: what follows a colon lists what the main clause says ("the diplomacy produced
    # a calm that was an achievement: no tests, …, the demolition of … in May": "produced").
    if home > 0 and tokens[spans[home][0]].lower in COORDINATORS:
        # "…could still take place, and on June 1, after receiving the envoy, he confirmed it": a
        # verbless segment that a coordinator opens begins the next conjunct, as a date opening a
        # sentence does, so its clause is after it, asides and participle phrases passed over.
        new_clause = len(spans)
    order += [c for n in range(home + 1, new_clause) for c in clauses_of(tokens, *spans[n])]
    for n in range(home - 1, -1, -1):
        clauses_before = clauses_of(tokens, *spans[n])
        order += clauses_before if tokens[spans[n][1]].text == ":" else reversed(clauses_before)
    order += [c for n in range(new_clause, len(spans)) for c in clauses_of(tokens, *spans[n])]
    for first, last in order:
        if _in_quotation(sentence, tokens[first].start) != _in_quotation(sentence, date_start):
            continue
        heads = verb_heads(tokens, first, last)
        if heads:
            # A clause before the date lends its nearest auxiliary ("Analysts said Pyongyang was
            # unlikely to … before the election on Nov. 3": "was"); a past form after the first
            # head may be an adjective ("are due to hold their largest-ever combined exercise").
            auxiliaries = [h for h in heads if tokens[h].lower in AUXILIARIES]
            return Clause(first, last, auxiliaries[-1] if last <= at and auxiliaries else heads[0])
    return None


# Words that open a participle phrase after the main clause: "after inspecting it", "before leaving".
# Not "without": "without disclosing it last week" tells a deed not done.
_PARTICIPLE_OPENERS = frozenset({"after", "before", "since", "while", "when", "upon"})


def participle_before(tokens: list[Token], at: int) -> int | None:
    """Where the -ing participle is when the date at token `at` stands in a phrase of a
    subordinator and that participle after the sentence's finite verb ("… cut the ribbon after
    inspecting it a day earlier"): that phrase has no verb of its own, so the date would otherwise
    be read with the main clause's. None elsewhere."""
    for index in range(at - 1, 0, -1):
        token = tokens[index]
        if not token.is_word:
            return None  # the phrase ends at a comma, a dash or a bracket
        if token.lower in _PARTICIPLE_OPENERS:
            following = tokens[index + 1].lower if index + 1 < at else ""
            participle = following.endswith("ing") and len(following) > 5 and bool(verb_heads(tokens, 0, index))
            return index + 1 if participle else None
        if index < at - 1 and (token.lower in AUXILIARIES or is_past(tokens, index)):
            return None  # a finite verb between: the date is in a clause of its own ("after he inspected it on …")
    return None


def _ends_a_conjunct(tokens: list[Token], first: int, at: int, verb: int) -> bool:
    """Whether the date at token `at` opens its clause (only a preposition before it, from token
    `first`) and a coordinator stands between it and the clause's first verb: the date closes what
    came before, and the verb after the coordinator begins another deed."""
    if not all(t.lower in _TIME_PREPOSITIONS for t in tokens[first:at]):
        return False
    # The coordinator right before the verb group ("and was scheduled", "and then flew"), not
    # inside a subject after the date ("This year Hillary and I launched …").
    coordinator = next((i for i in range(verb - 1, at - 1, -1) if tokens[i].lower in COORDINATORS), None)
    return coordinator is not None and all(t.lower in _GROUP_ADVERBS or t.lower.endswith("ly") for t in tokens[coordinator + 1 : verb])


def read(sentence: str, tokens: list[Token], date_start: int, date_end: int, *, future: bool, open_ended: bool) -> Reading:
    """The date's role in its sentence (`tokens`: tokens_of(sentence)). `future`: the date is
    after publication; `open_ended`: its span holds the publication date ("by the end of the year").
    A date whose clause says no event, followed by a "when" clause that does ("under way since June
    30, when Trump met Kim"), dates that clause."""
    reading = _read(sentence, tokens, date_start, date_end, future=future, open_ended=open_ended)
    if reading.role is Role.STATE:
        when = _when_clause(tokens, _token_at(tokens, date_end))
        if when is not None and _verb_role(tokens, when, date_start) is Role.EVENT:
            return Reading(Role.EVENT, when)
    return reading


# Prepositions of a span of time: a phrase they open is no subject ("Blasts over the next five hours destroyed …").
_SPAN_PREPOSITIONS = frozenset({"over", "within", "throughout"})
# A counted date ending so is an adverb ("two days later", "a year ago"), never a clause's subject.
_ADVERB_ENDINGS = ("later", "earlier", "ago")


def _read(sentence: str, tokens: list[Token], date_start: int, date_end: int, *, future: bool, open_ended: bool) -> Reading:
    if _new_time_of_a_plan(tokens, _token_at(tokens, date_start)):
        # "The summit, delayed until June, remains in doubt": June is when the plan now stands,
        # ahead of the report, whatever the tense of the moving; the moving itself is not dated.
        return Reading(Role.ANNOUNCED, date_clause(sentence, tokens, date_start))
    if future:
        clause = date_clause(sentence, tokens, date_start)
        at = _token_at(tokens, date_start)
        ends_a_span = (at < len(tokens) and tokens[at].lower in ("until", "till")) or (at > 0 and tokens[at - 1].lower in ("until", "till"))
        if ends_a_span and (clause is None or clause.verb is None or _verb_role(tokens, clause, date_start) is not Role.ANNOUNCED):
            # "Sanctions, imposed until 2020, hurt the economy": "until" ends the span of a state
            # or a deed; only a plan's verb ("will stay until Friday") makes its end a plan.
            return Reading(Role.STATE, None)
        return Reading(Role.ANNOUNCED, clause)
    # The tests that make a state need no clause, so they come before finding it (half the dated
    # mentions are states, and finding the clause is the costliest step); a state's clause is None.
    at = _token_at(tokens, date_start)
    previous = tokens[at - 1].lower if at > 0 else ""
    occasion = _names_an_occasion(tokens, at, sentence[date_end : date_end + 2] in ("'s", "’s"))
    if sentence[date_end : date_end + 2] in ("'s", "’s") and not occasion:
        return Reading(Role.STATE, None)  # "Thursday's failure": the date names a noun's time
    noun = _event_noun(tokens, date_start)
    if noun is not None:
        return Reading(Role.EVENT, date_clause(sentence, tokens, date_start), noun)
    if _DAY_WRITTEN.search(sentence, date_start, date_end) and (since := _event_noun(tokens, date_start, frozenset({"since"}))) is not None:
        # "since the collapse of the summit on Feb. 27–28": a span bounded by a day starts with
        # what happened that day, the noun; a month or a year ("since the summit in February")
        # bounds a period, no deed's day.
        return Reading(Role.EVENT, date_clause(sentence, tokens, date_start), since)
    if _YEARS_SPANNED.fullmatch(sentence, date_start, date_end):
        # "the 1950-53 war": the years the war lasted. Elsewhere ("revenue in 2017-18") such a
        # span is a period measured, often a fiscal or academic year, no deed's time.
        named = _noun_of_its_years(tokens, at, _token_at(tokens, date_end))
        return Reading(Role.EVENT, None, named) if named is not None else Reading(Role.STATE, None)
    if previous == "since" and at > 1 and _DAY_WRITTEN.search(sentence, date_start, date_end):
        clause = date_clause(sentence, tokens, tokens[at - 2].start)  # the clause "since" ends: its verb's span
        if clause is not None and clause.verb is not None and _negated_perfect(tokens, clause) and not _undoes_a_stop(tokens, clause):
            # "has not tested a bomb since 3 May 2017, or fired a missile since Nov. 29": a span
            # with no such deed, up to now, starts after the last one, done on that day. A month
            # or a year ("since 2017") bounds the span only: no day of a deed is given.
            return Reading(Role.EVENT, clause, last_done=True)
    if not occasion and _measures_a_span(_words_before(tokens, at), sentence[date_start:date_end]):
        return Reading(Role.STATE, None)  # "the calm of the last eight months", "for a year"
    subject = _dated_subject(tokens, at, _token_at(tokens, date_end))
    if subject is not None:
        # "His abrupt departure on Tuesday removes the hawk": the news a report's present tense
        # weighs happened on the day its subject is placed on.
        return Reading(Role.EVENT, None, subject)
    if _describes_the_subject(tokens, at):
        return Reading(Role.STATE, None)  # "The envoy, angry about the collapse on Wednesday, flew home": the aside's date
    main = _after_an_opening_participle(tokens, at)
    if main is not None:
        # "Asked at the Pentagon on Monday what would happen …, he was blunter": the participle's
        # deed was the subject's, at the date, told in the main clause's tense; a copula there says
        # how the subject was then, and the deed still happened.
        role = _verb_role(tokens, main, date_start)
        copula = main.verb is not None and tokens[main.verb].lower in BE_PAST
        return Reading(Role.EVENT if role is Role.STATE and copula else role, main)
    clause = date_clause(sentence, tokens, date_start)
    if clause is None or clause.verb is None:
        return Reading(Role.STATE, clause)
    if in_the_present(tokens, date_start):
        # A present tense reports no past deed: a state, or a plan read by looks_ahead ("the
        # Games, which open on Feb. 9", written before that day), which the sentence's main
        # clause titles, not the verb of another clause that date_clause found.
        return Reading(Role.STATE, None)
    led_by = {previous, tokens[at].lower if at < len(tokens) else ""}  # "in June", "North Korea on Wednesday rejected"
    adverb = sentence[date_start:date_end].lower().endswith(_ADVERB_ENDINGS)
    if clause.verb == _token_at(tokens, date_end) and led_by.isdisjoint(_TIME_PREPOSITIONS | _SPAN_PREPOSITIONS) and previous not in COORDINATORS and not adverb:
        # The date is the subject: "The year 2017 set the tone". Not after "and": "met on May 30
        # and the following day carried a letter" is the first subject's second deed, then; nor
        # an adverb of time, which is no noun: "The summit two days later produced a statement".
        return Reading(Role.STATE, clause)
    if tokens[clause.first].lower == "than" and not _tells_a_deed(tokens, clause):
        return Reading(Role.STATE, clause)  # "more comfortable than he was a year ago": a comparison
    role = _verb_role(tokens, clause, date_start)
    if role is Role.STATE and (tokens[clause.verb].lower in HAVE_PRESENT or clause.verb < at) and (perfect := _instance_of_a_perfect(tokens, at)) is not None:
        return Reading(Role.EVENT, perfect)  # the date of one of the times the perfect counts
    if role is Role.EVENT and open_ended and previous in ("by", "until", "before"):
        role = Role.ANNOUNCED  # a deadline that had not passed yet
    elif role is Role.EVENT and previous in ("until", "till"):
        role = Role.STATE  # "stayed open until 4 March", "runs until May 25": the end of a span, no deed's day
    if role is Role.STATE and open_ended and tokens[clause.verb].lower in ("would", "’d", "'d"):
        role = Role.ANNOUNCED  # "said Seoul would consult … before the end of the month": a reported plan
    if role is Role.EVENT and (participle := participle_before(tokens, at)) is not None:
        # "The mayor cut the ribbon … after inspecting it a day earlier": the date times the
        # participle's deed ("inspecting it"), not the main clause's, whose title would put the
        # ceremony on the day of the inspection; the deed is named as a noun phrase is ("since
        # taking power in late 2011": "Taking power"), its doer being no sure word of the
        # sentence. Told in the main clause's tense: "will stop … before joining him on July 11"
        # stays a plan.
        return Reading(role, clause, (participle, at))
    return Reading(role, clause)


# Verbs that move a plan to another time, with the particles that go with some ("pushed back",
# "put off", "brought forward"): English's, not a story's.
_RESCHEDULING = frozenset({"postponed", "postpone", "postpones", "delayed", "delay", "delays", "rescheduled", "reschedule", "deferred", "defer", "moved", "pushed", "put", "brought", "shifted"})
_NEEDS_A_PARTICLE = frozenset({"pushed", "put", "brought"})
_MOVING_PARTICLES = frozenset({"back", "off", "forward", "up"})
_MOVED_TO = frozenset({"to", "until", "till"})


def _new_time_of_a_plan(tokens: list[Token], at: int) -> bool:
    """Whether the date at token `at` is the new time a verb of rescheduling gives a plan
    ("postponed to April 10", "delayed the talks until June", "pushed back to June 30"): a few
    words of its segment before the date, with no verb of their own between."""
    if at < len(tokens) and tokens[at].lower in _MOVED_TO:
        at += 1  # the date's phrase may hold its preposition: "until June"
    if at < 2 or tokens[at - 1].lower not in _MOVED_TO:
        return False
    index, particle = at - 2, False
    while index >= 0 and at - 2 - index < 6 and tokens[index].is_word:
        word = tokens[index].lower
        if word in _RESCHEDULING:
            return particle or word not in _NEEDS_A_PARTICLE
        if word in _MOVING_PARTICLES:
            particle = True
        elif word in AUXILIARIES or word in SUBORDINATORS or is_past(tokens, index):
            return False  # another verb, or another clause: "agreed to June", "met until June"
        index -= 1
    return False


def _describes_the_subject(tokens: list[Token], at: int) -> bool:
    """Whether the date at token `at` stands in an aside between commas that describes the
    sentence's subject, with no verb of its own ("The envoy, angry about the collapse on
    Wednesday, flew home"): it dates what the aside names, not the main verb after it. Not an
    aside opened by a preposition ("Kim, in Hanoi on Thursday, said"): that times the verb."""
    segment = next(((first, last) for first, last in segments(tokens) if first <= at < last), None)
    if segment is None:
        return False
    first, last = segment
    if first < 2 or tokens[first - 1].text != "," or last >= len(tokens) - 1 or tokens[last].text != ",":
        return False
    if any(not t.is_word and t.text not in _INSIDE_SEGMENT for t in tokens[: first - 1]) or verb_heads(tokens, 0, first - 1):
        return False  # the sentence must open with its subject alone
    opener = tokens[first].lower
    if opener in _PHRASE_PREPOSITIONS or opener in SUBORDINATORS or opener in COORDINATORS or opener in _SPAN_PREPOSITIONS:
        return False
    if any(tokens[i].lower in AUXILIARIES or is_past(tokens, i) or (tokens[i].lower.endswith("ing") and len(tokens[i].lower) > 4) for i in range(first, last)):
        return False  # a participle or a clause of its own: other rules read those
    verb = last + 1
    while verb < len(tokens) and (tokens[verb].lower in _GROUP_ADVERBS or (tokens[verb].lower.endswith("ly") and len(tokens[verb].lower) > 3)):
        verb += 1
    return verb < len(tokens) and (tokens[verb].lower in AUXILIARIES or is_past(tokens, verb))


# The present tense of verbs of intention, whose infinitive is a plan ("he expects to meet Kim in May").
_INTENDS = frozenset({"expect", "expects", "plan", "plans", "intend", "intends", "hope", "hopes", "aim", "aims", "want", "wants"})
# Modals whose verb is after the time of the report ("he would brief Trump …", "he could meet Ri …").
_AHEAD_MODALS = MODALS_OF_FUTURE | {"would", "could", "might", "may", "'d", "’d"}


def looks_ahead(sentence: str, tokens: list[Token], date_start: int, date_end: int) -> bool:
    """Whether the date's clause speaks of a time after the report: a modal of the future or of a
    reported plan ("would receive the remains … on 1 August", "could meet Ri … on 4 August"), "be"
    with an infinitive or a word of intention ("are to begin … on 1 October", "is due at … in
    mid-October"), or a verb of intention with an infinitive ("expects to meet Kim in May"). Not
    with negation, nor a modal's perfect ("could have met"): those look back."""
    at = _token_at(tokens, date_start)
    if sentence[date_end : date_end + 2] in ("'s", "’s") or _measures_a_span(_words_before(tokens, at), sentence[date_start:date_end]):
        return False
    segment_start = next((start for start, end in segments(tokens) if start <= at < end), at)
    if any(tokens[i].lower in NEGATIONS or tokens[i].lower.endswith(("n't", "n’t")) for i in range(segment_start, at)):
        return False
    if any(tokens[i].lower in _INTENDS and tokens[i + 1].lower == "to" for i in range(segment_start, min(at, len(tokens) - 1))):
        return True  # a verb of intention is no auxiliary, so it is looked for before the clause
    if in_the_present(tokens, date_start):
        return True  # "the Games, which open on Feb. 9": a day without a year in the present is ahead
    clause = date_clause(sentence, tokens, date_start)
    if clause is None or clause.verb is None:
        return False
    following = [t.lower for t in tokens[clause.verb + 1 : clause.last] if t.lower not in _GROUP_ADVERBS]
    after = following[0] if following else ""
    if after in NEGATIONS or after == "have":
        return False
    head = tokens[clause.verb].lower
    return head in _AHEAD_MODALS or (head in BE_PRESENT and (after == "to" or after in INTENTION))


def in_an_infinitive(tokens: list[Token], date_start: int) -> bool:
    """Whether the date stands in an infinitive after a finite verb of its segment ("had agreed to
    hold a preliminary contact on Oct. 4"): it dates what the infinitive names, which comes after
    the verb's own time (the agreement), not the verb."""
    at = _token_at(tokens, date_start)
    segment_start = next((start for start, end in segments(tokens) if start <= at < end), at)
    for index in range(at - 2, segment_start, -1):
        word = tokens[index].lower
        if word in SUBORDINATORS:
            return False  # another clause between: "agreed to talks after they met on …"
        following = tokens[index + 1]
        if word == "to" and following.is_word and following.text.islower() and following.lower not in _NOT_VERBS and not is_past(tokens, index + 1):
            return finite_verb(tokens, segment_start, index) is not None
    return False


# Prepositions that make a noun the occasion of what the clause says ("spoke at Thursday's talks").
_OCCASION_PREPOSITIONS = frozenset({"at", "during"})


def _names_an_occasion(tokens: list[Token], at: int, possessive: bool) -> bool:
    """Whether the date at token `at` dates the occasion at which the clause's deed was done:
    "sat … at Friday night's opening ceremony", "told Putin at Thursday's talks", "had taken a
    stance at the Hanoi summit of 27-28 February". A date that names a noun's time elsewhere
    ("Thursday's failure could have been worse", "the calm of the last eight months") dates no
    deed, but the occasion a preposition places the deed at was on that date."""
    if possessive:
        return at > 0 and tokens[at - 1].lower in _OCCASION_PREPOSITIONS
    if at < 3 or tokens[at - 1].lower != "of":
        return False
    # "at the Hanoi summit of …": the preposition, a determiner, up to three words, "of".
    for back in range(at - 3, max(-1, at - 7), -1):
        if tokens[back].lower in _OCCASION_PREPOSITIONS:
            return tokens[back + 1].lower in ARTICLES_AND_POSSESSIVES and all(t.is_word for t in tokens[back + 1 : at])
    return False


def _tells_a_deed(tokens: list[Token], clause: Clause) -> bool:
    """Whether a "than" clause has a past deed of its own ("no stronger than what Pyongyang signed
    in 1992", "longer than the handshake he had proposed the day before"), not only the auxiliary
    or copula an elliptical comparison repeats ("than he was a year ago", "than it did in 2017")."""
    assert clause.verb is not None
    verb = clause.verb
    if tokens[verb].lower in HAVE_PAST and verb + 1 < clause.last:
        verb += 1  # "had proposed"
    word = tokens[verb].lower
    return is_past(tokens, verb) and not (word in BE_PAST or word in HAVE_PAST or word in DO_PAST or word in _BE_NONFINITE)


def _instance_of_a_perfect(tokens: list[Token], at: int) -> Clause | None:
    """"Trump and Kim have met three times: in Singapore on 12 June 2018, in Hanoi in February …":
    the present perfect takes no definite past date of its own, so a date in the list after its
    colon, a dash ("who has met Kim three times - in May and again in June -"), or "including"
    ("has carried out a dozen tests this year, including two flights on July 4 and July 28"),
    dates one of the times it counts, a past event. The clause of that perfect, None when the date
    is in no such list."""
    opener = next((i for i in range(at - 1, -1, -1) if _opens_a_list(tokens, i)), None)
    if opener is None or finite_verb(tokens, opener + 1, at) is not None:
        return None  # no list, or a clause of its own between it and the date
    end = opener - (tokens[opener].lower == "including" and opener > 0 and tokens[opener - 1].text == ",")
    start = end
    while start > 0 and (tokens[start - 1].is_word or tokens[start - 1].text in _INSIDE_SEGMENT):
        start -= 1
    verb = finite_verb(tokens, start, end)
    if verb is None or tokens[verb].lower not in HAVE_PRESENT:
        return None
    return Clause(start, end, verb)


# Dashes set off a list or an aside when written with spaces ("three times - in May and June -"),
# not inside a word or a span ("1950-53").
_DASHES = frozenset("-–—")


def _opens_a_list(tokens: list[Token], index: int) -> bool:
    """Whether token `index` opens what a clause before it lists: a colon, "including", or a dash with a space before it."""
    token = tokens[index]
    if token.text == ":" or token.lower == "including":
        return True
    return token.text in _DASHES and index > 0 and tokens[index - 1].end < token.start


def _when_clause(tokens: list[Token], after: int) -> Clause | None:
    """The clause "when" (or "in which", "during which") opens right after a date ("since June 30,
    when Trump met Kim at the DMZ", "an interview on Monday in which Pence said …"): it says
    what happened at that date."""
    at = after + (after < len(tokens) and tokens[after].text == ",")
    if at + 1 < len(tokens) and tokens[at].lower in _TIME_PREPOSITIONS and tokens[at + 1].lower == "which":
        at += 1  # "an interview on Monday in which Pence said …": the same, through a relative clause
    elif at >= len(tokens) or tokens[at].lower != "when":
        return None
    last = next((i for i in range(at + 1, len(tokens)) if not tokens[i].is_word and tokens[i].text not in _INSIDE_SEGMENT), len(tokens))
    verb = finite_verb(tokens, at + 1, last)
    if verb is None and last + 1 < len(tokens) and tokens[last].text == ",":
        # "since 10 October 2000, when Vice Marshal Jo, then the North's top officer, delivered a
        # letter": the subject's apposition between commas, then its verb.
        apposition_end = next((i for i in range(last + 1, len(tokens)) if not tokens[i].is_word and tokens[i].text not in _INSIDE_SEGMENT), len(tokens))
        if apposition_end + 1 < len(tokens) and tokens[apposition_end].text == "," and finite_verb(tokens, last + 1, apposition_end) is None:
            last = next((i for i in range(apposition_end + 1, len(tokens)) if not tokens[i].is_word and tokens[i].text not in _INSIDE_SEGMENT), len(tokens))
            verb = finite_verb(tokens, apposition_end + 1, last)
            verb = verb if verb == apposition_end + 1 else None
    return Clause(at, last, verb) if verb is not None else None


# Nouns of time, in the singular: a time, not an event ("during the summer", "at the weekend");
# referring reads them as such too.
TIME_NOUNS = (
    "time moment period weekend end start beginning outset stage point height peak day week month year morning"
    " afternoon evening night hour minute spring summer fall autumn winter noon midday midnight dawn dusk"
).split()
# Nouns of a time that "of" and a date name ("the night of Dec. 7", "the first days of June"), not
# of a span it measures: singular or plural.
_TIMES_OF = frozenset(TIME_NOUNS) | frozenset(f"{noun}s" for noun in TIME_NOUNS)


def _words_before(tokens: list[Token], at: int) -> str:
    """The two words before token `at`, what _measures_a_span reads."""
    return " ".join(t.lower for t in tokens[max(0, at - 2) : at])


# A span counted on from the event just told ("over the next five hours").
_COUNTED_AHEAD = re.compile(r"\b(?i:the)\s+(?i:next|following)\s")


def _negated_perfect(tokens: list[Token], clause: Clause) -> bool:
    """Whether the clause's verb group is a negated perfect ("has not tested", "hadn't met", "have
    never flown"), or the clause is one joined by "or"/"nor" with no auxiliary of its own after
    one ("has not tested a bomb …, or fired a missile"), which shares its auxiliaries."""
    assert clause.verb is not None
    verb = clause.verb
    if tokens[clause.first].lower in ("or", "nor") and tokens[verb].lower not in AUXILIARIES:
        verb = next((i for i in range(clause.first - 1, -1, -1) if tokens[i].lower in HAVE_PRESENT | HAVE_PAST), verb)
    if tokens[verb].lower not in HAVE_PRESENT | HAVE_PAST:
        return False
    group = [verb]
    while group[-1] + 1 < len(tokens) and (tokens[group[-1] + 1].lower in NEGATIONS or tokens[group[-1] + 1].lower in _GROUP_ADVERBS):
        group.append(group[-1] + 1)
    return any(tokens[i].lower in NEGATIONS or tokens[i].lower.endswith(("n't", "n’t")) for i in group)


def _undoes_a_stop(tokens: list[Token], clause: Clause) -> bool:
    """Whether the negated perfect's participle is a verb of doing again ("have not resumed since
    Oct. 5", "has not returned to the table", "has not reopened"): the date is when the thing
    stopped, not the day of the deed, so no deed's day is given (late review: "Working-level talks
    last resumed" on the day they broke off). Any re- verb counts: a deed missed is better than
    one dated on the day it ended."""
    assert clause.verb is not None
    after = clause.verb + 1
    while after < len(tokens) and (tokens[after].lower in NEGATIONS or tokens[after].lower in _GROUP_ADVERBS or tokens[after].lower.endswith(("n't", "n’t"))):
        after += 1
    return after < len(tokens) and tokens[after].lower.startswith("re") and len(tokens[after].lower) > 5


def _measures_a_span(before: str, phrase: str) -> bool:
    """"since August 2016", "for a year", "the calm of the last eight months", "over a year": the
    date bounds or measures a span; it dates no action. `before`: the text before the date (its
    last two words are what count: "of", or "since", and the noun of time before an "of")."""
    words = before.split()
    previous = words[-1].lower() if words else ""
    if _COUNTED_AHEAD.search(phrase):
        return False  # "Further blasts over the next five hours destroyed …": when the deed was done, after the event just told
    if previous == "of" and len(words) > 1 and words[-2].lower() in _TIMES_OF:
        return False  # "over the Easter weekend of March 31", "on the night of Dec. 7": that time
    if previous == "of" or previous in DURATION_WORDS:
        return True
    return phrase.lower().startswith(("over ", "more than", "nearly ", "almost ", "for ", "the last", "the past"))


def _token_at(tokens: list[Token], position: int) -> int:
    """The index of the first token that ends after `position` (len(tokens) if none)."""
    return bisect.bisect_right(tokens, position, key=_end_of)


def _end_of(token: Token) -> int:
    return token.end


# A day of the month written in figures ("Sept. 3", "12 June", "Feb. 27–28"), not a year's digits.
_DAY_WRITTEN = re.compile(r"(?<![\d.,])\b[0-3]?\d\b(?![.,]?\d)")


def _dated_subject(tokens: list[Token], at: int, after: int) -> tuple[int, int] | None:
    """Tokens [first, last) of the definite noun opening a sentence that "on" and the date place,
    when a verb in the present follows the date ("His abrupt departure on Tuesday removes …"): the
    subject is something that happened that day, and the report weighs it now. None otherwise: a
    past verb dates its own deed already, an auxiliary ("The meeting on Thursday will be …") is read
    as its verb group, and a name, a capital word, is a body or place ("The White House on Monday")."""
    on = at if at < len(tokens) and tokens[at].lower == "on" else at - 1  # the date's words may hold their "on"
    if on < 2 or tokens[0].lower not in ARTICLES_AND_POSSESSIVES or tokens[on].lower != "on" or after >= len(tokens):
        return None
    if not all(t.is_word and t.text.islower() and t.lower not in _NOT_IN_A_NOUN for t in tokens[1:on]):
        return None
    verb = tokens[after]
    if not (verb.is_word and verb.text.islower() and _is_s_form(verb.lower) and verb.lower not in AUXILIARIES and verb.lower not in _NOT_VERBS):
        return None
    return 0, on


# Prepositions that end in "-ing" ("During the talks, …", "According to …"): no participle.
_ING_PREPOSITIONS = frozenset({"during", "according", "including", "following", "concerning", "regarding", "notwithstanding", "pending", "excluding"})


def _after_an_opening_participle(tokens: list[Token], at: int) -> Clause | None:
    """The main clause after the participle phrase that opens a sentence and holds the date at
    token `at` ("Asked at the Pentagon on Monday what would happen, he was blunter", "Speaking on
    Friday to the assembly, Kim said …"), None when the date is in no such phrase. The phrase has no
    verb of its own before a word that opens a clause inside it ("what would happen" is the question
    asked), so a name ending in "-ing" with its verb ("Kunming on Monday rejected …") is no participle."""
    word = tokens[0].lower if tokens else ""
    if not ((word.endswith("ing") and len(word) > 4 and word not in _ING_PREPOSITIONS) or (word and is_past(tokens, 0))):
        return None  # the cheap test first: most sentences open with no participle
    spans = segments(tokens)
    if len(spans) < 2 or spans[0][0] != 0 or not spans[0][0] <= at < spans[0][1] or tokens[spans[0][1]].text != ",":
        return None
    inner = next((i for i in range(1, spans[0][1]) if tokens[i].lower in SUBORDINATORS or tokens[i].lower in _WH_WORDS), spans[0][1])
    if finite_verb(tokens, 1, inner) is not None:
        return None
    for first, last in spans[1:]:
        if _opens_clause(tokens[first].lower) or _quoted(tokens, first):
            continue  # an aside ("which …") or a quotation, not the main clause
        clause_last = clauses_of(tokens, first, last)[0][1]
        verb = finite_verb(tokens, first, clause_last)
        if verb is not None and verb > first:
            return Clause(first, clause_last, verb)
    return None


# Words that open a question or a clause inside a phrase: "asked what would happen", "how it ended".
_WH_WORDS = frozenset({"what", "how", "why", "whom"})


# A span of years written with a dash ("1950-53", "2003–2011").
_YEARS_SPANNED = re.compile(r"\d{4}[-–]\d{2,4}")


def _noun_of_its_years(tokens: list[Token], at: int, after: int) -> tuple[int, int] | None:
    """Tokens [first, last) of the noun a span of years modifies between its determiner and it
    ("the 1950-53 Korean War", "a 2003–2011 war"): the years that noun lasted, so it happened then,
    whatever the clause says of it ("a legacy of the 1950-53 war"). None when no determiner stands
    before the date (a span as an adverb, "in 2017-18") or no noun follows it, or the noun is a
    time ("the 2018-19 season" names no event)."""
    if at == 0 or tokens[at - 1].lower not in ARTICLES_AND_POSSESSIVES:
        return None
    last = after
    while last < len(tokens) and tokens[last].is_word and tokens[last].lower not in _NOT_IN_A_NOUN:
        last += 1
    if last == after or tokens[last - 1].lower in _TIMES_OF or tokens[last - 1].lower in _TERMS:
        return None
    return after, last


# Nouns of a recurring period that a span of years names ("the 2017-18 season"): a time, no event.
_TERMS = frozenset({"season", "seasons", "term", "terms", "session", "sessions"})
# Words that end a noun phrase's run of modifiers and head: what opens the next phrase or clause.
_NOT_IN_A_NOUN = SUBORDINATORS | COORDINATORS | _PHRASE_PREPOSITIONS | AUXILIARIES | frozenset({"to", "about", "into", "against"})


def _event_noun(tokens: list[Token], date_start: int, prepositions: frozenset[str] = _PAST_EVENT_PREPOSITIONS) -> tuple[int, int] | None:
    """"since the Hanoi summit in February", "after talks in Hanoi on June 3": a time preposition,
    a noun phrase with no verb, then the date in a prepositional phrase. The noun is something
    that happened then (what else could "since X in February" measure from), so it is the event
    when the preposition is one of `prepositions` (by default those that say it had happened)."""
    at = _token_at(tokens, date_start)
    if at < len(tokens) and tokens[at].lower in ("in", "on", "at"):
        at += 1  # the date's words hold their preposition ("in February")
    if at >= 3 and tokens[at - 1].text == "," and tokens[at - 2].lower in _WEEKDAYS:
        at -= 2  # "on Sunday, Sept. 3": the weekday before the date is the same day
    if at < 3 or tokens[at - 1].lower not in ("in", "on", "at"):
        return None
    first = at - 1
    while first > 0 and tokens[first - 1].is_word and tokens[first - 1].lower not in EVENT_PREPOSITIONS:
        first -= 1
    if first == 0 or tokens[first - 1].lower not in prepositions or at - 1 - first < 1:
        return None
    if finite_verb(tokens, first, at - 1) is not None:
        return None
    if tokens[at - 2].lower in _TIMES_OF:
        return None  # "after noon on Monday", "during the night on Dec. 7": a time, not an event
    return first, at - 1


def placed_noun(tokens: list[Token], date_start: int) -> tuple[int, int] | None:
    """Tokens [first, last) of the noun of an event the date places after a preposition of time
    ("since the North's sixth nuclear test on Sunday, Sept. 3", "before the election on Nov. 3"),
    None if it places none: the sentence may report no event then, but it tells the reader when
    that one was, and a later "the same day" or "eight days after the test" counts from it."""
    return _event_noun(tokens, date_start, EVENT_PREPOSITIONS)


# Participles that make the noun before them a plan ("drills scheduled for May", "exercises expected in August").
PLANNED = frozenset({"expected", "scheduled", "slated", "planned"})


def _right_before_date(tokens: list[Token], index: int, date_start: int) -> bool:
    """Whether only a preposition (or nothing) stands between token `index` and the date."""
    between = [t for t in tokens[index + 1 :] if t.start < date_start]
    return len(between) <= 1 and all(t.lower in _TIME_PREPOSITIONS or t.lower == "for" for t in between)


def past_deed(tokens: list[Token]) -> Clause | None:
    """The sentence's main clause (its first with a subject before a finite verb that no
    subordinating word opens) when it tells a deed in the simple past, active or passive ("Wang Yi
    told him …", "he was not granted a meeting"); None for any other: the past perfect looks
    further back, a copula ("were among the officials", "It was a break with …") judges or
    describes, the present, a modal or a negation tells no deed, nor does what the main verb reports
    when a modal or a negation is in it ("said the missile could have reached …", "said he did not
    believe …": a view), nor a sentence a source is named for at its end ("…, Trump said."): a claim."""
    spans = segments(tokens)
    if not spans:
        return None
    last_first, last_end = spans[-1]
    if len(spans) > 1 and last_end - last_first > 1 and is_past(tokens, last_end - 1):
        return None  # "…, a Japanese government spokesman said.": the clause is what someone claims
    for start, end in spans:
        for first, last in clauses_of(tokens, start, end):
            verb = finite_verb(tokens, first, last) if tokens[first].lower not in SUBORDINATORS else None
            if verb is None or not any(t.is_word and t.lower not in _GROUP_ADVERBS and not t.lower.endswith("ly") for t in tokens[first:verb]):
                continue  # no subject in its clause: an aside ("…, also known as Sohae, …")
            before = [t.lower for t in tokens[first:verb]]
            if any(w.endswith(("’s", "'s")) and w[:-2] in _SUBJECT_PRONOUNS for w in before) or before[-1] in ("what", "who", "which"):
                return None  # "It’s unclear what unraveled …": "’s" after a pronoun is "is", the past verb a wh-clause's
            clause = Clause(first, last, verb)
            head = tokens[verb].lower
            passive = verb + 1 < last and (is_past(tokens, verb + 1) or tokens[verb + 1].lower in IRREGULAR_PARTICIPLE)
            if head in HAVE_PAST or (head in BE_PAST and not passive) or _verb_role(tokens, clause, tokens[-1].end) is not Role.EVENT:
                return None
            if any(t.lower in MODALS or t.lower in MODALS_OF_FUTURE or t.lower in NEGATIONS or t.lower.endswith(("n't", "n’t")) for t in tokens[verb + 1 : end]):
                return None
            return clause
    return None


def tells_the_past(tokens: list[Token]) -> bool:
    """Whether the sentence's main clause (its first with a subject before a finite verb that no
    subordinating word opens) is in the past tense, whatever it reports ("Mattis said in late
    August that there were no plans …", "Officers held talks …"); not "Xi will meet …"."""
    for start, end in segments(tokens):
        for first, last in clauses_of(tokens, start, end):
            verb = finite_verb(tokens, first, last) if tokens[first].lower not in SUBORDINATORS else None
            if verb is None or not any(t.is_word and t.lower not in _GROUP_ADVERBS and not t.lower.endswith("ly") for t in tokens[first:verb]):
                continue  # no subject in its clause: an aside
            head = tokens[verb].lower
            return head in BE_PAST or head in HAVE_PAST or head in DO_PAST or (head not in AUXILIARIES and is_past(tokens, verb))
    return False


def in_background(tokens: list[Token], clause: Clause | None) -> bool:
    """Whether a date's clause tells background to its sentence's news: a relative clause whose
    pronoun is its subject ("an exercise that began on May 11", "Pompeo, who had collected them on
    Wednesday") or a past perfect ("he had offered to resign on Monday night"), a look further back."""
    return in_a_relative_clause(tokens, clause) or (clause is not None and clause.verb is not None and tokens[clause.verb].lower in HAVE_PAST)


def in_a_relative_clause(tokens: list[Token], clause: Clause | None, pronouns: tuple[str, ...] = ("that", "which", "who")) -> bool:
    """Whether a date's clause is a relative clause whose pronoun (one of `pronouns`) is its subject
    ("the student who died on June 19", "an exercise that began on May 11")."""
    if clause is None or clause.verb is None:
        return False
    return tokens[clause.first].lower in pronouns and clause.verb == clause.first + 1


# What may stand right after a participle that modifies the noun before it ("the declaration
# signed at the summit", "a draft circulated by the US").
_AFTER_A_PARTICIPLE = _PHRASE_PREPOSITIONS | frozenset({"by"})
_NOT_A_NOUN = AUXILIARIES | _BE_NONFINITE | NEGATIONS | _GROUP_ADVERBS | SUBORDINATORS | COORDINATORS | frozenset({"to", "that", "which", "who", "he", "she", "it", "they", "we", "i", "you"})


def modifies_a_noun(tokens: list[Token], date_start: int) -> bool:
    """Whether the date stands in a participle phrase after a noun, past its clause's verb ("Moon
    used a speech marking the anniversary of the declaration signed at the first summit on June
    15, 2000"): it dates what the noun names, background the story does not move to."""
    at = _token_at(tokens, date_start)
    own = _own_clause(tokens, at)
    if own is None:
        return False
    first, last = own
    verb = finite_verb(tokens, first, last)
    if verb is None:
        return False
    for index in range(at - 1, verb + 1, -1):
        word, before = tokens[index].lower, tokens[index - 1]
        participle = word in IRREGULAR_PARTICIPLE or (word.endswith("ed") and is_past(tokens, index))
        if participle and tokens[index + 1].lower in _AFTER_A_PARTICIPLE and before.is_word and before.lower not in _NOT_A_NOUN and not before.lower.endswith("ly"):
            return True
    return False


# Verbs of seeming, which link their subject to how it came across, as a copula does, when a word
# of degree follows ("sounded less patient"; not "looked into the case").
_SEEMING = frozenset({"seemed", "sounded", "looked", "appeared", "felt"})
_DEGREE = frozenset({"less", "more", "so", "too", "very", "rather", "quite", "increasingly", "far", "much"})


def _verb_role(tokens: list[Token], clause: Clause, date_start: int) -> Role:
    assert clause.verb is not None
    group = []
    index = clause.verb
    # The verb group: auxiliaries, negation and adverbs, then the main verb if it is a past form.
    while index < clause.last:
        word = tokens[index].lower
        if word in AUXILIARIES or word in NEGATIONS or word in _GROUP_ADVERBS or word in _BE_NONFINITE or (word.endswith("ly") and len(word) > 3):
            group.append(index)
        elif is_past(tokens, index):
            group.append(index)
            break
        else:
            break
        index += 1
    words = [tokens[i].lower for i in group]
    head, last = words[0], words[-1]
    following = tokens[group[-1] + 1].lower if group[-1] + 1 < clause.last else ""
    after_that = tokens[group[-1] + 2].lower if group[-1] + 2 < clause.last else ""
    if head in BE_PRESENT | BE_PAST and following in INTENTION and after_that == "to":
        return Role.ANNOUNCED  # "is due to visit", "was set to sign"
    if len(group) == 1 and head in PLANNED and _right_before_date(tokens, group[0], date_start):
        return Role.ANNOUNCED  # "exercises expected in August": a participle of a plan, timed by the date
    if any(w in NEGATIONS or w.endswith(("n't", "n’t")) for w in words):
        return Role.STATE  # nothing happened
    if last in _SEEMING and following in _DEGREE:
        return Role.STATE  # "had sounded less patient", "seemed more willing": how someone came across, a judgment
    if any(tokens[i].lower in NEGATIVE_SUBJECTS for i in range(clause.first, clause.verb)):
        return Role.STATE  # "Nothing about sanctions changed on Sunday": a negative subject
    if tokens[clause.first].lower in ("that", "which", "who") and clause.first > 0 and tokens[clause.first - 1].lower in NEGATIVE_SUBJECTS:
        return Role.STATE  # "nothing that happened this week tells us …": a relative clause of a negative subject
    if head in MODALS_OF_FUTURE or (last in INTENTION and following == "to") or (head in BE_PRESENT | BE_PAST and following == "going"):
        return Role.ANNOUNCED
    if head in MODALS:
        return Role.STATE  # conjecture: "could have been", "may have escalated"
    if head in HAVE_PRESENT or head in DO_PRESENT:
        return Role.STATE  # the present perfect reports a state up to now, not a dated deed
    if head in BE_PRESENT:
        return Role.STATE
    if head in BE_PAST:
        if len(group) > 1 and (is_past(tokens, group[-1]) or tokens[group[-1]].lower in IRREGULAR_PARTICIPLE):
            return Role.EVENT  # passive: "was named", "were held"
        # "The summit was on June 12": the date is what the copula says; otherwise a judgment.
        between = [t.lower for t in tokens[group[-1] : clause.last] if t.end <= date_start]
        if len(between) <= 2 and all(w in ("on", "in", "at", "held", "last", "early", "late") or w in BE_PAST for w in between):
            return Role.EVENT
        return Role.STATE
    return Role.EVENT  # a simple past, a past perfect, "did" + verb


def in_a_comparison(tokens: list[Token], date_start: int) -> bool:
    """Whether the date stands in a "than" phrase ("five times more powerful than the fifth test on
    9 September 2016", "longer than the handshake he had proposed the day before"): it dates the
    standard the comparison measures against, a look back the story does not move to."""
    own = _own_clause(tokens, min(_token_at(tokens, date_start), len(tokens) - 1))
    return own is not None and tokens[own[0]].lower == "than"
