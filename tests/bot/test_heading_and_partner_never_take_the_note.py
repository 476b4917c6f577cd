"""A note headed by a known customer ("Новосиб станки: …", "kestrel: …", "宁海精工：…") or naming the
partner a deal went through ("… через Вектор-Дистрибуцию") is filed under the customer, never under the
partner it also names, and undo gives the store back as it was."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Customer, Note
from tests.bot.records import business, difference


def _notes_of(store, name: str) -> int:
    return store(Note, Note.customer_id == select(Customer.id).where(Customer.name == name).scalar_subquery(),
                 Note.undone_at.is_(None))


async def test_russian_heading_and_partner(bot, store, engine):
    store.add_customers("ООО «Новосибирские Станки»", "ООО «Вектор-Дистрибуция»", "МУП «Теплосеть Искитим»")
    await bot.say("созвонились с Вектор-Дистрибуцией, хотят скидку 10%")
    snapshot = business(engine)
    reply = await bot.say("Новосиб станки: Вектор-Дистрибуция пишет, что проект заморожен до весны")
    assert _notes_of(store, "ООО «Новосибирские Станки»") == 1 and _notes_of(store, "ООО «Вектор-Дистрибуция»") == 1
    assert "Новосибирские Станки" in reply
    assert (await bot.say("отмена")).wrote
    assert difference(snapshot, business(engine)) == []
    await bot.say("теплосеть — договор подписан, 2,4 млн через Вектор-Дистрибуцию")
    assert _notes_of(store, "МУП «Теплосеть Искитим»") == 1 and _notes_of(store, "ООО «Вектор-Дистрибуция»") == 1


async def test_english_heading(bot, store, engine):
    store.add_customers("Kestrel Logistics Ltd", "Brightpath")
    await bot.say("met Brightpath, they want to add us to their line card")
    snapshot = business(engine)
    await bot.say("kestrel: Brightpath says the end user went with a rival, project closed")
    assert _notes_of(store, "Kestrel Logistics Ltd") == 1 and _notes_of(store, "Brightpath") == 1
    assert (await bot.say("undo")).wrote
    assert difference(snapshot, business(engine)) == []


async def test_chinese_heading(bot, store):
    store.add_customers("杭州华信科技", "宁海精工有限公司")
    await bot.say("拜访了代理商华信，他们想代理我们的产品")
    await bot.say("宁海精工：华信说项目暂停了")
    assert _notes_of(store, "宁海精工有限公司") == 1 and _notes_of(store, "杭州华信科技") == 1
