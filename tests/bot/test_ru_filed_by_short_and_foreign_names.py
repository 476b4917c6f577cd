"""Russian notes in the chat land on the customer they name however it is shortened or respelt: the
initials of a compound name's stems ("ВЭМ" for Волгоэнергомонтаж), a name in the other alphabet
("Брайтстоун" for Brightstone Capital), and never on a known customer that only shares a kind of
business ("фитнес клуб …" beside Фитнес Парк); a message pasted in quotes with a question mark is still a
note; each note in a row after a note on another customer."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Customer, FollowUp, Note


def _notes_of(store, name: str) -> int:
    return store(Note, Note.customer_id == select(Customer.id).where(Customer.name == name).scalar_subquery(),
                 Note.undone_at.is_(None))


async def test_initials_of_a_compound_name_file_under_it(bot, store):
    store.add_customers("АО «Волгоэнергомонтаж»", "ООО «Ладога»")
    await bot.say("Встреча в Ладоге, договорились о поставке, 400 тыс")
    reply = await bot.say("Позвонил Савельеву (ВЭМ), опросные листы обещают до пятницы")
    assert _notes_of(store, "АО «Волгоэнергомонтаж»") == 1 and _notes_of(store, "ООО «Ладога»") == 1
    assert store(Customer, Customer.name == "ВЭМ") == 0
    assert "Волгоэнергомонтаж" in reply.text


async def test_a_name_in_the_other_alphabet_files_under_it(bot, store):
    store.add_customers("ООО «Brightstone Capital»", "ООО «Ладога»")
    await bot.say("Встреча в Ладоге, договорились о поставке, 400 тыс")
    await bot.say("Брайтстоун — Олег подтвердил: скидка 5% ок, сумма 17 500 EUR")
    assert _notes_of(store, "ООО «Brightstone Capital»") == 1
    assert store(Customer, Customer.name.like("Брайтстоун%")) == 0


async def test_a_kind_of_business_is_no_known_customer(bot, store):
    store.add_customers("ООО «Фитнес Парк»")
    await bot.say("Встреча в Ладоге, договорились о поставке, 400 тыс")
    reply = await bot.say("заходила в фитнес клуб Атлетика, управляющий Олег, хотят ежедневную уборку")
    assert _notes_of(store, "ООО «Фитнес Парк»") == 0
    assert "Фитнес Парк" not in reply.text.splitlines()[0]


async def test_a_pasted_message_with_a_question_is_a_note(bot, store):
    store.add_customers("ООО «Кедр»")
    reply = await bot.say("fwd из whatsapp: «Добрый день, можем созвониться в пятницу?» — это Кедр, Тимур")
    assert _notes_of(store, "ООО «Кедр»") == 1
    assert reply.wrote


async def test_a_new_name_after_its_kind_is_not_a_known_name_of_its_town(bot, store):
    store.add_customers("ООО «Светлогорск Тур Сервис»")
    await bot.say("Встреча в Ладоге, договорились о поставке, 400 тыс")
    reply = await bot.say("кофейня Ласточка в светлогорске согласовали всё, подписание в пятницу")
    assert _notes_of(store, "ООО «Светлогорск Тур Сервис»") == 0
    assert "Светлогорск Тур Сервис" not in reply.text.splitlines()[0] or reply.choices


async def test_a_day_set_right_for_another_customer_is_that_customers_note(bot, store):
    store.add_customers("ООО «Кедр»", "ООО «Ладога»")
    await bot.say("Ладога — Ирина ответила, давайте созвон в четверг")
    await bot.say("созвон с Кедром в понедельник а не во вторник, я перепутал")
    assert _notes_of(store, "ООО «Кедр»") == 1 and _notes_of(store, "ООО «Ладога»") == 1
    for name in ("ООО «Кедр»", "ООО «Ладога»"):
        assert store(FollowUp, FollowUp.customer_id == select(Customer.id).where(Customer.name == name)
                     .scalar_subquery()) == 1, name
