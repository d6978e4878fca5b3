"""What a command is (name, options, handler, help, who may run it, where) and what a call carries.

Front ends never decide what a command does: they turn their platform's input into a `Call`,
run it through `bot.command_table.run`, and render the result object it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from bot.answers import Answer, clean_question
from bot.knowledge.profile import BotProfile
from bot.knowledge.store import KnowledgeStore

Platform = Literal["terminal", "discord", "slack"]
ALL_PLATFORMS: frozenset[Platform] = frozenset({"terminal", "discord", "slack"})
DESCRIPTION_LIMIT = 100  # Discord's limit for a command's or an option's description


@dataclass(frozen=True, slots=True)
class Option:
    """One value a command takes, as text (a command's `check` and handler read it further).
    Discord shows `name` and `description` in its slash-command box; /help shows the name in the
    usage line; typed text (terminal, Slack) is split into options by the command's `from_text`."""

    name: str
    description: str
    required: bool = False
    min_length: int = 1
    # The longest value Discord's slash-command box accepts; typed text is not cut to it.
    max_length: int = 2000
    # The problem with a value, as one sentence, or None when it is fine; runs before the handler.
    check: Callable[[str, str], str | None] | None = None
    # Values to offer as the user types (label, value); Discord shows them as autocomplete.
    suggest: Callable[[KnowledgeStore, str], list[tuple[str, str]]] | None = None

    def usage(self) -> str:
        return self.name.upper() if self.required else f"[{self.name.upper()}]"


Values = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Call:
    """One use of a command: the option values given (by option name) and who gave them."""

    command: Command
    values: Values
    platform: Platform
    admin: bool = False  # decided by the front end: Manage Server on Discord, SLACK_ADMIN_USER_IDS on Slack
    earlier_questions: tuple[str, ...] = ()  # a thread's (or the chat's) earlier questions, for follow-ups
    user: str = ""  # the caller's id on the platform; only ever logged as a salted hash (bot.feedback)
    last_answer: Answer | None = None  # the answer the conversation showed last (the terminal's /good, /bad)

    def text(self, option: str) -> str:
        """The option's value as the command reads it: as typed, less what is not words (chat
        mentions, terminal codes: bot.answers.clean_question), whichever platform it came from."""
        return clean_question(self.values.get(option) or "")


Handler = Callable[[KnowledgeStore, Call], object]


def whole_text(options: tuple[Option, ...]) -> Callable[[str], dict[str, str]]:
    """The usual way typed text fills options: all of it is the first option's value."""

    def split(text: str) -> dict[str, str]:
        text = text.strip()
        return {options[0].name: text} if options and text else {}

    return split


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    description: str  # one line of at most DESCRIPTION_LIMIT characters: Discord's description
    handler: Handler
    options: tuple[Option, ...] = ()
    help: str = ""  # the /help line when it says more than the description
    # How `/name TEXT` (terminal, Slack) fills the options; default: all of TEXT is the first one.
    from_text: Callable[[str], dict[str, str]] | None = None
    admin_only: bool = False  # checked on the server for every call, whatever the platform shows
    private: bool = False  # the reply is shown only to the caller (ephemeral)
    slow: bool = False  # may take seconds: Discord is told to wait, and it runs off the event loop
    # May take minutes (/reload of a large new article): the terminal's prompt runs it beside the
    # chat and shows its reply when done, answering questions meanwhile.
    beside_the_chat: bool = False
    platforms: frozenset[Platform] = field(default=ALL_PLATFORMS)

    def __post_init__(self) -> None:
        too_long = [t for t in (self.description, *(o.description for o in self.options)) if len(t) > DESCRIPTION_LIMIT]
        if too_long:
            raise ValueError(f"command {self.name!r}: descriptions over {DESCRIPTION_LIMIT} characters: {too_long}")

    def usage(self) -> str:
        return " ".join(["/" + self.name, *(o.usage() for o in self.options)])

    def help_line(self) -> str:
        return self.help or self.description

    def values_from_text(self, text: str) -> dict[str, str]:
        return (self.from_text or whole_text(self.options))(text)


# --- results every platform renders, whatever the command ---


class Refusal:
    """A call that was not run; always shown only to the caller."""


@dataclass(frozen=True, slots=True)
class NotAllowed(Refusal):
    command: str


@dataclass(frozen=True, slots=True)
class BadValue(Refusal):
    option: str
    value: str
    problem: str  # one sentence naming the option and the value


@dataclass(frozen=True, slots=True)
class UnknownCommand(Refusal):
    name: str


@dataclass(frozen=True, slots=True)
class HelpEntry:
    usage: str
    text: str
    admin_only: bool


@dataclass(frozen=True, slots=True)
class HelpList:
    entries: tuple[HelpEntry, ...]
    about: BotProfile = field(default_factory=BotProfile)  # the topic and examples (knowledge/bot.yaml)


@dataclass(frozen=True, slots=True)
class Leave:
    """The terminal chat ends."""
