"""Readiness as a registry of named checks, so any component can say whether it is ready to answer.

A check is a function of no arguments that returns None when its part is ready, or a short reason
when it is not ("loading", "not connected"). The knowledge store and each front end register
theirs; another component (a model loaded in the background, say) registers its own the same way:

    from bot.service.readiness import readiness
    readiness.register("sentence model", lambda: None if model.loaded else "loading")

A part left out on purpose (the bot answering on words alone because the model's package is not
installed) is ready, but says why: its check returns `ReadyWithNote("...")`, shown as "ready: ...".

`GET /readyz` answers 200 only when every registered check says ready.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)

READY = "ready"


@dataclass(frozen=True)
class ReadyWithNote:
    """Ready, with something an operator should see in /readyz (a part left out on purpose)."""

    note: str


Check = Callable[[], str | ReadyWithNote | None]


class Readiness:
    """Named checks; registering a name again replaces its check."""

    def __init__(self) -> None:
        self._checks: dict[str, Check] = {}
        self._lock = threading.Lock()  # checks may be registered from a loading thread

    def register(self, name: str, check: Check) -> None:
        with self._lock:
            self._checks[name] = check

    def unregister(self, name: str) -> None:
        with self._lock:
            self._checks.pop(name, None)

    def status(self) -> tuple[bool, dict[str, str]]:
        """Whether every check is ready, and each check's name with READY, "ready: note" or its reason.

        Each check runs once, so the verdict and the report cannot disagree."""
        with self._lock:
            checks = dict(self._checks)
        report: dict[str, str] = {}
        all_ready = True
        for name, check in sorted(checks.items()):
            try:
                state = check()
            except Exception as error:  # noqa: BLE001  (a broken check must not break the probe)
                logger.warning("readiness check %r failed: %s", name, type(error).__name__)
                state = f"check failed ({type(error).__name__})"
            if state is None:
                report[name] = READY
            elif isinstance(state, ReadyWithNote):
                report[name] = f"{READY}: {state.note}"
            else:
                report[name] = state
                all_ready = False
        return all_ready, report

    def report(self) -> dict[str, str]:
        """Each check's name and READY, "ready: note" or its reason; a check that raises is not ready."""
        return self.status()[1]

    def ready(self) -> bool:
        return self.status()[0]


readiness = Readiness()  # the process's registry
