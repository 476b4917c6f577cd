"""A new customer's name is kept whole: "Co-op" is no "Co", a saint's possessive opens a clinic's name ("St Brigid's
Clinic", not "St Brigid"), a small capitalised word before a trade is the name's own ("Here Now Bakery"); and a
company with a Latin name right after a visit in a Chinese note ("去咗 Golden Dragon Restaurant", "拜访了 Harbour Grand
Hotel") is that new customer, never the last note's (trial 13: "Riverina Grain Co", "St Anne", "Bean", and Golden
Dragon's quote on 美心食品's deal). Undo leaves the store as it was."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Customer, Deal
from tests.bot.records import business, difference


def _names(store) -> list[str]:
    return sorted(c.name for c in store.rows(select(Customer)))


@pytest.mark.parametrize("note, name", [
    ("Visited Gundagai Growers Co-op, met Sharon Kelly the secretary, quoted 18k for a seeder",
     "Gundagai Growers Co-op"),
    ("Tumut Dairy Co-op - GM Ray wants a vat cooler quote", "Tumut Dairy Co-op"),
    ("Dropped in at St Brigid's Clinic, Dr Rao wants 2 autoclaves", "St Brigid's Clinic"),
    ("Visited Here Now Bakery, owner Mia wants a new deck oven", "Here Now Bakery"),
])
async def test_a_new_name_ends_where_it_ends(bot, engine, store, note, name):
    before = business(engine)
    reply = await bot.say(note)
    if not reply.wrote:
        reply = await bot.say("1")
    assert reply.wrote, reply.text
    assert _names(store) == [name], reply.text
    await bot.say("undo")
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("first, visit, new", [
    ("翠華餐廳：見咗陳生（老闆），報價 HK$16萬，兩部 combi oven",
     "去咗 Golden Dragon Restaurant 見 manager Tony Chan，佢哋想要 salamander grill 一部，報價 HK$38,000",
     "Golden Dragon Restaurant"),
    ("星辰科技：见了王总，报价 5万",
     "拜访了 Harbour Grand Hotel，见了 Mr Lee，报价 8万", "Harbour Grand Hotel"),
])
async def test_a_latin_name_after_a_chinese_visit_is_the_new_customer(bot, engine, store, first, visit, new):
    reply = await bot.say(first)
    if not reply.wrote:
        await bot.say("1")
    [old] = _names(store)
    [deal] = store.rows(select(Deal))
    before = business(engine)
    reply = await bot.say(visit)
    if not reply.wrote:                          # asked: the new company is offered
        assert any(new in c.label for c in reply.choices), reply.text
        reply = await bot.say(next(str(i + 1) for i, c in enumerate(reply.choices) if new in c.label))
    assert reply.wrote, reply.text
    assert _names(store) == sorted([old, new]), reply.text
    [kept] = [d for d in store.rows(select(Deal)) if d.id == deal.id]
    # the last note's deal is not moved
    assert (kept.amount_minor, kept.stage) == (deal.amount_minor, deal.stage), reply.text
    await bot.say("撤销")
    assert difference(before, business(engine)) == []
