"""A customer whose deal is already won, signing again in a later note ("hooli signed the contract",
"Альфа подписала", "华信科技签了"), gets no second won deal: the bot says the deal is already won and
writes nothing, or records what else the note tells. A note that speaks of a new deal ("another
contract", "ещё один договор", "又签了一单") opens one, and undo takes it back exactly."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal, Interaction
from tests.bot.records import business, difference

CASES = [  # (the first win, the same win said again, a new deal said, the undo word)
    ("Visited Hooli, sent quote 18k", "hooli signed", "hooli signed the contract",
     "hooli signed a second contract for 6k", "undo"),
    ("Был в Альфе, отправил КП на 300 тыс", "Альфа подписала договор", "альфа подписала",
     "Альфа: ещё один заказ подписали на 120 тыс", "отмена"),
    ("拜访了华信科技，报价8万", "华信科技签了合同", "华信科技签了", "华信科技又签了一单，3万", "撤销"),
]


@pytest.mark.parametrize(("first", "won", "again", "new", "undo"), CASES)
async def test_a_won_deal_signed_again_opens_no_second_deal(bot, store, engine, first, won, again, new, undo):
    assert (await bot.say(first)).wrote
    assert (await bot.say(won)).wrote
    before = business(engine)
    repeat = await bot.say(again)
    assert not repeat.wrote, repeat.text
    assert difference(before, business(engine)) == []
    assert [d.stage for d in store.rows(select(Deal))] == ["won"]
    opened = await bot.say(new)
    assert opened.wrote, opened.text
    assert sorted(d.stage for d in store.rows(select(Deal))) == ["won", "won"]
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize("text", ["called hooli, they signed, follow up next tuesday about onboarding",
                                  "Hooli signed! met Rita Vance their new COO"])
async def test_the_rest_of_such_a_note_is_recorded_and_the_won_deal_left_alone(bot, store, text):
    for note in ("Visited Hooli, sent quote 18k", "hooli signed"):
        assert (await bot.say(note)).wrote
    reply = await bot.say(text)
    assert reply.wrote and "already won" in reply.text, reply.text
    assert [d.stage for d in store.rows(select(Deal))] == ["won"]


async def test_the_already_won_reply_says_how_to_record_a_new_deal(bot):
    for note in ("Visited Hooli, sent quote 18k", "hooli signed"):
        await bot.say(note)
    reply = await bot.say("Hooli signed!!")
    assert "already won" in reply.text and "$18,000" in reply.text and "new order" in reply.text, reply.text


@pytest.mark.parametrize(("won", "again", "amount", "undo"), [
    ("Visited Hooli, signed, £55,000", "hooli PO arrived Monday, £54,800 (they knocked off the delivery). done!",
     "£54,800", "undo"),
    ("Альфа подписала договор на 2,27 млн", "Альфа подписала, оплатили первую часть 1,1 млн",
     "1\u00a0100\u00a0000", "отмена"),
    ("华信科技签了合同186万", "华信科技签了，合同金额180万", "1,800,000", "撤销"),
])
async def test_another_amount_is_kept_as_the_notes_words_and_the_won_deal_left_alone(bot, store, engine, won, again,
                                                                                     amount, undo):
    assert (await bot.say(won)).wrote
    [deal] = store.rows(select(Deal))
    before = business(engine)
    reply = await bot.say(again)
    assert reply.wrote and amount in reply.text, reply.text
    [same] = store.rows(select(Deal))
    assert (same.stage, same.amount_minor) == ("won", deal.amount_minor)
    assert store(Interaction) == len(before["interaction"]) + 1          # the words kept in the history
    await bot.say(undo)
    assert difference(before, business(engine)) == []
