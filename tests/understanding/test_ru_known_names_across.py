"""Known Russian customers as reps shorten or respell them, and new ones put back in the nominative:
by the initials of the stems a compound name is run together from ("ВЭМ" for Волгоэнергомонтаж), by its
first stems ("Сибтранс"), in the other alphabet ("Брайтстоун" for Brightstone Capital, "Polimerstroy"
for Полимерстрой); a kind of business alone names no known customer; "в Ромашку" is Ромашка."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Europe/Moscow"))       # a Wednesday
KNOWN = ["АО «Волгоэнергомонтаж»", "АО «Московский завод металлоконструкций»", "ООО «Сибтрансэкспорт»",
         "ООО «Brightstone Capital»", "ООО «Полимерстрой»", "ООО «Фитнес Парк»", "ООО «Green Valley»"]


def test_initials_of_a_compound_names_stems():
    parse = understand("ВЭМ прислали опросный лист, считаем", NOW, KNOWN)
    assert parse.customer == "АО «Волгоэнергомонтаж»" and parse.customer_known
    parse = understand("МЗМК не отвечают, наберу завтра", NOW, KNOWN)
    assert parse.customer == "АО «Московский завод металлоконструкций»"
    assert parse.followup_on is not None and parse.followup_on.isoformat() == "2026-12-03"


def test_the_first_stems_of_a_compound_name():
    parse = understand("Сибтранс просят скидку 5%", NOW, KNOWN)
    assert parse.customer == "ООО «Сибтрансэкспорт»" and parse.stage == "negotiation"


def test_a_known_name_in_the_other_alphabet():
    assert understand("Брайтстоун обещали ответ в пятницу", NOW, KNOWN).customer == "ООО «Brightstone Capital»"
    assert understand("у Брайтстоуна сменился финдиректор", NOW, KNOWN).customer == "ООО «Brightstone Capital»"
    assert understand("созвонились с Polimerstroy, ждут КП", NOW, KNOWN).customer == "ООО «Полимерстрой»"


def test_a_short_word_in_the_other_alphabet_names_no_one():
    parse = understand("заехал в Грин Сад, хозяйка Анна, интересуются", NOW, KNOWN)
    assert parse.customer != "ООО «Green Valley»"


def test_a_kind_of_business_alone_is_no_known_customer():
    parse = understand("заходила в фитнес клуб Атлетика, управляющий Олег, хотят уборку", NOW, KNOWN)
    assert parse.customer != "ООО «Фитнес Парк»" and not parse.customer_known


def test_new_names_in_the_nominative():
    assert understand("Позвонил в Ромашку, обсудили поставку", NOW, KNOWN).customer == "Ромашка"
    parse = understand("Что по Балтийской?", NOW, KNOWN)
    assert parse.intent == "query_customer" and parse.customer == "Балтийская"
    parse = understand("заехал к главному инженеру Енисейского хлебозавода, Пётр, им нужна линия", NOW, KNOWN)
    assert parse.customer == "Енисейский хлебозавод" and parse.contact == "Пётр"


def test_a_new_name_opening_the_note_before_what_happened():
    parse = understand("СК Групп (бц Меридиан) — позвонила Алине, тендер объявят в марте", NOW, KNOWN)
    assert parse.customer == "СК Групп" and parse.contact == "Алина"
    parse = understand("Енисейский хлебозавод, Пётр — перезвонил ему наконец, ждут смету", NOW, KNOWN)
    assert parse.customer == "Енисейский хлебозавод" and parse.contact == "Пётр"
    parse = understand("Новокуйбышевскнефтехим. Новый. Гл. инж. Зайцев. КП 2,4 млн.", NOW, KNOWN)
    assert parse.customer == "Новокуйбышевскнефтехим" and parse.amount == 2_400_000
    assert understand("Отлично. Созвонились, всё в силе", NOW, KNOWN).customer is None


def test_a_new_name_of_two_lower_case_words_where_the_rep_went():
    parse = understand("заехал в дом обуви на кирова, хозяйка марина, интересуются", NOW, KNOWN)
    assert parse.customer == "дом обуви" and parse.channel == "visit" and parse.stage == "lead"
    parse = understand("набрала зелёный сад по холодной базе, просили прайс", NOW, KNOWN)
    assert parse.customer is None or parse.customer != "зелёный сад"      # an adjective: lower_trade's, not this
    parse = understand("заехала в кондитерскую сладкий дом на ленина, управляющая ирина", NOW, KNOWN)
    assert parse.channel == "visit"
    for text in ("заехал в торговый центр на ленина, купил кофе", "звонил в налоговую по поводу акта"):
        assert understand(text, NOW, KNOWN).customer is None, text
