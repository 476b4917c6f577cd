"""Corrections fix the record in place, in three languages: the last note's follow-up day, amount,
stage, a contact's title, phone or name, its customer (the whole note moves); a named follow-up
moved, a listed one snoozed to a day, a complaint resolved. No duplicate rows; the reply shows
before → after; undo takes back exactly the correction."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update
from sqlmodel import Session

from storage.models import Contact, Customer, Deal, FollowUp, Inquiry, Interaction, Member, StageChange

BUSINESS = (Customer, Contact, Deal, FollowUp, Interaction, Inquiry, StageChange)


def _snapshot(store) -> dict:
    out = {}
    for model in BUSINESS:
        rows = store.rows(select(model).order_by(model.id))
        out[model.__tablename__] = [{c.name: getattr(r, c.name) for c in model.__table__.columns} for r in rows]
    return out


def _stages(store) -> dict[str, str]:
    names = {c.id: c.name for c in store.rows(select(Customer))}
    return {names[d.customer_id]: d.stage for d in store.rows(select(Deal))}


async def _fixed_then_undone(bot, store, text: str, *expected: str) -> None:
    before = _snapshot(store)
    reply = await bot.say(text)
    assert reply.wrote, reply.text
    for part in expected:
        assert part in reply, reply.text
    assert "→" in reply
    assert (await bot.press(reply.undo_token)).wrote
    assert _snapshot(store) == before


async def test_english_corrections_of_the_last_note_change_it_in_place_and_undo_exactly(bot, store):
    await bot.say("Visited Globex, met Maria Lopez (CFO), sent quote 42k, follow up Friday")
    await _fixed_then_undone(bot, store, "no, follow up on Tuesday, not Friday", "Fri, Nov 27", "Tue, Dec 1")
    await _fixed_then_undone(bot, store, "change Maria's title to CEO", "CFO", "CEO")
    await _fixed_then_undone(bot, store, "actually the amount is 50k, not 42k", "$42,000", "$50,000")
    await _fixed_then_undone(bot, store, "change Maria's phone to +1 415 555 0199", "+1 415 555 0199")
    reply = await bot.say("no, follow up on Tuesday, not Friday")
    assert reply.wrote
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 12, 1) and store(FollowUp) == 1  # moved, no duplicate


async def test_russian_corrections_amount_day_and_stage(bot, store):
    await bot.say("Был у Вектора, отправил КП на 1,5 млн, перезвоню в пятницу")
    reply = await bot.say("сумма 2 млн, а не 1,5")
    assert "1\xa0500\xa0000\xa0₽ → 2\xa0000\xa0000\xa0₽" in reply
    reply = await bot.say("перенеси на среду")
    assert "→ ср, 2 дек." in reply and store(FollowUp) == 1
    reply = await bot.say("не в среду, а в четверг")
    assert "ср, 2 дек. → чт, 3 дек." in reply
    [deal] = store.rows(select(Deal))
    [follow] = store.rows(select(FollowUp))
    assert (deal.amount_minor, follow.due) == (200_000_000, date(2026, 12, 3))
    await _fixed_then_undone(bot, store, "нет, они ещё на переговорах, не подписали", "→")


async def test_chinese_corrections_day_title_and_customer(bot, store):
    await bot.say("拜访了星辰科技，见了王芳，报价12万，周五跟进")
    await _fixed_then_undone(bot, store, "改到周四", "11月27日周五", "11月26日周四")
    await _fixed_then_undone(bot, store, "王芳的职位改成总监", "总监")
    await _fixed_then_undone(bot, store, "客户错了，是华彩科技", "星辰科技", "华彩科技")


async def test_wrong_customer_moves_the_whole_note_and_a_stage_change_goes_back(bot, store):
    await bot.say("Visited Ashford Clinics, sent the quote for $30k")
    await bot.say("Called Initech Labs, met Dana Fox")
    await bot.say("they went with a cheaper vendor, lost. call them back Friday")  # Initech Labs, from context
    reply = await bot.say("wrong customer, it was Ashford Clinics")
    assert "Initech Labs → Ashford Clinics" in reply
    assert _stages(store) == {"Ashford Clinics": "lost"}          # a call alone opened no deal at Initech Labs
    [follow] = store.rows(select(FollowUp))
    ashford = store.rows(select(Customer).where(Customer.name == "Ashford Clinics"))[0]
    assert follow.customer_id == ashford.id
    await bot.say("undo")
    assert _stages(store) == {"Ashford Clinics": "proposal", "Initech Labs": "lost"}


async def test_a_new_customer_a_wrong_note_made_is_removed_when_the_note_moves(bot, store):
    await bot.say("Called Hooli, they want a demo, call back Thursday")
    reply = await bot.say("wrong customer, it was Initech")
    assert "Hooli → Initech" in reply
    assert sorted(c.name for c in store.rows(select(Customer))) == ["Initech"]
    await bot.say("undo")
    assert sorted(c.name for c in store.rows(select(Customer))) == ["Hooli"]


async def test_a_named_follow_up_moves_a_listed_one_snoozes_to_a_day_and_a_complaint_resolves(bot, store):
    await bot.say("Called Hooli, call back Thursday")
    await bot.say("Visited Globex, follow up tomorrow")
    reply = await bot.say("move the hooli follow-up to next monday")
    assert "Thu, Nov 26 → Mon, Nov 30" in reply and store(FollowUp) == 2
    await bot.say("my follow-ups this week")
    reply = await bot.say("snooze 1 to friday")
    assert "Thu, Nov 26 → Fri, Nov 27" in reply and store(FollowUp) == 2
    await bot.say("Globex complained about the invoice")
    [complaint] = store.rows(select(Inquiry))
    reply = await bot.say(f"complaint {complaint.number} resolved")
    assert "resolved" in reply and store(Inquiry) == 1
    assert store.rows(select(Inquiry.status)) == ["resolved"]
    await bot.say("undo")
    assert store.rows(select(Inquiry.status)) == ["open"]
    await bot.say("Emailed Initech the deck")
    assert "no open follow-up" in await bot.say("move the initech follow-up to next monday")


async def test_russian_and_chinese_named_moves_and_resolutions(bot, store):
    await bot.say("Звонил в Гранит, перезвоню в пятницу")
    assert "пт, 27 нояб. → ср, 2 дек." in await bot.say("перенеси Гранит на среду")
    await bot.say("星辰科技投诉发货慢")
    [complaint] = store.rows(select(Inquiry))
    assert "已解决" in await bot.say(f"投诉{complaint.id}已解决")
    await bot.say("拜访了华彩科技，周五跟进")
    assert "→" in await bot.say("把华彩科技的跟进改到下周一")
    assert store(FollowUp) == 2


async def test_a_rep_cannot_move_a_colleagues_follow_up(bot, colleague, store, engine):
    await colleague.say("Called Hooli, call back Thursday")
    await bot.say("hello")
    with Session(engine) as s:
        s.execute(update(Member).values(role="rep"))
        s.commit()
    reply = await bot.say("move the hooli follow-up to next monday")
    assert "Boris" in reply and "Nothing was changed" in reply and not reply.wrote
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 11, 26)


@pytest.mark.parametrize("text", ["no, follow up on Tuesday", "перенеси на среду", "改到周四"])
async def test_a_correction_with_nothing_to_correct_writes_nothing(bot, store, text):
    reply = await bot.say(text)
    assert not reply.wrote and store(FollowUp) == 0
