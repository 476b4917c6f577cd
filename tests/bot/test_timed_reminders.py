"""A time of day in a follow-up makes a timed reminder: stored with the follow-up, shown in the
reply, sent by the scheduler at that local time (besides the morning's list), moved by Snooze,
gone when done, taken back by undo; in three languages and the member's own zone."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.adapters.console import Console
from bot.pipeline import Bot
from bot.settings import Settings
from scheduler.delivery import Delivery
from scheduler.limits import RateLimiter
from scheduler.rules import nudges_for_day
from scheduler.tick import tick
from storage.engine import session
from storage.models import FollowUp, Team
from tests.bot.records import business, difference
from tests.scheduler.conftest import FakeSender

UTC = timezone.utc


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class Scheduler:
    """The real tick, delivering through a fake sender: what each tick sent."""

    def __init__(self, engine):
        self.engine = engine
        self.sender = FakeSender()
        self.delivery = Delivery(self.sender, RateLimiter({}), base_delay=0.001)

    async def at(self, when: str) -> list[str]:
        before = len(self.sender.sent)
        await tick(self.engine, now=utc(when), delivery=self.delivery)
        return [s.reply.text for s in self.sender.sent[before:]]


def followups(engine) -> list[FollowUp]:
    with session(engine) as s:
        return list(s.execute(select(FollowUp).order_by(FollowUp.id)).scalars())


@pytest.fixture
def chat(engine, database_url, clock, tmp_path, request):
    """Anna's console chat, her team in `request.param`'s zone (London unless told)."""
    zone = getattr(request, "param", "Europe/London")
    crm = Bot(Settings(DATABASE_URL=database_url, CRM_TIMEZONE=zone, CRM_SPOOL_PATH=str(tmp_path / "spool")),
              engine, clock=clock)
    return Console(crm, user="anna", name="Anna")


# (team zone, the note, what the reply shows, the reminder's instant in UTC, what the reminder says)
TIMED = [
    ("Europe/London", "Called Globex, remind me to call Maria tomorrow at 3pm", "3:00 PM", "2026-11-26 15:00",
     "It's 3:00 PM"),
    ("Europe/Moscow", "Звонил в Вектор, завтра в 15:00 позвонить Ивану", "в 15:00", "2026-11-26 12:00",
     "15:00 — пора"),
    ("Asia/Shanghai", "给星辰科技打了电话，明天下午3点给王总打电话", "15:00", "2026-11-26 07:00", "现在是 15:00"),
    ("Europe/Moscow", "Был у Вектора, напомни завтра в 3 часа дня отправить КП", "в 15:00", "2026-11-26 12:00",
     "15:00 — пора"),
    ("Asia/Shanghai", "拜访了蓝海物流，提醒我明天上午10点半发合同", "10:30", "2026-11-26 02:30", "现在是 10:30"),
]


@pytest.mark.parametrize("chat, note, shown, instant, says", TIMED, indirect=["chat"], ids=[t[1] for t in TIMED])
async def test_a_time_of_day_makes_a_reminder_sent_at_that_local_time(chat, engine, clock, note, shown, instant,
                                                                    says):
    reply = await chat.say(note)
    assert shown in reply
    [follow] = followups(engine)
    assert follow.due == date(2026, 11, 26) and follow.remind_at == utc(instant)
    scheduler = Scheduler(engine)
    minute = timedelta(minutes=1)
    assert all(says not in text for text in await scheduler.at(f"{utc(instant) - minute:%Y-%m-%d %H:%M}"))
    [timed] = [text for text in await scheduler.at(instant) if says in text]
    assert timed.count("\n") <= 1  # alone, not inside a digest
    assert not [text for text in await scheduler.at(f"{utc(instant) + minute:%Y-%m-%d %H:%M}") if says in text]


async def test_the_morning_list_shows_the_hour_and_the_reminder_comes_at_it(chat, engine, clock):
    await chat.say("Called Globex, remind me to call Maria tomorrow at 3pm")
    clock.advance(minutes=1)
    assert "3:00 PM" in await chat.say("my follow-ups tomorrow")
    scheduler = Scheduler(engine)
    [morning] = await scheduler.at("2026-11-26 09:00")
    assert "today at 3:00 PM with Globex" in morning
    assert await scheduler.at("2026-11-26 14:59") == []
    [timed] = await scheduler.at("2026-11-26 15:00")
    assert "It's 3:00 PM" in timed and "Globex" in timed
    with session(engine) as s:
        [team] = s.execute(select(Team)).scalars().all()
        dry = nudges_for_day(s, team, date(2026, 11, 26))
    assert sorted(n.subject for n in dry) == sorted([f"followup:{followups(engine)[0].id}",
                                                     f"followup:{followups(engine)[0].id}@1500"])


async def test_a_reminder_missed_while_the_bot_was_down_still_goes_that_afternoon(chat, engine):
    await chat.say("Called Globex, remind me to call Maria tomorrow at 3pm")
    scheduler = Scheduler(engine)
    [timed] = [text for text in await scheduler.at("2026-11-26 16:30") if "It's 3:00 PM" in text]
    assert "Globex" in timed
    assert await scheduler.at("2026-11-26 16:31") == []


async def test_a_late_evening_reminder_is_sent_in_quiet_hours_because_it_was_asked_for(chat, engine):
    await chat.say("Called Globex, remind me tomorrow at 10pm to send the contract")
    scheduler = Scheduler(engine)
    [timed] = [text for text in await scheduler.at("2026-11-26 22:00") if "10:00 PM" in text]
    assert "send the contract" in timed


async def test_done_before_the_hour_means_no_reminder(chat, engine, clock):
    await chat.say("Called Globex, remind me to call Maria tomorrow at 3pm")
    [follow] = followups(engine)
    clock.advance(hours=2)
    assert "Done" in await chat.press(f"done:{follow.id}")
    assert await Scheduler(engine).at("2026-11-26 15:00") == []


async def test_snooze_keeps_the_hour_on_the_new_day_and_undo_brings_the_old_one_back(chat, engine, clock):
    reply = await chat.say("Звонил в Вектор, завтра в 15:00 позвонить Ивану")
    [follow] = followups(engine)
    found = business(engine)
    clock.advance(days=1)
    snoozed = await chat.press(f"snooze:{follow.id}:1")
    assert "15:00" in snoozed and reply.undo_token != snoozed.undo_token
    [follow] = followups(engine)
    assert (follow.due, follow.remind_at) == (date(2026, 11, 27), utc("2026-11-27 15:00"))
    scheduler = Scheduler(engine)
    assert not [t for t in await scheduler.at("2026-11-26 15:00") if "пора" in t]
    assert [t for t in await scheduler.at("2026-11-27 15:00") if "пора" in t]
    await chat.press(snoozed.undo_token)
    assert difference(found, business(engine)) == []


async def test_a_reminder_with_a_time_and_no_day_is_today_or_tomorrow(chat, engine, clock):
    assert "3:00 PM" in await chat.say("Visited Globex. Remind me at 3pm to send the deck")
    assert "Tue" not in (reply := await chat.say("Remind me at 9am to call Globex back")) and "9:00 AM" in reply
    first, second = followups(engine)
    assert (first.due, first.remind_at) == (date(2026, 11, 25), utc("2026-11-25 15:00"))
    assert (second.due, second.remind_at) == (date(2026, 11, 26), utc("2026-11-26 09:00"))  # 9am has passed today


@pytest.mark.parametrize("chat", ["Europe/London"], indirect=True)
async def test_undo_takes_the_timed_reminder_back_with_the_note(chat, engine, clock):
    found = business(engine)
    await chat.say("提醒我明天下午3点半给星辰科技打电话")
    clock.advance(minutes=1)
    assert "已撤销" in await chat.say("撤销")
    assert difference(found, business(engine)) == []
    assert await Scheduler(engine).at("2026-11-26 15:30") == []
