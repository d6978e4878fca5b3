"""Who a question asks the words of: the one reading of "what did X say", "X's reaction" and
"according to X" that the speaker route (bot.speaker_words), the learned order's speaker feature
(bot.quotations.speaker_index), the unknown-name gate (bot.search.unknown_name) and /compare's
outlet frames (bot.compare_sources) all use, so they never disagree on who is asked about.

A question names the speaker whose words it wants in three English frames:

- a question word, an auxiliary, the speaker and a verb of saying or of holding a view: "what did
  X say / tell / warn / claim / promise / announce / reply / comment / argue / state / declare /
  predict / suggest / insist / admit / threaten / write / describe", "how did X react / respond / feel
  / describe …", "what does X think / believe / make of …". Verbs of doing are not read: "what did X ask for / agree to
  / offer" asks what happened, which others' words report as well as X's;
- a possessive before a noun of what someone said or holds: "X's reaction / response / reply /
  answer / statement / comments / remarks / words / warning / claim / view / take / stance /
  position / verdict / assessment / account / explanation";
- "according to X".

The speaker is the words between the frame's parts, as written (the question's capitals kept: the
unknown-name gate reads them), less what is no part of a name: a trailing adverb or perfect
auxiliary ("what did kim actually promise", "what would pompeo have said"), the words up to the
last small word before a possessive ("what was lynn rusten's reaction"), and what follows a
question word or an auxiliary after "according to" ("according to the white house what was …").
A pronoun ("what did he say") or a clause ("what will happen if trump says no") names no speaker.
Several speakers joined by "and", "or" or commas ("kim and trump") are read as such: `names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.search.english import is_english_word
from bot.search.normalise import ADVERBS_BEFORE_A_VERB, CHAT_SHORTHAND, ORGANISATION_NOUNS, STOP_WORDS, spell_out_shorthand, words

# Verbs of saying, and of holding a view, as questions ask them (every form a question uses).
_SAYING = (
    "say said says tell told tells warn warned warns claim claimed claims promise promised promises announce announced"
    " announces respond responded responds react reacted reacts reply replied replies comment commented comments argue"
    " argued argues state stated states declare declared declares predict predicted predicts suggest suggested suggests"
    " insist insisted insists admit admitted admits threaten threatened threatens write wrote writes written"
    " describe described describes"
).split()
_HOLDING_A_VIEW = "think thinks thought believe believed believes feel feels felt".split()
VERBS = frozenset({*_SAYING, *_HOLDING_A_VIEW, "make of", "makes of", "made of"})
# Nouns of what someone said or holds, after a possessive.
NOUNS = frozenset(
    """reaction reactions response responses reply replies answer answers statement statements comment comments
    remark remarks words warning warnings claim claims view views take stance position verdict assessment account
    explanation""".split()
)
_ACCORDING = "according to"
# The words that join a topic to a frame of saying or of a view: "say about Y", "take on Y",
# "view of Y", "comments regarding Y"; and after a noun of what someone said, "reaction to Y".
_ABOUT = frozenset({"about", "on", "of", "regarding", "concerning"})
_ABOUT_AFTER_A_NOUN = _ABOUT | {"to"}
_FIRST_WORD = re.compile(r"^\s*(?P<word>\S+)\s*")
# What closes a question, not part of its topic: "/compare tillerson" offered, not "/compare tillerson?".
_CLOSING = "?!. "
# The closing mark left apart where a frame ending the question was taken out ("… there ?").
_CLOSING_SET_APART = re.compile(r"\s+(?=[?!.]+$)")
_QUESTION_WORDS = ("what", "how")
_AUXILIARIES = ("did", "does", "do", "has", "have", "had", "would", "will", "could", "might", "should", "can")


def _as_typed(spelt: tuple[str, ...]) -> str:
    """The words and their chat shorthand ("wat", "wld": the table the rest of the bot reads) as one alternation."""
    return "|".join([*spelt, *(short for short, word in CHAT_SHORTHAND.items() if word in spelt)])


_QUESTION_OPENING = re.compile(rf"\b(?:{_as_typed(_QUESTION_WORDS)})\s+(?:{_as_typed(_AUXILIARIES)})\s+", re.IGNORECASE)
# After "did/does/will …" comes the verb's base form, after "has/had" its participle, never the -s
# form: "what did the united states say" is the United States saying, not "the united" stating.
# The -s forms are read only when no other verb leaves a speaker ("what does trump says", as typed).
_THIRD_PERSON = frozenset(v for v in VERBS if v.split()[0].endswith("s"))  # no base form or past of these ends in -s
# The base forms, which come after "did/does/will …": neither the -s form nor a past one.
_BASE_FORMS = frozenset(
    v for v in VERBS - _THIRD_PERSON if not v.endswith("ed") and v.split()[0] not in {"said", "told", "wrote", "written", "thought", "felt", "made"}
)


def _verb_pattern(verbs: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\S)(?:" + "|".join(sorted((v.replace(" ", r"\s+") for v in verbs), key=len, reverse=True)) + r")\b", re.IGNORECASE)


_VERB = _verb_pattern(VERBS - _THIRD_PERSON)
_VERB_AS_TYPED = _verb_pattern(_THIRD_PERSON)
_POSSESSIVE = re.compile(
    r"(?P<who>[^\s?.!,;:][^?.!,;:]*?)['’]s?\s+(?:own\s+)?(?P<noun>" + "|".join(sorted(NOUNS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?P<who>[^?.!,;:]+)", re.IGNORECASE)
# Where a clause opens after "according to X" written without a comma: a question word or an auxiliary.
_CLAUSE_OPENING = re.compile(
    r"\s+(?:what|who|whom|whose|which|when|where|why|how|is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b",
    re.IGNORECASE,
)
_WRITTEN_WORD = re.compile(r"\S+")
# The end of the question's clause: the speaker's phrase never runs past it.
_CLAUSE_END = re.compile(r"[?.!,;:]")
# Between two speakers: "what did Trump and Bolton say", "Kim, Moon and Trump".
_BETWEEN_NAMES = re.compile(r"\s+(?:and|or|&)\s+|\s*,\s*", re.IGNORECASE)
# Words that go on from a name to where its person is from or works: "Jenny Town of 38 North".
_AFFILIATION = frozenset({"of", "from", "at", "with"})
# More words than a name has ("North Korean state media KCNA" is five): a clause, not a speaker.
MAX_NAME_WORDS = 6
# Adverbs between a question's speaker and its verb that end in no -ly ("what did kim ever say"),
# and the perfect's auxiliary ("what would pompeo have said"): trimmed off the speaker's phrase,
# no part of the name (bot.speaker_words reads its own set between an article's subject and verb).
_TRIMMED_OFF_THE_SPEAKER = ADVERBS_BEFORE_A_VERB | frozenset({"ever", "just", "even", "really", "actually", "have", "has", "had", "been", "be"})
# Words whose "'s" is no possessive: "let's" is "let us".
_NOT_POSSESSORS = frozenset({"let"})
# A speaker phrase opening with one of these is a pronoun or a demonstrative, not someone named.
_PRONOUNS = frozenset("i you he she it we they him her them one this that these those".split())
# A question word or a pronoun with "is" or "has" ("what's", "who's", "that's"): never part of a
# name, though its "'s" looks like a possessive ("What's Kim's view?" asks Kim's view).
_CONTRACTION = re.compile(r"(?i:what|who|where|when|why|how|which|there|here|" + "|".join(sorted(_PRONOUNS)) + r")['’]s")
# Words that open a clause: a phrase holding one is no speaker ("what will happen if trump says no").
_CLAUSE_WORDS = frozenset({"if", "whether", "when", "because", "unless", "while", "that"})


@dataclass(frozen=True, slots=True)
class SpeakerFrame:
    """One place a question names the speaker whose words it asks for."""

    who: str  # the speaker's phrase as written ("Lynn Rusten", "the north koreans", "kim and trump")
    verb: str  # the frame's word of saying as written: "say", "make of", "reaction", "according to"
    before: str  # the question's words before the frame ("so" of "so what did X say …", "what's" of "what's X's take …")
    after: str  # and after it ("about the sanctions?")
    span: tuple[int, int]  # where `who` stands in the question
    opens: bool  # the frame opens the question ("what did X say …", "according to X, …"), small words aside ("so what did X say …", "what's X's take …")

    @property
    def rest(self) -> str:
        """The question without the frame: what it asks of them ("about the sanctions?")."""
        return _joined(self.before, self.after)

    @property
    def topic(self) -> str:
        """What the question asks of them in the user's words, the frame and the words that only
        lead to it taken out: "tillerson" of "what's Vox's take on Tillerson?" and of "so what did
        Vox say abt Tillerson", "why did the talks fail" of "why did the talks fail, according to
        Vox?". Words before a frame of saying or of a view that are all small words ("what's",
        "so") ask nothing themselves, and "on" ("take on Y"), "about" or "to" ("reaction to Y")
        only joins the topic to the frame; left in, they read "what's on tillerson", a question
        of its own; so does the question's closing "?", which is no part of the thing asked about.
        Around "according to X" the question itself stands ("why, according to X, did …?"), and
        is kept, "?" and all. The one reading of a frame's topic: an outlet question's and /compare's."""
        if self.verb == _ACCORDING:
            return _CLOSING_SET_APART.sub("", without_opening_about(self.rest))  # "why is it there, according to X?"
        before = "" if self.opens else self.before
        return without_opening_about(_joined(before, self.after), after_a_noun=self.verb.casefold() in NOUNS).rstrip(_CLOSING)

    @property
    def names(self) -> tuple[str, ...]:
        """Each speaker the phrase names: "kim and trump" -> ("kim", "trump")."""
        return tuple(name.strip() for name in _BETWEEN_NAMES.split(self.who) if name.strip())


