"""A command to move a follow-up is never a note: "snooze globex demo to monday", "перенеси демо у Вектора на
понедельник", "把星辰科技的发合同推迟到下周一" move the open follow-up of that customer its words name (two that match
are asked about with a ⏰ button each), "把第2条跟进推迟到下周一" the second of the last list; none of them makes a
follow-up, and undo takes the move back exactly."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import FollowUp, Interaction
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference

# the clock says Wednesday 25 November 2026: a call planned Friday the 27th, a demo Thursday the 26th
CASES = [
    ("Visited Globex, quote 42k, call Maria friday", "Globex: demo of the scanner booked for thursday",
     "snooze globex demo to monday", "Thu, Nov 26 → Mon, Nov 30", "undo"),
    ("Globex: call Maria friday", "Globex: demo of the scanner booked for thursday",
     "move the globex demo to monday", "Thu, Nov 26 → Mon, Nov 30", "undo"),
    ("Был в Векторе, КП 1,2 млн, позвонить Петрову в пятницу", "Вектор: демо назначили на четверг",
     "перенеси демо у Вектора на понедельник", "чт, 26 нояб. → пн, 30 нояб.", "отмена"),
    ("拜访了星辰科技，报价12万，周五打电话", "星辰科技：周四发合同",
     "把星辰科技的发合同推迟到下周一", "11月26日周四 → 11月30日周一", "撤销"),
]


@pytest.mark.parametrize("first, second, command, says, undo", CASES)
async def test_a_customers_follow_up_named_by_its_words_moves(bot, store, engine, first, second, command, says, undo):
    await bot.say(first)
    await bot.say(second)
    before = business(engine)
    notes_before = store(Interaction)
    reply = await bot.say(command)
    assert reply.wrote and says in reply.text.replace("\u00a0", " "), reply.text
    dues = sorted(f.due for f in store.rows(select(FollowUp)))
    assert dues == [date(2026, 11, 27), date(2026, 11, 30)]      # the call stays; no third follow-up
    assert store(Interaction) == notes_before                    # a command, never a note
    assert (await bot.say(undo)).wrote
    assert difference(before, business(engine)) == []


async def test_two_follow_ups_its_words_fit_are_asked_about_with_buttons(bot, store):
    await bot.say("Globex: demo for the lab booked for thursday")
    await bot.say("Globex: demo for the board booked for friday")
    reply = await bot.say("snooze globex demo to monday")
    assert not reply.wrote and [c.label for c in reply.choices] == ["⏰ 1", "⏰ 2"], reply.text
    assert sorted(f.due for f in store.rows(select(FollowUp))) == [date(2026, 11, 26), date(2026, 11, 27)]
    moved = await bot.say("2")
    assert moved.wrote and "Fri, Nov 27 → Mon, Nov 30" in moved.text.replace("\u00a0", " "), moved.text


async def test_a_command_for_a_follow_up_that_is_not_there_writes_nothing(bot, store, engine):
    await bot.say("Visited Globex, quote 42k")
    before = business(engine)
    reply = await bot.say("snooze globex demo to monday")
    assert not reply.wrote, reply.text
    assert difference(before, business(engine)) == []


NUMBERED = [
    ("把第2条跟进推迟到下周一", "撤销"),
    ("第2条推迟到下周一", "撤销"),
]


@pytest.mark.parametrize("command, undo", NUMBERED)
async def test_a_follow_up_moved_by_its_number_in_the_list(bot, store, engine, command, undo):
    await bot.say("拜访了星辰科技，报价12万，周四发合同")
    await bot.say("拜访了蓝海物流，报价8万，周五打电话")
    listed = await bot.say("我的跟进")
    assert "2." in listed.text
    before = business(engine)
    reply = await bot.say(command)
    assert reply.wrote and "11月27日周五 → 11月30日周一" in reply.text, reply.text
    assert sorted(f.due for f in store.rows(select(FollowUp))) == [date(2026, 11, 26), date(2026, 11, 30)]
    assert (await bot.say(undo)).wrote
    assert difference(before, business(engine)) == []
