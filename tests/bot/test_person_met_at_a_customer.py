"""A first name and a surname after "met" / "spoke to" / "встретился с" / "见了" are a person at the
customer the note names, never a new customer of their own, even when the surname is also a trade
word ("Bob Stone", "Ann Glass"): the note stays on that customer and the person becomes its contact."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer, Interaction

CASES = [  # (the note, the customer it names, the person)
    ("Called Hooli, met Bob Stone", "Hooli", "Bob Stone"),
    ("Visited Pied Piper this morning, spoke to Ann Glass about the rollout", "Pied Piper", "Ann Glass"),
    ("Met Tom Mills at Initech, he wants a demo", "Initech", "Tom Mills"),
    ("Позвонил в Вектор, встретился с Петром Ивановым", "Вектор", "Пётр Иванов"),
    ("Был в Альтаире, встретилась с Анной Сергеевной Котовой", "Альтаир", "Анна Сергеевна Котова"),
    ("给星辰科技打了电话，见了王强", "星辰科技", "王强"),
    ("去了华信科技，见了李明和他们的采购", "华信科技", "李明"),
]


@pytest.mark.parametrize(("text", "customer", "person"), CASES)
async def test_a_person_met_is_the_named_customers_contact(bot, store, text, customer, person):
    reply = await bot.say(text)
    assert reply.wrote and customer in reply.text, reply.text
    assert [c.name for c in store.rows(select(Customer))] == [customer]
    [contact] = store.rows(select(Contact))
    assert contact.name == person


@pytest.mark.parametrize(("text", "customer", "person"), CASES)
async def test_after_another_customers_note_the_person_goes_to_the_customer_named(bot, store, text, customer, person):
    assert (await bot.say("Visited Globex, sent quote 42k")).wrote
    reply = await bot.say(text)
    assert reply.wrote and customer in reply.text, reply.text
    named = {c.id: c.name for c in store.rows(select(Customer))}
    assert sorted(named.values()) == sorted(["Globex", customer])
    [contact] = store.rows(select(Contact))
    assert named[contact.customer_id] == customer and contact.name == person
    [first, second] = store.rows(select(Interaction).order_by(Interaction.id))
    assert named[second.customer_id] == customer
