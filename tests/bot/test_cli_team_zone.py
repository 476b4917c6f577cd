"""A team's days are its own: a team made by adding its first member with `--tz` keeps that member's zone,
`crmbot team set timezone` changes it, and the reports date a win on the day the rep wrote it there
(a Sydney rep's win at 07:30 on Wednesday is won on Wednesday, not on London's Tuesday)."""
from __future__ import annotations

import pytest

from storage.models import Team
from storage.team_settings import Setting, SettingError, change
from tests.bot.test_cli import crmbot


def _add(url: str, who: str, role: str, team: str, *more: str) -> None:
    out = crmbot("user", "add", "--platform", "console", "--id", who, "--name", who.title(), "--role", role,
                 "--team", team, *more, url=url)
    assert out.returncode == 0, out.stderr


def _say(url: str, who: str, now: str, text: str) -> str:
    out = crmbot("say", "--user", who, "--now", now, text, url=url)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_a_sydney_teams_win_is_dated_in_sydney(database_url):
    _add(database_url, "tom", "admin", "agri", "--tz", "Australia/Sydney")
    _add(database_url, "ellen", "manager", "agri", "--by", "tom")
    _add(database_url, "jack", "rep", "agri", "--by", "tom")
    assert "timezone: Australia/Sydney" in crmbot("team", "show", "--team", "agri", url=database_url).stdout
    _say(database_url, "jack", "2027-01-12T09:00", "Visited Murray Downs Pastoral Co, quoted 86k for the header")
    _say(database_url, "jack", "2027-01-13T07:30", "Murray Downs Pastoral signed!!")      # Tue 20:30 in London
    report = _say(database_url, "ellen", "2027-01-15T17:31", "biggest deals won this month")
    assert "won Wed, Jan 13" in report
    history = _say(database_url, "ellen", "2027-01-15T17:32", "murray downs pastoral history")
    assert "Wed, Jan 13" in history and "Tue, Jan 12 · deal" not in history


def test_the_zone_set_by_an_admin_and_a_bad_one_refused(database_url):
    _add(database_url, "oleg", "admin", "kitchen", "--tz", "Asia/Almaty")
    bad = crmbot("team", "set", "timezone", "Mars/Base", "--team", "kitchen", "--by", "oleg", url=database_url)
    assert bad.returncode == 2 and "time zone" in bad.stderr and "Traceback" not in bad.stderr
    good = crmbot("team", "set", "timezone", "Asia/Tashkent", "--team", "kitchen", "--by", "oleg", url=database_url)
    assert good.returncode == 0 and "Asia/Tashkent" in good.stdout


def test_a_zone_is_checked_before_anything_is_written():
    team = Team(name="kitchen", timezone="Asia/Almaty", currency="KZT")
    with pytest.raises(SettingError):
        change(team, Setting.TIMEZONE, "Mars/Base")
    assert change(team, Setting.TIMEZONE, " Asia/Tashkent ").timezone == "Asia/Tashkent"
    assert change(team, Setting.CURRENCY, "USD").timezone == "Asia/Almaty"      # another setting keeps it
