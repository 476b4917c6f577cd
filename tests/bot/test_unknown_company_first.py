"""A note that opens with a company the bot does not know (or names it right before what happened
there) never lands on the last note's customer: the bot asks (the last customer / new customer X)
and keeps the note; the answer applies it. A known name with another distinguishing word ("acme
corp" beside Acme Industries) is asked about too. Three languages, notes in a row."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Contact, Customer, Deal, Interaction


def _names(store) -> list[str]:
    return sorted(c.name for c in store.rows(select(Customer)))


def _amount(store, name: str) -> int | None:
    [deal] = store.rows(select(Deal).join(Customer, Customer.id == Deal.customer_id).where(Customer.name == name))
    return deal.amount_minor


async def test_a_lower_case_company_after_a_visit_is_no_reason_to_touch_the_last_customer(bot, store):
    await bot.say("visited brightline, met tara, quote 12k, f/u mon")
    asked = await bot.say("visited gordon corp, met Glen Hart (CFO), follow up wed")   # "gordon": also a first name
    assert not asked.wrote and "gordon corp" in asked and "brightline" in asked
    assert [c.data for c in asked.choices] == ["pick:1", "pick:new", "pick:cancel"]
    assert store(Contact) == 1 and store(Interaction) == 1
    done = await bot.press("pick:new")
    assert done.wrote and "gordon corp" in done
    assert _names(store) == ["brightline", "gordon corp"]
    [glen] = store.rows(select(Contact).where(Contact.name == "Glen Hart"))
    [gordon] = store.rows(select(Customer).where(Customer.name == "gordon corp"))
    assert glen.customer_id == gordon.id and _amount(store, "brightline") == 1_200_000


async def test_a_chinese_note_opening_with_an_unknown_company_is_asked_about(bot, store):
    await bot.say("拜访了远航科技，见了孙总，报价20万，下周三跟进")
    first = await bot.say("腾讯 拜访 周经理 电话 13900002222 预算300万")
    assert not first.wrote and "腾讯" in first and "远航科技" in first
    assert _amount(store, "远航科技") == 20_000_000
    done = await bot.press("pick:new")
    assert done.wrote and "腾讯" in done
    called = await bot.say("给京东打电话了，80万")
    assert not called.wrote and "京东" in called
    await bot.press("pick:cancel")
    also = await bot.say("美团也去了，吴经理，报价40万")
    assert not also.wrote and "美团" in also
    await bot.press("pick:cancel")
    assert _amount(store, "远航科技") == 20_000_000 and _names(store) == ["腾讯", "远航科技"]


async def test_a_russian_note_opening_with_an_unknown_company_is_asked_about(bot, store):
    await bot.say("Был у Меридиана, отправил КП на 900 тыс, созвонимся в среду")
    new = await bot.say("Северсталь звонили, Андрей, хотят 3 млн, кп до понедельника")
    assert new.wrote and "Северсталь" in new and _amount(store, "Меридиан") == 90_000_000
    assert _names(store) == ["Меридиан", "Северсталь"] and _amount(store, "Северсталь") == 300_000_000
    gas = await bot.say("Газпром нефть звонил, Павел, хотят 5 млн")
    assert not gas.wrote and "Газпром нефть" in gas and "Северсталь" in gas
    await bot.press("pick:cancel")
    met = await bot.say("Роснефть, встретился с Козловым")
    assert not met.wrote and "Роснефть" in met and "Козловым" not in met
    plain = await bot.say("Андрей звонил, просит скидку")       # a person, no company: the last customer
    assert plain.wrote


async def test_a_known_name_with_another_distinguishing_word_is_asked_about(bot, store):
    await bot.say("redwood industries - met kim lo (cto), quote 45k, call tmrw")
    asked = await bot.say("redwood corp visit, pat ray purchasing, no budget yet")
    assert not asked.wrote and "redwood industries" in asked and "redwood corp" in asked
    await bot.press("pick:cancel")
    again = await bot.say("redwood corp sent quote 18k usd")
    assert not again.wrote and _amount(store, "redwood industries") == 4_500_000


async def test_a_russian_name_glued_with_a_hyphen_or_written_short_is_asked_about(bot, store):
    await bot.say("Альфа-Мед: встреча, бюджет $15,000")
    short = await bot.say("ООО Альфа: бюджет 400 тыс")
    assert not short.wrote and "Альфа-Мед" in short and "ООО Альфа" in short
    await bot.press("pick:cancel")
    await bot.say("Был у Сатурна, КП на 200 тыс")
    glued = await bot.say("звонил в сатурн-строй, хотят 600 тыс")
    assert not glued.wrote and "сатурн-строй" in glued
    await bot.press("pick:cancel")
    assert _amount(store, "Альфа-Мед") == 1_500_000 and _amount(store, "Сатурн") == 20_000_000
