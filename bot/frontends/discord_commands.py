"""Discord slash commands, built from bot.command_table: one translation serves every command.

Each table entry becomes an app command whose options come from the entry's options (typed,
described, length-checked, autocompleted where the entry suggests values). A call is checked
(admin, option values) before Discord is told to wait, run off the event loop when slow, and
rendered by `discord_replies`.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Any, Optional

import discord
from discord import app_commands

from bot import command_table
from bot.command_table.model import Call, Command, Option
from bot.frontends.discord_buttons import DYNAMIC_ITEMS, FRONTEND, NO_PINGS, answer_message, in_flight_of, report_error
from bot.frontends.discord_replies import reply
from bot.knowledge.store import KnowledgeStore

__all__ = ["DYNAMIC_ITEMS", "FRONTEND", "NO_PINGS", "TalksTree", "answer_message", "register"]

logger = logging.getLogger(__name__)



class TalksTree(app_commands.CommandTree[Any]):
    async def on_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
        await report_error(interaction, error.original if isinstance(error, app_commands.CommandInvokeError) else error)


def is_admin(interaction: discord.Interaction[Any]) -> bool:
    """Manage Server in a server. Checked for every call: default_permissions only hides a command,
    and a server admin can grant it to anyone."""
    return interaction.guild is not None and interaction.permissions.manage_guild


async def respond(interaction: discord.Interaction[Any], store: KnowledgeStore, call: Call) -> None:
    """Reply once: a refusal at once; a slow command deferred, run in a thread, then followed up."""
    refused = command_table.refusal(call)
    if refused is not None:
        await interaction.response.send_message(**reply(refused), ephemeral=True)
        return
    if call.command.slow:
        await interaction.response.defer(ephemeral=call.command.private, thinking=True)
        result = await asyncio.to_thread(command_table.run, store, call)
    else:
        result = command_table.run(store, call)
    ephemeral = command_table.is_private(call, result)
    if interaction.response.is_done():
        await interaction.followup.send(**reply(result), ephemeral=ephemeral)
    else:
        await interaction.response.send_message(**reply(result), ephemeral=ephemeral)


def _parameter(python_name: str, option: Option) -> inspect.Parameter:
    text: Any = app_commands.Range[str, option.min_length, option.max_length]
    if option.required:
        return inspect.Parameter(python_name, inspect.Parameter.KEYWORD_ONLY, annotation=text)
    return inspect.Parameter(python_name, inspect.Parameter.KEYWORD_ONLY, annotation=Optional[text], default=None)  # noqa: UP007 (a runtime object, not a type)


def slash_command(command: Command, store: KnowledgeStore) -> app_commands.Command[Any, ..., None]:
    # Python names for the options: Discord's may be keywords ("from"); renamed back below.
    by_python_name = {f"option_{number}": option for number, option in enumerate(command.options)}

    async def callback(interaction: discord.Interaction[Any], **given: str | None) -> None:
        values = {by_python_name[name].name: value for name, value in given.items() if value}
        async with in_flight_of(interaction).track():  # shutdown waits for it
            await respond(interaction, store, Call(command, values, FRONTEND, admin=is_admin(interaction)))

    # discord.py reads a command's options from its callback's signature, so give it one.
    first = inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction)
    callback.__signature__ = inspect.Signature([first, *(_parameter(n, o) for n, o in by_python_name.items())])  # type: ignore[attr-defined]
    callback.__discord_app_commands_param_description__ = {n: o.description for n, o in by_python_name.items()}  # type: ignore[attr-defined]
    callback.__discord_app_commands_param_rename__ = {n: o.name for n, o in by_python_name.items()}  # type: ignore[attr-defined]
    if command.admin_only:
        app_commands.default_permissions(manage_guild=True)(callback)
        app_commands.guild_only()(callback)
    slash: app_commands.Command[Any, ..., None] = app_commands.Command(name=command.name, description=command.description, callback=callback)
    for python_name, option in by_python_name.items():
        if option.suggest is not None:
            slash.autocomplete(python_name)(_suggestions(store, option))
    return slash


def _suggestions(store: KnowledgeStore, option: Option) -> Any:
    suggest = option.suggest
    assert suggest is not None

    async def choices(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=label, value=value) for label, value in suggest(store, current)]

    return choices


def register(tree: app_commands.CommandTree[Any], store: KnowledgeStore) -> None:
    """Adds every command the table offers on Discord to the tree."""
    for command in command_table.for_platform(FRONTEND):
        tree.add_command(slash_command(command, store))
