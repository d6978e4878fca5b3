"""Running `python -m bot` as a real subprocess, the way users and scripts run it."""

from __future__ import annotations

import os
import subprocess
import sys


def run_bot(*args: str, stdin: str | None = None, timeout: float = 60, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
