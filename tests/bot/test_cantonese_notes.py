"""A Hong Kong rep's Cantonese in Traditional characters is understood as a Shanghai rep's Mandarin is:
"簽咗" is signed, "輸咗" lost, "打咗俾" a call, "聽日" tomorrow; a customer written in Traditional characters
is the same customer written in Simplified ones; the reply names things as the rep wrote them."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from storage.models import Customer, Deal, FollowUp, Interaction
from storage.vocabulary import Channel, Stage
from tests.bot.records import business, difference


async def _quoted(bot, note: str, name: str) -> None:
    if not (await bot.say(note)).wrote:       # a new name may be asked about: typed, it applies
        assert (await bot.say(name)).wrote


async def test_signed_in_cantonese_wins_the_deal(bot, store):
    await _quoted(bot, "利苑酒家 報價HK$9.5萬 兩部焗爐", "利苑酒家")
    reply = await bot.say("利苑酒家今朝簽咗單")
    assert reply.wrote
    [deal] = store.rows(select(Deal))
    assert deal.stage == Stage.WON
    assert "利苑酒家" in reply and "利苑酒家" in [c.name for c in store.rows(select(Customer))]


async def test_lost_in_cantonese_is_lost_and_undo_is_exact(bot, store):
    await _quoted(bot, "稻香集團 報價HK$22萬", "稻香集團")
    before = business(store.db)
    reply = await bot.say("稻香輸咗，佢哋揀咗另一間，平啲")
    assert reply.wrote
    [deal] = store.rows(select(Deal))
    assert deal.stage == Stage.LOST
    assert (await bot.say("撤銷")).wrote
    assert difference(before, business(store.db)) == []


async def test_a_call_and_tomorrow_in_cantonese(bot, store, clock):
    await _quoted(bot, "大快活 報價HK$3萬", "大快活")
    reply = await bot.say("打咗俾大快活黃小姐，聽日再send報價俾佢")
    assert reply.wrote
    assert [i.channel for i in store.rows(select(Interaction)) if i.channel == Channel.CALL] == [Channel.CALL]
    [step] = store.rows(select(FollowUp))
    assert step.due == clock().date() + timedelta(days=1)


async def test_a_customer_written_either_way_is_one_customer(bot, store):
    await _quoted(bot, "鴻星海鮮酒家 報價HK$6萬", "鴻星海鮮酒家")
    reply = await bot.say("鸿星海鲜酒家签了合同")        # the colleague in Shanghai writes Simplified
    assert reply.wrote
    assert [c.name for c in store.rows(select(Customer))] == ["鴻星海鮮酒家"]
    [deal] = store.rows(select(Deal))
    assert deal.stage == Stage.WON


async def test_a_question_in_cantonese_writes_nothing(bot, store):
    await _quoted(bot, "太興餐廳 報價HK$4萬", "太興餐廳")
    before = business(store.db)
    reply = await bot.say("太興而家嘅情況點樣？")
    assert not reply.wrote
    assert "太興餐廳" in reply
    assert difference(before, business(store.db)) == []

