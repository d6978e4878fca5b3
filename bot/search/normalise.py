"""Turns text into the terms the index matches on: Unicode-folded, lower case, stop words out, stemmed."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from types import MappingProxyType
from typing import Protocol

import snowballstemmer

from bot.search.word_forms import lemma

STEMMER_LANGUAGE = "english"

# Curly quotes and dashes folded to ASCII so "Trump’s" and "Trump's" are one word.
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"'s\b")
# After a question word 's is "is" or "has", never a possessive (that is "whose"): "who's robert
# gallucci" asks who he is, and must not read as "who robert gallucci" (who did something).
_QUESTION_WORD_IS = re.compile(r"\b(who|what|where|when|why|how)'s\b")
_DOTTED_ACRONYM = re.compile(r"\b(?:[a-z]\.){2,}")
_WORD = re.compile(r"[a-z0-9]+")

# Words that greet, thank or address the bot: a message of only these and small words is small
# talk (bot.answers), and they are skipped at the start of a question (bot.search.answer_type).
THANKS = frozenset("thanks thank thx ty cheers".split())
ADDRESSING_THE_BOT = frozenset("you your u ur yourself".split())
# Sounds that only exclaim or hesitate: never what a question asks about, unlike pleasantries that
# are words of a question too ("who was right?", "what was great?", "who did Trump thank?").
EXCLAMATIONS = frozenset("lol hm hmm hmmm wow".split())
# Interjections ("hmm", "wow") say nothing about the talks either: alone they are words to the bot.
# Greetings by the time of day ("good morning everyone!", "how are you doing today?"): "morning" was
# the question's most specific word, and the bot quoted "early Wednesday morning" back.
GREETINGS = frozenset("good morning afternoon evening night today tonight".split())
# Words that take leave: a message of them is a farewell, and gets one back, not "Hello!".
FAREWELLS = frozenset("bye goodbye goodnight cya".split())
# Words that greet: a message with one is answered "Hello!" (bot.messages.small_talk_reply).
SALUTATIONS = frozenset("hi hello hey hiya howdy".split())
PLEASANTRIES = THANKS | ADDRESSING_THE_BOT | EXCLAMATIONS | GREETINGS | FAREWELLS | SALUTATIONS | frozenset("bot ok okay cool great nice awesome".split())
# English set phrases a speaker agrees, doubts, hedges or takes a turn with ("of course", "no way",
# "in fact"): fixed expressions whose words name nothing, so a message of them alone asks nothing
# of the articles and is small talk (bot.answers); inside a question they are its phrasing. Alone,
# "of course" was answered with the sentences that happen to say it, and a following "and why?"
# was read with it as the earlier question.
SET_PHRASES = tuple(
    tuple(phrase.split())
    for phrase in (
        "of course not", "of course", "for sure", "in fact", "no way", "no doubt", "no problem", "no worries",
        "no idea", "not really", "fair enough", "makes sense", "got it", "i see", "sure thing", "for real",
        "by the way", "never mind", "all right", "at least", "in any case",
    )
)  # fmt: skip


def without_set_phrases(said: Sequence[str]) -> list[str]:
    """A message's words (as words() gives them) without its set phrases: "of course" -> [],
    "ok, no way!" -> ["ok"], "of course, but why?" -> ["but", "why"]."""
    kept: list[str] = []
    at = 0
    while at < len(said):
        phrase = next((phrase for phrase in SET_PHRASES if tuple(said[at : at + len(phrase)]) == phrase), None)
        if phrase is None:
            kept.append(said[at])
        at += len(phrase) if phrase else 1
    return kept


def takes_leave(said: Sequence[str]) -> bool:
    """Whether a message's words (as words() gives them) say goodbye: a farewell word ("bye",
    "goodnight"), or "night" as English greets with it, only on parting ("good night", "night!"),
    unlike the other times of day ("good evening" greets)."""
    return bool(FAREWELLS.intersection(said)) or list(said) == ["night"] or any(
        first == "good" and second == "night" for first, second in zip(said, said[1:])
    )


# "oh" and "ah" are names too ("who is Oh?", "Oh joined the talks in 1990"): one is an interjection
# only when English sets it off, opening the message or a sentence (not after "Dr."), from what
# follows: standing alone, before a comma, "!", "." or "?" ("Oh. Why?"), or before another
# interjection ("oh ok"). Those are taken out of the text (without_set_off_interjections); every
# other one is a word of the question.
NAME_LIKE_INTERJECTIONS = frozenset({"oh", "ah"})
# A sentence ends at . ! or ? and a space, but not after an initial or a title ("the U.S. walk
# away", "Dr. Oh, what did he say?"): what follows opens a sentence.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bSen\.)(?<!\bGen\.)\s+")
_SET_OFF_INTERJECTION = re.compile(
    r"(?:^\s*|" + SENTENCE_BREAK.pattern + r")(?i:\b(?:" + "|".join(sorted(NAME_LIKE_INTERJECTIONS)) + r")\b"
    r"(?:\s*[,!.?]+|\s+(?=(?:" + "|".join(sorted(PLEASANTRIES | NAME_LIKE_INTERJECTIONS)) + r")\b)|\s*$))\s*"
)


def without_set_off_interjections(text: str) -> str:
    """The text without the "oh" and "ah" that are interjections: "Oh, why?" -> "why?", "oh ok" ->
    "ok", "ah" -> ""; "Oh joined when?" and "who is Oh?" keep the name."""
    previous = None
    while previous != text:  # "oh oh, why?": each set-off one in turn
        previous, text = text, _SET_OFF_INTERJECTION.sub(" ", text).strip()
    return text

# Chat shorthand for the small words a question is asked with: stop words like the words they
# stand for, and spelt out before reading what kind of answer is wanted ("whn did …" asks when).
CHAT_SHORTHAND = MappingProxyType({
    "wat": "what", "wut": "what", "wht": "what", "whn": "when", "hw": "how", "abt": "about",
    "bout": "about", "r": "are", "b4": "before", "bc": "because", "cuz": "because", "coz": "because",
    "shld": "should", "wld": "would", "cld": "could",
    # A question word's "'d", its apostrophe folded away: "why'd they walk out?" asks "why did".
    "whyd": "why did", "howd": "how did", "whatd": "what did", "whered": "where did", "whend": "when did",
})  # fmt: skip
_SHORTHAND_WORD = re.compile(r"\b(?:" + "|".join(CHAT_SHORTHAND) + r")\b")


def spell_out_shorthand(folded: str) -> str:
    """Folded text with chat shorthand spelt out: "wat year did …" -> "what year did …"."""
    return _SHORTHAND_WORD.sub(lambda match: CHAT_SHORTHAND[match.group(0)], folded)


# English function words plus the words questions are phrased with ("what does the article say").
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are aren arent as at be because been
    before being below between both but by can cannot could couldn couldnt did didn didnt do does
    doesn doesnt doing don dont down during each few for from further had hadn hadnt has hasn hasnt
    have haven havent having he hed hell hes her here heres hers herself him himself his how hows i
    id ill im ive if in into is isn isnt it its itself just lets me more most mustn mustnt my myself
    no nor not of off on once only or other ought our ours ourselves out over own same shan shant
    she shed shell shes should shouldn shouldnt so some such than that thats the their theirs them
    themselves then there theres these they theyd theyll theyre theyve this those through to too
    under until up very was wasn wasnt we wed well were weve weren werent what whats when whens
    where wheres which while who whos whom why whys will with won wont would wouldn wouldnt you
    youd youll youre youve your yours yourself yourselves
    also any anything anyone can could did does get got go going lot many much
    tell told say said says think thinks thought know knows according article articles piece
    actually really kind sort way ever still yet even whether since like though although
    hardly barely scarcely per via versus vs
    want wants please cant saying telling thinking
    nothing something everything anybody somebody everybody anyone someone everyone
    thing things stuff basically literally
    lol lmao rofl pls plz ppl kinda sorta gonna wanna gotta ya yeah yep nah nope ok okay btw imo imho
    tbh u ur thx thanks hey hi hello guys folks
    idk tho w dat da ty thnx thank bot bots hiya howdy bye goodbye
    happen happens happened happening
    writer writers author authors columnist view views
    """.split()
) | frozenset(CHAT_SHORTHAND)
# Words that stand between a subject and its verb ("he then added", "she later said", "what did
# kim then say"): read by the quotation cues and by the speaker frames of questions alike.
ADVERBS_BEFORE_A_VERB = frozenset("then also later again once now still further first finally simply".split())
# Nouns that head the name of an organisation speaking ("North Korea's foreign ministry said",
# "the official KCNA news agency reported"): the organisation is the speaker. A question's
# speaker frame reads them too: "what does the us state department think" names one.
ORGANISATION_NOUNS = frozenset(
    """agency ministry department government office committee commission council administration
    embassy military army navy command party parliament assembly cabinet bureau media newspaper
    broadcaster""".split()
)


