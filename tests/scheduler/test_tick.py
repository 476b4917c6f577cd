"""Ticks over the real store: the hour, quiet hours, digests, the ledger, retries, 403s, DST."""
from __future__ import annotations

import asyncio
from datetime import date, timedelta

import pytest

from scheduler.delivery import Delivery
from scheduler.limits import RateLimiter
from scheduler.lock import LeaseLock
from scheduler.tick import tick
from storage.engine import session
from storage.models import FollowUp
from tests.scheduler.conftest import FakeSender, Failure, World, at


def fast(sender: FakeSender, **options) -> Delivery:
    """Delivery without rate limits and with millisecond backoff, so tests run quickly."""
    return Delivery(sender, RateLimiter({}), base_delay=0.001, **options)


async def run(world: World, sender: FakeSender, when: str, **options) -> object:
    return await tick(world.engine, now=at(when), delivery=options.pop("delivery", None) or fast(sender),
                      **options)


async def test_nothing_before_the_hour_then_once(world, sender):
    ann = world.member()
    world.followup(world.customer("Globex", ann), ann, date(2026, 12, 1))
    report = await run(world, sender, "2026-12-01 08:59")
    assert report.ran and sender.sent == []
    await run(world, sender, "2026-12-01 09:00")
    assert len(sender.sent) == 1 and sender.sent[0].chat_id == ann.chat
    assert [c.data for c in sender.sent[0].reply.choices][:1] == ["done:1"]
    await run(world, sender, "2026-12-01 09:01")
    await run(world, sender, "2026-12-01 15:00")
    assert len(sender.sent) == 1
    [row] = world.ledger()
    assert (row.kind, row.status, row.attempts, row.local_day) == ("followup", "sent", 1, date(2026, 12, 1))
    await run(world, sender, "2026-12-02 09:00")  # overdue, once, the next morning
    await run(world, sender, "2026-12-02 09:30")
    assert len(sender.sent) == 2 and "Overdue" in sender.sent[1].reply.text


async def test_added_later_in_the_day_goes_at_the_next_tick(world, sender):
    ann = world.member()
    globex = world.customer("Globex", ann)
    await run(world, sender, "2026-12-01 13:59")
    world.followup(globex, ann, date(2026, 12, 1))
    await run(world, sender, "2026-12-01 14:00")
    assert len(sender.sent) == 1


async def test_quiet_hours_defer_to_the_next_allowed_time(world, sender):
    ann = world.member()
    globex = world.customer("Globex", ann)
    world.followup(globex, ann, date(2026, 12, 1))
    await run(world, sender, "2026-12-01 21:30")  # 21:00–08:00 is quiet
    assert sender.sent == []
    await run(world, sender, "2026-12-02 07:59")
    assert sender.sent == []
    await run(world, sender, "2026-12-02 09:00")
    assert len(sender.sent) == 1 and "Overdue" in sender.sent[0].reply.text


async def test_digest_hour_inside_quiet_hours_waits_for_their_end(engine, sender):
    world = World(engine, settings={"digest_time": "07:00", "quiet_hours": "22:00-08:00"})
    ann = world.member()
    world.followup(world.customer("Globex", ann), ann, date(2026, 12, 1))
    await run(world, sender, "2026-12-01 07:30")
    assert sender.sent == []
    await run(world, sender, "2026-12-01 08:00")
    assert len(sender.sent) == 1


async def test_morning_digest_groups_a_members_nudges(world, sender):
    ann = world.member("Ann Lee")
    for name in ("Globex", "Initech", "Umbrella"):
        world.followup(world.customer(name, ann), ann, date(2026, 12, 1), f"call {name}")
    await run(world, sender, "2026-12-01 09:00")  # a Tuesday
    [message] = sender.sent
    assert message.reply.text.startswith("☀️ Good morning, Ann")
    assert all(name in message.reply.text for name in ("Globex", "Initech", "Umbrella"))
    assert [c.data for c in message.reply.choices] == ["done:1", "done:2", "done:3"]
    assert [r.status for r in world.ledger()] == ["sent"] * 3


