"""Managers are told: a win or loss reaching the team's threshold reaches the team's managers at once,
through the scheduler's ledger and delivery, at most once, in each manager's language; the team's
overdue follow-ups and quiet deals are in the managers' weekly digest."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update
from sqlmodel import Session

from scheduler.delivery import Delivery
from scheduler.limits import RateLimiter
from scheduler.rules import nudges_for_day
from scheduler.tick import tick
from bot.adapters.console import Console
from storage.members import add_user, get_team
from storage.models import Deal, FollowUp, FxRate, Member, NudgeLedger, Team
from tests.scheduler.conftest import FakeSender

UTC = timezone.utc


class Scheduler:
    """The real tick, delivering through a fake sender: what each tick sent, to whom."""

    def __init__(self, engine, clock):
        self.engine, self.clock = engine, clock
        self.sender = FakeSender()
        self.delivery = Delivery(self.sender, RateLimiter({}), base_delay=0.001)

    async def tick(self, after: timedelta = timedelta(minutes=1)) -> list[tuple[str, str]]:
        before = len(self.sender.sent)
        await tick(self.engine, now=self.clock.now + after, delivery=self.delivery)
        return [(s.chat_id, s.reply.text) for s in self.sender.sent[before:]]


@pytest.fixture
def people(crm, engine):
    """Team default (London): Anna and Boris (reps), Mila (manager, Chinese), Adam (admin, Russian);
    team teamb: Dora (manager). Console accounts; the account id is the chat."""
    roster = {"anna": ("1001", "Anna", "rep", "default"), "boris": ("1002", "Boris", "rep", "default"),
              "mila": ("1003", "Mila", "manager", "default"), "adam": ("1004", "Adam", "admin", "default"),
              "dora": ("3004", "Dora", "manager", "teamb")}
    with Session(engine) as s:
        for account, name, role, team in roster.values():
            add_user(s, get_team(s, team), "console", account, name, role)
        s.commit()
        s.execute(update(Member).where(Member.name == "Mila").values(language="zh"))
        s.execute(update(Member).where(Member.name == "Adam").values(language="ru"))
        s.commit()
    return {key: Console(crm, user=account, name=name) for key, (account, name, _, _) in roster.items()}


def settle(engine, **settings) -> None:
    with Session(engine) as s:
        team = get_team(s, "default")
        team.settings = {**(team.settings or {}), **settings}
        s.add(team)
        s.commit()


async def test_a_big_win_reaches_every_manager_at_once_and_once(people, engine, clock):
    scheduler = Scheduler(engine, clock)
    await scheduler.tick()
    assert (await people["anna"].say("Globex signed! $45,000")).wrote
    sent = await scheduler.tick()
    assert sorted(chat for chat, _ in sent) == ["1003", "1004"]  # the manager and the admin, not Anna or Dora
    texts = dict(sent)
    assert "🏆 Anna 赢单：Globex" in texts["1003"] and "45,000" in texts["1003"]
    assert "🏆 Anna: сделка с клиентом Globex выиграна" in texts["1004"]
    assert await scheduler.tick(timedelta(minutes=2)) == []            # at most once
    with Session(engine) as s:
        rows = s.execute(select(NudgeLedger).where(NudgeLedger.kind == "deal_alert")).scalars().all()
        assert len(rows) == 2 and all(r.status == "sent" for r in rows)


async def test_a_loss_says_its_reason_and_a_small_deal_below_the_threshold_says_nothing(people, engine, clock):
    settle(engine, alert_threshold="10k")
    scheduler = Scheduler(engine, clock)
    await people["boris"].say("Initech signed! $5,000")
    await people["anna"].say("Umbrella: lost, they went with a cheaper vendor, it was $30k")
    with Session(engine) as s:  # the reason as the note records it (or the sheet imports it)
        s.execute(update(Deal).where(Deal.stage == "lost").values(lost_reason="a cheaper vendor"))
        s.commit()
    sent = await scheduler.tick()
    assert len(sent) == 2 and all("Umbrella" in text and "Initech" not in text for _, text in sent)
    adam = dict(sent)["1004"]
    assert "❌" in adam and "проиграна" in adam and "Причина: a cheaper vendor" in adam


async def test_another_currency_converts_at_the_team_rate_and_without_a_rate_is_told(people, engine, clock):
    settle(engine, alert_threshold=20000)
    scheduler = Scheduler(engine, clock)
    await people["anna"].say("星辰科技签约了，合同¥100000")   # no CNY rate yet: told
    assert len(await scheduler.tick()) == 2
    with Session(engine) as s:
        s.add(FxRate(team_id=get_team(s, "default").id, base="CNY", quote="USD", rate="0.14"))
        s.commit()
    clock.advance(minutes=5)
    await people["anna"].say("华创医疗签约了，合同¥100000")   # $14,000 at the team's rate: below $20,000
    assert await scheduler.tick() == []


async def test_a_win_undone_before_the_tick_is_never_told(people, engine, clock):
    scheduler = Scheduler(engine, clock)
    await people["anna"].say("Globex signed! $45,000")
    await people["anna"].say("undo")
    assert await scheduler.tick() == []


async def test_alerts_wait_for_the_end_of_quiet_hours_and_can_be_turned_off(people, engine, clock):
    scheduler = Scheduler(engine, clock)
    clock.now = datetime(2026, 11, 25, 22, 30, tzinfo=UTC)     # 22:30 in London: quiet
    await people["anna"].say("Globex signed! $45,000")
    assert await scheduler.tick() == []
    assert len(await scheduler.tick(timedelta(hours=9, minutes=45))) == 2   # 08:15 next morning
    settle(engine, alert_threshold="off")
    clock.now = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    await people["boris"].say("Initech signed! $90,000")
    assert await scheduler.tick() == []


async def test_a_manager_is_not_told_of_their_own_win(people, engine, clock):
    scheduler = Scheduler(engine, clock)
    await people["mila"].say("Globex signed! $45,000")
    sent = await scheduler.tick()
    assert [chat for chat, _ in sent] == ["1004"]  # Adam; not Mila herself, nor Dora of the other team


async def test_the_weekly_digest_names_the_teams_overdue_follow_ups_and_quiet_deals(people, engine, clock):
    clock.now = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    await people["anna"].say("Visited Globex, sent the quote for $42k, follow up Nov 5")
    await people["boris"].say("Called Initech, proposal $9,000, follow up Nov 4")
    clock.now = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)    # a Monday, four weeks later
    with Session(engine) as s:
        team = s.get(Team, get_team(s, "default").id)
        digests = [n for n in nudges_for_day(s, team, date(2026, 11, 30)) if n.kind == "digest"]
    texts = {n.member_id: n.text for n in digests}
    assert len(digests) == 2
    zh, ru = sorted(texts.values(), key=lambda text: "逾期" not in text)
    assert "逾期跟进：2 条（Anna 1, Boris 1）" in zh and "Globex" in zh and "沉寂商机" in zh
    assert "Просроченные задачи: 2" in ru and "Зависшие сделки" in ru and "Initech" in ru
    with Session(engine) as s:
        for follow in s.execute(select(FollowUp)).scalars():
            follow.done_at = clock.now
            s.add(follow)
        for deal in s.execute(select(Deal)).scalars():
            deal.updated_at = clock.now
            s.add(deal)
        s.commit()
        team = s.get(Team, get_team(s, "default").id)
        calm = [n.text for n in nudges_for_day(s, team, date(2026, 11, 30)) if n.kind == "digest"]
    assert any("没有逾期跟进，也没有沉寂商机" in text for text in calm)


async def test_the_dry_run_lists_the_days_alerts_under_their_own_kind(people, engine, clock):
    await people["anna"].say("Globex signed! $45,000")
    with Session(engine) as s:
        team = s.get(Team, get_team(s, "default").id)
        alerts = [n.as_json() for n in nudges_for_day(s, team, date(2026, 11, 25)) if n.kind == "deal_alert"]
        assert [n for n in nudges_for_day(s, team, date(2026, 11, 26)) if n.kind == "deal_alert"] == []
    assert len(alerts) == 2 and all(a["customer"] == "Globex" and a["due"] == "2026-11-25" for a in alerts)


THRESHOLDS = [
    ("set the alert threshold to 10k", "alert threshold", "10000"),
    ("tell managers about deals over $25,000", "alert threshold", "25000"),
    ("大单提醒金额设为1万", "大单提醒金额", "10000"),
    ("установи порог оповещений на 10 тыс", "порог оповещений", "10000"),
]


@pytest.mark.parametrize("said, shown, stored", THRESHOLDS, ids=[s for s, _, _ in THRESHOLDS])
async def test_an_admin_sets_the_threshold_in_chat_the_alerts_read_it_and_undo_takes_it_back(
        people, engine, clock, said, shown, stored):
    scheduler = Scheduler(engine, clock)
    reply = await people["adam"].say(said)
    assert reply.wrote and shown in reply.text and stored in reply.text, reply.text
    with Session(engine) as s:
        assert get_team(s, "default").settings["alert_threshold"] == stored
        assert "alert_threshold" not in (get_team(s, "teamb").settings or {})   # the other team keeps its own
    await people["boris"].say("Initech signed! $5,000")                           # below: nobody is told
    assert await scheduler.tick() == []
    assert (await people["adam"].press(reply.undo_token)).wrote
    with Session(engine) as s:
        assert "alert_threshold" not in (get_team(s, "default").settings or {})
    clock.advance(minutes=5)
    await people["anna"].say("Hooli signed! $6,000")     # every win again, the day's Initech too (once each)
    sent = await scheduler.tick()
    assert sorted(chat for chat, _ in sent) == ["1003", "1003", "1004", "1004"]
    assert sum("Initech" in text for _, text in sent) == 2 and sum("Hooli" in text for _, text in sent) == 2
    assert await scheduler.tick(timedelta(minutes=2)) == []


@pytest.mark.parametrize("who, said", [("anna", "set the alert threshold to 10k"), ("mila", "关闭大单提醒"),
                                        ("boris", "отключи оповещения о сделках")])
async def test_a_rep_or_manager_is_told_who_sets_the_threshold(people, engine, who, said):
    reply = await people[who].say(said)
    assert "Adam" in reply.text and not reply.wrote
    with Session(engine) as s:
        assert "alert_threshold" not in (get_team(s, "default").settings or {})


@pytest.mark.parametrize("said, says", [("set the alert threshold to lots", "not an amount"),
                                        ("提醒门槛改为很多", "不是有效的金额"),
                                        ("установи порог оповещений на много", "не сумма")])
async def test_a_threshold_nobody_can_read_changes_nothing(people, engine, said, says):
    reply = await people["adam"].say(said)
    assert says in reply.text and not reply.wrote, reply.text
    with Session(engine) as s:
        assert "alert_threshold" not in (get_team(s, "default").settings or {})


async def test_turning_the_alerts_off_in_chat_silences_them_and_the_team_setting_wins_over_the_environment(
        people, engine, clock, monkeypatch):
    from scheduler.config import NudgeConfig
    from storage.team_settings import alert_threshold

    monkeypatch.setenv("CRM_ALERT_THRESHOLD", "100k")
    scheduler = Scheduler(engine, clock)
    await people["anna"].say("Globex signed! $35,000")             # below the environment's 100k and the 40k to come
    assert await scheduler.tick() == []
    await people["adam"].say("set the alert threshold to 40k")
    clock.advance(minutes=5)
    await people["boris"].say("Initech signed! $45,000")
    assert len(await scheduler.tick()) == 2
    reply = await people["adam"].say("turn off deal alerts")
    assert reply.wrote and "this large) = off." in reply.text, reply.text
    assert "уже выкл." in (await people["adam"].say("отключи оповещения о сделках")).text   # nothing to change
    clock.advance(minutes=5)
    await people["boris"].say("Hooli signed! $450,000")
    assert await scheduler.tick() == []
    with Session(engine) as s:
        team = get_team(s, "default")
        assert alert_threshold(team.settings) is None is NudgeConfig.build(team.settings).alert_threshold
        assert alert_threshold(get_team(s, "teamb").settings) == 100_000    # teamb: the environment's


def test_crmbot_team_set_alert_threshold_is_the_setting_the_alerts_and_team_show_read(database_url):
    from tests.bot.test_cli import crmbot

    out = crmbot("team", "set", "alert_threshold", "1.5m", url=database_url)
    assert out.returncode == 0 and "alert_threshold = 1500000" in out.stdout, out.stderr
    assert "alert_threshold: 1500000" in crmbot("team", "show", url=database_url).stdout
    bad = crmbot("team", "set", "alert_threshold", "lots", url=database_url)
    assert bad.returncode == 2 and "amount" in bad.stderr and "Traceback" not in bad.stderr
    assert crmbot("team", "set", "alert_threshold", "off", url=database_url).returncode == 0
    shown = crmbot("team", "show", url=database_url, CRM_ALERT_THRESHOLD="5k").stdout
    assert "alert_threshold: off" in shown                      # the team's setting over the environment
