"""Readiness as a registry of named checks, so any component can say whether it is ready to answer.

A check is a function of no arguments that returns None when its part is ready, or a short reason
when it is not ("loading", "not connected"). The knowledge store and each front end register
theirs; another component (a model loaded in the background, say) registers its own the same way:

    from bot.service.readiness import readiness
    readiness.register("sentence model", lambda: None if model.loaded else "loading")

`GET /readyz` answers 200 only when every registered check says ready.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

logger = logging.getLogger(__name__)

Check = Callable[[], str | None]
READY = "ready"


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

    def report(self) -> dict[str, str]:
        """Each check's name and READY or its reason; a check that raises is not ready."""
        with self._lock:
            checks = dict(self._checks)
        report: dict[str, str] = {}
        for name, check in sorted(checks.items()):
            try:
                reason = check()
            except Exception as error:  # noqa: BLE001  (a broken check must not break the probe)
                logger.warning("readiness check %r failed: %s", name, type(error).__name__)
                reason = f"check failed ({type(error).__name__})"
            report[name] = READY if reason is None else reason
        return report

    def ready(self) -> bool:
        return all(state == READY for state in self.report().values())


readiness = Readiness()  # the process's registry
