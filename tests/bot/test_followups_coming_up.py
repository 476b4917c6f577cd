"""'my follow-ups' with no day asked: what is due (overdue and today), then the next ones coming up
within two weeks, numbered on so 'done 3' and the buttons work on them too. A rep with follow-ups
later in the week is never told there is nothing to do. In three languages."""
from __future__ import annotations

import pytest

from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)

NBSP = "\u00a0"


def text(reply) -> str:
    return reply.text.replace(NBSP, " ")


async def test_nothing_due_today_shows_what_is_coming_up(bot):
    # Wednesday 25 November 2026
    for note in ("Visited Globex, send them the spec sheet on Friday",
                 "Called Acme, call them back next Tuesday",
                 "Initech wants a demo, follow up in three weeks"):
        assert (await bot.say(note)).wrote, note
    reply = await bot.say("my follow-ups")
    said = text(reply)
    assert "Nothing due today." in said and "🎉" not in said, said
    assert "Coming up:" in said
    assert "1. Fri, Nov 27 · Globex" in said and "2. Tue, Dec 1 · Acme" in said, said
    assert "Initech" not in said                                 # three weeks away: not yet
    assert "✅ 2" in [c.label for c in reply.choices]
    done = text(await bot.say("done 2"))
    assert "Acme" in done, done
    assert "Acme" not in text(await bot.say("my follow-ups"))


async def test_what_is_due_comes_first_then_what_is_next(bot, clock):
    for note in ("Visited Globex, call them back tomorrow", "Called Acme, follow up on Monday"):
        assert (await bot.say(note)).wrote, note
    clock.advance(days=1)                                         # Thursday: Globex is due
    said = text(await bot.say("my follow-ups"))
    lines = said.splitlines()
    assert lines[1].startswith("1. Thu, Nov 26 · Globex"), said
    assert lines[2] == "Coming up:" and lines[3].startswith("2. Mon, Nov 30 · Acme"), said


async def test_nothing_at_all_is_still_a_celebration(bot):
    assert "Nothing due. 🎉" in text(await bot.say("my follow-ups"))


async def test_a_day_asked_lists_that_day_only(bot):
    assert (await bot.say("Visited Globex, send them the spec sheet on Friday")).wrote
    said = text(await bot.say("my follow-ups today"))
    assert "Globex" not in said and "Coming up" not in said, said


@pytest.mark.parametrize("question, none_now, next_head", [
    ("我的跟进", "今天没有到期的跟进。", "接下来："),
    ("мои напоминания", "На сегодня ничего нет.", "Дальше:"),
])
async def test_the_same_in_chinese_and_russian(bot, question, none_now, next_head):
    assert (await bot.say("拜访了星辰科技，周五发方案")).wrote
    said = text(await bot.say(question))
    assert none_now in said and next_head in said and "星辰科技" in said, said
