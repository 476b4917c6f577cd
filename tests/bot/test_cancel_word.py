""""cancel" / "отмена" / "取消" mean what a rep expects at that moment: while the bot waits for an
answer to its question, the question (and the note it kept) is dropped and the earlier notes stay;
with no question pending, it takes back the rep's last note exactly, like "undo"; with nothing to
take back, it says so and writes nothing."""
from __future__ import annotations

import pytest

from tests.bot.records import business, difference

CASES = [  # (two customers a short name could be, a note, a note that asks which, the cancel word)
    (("Northwind Traders", "Northwind Foods"), "Visited Globex, sent quote 42k", "visited northwind today, demo friday",
     "cancel"),
    (("Ромашка Плюс", "Ромашка Сервис"), "Был в Векторе, отправил КП на 300 тыс", "был в Ромашке, ждут договор",
     "отмена"),
    (("华彩科技", "华彩集团"), "拜访了星辰科技，报价8万", "拜访了华彩，约了下周二", "取消"),
]


@pytest.mark.parametrize(("known", "note", "asking", "cancel"), CASES)
async def test_cancel_drops_a_pending_question_and_keeps_the_notes_before(bot, store, engine, known, note, asking,
                                                                          cancel):
    store.add_customers(*known)
    empty = business(engine)
    assert (await bot.say(note)).wrote
    before = business(engine)
    asked = await bot.say(asking)
    assert not asked.wrote and asked.choices, asked.text
    dropped = await bot.say(cancel)
    assert not dropped.wrote, dropped.text
    assert difference(before, business(engine)) == []            # the earlier note stays
    await bot.say(cancel)                                       # nothing pending now: the last note goes
    assert difference(empty, business(engine)) == []


@pytest.mark.parametrize(("note", "cancel", "said"), [("Called Hooli, follow up Monday", "cancel", "Undone"),
                                                      ("Позвонил в Альфу, перезвонить в понедельник", "отмена",
                                                       "Отменено"),
                                                      ("给华信科技打了电话，周一跟进", "取消", "已撤销")])
async def test_cancel_right_after_a_note_takes_it_back(bot, engine, note, cancel, said):
    empty = business(engine)
    assert (await bot.say(note)).wrote
    reply = await bot.say(cancel)
    assert said in reply.text, reply.text
    assert difference(empty, business(engine)) == []


@pytest.mark.parametrize(("cancel", "said"), [("cancel", "nothing"), ("отмена", "нечего"), ("取消", "没有")])
async def test_cancel_with_nothing_to_take_back_says_so(bot, engine, cancel, said):
    empty = business(engine)
    reply = await bot.say(cancel)
    assert said in reply.text.lower() and not reply.wrote, reply.text
    assert difference(empty, business(engine)) == []
