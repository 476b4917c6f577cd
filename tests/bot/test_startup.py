"""Start-up failures are one line saying what to fix, exit code 2; no token, secret or password is
ever printed or logged, tracebacks included (issue 13, case 7)."""
from __future__ import annotations

import asyncio
import logging
import os
import socket
import sys
from pathlib import Path

import pytest

from bot.redact import MASK, Redactor, install
from bot.settings import Settings
from tests.fakes.slack_server import FakeSlack, slack_api  # noqa: F401  (the fixture)
from tests.fakes.telegram_server import FakeTelegram

TOKEN = "123456789:AAEsecretsecretsecretsecret_0123456"  # well-formed, and not the fake's
SLACK_TOKEN = "xoxb-1111-2222-secretsecretsecret"
SIGNING = "8f742231b10e8888abcd99yyyzzz85a5"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def run(tmp_path: Path, **env: str) -> tuple[int, str]:
    """`crmbot run` in a clean environment (no developer .env), its exit code and everything it wrote."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("TELEGRAM_", "SLACK_", "OPENAI_", "CRM_")) and k != "DATABASE_URL"}
    clean.update({"DATABASE_URL": f"sqlite:///{tmp_path / 'crm.db'}", "CRM_HEALTH_PORT": "0", **env})
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=clean,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await asyncio.wait_for(process.communicate(), timeout=90)
    return process.returncode, out.decode(errors="replace")


def one_line(code: int, out: str, *secrets: str) -> str:
    assert code == 2, out
    lines = [line for line in out.strip().splitlines() if line.strip()]
    assert len(lines) == 1, out
    for secret in secrets:
        assert secret not in out and secret.split(":")[-1] not in out
    assert "Traceback" not in out
    return lines[0]


async def test_a_well_formed_telegram_token_that_telegram_rejects(tmp_path):
    fake = FakeTelegram(token="1:the-fakes-own")
    await fake.start()
    try:
        code, out = await run(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.base_url)
    finally:
        await fake.stop()
    line = one_line(code, out, TOKEN)
    assert line.startswith("crmbot run: Telegram rejected TELEGRAM_BOT_TOKEN") and "BotFather" in line


async def test_telegram_unreachable_at_start(tmp_path):
    code, out = await run(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN,
                          TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{closed_port()}/bot")
    line = one_line(code, out, TOKEN)
    assert "cannot reach Telegram at 127.0.0.1" in line and "TELEGRAM_API_BASE_URL" in line


async def test_slack_invalid_auth(tmp_path, slack_api: FakeSlack):
    slack_api.fail["auth.test"] = "invalid_auth"
    code, out = await run(tmp_path, SLACK_BOT_TOKEN=SLACK_TOKEN, SLACK_SIGNING_SECRET=SIGNING,
                          SLACK_API_BASE_URL=slack_api.base_url, SLACK_HTTP_PORT="0")
    line = one_line(code, out, SLACK_TOKEN, SIGNING)
    assert "Slack rejected SLACK_BOT_TOKEN (invalid_auth)" in line


async def test_slack_unreachable_at_start(tmp_path):
    code, out = await run(tmp_path, SLACK_BOT_TOKEN=SLACK_TOKEN, SLACK_SIGNING_SECRET=SIGNING,
                          SLACK_API_BASE_URL=f"http://127.0.0.1:{closed_port()}/api/", SLACK_HTTP_PORT="0")
    line = one_line(code, out, SLACK_TOKEN, SIGNING)
    assert "cannot reach Slack at 127.0.0.1" in line


async def test_the_slack_port_taken_by_another_program(tmp_path, slack_api: FakeSlack):
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out = await run(tmp_path, SLACK_BOT_TOKEN=SLACK_TOKEN, SLACK_SIGNING_SECRET=SIGNING,
                              SLACK_API_BASE_URL=slack_api.base_url, SLACK_HTTP_PORT=str(port))
    line = one_line(code, out, SLACK_TOKEN, SIGNING)
    assert f"port {port} is already taken" in line and "SLACK_HTTP_PORT" in line


@pytest.mark.parametrize("url,says", [
    ("nonsense://x", "names a database crmbot does not support (nonsense)"),
    ("mysql://crm:hunter2secret@localhost/crm", "needs a driver that is not installed"),
    ("postgresql://crm:hunter2secret@localhost:port/crm", "has a port that is not a number"),
    ("postgresql://crm:hunter2secret@127.0.0.1:1/crm", "cannot open the store"),
    ("not a url at all", "is not a database URL"),
])
async def test_a_bad_database_url_is_one_line_without_its_password(tmp_path, url, says):
    code, out = await run(tmp_path, DATABASE_URL=url, TELEGRAM_BOT_TOKEN=TOKEN)
    line = one_line(code, out, "hunter2secret", TOKEN)
    assert says in line


def test_logged_lines_and_tracebacks_never_hold_a_secret(capsys):
    from bot.health import setup_logging

    settings = Settings(TELEGRAM_BOT_TOKEN=TOKEN, SLACK_BOT_TOKEN=SLACK_TOKEN, SLACK_SIGNING_SECRET=SIGNING,
                        OPENAI_API_KEY="sk-proj-secretsecretsecret",
                        DATABASE_URL="postgresql://crm:hunter2secret@db:5432/crm")
    root = logging.getLogger()
    kept = (list(root.handlers), root.level)
    try:
        for fmt in ("json", "text"):
            setup_logging(fmt, redact=Redactor.of(settings))
            log = logging.getLogger("crmbot.test")
            log.warning("calling https://api.telegram.org/bot%s/getMe with %s", TOKEN, SLACK_TOKEN)
            try:
                raise RuntimeError(f"The token `{TOKEN}` was rejected; key sk-proj-secretsecretsecret; "
                                   f"store postgresql://crm:hunter2secret@db/crm; secret {SIGNING}")
            except RuntimeError:
                log.exception("start failed")
    finally:
        root.handlers[:], _ = kept[0], root.setLevel(kept[1])
    err = capsys.readouterr().err
    for secret in (TOKEN, TOKEN.split(":")[1], SLACK_TOKEN, SIGNING, "sk-proj-secretsecretsecret", "hunter2secret"):
        assert secret not in err
    assert err.count(MASK) >= 10 and "start failed" in err


def test_the_redactor_masks_passwords_in_any_url():
    redact = Redactor()
    assert redact("postgresql://crm:pw12345678@db/crm") == f"postgresql://crm:{MASK}@db/crm"
    handler = logging.StreamHandler()
    install(redact, [handler])
    install(redact, [handler])  # twice: still one layer
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "to redis://u:longpassword@h", None, None)
    assert handler.format(record) == f"to redis://u:{MASK}@h"