def name_readings(name: str) -> list[str]:
    """The ways one speaker's phrase may name them, longest first: the whole phrase, then the words
    before each word that goes on to say where they are from or work ("Jenny Town of 38 North" is
    Jenny Town, "the envoy from Seoul" the envoy). Looked up in this order, the first that names
    someone is the speaker."""
    written = name.split()
    cuts = [i for i, word in enumerate(written) if i > 0 and word.casefold() in _AFFILIATION]
    return [name, *(" ".join(written[:i]) for i in reversed(cuts))]


def speaker_frames(question: str) -> list[SpeakerFrame]:
    """Every place the question names a speaker whose words it asks for, in the order written."""
    found = [*_said_frames(question), *_possessive_frames(question), *_according_frames(question)]
    return sorted(found, key=lambda frame: frame.span)


def speaker_frame(question: str) -> SpeakerFrame | None:
    """The first place the question names a speaker whose words it asks for; None when it names none."""
    frames = speaker_frames(question)
    return frames[0] if frames else None


def _said_frames(question: str) -> list[SpeakerFrame]:
    found = []
    for opening in _QUESTION_OPENING.finditer(question):
        start = opening.end()
        clause_end = _clause_end(question, start)
        # The first verb that leaves a speaker before it: "what did the state department say" is not "the" stating.
        for pattern in (_VERB, _VERB_AS_TYPED):
            frame = _first_said_frame(question, opening, pattern, clause_end)
            if frame is not None:
                found.append(frame)
                break
    return found


