"""Log records as operators want them: tracebacks kept out of expected failures."""

from __future__ import annotations

import logging


class OneLine(logging.Filter):
    """Drops a record's traceback, keeping its message (which already names the error).

    For a library's logger whose expected failures (a network that is down) are logged with
    `logger.exception`: one line per failure is what an operator can read.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True


def one_line_logger(name: str) -> logging.Logger:
    """A logger under `name` whose records never carry a traceback."""
    logger = logging.getLogger(name)
    if not any(isinstance(f, OneLine) for f in logger.filters):
        logger.addFilter(OneLine())
    return logger