def plain_marks(text: str) -> str:
    """Unicode compatibility form, ASCII quotes and dashes, white space collapsed; case and words
    untouched: two copies that differ only in how their marks were typed come out equal."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_FOLD).split())


def fold(text: str) -> str:
    """Unicode compatibility form, ASCII quotes and dashes, lower case, no possessive 's."""
    text = unicodedata.normalize("NFKC", text)
    # The tests before the table and the two patterns skip work that would change nothing (the
    # table maps one ASCII mark; both patterns need "'s"): fold runs over every candidate sentence.
    if "`" in text or not text.isascii():
        text = text.translate(_FOLD)
    text = _DOTTED_ACRONYM.sub(lambda match: match.group(0).replace(".", "") + " ", text.casefold())
    if "'s" in text:
        text = _POSSESSIVE.sub("", _QUESTION_WORD_IS.sub(r"\1 is", text))
    return text.replace("'", "")


def without_accents(text: str) -> str:
    """"Hanói" as "Hanoi": letters stripped of their combining marks. Reading keeps only ASCII
    letters, so an accented letter would otherwise split a word ("han", "i")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def comparable(text: str) -> str:
    """Folded, white space collapsed: two copies of a passage that differ only in quotation marks,
    dashes, case or spacing compare equal (a gold span in eval against a quote)."""
    return " ".join(fold(text).split())


def words(text: str) -> list[str]:
    """The surface words of text after folding, stop words included, in order."""
    return _WORD.findall(fold(text))


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...  # noqa: N802 - snowballstemmer's name


# A snowballstemmer object keeps the word it is working on in its own fields, so one object shared
# by the answering threads gives wrong stems and IndexError, which the cache would then keep. Each
# thread gets its own: measured as fast as a lock and a little faster than a new object per word
# (bench/stemmer_threads.py), and no thread ever waits for another.
_PER_THREAD = threading.local()


def _stemmer() -> _Stemmer:
    stemmer: _Stemmer | None = getattr(_PER_THREAD, "stemmer", None)
    if stemmer is None:
        stemmer = _PER_THREAD.stemmer = snowballstemmer.stemmer(STEMMER_LANGUAGE)
    return stemmer


def snowball_stem(word: str) -> str:
    """The Snowball stem alone, irregular forms untouched ("held" stays "held")."""
    return _stemmer().stemWord(word)


@lru_cache(maxsize=65536)  # thread-safe; two threads missing the same word both compute the same stem
def stem(word: str) -> str:
    """The index term of a word: irregular inflections as their lemma's ("held", "holds" -> "hold")."""
    return snowball_stem(lemma(word))


def is_stop_word(word: str) -> bool:
    return word in STOP_WORDS


def terms(text: str) -> list[str]:
    """Index terms of text, in order: stemmed words that are not stop words."""
    return terms_of_words(words(text))


def terms_of_words(said: list[str]) -> list[str]:
    """Index terms of words already read from a text (bot.search.normalise.words)."""
    return [stem(word) for word in said if word not in STOP_WORDS]
