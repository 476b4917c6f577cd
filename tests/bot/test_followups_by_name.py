"""A follow-up closed or moved by typing its customer's name, in three languages: one is done or
moved and undo gives the store back exactly; several are asked about with a button each; none (or
an unknown customer) is said and nothing is written; another team's follow-ups are never touched."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot.adapters.console import Console
from storage.models import FollowUp, Note
from tests.bot.conftest import let_in
from tests.bot.records import business, difference

# (the note that makes the follow-up, "done" by name, a move by name, the day it moves to, a note naming more)
CASES = {
    "en": ("Visited Umbrella Health, sent the quote for 30k, follow up Friday",
           "umbrella health follow-up done", "snooze umbrella health to next week", date(2026, 11, 30),
           "umbrella health quote follow-up done"),
    "en2": ("Called Initech, call back Friday", "done with the initech call", "push initech back a week",
            date(2026, 12, 4), "done with the initech contract call"),
    "ru": ("Звонил в Гранит, перезвонить в пятницу", "по Граниту всё готово", "отложи Гранит на 2 дня",
           date(2026, 11, 29), "по Граниту договор готово"),
    "zh": ("拜访了华彩科技，周五跟进", "华彩科技那个回访做完了", "华彩科技的跟进延后一周", date(2026, 12, 4),
           "华彩科技的报价跟进完成了"),
}


def _open(store) -> list[FollowUp]:
    return store.rows(select(FollowUp).where(FollowUp.done_at.is_(None)).order_by(FollowUp.id))


@pytest.mark.parametrize("lang", CASES)
async def test_done_by_name_closes_it_and_undo_gives_it_back(bot, store, engine, lang):
    note, done, _, _, _ = CASES[lang]
    await bot.say(note)
    before = business(engine)
    reply = await bot.say(done)
    assert reply.wrote and reply.undo_token and not _open(store)
    assert store(FollowUp) == 1            # closed, not a second one
    assert await bot.press(reply.undo_token)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("lang", CASES)
async def test_a_move_by_name_changes_the_day_in_place_and_undo_restores_it(bot, store, engine, lang):
    note, _, move, moved_to, _ = CASES[lang]
    await bot.say(note)
    before = business(engine)
    reply = await bot.say(move)
    assert reply.wrote and "→" in reply
    [follow] = store.rows(select(FollowUp))
    assert follow.due == moved_to and follow.done_at is None
    assert await bot.say({"zh": "撤销", "ru": "отмена"}.get(lang[:2], "undo"))
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("lang", CASES)
async def test_more_than_the_name_is_a_note_not_a_closed_follow_up(bot, store, lang):
    note, _, _, _, longer = CASES[lang]
    await bot.say(note)
    await bot.say(longer)
    assert len(_open(store)) == 1


async def test_several_are_asked_about_with_a_button_each_and_the_button_applies(bot, store, engine):
    await bot.say("Called Hooli, call back Thursday")
    await bot.say("Emailed Hooli the deck, follow up next Wednesday")
    reply = await bot.say("done with the hooli follow up")
    assert "2 open follow-ups" in reply and not reply.wrote and len(_open(store)) == 2
    assert [c.data.split(":")[0] for c in reply.choices] == ["done", "done"]
    closed = await bot.press(reply.choices[1].data)
    assert closed.wrote and [f.due for f in _open(store)] == [date(2026, 11, 26)]
    asked = await bot.say("snooze hooli a week")
    assert asked.wrote and [f.due for f in _open(store)] == [date(2026, 12, 3)]    # the only one left

    await bot.say("Visited Hooli, follow up on Monday")
    before = business(engine)
    asked = await bot.say("push the hooli call to friday")
    assert "Fri, Nov 27" in asked and not asked.wrote
    assert all(c.data.startswith("move:") for c in asked.choices) and len(asked.choices) == 2
    moved = await bot.press(asked.choices[0].data)
    assert "→ Fri, Nov 27" in moved and moved.wrote
    await bot.press(moved.undo_token)
    assert difference(before, business(engine)) == []


async def test_none_or_an_unknown_customer_is_said_and_nothing_is_written(bot, store):
    await bot.say("Visited Globex, sent the deck")
    notes = store(Note)
    reply = await bot.say("globex follow-up done")
    assert "no open follow-up" in reply and not reply.wrote
    reply = await bot.say("отложи Глобекс на неделю")
    assert not reply.wrote
    reply = await bot.say("done with the soylent follow up")
    assert "don't know a customer called “soylent”" in reply and not reply.wrote
    assert "没有叫“星辰科技”的客户" in await bot.say("星辰科技的跟进完成了")
    assert store(Note) == notes and store(FollowUp) == 0


async def test_another_teams_follow_up_is_never_touched(crm, engine, store):
    let_in(engine, "console", "anna", "Anna", "admin")
    let_in(engine, "console", "dora", "Dora", "rep", team="teamb")
    anna, dora = Console(crm, user="anna", name="Anna"), Console(crm, user="dora", name="Dora")
    await anna.say("Called Globex, call back Friday")
    before = business(engine)
    for text in ("globex follow-up done", "snooze globex to next week", "с Глобексом готово"):
        reply = await dora.say(text)
        assert not reply.wrote and "Friday" not in reply.text and "Fri" not in reply.text
    assert difference(before, business(engine)) == []


# a follow-up already due next week (Wednesday 25 November: "next Tuesday" is 1 December), put off "to next week"
LATER = {
    "en": ("Visited Umbrella Health, quote 30k, follow up next tuesday", "push umbrella health to next week"),
    "ru": ("Был в Граните, КП на 300 тыс, перезвонить в следующий вторник", "отложи Гранит на следующую неделю"),
    "zh": ("拜访了华彩科技，报价30万，下周二跟进", "华彩科技推迟到下周"),
}


@pytest.mark.parametrize("lang", LATER)
async def test_put_off_to_next_week_when_it_is_due_then_already_moves_it_a_week_later_never_earlier(
        bot, store, engine, lang):
    note, move = LATER[lang]
    await bot.say(note)
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 12, 1), follow.due
    before = business(engine)
    reply = await bot.say(move)
    assert reply.wrote and "→" in reply
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 12, 8)            # a week on, not next Monday (30 November, earlier)
    assert await bot.say({"zh": "撤销", "ru": "отмена"}.get(lang, "undo"))
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("first, second, move, answer, undo", [
    ("Called Hooli, call back Thursday", "Emailed Hooli the deck, follow up next Wednesday",
     "push the hooli follow-up to friday", "2", "undo"),
    ("Звонил в Гранит, перезвонить в четверг", "Отправил Граниту КП, созвониться в следующую среду",
     "перенеси Гранит на пятницу", "2", "отмена"),
    ("给华彩科技打了电话，周四再联系", "给华彩科技发了方案，下周三跟进", "华彩科技的跟进改到周五", "2", "撤销"),
])
async def test_which_one_moves_is_answered_by_typing_its_number(bot, store, engine, first, second, move, answer,
                                                                 undo):
    """In a chat without buttons the number answers "which one moves?" as its ⏰ button would; anything
    else is read as itself, and the question is over."""
    await bot.say(first)
    await bot.say(second)
    before = business(engine)
    asked = await bot.say(move)
    assert not asked.wrote and len(asked.choices) == 2, asked.text
    moved = await bot.say(answer)
    assert moved.wrote, moved.text
    assert sorted(f.due for f in _open(store)) == [date(2026, 11, 26), date(2026, 11, 27)]   # next Wednesday's moved
    await bot.say(undo)
    assert difference(before, business(engine)) == []
    again = await bot.say(move)
    assert not again.wrote
    assert not (await bot.say("7")).wrote and len(_open(store)) == 2     # no such row: nothing moves
