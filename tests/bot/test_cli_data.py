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
