"""Team settings, changed by an admin in chat (English, Chinese, Russian) or with `crmbot team set`,
and read the same way by the nudges, the reports and the chat: quiet days, the digest hour, the
default stay-in-touch cadence, the currency, a stage's probability. A rep or a manager is told who
can change them; a bad value changes nothing; undo takes a change back; another team keeps its own."""
from __future__ import annotations

from datetime import date, time

import pytest
from sqlmodel import Session

from bot.adapters.console import Console
from scheduler.config import NudgeConfig
from scheduler.rules import nudges_for_day
from storage.members import add_user, get_team
from storage.models import AuditLog, Note
from storage.team_settings import quiet_days
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.test_cli import crmbot

NBSP = "\u00a0"


def team_row(engine, name: str = "default"):
    with Session(engine) as s:
        return get_team(s, name)


@pytest.fixture
async def team(bot, crm, engine) -> dict[str, Console]:
    """Anna, the team's admin; Boris, a rep; Vera, a manager; and team north: Nora, its admin, Nick, a rep."""
    assert (await bot.say("help")).text
    with Session(engine) as s:
        ours = get_team(s, "default")
        add_user(s, ours, "console", "boris", "Boris", "rep")
        add_user(s, ours, "console", "vera", "Vera", "manager")
        north = get_team(s, "north")
        add_user(s, north, "console", "nora", "Nora", "admin")
        add_user(s, north, "console", "nick", "Nick", "rep")
        s.commit()
    return {"anna": bot, "boris": Console(crm, user="boris", name="Boris"),
            "vera": Console(crm, user="vera", name="Vera"), "nora": Console(crm, user="nora", name="Nora"),
            "nick": Console(crm, user="nick", name="Nick")}


SETTINGS = [
    ("set quiet days to 7", "quiet days", {"stale_days": 7}),
    ("设置沉寂天数为7天", "沉寂天数", {"stale_days": 7}),
    ("установи тихие дни на 7", "тихие дни", {"stale_days": 7}),
    ("set the digest time to 8", "morning digest time", {"digest_time": "08:00"}),
    ("每日摘要时间改为8点", "每日摘要时间", {"digest_time": "08:00"}),
    ("время сводки 7:30", "время утренней сводки", {"digest_time": "07:30"}),
    ("日报时间改成9点半", "每日摘要时间", {"digest_time": "09:30"}),
    ("每天早报时间设为下午5点15分", "每日摘要时间", {"digest_time": "17:15"}),
    ("set the daily digest to 6pm", "morning digest time", {"digest_time": "18:00"}),
    ("время дайджеста на 6 вечера", "время утренней сводки", {"digest_time": "18:00"}),
    ("set default stay in touch to 30 days", "stay-in-touch", {"touch_days": 30}),
    ("默认联系周期设为30天", "默认联系周期", {"touch_days": 30}),
    ("по умолчанию связываться каждые 30 дней", "связываться по умолчанию", {"touch_days": 30}),
    ("set proposal probability to 60%", "win probability of proposal", {"stage_probabilities": {"proposal": 60}}),
    ("已报价阶段的概率设为60%", "已报价的赢单概率", {"stage_probabilities": {"proposal": 60}}),
    ("вероятность этапа переговоры 80%", "«переговоры»", {"stage_probabilities": {"negotiation": 80}}),
]


@pytest.mark.parametrize("said, shown, stored", SETTINGS, ids=[s for s, _, _ in SETTINGS])
async def test_an_admin_changes_a_setting_in_chat_and_undo_takes_it_back(team, engine, said, shown, stored):
    reply = await team["anna"].say(said)
    assert reply.wrote and shown in reply.text, reply.text
    settings = team_row(engine).settings
    assert {key: settings.get(key) for key in stored} == stored
    assert team_row(engine, "north").settings == {}                     # another team keeps its own
    assert (await team["anna"].press(reply.undo_token)).wrote
    assert all(key not in team_row(engine).settings for key in stored)


async def test_the_currency_is_the_teams_column(team, engine):
    reply = await team["anna"].say("set currency to EUR")
    assert "team currency = EUR" in reply.text
    assert team_row(engine).currency == "EUR" and team_row(engine, "north").currency == "USD"


