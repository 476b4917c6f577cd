"""One typed Settings, read from the environment (and `.env`), checked at start-up."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything the bot reads from its environment; names follow the contract."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore",
                                      populate_by_name=True)

    database_url: str = Field("sqlite:///crm.db", alias="DATABASE_URL")
    timezone: str = Field("UTC", alias="CRM_TIMEZONE")
    team: str = Field("default", alias="CRM_TEAM")
    currency: str = Field("USD", alias="CRM_CURRENCY", pattern=r"^[A-Z]{3}$")
    context_minutes: int = Field(30, alias="CRM_CONTEXT_MINUTES", ge=0)
    stale_days: int = Field(14, alias="CRM_STALE_DAYS", ge=1)
    spool_path: str = Field("crm-spool.jsonl", alias="CRM_SPOOL_PATH")
    health_port: int | None = Field(None, alias="CRM_HEALTH_PORT")
    log_format: str = Field("json", alias="CRM_LOG_FORMAT", pattern="^(json|text)$")
    max_message_chars: int = Field(4000, alias="CRM_MAX_MESSAGE_CHARS", ge=100)

    telegram_bot_token: str | None = Field(None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str = Field("https://api.telegram.org/bot", alias="TELEGRAM_API_BASE_URL")
    telegram_webhook_url: str | None = Field(None, alias="TELEGRAM_WEBHOOK_URL")
    telegram_webhook_secret: str | None = Field(None, alias="TELEGRAM_WEBHOOK_SECRET")
    telegram_webhook_port: int = Field(8443, alias="TELEGRAM_WEBHOOK_PORT")

    slack_bot_token: str | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: str | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_http_port: int = Field(3000, alias="SLACK_HTTP_PORT")
    slack_api_base_url: str = Field("https://slack.com/api/", alias="SLACK_API_BASE_URL")
    slack_team_id: str | None = Field(None, alias="SLACK_TEAM_ID")

    openai_api_key: str | None = Field(None, alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(None, alias="OPENAI_BASE_URL")
    openai_model: str = Field("gpt-4o-mini", alias="OPENAI_MODEL")
    openai_transcribe_model: str = Field("whisper-1", alias="OPENAI_TRANSCRIBE_MODEL")
    openai_vision_model: str | None = Field(None, alias="OPENAI_VISION_MODEL")  # None: OPENAI_MODEL
    crm_llm: Literal["always", "auto", "off"] = Field("auto", alias="CRM_LLM")
    llm_timeout: float = Field(8.0, alias="CRM_LLM_TIMEOUT", gt=0, le=120)
    llm_retries: int = Field(2, alias="CRM_LLM_RETRIES", ge=0, le=5)
    llm_redact: bool = Field(False, alias="CRM_LLM_REDACT")
    llm_daily_tokens: int = Field(0, alias="CRM_LLM_DAILY_TOKENS", ge=0)  # per team and day; 0: no limit

    @field_validator("telegram_bot_token", "slack_bot_token", "slack_app_token", "slack_signing_secret",
                     "openai_api_key", "telegram_webhook_url", "slack_team_id", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("telegram_bot_token")
    @classmethod
    def _telegram_token(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\d+:[A-Za-z0-9_-]{2,}", value.strip()):
            raise ValueError("TELEGRAM_BOT_TOKEN looks wrong: BotFather's token is like 123456789:AAE…")
        return value.strip() if value else value

    @field_validator("slack_bot_token")
    @classmethod
    def _slack_token(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("xoxb-", "xoxp-")):
            raise ValueError("SLACK_BOT_TOKEN must be the Bot User OAuth Token, starting with xoxb-")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _slack_app_token(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("xapp-"):
            raise ValueError("SLACK_APP_TOKEN must be an app-level token, starting with xapp-")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"CRM_TIMEZONE={value!r} is not a known time zone "
                             "(use an IANA name such as Europe/Moscow)") from exc
        return value

    @property
    def slack_configured(self) -> bool:
        """A bot token with either a signing secret (HTTP) or an app token (Socket Mode)."""
        return bool(self.slack_bot_token and (self.slack_signing_secret or self.slack_app_token))

    @property
    def zone(self) -> ZoneInfo:
        """The team's default time zone."""
        return ZoneInfo(self.timezone)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings (read once)."""
    return Settings()