def _first_said_frame(question: str, opening: re.Match[str], verbs: re.Pattern[str], clause_end: int) -> SpeakerFrame | None:
    start = opening.end()
    found = list(verbs.finditer(question, start, clause_end))
    for at, verb in enumerate(found):
        # "what does the us state department think": a saying word that names go on from, up to the
        # clause's own verb, names a thing ("the US State Department"), and its speaker runs on.
        verb = next((later for later in found[at + 1 :] if _naming_on_to(question, verb, later)), verb)
        who = _speaker_phrase(question, start, verb.start())
        if who is not None:
            before, after = question[: opening.start()], question[verb.end() :]
            return SpeakerFrame(question[who[0] : who[1]], verb.group(0), before, after, who, _small_words_only(before))
    return None


def _naming_on_to(question: str, verb: re.Match[str], later: re.Match[str]) -> bool:
    """Whether a word of saying is a noun of a name, its clause's verb coming later: where words
    that are no small words lead from it to a later base form and the last of them is an
    organisation noun ("state department think", "press office say"), the name is the
    organisation's ("what does the us state department think"). A present plural looks like a base
    form, so an embedded clause's verb ("what did trump say north koreans think", "what did pompeo
    say experts think") is no evidence alone: only the organisation noun tells a name. "what did
    trump say kim promised" (a past form) and "what did trump tell kim to say" (a small word) keep
    the first."""
    between = words(question[verb.end() : later.start()])
    return (
        bool(between)
        and later.group(0).casefold() in _BASE_FORMS
        and not any(word in STOP_WORDS for word in between)
        and between[-1] in ORGANISATION_NOUNS
    )


