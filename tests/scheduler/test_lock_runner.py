"""Only one process ticks; the APScheduler job; rate limits; the `crmbot nudges` dry run."""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from scheduler import runner
from scheduler.delivery import Delivery
from scheduler.limits import PlatformLimits, RateLimiter, TokenBucket
from scheduler.lock import AdvisoryLock, LeaseLock, make_lock
from storage.engine import make_engine
from tests.scheduler.conftest import FakeSender, World, at

ROOT = Path(__file__).resolve().parents[2]


def test_lease_lock_is_held_renewed_and_taken_over_when_expired(engine):
    first = LeaseLock(engine, lease=timedelta(minutes=5))
    second = LeaseLock(engine, lease=timedelta(minutes=5))
    start = at("2026-12-01 09:00")
    assert first.acquire(start) and not second.acquire(start)
    assert first.acquire(start + timedelta(minutes=4))  # renewal
    assert not second.acquire(start + timedelta(minutes=8))
    assert second.acquire(start + timedelta(minutes=10))  # the first process died: its lease ran out
    assert not first.acquire(start + timedelta(minutes=10))
    second.release()
    assert first.acquire(start + timedelta(minutes=11))


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="PostgreSQL only")
def test_advisory_lock_one_holder_per_cluster(engine):
    assert isinstance(make_lock(engine), AdvisoryLock)
    other_engine = make_engine(os.environ["TEST_DATABASE_URL"])  # another process's pool
    first, second = AdvisoryLock(engine), AdvisoryLock(other_engine)
    try:
        assert first.acquire() and first.acquire()
        assert not second.acquire()
        first.release()
        assert second.acquire()
    finally:
        first.release()
        second.release()
        other_engine.dispose()


async def test_runner_ticks_at_start_with_one_fixed_job(engine):
    world = World(engine)
    ann = world.member()
    from datetime import datetime, timezone
    today = datetime.now(timezone.utc).date()
    world.followup(world.customer("Globex", ann), ann, today - timedelta(days=1))
    sender = FakeSender()
    started = runner.start(sender, engine, None, interval=3600,
                           delivery=Delivery(sender, RateLimiter({}), base_delay=0.001))
    try:
        job = started.scheduler.get_job(runner.JOB_ID)
        assert job is not None and len(started.scheduler.get_jobs()) == 1
        assert job.coalesce is True and job.max_instances == 1 and job.misfire_grace_time == 300
        for _ in range(100):
            if started.last is not None:
                break
            await asyncio.sleep(0.02)
        assert started.last is not None and started.last.ran
    finally:
        runner.shutdown()
    assert started.scheduler is None


async def test_token_bucket_keeps_the_rate():
    bucket = TokenBucket(rate=100.0, capacity=1.0)
    began = time.monotonic()
    for _ in range(51):
        await bucket.take()
    assert time.monotonic() - began >= 0.45


async def test_limiter_per_chat_and_overall():
    limiter = RateLimiter({"telegram": PlatformLimits(overall=200.0, per_chat=20.0, per_group=10.0)})
    began = time.monotonic()
    await asyncio.gather(*(limiter.acquire("telegram", "42") for _ in range(11)))
    assert time.monotonic() - began >= 0.45  # one chat: 20/s
    began = time.monotonic()
    await asyncio.gather(*(limiter.acquire("telegram", str(chat)) for chat in range(101)))
    assert 0.45 <= time.monotonic() - began < 5  # many chats: 200/s overall, not one chat's 20/s (5 s)
    began = time.monotonic()
    await asyncio.gather(*(limiter.acquire("telegram", "-100") for _ in range(6)))
    assert time.monotonic() - began >= 0.45  # a group: slower still
    began = time.monotonic()
    await asyncio.gather(*(limiter.acquire("console", "me") for _ in range(1000)))
    assert time.monotonic() - began < 2.5  # the console has no limit: 1000 at even 200/s would take 5 s


def test_crmbot_nudges_prints_the_contract_shape(engine, database_url):
    world = World(engine)
    world.team  # noqa: B018
    ann = world.member("Ann", role="manager")
    globex = world.customer("Globex", ann, touch_days=30)
    world.followup(globex, ann, date(2026, 12, 1), "send the quote")
    world.contact(globex, "Maria", birthday=(12, 1))
    world.deal(globex, ann, stage="won", closed_at="2025-12-01 12:00")
    world.deal(globex, ann, created_at="2026-11-03 12:00")
    world.interaction(globex, ann, "2026-11-01 10:00")
    env = {**os.environ, "DATABASE_URL": database_url, "CRM_TEAM": "acme-sales"}
    done = subprocess.run([sys.executable, "-m", "bot", "nudges", "--date", "2026-12-01", "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert {tuple(sorted(line)) for line in lines} == {("customer", "due", "kind", "platform", "text", "to")}
    kinds = sorted(line["kind"] for line in lines)
    assert kinds == ["anniversary", "birthday", "followup", "stale_deal", "stay_in_touch"]
    follow = next(line for line in lines if line["kind"] == "followup")
    assert follow == {"kind": "followup", "platform": "telegram", "to": ann.chat,
                      "text": follow["text"], "customer": "Globex", "due": "2026-12-01"}
    monday = subprocess.run([sys.executable, "-m", "bot", "nudges", "--date", "2026-11-30", "--json",
                             "--team", "acme-sales"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert [json.loads(line)["kind"] for line in monday.stdout.splitlines()] == ["digest"]
    assert world.ledger() == []  # a dry run writes nothing
