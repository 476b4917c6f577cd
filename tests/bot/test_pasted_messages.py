"""A customer's message pasted into a note (a WeChat, an e-mail) greets our own rep ("Dear Mr. Zhou", "周经理您好",
"Уважаемая Марина Олеговна"): the rep is never the customer's contact; whoever signed it is, with the department
as title, and an order's number is no phone (trial: "陈经理" and "Mr. Chen" became the customer's contacts, a PO
number his phone). Undo leaves the store as it was."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.adapters.console import Console
from storage.models import Contact, Customer
from tests.bot.conftest import let_in
from tests.bot.records import business, difference


@pytest.mark.parametrize("rep, note, customer, contact, role, undo", [
    ("周明", "客户转来微信：“周经理您好，我们车间下个季度需要一批减速机，大约20台，方便的话先发个报价单” "
            "—— 常州华越传动 设备部 孙工",
     "常州华越传动", "孙工", "设备部", "撤销"),
    ("周明", "客户邮件：Dear Mr. Zhou, attached is our order PO#HYT-2027-0415 for 20 gearboxes. Kind regards, "
     "Karen Wu, Purchasing, Everbright Motors", "Everbright Motors", "Karen Wu", "Purchasing", "撤销"),
    ("Marina", "Fwd from Oakfield Dairy: Hi Marina, could you quote 40 cases of the 8oz lids for March? "
               "Order ref No. 5521 3390. Thanks, Peter Gale, Procurement, Oakfield Dairy",
     "Oakfield Dairy", "Peter Gale", "Procurement", "undo"),
    ("Марина", "Письмо от клиента: «Уважаемая Марина Олеговна, просим прислать КП на 6 насосов до пятницы. "
               "С уважением, Крылов Антон, отдел снабжения, ООО «Полимерсталь»»",
     "Полимерсталь", "Крылов Антон", "отдел снабжения", "отмена"),
])
async def test_the_sender_is_the_contact_never_the_rep(crm, engine, store, rep, note, customer, contact, role, undo):
    let_in(engine, "console", "rep", rep, "admin")
    chat = Console(crm, user="rep", name=rep)
    before = business(engine)
    reply = await chat.say(note)
    assert reply.wrote, reply.text
    [stored] = store.rows(select(Customer))
    assert customer in stored.name, reply.text
    [person] = store.rows(select(Contact))
    assert (person.name, person.role, person.phone) == (contact, role, None), reply.text
    await chat.say(undo)
    assert difference(before, business(engine)) == []


async def test_the_company_a_letter_calls_its_own_is_the_customer(crm, engine, store):
    let_in(engine, "console", "rep", "周明", "admin")
    chat = Console(crm, user="rep", name="周明")
    reply = await chat.say("转发客户邮件：\"周先生：我司（温州瓯江泵阀）拟采购不锈钢球阀60套，请于本月20日前报价。"
                           "联系人：设备科 钱芳 0577-8812 3456\"")
    assert reply.wrote, reply.text
    [stored] = store.rows(select(Customer))
    [person] = store.rows(select(Contact))
    assert (stored.name, person.name, person.phone) == ("温州瓯江泵阀", "钱芳", "0577-8812 3456"), reply.text


@pytest.mark.parametrize("rep, note, contact", [
    ("Marina", "My email to Brookside Hotel today: Dear Mr. Holt, as promised the quote for 300 napkins is attached. "
               "Best regards, Marina Petrova", "Mr. Holt"),
    ("周明", "发给客户的微信：“吴总您好，报价单已发您邮箱，请查收。” —— 周明", "吴总"),
])
async def test_our_own_letter_greets_the_customers_contact(crm, engine, store, rep, note, contact):
    let_in(engine, "console", "rep", rep, "admin")
    chat = Console(crm, user="rep", name=rep)
    reply = await chat.say(note)
    names = [c.name for c in store.rows(select(Contact))]
    assert rep not in " ".join(names) and (not names or names == [contact]), reply.text
