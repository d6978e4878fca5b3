"""Errors the core and front ends raise for the entry point to turn into one sentence and an exit code."""

from __future__ import annotations


class StartupError(Exception):
    """The bot cannot start: a setting is missing or rejected. The message is one sentence naming it."""
