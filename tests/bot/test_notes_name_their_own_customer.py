"""A note goes to the customer it is about, never to one it only resembles or mentions in passing:
a known name spelt in the other alphabet ("Obskoy" for Обской, "Лукойл" for Lukoil) is that customer;
a rival or a model named beside the customer ("a competitor of Crestmoor", "like Mama Lucia's has",
"конкурент Вектора", "华彩科技的竞争对手") is only mentioned; an everyday word that looks like a
name's last word ("двое" beside Кабельный Двор) names nobody."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Customer, Deal, Note
from tests.bot.records import business, difference


def _customer_of_last_note(store) -> str:
    note = store.rows(select(Note).order_by(Note.id))[-1]
    return next(c.name for c in store.rows(select(Customer)) if c.id == note.customer_id)


@pytest.mark.parametrize(("known", "other", "note", "undo"), [
    ("АО «Обской Мукомольный Комбинат»: встреча, КП на 900 тыс", "Был в Кедре Плюс, отправил КП 100 тыс",
     "Obskoy lost, went with Buhler — цена", "отмена"),
    ("Visited Lukoil Trading, quote 40k", "Visited Harbor Optics, quote 10k",
     "Лукойл отказались, ушли к конкурентам", "undo"),
    ("Был в Глобал Стиле, КП 300 тыс", "Visited Harbor Optics, quote 10k",
     "Global Stil lost, too pricey", "undo"),
])
async def test_a_known_name_spelt_in_the_other_alphabet_is_that_customer(bot, store, engine, known, other, note,
                                                                          undo):
    assert (await bot.say(known)).wrote
    first = _customer_of_last_note(store)
    assert (await bot.say(other)).wrote      # the last note is another customer's
    before = business(engine)
    reply = await bot.say(note)
    if reply.choices and not reply.wrote:      # asked: the known customer comes first, and "1" applies the note
        assert first in reply.choices[0].label, reply.text
        reply = await bot.say("1")
    assert reply.wrote, reply.text
    assert _customer_of_last_note(store) == first, reply.text
    assert {d.stage for d in store.rows(select(Deal)) if d.customer_id != store.rows(select(Note))[-1].customer_id} \
        == {"proposal"}                     # the other customer's deal is untouched
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("last", "note", "meant", "mentioned"), [
    ("Visited Crestmoor Senior Living, sent quote 30k",
     "ran into Jill Ostrow, now at Bayview Memory Care (a competitor of Crestmoor). they look at options in Q1",
     "Bayview Memory Care", "Crestmoor Senior Living"),
    ("Visited Mama Lucia's Trattoria, quote $2,000",
     "Pinecrest Dental - Amy wants the online booking just like Mama Lucia's has. quoted $3,600",
     "Pinecrest Dental", "Mama Lucia's Trattoria"),
    ("Был в Векторе, отправил КП 300 тыс", "Звонил в Альтаир (конкурент Вектора), у них тендер в марте",
     "Альтаир", "Вектор"),
    ("拜访了华彩科技，报价5万", "蓝海物流是华彩科技的竞争对手，今天见了他们采购，报价8万", "蓝海物流", "华彩科技"),
])
async def test_a_rival_or_model_named_beside_the_customer_gets_nothing(bot, store, engine, last, note, meant,
                                                                      mentioned):
    assert (await bot.say(last)).wrote
    deals = [(d.stage, d.amount_minor) for d in store.rows(select(Deal))]
    reply = await bot.say(note)
    if reply.choices and not reply.wrote:      # asked which: the new name is offered and applies the note
        assert any(meant in c.label for c in reply.choices), reply.text
        reply = await bot.say(meant)
    assert reply.wrote, reply.text
    assert _customer_of_last_note(store) == meant, reply.text
    known = next(c for c in store.rows(select(Customer)) if c.name == mentioned)
    assert [(d.stage, d.amount_minor) for d in store.rows(select(Deal)) if d.customer_id == known.id] == deals


async def test_an_everyday_word_like_a_names_last_word_names_nobody(bot, store):
    assert (await bot.say("Был в Кабельном Дворе, отправил КП 200 тыс")).wrote
    reply = await bot.say("двое подряд: «Северный Ветер» (Ирина, закупки), звонил сегодня")
    assert "Кабельный Двор" not in reply.text, reply.text
    assert [c.name for c in store.rows(select(Customer)) if c.name != "Кабельный Двор"] in (
        [], ["Северный Ветер"]), reply.text
    cable = next(c for c in store.rows(select(Customer)) if c.name == "Кабельный Двор")
    assert len([n for n in store.rows(select(Note)) if n.customer_id == cable.id]) == 1
    assert (await bot.say("дворе был сегодня, всё ок")).wrote     # the word's whole stem is the name
    assert _customer_of_last_note(store) == "Кабельный Двор"


@pytest.mark.parametrize(("last", "note", "name"), [
    ("拜访了宏拓智能，报价12万", "蓝鲸 两个人来问伺服 留了电话13602281157 姓彭", "蓝鲸"),
    ("拜访了星辰科技，报价8万", "金鹰 来问了一下价格 下周再聊", "金鹰"),
])
async def test_a_chinese_name_set_apart_first_is_never_the_last_notes_customer(bot, store, engine, last, note, name):
    assert (await bot.say(last)).wrote
    before = business(engine)
    reply = await bot.say(note)
    assert not reply.wrote, reply.text
    assert difference(before, business(engine)) == []
    assert any(name in c.label for c in reply.choices), reply.text
    reply = await bot.say(name)
    assert reply.wrote, reply.text
    assert _customer_of_last_note(store) == name
    assert (await bot.say("撤销")).wrote
    assert difference(before, business(engine)) == []


async def test_a_chinese_time_set_apart_first_still_takes_the_last_customer(bot, store):
    assert (await bot.say("拜访了宏拓智能，报价12万")).wrote
    reply = await bot.say("下周 再跟进一下")
    assert reply.wrote and "宏拓智能" in reply.text, reply.text
