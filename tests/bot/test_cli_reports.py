"""`crmbot report X`: a readable table by default, the contract's JSON with --json (amounts in
currency units), rows as CSV with --csv; honest about currencies in every form. The store is filled
through the console chat; the commands run as typed (in-process, and once as a process)."""
from __future__ import annotations

import csv
import io
import json
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.settings import get_settings
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.test_cli import crmbot

NOW = "2026-11-25T10:00"
NOTES = ("Visited Globex, sent the quote for $42k",
         "拜访了星辰科技，报价12万",
         "Был в Векторе, отправил КП на 1,2 млн рублей",
         "Called Acme, they signed! $18,500")


@pytest.fixture
async def filled(bot, database_url, monkeypatch):
    """The store after Ann's four notes, and `crmbot` run on it in-process."""
    for note in NOTES:
        assert (await bot.say(note)).wrote
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CRM_TIMEZONE", "Europe/London")
    get_settings.cache_clear()

    def run(*args: str):
        out = CliRunner().invoke(app, list(args))
        if out.exception is not None and not isinstance(out.exception, SystemExit):
            raise out.exception
        return SimpleNamespace(returncode=out.exit_code, stdout=out.stdout, stderr=out.stderr)
    yield SimpleNamespace(url=database_url, run=run)
    get_settings.cache_clear()


def test_pipeline_prints_a_table_not_json_as_a_process(filled):
    out = crmbot("report", "pipeline", "--now", NOW, url=filled.url)
    assert out.returncode == 0, out.stderr
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.stdout)
    lines = out.stdout.replace("\u00a0", " ").splitlines()
    assert lines[0].startswith("Pipeline 2026-11-01 – 2026-11-30")
    assert lines[1].split() == ["stage", "currency", "deals", "amount", "weighted", "undated"]
    rows = [line.split(None, 2) for line in lines[3:] if line.startswith(("proposal", "total"))]
    assert [r[:2] for r in rows] == [["proposal", "USD"], ["proposal", "CNY"], ["proposal", "RUB"],
                                     ["total", "USD"], ["total", "CNY"], ["total", "RUB"]]
    assert "RUB 1,200,000" in out.stdout.replace("\u00a0", " ")
    assert "No rate from RUB to USD: 1 in RUB kept apart, not added (crmbot fx set RUB USD RATE)" in out.stdout


def test_pipeline_json_keeps_the_contract_and_counts_per_currency(filled):
    data = json.loads(filled.run("report", "pipeline", "--now", NOW, "--json").stdout)
    assert set(data) >= {"period", "stages", "undated", "total", "weighted_total", "currency"}
    proposal = next(s for s in data["stages"] if s["stage"] == "proposal")
    assert proposal == {"stage": "proposal", "count": 1, "amount": 42000, "weighted": 21000}
    assert (data["total"], data["weighted_total"], data["currency"], data["count"]) == (42000, 21000, "USD", 1)
    assert data["undated"] == {"count": 1, "amount": 42000}
    apart = {u["currency"]: u for u in data["unconverted"]}
    assert apart["RUB"]["count"] == 1 and apart["RUB"]["amount"] == 1200000 and apart["RUB"]["weighted"] == 600000
    assert apart["CNY"]["stages"] == [{"stage": "proposal", "count": 1, "amount": 120000, "weighted": 60000}]
    assert data["rates"] == {}


def test_pipeline_csv_has_a_row_per_stage_and_currency(filled):
    rows = list(csv.DictReader(io.StringIO(filled.run("report", "pipeline", "--now", NOW, "--csv").stdout)))
    proposal = [(r["currency"], r["count"], r["amount"]) for r in rows if r["stage"] == "proposal"]
    assert proposal == [("USD", "1", "42000"), ("CNY", "1", "120000"), ("RUB", "1", "1200000")]


def test_pipeline_json_converts_with_the_teams_rates_and_names_them(filled):
    assert filled.run("fx", "set", "CNY", "USD", "0.14").returncode == 0
    out = filled.run("fx", "set", "USD", "RUB", "90")
    assert out.stdout.strip() == "1 USD = 90 RUB"
    data = json.loads(filled.run("report", "pipeline", "--now", NOW, "--json").stdout)
    assert (data["total"], data["count"], data["unconverted"]) == (72133.33, 3, [])
    assert data["rates"] == {"CNY": "0.14", "RUB": "0.0111111111"}
    table = filled.run("report", "pipeline", "--now", NOW).stdout
    assert "Converted to USD at the team's rates: 1 CNY = 0.14 USD, 1 RUB = 0.011111 USD" in table


