"""Every sentence a user or operator reads, in one place, so wording stays consistent across front ends."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from bot.answers import MAX_QUESTION_CHARS, Answer, Declined, Reading
from bot.knowledge.calendar_days import not_a_calendar_day
from bot.knowledge.profile import BotProfile
from bot.render.shorten import shorten
from bot.timeline.asked_time import AfterArticles, describe
from bot.what_happened import WhatHappened
from bot.quotations.speakers import SpeakerLookup
from bot.search.normalise import GREETINGS, SALUTATIONS, THANKS, takes_leave, words

EMPTY_QUESTION = "Please ask a question about what the articles describe."
NOT_COVERED = "The articles I have do not cover that, so I won't guess."
CLOSEST_INTRO = "The closest passages I found (they do not answer the question):"
NEAR_MISS = "I found no passage that clearly answers that, so I won't guess."
NEAR_MISS_CLOSEST_INTRO = "These come closest; they may not answer the question:"
# A speaker's own words shown when none holds what was asked: they may be on it in other words.
SPEAKER_CLOSEST_INTRO = "Their words in the articles (none says what you asked in so many words; read them to judge):"
NO_ARTICLES = "I have no articles loaded, so I cannot answer yet. A maintainer can add some to the knowledge folder."
ANSWER_INTRO = "From the articles:"
# What the bot does, the reply to small talk that does not greet ("ok", "of course", "hmm"): a
# "Hello!" in the middle of a conversation reads as if the bot had not been listening.
SMALL_TALK_ABOUT = (
    "I answer questions with quotes from the news articles I have, each with its source. "
    "/help says what they cover, with examples, and what else I can do."
)
SMALL_TALK = f"Hello! {SMALL_TALK_ABOUT}"
SMALL_TALK_THANKS = "You're welcome. Ask me anything else about the articles."
# "good night", "bye": a farewell gets one back (with thanks, "thanks, bye!" gets both).
SMALL_TALK_FAREWELL = "Goodbye! Ask me about the articles any time."
SMALL_TALK_THANKS_FAREWELL = "You're welcome. Goodbye! Ask me about the articles any time."
NO_ARTICLE = "No article matches {text!r}; /sources with no argument lists them all."
TERMINAL_GREETING = "Ask about {topic}. /help for commands, /quit to leave."
QUESTION_OR_BATCH = "Give either a question or --batch FILE, not both."
BATCH_LINE_NOT_TEXT = "{source}, line {line} is not UTF-8 text (byte {byte} at column {column}); it was not asked."
BATCH_LINE_NOT_JSON = '{source}, line {line} opens with "{{" but is not valid JSON; it was not asked.'
BATCH_LINE_NO_QUESTION = '{source}, line {line} is a JSON object without a "question" string; it was not asked.'
STANDARD_INPUT = "standard input"  # `--batch -`, as a message names it
JSON_OR_FORMAT = "Give either --json or --format, not both."
UNKNOWN_COMMAND = "Unknown command {command!r}. Type /help to see what I can do."
INTERNAL_ERROR = "Something went wrong; it has been logged. Please try again."
# The terminal's reply to a slow command (/reload) at the prompt: its report comes when it is done.
RUNNING_IN_THE_BACKGROUND = (
    "Working on it in the background; ask away meanwhile (answers come from the knowledge being served "
    "until the new one is ready). The report shows here when it is done."
)
MORE_CONTEXT = "More context"  # the button under each quote, on every platform
CONTEXT_GONE = "That passage is no longer in the articles (they were edited or removed since)."
# Readers' votes on answers (the buttons under each answer; /good and /bad at the terminal).
FEEDBACK_THANKS = {
    "good": "Thanks: noted that this answer helped. Voting again changes your vote.",
    "bad": "Thanks: noted that this answer did not help; the maintainers will look at it. Voting again changes your vote.",
}
FEEDBACK_NOT_SAVED = "Sorry, your vote could not be saved; the bot's log says why."
def feedback_rates_earlier(question: str) -> str:
    """Before the thanks for a vote typed after another reply: the answer it rates."""
    return f"This rates the last answer, to “{question}”."


FEEDBACK_NOTHING_TO_RATE = "There is no answer about the articles to rate: ask a question about them, then /good or /bad."
QUESTION_LABEL = "Question"  # before the question an answer is for (Slack's first line, Discord's footer)
FEEDBACK_GOOD_LABEL = "Helpful"  # beside 👍: screen readers and the notification text read it
FEEDBACK_BAD_LABEL = "Not helpful"


def article_count(count: int) -> str:
    return f"{count} article{'s' if count != 1 else ''}"


def too_long(length: int) -> str:
    return f"Your question is {length:,} characters long; please ask in under {MAX_QUESTION_CHARS:,}."


def knowledge_missing(folder: str) -> str:
    return f"The knowledge folder {folder} does not exist; set BOT_KNOWLEDGE_DIR or pass --knowledge DIR."


def knowledge_empty(folder: str) -> str:
    return f"The knowledge folder {folder} has no articles; add Markdown files under {folder}/articles."


def check_ok(articles: int, passages: int, events: int) -> str:
    return f"OK: {articles} articles, {passages} passages, {events} timeline events, no problems."


def bad_setting(variable: str, value: object, problem: str) -> str:
    return f"{variable}={value!r} is not valid: {problem}. Fix it in the environment or in .env (see .env.example)."


def settings_conflict(problem: str) -> str:
    return f"{problem}. Fix it in the environment or in .env (see .env.example)."


def missing_setting(variable: str, purpose: str) -> str:
    return f"{variable} is not set: {purpose}. Add it to the environment or to .env (see .env.example)."


# After a plain decline (no passage shown): where the reader can go on, from what the articles are about.
PLAIN_DECLINE_ONWARD = "They are about {topic}: {sources} lists them, and {timeline} shows what happened when."


@dataclass(frozen=True, slots=True)
class WayToAsk:
    """How a front end's users write a command and a question, for the hints that point to them: a
    line telling a command-line user to type "/ask …" or "/sources" names a command they cannot run."""

    prefix: str  # before a command's name: "/" in a chat, "python -m bot " on the command line
    question: str  # with {question}

    def command(self, name: str) -> str:
        return f"{self.prefix}{name}"

    @property
    def said(self) -> str:
        return self.command("said")


IN_CHAT = WayToAsk(prefix="/", question="/ask {question}")  # Discord and Slack
AT_THE_TERMINAL = WayToAsk(prefix="/", question="{question}")  # the terminal chat: a line is a question
ON_THE_COMMAND_LINE = WayToAsk(prefix="python -m bot ", question='python -m bot ask "{question}"')


def decline_message(answer: Answer, user_text: Callable[[str], str] = str, way: WayToAsk = IN_CHAT) -> str:
    """Why a question was not answered, in one sentence for every front end (`user_text`: as
    for answer_intro, for the earlier question a follow-up names; `way`: how its users write the
    commands a decline offers, /said, /sources, /timeline, /compare); after a plain decline, with no
    passage to show, what the articles are about and where to read them."""
    reason = _decline_reason(answer, user_text, way)
    if answer.declined_plainly and answer.about is not None:
        return f"{reason} {PLAIN_DECLINE_ONWARD.format(topic=answer.about, sources=way.command('sources'), timeline=way.command('timeline'))}"
    return reason


def _decline_reason(answer: Answer, user_text: Callable[[str], str], way: WayToAsk) -> str:
    reason = answer.declined
    if reason is Declined.NOT_COVERED and answer.reading is not None and answer.reading.speaker is not None:
        # "what did Kim say?": the articles hold no words of his, which a quote about him would hide.
        return _speaker_declined(answer.reading, user_text, way)
    if reason is Declined.NOT_COVERED and answer.outlets and answer.follows is not None:
        earlier = user_text(shorten(answer.follows, FOLLOW_UP_QUESTION_CHARS))
        if answer.topic is not None:
            # "what about china?" after "what did vox say about the summit?": the earlier question
            # chose the outlet, the follow-up the topic, which is what Vox has nothing on.
            return f"{FOLLOW_UP_OUTLETS_NOT_COVERED.format(question=earlier)} {outlet_declined(answer, user_text, way)}"
        return OUTLETS_NOT_COVERED.format(outlets=_listed(answer.outlets), question=earlier)
    if reason is Declined.NOT_COVERED and answer.outlets:
        # "what did Vox say about China?": Vox has nothing on it, which another outlet's quote would hide.
        return outlet_declined(answer, user_text, way)
    if reason is Declined.NOT_COVERED and answer.read_as is not None and answer.reading is not None and answer.reading.speaker is None:
        # "and trump?" rewritten as "how old is trump?": the question declined is that one.
        earlier = user_text(shorten(answer.follows or "", FOLLOW_UP_QUESTION_CHARS))
        return FOLLOW_UP_READ_AS_NOT_COVERED.format(earlier=earlier, question=user_text(shorten(answer.read_as, FOLLOW_UP_QUESTION_CHARS)))
    if reason is Declined.NOT_COVERED and answer.follows is not None:
        # "when?" read with the earlier question: say which, or the reply seems to ignore it.
        earlier = user_text(shorten(answer.follows, FOLLOW_UP_QUESTION_CHARS))
        return FOLLOW_UP_NOT_COVERED.format(question=earlier)
    if reason is Declined.NOT_COVERED and answer.tried_with is not None:
        # "is that true?": read with the earlier question too, and the reply should say so.
        earlier = user_text(shorten(answer.tried_with, FOLLOW_UP_QUESTION_CHARS))
        return (FOLLOW_UP_TRIED_NEAR_MISS if answer.near_miss else FOLLOW_UP_TRIED).format(question=earlier)
    if reason is Declined.EMPTY:
        return EMPTY_QUESTION
    if reason is Declined.TOO_LONG:
        return too_long(len(answer.question))
    if reason is Declined.NO_ARTICLES:
        return NO_ARTICLES
    if reason is Declined.SMALL_TALK:
        return small_talk_reply(words(answer.question))
    if reason is Declined.ASKED_AGAIN and answer.follows is not None:
        return ASKED_AGAIN.format(question=user_text(shorten(answer.follows, FOLLOW_UP_QUESTION_CHARS)))
    if reason is Declined.NOT_COVERED and answer.reading is not None and answer.reading.unknown_name is not None:
        # "did moon jae-in go to …": what is missing is the one it asks about, which the reply names.
        return NEVER_MENTIONED.format(name=user_text(shorten(as_a_name(answer.reading.unknown_name), FOLLOW_UP_QUESTION_CHARS)))
    if reason is Declined.NOT_COVERED and answer.reading is not None and (beyond := answer.reading.after_articles) is not None:
        return after_articles(beyond, user_text)
    if reason is Declined.NOT_COVERED and answer.what_happened is not None:
        return NO_DATED_EVENTS.format(when=answer.what_happened.when)
    return NEAR_MISS if answer.near_miss else NOT_COVERED


def outlet_declined(answer: Answer, user_text: Callable[[str], str] = str, way: WayToAsk = IN_CHAT) -> str:
    """"The articles of Vox have nothing on that", offering the outlets that have (`other_outlets`)
    and /compare for the topic asked of them."""
    declined = OUTLET_NOT_COVERED.format(outlets=_listed(answer.outlets))
    if not answer.other_outlets or answer.topic is None:
        return declined
    others = [user_text(name) for name in answer.other_outlets]
    topic = user_text(shorten(answer.topic, FOLLOW_UP_QUESTION_CHARS))
    offered = OUTLETS_OFFERED.format(others=_listed(others), verb="have" if len(others) > 1 else "has", topic=topic, compare=way.command("compare"))
    return f"{declined} {offered}"


OUTLET_NOT_COVERED = "The articles of {outlets} have nothing on that, so I won't guess."
OUTLETS_OFFERED = "{others} {verb}: {compare} {topic} shows each outlet's quotes."


def _speaker_declined(reading: Reading, user_text: Callable[[str], str], way: WayToAsk) -> str:
    """"The articles quote no words of …", or quote them but not on that: then /said is offered for
    the one person it shows, and for a people or several speakers the ones it lists (a people noun
    is no name /said knows: "/said the North Koreans" finds no one)."""
    name = user_text(reading.speaker or "")
    said = reading.speaker_said
    command = way.said
    if not reading.speaker_quoted and reading.speaker_closest:
        closest = user_text(reading.speaker_closest[0])
        return SPEAKER_NOT_QUOTED_CLOSEST.format(name=name, closest=closest, said_command=command)
    if not reading.speaker_quoted:
        return SPEAKER_NOT_QUOTED.format(name=name, said_command=command)
    if reading.speaker_person and len(said) == 1:
        return SPEAKER_NOT_ON_THAT.format(name=name, said=user_text(said[0]), said_command=command)
    if said:
        shown = ", ".join(user_text(member) for member in said[:SPEAKERS_NAMED])
        return SPEAKER_GROUP_NOT_ON_THAT.format(name=name, members=shown + (", …" if len(said) > SPEAKERS_NAMED else ""), said_command=command)
    return SPEAKER_REPORTED_NOT_ON_THAT.format(name=name, said_command=command)


def after_articles(beyond: AfterArticles, user_text: Callable[[str], str] = str) -> str:
    """"The articles run to February 28, 2019, so they cannot tell you about October 2019." (the
    asked time as the user typed it, made safe by `user_text`). Worded to fit a question in any
    tense: "what happened in 2020" and "will they meet again in 2020" are declined alike."""
    return AFTER_ARTICLES.format(newest=describe(beyond.newest), asked=user_text(beyond.asked))


AFTER_ARTICLES = "The articles run to {newest}, so they cannot tell you about {asked}."
NEVER_MENTIONED = "The articles never mention {name}, so I won't guess."


# Small words English leaves in lower case inside a name ("Port of Spain", "Trinidad and Tobago").
_LOWER_INSIDE_A_NAME = frozenset("of the and in on at for to a an".split())


def as_a_name(typed: str) -> str:
    """A name typed all in lower case written as names are ("moon jae-in" -> "Moon Jae-in", "port of
    spain" -> "Port of Spain"); any other as typed ("John BOLTON", "DMZ")."""
    if not typed.islower():
        return typed
    said = typed.split()
    return " ".join(word if place and word in _LOWER_INSIDE_A_NAME else word[:1].upper() + word[1:] for place, word in enumerate(said))


SPEAKER_NOT_QUOTED = "The articles quote no words of {name}, so I won't guess. {said_command} lists everyone the articles quote."
SPEAKER_NOT_QUOTED_CLOSEST = "The articles quote no words of {name}, so I won't guess. Did you mean {closest}? {said_command} {closest} shows their quotes."
SPEAKER_NOT_ON_THAT = "The articles quote {name}, but not on that, so I won't guess. {said_command} {said} shows every quote of {name} in the articles."
# A people or several speakers: /said shows each one's quotations.
SPEAKER_GROUP_NOT_ON_THAT = "The articles quote {name}, but not on that, so I won't guess. {said_command} shows each one's words: {members}."
# Words reported without quotation marks only: /said has nothing of theirs to show.
SPEAKER_REPORTED_NOT_ON_THAT = "The articles report words of {name}, but not on that, so I won't guess. {said_command} lists everyone the articles quote."
SPEAKERS_NAMED = 3
SPEAKER_INTRO = "What the articles quote or report {name} as saying:"
NO_DATED_EVENTS = "The articles have no dated events {when}."


def what_happened_intro(happened: WhatHappened, *, all_shown: bool = True) -> str:
    """The line before the events of a question asking only what happened then; `all_shown`: False
    where a chat message shows only the first events, and /timeline has the rest."""
    count, shown = len(happened.events), len(happened.shown)
    events = f"{count} dated event{'s' if count != 1 else ''} {happened.when}"
    if all_shown or count <= shown:
        return f"The articles have {events}, oldest first, each with the quote that backs it:"
    return (
        f"The articles have {events}; here are the first {shown}, oldest first, each with the quote that backs it "
        f"(/timeline {happened.timeline_arguments} lists them all):"
    )


OUTLETS_INTRO = "From the articles of {outlets}:"
FOLLOW_UP_INTRO = "Reading this with your earlier question “{question}”, from the articles:"
FOLLOW_UP_OUTLETS_INTRO = "Reading this with your earlier question “{question}”, from the articles of {outlets}:"
ASKED_AGAIN = (
    # True whether the earlier question was answered or declined: the thread's history gives the
    # question, and saying "its answer is the best the articles give" after a decline was false.
    "That is what your earlier question “{question}” asked, so asking again gives the same reply. "
    "To go further, ask about one part of it."
)
OUTLETS_NOT_COVERED = "The articles of {outlets} do not cover your earlier question “{question}”, so I won't guess."
FOLLOW_UP_OUTLETS_NOT_COVERED = "Reading this with your earlier question “{question}”:"
FOLLOW_UP_NOT_COVERED = "Read with your earlier question “{question}”, the articles I have do not cover that, so I won't guess."
FOLLOW_UP_READ_AS_NOT_COVERED = "Read with your earlier question “{earlier}” as “{question}”, the articles I have do not cover that, so I won't guess."
FOLLOW_UP_TRIED = "Read on its own or with your earlier question “{question}”, the articles I have do not cover that, so I won't guess."
FOLLOW_UP_TRIED_NEAR_MISS = "Read on its own or with your earlier question “{question}”, I found no passage that clearly answers that, so I won't guess."
FOLLOW_UP_QUESTION_CHARS = 100


def answer_intro(answer: Answer, user_text: Callable[[str], str] = str) -> str:
    """The line before an answer's quotes; a follow-up names the earlier question it leaned on, so
    a reader can tell "and why?" was taken with it. `user_text` makes the question safe to show
    on the platform (escaping); the question is shortened first."""
    if answer.what_happened is not None:
        return what_happened_intro(answer.what_happened, all_shown=False)
    if answer.follows is None and answer.outlets:
        return OUTLETS_INTRO.format(outlets=_listed(answer.outlets))
    if answer.follows is None:
        speaker = answer.reading.speaker if answer.reading is not None else None
        return ANSWER_INTRO if speaker is None else SPEAKER_INTRO.format(name=user_text(speaker))
    earlier = user_text(shorten(answer.follows, FOLLOW_UP_QUESTION_CHARS))
    if answer.outlets:
        return FOLLOW_UP_OUTLETS_INTRO.format(question=earlier, outlets=_listed(answer.outlets))
    return FOLLOW_UP_INTRO.format(question=earlier)


def _listed(names: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def closest_intro(answer: Answer) -> str:
    """The line before the closest passages of a declined answer, marking them as not answering."""
    if answer.reading is not None and answer.reading.speaker is not None:
        return SPEAKER_CLOSEST_INTRO
    return NEAR_MISS_CLOSEST_INTRO if answer.near_miss else CLOSEST_INTRO


# The commands and their help lines are declared in bot/command_table; this is what surrounds them.
# The topic, the example questions and names come from knowledge/bot.yaml (bot.knowledge.profile).
HELP_INTRO = (
    "I answer questions about {topic} with verbatim quotes from news articles, each with its source. "
    "I never write claims of my own; when the articles don't cover a question, I say so."
)
NOT_ALLOWED = "Only the bot's admins can use /{command}."
HELP_EXAMPLES_INTRO = "For example:"
# Retrieval matches the articles' words; everyday rewording is what it finds hardest (README, Quality).
HELP_TIP = "Tip: name the people, places and events{names}: I match the articles' own words."


def help_intro(profile: BotProfile) -> str:
    return HELP_INTRO.format(topic=profile.topic)


def help_tip(profile: BotProfile) -> str:
    return HELP_TIP.format(names=f" ({', '.join(profile.example_names)})" if profile.example_names else "")


def terminal_greeting(profile: BotProfile) -> str:
    return TERMINAL_GREETING.format(topic=profile.topic)


# --- Timeline ---
NOT_A_DAY = "{value!r} is not a day: use YYYY-MM-DD, for example 2019-02-28"
# A date typed as the command's words ("/timeline 2019-13") or in an option's box: named as typed.
TIMELINE_BAD_DATE = "{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD, for example 2018-06."
# One given with a command-line flag (`--from 2019-13`): the flag is what the user typed.
TIMELINE_BAD_FLAG_DATE = "{option} {problem}"


def small_talk_reply(said: list[str]) -> str:
    """The reply to words said to the bot rather than asked of the articles (their words()): thanks
    are welcomed, a farewell is answered with one, a greeting with "Hello!" and what the bot does,
    anything else ("ok", "of course") with what the bot does."""
    thanked = bool(THANKS.intersection(said))
    if takes_leave(said):
        return SMALL_TALK_THANKS_FAREWELL if thanked else SMALL_TALK_FAREWELL
    if thanked:
        return SMALL_TALK_THANKS
    return SMALL_TALK if SALUTATIONS.intersection(said) or GREETINGS.intersection(said) else SMALL_TALK_ABOUT


def timeline_bad_date(value: str) -> str:
    """Why a typed timeline date is none: the calendar's reason when it is written right
    ("'2019-02-30' is not a day of the calendar: February 2019 has 28 days"), else the forms to use."""
    reason = not_a_calendar_day(value)
    return f"{reason}." if reason else TIMELINE_BAD_DATE.format(value=value)


def timeline_dates_swapped(read_as: tuple[str, str]) -> str:
    """The line before a timeline whose dates were typed the later first ("/timeline 2019 2018")."""
    first, last = read_as
    return f"The later date came first, so I read the dates as {first} to {last}."


def timeline_intro(count: int, topic: str | None = None, announced: int = 0) -> str:
    about = f" about {topic!r}" if topic else ""
    then = f", then {announced} announced" if announced else ""
    return f"{count} dated event{'s' if count != 1 else ''}{about}{then}, oldest first, each with the quote that backs it:"


TIMELINE_ANNOUNCED_HEADING = "Announced: plans, deadlines and promises not yet carried out when reported, by the date they name:"


def timeline_announced(date_label: str) -> str:
    """An announced event's date as front ends that list it among the events show it."""
    return f"Announced for {date_label}"


def timeline_empty(topic: str | None = None, outside_dates: int = 0) -> str:
    """`outside_dates`: events on the topic that the dates asked for left out ("pompeo 2019" when
    Pompeo's event is in 2018): saying only "none match 'pompeo'" would read as none at all."""
    if topic and outside_dates:
        events = f"{outside_dates} dated event about it falls" if outside_dates == 1 else f"{outside_dates} dated events about it fall"
        return f"No dated events in the articles match {topic!r} in those dates; {events} outside them (ask without the dates to see them)."
    if topic:
        return f"No dated events in the articles match {topic!r}."
    return "No dated events in the articles for those dates."


TIMELINE_NONE = "No dated events in the articles match that."


def timeline_other_date(date_label: str) -> str:
    return f"Another source dates this {date_label}:"


# --- Discord ---
DISCORD_TOKEN_PURPOSE = "the bot token from the Discord Developer Portal (Bot tab) is needed to log in to Discord"
DISCORD_TOKEN_REJECTED = "Discord rejected DISCORD_TOKEN (401 Unauthorized); copy a fresh token from the Developer Portal's Bot tab."
DISCORD_NOT_ALLOWED = "Only members with the Manage Server permission can use /{command}."
DISCORD_NO_ARTICLE = "No article matches {text!r}. Try /sources with no argument for the list."
DISCORD_CONTEXT_TITLE = "Around the quote"
DISCORD_TIMELINE_TITLE = "Timeline"
DISCORD_PAGE = "Page {page} of {pages}"
DISCORD_PREVIOUS = "Previous"
DISCORD_NEXT = "Next"
DISCORD_MORE_ARTICLES = "…and {count} more; /sources TITLE shows one."
DISCORD_APPROXIMATE = "approximate date"
DISCORD_ADMIN_ONLY = "members with Manage Server only"
DISCORD_HELP_MENTION = "Mention me with a question, or DM me. I answer in a thread; reply there to follow up, no mention needed."


# --- Maintenance ---
# The reload report's own wording lives in ReloadReport.summary (bot/knowledge/store.py), so the
# log line and every front end's /reload reply are the same sentence.
UNANSWERED_NONE = "No declined questions logged{since} in {path}."
UNANSWERED_NO_LOG = "No unanswered-questions log at {path} yet: nothing has been declined (BOT_UNANSWERED_LOG sets where it goes)."
UNANSWERED_SKIPPED = "({count} unreadable line{s} skipped.)"
# One row for the questions most of whose words no article uses, nor English (bot.unanswered.report).
UNANSWERED_OTHER_LANGUAGE = "(questions in another language?: most of their words are in no article, their words not listed)"
UNANSWERED_ABSENT_WORDS = (
    "Words these questions use that no article does, by how many questions used them. One the articles say\n"
    "differently is an alias to add (README, Aliases); one for a thing they never mention, an article to add:"
)
UNANSWERED_NO_KNOWLEDGE = "(Words no article uses are not listed: the knowledge folder could not be read: {reason})"
UNANSWERED_NO_ARTICLES = "(Words no article uses are not listed: the knowledge folder has no articles.)"
FEEDBACK_RATED_HEADING = (
    "Answers readers voted on, most 👎 first (each voter's last vote counts; near-identical questions folded):"
)
FEEDBACK_NO_VOTES = "No votes logged{since} in {path} (BOT_FEEDBACK_LOG sets where they go)."
FEEDBACK_UNRATED_HEADING = "Asked most often with no vote on any answer they got:"
FEEDBACK_NO_UNRATED = "No unvoted questions logged{since} in {path} (BOT_ASKED_LOG sets where they go)."
FEEDBACK_QUOTE_GONE = "(no longer in the articles)"
FEEDBACK_NO_QUOTES = "(no quotes: the answer said the articles do not cover it)"
IMPORT_EXISTS = "An article with id {id!r} already exists ({path}); pass --replace to overwrite it, or --id to choose another id."
IMPORT_SAME_STORY = "{path} already holds this story ({what}) as id {id!r}; pass --replace to replace it with this import."
IMPORT_REPLACED = "Removed {path} (id {id!r}, {what}): the new file replaces it."
IMPORT_OVERWROTE = "Replaced the article that was in {path} (id {id!r})."
IMPORT_CHANGES = "  What changed (- before, + now):"
IMPORT_CHANGED_LINE = "    {line}"
IMPORT_MORE_CHANGES = "    … and {count:,} more changed line{s}."
IMPORT_UNCHANGED = "  Its text and fields were the same as now."
IMPORT_UNREADABLE = "Cannot read {path}: {reason}."
IMPORT_NO_BODY = "Found no article text in {path}; is it a saved article page or a plain-text article?"
IMPORT_WROTE = "Wrote {path} ({characters:,} characters of article text)."
IMPORT_CHECK_FAILED = "The written file does not pass the checks; fix these lines (python -m bot check shows them too):"
IMPORT_LEFT_OUT = "  left out as page chrome: {line}"
IMPORT_CHROME_KEPT = "Kept as they are, though they look like page chrome (import again with --clean --replace to leave them out):"
IMPORT_KEPT_LINE = "  {line}"
# Said of the new file alone (the folder's other problems are `check`'s to list), and true whether
# or not a bot is running: the import cannot tell.
IMPORT_OK = (
    "The new file passes the checks (python -m bot check checks the whole folder). A bot serving this folder"
    " picks it up within a few seconds; one started later reads it at start."
)


def import_missing_required(missing: list[tuple[str, str]]) -> str:
    """Nothing is written when a required field is unknown: the page did not carry it."""
    lines = [f"{field} is missing: pass {flag}" for field, flag in missing]
    return "Nothing was written; the page does not say:\n" + "\n".join(f"  {line}" for line in lines)


def import_missing_optional(missing: list[tuple[str, str]]) -> str:
    return "Still missing (optional, quoted in sources when present):\n" + "\n".join(
        f"  {field} is missing: pass {flag}" for field, flag in missing
    )


# --- Slack ---
# Sentences only the Slack front end shows (slash commands, threads, buttons, startup errors).
SLACK_PRIVATE_WORD = "private"
SLACK_ADMIN_ONLY = "the bot's admins only"
SLACK_HELP_PRIVATE = (
    "Add the word `private` at the start or end of a command (`/ask private QUESTION`) "
    "and only you will see the answer."
)
SLACK_HELP_THREADS = (
    "You can also mention me in a channel or message me directly: I answer in a thread, and you can "
    "ask follow-up questions in that thread without mentioning me again."
)
SLACK_CONTEXT_INTRO = "More of the same article around that quote:"
SLACK_TIMELINE_MORE_BUTTON = "More events"
SLACK_TIMELINE_APPROXIMATE = "about"
SLACK_NO_SUCH_ARTICLE = "No article matches {text}."
SLACK_LIST_TRUNCATED = "…and {count} more."
SLACK_BOT_TOKEN_PURPOSE = "the Bot User OAuth Token (xoxb-…) from the Slack app's OAuth & Permissions page"
SLACK_SIGNING_SECRET_PURPOSE = (
    "HTTP mode needs the app's signing secret to verify requests come from Slack "
    "(or set SLACK_APP_TOKEN to use Socket Mode)"
)


def slack_timeline_heading(first: int, last: int, total: int) -> str:
    return f"Events, oldest first ({first}–{last} of {total}):"


# --- How a question was read (`ask --explain`, for maintainers) ---
READING_INTRO = "How I read the question (coverage {coverage:.2f}; an answer needs {needed:.2f}):"
READING_SIMILARITY = "  meaning: the best sentence's similarity to the question is {similarity:.2f} (alone it answers from {needed:.2f}; words alone need at least {trap:.2f})"
READING_NO_MODEL = "  meaning: the sentence-embedding model is not loaded, so words alone decide"
# When the answer check's fitted model decided, it is what the first line names: the coverage and
# similarity thresholds did not apply ("coverage 0.19; an answer needs 0.45" over an answer misled).
READING_INTRO_MODEL = (
    "How I read the question (the answer check's fitted model decided: it gives {probability:.2f} that the articles"
    " answer it, and answers from {needed:.2f}):"
)
READING_INTRO_FLOOR = (
    "How I read the question (too little to answer from: the best passage holds {coverage:.2f} of its weight, under"
    " {floor_coverage:.2f}, and the best sentence's similarity to the question is {similarity:.2f}, under"
    " {floor_similarity:.2f}, so it is declined whatever the fitted model gives):"
)
READING_MODEL_INPUTS = (
    "  it weighs the coverage {coverage:.2f} (the share of the question's weight the best passage holds), the meaning"
    " {similarity:.2f} (the best sentence's similarity to the question), how strongly the words matched, how far the"
    " best sentence leads, and words no article uses"
)
READING_EXPECTED = "  expects {kind} in the answering sentence"
READING_NO_TYPED_ANSWER = "  no sentence among those found holds {kind}, so it was declined whatever the coverage"
READING_AFTER_ARTICLES = "Asks about {asked}, after the newest article ({newest}): declined, as no article can report it"
def reading_speaker(name: str, *, quoted: bool, on_topic: bool) -> str:
    """--explain's line for a what-did-X-say question (bot.speaker_words)."""
    if not quoted:
        return f"  asks for the words of {name!r}: the articles quote or report none, so declined"
    if not on_topic:
        return f"  asks for the words of {name!r}: none of theirs holds the rest of the question, so declined"
    return f"  asks for the words of {name!r}: answered from their quotations and reported speech alone"


READING_SPEAKER_LACKS = "  no paragraph of their words holds {words} (nor an alias or synonym)"
READING_SPEAKER_MEANING = "  meaning: their closest words' similarity to what is asked of them is {similarity:.2f} (it answers from {needed:.2f})"
READING_SPEAKER_NO_MEANING = "  meaning: not weighed (the model is not loaded, or the topic names a thing no article mentions)"
READING_SPEAKER_NO_KIND = "  none of their words holds the kind of answer expected"
READING_UNKNOWN_NAME = "  asks about {name!r}, whom or which no article names (nor an alias): declined, so no quote about someone or something else passes for an answer"
READING_CORRECTED = "  read {typed!r} as {read!r}"
# A plain decline (bot.plain_decline): why no passage was shown, then the passages withheld.
READING_PLAIN_DECLINE = (
    "  declined plainly, with no passage shown: {unsaid:.0%} of the weight of what it asks besides its names is words"
    " no article says (from {needed_unsaid:.0%}), the question without its names has a cosine of {similarity:.2f}"
    " with the best sentence (under {needed_similarity:.2f}; the meaning above is the whole question's), and {names}"
)
READING_PLAIN_NO_NAMES = "the best passage holds none of its names"
READING_PLAIN_NAMES = "the names the best passage holds ({names}) are each in more than {shown} passage{s}"
READING_WITHHELD = "  the closest passages, withheld:"
READING_NAMED = "  names the source {ids}: its passages are lifted"
READING_HEADER = "  weight  found  concept"
READING_NO_CONCEPTS = "  no words to look for: every word is a stop word or phrasing"
READING_ABSENT_HINT = (
    "A word no article uses is found only through a synonym or an alias: to bridge it, add it to the group of the\n"
    "articles' word for the same thing in knowledge/aliases.yaml (see README, Aliases)."
)
EXPECTED_KINDS = MappingProxyType({
    "number": "a number",
    "amount": "an amount",
    "duration": "a duration",
    "age": "an age",
    "person": "a person's name",
    "place": "a place",
    "date": "a date",
    "year": "a year",
    "day": "a day",
})


def reading_concept(said: str, group: str | None, weight: float, credit: float, synonym: str | None, in_articles: bool) -> str:
    found = "yes" if credit >= 1.0 else f"{credit:.2f}" if credit > 0 else "no"
    notes = []
    if group is not None:
        notes.append(f"alias group {group!r}")
    if synonym is not None:
        notes.append(f"through the synonym {synonym!r}")
    if not in_articles:
        notes.append("no article uses it")
    note = f" ({'; '.join(notes)})" if notes else ""
    return f"  {weight:6.2f}  {found:5s}  {said}{note}"


def slack_app_token_refused(error: str) -> str:
    return (
        f"Slack refused SLACK_APP_TOKEN when opening a Socket Mode connection ({error}); use an app-level token "
        "(xapp-…) with the connections:write scope, from the app's Basic Information page."
    )


def slack_bot_token_refused(error: str) -> str:
    return (
        f"Slack refused SLACK_BOT_TOKEN when the bot checked it with auth.test ({error}); copy the Bot User OAuth Token "
        "(xoxb-…) from the app's OAuth & Permissions page (install the app to the workspace first)."
    )


SLACK_BOT_TOKEN_UNCHECKED = "SLACK_BOT_TOKEN not checked: Slack's auth.test could not be reached at start (the first request checks it)"


def slack_manifest_placeholder(placeholder: str) -> str:
    return (
        f"note: the manifest's request URLs are the placeholder {placeholder}; replace them with the bot's public address, "
        "or make it again with --url https://YOUR-ADDRESS (HTTP mode) or --socket-mode."
    )


def port_in_use(variable: str, port: int) -> str:
    return f"{variable}={port}: port {port} is already in use by another program; stop it or set {variable} to a free port."


def port_not_permitted(variable: str, port: int) -> str:
    return f"{variable}={port}: this user may not listen on port {port} (ports below 1024 need privileges); set {variable} to 1024 or above."


def address_unknown(variable: str, host: str) -> str:
    return f"{variable}={host!r} is not a known host name or address; set it to an address of this machine, such as 0.0.0.0 (every address) or 127.0.0.1."


def address_not_here(variable: str, host: str) -> str:
    return f"{variable}={host!r} is not an address of this machine; set it to one of its addresses, such as 0.0.0.0 (every address) or 127.0.0.1."


def cannot_listen(host_variable: str, port_variable: str, host: str, port: int, reason: str) -> str:
    return f"Cannot listen on {host}:{port} ({reason}); check {host_variable} and {port_variable}."


def discord_unreachable(api_base: str, error: str) -> str:
    return f"Discord could not be reached at {api_base} ({error}); check the network, or DISCORD_API_BASE if it is set."


def discord_gateway_unreachable(error: str) -> str:
    return f"Discord's gateway could not be reached ({error}); check the network and that outgoing websockets (wss, port 443) are allowed."


# --- Who said what (/said) and the outlets side by side (/compare) ---
SAID_NO_SPEAKERS = "No one is quoted in the articles (no quotation with a named speaker)."
SAID_SPEAKERS_INTRO = "Who is quoted in the articles (people and organisations), most quoted first ({said} NAME shows what one said):"
SAID_AMBIGUOUS = "{name!r} could be any of these speakers; give more of the name:"
SAID_UNKNOWN = "No one called {name!r} is quoted in the articles. The closest names:"
SAID_UNKNOWN_NONE_CLOSE = "No one called {name!r} is quoted in the articles, and no one quoted has a name like it. {said} alone lists everyone quoted."
COMPARE_EMPTY = "Please give a topic to compare (a question works): {compare} TOPIC."
COMPARE_NOTHING = "nothing on this"
COMPARE_NONE_COVER = "None of the outlets has anything on this, so I won't guess."
COMPARE_NOTHING_TITLE = "Nothing on this"
SAID_MORE = "…and {count} more."
COMPARE_MORE_OUTLETS = "…and {count} more outlets with quotes on this (too many to show side by side)."


def compare_no_article_from(names: tuple[str, ...]) -> str:
    """The outlets a /compare topic names that no article is from: "No article here is from Reuters, nor names it."."""
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    return f"No article here is from {listed}, nor names {'it' if len(names) == 1 else 'them'}."


def said_count(count: int) -> str:
    return f"{count} quotation{'s' if count != 1 else ''}"


def said_intro(name: str, role: str | None, count: int) -> str:
    who = f"{name} ({role})" if role else name
    return f"{who}: {said_count(count)} in the articles, oldest first:"


def said_also_fitting(others: Sequence[tuple[str, int]], way: WayToAsk) -> str:
    """The line under a speaker's heading naming the others the name asked for fits ("kim": the
    alias group's Kim Jong Un shown, Kim Yong Chol quoted too), most quoted first."""
    shown = [speaker_line(name, count) for name, count in others[:SAID_ALSO_NAMED]]
    more = f" and {len(others) - SAID_ALSO_NAMED} more" if len(others) > SAID_ALSO_NAMED else ""
    return SAID_ALSO_FITTING.format(others=", ".join(shown) + more, said=way.said)


def said_notes(lookup: SpeakerLookup, way: WayToAsk) -> list[str]:
    """The lines every front end shows under a speaker's heading: the topic /said leaves to a
    question, and the others the name fits, each in the front end's own way of asking."""
    notes = []
    if lookup.speaker is not None and lookup.topic:
        notes.append(said_topic_left_out(lookup.speaker.name, lookup.topic, way))
    if lookup.also_fitting:
        notes.append(said_also_fitting([(s.name, s.count) for s in lookup.also_fitting], way))
    return notes


def said_topic_left_out(name: str, topic: str, way: WayToAsk) -> str:
    """The line under a speaker's heading when /said was given a topic after the name."""
    question = way.question.format(question=f"what did {name} say about {shorten(topic, 100)}?")
    return SAID_TOPIC_LEFT_OUT.format(said=way.said, topic=shorten(topic, 100), name=name, question=question)


SAID_TOPIC_LEFT_OUT = "{said} lists everything a person is quoted as saying; for {name} on {topic!r}, ask: {question}"
SAID_ALSO_NAMED = 10  # a line's worth: a surname a dozen people share is better asked in full
SAID_ALSO_FITTING = "Others of that name are quoted too: {others}. {said} with more of the name shows theirs."


def said_no_candidates(name: str | None, way: WayToAsk) -> str:
    """What /said says when it has no one to list: no one quoted at all, or no name like the one asked for."""
    return SAID_UNKNOWN_NONE_CLOSE.format(name=shorten(name, 100), said=way.said) if name else SAID_NO_SPEAKERS


def said_candidates_intro(name: str | None, ambiguous: bool, way: WayToAsk) -> str:
    """The line before a list of speakers: everyone (no name), the ones a name fits, or the closest."""
    if not name:
        return SAID_SPEAKERS_INTRO.format(said=way.said)
    return (SAID_AMBIGUOUS if ambiguous else SAID_UNKNOWN).format(name=shorten(name, 100))


def compare_empty(way: WayToAsk = IN_CHAT) -> str:
    return COMPARE_EMPTY.format(compare=way.command("compare"))


def compare_declined(topic: str, declined: Declined, way: WayToAsk = IN_CHAT) -> str:
    """Why a topic was not compared: the empty topic's sentence, else a declined question's."""
    if declined is Declined.EMPTY:
        return compare_empty(way)
    return decline_message(Answer(topic, declined=declined), way=way)


def speaker_line(name: str, count: int) -> str:
    return f"{name} ({count})"


def compare_intro(topic: str) -> str:
    return f"How the outlets cover {topic!r}, each from its own articles:"


def outlet_nothing(publisher: str) -> str:
    return f"{publisher}: {COMPARE_NOTHING}."


def dated_differently(title: str, readings: list[tuple[str, list[str]]]) -> str:
    """“The Hanoi summit ends without a deal” is dated differently: WIRED February 28, 2019; Vox February 27, 2019."""
    dates = "; ".join(f"{', '.join(publishers)} {label}" for label, publishers in readings)
    return f"The sources date “{title}” differently: {dates}."