async def test_no_digest_on_weekends_unless_set(engine, sender):
    world = World(engine)
    ann = world.member()
    for name in ("Globex", "Initech"):
        world.followup(world.customer(name, ann), ann, date(2026, 12, 5), f"call {name}")  # a Saturday
    await run(world, sender, "2026-12-05 09:00")
    assert len(sender.sent) == 2 and not any("Good morning" in t for t in sender.texts())

    weekend = World.__new__(World)
    other = FakeSender()
    with session(engine) as s:
        team = s.get(type(world.team), world.team.id)
        team.settings = {"digest_weekends": True}
        s.add(team)
        s.commit()
    weekend.__dict__.update(world.__dict__)
    ben = weekend.member("Ben")
    for name in ("Hooli", "Vandelay"):
        weekend.followup(weekend.customer(name, ben), ben, date(2026, 12, 5))
    await run(weekend, other, "2026-12-05 09:05")
    assert len(other.sent) == 1 and "Good morning" in other.sent[0].reply.text


async def test_two_ticks_at_once_send_each_nudge_once(world, sender):
    ann, ben = world.member("Ann"), world.member("Ben")
    for i in range(5):
        world.followup(world.customer(f"Customer {i}", ann), ann if i % 2 else ben, date(2026, 12, 1))
    slow = FakeSender(delay=0.01)
    # no lock at all: the ledger's unique key alone keeps it to once
    await asyncio.gather(run(world, slow, "2026-12-01 09:00", delivery=fast(slow)),
                         run(world, slow, "2026-12-01 09:00", delivery=fast(slow)))
    assert len(slow.sent) == 2  # one morning digest each
    assert sorted(r.status for r in world.ledger()) == ["sent"] * 5


async def test_two_tickers_with_locks_only_one_runs(world, sender):
    ann = world.member()
    world.followup(world.customer("Globex", ann), ann, date(2026, 12, 1))
    first, second = LeaseLock(world.engine), LeaseLock(world.engine)
    reports = await asyncio.gather(run(world, sender, "2026-12-01 09:00", lock=first),
                                   run(world, sender, "2026-12-01 09:00", lock=second))
    assert sorted(r.ran for r in reports) == [False, True]
    assert len(sender.sent) == 1


async def test_a_failing_sender_is_retried_and_recorded(world, sender):
    ann = world.member()
    world.followup(world.customer("Globex", ann), ann, date(2026, 12, 1))
    sender.failures[ann.chat] = [Failure(500), Failure(502), Failure(500), Failure(503)]
    report = await run(world, sender, "2026-12-01 09:00")
    assert report.failed == 1 and sender.calls == 3 and sender.sent == []
    [row] = world.ledger()
    assert (row.status, row.attempts) == ("failed", 3) and "503" not in row.error and "500" in row.error
    await run(world, sender, "2026-12-01 09:01")  # the next tick takes it back
    [row] = world.ledger()
    assert (row.status, row.attempts) == ("sent", 5) and row.error is None
    assert len(sender.sent) == 1


async def test_a_failure_that_never_ends_stops_after_the_budget(world, sender):
    ann = world.member()
    world.followup(world.customer("Globex", ann), ann, date(2026, 12, 1))
    sender.failures[ann.chat] = [Failure(500) for _ in range(100)]
    for minute in range(6):
        await run(world, sender, f"2026-12-01 09:0{minute}")
    [row] = world.ledger()
    assert row.status == "failed" and row.attempts == 9 and sender.calls == 9


