"""The contract's commands, run as a user would run them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def crmbot(*args: str, url: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DATABASE_URL": url, "CRM_TIMEZONE": "Europe/London", **env}
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          text=True, env=environment, timeout=120)


def test_say_writes_the_store_and_answers(database_url):
    out = crmbot("user", "add", "--platform", "console", "--id", "ann", "--name", "Ann", url=database_url)
    assert out.returncode == 0 and "Ann" in out.stdout
    out = crmbot("say", "--user", "ann", "--now", "2026-11-25T10:00",
                 "Visited Globex, sent the quote for $42k, follow up Friday", url=database_url)
    assert out.returncode == 0, out.stderr
    assert "Globex" in out.stdout and "Fri, Nov 27" in out.stdout
    out = crmbot("say", "--user", "ann", "--now", "2026-11-25T10:05", "what do we know about globex",
                 url=database_url)
    assert "$42,000" in out.stdout


def test_say_reads_a_naive_now_in_the_accounts_own_zone(database_url):
    """Replaying a Shanghai rep's day: 17:05 is 17:05 in Shanghai (still the 9th there), not in London."""
    crmbot("user", "add", "--platform", "console", "--id", "li", "--name", "李明", "--tz", "Asia/Shanghai",
           url=database_url)
    crmbot("say", "--user", "li", "--now", "2026-12-09T17:05", "拜访了华彩集团，报价8万", url=database_url)
    card = crmbot("say", "--user", "li", "--now", "2026-12-09T17:10", "华彩集团怎么样", url=database_url).stdout
    assert "12月9日周三 · 拜访" in card, card


def test_report_pipeline_json_has_the_contract_shape(database_url):
    crmbot("say", "--user", "ann", "--now", "2026-11-25T10:00", "Visited Globex, sent the quote for $42k",
           url=database_url)
    out = crmbot("report", "pipeline", "--period", "this_month", "--json", url=database_url)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= {"period", "stages", "undated", "total", "weighted_total", "currency"}
    proposal = next(s for s in data["stages"] if s["stage"] == "proposal")
    assert proposal["count"] == 1 and proposal["amount"] == 42000 and proposal["weighted"] == 21000
    assert data["undated"]["count"] == 1


def test_parse_prints_the_contract_fields():
    out = crmbot("parse", "--now", "2026-11-23T10:00:00", "--tz", "America/New_York", "--known",
                 "Kestrel Logistics Ltd", "called Kestrel, no answer", url="sqlite:///:memory:")
    data = json.loads(out.stdout)
    assert data["customer"] == "Kestrel Logistics Ltd" and data["channel"] == "call"
    assert set(data) >= {"lang", "intent", "customer", "contact", "channel", "stage", "amount",
                         "currency", "followup_on", "birthday", "period"}


def test_parse_batch_keeps_order_and_ids():
    lines = "".join(json.dumps({"id": f"x{i}", "text": text, "now": "2026-11-23T10:00:00", "tz": "UTC",
                                "known": []}) + "\n" for i, text in enumerate(["help", "帮助", "помощь"]))
    out = crmbot("parse", "--batch", url="sqlite:///:memory:", stdin=lines + "not json\n")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r.get("id") for r in rows[:3]] == ["x0", "x1", "x2"]
    assert [r["lang"] for r in rows[:3]] == ["en", "zh", "ru"]
    assert "error" in rows[3]


def test_bad_configuration_stops_with_one_clear_line(tmp_path: Path):
    out = crmbot("say", "--user", "a", "hi", url=f"sqlite:///{tmp_path}/x.db", CRM_TIMEZONE="Mars/Base")
    assert out.returncode == 2 and "CRM_TIMEZONE" in out.stderr and "Traceback" not in out.stderr
    out = crmbot("say", "--user", "a", "hi", url="postgresql://nobody@127.0.0.1:1/none")
    assert out.returncode == 2 and "cannot open the store" in out.stderr and "Traceback" not in out.stderr
    out = crmbot("say", "--user", "a", "hi", url="not a url")
    assert out.returncode == 2 and "DATABASE_URL" in out.stderr


def test_run_without_credentials_says_how(tmp_path: Path):
    env = {k: "" for k in ("TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")}
    out = crmbot("run", url=f"sqlite:///{tmp_path}/x.db", **env)
    assert out.returncode != 0 and "TELEGRAM_BOT_TOKEN" in out.stderr


def test_export_writes_one_csv_per_table(database_url, tmp_path: Path):
    crmbot("say", "--user", "ann", "Visited Globex, met Maria (CFO)", url=database_url)
    out = crmbot("export", "--all", str(tmp_path / "out"), url=database_url)
    assert out.returncode == 0, out.stderr
    for name in ("customers", "contacts", "deals", "interactions", "followups"):
        header = (tmp_path / "out" / f"{name}.csv").read_text().splitlines()[0]
        assert "id" in header.split(",")
    assert "Globex" in (tmp_path / "out" / "customers.csv").read_text()


@pytest.mark.parametrize("period", ["bogus", "2026-12-01..2026-11-01"])
def test_report_rejects_bad_periods(database_url, period):
    out = crmbot("report", "pipeline", "--period", period, url=database_url)
    assert out.returncode == 2 and "period" in out.stderr


@pytest.mark.parametrize("name,value,hint", [
    ("TELEGRAM_BOT_TOKEN", "not-a-token", "BotFather"),
    ("SLACK_BOT_TOKEN", "abc", "xoxb-"),
])
def test_a_malformed_token_stops_start_up_with_one_line(tmp_path: Path, name, value, hint):
    out = crmbot("run", url=f"sqlite:///{tmp_path}/x.db", **{name: value})
    assert out.returncode == 2 and hint in out.stderr and value not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("broken, importer", [("bot.cli.llm", "bot.cli"), ("bot.cli.reports", "bot.cli"),
                                              ("scheduler.runner", "bot.serve")])
def test_a_module_that_cannot_be_imported_stops_crmbot_at_start_up(monkeypatch, broken, importer):
    """No command group is left out and reminders are never switched off quietly: the error shows."""
    import importlib

    monkeypatch.setitem(sys.modules, broken, None)      # importing it now raises ImportError
    monkeypatch.delitem(sys.modules, importer, raising=False)
    with pytest.raises(ImportError, match=broken):
        importlib.import_module(importer)


def test_a_member_time_zone_nobody_knows_is_refused_in_one_line(database_url):
    out = crmbot("user", "add", "--platform", "console", "--id", "tz", "--name", "Tess", "--tz", "Mars/Olympus",
                 url=database_url)
    assert out.returncode == 2 and "Mars/Olympus" in out.stderr and "Traceback" not in out.stderr
    out = crmbot("user", "add", "--platform", "console", "--id", "tz", "--name", "Tess", "--tz", "Asia/Shanghai",
                 url=database_url)
    assert out.returncode == 0, out.stderr
    out = crmbot("say", "--user", "tz", "--now", "2026-11-25T10:00", "Visited Globex, follow up Friday",
                 url=database_url)
    assert "Globex" in out.stdout and "Traceback" not in out.stderr
