"""A note moved to the right customer ("не тот клиент, это был Вектор") carries the deal as it
stands after every correction of it (amount as last corrected, currency, stage, close date); the
old customer's deal goes back to what it was before the note; undo restores both sides exactly."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.models import Contact, Customer, Deal, FollowUp, StageChange
from tests.bot.records import business, difference


def _deals(store) -> dict[str, tuple]:
    names = {c.id: c.name for c in store.rows(select(Customer))}
    return {names[d.customer_id]: (d.stage, d.amount_minor, d.currency, d.expected_close)
            for d in store.rows(select(Deal).order_by(Deal.id))}


async def _moved_then_undone(bot, store, move: str) -> dict[str, tuple]:
    before = business(store.db)
    reply = await bot.say(move)
    assert reply.wrote and "→" in reply, reply.text
    after = _deals(store)
    assert (await bot.press(reply.undo_token)).wrote
    assert difference(before, business(store.db)) == []
    return after


async def test_russian_amount_corrected_then_wrong_customer_keeps_the_corrected_amount_in_rubles(bot, store):
    await bot.say("была в Стройинвесте, КП на 3,2 млн отправила")
    await bot.say("созвонилась, согласовали сумму 2,1 млн, перезвонить в пятницу")
    reply = await bot.say("сумма 2,6 млн а не 2,1")
    assert "2\xa0100\xa0000\xa0₽ → 2\xa0600\xa0000\xa0₽" in reply
    moved = await _moved_then_undone(bot, store, "не тот клиент, это был Гранит")
    assert moved["Гранит"][1:3] == (260_000_000, "RUB")
    assert moved["Стройинвест"][1:3] == (320_000_000, "RUB")
    reply = await bot.say("не тот клиент, это был Гранит")
    assert reply.wrote
    reply = await bot.say("сумма 2,7 млн а не 2,6")       # the moved deal has its currency
    assert "2\xa0600\xa0000\xa0₽ → 2\xa0700\xa0000\xa0₽" in reply


async def test_english_amount_corrected_then_wrong_customer(bot, store):
    await bot.say("Visited Pinecrest Dental, sent the quote for $40k")
    await bot.say("called them, agreed on 35k, follow up Friday")
    await bot.say("actually the amount is 36k, not 35k")
    moved = await _moved_then_undone(bot, store, "wrong customer, it was Halbrook Foods")
    assert moved["Halbrook Foods"][1:3] == (3_600_000, "USD")
    assert moved["Pinecrest Dental"][1:3] == (4_000_000, "USD")


async def test_chinese_amount_corrected_then_wrong_customer(bot, store):
    await bot.say("拜访了蓝海物流，报价30万")
    await bot.say("打了电话，谈到25万，周五跟进")
    await bot.say("金额是26万，不是25万")
    moved = await _moved_then_undone(bot, store, "客户错了，是恒锐电气")
    assert moved["恒锐电气"][1:3] == (26_000_000, "CNY")
    assert moved["蓝海物流"][1:3] == (30_000_000, "CNY")


def _history(store, customer: str) -> list[tuple[str, str]]:
    [who] = store.rows(select(Customer).where(Customer.name == customer))
    deals = [d.id for d in store.rows(select(Deal).where(Deal.customer_id == who.id))]
    return [(s.from_stage, s.to_stage) for s in store.rows(select(StageChange).order_by(StageChange.id))
            if s.deal_id in deals]


async def test_english_stage_day_and_title_corrected_then_wrong_customer(bot, store):
    await bot.say("Visited Pinecrest Dental, sent the quote for $40k")
    await bot.say("called them, met Dana Fox (CTO), they signed! follow up Friday")
    await bot.say("no, they're negotiating, not signed")
    await bot.say("no, follow up on Tuesday, not Friday")
    await bot.say("change Dana's title to CFO")
    moved = await _moved_then_undone(bot, store, "wrong customer, it was Halbrook Foods")
    assert moved["Halbrook Foods"][0] == "negotiation" and moved["Pinecrest Dental"][0] == "proposal"
    await bot.say("wrong customer, it was Halbrook Foods")
    halbrook = store.rows(select(Customer).where(Customer.name == "Halbrook Foods"))[0]
    [follow] = store.rows(select(FollowUp))
    [dana] = store.rows(select(Contact))
    assert (follow.customer_id, str(follow.due)) == (halbrook.id, "2026-12-01")
    assert (dana.customer_id, dana.role) == (halbrook.id, "CFO")
    assert _history(store, "Halbrook Foods") == [("proposal", "negotiation")]
    assert _history(store, "Pinecrest Dental") == [(None, "proposal")]    # its own, from its quote


async def test_russian_stage_and_day_corrected_then_wrong_customer(bot, store):
    await bot.say("была в Стройинвесте, КП на 3,2 млн отправила")
    await bot.say("созвонилась, они подписали, перезвонить в пятницу")
    await bot.say("нет, они ещё на переговорах, не подписали")
    await bot.say("не в пятницу, а в четверг")
    moved = await _moved_then_undone(bot, store, "не тот клиент, это был Гранит")
    assert moved["Гранит"][0] == "negotiation"
    assert moved["Стройинвест"][:3] == ("proposal", 320_000_000, "RUB")


async def test_chinese_day_and_title_corrected_then_wrong_customer(bot, store):
    await bot.say("拜访了蓝海物流，见了王芳，报价30万，周五跟进")
    await bot.say("改到周四")
    await bot.say("王芳的职位改成总监")
    moved = await _moved_then_undone(bot, store, "客户错了，是恒锐电气")
    assert moved == {"恒锐电气": ("proposal", 30_000_000, "CNY", None)}
    await bot.say("客户错了，是恒锐电气")
    [follow] = store.rows(select(FollowUp))
    [wang] = store.rows(select(Contact))
    assert (str(follow.due), wang.role) == ("2026-11-26", "总监")


async def test_a_close_date_and_amount_said_then_wrong_customer_move_with_the_note(bot, store):
    await bot.say("拜访了蓝海物流，报价20万")
    await bot.say("陈总 同意了 合同金额22万 月底签")
    moved = await _moved_then_undone(bot, store, "是恒锐电气，不是蓝海物流")
    assert moved["恒锐电气"] == ("negotiation", 22_000_000, "CNY", date(2026, 11, 30))
    assert moved["蓝海物流"] == ("proposal", 20_000_000, "CNY", None)
