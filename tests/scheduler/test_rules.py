"""Each kind of nudge on its day, and not the day before or after (rules over the real store)."""
from __future__ import annotations

from datetime import date

from scheduler.config import NudgeConfig
from scheduler.rules import nudges_for_day
from storage.engine import session
from storage.models import Customer
from tests.scheduler.conftest import World


def on(world: World, day: str, kind: str | None = None) -> list:
    with session(world.engine) as s:
        found = nudges_for_day(s, world.team, date.fromisoformat(day), NudgeConfig())
    return [n for n in found if kind is None or n.kind == kind]


def test_followup_on_its_day_then_overdue_once(world):
    ann = world.member()
    globex = world.customer("Globex", ann)
    world.interaction(globex, ann, "2026-11-20 10:00", "Visited Globex, met Maria")
    follow = world.followup(globex, ann, date(2026, 12, 1), "send the quote")

    assert on(world, "2026-11-30", "followup") == []
    [today] = on(world, "2026-12-01", "followup")
    assert today.subject == f"followup:{follow.id}" and today.member_id == ann.id
    assert today.platform == "telegram" and today.to == ann.chat
    assert "Globex" in today.text and "send the quote" in today.text and "Visited Globex" in today.text
    assert today.due == date(2026, 12, 1) and not today.overdue
    assert [c.data for c in today.choices] == [f"done:{follow.id}", f"snooze:{follow.id}:1",
                                               f"snooze:{follow.id}:7", f"open:{globex.id}"]
    [late] = on(world, "2026-12-02", "followup")
    assert late.overdue and "Overdue" in late.text and late.local_day == date(2026, 12, 2)
    assert on(world, "2026-12-03", "followup") == []


def test_done_followup_is_not_reminded(world):
    ann = world.member()
    world.followup(world.customer("Globex", ann), ann, date(2026, 12, 1), done=True)
    assert on(world, "2026-12-01") == []


def test_feb_29_birthday_on_feb_28_of_a_common_year(world):
    ann = world.member()
    globex = world.customer("Globex", ann)
    world.contact(globex, "Maria Petrova", birthday=(2, 29))
    [nudge] = on(world, "2027-02-28", "birthday")
    assert "Maria Petrova" in nudge.text and "Globex" in nudge.text and nudge.customer == "Globex"
    assert on(world, "2027-03-01", "birthday") == []
    assert on(world, "2027-02-27", "birthday") == []
    assert len(on(world, "2028-02-29", "birthday")) == 1
    assert on(world, "2028-02-28", "birthday") == []


def test_birthday_goes_to_deal_owner_else_last_logger_else_customer_owner(world):
    owner, logger, deal_owner = world.member("Owner"), world.member("Logger"), world.member("Dealer")
    globex = world.customer("Globex", owner)
    world.contact(globex, "Maria", birthday=(6, 1))
    assert [n.member_id for n in on(world, "2026-06-01")] == [owner.id]
    world.interaction(globex, logger, "2026-05-01 10:00")
    assert [n.member_id for n in on(world, "2026-06-01")] == [logger.id]
    world.deal(globex, deal_owner, created_at="2026-05-30 10:00")
    assert [n.member_id for n in on(world, "2026-06-01", "birthday")] == [deal_owner.id]


def test_anniversary_each_year_after_a_won_deal(world):
    ann = world.member()
    globex = world.customer("Globex", ann)
    world.interaction(globex, ann, "2027-12-01 08:00")
    world.deal(globex, ann, stage="won", closed_at="2025-12-01 15:00", title="annual support")
    world.deal(globex, ann, stage="lost", closed_at="2025-12-01 15:00")
    assert on(world, "2025-12-01", "anniversary") == []
    assert on(world, "2026-11-30", "anniversary") == []
    [first] = on(world, "2026-12-01", "anniversary")
    assert "annual support" in first.text and first.customer == "Globex"
    assert on(world, "2026-12-02", "anniversary") == []
    [second] = on(world, "2027-12-01", "anniversary")
    assert second.text.startswith("🎉 2 year")


def test_anniversary_follows_the_local_day(engine):
    world = World(engine, timezone="Asia/Shanghai")
    ann = world.member()
    globex = world.customer("Globex", ann)
    world.deal(globex, ann, stage="won", closed_at="2025-11-30 18:00")  # Dec 1, 02:00 in Shanghai
    assert len(on(world, "2026-12-01", "anniversary")) == 1
    assert on(world, "2026-11-30", "anniversary") == []


