"""Secrets never reach output or logs: every token, signing secret, API key and database password
the process was configured with is replaced by `[redacted]` in what it prints and logs, tracebacks
included (a library's error may quote the URL a token is part of).

    redactor = Redactor.of(settings)      # the secrets of this configuration
    redactor("… 123456:AAE… …")           # → "… [redacted] …"
    install(redactor)                     # every log line from now on
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any, Iterable

MASK = "[redacted]"
_MIN = 6  # shorter values are not secrets worth a search (and would mask ordinary words)
_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.\-]*://[^:/@\s]*:)(?P<password>[^@\s/]+)@", re.IGNORECASE)
_SECRET_FIELDS = ("telegram_bot_token", "telegram_webhook_secret", "slack_bot_token", "slack_signing_secret",
                  "slack_app_token", "openai_api_key")


@dataclass(frozen=True)
class Redactor:
    """Masks the given secrets (and any password written in a URL) in a text."""

    secrets: tuple[str, ...] = ()

    @classmethod
    def of(cls, settings: Any, extra: Iterable[str | None] = ()) -> "Redactor":
        """The secrets of `settings`: tokens, secrets, keys and the database password."""
        from sqlalchemy.engine import make_url  # the store layer, only when a store's secrets are read

        found = [getattr(settings, name, None) for name in _SECRET_FIELDS]
        try:
            found.append(make_url(settings.database_url).password)
        except Exception:  # a URL that does not parse: its password is masked by pattern below
            pass
        found += list(extra)
        unique = {str(s) for s in found if s and len(str(s)) >= _MIN}
        return cls(tuple(sorted(unique, key=len, reverse=True)))

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, MASK)
                tail = secret.split(":", 1)[-1]  # a Telegram token's secret half, quoted alone
                if tail != secret and len(tail) >= _MIN:
                    text = text.replace(tail, MASK)
        return _USERINFO.sub(lambda m: f"{m.group('scheme')}{MASK}@", text)


class _Redacting(logging.Formatter):
    """A formatter whose every line (message, arguments, traceback) goes through the redactor."""

    def __init__(self, inner: logging.Formatter, redact: Redactor):
        super().__init__()
        self.inner, self.redact = inner, redact

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(self.inner.format(record))


def install(redact: Redactor, handlers: Iterable[logging.Handler] | None = None) -> None:
    """Redact every line the root logger's handlers (or `handlers`) write from now on."""
    for handler in list(handlers if handlers is not None else logging.getLogger().handlers):
        inner = handler.formatter or logging.Formatter()
        if isinstance(inner, _Redacting):
            inner = inner.inner
        handler.setFormatter(_Redacting(inner, redact))