async def test_a_403_marks_the_account_unreachable(world, sender):
    ann, ben = world.member("Ann"), world.member("Ben")
    world.followup(world.customer("Globex", ann), ann, date(2026, 12, 1))
    world.followup(world.customer("Initech", ben), ben, date(2026, 12, 1))
    sender.failures[ann.chat] = [Failure(403)]
    report = await run(world, sender, "2026-12-01 09:00")
    assert report.blocked == 1 and report.sent == 1 and sender.calls == 2
    assert world.identity(ann).reachable is False and world.identity(ben).reachable is True
    statuses = {r.member_id: r.status for r in world.ledger()}
    assert statuses == {ann.id: "blocked", ben.id: "sent"}
    await run(world, sender, "2026-12-02 09:00")  # no further attempts at a blocked account
    assert [s.chat_id for s in sender.sent] == [ben.chat, ben.chat]


async def test_429_waits_and_loses_nothing(world, sender):
    ann = world.member()
    world.followup(world.customer("Globex", ann), ann, date(2026, 12, 1))
    sender.failures[ann.chat] = [Failure(429, retry_after=0.05), Failure(429, retry_after=0.05)]
    report = await run(world, sender, "2026-12-01 09:00")
    assert report.sent == 1 and sender.calls == 3
    [row] = world.ledger()
    assert (row.status, row.attempts) == ("sent", 3)


async def test_a_restart_mid_delivery_sends_nothing_twice(world, sender):
    ann = world.member()
    world.followup(world.customer("Globex", ann), ann, date(2026, 12, 1))

    class Crash(BaseException):
        pass

    def crash(_chat: str) -> None:
        raise Crash()  # the process dies after the platform took the message, before the ledger is marked

    sender.hook = crash
    with pytest.raises(Crash):
        await run(world, sender, "2026-12-01 09:00")
    assert [r.status for r in world.ledger()] == ["pending"]
    sender.hook = None
    await run(world, sender, "2026-12-01 09:01")  # the restarted process
    assert sender.sent == [] and sender.calls == 1


async def test_done_in_between_means_no_overdue(world, sender):
    ann = world.member()
    follow = world.followup(world.customer("Globex", ann), ann, date(2026, 12, 1))
    await run(world, sender, "2026-12-01 09:00")
    with session(world.engine) as s:
        row = s.get(FollowUp, follow.id)
        row.done_at = at("2026-12-01 12:00")
        s.add(row)
        s.commit()
    await run(world, sender, "2026-12-02 09:00")
    assert len(sender.sent) == 1


@pytest.mark.parametrize("zone, days", [
    ("Europe/London", [("2026-10-23 07:59", "2026-10-23 08:00"),    # BST: 09:00 is 08:00 UTC
                       ("2026-10-26 08:59", "2026-10-26 09:00")]),  # GMT: 09:00 is 09:00 UTC
    ("America/New_York", [("2026-10-30 12:59", "2026-10-30 13:00"),  # EDT: 09:00 is 13:00 UTC
                          ("2026-11-02 13:59", "2026-11-02 14:00")]),  # EST: 09:00 is 14:00 UTC
])
async def test_the_digest_comes_at_nine_local_both_sides_of_the_dst_change(engine, zone, days):
    world = World(engine, timezone=zone)
    ann = world.member("Ann")
    for before, nine in days:
        local_day = date.fromisoformat(nine[:10])
        for name in ("Globex", "Initech"):
            world.followup(world.customer(f"{name} {local_day}", ann), ann, local_day)
        sender = FakeSender()
        await run(world, sender, before)
        assert sender.sent == [], before
        await run(world, sender, nine)
        assert len(sender.sent) == 1 and "Good morning" in sender.sent[0].reply.text, nine
        await run(world, sender, (at(nine) + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"))
        assert len(sender.sent) == 1


async def test_a_member_zone_overrides_the_team_zone(world, sender):
    ann = world.member(tz="Asia/Shanghai")
    world.followup(world.customer("Globex", ann), ann, date(2026, 12, 1))
    await run(world, sender, "2026-12-01 00:59")  # 08:59 in Shanghai
    assert sender.sent == []
    await run(world, sender, "2026-12-01 01:00")
    assert len(sender.sent) == 1
