"""A note dictated from the car, or naming a partner beside the customer, lands on the customer it is
about, never on a known one it only brushes against: punctuation said aloud ("comma", "period", "逗号")
is no customer, a filler said before a new name ("叫那个…") is not part of it, capitals that end another
name ("Orbit Lane AV") or a product's code ("KX-20") are no known customer's initials, and a partner who
introduced us, proposed to the customer or gave us the number is only mentioned. Each after a note on
another customer; undo gives the store back exactly."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Customer, Note
from tests.bot.records import business, difference


def _notes_of(store, name: str) -> int:
    return store(Note, Note.customer_id == select(Customer.id).where(Customer.name == name).scalar_subquery(),
                 Note.undone_at.is_(None))


# (known customers, the note before, the note, the customer it is about, a known one it must not land on)
CASES = [
    (["Tidewater Boat Supply Inc"], "Visited Tidewater Boat Supply, sent the quote for 12k",
     "granite bay marina comma spoke to the harbour master period wants a quote for 40 slips period call back friday",
     "granite bay marina", "Tidewater Boat Supply Inc"),
    (["Wolcott Dental Group"], "Called Wolcott Dental Group, they want a demo",
     "stopped by Cedar Point Orthodontics comma dr patel was out period left brochure",
     "Cedar Point Orthodontics", "Wolcott Dental Group"),
    (["Orchard Lane Ventures"], "Called Orchard Lane Ventures, sent the deck",
     "Orbit Lane AV (integrator, Austin) signed the partner agreement. first deal they bring is a school district",
     "Orbit Lane AV", "Orchard Lane Ventures"),
    (["Cobalt Creek Logistics"], "Emailed Cobalt Creek Logistics the proposal",
     "Cobalt Creek introduced us to an end customer, Riverside Charter School — 300 laptops. call next tue",
     "Riverside Charter School", "Cobalt Creek Logistics"),
    (["Linden Vet Partners"], "Visited Linden Vet Partners, sent quote 8k",
     "Rang Marlow Dental Lab (got their number from Linden), spoke to the owner. booked a visit",
     "Marlow Dental Lab", "Linden Vet Partners"),
    (["ООО «Сибирь-Интеграция»"], "Был в Сибирь-Интеграции, отправил КП",
     "звонок с Уралмаркет Плюс — ищут поставщика весов, хотят через партнёра. Предложил Сибирь-Интеграцию",
     "Уралмаркет Плюс", "ООО «Сибирь-Интеграция»"),
    (["苏州凯达精密机械有限公司"], "拜访了凯达精密，报价20万",
     "今天第一次去了一家新客户叫那个云杉民宿联盟，老板姓陈逗号想做订房系统句号下周再约",
     "云杉民宿联盟", "苏州凯达精密机械有限公司"),
    (["湖南科达传媒有限公司"], "拜访了湖南科达传媒，报价5万",
     "今天接了个新询盘：深圳“北辰光学”，需求 3 套 KD-20 光源，预算 8 万以内。周四约线上会。",
     "北辰光学", "湖南科达传媒有限公司"),
]


@pytest.mark.parametrize("known, first, note, about, not_on", CASES)
async def test_the_note_lands_on_the_customer_it_is_about(bot, store, engine, known, first, note, about, not_on):
    store.add_customers(*known)
    await bot.say(first)
    before = business(engine)
    reply = await bot.say(note)
    assert reply.wrote, reply.text
    assert _notes_of(store, about) == 1, reply.text
    assert _notes_of(store, not_on) == 1, reply.text         # only the note before
    await bot.say({"Уралмаркет Плюс": "отмена"}.get(about, "撤销" if about[0] > "\u4e00" else "undo"))
    assert difference(before, business(engine)) == []
