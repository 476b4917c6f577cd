"""Nudges through the real Telegram adapter (python-telegram-bot) to the fake Bot API, which answers 429s."""
from __future__ import annotations

import html
from collections import Counter
from datetime import date

import pytest

from bot.adapters.telegram import TelegramAdapter
from bot.pipeline import Bot
from bot.delivery import Senders
from bot.settings import Settings
from scheduler.delivery import Delivery
from scheduler.limits import RateLimiter
from scheduler.tick import tick
from tests.fakes.telegram_server import TOKEN, FakeTelegram, telegram_server  # noqa: F401
from tests.scheduler.conftest import World, at


@pytest.fixture
async def adapter_for(engine, database_url, telegram_server):
    """`make(**options)`: a TelegramAdapter on the fake Bot API, as `crmbot run` builds it unless told."""
    made: list[TelegramAdapter] = []

    async def make(**options) -> TelegramAdapter:
        settings = Settings(DATABASE_URL=database_url, TELEGRAM_BOT_TOKEN=TOKEN,
                            TELEGRAM_API_BASE_URL=telegram_server.base_url)
        adapter = TelegramAdapter(Bot(settings, engine), settings, **options)
        await adapter.app.initialize()  # getMe; no polling, the scheduler only sends
        made.append(adapter)
        return adapter

    yield make
    for adapter in made:
        await adapter.app.shutdown()


def _team(world: World, members: int) -> dict[int, str]:
    """Members with a follow-up each, due 2026-12-01; chat id → the customer named in their nudge."""
    expected = {}
    for i in range(members):
        person = world.member(f"Rep {i}")
        name = f"Customer {i}"
        world.followup(world.customer(name, person), person, date(2026, 12, 1), f"task {i}")
        expected[int(person.chat)] = name
    return expected


def _once_each(server: FakeTelegram, expected: dict[int, str]) -> None:
    sent = server.sent()
    assert Counter(c.chat_id for c in sent) == Counter(list(expected))  # every chat exactly once
    for call in sent:
        text = html.unescape(call.text)
        assert expected[call.chat_id] in text and "task" in text
        assert [b["callback_data"].split(":")[0] for b in call.buttons] == ["done", "snooze", "snooze", "open"]


async def test_429s_from_telegram_slow_delivery_but_every_nudge_arrives_once(world, telegram_server,
                                                                             adapter_for):
    expected = _team(world, 12)
    adapter = await adapter_for()  # PTB retries a 429 itself, after retry_after
    telegram_server.fail_next("sendMessage", times=2, retry_after=1)
    telegram_server.throttle(0.2, seed=5)
    delivery = Delivery(Senders({"telegram": adapter}), RateLimiter())
    report = await tick(world.engine, now=at("2026-12-01 13:00"), delivery=delivery)
    assert report.sent == 12 and report.failed == 0
    assert len(telegram_server.refused()) >= 2
    _once_each(telegram_server, expected)
    assert {r.status for r in world.ledger()} == {"sent"}

    telegram_server.throttle(0)
    again = await tick(world.engine, now=at("2026-12-01 13:01"), delivery=delivery)
    assert again.sent == 0
    _once_each(telegram_server, expected)


async def test_a_429_that_reaches_the_scheduler_is_waited_out_per_chat(world, telegram_server, adapter_for):
    expected = _team(world, 6)
    adapter = await adapter_for(max_retries=0)  # PTB gives the 429 (RetryAfter) straight back
    telegram_server.fail_next("sendMessage", times=4, retry_after=1)
    delivery = Delivery(Senders({"telegram": adapter}), RateLimiter())
    report = await tick(world.engine, now=at("2026-12-01 13:00"), delivery=delivery)
    assert report.sent == 6 and report.failed == 0
    assert len(telegram_server.refused()) == 4
    _once_each(telegram_server, expected)
    rows = world.ledger()
    assert {r.status for r in rows} == {"sent"} and sum(r.attempts for r in rows) == 6 + 4
    refused_at = {c.chat_id: c.at for c in telegram_server.refused()}
    for call in telegram_server.sent():  # each refused chat waited its retry-after before the next try
        if call.chat_id in refused_at:
            assert call.at - refused_at[call.chat_id] >= 0.95
