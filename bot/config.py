"""Settings: the environment first, then a `.env` file, then these defaults.

Tokens are `SecretStr`, so a settings object printed or logged shows `**********`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import AnyHttpUrl, Field, SecretStr, TypeAdapter, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.feedback.voters import SHORTEST_SALT

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_KNOWLEDGE = PROJECT_ROOT / "knowledge"
DEFAULT_UNANSWERED_LOG = PROJECT_ROOT / "data" / "unanswered.jsonl"


_WEB_ADDRESS = TypeAdapter(AnyHttpUrl)


def _comma_separated(value: object) -> object:
    # "1, 2,3" in an env file is friendlier than the JSON list pydantic-settings expects.
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, int):
        return [value]
    return value


def _number_ranges(value: object) -> object:
    # "0-3,8" is 0, 1, 2, 3 and 8; anything else is left for pydantic to judge.
    if not isinstance(value, str):
        return _comma_separated(value)
    numbers: list[object] = []
    for part in (part.strip() for part in value.split(",")):
        first, dash, last = part.partition("-")
        if dash and first.strip().isdigit() and last.strip().isdigit():
            if int(first) > int(last):  # would be an empty range: a typo, not "no shards"
                raise ValueError(f"the range {part} runs backwards; write it smallest first ({int(last)}-{int(first)})")
            numbers.extend(range(int(first), int(last) + 1))
        elif part:
            numbers.append(part)
    return numbers


# Slack's token kinds, by the prefix every token of the kind starts with; a message names the
# kind and its prefix, never any more of the token.
SLACK_TOKEN_KINDS = {"xoxb-": "a bot token", "xoxp-": "a user token", "xapp-": "an app-level token", "xoxe": "a refresh or configuration token"}
SLACK_BOT_TOKEN_PREFIXES = ("xoxb-", "xoxp-")
SLACK_APP_TOKEN_PREFIXES = ("xapp-",)
# Each Slack token setting: the prefixes it takes, and what to say when a token has another.
SLACK_TOKEN_SETTINGS: dict[str, tuple[tuple[str, ...], str]] = {
    "slack_bot_token": (SLACK_BOT_TOKEN_PREFIXES, "it takes the Bot User OAuth Token, which starts with xoxb- (or a user token, xoxp-)"),
    "slack_app_token": (SLACK_APP_TOKEN_PREFIXES, "it takes an app-level token, which starts with xapp- (Basic Information → App-Level Tokens)"),
}


def slack_token_problem(token: str, prefixes: tuple[str, ...], wanted: str) -> str | None:
    """Why `token` is not of the kind a setting takes (`wanted` says which), None when it is.

    Checked before anything is sent to Slack: a token of the wrong kind fails every call, and in
    Socket Mode it was retried forever."""
    token = token.strip()
    if token.startswith(prefixes):
        return None
    found = next((f"{kind} ({prefix}…)" for prefix, kind in SLACK_TOKEN_KINDS.items() if token.startswith(prefix)), None)
    return f"{wanted}; this one is {found}" if found else f"{wanted}; this one does not start like any Slack token"


# A Slack user id: U… (or W… in Enterprise Grid), upper-case letters and digits.
SLACK_USER_ID = re.compile(r"[UW][A-Z0-9]{2,}")


def is_slack_user_id(text: str) -> bool:
    return SLACK_USER_ID.fullmatch(text) is not None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False)

    # Core
    bot_knowledge_dir: Path = Field(default=BUNDLED_KNOWLEDGE, description="The knowledge folder to serve.")
    bot_unanswered_log: Path = Field(default=DEFAULT_UNANSWERED_LOG, description="JSON Lines log of declined questions.")
    bot_feedback_log: Path | None = Field(default=None, description="JSON Lines log of readers' votes; default: feedback.jsonl beside the unanswered log.")
    bot_asked_log: Path | None = Field(default=None, description="JSON Lines log of the questions asked; default: asked.jsonl beside the unanswered log.")
    # Salts the voters' hashes in the feedback log; without it, a random salt in a file beside the log.
    bot_feedback_salt: SecretStr | None = None
    bot_log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(default="INFO", description="DEBUG, INFO, WARNING or ERROR.")
    bot_log_format: Literal["text", "json"] = Field(default="text", description="text for people, json (one object a line) for log shippers.")
    bot_health_port: int | None = Field(default=None, ge=1, le=65535, description="Port of /healthz and /readyz when Slack's HTTP server does not serve them.")
    bot_health_host: str = Field(default="0.0.0.0", description="Address the health server binds to.")
    bot_embedding_cache: Path | None = Field(
        default=None, description="Folder of cached sentence vectors; default: the user's cache folder (~/.cache/talks-bot)."
    )

    # Discord
    discord_token: SecretStr | None = None
    discord_guild_ids: Annotated[list[int], NoDecode] = Field(default_factory=list, description="server ids (numbers), comma-separated: 123456789012345678,234567890123456789")
    discord_api_base: str = "https://discord.com/api/v10"
    # Several processes share one bot by each running some of its shards: every process gets the
    # same DISCORD_SHARD_COUNT and its own DISCORD_SHARD_IDS ("0-3", "4-7", or "0,2,4").
    discord_shard_count: int | None = Field(default=None, ge=1)
    discord_shard_ids: Annotated[list[int], NoDecode] = Field(default_factory=list, description="shard numbers or ranges, comma-separated: 0-3 or 0,2,4")

    # Slack
    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_port: int = Field(default=3000, ge=1, le=65535)
    # Every interface suits a container; 127.0.0.1 when a reverse proxy on the same host terminates HTTPS.
    slack_host: str = "0.0.0.0"
    slack_api_base: str = "https://slack.com/api/"
    slack_admin_user_ids: Annotated[list[str], NoDecode] = Field(default_factory=list)

    @property
    def feedback_log(self) -> Path:
        return self.bot_feedback_log or self.bot_unanswered_log.with_name("feedback.jsonl")

    @property
    def asked_log(self) -> Path:
        return self.bot_asked_log or self.bot_unanswered_log.with_name("asked.jsonl")

    @field_validator("bot_log_level", mode="before")
    @classmethod
    def _level_in_any_case(cls, value: object) -> object:
        # "info" and " Info " are what people type; a misspelt level is refused, not ignored.
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("discord_guild_ids", "slack_admin_user_ids", mode="before")
    @classmethod
    def _split_lists(cls, value: object) -> object:
        return _comma_separated(value)

    @field_validator("slack_admin_user_ids")
    @classmethod
    def _only_user_ids(cls, value: list[str]) -> list[str]:
        # A name ("bob") can match no user; the start-up notes say it is ignored (settings_notes).
        return [item for item in value if is_slack_user_id(item)]

    @field_validator("discord_api_base", "slack_api_base")
    @classmethod
    def _a_web_address(cls, value: str) -> str:
        # Checked with pydantic's URL type but kept as written: "notaurl" would otherwise only show as a
        # failed token check at start ("could not check SLACK_BOT_TOKEN … (notaurl/auth.test)") and
        # every call failing after it.
        _WEB_ADDRESS.validate_python(value)
        return value

    @field_validator("discord_shard_ids", mode="before")
    @classmethod
    def _shard_ranges(cls, value: object) -> object:
        return _number_ranges(value)

    @model_validator(mode="after")
    def _shards_fit_the_count(self) -> Settings:
        if self.discord_shard_ids:
            if self.discord_shard_count is None:
                raise ValueError("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT, the total number of shards across every process")
            outside = [shard for shard in self.discord_shard_ids if shard >= self.discord_shard_count]
            if outside:
                raise ValueError(f"DISCORD_SHARD_IDS {outside} are not below DISCORD_SHARD_COUNT={self.discord_shard_count}")
        return self

    @model_validator(mode="after")
    def _health_port_is_not_slacks(self) -> Settings:
        # In Slack's HTTP mode the probes are served on SLACK_PORT; a health server started first on
        # the same port made Slack's own server fail as "in use by another program" (review).
        http_mode = self.slack_bot_token is not None and self.slack_app_token is None
        if http_mode and self.bot_health_port == self.slack_port:
            raise ValueError(
                f"BOT_HEALTH_PORT and SLACK_PORT are both {self.slack_port}: in Slack's HTTP mode /healthz and /readyz are "
                "served on SLACK_PORT already; unset BOT_HEALTH_PORT or give it another port"
            )
        return self

    # A setting left blank ("SLACK_APP_TOKEN=", as .env.example writes "unset") takes its default,
    # whichever setting it is: not an empty token, port or path. Dropped here, after the sources
    # are merged, rather than by pydantic-settings' env_ignore_empty, so that a blank in the
    # environment still overrides .env, as the environment does with any value.
    @model_validator(mode="before")
    @classmethod
    def _blank_is_unset(cls, values: object) -> object:
        if not isinstance(values, dict):
            return values
        return {name: value for name, value in values.items() if not (isinstance(value, str) and not value.strip())}

    @field_validator(*SLACK_TOKEN_SETTINGS)
    @classmethod
    def _a_token_of_its_kind(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        prefixes, wanted = SLACK_TOKEN_SETTINGS[str(info.field_name)]
        if value is not None and (problem := slack_token_problem(value.get_secret_value(), prefixes, wanted)):
            raise ValueError(problem)
        return value

    @field_validator("bot_feedback_salt")
    @classmethod
    def _salt_long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value().strip()) < SHORTEST_SALT:
            raise ValueError(f"use at least {SHORTEST_SALT} random characters (e.g. from `openssl rand -hex 32`); a short salt can be guessed, and with it every voter")
        return value

    @classmethod
    def is_secret(cls, field: str) -> bool:
        """Whether a setting's value must never be shown (in an error, say): every SecretStr field."""
        info = cls.model_fields.get(field.lower())
        return info is not None and (info.annotation is SecretStr or SecretStr in get_args(info.annotation))
