"""Running the command line two ways: `bot.cli.main(argv)` in this process, and `python -m bot`
as a real subprocess, the way users and scripts run it.

In-process runs are for what the command does (its output and exit code); they cost a knowledge
build rather than a new interpreter. A few tests keep the subprocess for what only a real process
shows: the installed entry point, real stdin and stdout, signals.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from unittest import mock

from bot.cli import main
from tests.patience import WAIT_SECONDS


@dataclass(frozen=True)
class Ran:
    """What a run of the command line left: its exit code and everything it wrote."""

    returncode: int
    stdout: str
    stderr: str  # what the command printed there and the log lines, as a terminal shows both


def run_bot(*args: str, stdin: str | bytes | None = None, env: dict[str, str] | None = None) -> Ran:
    """`python -m bot ARGS`, run as `main(ARGS)` here: stdin, stdout, stderr, log and exit code."""
    raw = stdin.encode("utf-8") if isinstance(stdin, str) else (stdin or b"")
    # A byte stream under a text layer, like the real sys.stdin (the chat reconfigures its errors).
    fake_stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    stdout, stderr = io.StringIO(), io.StringIO()
    with _environment(env or {}), _log_to(stderr), mock.patch.object(sys, "stdin", fake_stdin):
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = main(list(args))
            except SystemExit as exit_:  # argparse: --version, --help, a usage error
                code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
    return Ran(code, stdout.getvalue(), stderr.getvalue())


def run_bot_process(*args: str, stdin: str | None = None, timeout: float = WAIT_SECONDS, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` in a new interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


@contextlib.contextmanager
def _environment(variables: dict[str, str]) -> Iterator[None]:
    with mock.patch.dict(os.environ, variables):
        yield


@contextlib.contextmanager
def _log_to(stream: io.StringIO) -> Iterator[None]:
    """Log lines go to the run's stderr, as `load_settings` sends them for a command in a real process
    (under pytest the root logger already has handlers, so its basicConfig adds none)."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)


def _interrupt_as_in_a_shell() -> None:
    """A shell starts a program with Ctrl-C's SIGINT at its default; a test process may have it
    ignored (an earlier test in the same pytest worker can leave it so), and an ignored SIGINT is
    inherited, which made the Ctrl-C test hang in the full suite while passing alone."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Terminal:
    """A program run at a real terminal (a pty): what it has put on the screen, and typing."""

    def __init__(self, argv: list[str]) -> None:
        self._main_fd, terminal_fd = pty.openpty()
        self.process = subprocess.Popen(
            argv, stdin=terminal_fd, stdout=terminal_fd, stderr=terminal_fd, close_fds=True, preexec_fn=_interrupt_as_in_a_shell
        )
        os.close(terminal_fd)
        self.screen = b""

    def read_until(self, marker: bytes, seconds: float = WAIT_SECONDS) -> None:
        """Read the screen until `marker` is on it; fail, showing the screen, after `seconds`."""
        deadline = time.monotonic() + seconds
        while marker not in self.screen and time.monotonic() < deadline and self._read_some():
            pass
        assert marker in self.screen, self.screen.decode(errors="replace")

    def read_to_the_end(self, seconds: float = 10) -> None:
        """Read the screen until the program has closed the terminal (or `seconds` pass)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self._read_some():
            pass

    def _read_some(self) -> bool:
        """Add what is on the terminal now (waiting a moment for it); False once it is closed."""
        if select.select([self._main_fd], [], [], 0.2)[0]:
            try:
                chunk = os.read(self._main_fd, 65536)
            except OSError:  # EIO: every program on the terminal has ended
                return False
            self.screen += chunk
            return bool(chunk)
        return True

    def type(self, keys: bytes) -> None:
        os.write(self._main_fd, keys)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self._main_fd)


@contextlib.contextmanager
def at_a_terminal(argv: list[str]) -> Iterator[Terminal]:
    terminal = Terminal(argv)
    try:
        yield terminal
    finally:
        terminal.close()
