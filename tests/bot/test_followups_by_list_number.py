"""A listed follow-up closed or moved by its number in every language, the number first or last ("1 done",
"2 готово", "1 完成"; "snooze 1 a week", "отложи 2 на неделю", "把第1条推迟一周", "第2条推迟两天"), and one
closed by its customer's name written loosely ("rosies deli call back done") instead of logging a new call.
Undo gives the store back as it was before."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import FollowUp, Interaction
from tests.bot.records import business, difference

NOTES = {"en": ("Visited Umbrella Health, follow up thursday", "Called Initech, call back friday",
                "my follow-ups this week", "undo"),
         "ru": ("Был в Граните, перезвонить в четверг", "Звонил в Вектор, перезвонить в пятницу",
                "мои задачи на неделю", "отмена"),
         "zh": ("拜访了华彩科技，周四跟进", "给星辰科技打了电话，周五再联系", "我这周的跟进", "撤销")}
THURSDAY, FRIDAY = date(2026, 11, 26), date(2026, 11, 27)


def _open(store) -> list[tuple[date, bool]]:
    return [(f.due, f.done_at is None) for f in store.rows(select(FollowUp).order_by(FollowUp.id))]


async def _listed(bot, store, lang: str) -> None:
    store.add_customers("Umbrella Health", "Initech", "ООО «Гранит»", "ООО «Вектор»", "华彩科技", "星辰科技")
    first, second, listing, _ = NOTES[lang]
    assert (await bot.say(first)).wrote
    assert (await bot.say(second)).wrote
    listed = await bot.say(listing)
    assert "1." in listed.text and "2." in listed.text, listed.text


@pytest.mark.parametrize(("lang", "done"), [("en", "2 done"), ("en", "#2 - done"), ("ru", "2 готово"),
                                            ("ru", "2 — выполнено"), ("zh", "2 完成"), ("zh", "第2条搞定了")])
async def test_the_number_first_closes_that_follow_up(bot, store, engine, lang, done):
    await _listed(bot, store, lang)
    before = business(engine)
    reply = await bot.say(done)
    assert reply.wrote, reply.text
    assert _open(store) == [(THURSDAY, True), (FRIDAY, False)], reply.text
    await bot.say(NOTES[lang][3])
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("lang", "snooze", "due"), [
    ("en", "snooze 1 a week", date(2026, 12, 3)), ("en", "push 2 by 3 days", date(2026, 11, 30)),
    ("ru", "отложи 1 на неделю", date(2026, 12, 3)), ("ru", "перенеси 2 на 2 дня", date(2026, 11, 29)),
    ("zh", "把第1条推迟一周", date(2026, 12, 3)), ("zh", "2推迟两天", date(2026, 11, 29)),
])
async def test_a_listed_follow_up_moves_by_a_span(bot, store, engine, lang, snooze, due):
    await _listed(bot, store, lang)
    before = business(engine)
    reply = await bot.say(snooze)
    assert reply.wrote, reply.text
    moved = [d for d, _ in _open(store)]
    assert due in moved and len(moved) == 2, reply.text
    await bot.say(NOTES[lang][3])
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("note", "done", "undo"), [
    ("Rosie's Deli - spoke w/ Pat, call back thursday", "rosies deli call back done", "undo"),
    ("Звонил в Вектор, перезвонить в четверг", "звонок Вектору сделан", "отмена"),
    ("给华彩科技打了电话，周四再打", "华彩科技的回访做完了", "撤销"),
])
async def test_a_call_back_done_by_name_closes_it_and_logs_no_call(bot, store, engine, note, done, undo):
    store.add_customers("Rosie's Deli", "ООО «Вектор»", "华彩科技")
    assert (await bot.say(note)).wrote
    calls = store(Interaction)
    before = business(engine)
    reply = await bot.say(done)
    assert reply.wrote, reply.text
    assert [open_ for _, open_ in _open(store)] == [False] and store(Interaction) == calls, reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []
