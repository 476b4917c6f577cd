"""Two teams on one store through the command line: `say` acts in the account's team, every
report, nudge list and export of one team holds nothing of the other (issue 13, case 1)."""
from __future__ import annotations

import json
from pathlib import Path

from tests.bot.test_cli import crmbot

NOTE_A = ("Visited Vandelay Industries, met Elaine Benes +1 555 0199 elaine@vandelay.com, "
          "sent the quote for $37k, follow up Friday")
SECRETS = ("vandelay", "elaine", "benes", "555 0199", "37000", "37,000", "3700000", "anna")
REPORTS = ("pipeline", "forecast", "funnel", "activity", "sources", "top", "quiet", "overdue", "inquiries")


def _leaks(text: str, own: str = "") -> list[str]:
    """Team A's words in `text`, beside `own` (a name the other team wrote itself)."""
    text = text.lower().replace(own.lower(), "") if own else text.lower()
    return [word for word in SECRETS if word in text]


def test_the_issues_commands_keep_team_b_out_of_team_a(database_url, tmp_path: Path):
    url = database_url
    assert crmbot("user", "add", "--platform", "telegram", "--id", "1001", "--name", "Anna", url=url).returncode == 0
    out = crmbot("user", "add", "--platform", "telegram", "--id", "3003", "--name", "Carl", "--team", "teamb",
                 url=url)
    assert out.returncode == 0, out.stderr
    out = crmbot("say", "--platform", "telegram", "--user", "1001", "--now", "2026-11-25T10:00", NOTE_A, url=url)
    assert "Vandelay Industries" in out.stdout, out.stderr
    out = crmbot("say", "--platform", "telegram", "--user", "3003", "--now", "2026-11-25T10:05",
                 "what do we know about Vandelay Industries?", url=url)
    assert out.returncode == 0 and "don't know" in out.stdout
    assert _leaks(out.stdout) == ["vandelay"]  # its name as Carl wrote it, nothing else
    out = crmbot("say", "--platform", "telegram", "--user", "3003", "--now", "2026-11-25T10:06",
                 "Visited Vandelay Industries, deal lost", url=url)
    assert "new customer" in out.stdout
    out = crmbot("say", "--platform", "telegram", "--user", "1001", "--now", "2026-11-25T10:07",
                 "what do we know about Vandelay Industries?", url=url)
    assert "Elaine Benes" in out.stdout and "proposal" in out.stdout and "lost" not in out.stdout

    for kind in REPORTS:
        out = crmbot("report", kind, "--team", "teamb", "--json", "--now", "2026-11-25T12:00", url=url)
        assert out.returncode == 0, (kind, out.stderr)
        assert _leaks(out.stdout, own="Vandelay Industries") == [], (kind, out.stdout)
    pipeline_a = json.loads(crmbot("report", "pipeline", "--json", "--now", "2026-11-25T12:00", url=url).stdout)
    assert pipeline_a["total"] == 37000
    pipeline_b = json.loads(crmbot("report", "pipeline", "--team", "teamb", "--json", "--now", "2026-11-25T12:00",
                                   url=url).stdout)
    assert pipeline_b["total"] == 0

    out = crmbot("nudges", "--date", "2026-11-27", "--team", "teamb", "--json", url=url)
    assert out.returncode == 0 and _leaks(out.stdout) == []
    out = crmbot("nudges", "--date", "2026-11-27", "--json", url=url)
    assert "Vandelay" in out.stdout

    out = crmbot("export", "--all", str(tmp_path / "b"), "--team", "teamb", url=url)
    assert out.returncode == 0, out.stderr
    everything = "\n".join(p.read_text() for p in (tmp_path / "b").glob("*.csv"))
    assert _leaks(everything, own="Vandelay Industries") == []
    assert "Carl" in (tmp_path / "b" / "members.csv").read_text()
    assert "Anna" not in (tmp_path / "b" / "members.csv").read_text()
    out = crmbot("export", "--all", str(tmp_path / "a"), url=url)
    assert "elaine@vandelay.com" in (tmp_path / "a" / "contacts.csv").read_text()
    assert "Carl" not in (tmp_path / "a" / "members.csv").read_text()
    assert "teamb" not in (tmp_path / "a" / "teams.csv").read_text()


def test_a_slack_workspace_is_mapped_to_a_team_from_the_command_line(database_url):
    out = crmbot("workspace", "list", url=database_url)
    assert out.returncode == 0 and "CRM_TEAM" in out.stdout
    out = crmbot("workspace", "map", "T0B", "--team", "teamb", url=database_url)
    assert out.returncode == 0 and "teamb" in out.stdout, out.stderr
    out = crmbot("workspace", "map", "T0B", url=database_url)
    assert "was mapped to teamb" in out.stdout
    assert "slack T0B → default" in crmbot("workspace", "list", url=database_url).stdout
    out = crmbot("workspace", "map", "not a workspace", url=database_url)
    assert out.returncode == 2 and "T0123ABCD" in out.stderr and "Traceback" not in out.stderr
    assert "no longer mapped" in crmbot("workspace", "unmap", "T0B", url=database_url).stdout
    assert "was not mapped" in crmbot("workspace", "unmap", "T0B", url=database_url).stdout