@pytest.mark.parametrize("report, heading", [
    ("forecast", "Forecast 2026-10-01 – 2026-12-31 (USD)"),
    ("funnel", "Funnel conversion 2026-10-01 – 2026-12-31"),
    ("activity", "Activity 2026-11-23 – 2026-11-29"),
    ("leaderboard", "Leaderboard 2026-11-01 – 2026-11-30, ranked by the amount won in USD"),
    ("sources", "Lead sources 2026-10-01 – 2026-12-31 (USD)"),
    ("top", "Top customers by revenue 2026-01-01 – 2026-12-31 (USD)"),
    ("deals", "Biggest open deals (USD)"),
    ("quiet", "Quiet deals"),
    ("overdue", "Overdue follow-ups on 2026-11-25"),
    ("inquiries", "Inquiries and complaints"),
])
def test_every_report_prints_a_table_and_json_on_request(filled, report, heading):
    table = filled.run("report", report, "--now", NOW)
    assert table.returncode == 0, table.stderr
    assert table.stdout.startswith(heading), table.stdout
    assert "  " in table.stdout.splitlines()[1] and set(table.stdout.splitlines()[2]) <= {"-", " "}
    data = json.loads(filled.run("report", report, "--now", NOW, "--json").stdout)
    assert isinstance(data, dict) and data


def test_leaderboard_in_every_form(filled):
    table = filled.run("report", "leaderboard", "--now", NOW).stdout
    assert "1  Anna    $18,500      1           4            4" in table, table
    data = json.loads(filled.run("report", "leaderboard", "--now", NOW, "--json").stdout)
    [ann] = data["rows"]
    assert (ann["rank"], ann["name"], ann["won"]["amount"], ann["won"]["count"], ann["activities"]) == (
        1, "Anna", 18500, 1, 4)
    rows = list(csv.DictReader(io.StringIO(filled.run("report", "leaderboard", "--now", NOW, "--csv").stdout)))
    assert rows[0]["name"] == "Anna" and rows[0]["won"] == "18500" and rows[0]["currency"] == "USD"


def test_the_biggest_deals_in_every_form(filled):
    table = filled.run("report", "deals", "--now", NOW).stdout.replace("\u00a0", " ")
    assert "1  Globex" in table and "$42,000" in table and "Acme" not in table, table   # Acme's deal is won
    assert "Not ranked, no rate to USD: 1 deal in CNY, CN¥120,000" in table
    data = json.loads(filled.run("report", "deals", "--now", NOW, "--json").stdout)
    assert [(d["rank"], d["customer"], d["amount"], d["stage"]) for d in data["deals"]] == [
        (1, "Globex", 42000, "proposal")]
    assert {part["currency"] for part in data["unconverted"]} == {"CNY", "RUB"}
    won = json.loads(filled.run("report", "deals", "--now", NOW, "--won", "--json").stdout)
    assert won["won"] and won["period"] == {"from": "2026-01-01", "to": "2026-12-31"}
    assert [(d["customer"], d["amount"], d["closed_on"]) for d in won["deals"]] == [("Acme", 18500, "2026-11-25")]
    rows = list(csv.DictReader(io.StringIO(filled.run("report", "deals", "--now", NOW, "--csv").stdout)))
    assert rows[0]["customer"] == "Globex" and rows[0]["amount"] == "42000"


def test_json_and_csv_together_are_refused(filled):
    out = filled.run("report", "top", "--json", "--csv")
    assert out.returncode == 2 and "not both" in out.stderr


def test_one_members_pipeline_and_activity_from_the_command_line(filled):
    data = json.loads(filled.run("report", "pipeline", "--now", NOW, "--rep", "Anna", "--json").stdout)
    assert data["owner_id"] == 1 and data["count"] == 1 and data["per_owner"][0]["name"] == "Anna"
    table = filled.run("report", "activity", "--now", NOW, "--rep", "anna").stdout
    assert "Latest interactions" in table and "Globex" in table
    unknown = filled.run("report", "activity", "--now", NOW, "--rep", "Zed")
    assert unknown.returncode == 2 and "no member of the team is called 'Zed'" in unknown.stderr
