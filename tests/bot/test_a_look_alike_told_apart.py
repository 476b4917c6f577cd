"""A company the rep tells apart from a look-alike the team has ("different company", "не Стройторг Плюс",
"跟华彩科技不是一家", "New customer …") is recorded as the new company it is, without a question; the
look-alike keeps every row it had. Undo takes the new company back exactly."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models import Customer, Deal, Interaction
from tests.bot.records import business, difference

CASES = [
    # (the known look-alike, its first note, the note telling another company apart, the new company, undo)
    ("Harbour View Dental", "Visited Harbour View Dental, Dr Kim wants an autoclave, £6,000",
     "Harbour View Vets (different company from the dental one) - Tom Gale wants a centrifuge, £1,200, call fri",
     "Harbour View Vets", "undo"),
    ("Harbour View Dental", "Visited Harbour View Dental, Dr Kim wants an autoclave, £6,000",
     "Harbour View Pharmacy rang, NOT the dental practice, separate business: wants fridges £2k",
     "Harbour View Pharmacy", "undo"),
    ("Northgate Medical Group", "Called Northgate Medical Group, Sue Hale wants a centrifuge, £4,000",
     "Northgate Clinic (not to be confused with Northgate Medical Group) - Ian Moss asked for a quote, £900",
     "Northgate Clinic", "undo"),
    ("Стройторг Плюс", "Был в Стройторг Плюс, прораб Сергей хочет газобетон на 300 тысяч",
     "съездил в стройторг восток это другая фирма не стройторг плюс снабженец павел хочет цемент позвонить в среду",
     "Стройторг Восток", "отмена"),
    ("华彩科技", "拜访了华彩科技，王总要报价，金额5万",
     "今天去了华彩建材，跟华彩科技不是一家，刘经理要200吨水泥", "华彩建材", "撤销"),
]


@pytest.mark.parametrize(("known", "first", "text", "new", "undo"), CASES)
async def test_a_company_told_apart_is_recorded_new_and_the_look_alike_is_untouched(bot, store, engine, known, first,
                                                                                     text, new, undo):
    await bot.say(first)
    [old] = store.rows(select(Customer))
    assert old.name == known
    deals = [(d.amount_minor, d.stage) for d in store.rows(select(Deal))]
    before = business(engine)
    reply = await bot.say(text)
    assert not reply.choices or reply.undo_token, reply.text            # recorded, not asked
    names = sorted(c.name for c in store.rows(select(Customer)))
    assert names == sorted([known, new]), reply.text
    assert store(Interaction, Interaction.customer_id == old.id) <= 1    # the look-alike's own first note only
    assert [(d.amount_minor, d.stage) for d in store.rows(select(Deal)) if d.customer_id == old.id] == deals
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("known", "first", "text", "new", "undo"), [
    ("Meridian Diagnostics Lab", "Called Meridian Diagnostics Lab, Gareth wants a service plan, £9,000",
     "New customer Meridian Eye Clinic: Dr Ann Low wants a fridge, £2,000", "Meridian Eye Clinic", "undo"),
    ("Уралстройкомплект", "Был в Уралстройкомплект, Олег хочет плитку",
     "новый клиент: Уралстрой Сервис, директор Пётр, хотят кирпич", "Уралстрой Сервис", "отмена"),
    ("金城建设", "拜访了金城建设，张总要报价", "新客户：金城地产，李总想要钢材", "金城地产", "撤销"),
])
async def test_a_company_called_new_is_recorded_new_beside_a_look_alike(bot, store, engine, known, first, text, new,
                                                                        undo):
    await bot.say(first)
    before = business(engine)
    reply = await bot.say(text)
    assert sorted(c.name for c in store.rows(select(Customer))) == sorted([known, new]), reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("text", "new", "undo"), [
    ("новый клиент каменный двор это склад на окраине хозяин пётр хотят брусчатку", "Каменный Двор", "отмена"),
    ("новый клиент: южная база, директор Семён хочет цемент", "Южная База", "отмена"),
])
async def test_a_company_called_new_in_lower_case_is_recorded_at_once(bot, store, engine, text, new, undo):
    await bot.say("Был в Теплодом, Олег хочет утеплитель")
    before = business(engine)
    reply = await bot.say(text)
    assert sorted(c.name for c in store.rows(select(Customer))) == sorted(["Теплодом", new]), reply.text
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_a_question_about_new_customers_names_none(bot, store):
    reply = await bot.say("新客户要先建档还是直接记就好")
    assert not store.rows(select(Customer)), reply.text


async def test_a_new_name_whose_end_is_unsure_is_asked_not_cut(bot, store):
    await bot.say("Был в Теплодом, Олег хочет утеплитель")
    reply = await bot.say("запиши новая компания ээ северный завод мостовых кранов там директор Зуев")
    assert [c.name for c in store.rows(select(Customer))] == ["Теплодом"], reply.text
