"""crmbot audit, forget customer, backup and restore, run as an admin would run them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def crmbot(*args: str, url: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DATABASE_URL": url, "CRM_TIMEZONE": "Europe/London", **env}
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          text=True, env=environment, timeout=120)


NOTE = "Visited Globex, met Maria Lopez (CFO), she loves sailing. Sent the quote for $42k, follow up Friday"


def _team(url: str) -> None:
    out = crmbot("user", "add", "--platform", "console", "--id", "ann", "--name", "Ann", "--role", "admin",
                 url=url)
    assert out.returncode == 0, out.stderr
    out = crmbot("say", "--user", "ann", "--now", "2026-11-25T10:00", NOTE, url=url)
    assert out.returncode == 0 and "Globex" in out.stdout, out.stderr


def test_audit_shows_who_when_what_and_from_which_message(database_url):
    _team(database_url)
    out = crmbot("audit", "--customer", "globex", "--json", url=database_url)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert {"customer", "contact", "deal", "interaction"} <= {r["table"] for r in rows}
    assert all(r["who"] == "Ann" and r["at"] and r["note_id"] and r["message_id"] for r in rows)
    out = crmbot("audit", "--customer", "Globex", url=database_url)
    assert out.returncode == 0 and "Globex (#1)" in out.stdout and "create contact" in out.stdout
    out = crmbot("audit", "--customer", "Nobody Inc", url=database_url)
    assert out.returncode == 2 and "no customer" in out.stderr


def test_forget_asks_then_erases_and_keeps_the_deal(database_url, tmp_path: Path):
    _team(database_url)
    out = crmbot("forget", "customer", "Globex", url=database_url, stdin="")
    assert out.returncode == 2 and "--yes" in out.stderr
    out = crmbot("forget", "customer", "Globex", "--yes", "--by", "Nobody", url=database_url)
    assert out.returncode == 2 and "admin" in out.stderr
    out = crmbot("forget", "customer", "Globex", "--yes", "--by", "Ann", url=database_url)
    assert out.returncode == 0, out.stderr
    assert "[erased customer #1]" in out.stdout
    out = crmbot("export", "--all", str(tmp_path / "csv"), url=database_url)
    assert out.returncode == 0, out.stderr
    everything = "\n".join(p.read_text() for p in (tmp_path / "csv").glob("*.csv")).lower()
    for word in ("globex", "maria", "lopez", "sailing"):
        assert word not in everything, word
    assert "4200000" in (tmp_path / "csv" / "deals.csv").read_text()
    out = crmbot("report", "pipeline", "--period", "2026-11-01..2026-11-30", "--json", url=database_url)
    assert json.loads(out.stdout)["total"] == 42000
    out = crmbot("audit", "--customer", "#1", "--json", url=database_url)
    last = json.loads(out.stdout.splitlines()[-1])
    assert last["action"] == "forget" and last["who"] == "Ann"


def test_backup_and_restore_through_the_command_line(database_url, tmp_path: Path):
    _team(database_url)
    file = tmp_path / "crm.backup.gz"
    out = crmbot("backup", str(file), url=database_url)
    assert out.returncode == 0 and file.exists(), out.stderr
    out = crmbot("restore", str(file), url=database_url)
    assert out.returncode == 2 and "--force" in out.stderr
    copy = f"sqlite:///{tmp_path / 'copy.db'}"
    out = crmbot("restore", str(file), url=copy)
    assert out.returncode == 0 and "restored" in out.stdout, out.stderr
    crmbot("export", "--all", str(tmp_path / "a"), url=database_url)
    crmbot("export", "--all", str(tmp_path / "b"), url=copy)
    names = sorted(p.name for p in (tmp_path / "a").glob("*.csv"))
    assert "customers.csv" in names
    for name in names:
        assert (tmp_path / "a" / name).read_text() == (tmp_path / "b" / name).read_text(), name
    out = crmbot("restore", str(file), "--force", url=database_url)
    assert out.returncode == 0, out.stderr
    out = crmbot("restore", str(tmp_path / "missing.gz"), url=copy)
    assert out.returncode == 2 and "Traceback" not in out.stderr


# -- deploy files ---------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_VARS = {"DATABASE_URL", "CRM_TIMEZONE", "TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL",
                 "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_WEBHOOK_PORT", "SLACK_BOT_TOKEN",
                 "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_HTTP_PORT", "SLACK_API_BASE_URL",
                 "SLACK_TEAM_ID", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL"}


def _env_example() -> dict[str, str]:
    """NAME → value of every variable in .env.example, set (NAME=...) or listed unset (# NAME=)."""
    import re

    found = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        match = re.fullmatch(r"(?:#\s*)?([A-Z][A-Z0-9_]*)=(.*)", line.strip())
        if match:
            found[match.group(1)] = match.group(2)
    return found


def test_env_example_lists_every_variable_and_only_known_ones():
    import re

    from bot.settings import Settings

    settings_vars = {f.alias for f in Settings.model_fields.values() if f.alias}
    scheduler_vars = set(re.findall(r"CRM_[A-Z_]+", (ROOT / "scheduler" / "config.py").read_text()))
    compose_vars = set(re.findall(r"\$\{([A-Z_]+)", (ROOT / "docker-compose.yml").read_text()))
    listed = _env_example()
    assert not (settings_vars | CONTRACT_VARS | scheduler_vars) - set(listed)
    assert not set(listed) - (settings_vars | CONTRACT_VARS | scheduler_vars | compose_vars)
    # the file as shipped is a valid configuration
    settings = Settings(_env_file=str(ROOT / ".env.example"))
    assert settings.telegram_bot_token is None and not settings.slack_configured


def test_compose_runs_postgres_migrations_and_the_bot():
    yaml = __import__("pytest").importorskip("yaml")
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    db, migrate, bot = services["db"], services["migrate"], services["bot"]
    assert db["image"].startswith("postgres") and db["healthcheck"]["test"]
    assert any(v.endswith(":/var/lib/postgresql/data") for v in db["volumes"])
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    for service in (migrate, bot):    # the tokens come from .env, which a fresh clone does not have yet
        assert service["env_file"] == [{"path": ".env", "required": False}]
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    assert bot["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert bot["environment"]["DATABASE_URL"].startswith("postgresql://") and "@db:5432/" in \
        bot["environment"]["DATABASE_URL"]
    ports = " ".join(bot["ports"])
    for name in ("TELEGRAM_WEBHOOK_PORT", "SLACK_HTTP_PORT", "CRM_HEALTH_PORT"):
        assert name in ports
    assert "crmbot" in " ".join(bot["command"]) and "run" in bot["command"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11-slim" in dockerfile and "\nUSER " in dockerfile
    assert 'CMD ["crmbot", "run"]' in dockerfile


def test_audit_and_forget_in_a_team_that_is_not_there_name_the_teams_there(database_url):
    _team(database_url)
    for args in (("audit", "--customer", "Globex", "--team", "nort"), ("forget", "customer", "Globex", "--team",
                                                                       "nort", "--yes", "--by", "ann")):
        out = crmbot(*args, url=database_url)
        assert out.returncode == 2 and out.stdout == "", out
        assert out.stderr.strip().splitlines()[-1] == ("crmbot: no team called 'nort' in this store (teams: default; "
                                                       "see --team or CRM_TEAM)"), out.stderr