_THE_BEFORE = re.compile(r"\bthe\s+\Z", re.IGNORECASE)


def _possessive_frames(question: str) -> list[SpeakerFrame]:
    found = []
    for match in _POSSESSIVE.finditer(question):
        start, end = match.span("who")
        # "what was lynn rusten's reaction": the name is the words after the last small word.
        start = end - len(_after_the_last_small_word(question[start:end]))
        if question[start:end].casefold() in _NOT_POSSESSORS:
            continue  # "why let's take a partial step": "let's" is "let us"
        # "the Post's take": the article is the name's, as in the other frames ("the north koreans"),
        # and not left behind in what is asked of them ("the on the summit"; late review).
        the = _THE_BEFORE.search(question, 0, start)
        if the is not None:
            start = the.start()
        who = _speaker_phrase(question, start, end)
        if who is not None:
            before, after = question[:start], question[match.end() :]
            found.append(SpeakerFrame(question[who[0] : who[1]], match.group("noun"), before, after, who, _small_words_only(before)))
    return found


def _according_frames(question: str) -> list[SpeakerFrame]:
    found = []
    for match in _ACCORDING_TO.finditer(question):
        start, end = match.span("who")
        opening = _CLAUSE_OPENING.search(question, start, end)
        who = _speaker_phrase(question, start, opening.start() if opening else end)
        if who is not None:
            before, after = question[: match.start()], question[who[1] :]
            found.append(SpeakerFrame(question[who[0] : who[1]], _ACCORDING, before, after, who, _small_words_only(before)))
    return found


def without_opening_about(topic: str, *, after_a_noun: bool = False) -> str:
    """The topic without the word that joins it to what is said of it, typed or in chat shorthand
    ("about sanctions", "abt sanctions" -> "sanctions"); "to" too `after_a_noun` ("reaction to Y")."""
    first = _FIRST_WORD.match(topic)
    joining = _ABOUT_AFTER_A_NOUN if after_a_noun else _ABOUT
    if first is not None and spell_out_shorthand(first.group("word").casefold()) in joining:
        topic = topic[first.end() :]
    return topic.strip(" ,;:")


def names_a_speaker(phrase: str) -> bool:
    """Whether the words, on their own ("and kim?"), name a speaker as a frame's speaker would."""
    return _speaker_phrase(phrase, 0, len(phrase)) is not None


def _speaker_phrase(question: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the speaker's phrase in question[start:end] stands, trailing adverbs and auxiliaries
    left out; None when it names no one (a pronoun, a clause, only small words, too many words)."""
    kept = list(_WRITTEN_WORD.finditer(question, start, end))
    while len(kept) > 1 and _trimmed_off_the_speaker(kept[-1].group(0).casefold()):
        kept.pop()
    if not kept:
        return None
    span = kept[0].start(), kept[-1].end()
    said = words(question[span[0] : span[1]])
    if not said or len(said) > MAX_NAME_WORDS or said[0] in _PRONOUNS or _CLAUSE_WORDS.intersection(said):
        return None
    return None if all(word in STOP_WORDS for word in said) else span


def _trimmed_off_the_speaker(word: str) -> bool:
    return word in _TRIMMED_OFF_THE_SPEAKER or (word.endswith("ly") and is_english_word(word))


def _after_the_last_small_word(text: str) -> str:
    kept: list[str] = []
    for word in reversed(text.split()):
        if word.casefold() in STOP_WORDS or _CONTRACTION.fullmatch(word):
            break
        kept.insert(0, word)
    return " ".join(kept)


def _clause_end(question: str, start: int) -> int:
    end = _CLAUSE_END.search(question, start)
    return end.start() if end else len(question)


def _small_words_only(text: str) -> bool:
    return all(word in STOP_WORDS for word in words(text))


def _joined(before: str, after: str) -> str:
    """The question's words on either side of a frame, as one: "so" + ", about hanoi?" -> "so about hanoi?"."""
    return " ".join(part for part in (before.strip(" ,;:"), after.strip(" ,;:")) if part)
