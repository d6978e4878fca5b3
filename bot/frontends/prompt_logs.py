"""Log lines at an interactive chat keep the prompt whole.

At a terminal the log handler (standard error) and the chat (standard output) share one screen.
A line logged while the prompt waits for typing (the watcher's reload summary) used to land right
after "> ", and what the user typed next went on below it with no prompt. While the prompt shows,
each log line here starts on a fresh line and the prompt is shown again after it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from typing import TextIO


class PromptLine:
    """The chat's prompt, and whether the screen shows it waiting for typing now."""

    def __init__(self, stdout: TextIO, prompt: str) -> None:
        self._stdout = stdout
        self._prompt = prompt
        self._showing = False
        # Log lines come from the watcher and from reloads in worker threads, besides the chat's own.
        self._lock = threading.RLock()

    def show(self) -> None:
        with self._lock:
            print(self._prompt, end="", file=self._stdout, flush=True)
            self._showing = True

    def typed(self) -> None:
        """The user ended the line: what is printed next starts on a line of its own anyway."""
        with self._lock:
            self._showing = False

    def print_text(self, text: str) -> None:
        """Print a reply that comes while the prompt may be waiting (a /reload's report)."""
        with self._lock:
            if self._showing:
                print(file=self._stdout)
            print(text, file=self._stdout)
            print(file=self._stdout, flush=True)
            if self._showing:
                print(self._prompt, end="", file=self._stdout, flush=True)

    def print_around(self, write_line: logging.Handler, record: logging.LogRecord) -> None:
        with self._lock:
            if self._showing:
                print(file=self._stdout, flush=True)
            write_line.handle(record)
            if self._showing:
                print(self._prompt, end="", file=self._stdout, flush=True)


class _KeepsThePrompt(logging.Handler):
    """One of the root logger's handlers, writing around the prompt."""

    def __init__(self, inner: logging.Handler, prompt: PromptLine) -> None:
        super().__init__(inner.level)
        self.inner = inner
        self.prompt = prompt

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= self.inner.level and self.inner.filter(record):
            self.prompt.print_around(self.inner, record)


@contextlib.contextmanager
def logs_around(prompt: PromptLine) -> Iterator[None]:
    """While the chat runs, the root logger's handlers write around its prompt; restored after."""
    root = logging.getLogger()
    handlers = list(root.handlers)
    wrapped = [_KeepsThePrompt(handler, prompt) for handler in handlers]
    for handler, wrapper in zip(handlers, wrapped, strict=True):
        root.removeHandler(handler)
        root.addHandler(wrapper)
    try:
        yield
    finally:
        for handler, wrapper in zip(handlers, wrapped, strict=True):
            root.removeHandler(wrapper)
            root.addHandler(handler)
