"""The one table of chat commands: every front end offers what is declared here, and only that.

A command is a `Command` (name, options, handler, help, admin-only, platforms) in a module of
this package, listed in COMMANDS below. Front ends turn their input into a `Call`
(`call_from_text` for typed `/name text`; Discord builds one from its typed options), `run` it,
and render the result object with their renderer for its type (README, Development).
"""

from __future__ import annotations

from typing import Any

from bot.command_table import ask, compare, quit, rate, reload, said, sources, timeline
from bot.command_table.model import (
    Call,
    Command,
    HelpEntry,
    HelpList,
    BadValue,
    NotAllowed,
    Platform,
    Refusal,
    UnknownCommand,
)
from bot.knowledge.profile import BotProfile
from bot.knowledge.store import KnowledgeStore


def _help(store: KnowledgeStore, call: Call) -> HelpList:
    return help_list(call.platform, store.current.profile)


HELP = Command(name="help", description="What I can do and how to ask.", help="Show this help.", handler=_help, private=True)

# In the order /help lists them.
COMMANDS: tuple[Command, ...] = (
    ask.COMMAND,
    timeline.COMMAND,
    said.COMMAND,
    compare.COMMAND,
    sources.COMMAND,
    HELP,
    reload.COMMAND,
    rate.GOOD,
    rate.BAD,
    quit.COMMAND,
)


def for_platform(platform: Platform) -> tuple[Command, ...]:
    return tuple(c for c in COMMANDS if platform in c.platforms)


def named(name: str, platform: Platform) -> Command | None:
    wanted = name.lower().lstrip("/")
    return next((c for c in for_platform(platform) if c.name == wanted), None)


def help_list(platform: Platform, about: BotProfile | None = None) -> HelpList:
    entries = tuple(HelpEntry(c.usage(), c.help_line(), c.admin_only) for c in for_platform(platform))
    return HelpList(entries, about or BotProfile())


def call_from_text(text: str, platform: Platform, **about_the_caller: Any) -> Call | UnknownCommand:
    """`/timeline hanoi 2019` -> timeline with its options; text without a leading `/` is a question.
    `about_the_caller`: the other fields of Call (admin, user, earlier_questions, last_answer)."""
    stripped = text.strip()
    if stripped.startswith("/"):
        name, _, argument = stripped[1:].partition(" ")
    else:
        name, argument = "ask", stripped
    command = named(name, platform)
    if command is None:
        return UnknownCommand("/" + name)
    return Call(command, command.values_from_text(argument), platform, **about_the_caller)


def refusal(call: Call) -> Refusal | None:
    """Why the call may not run (not an admin, a bad option value), or None; cheap, so a front end
    can answer at once before telling the platform to wait for a slow command."""
    command = call.command
    if command.admin_only and not call.admin:
        return NotAllowed(command.name)
    for option in command.options:
        value = call.values.get(option.name)
        if value and option.check is not None and (problem := option.check(option.name, value)) is not None:
            return BadValue(option.name, value, problem)
    return None


def run(store: KnowledgeStore, call: Call) -> object:
    """The command's result, or the refusal; the one path every front end's calls take."""
    return refusal(call) or call.command.handler(store, call)


def is_private(call: Call, result: object) -> bool:
    """Whether only the caller should see the reply: private commands and every refusal."""
    return call.command.private or isinstance(result, Refusal)
