"""A step said as moved in the next message ("the pricing sheet moves to next tuesday, friday won't work",
"договор перенёс на вторник, в пятницу не успеваю", "发合同改到下周二，周五来不及", a pasted "the submission deadline
has been moved to 10 December") moves the customer's open follow-up its words name, or its only one, before →
after: never a second follow-up beside the first. A correction of the signing day moves the expected close the
corrected note set, never a follow-up it did not write."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import Deal, FollowUp
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference

# the clock says Wednesday 25 November 2026; each first note plans a step for Friday the 27th
CASES = [
    ("Visited Initech, met Paul Grant (CTO), quote 30k, send the pricing sheet friday",
     "the pricing sheet moves to next tuesday, friday won't work", "Fri, Nov 27 → Tue, Dec 1", "undo"),
    ("Был в Векторе, КП на 1,2 млн, договор отправлю в пятницу",
     "договор перенёс на вторник, в пятницу не успеваю", "пт, 27 нояб. → вт, 1 дек.", "отмена"),
    ("拜访了星辰科技，报价12万，周五发合同", "发合同改到下周二，周五来不及", "11月27日周五 → 12月1日周二", "撤销"),
]


@pytest.mark.parametrize("first, moved, says, undo", CASES)
async def test_a_step_said_moved_moves_its_follow_up(bot, store, engine, first, moved, says, undo):
    await bot.say(first)
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 11, 27)
    before = business(engine)
    reply = await bot.say(moved)
    assert reply.wrote and says in reply.text.replace("\u00a0", " "), reply.text
    [follow] = store.rows(select(FollowUp))                      # moved, not a second one
    assert follow.due == date(2026, 12, 1) and follow.done_at is None
    assert (await bot.say(undo)).wrote
    assert difference(before, business(engine)) == []


TWO = [
    ("Globex: demo of the scanner booked for thursday", "the demo got pushed to monday", "undo"),
    ("Вектор: демо назначили на четверг", "демо перенесли на понедельник", "отмена"),
    ("星辰科技：周四做演示", "演示改到下周一", "撤销"),
]


@pytest.mark.parametrize("second, moved, undo", TWO)
async def test_of_two_open_follow_ups_the_one_its_words_name_moves(bot, store, engine, second, moved, undo):
    first = {"undo": "Visited Globex, quote 42k, call Maria friday",
             "отмена": "Был в Векторе, КП 1,2 млн, позвонить в пятницу",
             "撤销": "拜访了星辰科技，报价12万，周五打电话"}[undo]
    await bot.say(first)
    await bot.say(second)
    assert {f.due for f in store.rows(select(FollowUp))} == {date(2026, 11, 26), date(2026, 11, 27)}
    before = business(engine)
    reply = await bot.say(moved)
    assert reply.wrote, reply.text
    dues = {f.what: f.due for f in store.rows(select(FollowUp))}
    assert len(dues) == 2 and date(2026, 11, 27) in dues.values()      # the call stays, no third one
    assert date(2026, 11, 30) in dues.values() and date(2026, 11, 26) not in dues.values()
    assert (await bot.say(undo)).wrote
    assert difference(before, business(engine)) == []


async def test_a_pasted_mail_moving_the_deadline_moves_the_open_follow_up(bot, store, engine):
    await bot.say("Visited Kestrel Health, met Tom Hale (procurement, tom.hale@kestrel.org), tender for 3 analysers, "
                  "about 90k, submission due 3 dec")
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 12, 3)
    before = business(engine)
    reply = await bot.say("From: Tom Hale <tom.hale@kestrel.org>\nSubject: RE: analyser tender\n"
                          "Hi Anna, the submission deadline has been moved to 10 December. Kind regards, Tom")
    assert reply.wrote and "Thu, Dec 3 → Thu, Dec 10" in reply.text.replace("\u00a0", " "), reply.text
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 12, 10)
    assert (await bot.say("undo")).wrote
    assert difference(before, business(engine)) == []


SIGNING = [
    ("Globex: contract signing next tuesday, 42k agreed", "no, signing is wednesday not tuesday",
     "Tue, Dec 1 → Wed, Dec 2", "undo"),
    ("Вектор: договор подпишем во вторник, сумма 1,2 млн", "нет, подписание в среду, а не во вторник",
     "вт, 1 дек. → ср, 2 дек.", "отмена"),
    ("星辰科技：合同下周二签，金额12万", "不对，是下周三签，不是下周二", "12月1日周二 → 12月2日周三", "撤销"),
]


@pytest.mark.parametrize("signing, fix, says, undo", SIGNING)
async def test_a_signing_day_corrected_moves_the_expected_close_not_the_demo(bot, store, engine, signing, fix, says,
                                                                             undo):
    demo = {"undo": "Visited Globex, met Maria Lopez (CFO), demo booked for thursday 3pm",
            "отмена": "Был в Векторе, Петров, демо в четверг в 15:00",
            "撤销": "拜访了星辰科技，王总，周四下午3点做演示"}[undo]
    await bot.say(demo)
    await bot.say(signing)
    [deal] = store.rows(select(Deal))
    assert deal.expected_close == date(2026, 12, 1)
    before = business(engine)
    reply = await bot.say(fix)
    assert reply.wrote and says in reply.text.replace("\u00a0", " "), reply.text
    [deal] = store.rows(select(Deal))
    [follow] = store.rows(select(FollowUp))
    assert deal.expected_close == date(2026, 12, 2) and follow.due == date(2026, 11, 26)    # the demo untouched
    assert (await bot.say(undo)).wrote
    assert difference(before, business(engine)) == []