@pytest.mark.parametrize("who, said", [("boris", "set quiet days to 7"), ("vera", "设置沉寂天数为7天"),
                                        ("boris", "установи тихие дни на 7")])
async def test_a_rep_or_manager_is_told_who_can(team, engine, who, said):
    with Session(engine) as s:
        before = len(s.exec(Note.__table__.select()).all())
    reply = await team[who].say(said)
    assert "Anna" in reply.text and not reply.wrote
    assert team_row(engine).settings == {}
    with Session(engine) as s:
        assert len(s.exec(Note.__table__.select()).all()) == before


EACH_TEAM = [
    ("set quiet days to 5", "5", {"stale_days": 5}),
    ("设置沉寂天数为5天", "5", {"stale_days": 5}),
    ("установи тихие дни на 5", "5", {"stale_days": 5}),
    ("set the alert threshold to 10k", "10000", {"alert_threshold": "10000"}),
    ("大单提醒金额设为5万", "50000", {"alert_threshold": "50000"}),
    ("rename stage negotiation to 'legal check'", "legal check",
     {"stage_names": {"negotiation": {"en": "legal check"}}}),
    ("переименуй этап лид в «первый контакт»", "первый контакт", {"stage_names": {"lead": {"ru": "первый контакт"}}}),
]


@pytest.mark.parametrize("said, shown, stored", EACH_TEAM, ids=[s for s, _, _ in EACH_TEAM])
async def test_each_team_has_its_own_settings_and_its_own_admins(team, engine, said, shown, stored):
    refused = await team["nick"].say(said)                              # north's rep: ask Nora, not Anna
    assert "Nora" in refused.text and "Anna" not in refused.text and not refused.wrote
    changed = await team["nora"].say(said)
    assert changed.wrote and shown in changed.text, changed.text
    assert team_row(engine, "north").settings == stored and team_row(engine).settings == {}
    assert not (await team["anna"].press(changed.undo_token)).wrote    # Anna cannot undo Nora's change
    assert team_row(engine, "north").settings == stored


@pytest.mark.parametrize("said, says", [
    ("set quiet days to 0", "not a number of days"),
    ("set the digest time to 25", "not an hour"),
    ("set currency to EURO", None),
    ("set currency to ABC", "ABC is not a currency"),
    ("валюта ZZZ", "ZZZ"),
    ("设置沉寂天数为999天", "不是有效的天数"),
    ("вероятность этапа переговоры 120%", "не процент"),
])
async def test_a_bad_value_changes_nothing(team, engine, said, says):
    reply = await team["anna"].say(said)
    if says:
        assert says in reply.text, reply.text
    assert not reply.wrote and team_row(engine).settings == {} and team_row(engine).currency == "USD"


async def _quiet_deal(bot, clock) -> None:
    await bot.say("Visited Globex, sent the quote for $40k")
    clock.advance(days=8)


async def test_quiet_days_are_one_setting_for_the_report_and_the_nudges(team, engine, clock):
    await _quiet_deal(team["anna"], clock)
    assert "Globex" not in (await team["anna"].say("quiet deals")).text        # 8 days: not quiet at 14
    await team["anna"].say("set quiet days to 7")
    assert "Globex" in (await team["anna"].say("quiet deals")).text
    with Session(engine) as s:
        row = get_team(s, "default")
        assert NudgeConfig.build(row.settings).stale_days == 7 == quiet_days(row.settings)
        stale = [n for n in nudges_for_day(s, row, date(2026, 12, 2)) if n.kind == "stale_deal"]
    assert [n.customer for n in stale] == ["Globex"] and "7" in stale[0].text


async def test_crm_stale_days_reaches_the_quiet_report_too(team, clock, monkeypatch):
    monkeypatch.setenv("CRM_STALE_DAYS", "7")
    await _quiet_deal(team["anna"], clock)
    assert "Globex" in (await team["anna"].say("quiet deals")).text


