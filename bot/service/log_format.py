"""How log lines look: text for people, or one JSON object a line for log shippers (BOT_LOG_FORMAT).

Either way a line never carries a secret or a chat user's id. The code logs neither; as a net
under that rule, anything shaped like a Slack or Discord token, a Slack response_url (whoever
holds one can post in its channel), or a Slack user id, is masked in the finished line (Discord
user ids look like any other snowflake, so only code review keeps them out).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from typing import TextIO

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "[redacted]"
_SECRETS = re.compile(
    r"xox[a-z]-[A-Za-z0-9-]+"  # Slack bot, user and refresh tokens
    r"|xapp-[A-Za-z0-9-]+"  # Slack app-level tokens
    r"|https://hooks\.slack\.com/[A-Za-z0-9/_-]+"  # response_urls and incoming webhooks
    r"|[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}"  # Discord bot tokens
)
_SLACK_USER_ID = re.compile(r"(?<![A-Za-z0-9])[UW](?=[A-Z]*[0-9])[A-Z0-9]{8,11}(?![A-Za-z0-9])")


def masked(text: str) -> str:
    return _SLACK_USER_ID.sub(MASK, _SECRETS.sub(MASK, text))


class TextLines(logging.Formatter):
    def __init__(self) -> None:
        super().__init__(TEXT_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        return masked(super().format(record))


class JsonLines(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, and error (a traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, str] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": masked(record.getMessage()),
        }
        if record.exc_info:
            line["error"] = masked(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False)


_chosen: logging.Formatter = TextLines()
# At DEBUG these libraries log whole payloads: every gateway event and REST body (discord.py),
# every request and event body (slack_sdk, slack_bolt), with user ids, names and message text.
# A Discord user id is a bare number no mask can tell from any other, so BOT_LOG_LEVEL=DEBUG is
# for the bot's own code and these stay at INFO.
PAYLOAD_LOGGERS = ("discord", "slack_sdk", "slack_bolt")
# watchfiles logs "3 changes detected" at INFO on every burst; the bot's own reload line after it
# says what changed, so that line is only wanted when debugging (BOT_LOG_LEVEL=DEBUG).
REPEATING_LOGGERS = ("watchfiles",)


def configure(level: str, log_format: str, stream: TextIO) -> None:
    """The process's one log handler, on `stream`: standard output for a server, whose standard
    output nothing else uses; standard error for a command whose standard output is its result."""
    global _chosen
    _chosen = JsonLines() if log_format == "json" else TextLines()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(_chosen)
    chosen_level = getattr(logging, level.upper(), logging.INFO)
    # basicConfig leaves a root logger that already has handlers (a test runner's) alone.
    logging.basicConfig(level=chosen_level, handlers=[handler])
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(max(chosen_level, logging.INFO))
    for name in REPEATING_LOGGERS:
        logging.getLogger(name).setLevel(max(chosen_level, logging.WARNING))


def failure_line(sentence: str) -> str:
    """A start-up failure's sentence as the operator reads it: as it is, or as a JSON log line."""
    if isinstance(_chosen, JsonLines):
        return _chosen.format(logging.LogRecord("bot", logging.ERROR, __file__, 0, sentence, None, None))
    return sentence
