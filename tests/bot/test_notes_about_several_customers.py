"""A note whose clauses name different known customers ("globex signed 42k, initech pushed to january",
"подписали с альфастроем 1,2 млн, а технопарк перенёс на январь", "星辰签了12万，华彩推到明年") records
each clause under its own customer: one customer's stage and amount never land on another, the reply
lists each customer's changes, and one undo takes the whole note back exactly."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Customer, Deal, FollowUp, Interaction, Note
from storage.vocabulary import Stage
from tests.bot.records import business, difference

# (two notes making two customers with open deals, the note about both, the first's won amount in
# minor units, the words of the second's part)
CASES = [
    (("Visited Globex, sent quote 42k", "Called Initech, quote 15k"),
     "globex signed 42k, initech pushed to january", ("Globex", "Initech"), 4_200_000, "initech pushed to january"),
    (("Met Hooli's buyer, proposal 30k", "Visited Vandelay, sent a quote for 18k"),
     "hooli signed the 30k contract. vandelay wants a call next tuesday", ("Hooli", "Vandelay"), 3_000_000,
     "vandelay wants a call next tuesday"),
    (("Встреча в Альфастрое, КП 1,2 млн", "Звонил в Технопарк, КП 500 тыс"),
     "подписали с альфастроем 1,2 млн, а технопарк перенёс на январь", ("Альфастрой", "Технопарк"), 120_000_000,
     "а технопарк перенёс на январь"),
    (("Был в Вектор-Строе, отправил КП на 800 тыс", "Созвонился с Ладогой, КП 300 тыс"),
     "Вектор-Строй подписал договор на 800 тыс, Ладога просит перезвонить в пятницу", ("Вектор-Строй", "Ладога"),
     80_000_000, "Ладога просит перезвонить в пятницу"),
    (("拜访了星辰科技，报价12万", "和华彩集团打了电话，要样品，报价5万"),
     "星辰签了12万，华彩推到明年", ("星辰科技", "华彩集团"), 12_000_000, "华彩推到明年"),
    (("拜访了远航物流，报价20万", "给金鼎电器打电话，报价8万"),
     "远航物流签了20万合同，金鼎电器下周三再谈", ("远航物流", "金鼎电器"), 20_000_000, "金鼎电器下周三再谈"),
]


def _named(store) -> dict[int, str]:
    return {c.id: c.name for c in store.rows(select(Customer))}


@pytest.mark.parametrize(("before", "text", "customers", "won", "second_words"), CASES)
async def test_each_customers_clause_is_recorded_under_it(bot, store, engine, before, text, customers, won,
                                                          second_words):
    for note in before:
        assert (await bot.say(note)).wrote
    named = _named(store)
    deals_before = {named[d.customer_id]: (d.stage, d.amount_minor) for d in store.rows(select(Deal))}
    snapshot = business(engine)
    reply = await bot.say(text)
    first, second = customers
    assert reply.wrote and reply.text.count("\n") >= 3, reply.text
    assert reply.text.index(first) < reply.text.index(second), reply.text
    deals = {named[d.customer_id]: d for d in store.rows(select(Deal))}
    assert len(deals) == 2, deals        # no new deal anywhere
    assert deals[first].stage == Stage.WON and deals[first].amount_minor == won
    # nothing of the first customer's is carried over to the second
    assert deals[second].stage != Stage.WON and deals[second].amount_minor == deals_before[second][1]
    said = [i for i in store.rows(select(Interaction)) if i.text == second_words]
    follow = [f for f in store.rows(select(FollowUp)) if f.customer_id == deals[second].customer_id]
    assert said or follow, "the second customer's clause is recorded under it"
    assert all(named[i.customer_id] == second for i in said)
    assert not [i for i in store.rows(select(Interaction)) if i.text == text]    # each customer's own words
    [note] = store.rows(select(Note).order_by(Note.id.desc()).limit(1))
    assert note.text == text and named[note.customer_id] == first
    await bot.say("undo" if first.isascii() else "отмена" if first[0] in "АВ" else "撤销")
    assert difference(snapshot, business(engine)) == []


async def test_a_clause_whose_customer_is_unclear_is_said_not_recorded(bot, store, engine):
    store.add_customers("Acme Tools", "Acme Foods")
    assert (await bot.say("Visited Globex, sent quote 42k")).wrote
    snapshot = business(engine)
    reply = await bot.say("globex signed 42k, acme pushed to january")
    assert reply.wrote and "Not recorded" in reply.text and "acme pushed to january" in reply.text, reply.text
    named = _named(store)
    assert {named[d.customer_id]: d.stage for d in store.rows(select(Deal))} == {"Globex": Stage.WON}
    assert {named[i.customer_id] for i in store.rows(select(Interaction))} == {"Globex"}
    await bot.say("undo")
    assert difference(snapshot, business(engine)) == []


async def test_a_note_naming_a_second_customer_in_passing_stays_one_customers(bot, store):
    assert (await bot.say("Visited Globex, sent quote 42k")).wrote
    assert (await bot.say("Called Initech, quote 15k")).wrote
    reply = await bot.say("Visited Globex again, they compared our offer with the one we made to Initech")
    assert reply.wrote and "Initech" not in reply.text.split("\n")[0]
    named = _named(store)
    assert {named[i.customer_id] for i in store.rows(select(Interaction))} == {"Globex", "Initech"}
    assert len([i for i in store.rows(select(Interaction)) if named[i.customer_id] == "Initech"]) == 1


@pytest.mark.parametrize(("text", "undo"), [("globex signed 42k, initech still thinking it over", "undo"),
                                           ("подписали с альфастроем 1,2 млн, а технопарк пока думает", "отмена")])
async def test_a_note_about_several_sent_twice_is_recorded_once(bot, store, engine, text, undo):
    store.add_customers("Globex", "Initech", "Альфастрой", "Технопарк")
    before = business(engine)
    assert (await bot.say(text)).wrote
    after = business(engine)
    again = await bot.say(text)
    assert not again.wrote and "📝" in again.text, again.text
    assert difference(after, business(engine)) == []
    await bot.say(undo)
    assert difference(before, business(engine)) == []
