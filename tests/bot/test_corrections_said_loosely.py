"""A correction typed the way people type it — "no wait", "sorry, 45k not 54k", "ой нет, в
четверг", "等等，不对，是周四", or just the new value and the old one — fixes the record in place,
also after another note about the same customer; it never adds a second follow-up, and undo takes
back exactly the correction."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import Deal, FollowUp


def _open_followups(store) -> list[date]:
    return sorted(f.due for f in store.rows(select(FollowUp)) if f.done_at is None)


@pytest.mark.parametrize("note, fact, fix, due", [
    ("Dropped by Kestrel Tooling, quote 18k sent, ping them friday",
     "also their plant mgr is Ola Berg, ola@kestrel.io", "no wait, thursday not friday", date(2026, 11, 26)),
    ("Called Brightwater Dental re the chairs, f/u fri", "their office mgr is Jen Ruiz",
     "monday not friday", date(2026, 11, 30)),
    ("Был в Сибирском Кедре, КП 300 тыс, перезвоню в пятницу", "там закупщик Олег Панов",
     "ой нет, в четверг", date(2026, 11, 26)),
    ("Звонил в Полимер-Юг, договорились созвониться в пятницу", "их директор Анна Ким",
     "в понедельник, не в пятницу", date(2026, 11, 30)),
    ("拜访了鼎盛物流，报价8万，周五跟进", "他们采购是刘敏", "等等，不对，是周四", date(2026, 11, 26)),
    ("给远洋船务打了电话，周五再联系", "对接人是陈刚", "周四不是周五", date(2026, 11, 26)),
])
async def test_a_loosely_said_day_correction_moves_the_follow_up_after_another_fact(bot, store, note, fact, fix, due):
    await bot.say(note)
    await bot.say(fact)
    assert _open_followups(store) == [date(2026, 11, 27)]
    reply = await bot.say(fix)
    assert reply.wrote and "→" in reply, reply.text
    assert _open_followups(store) == [due]               # moved, not a second one
    await bot.press(reply.undo_token)
    assert _open_followups(store) == [date(2026, 11, 27)]


@pytest.mark.parametrize("note, fix, before, after", [
    ("Visited Harlow Print, sent the proposal for $54k", "sorry, 45k not 54k", 5_400_000, 4_500_000),
    ("met quarry ridge, quoted 12k", "oops its 21k", 1_200_000, 2_100_000),
    ("Отправил КП в Ладогу-Транс на 540 тыс", "стоп, не 540, а 450 тыс", 54_000_000, 45_000_000),
    ("给华宇电子发了报价，5.4万", "是4.5万不是5.4万", 5_400_000, 4_500_000),
    # the numbers as the rep thinks them, without their unit: scaled as the old one the deal holds
    ("Отправил счёт в Вологда-Молоко на 320 тыс", "нет, не 320 а 230", 32_000_000, 23_000_000),
    ("Были в Медтехнике, КП 1,5 млн", "не 1,5 а 1,8", 150_000_000, 180_000_000),
    ("Dropped off the quote at Pinecrest Dental, 36k", "no, 63 not 36", 3_600_000, 6_300_000),
])
async def test_a_loosely_said_amount_correction_changes_the_deal(bot, store, note, fix, before, after):
    await bot.say(note)
    [deal] = store.rows(select(Deal))
    assert deal.amount_minor == before
    reply = await bot.say(fix)
    assert reply.wrote and "→" in reply, reply.text
    [deal] = store.rows(select(Deal))
    assert deal.amount_minor == after
    await bot.press(reply.undo_token)
    [deal] = store.rows(select(Deal))
    assert deal.amount_minor == before


@pytest.mark.parametrize("note, fix, before, after", [
    ("Called Harbor Freight Lines, follow up thu", "sorry, call back fri not thu", date(2026, 11, 26),
     date(2026, 11, 27)),
    ("visited ridgeway farms, quote 8k, f/u tue", "oops, call them wed not tue", date(2026, 12, 1),
     date(2026, 12, 2)),
])
async def test_a_day_corrected_with_what_is_due_moves_the_follow_up(bot, store, note, fix, before, after):
    await bot.say(note)
    assert _open_followups(store) == [before]
    reply = await bot.say(fix)
    assert reply.wrote and "→" in reply, reply.text
    assert _open_followups(store) == [after]             # moved, not a second one


async def test_a_bare_number_that_is_not_the_deals_amount_changes_nothing(bot, store):
    await bot.say("Отправил КП в Ладогу-Транс на 540 тыс")
    reply = await bot.say("нет, не 450 а 500")           # 450 is not what the deal holds
    [deal] = store.rows(select(Deal))
    assert deal.amount_minor == 54_000_000 and not reply.wrote, reply.text


@pytest.mark.parametrize("text", [
    "sorry for the late update, visited Kestrel Tooling today, they liked the demo",
    "wait till you hear this - Kestrel Tooling signed, 18k!!",
    "Ой, забыл сказать: был в Сибирском Кедре, всё хорошо",
    "哦对了，鼎盛物流的合同下周签",
])
async def test_an_interjection_opening_a_note_keeps_it_a_note(bot, store, text):
    reply = await bot.say(text)
    assert "→" not in reply, reply.text
    assert reply.wrote, reply.text
