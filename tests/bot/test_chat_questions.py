"""A message that asks for information is answered or met with "I didn't understand", never
logged, whatever understanding says; "delete X" explains how, or asks an admin to confirm and
then erases as `crmbot forget` does. Three languages."""
from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlmodel import Session

from storage.models import Contact, Customer, Deal, Member, Note


@pytest.mark.parametrize("question", [
    "who haven't I talked to in a while",
    "any news from Globex",
    "how's globex doing",
    "did anyone ever close globex or is it still open",
    "globex signed?",
    "что по Глобексу слышно",
    "сколько у нас сделок с Глобекс",
    "恒锐电气最近咋样",
    "环球那边怎么样了",
    "Глобекс подписал договор?",
])
async def test_a_question_after_a_note_writes_nothing(bot, store, question):
    await bot.say("Visited Globex, met Maria (CFO), sent quote 42k")
    notes, customers = store(Note), store(Customer)
    reply = await bot.say(question)
    assert not reply.wrote and reply.undo_token is None
    assert store(Note) == notes and store(Customer) == customers
    assert [d.stage for d in store.rows(select(Deal))] == ["proposal"]


async def test_a_question_naming_a_known_customer_is_answered_with_its_card(bot):
    await bot.say("Visited Globex, sent quote 42k")
    reply = await bot.say("anything new w/ globex? bob still sitting on the quote?")
    assert "🏢 Globex" in reply and not reply.wrote


async def test_a_question_the_bot_cannot_place_says_it_did_not_understand(bot):
    assert "didn't understand" in await bot.say("what's the wifi password at the office?")
    assert "не понял" in await bot.say("какой пароль от вайфая в офисе?")
    assert "没看懂" in await bot.say("办公室的无线网密码是多少？")


async def test_a_doubt_inside_a_note_is_no_question(bot, store):
    reply = await bot.say("cold called Mission Hills Pet Resort, talked to the owner, Jen I think? wants a demo")
    if not reply.wrote:  # asked which customer (the note is kept), never taken for a question
        assert "didn't understand" not in reply
        reply = await bot.say("Mission Hills Pet Resort")
    assert reply.wrote and store(Note) == 1


def _make_rep(engine) -> None:
    with Session(engine) as s:
        s.execute(update(Member).values(role="rep"))
        s.commit()


@pytest.mark.parametrize("lang_delete, words", [("delete Globex", "undo"), ("удали Глобекс", "отмена"),
                                                ("删除环球科技", "撤销")])
async def test_delete_explains_how_to_a_rep_and_writes_nothing(bot, store, engine, lang_delete, words):
    await bot.say("Visited Globex, met Maria Lopez, sent quote 42k")
    await bot.say("Звонил в Глобекс, КП отправил")
    await bot.say("拜访了环球科技")
    _make_rep(engine)
    notes = store(Note)
    reply = await bot.say(lang_delete)
    assert words in reply and not reply.choices and not reply.wrote
    assert store(Note) == notes and store(Contact) == 1


async def test_delete_asks_an_admin_to_confirm_and_the_button_erases(bot, store):
    await bot.say("Visited Globex, met Maria Lopez, phone +1 555 0101, sent quote 42k")
    reply = await bot.say("delete Globex")
    assert [c.data.split(":")[0] for c in reply.choices] == ["erase", "erase"]
    assert store(Customer, Customer.name == "Globex") == 1
    assert "nothing was erased" in await bot.press("erase:cancel")
    assert store(Customer, Customer.name == "Globex") == 1
    reply = await bot.say("delete Globex")
    erase = reply.choices[0].data
    done = await bot.press(erase)
    assert "Erased" in done and store(Customer, Customer.name == "Globex") == 0
    assert store(Deal) == 1  # kept, anonymised
    assert "no longer open" in await bot.press(erase)