async def test_a_stage_probability_weighs_the_forecast(team, clock):
    await team["anna"].say("Visited Globex, sent the quote for $40k")
    await team["anna"].say("Globex should close by the end of the month")
    assert "Projected: $20,000" in (await team["anna"].say("forecast this month")).text.replace(NBSP, " ")
    await team["anna"].say("set proposal probability to 60%")
    assert "Projected: $24,000" in (await team["anna"].say("forecast this month")).text.replace(NBSP, " ")


async def test_the_digest_hour_moves_the_morning_nudges(team, engine):
    await team["anna"].say("set the digest time to 7")
    with Session(engine) as s:
        assert NudgeConfig.build(get_team(s, "default").settings).digest_time == time(7, 0)


async def test_the_default_cadence_nudges_customers_without_their_own(team, engine, clock):
    await team["anna"].say("Visited Globex, sent the quote for $40k")
    await team["anna"].say("set default stay in touch to 30 days")
    with Session(engine) as s:
        row = get_team(s, "default")
        lapsed = [n.customer for n in nudges_for_day(s, row, date(2026, 12, 25)) if n.kind == "stay_in_touch"]
    assert lapsed == ["Globex"]


def test_crmbot_team_set_and_show(database_url):
    assert crmbot("team", "set", "quiet_days", "7", url=database_url).returncode == 0
    out = crmbot("team", "set", "probability", "60", "--stage", "proposal", url=database_url)
    assert out.returncode == 0 and "probability proposal = 60%" in out.stdout
    bad = crmbot("team", "set", "digest_hour", "25", url=database_url)
    assert bad.returncode == 2 and "hour" in bad.stderr and "Traceback" not in bad.stderr
    made_up = crmbot("team", "set", "currency", "QQQ", url=database_url)
    assert made_up.returncode == 2 and "currency" in made_up.stderr
    unknown = crmbot("team", "set", "colour", "blue", url=database_url)
    assert unknown.returncode == 2 and "quiet_days" in unknown.stderr
    shown = crmbot("team", "show", url=database_url).stdout
    assert "quiet_days: 7" in shown and "proposal 60%" in shown
    report = crmbot("report", "quiet", url=database_url)
    assert report.returncode == 0 and "untouched for 7 days" in report.stdout


async def test_a_settings_change_is_in_the_audit_log(team, engine):
    await team["anna"].say("set quiet days to 7")
    with Session(engine) as s:
        rows = s.exec(AuditLog.__table__.select().where(AuditLog.table_name == "team")).all()
    assert rows and rows[-1].after["settings"] == {"stale_days": 7}


@pytest.mark.parametrize("first", [None, "quiet deals"])
async def test_a_setting_holds_for_the_very_next_message(team, clock, monkeypatch, first):
    """However long the process keeps a team's row between messages, a change in chat (and its
    undo) is what the next message sees."""
    import bot.conversation

    monkeypatch.setattr(bot.conversation, "TEAM_TTL_S", 3600.0)
    await team["anna"].say("Visited Globex, sent the quote for $40k")
    clock.advance(days=8)
    if first:
        assert "Globex" not in (await team["anna"].say(first)).text        # 8 days: not quiet at 14
    assert (await team["anna"].say("set quiet days to 7")).wrote
    assert "Globex" in (await team["anna"].say("quiet deals")).text
    await team["anna"].say("undo")
    assert "Globex" not in (await team["anna"].say("quiet deals")).text


@pytest.mark.parametrize("said, says", [
    ("set quiet days to 7", "your team has none yet"),
    ("установи тихие дни на 7", "в вашей команде его пока нет"),
    ("设置沉寂天数为7天", "你的团队还没有管理员"),
])
async def test_a_team_with_no_admin_is_told_how_to_get_one_not_to_ask_nobody(crm, engine, said, says):
    """A team made by adding its manager first ("crmbot user add … --role manager --team south") has no
    admin: a setting asked for says so and how one is added, never "ask —"."""
    with Session(engine) as s:
        add_user(s, get_team(s, "south"), "console", "sam", "Sam", "manager")
        s.commit()
    reply = await Console(crm, user="sam", name="Sam").say(said)
    assert says in reply.text and "--role admin" in reply.text and "—." not in reply.text, reply.text
    assert not reply.wrote and team_row(engine, "south").settings == {}