def test_quiet_deal_alert_once_per_quiet_period(world):
    ann = world.member()
    globex = world.customer("Globex", ann)
    world.deal(globex, ann, created_at="2026-10-01 09:00")
    world.interaction(globex, ann, "2026-11-01 10:00")
    assert on(world, "2026-11-14", "stale_deal") == []
    [alert] = on(world, "2026-11-15", "stale_deal")
    assert "14 days" in alert.text and alert.customer == "Globex"
    assert on(world, "2026-11-16", "stale_deal") == []
    assert on(world, "2026-11-28", "stale_deal") == []
    assert "28 days" in on(world, "2026-11-29", "stale_deal")[0].text  # a new full quiet period
    world.interaction(globex, ann, "2026-11-20 10:00")  # activity starts the period again
    assert on(world, "2026-11-29", "stale_deal") == []
    assert len(on(world, "2026-12-04", "stale_deal")) == 1


def test_closed_deals_are_never_quiet(world):
    ann = world.member()
    globex = world.customer("Globex", ann)
    world.deal(globex, ann, stage="won", created_at="2026-10-01 09:00", closed_at="2026-10-02 09:00")
    assert on(world, "2026-10-15", "stale_deal") == []


def test_stale_days_from_team_settings(engine):
    world = World(engine, settings={"stale_days": 7})
    ann = world.member()
    globex = world.customer("Globex", ann)
    world.deal(globex, ann, created_at="2026-11-01 09:00")
    with session(engine) as s:
        found = nudges_for_day(s, world.team, date(2026, 11, 8))
    assert [n.kind for n in found] == ["stale_deal"]


def test_stay_in_touch_lapses_and_resets(world):
    ann = world.member()
    globex = world.customer("Globex", ann, touch_days=30)
    world.customer("Initech", ann)  # no cadence: never nudged
    world.interaction(globex, ann, "2026-11-01 10:00")
    assert on(world, "2026-11-30", "stay_in_touch") == []
    [nudge] = on(world, "2026-12-01", "stay_in_touch")
    assert "Globex" in nudge.text and "30" in nudge.text and nudge.subject == f"customer:{globex.id}"
    assert on(world, "2026-12-02", "stay_in_touch") == []
    world.interaction(globex, ann, "2026-11-25 10:00")
    assert on(world, "2026-12-01", "stay_in_touch") == []
    assert len(on(world, "2026-12-25", "stay_in_touch")) == 1


def test_cadence_set_later_counts_from_the_store(world):
    ann = world.member()
    globex = world.customer("Globex", ann)
    world.interaction(globex, ann, "2026-11-01 10:00")
    with session(world.engine) as s:
        row = s.get(Customer, globex.id)
        row.custom = {**row.custom, "touch_days": "10"}
        s.add(row)
        s.commit()
    assert len(on(world, "2026-11-11", "stay_in_touch")) == 1


def test_weekly_digest_on_monday_to_managers(world):
    rep, boss = world.member("Rep"), world.member("Boss Person", role="manager")
    globex = world.customer("Globex", rep)
    world.deal(globex, rep, created_at="2026-11-27 09:00")
    world.interaction(globex, rep, "2026-11-25 10:00")
    [digest] = on(world, "2026-11-30", "digest")  # a Monday
    assert digest.member_id == boss.id and digest.subject == "weekly"
    assert "$40,000" in digest.text and "Rep: 1" in digest.text
    assert on(world, "2026-12-01", "digest") == []


def test_texts_in_the_members_language(world):
    ivan = world.member("Иван", lang="ru")
    wang = world.member("王伟", lang="zh")
    globex = world.customer("Глобекс", ivan)
    world.followup(globex, ivan, date(2026, 12, 1), "отправить КП")
    world.followup(world.customer("星辰科技", wang), wang, date(2026, 12, 1), "发报价")
    texts = {n.member_id: n for n in on(world, "2026-12-01")}
    assert "напоминание" in texts[ivan.id].text and texts[ivan.id].lang == "ru"
    assert texts[ivan.id].choices[0].label == "✅ Готово"
    assert "跟进" in texts[wang.id].text and texts[wang.id].lang == "zh"


def test_unreachable_members_get_nothing(world):
    ann = world.member(reachable=False)
    world.followup(world.customer("Globex", ann), ann, date(2026, 12, 1))
    assert on(world, "2026-12-01") == []


def test_weekly_digest_to_the_team_channel_when_set(engine):
    world = World(engine, settings={"digest_channel": "C0SALES"})
    boss = world.member("Boss", role="manager")
    world.member("Rep")
    with session(engine) as s:
        found = nudges_for_day(s, world.team, date(2026, 11, 30))
    assert sorted((n.platform, n.to, n.member_id) for n in found) == sorted(
        [("telegram", boss.chat, boss.id), ("slack", "C0SALES", boss.id)])
