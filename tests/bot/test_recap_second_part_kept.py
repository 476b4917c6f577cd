"""A recap of two customers ("recap: brixton tools - all good, nothing needed; harbor foods - Lena asked for a demo
account, set it up by friday", "итоги: Кварц — всё ок; Гранит — Ольга попросила образцы, отправлю до пятницы",
"总结：蓝桥科技 一切正常；华盛机电 孙总要样品，周五前寄过去"): the second part's follow-up is recorded, and its
own words stay in its customer's history; one undo takes both back."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Customer, FollowUp, Interaction
from tests.bot.records import business, difference

CASES = [
    ("recap: brixton tools - all good, nothing needed; harbor foods - Lena asked for a demo account, "
     "set it up by friday", "Brixton Tools", "Harbor Foods", "undo"),
    ("итоги: Кварц — всё ок, ничего не нужно; Гранит — Ольга попросила образцы, отправлю до пятницы",
     "Кварц", "Гранит", "отмена"),
    ("总结：蓝桥科技 一切正常；华盛机电 孙总要样品，周五前寄过去", "蓝桥科技", "华盛机电", "撤销"),
]


@pytest.mark.parametrize(("text", "first", "second", "undo"), CASES)
async def test_the_second_customer_gets_its_follow_up_and_words(bot, store, engine, text, first, second, undo):
    store.add_customers(first, second)
    before = business(engine)
    reply = await bot.say(text)
    ids = {c.name: c.id for c in store.rows(select(Customer))}
    [follow] = store.rows(select(FollowUp))
    assert follow.customer_id == ids[second], reply.text
    told = {i.customer_id for i in store.rows(select(Interaction))}
    assert told == {ids[first], ids[second]}, reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []
