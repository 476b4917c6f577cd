"""Why `crmbot run` could not start, in one line that says what to fix (never a traceback, never a
token). The adapters raise what their libraries raise; `explain` turns it into that line."""
from __future__ import annotations

import asyncio
import errno
from typing import Any
from urllib.parse import urlparse

from bot.redact import Redactor

_REJECTED = ("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission",
             "missing_scope", "not_allowed_token_type", "invalid_token")


class StartupError(RuntimeError):
    """`crmbot run` cannot start as configured; the message is the one line saying what to fix."""


def explain(name: str, exc: BaseException, settings: Any) -> str:
    """One line for adapter `name` ("telegram", "slack") failing to start with `exc`."""
    redact = Redactor.of(settings)
    if isinstance(exc, OSError) and exc.errno == errno.EADDRINUSE:
        port, variable = ((settings.telegram_webhook_port, "TELEGRAM_WEBHOOK_PORT") if name == "telegram"
                          else (settings.slack_http_port, "SLACK_HTTP_PORT"))
        return f"port {port} is already taken by another program: stop it or set {variable} to a free port"
    if name == "telegram":
        return _telegram(exc, settings, redact)
    if name == "slack":
        return _slack(exc, settings, redact)
    return f"{name} could not start: {_reason(exc, redact)}"


def _reason(exc: BaseException, redact: Redactor) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    text = redact(text)[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _host(url: str) -> str:
    return urlparse(url).netloc or url


def _telegram(exc: BaseException, settings: Any, redact: Redactor) -> str:
    from telegram import error

    where = _host(settings.telegram_api_base_url)
    if isinstance(exc, error.InvalidToken):
        return ("Telegram rejected TELEGRAM_BOT_TOKEN (no bot has this token): copy it again from @BotFather "
                "(/mybots → API Token)")
    if isinstance(exc, (error.TimedOut, error.NetworkError, OSError, asyncio.TimeoutError)):
        return (f"cannot reach Telegram at {where} ({_reason(exc, redact)}): check the network, a proxy, or "
                "TELEGRAM_API_BASE_URL")
    if isinstance(exc, error.TelegramError) and (settings.telegram_webhook_url or "") and "ebhook" in str(exc):
        return (f"Telegram refused the webhook {redact(settings.telegram_webhook_url)} "
                f"({_reason(exc, redact)}): it must be a public https:// URL Telegram can reach")
    return f"Telegram could not start: {_reason(exc, redact)}"


def _slack(exc: BaseException, settings: Any, redact: Redactor) -> str:
    import aiohttp
    from slack_sdk.errors import SlackApiError

    where = _host(settings.slack_api_base_url)
    if isinstance(exc, SlackApiError):
        code = str((exc.response or {}).get("error") or "error")
        socket = "connections" in str(getattr(exc.response, "api_url", "") or "")
        token = "SLACK_APP_TOKEN" if socket else "SLACK_BOT_TOKEN"
        if code in _REJECTED:
            fix = ("create an app-level token with connections:write (xapp-…)" if socket else
                   "reinstall the app to the workspace and copy its Bot User OAuth Token (xoxb-…)")
            return f"Slack rejected {token} ({code}): {fix}"
        return f"Slack refused to start the bot ({code}): see docs/slack.md"
    if isinstance(exc, (aiohttp.ClientError, OSError, asyncio.TimeoutError)):
        return (f"cannot reach Slack at {where} ({_reason(exc, redact)}): check the network, a proxy, or "
                "SLACK_API_BASE_URL")
    if isinstance(exc, RuntimeError) and "SLACK_" in str(exc):
        return redact(str(exc).splitlines()[0])
    return f"Slack could not start: {_reason(exc, redact)}"
