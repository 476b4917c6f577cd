"""The buttons a real nudge carries, pressed in chat, change the store (and so the next nudges)."""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import select

from bot.adapters.console import Console
from bot.pipeline import Bot
from bot.settings import Settings
from scheduler.delivery import Delivery
from scheduler.limits import RateLimiter
from scheduler.tick import tick
from storage.engine import session
from storage.models import FollowUp
from tests.scheduler.conftest import FakeSender


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def followup_of(engine) -> FollowUp:
    with session(engine) as s:
        return s.execute(select(FollowUp)).scalars().one()


async def test_done_and_snooze_buttons_of_a_nudge_change_the_store(engine, database_url):
    clock = Clock(datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc))  # a Wednesday, 10:00 in London
    crm = Bot(Settings(DATABASE_URL=database_url, CRM_TIMEZONE="Europe/London"), engine, clock=clock)
    anna = Console(crm, user="anna", name="Anna")
    await anna.say("Called Globex, send them the quote tomorrow")
    follow = followup_of(engine)
    assert follow.due == date(2026, 11, 26) and follow.done_at is None

    sender = FakeSender()
    delivery = Delivery(sender, RateLimiter({}), base_delay=0.001)

    async def nudges_at(when: str) -> list:
        before = len(sender.sent)
        await tick(engine, now=datetime.fromisoformat(when).replace(tzinfo=timezone.utc), delivery=delivery)
        return sender.sent[before:]

    assert await nudges_at("2026-11-25 13:00") == []
    [nudge] = await nudges_at("2026-11-26 09:00")  # the follow-up's day, to Anna's console
    assert (nudge.platform, nudge.chat_id) == ("console", "anna") and "Globex" in nudge.reply.text
    buttons = {c.data.rsplit(":", 1)[-1] if c.data.startswith("snooze:") else c.data.split(":")[0]: c.data
               for c in nudge.reply.choices}
    assert set(buttons) == {"done", "1", "7", "open"}

    clock.now = datetime(2026, 11, 26, 9, 5, tzinfo=timezone.utc)
    snoozed = await anna.press(buttons["1"])  # Snooze 1 day
    assert "Globex" in snoozed.text
    assert followup_of(engine).due == date(2026, 11, 27)
    assert await nudges_at("2026-11-27 08:59") == []
    [again] = await nudges_at("2026-11-27 09:00")  # due again on its new day, not as overdue
    assert "Globex" in again.reply.text and "Overdue" not in again.reply.text

    week = next(c.data for c in again.reply.choices if c.data.startswith("snooze:") and c.data.endswith(":7"))
    await anna.press(week)  # Snooze 1 week
    assert followup_of(engine).due == date(2026, 12, 4)
    assert await nudges_at("2026-11-28 09:00") == []  # no overdue nudge for a snoozed follow-up

    [later] = await nudges_at("2026-12-04 09:00")
    done = next(c.data for c in later.reply.choices if c.data.startswith("done:"))
    clock.now = datetime(2026, 12, 4, 9, 10, tzinfo=timezone.utc)
    assert "Globex" in (await anna.press(done)).text  # Done
    assert followup_of(engine).done_at is not None
    assert await nudges_at("2026-12-05 09:00") == []  # a done follow-up is not reminded as overdue
