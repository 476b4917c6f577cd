"""A known Russian name written as one word, heard or typed apart in several ("волга энерго комплект" for
Волгаэнергокомплект), is that customer: the words run together make the whole name, in any case, a long
name even a letter off ("афто" for "авто"); a part of it alone, or unrelated words, name no one."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Europe/Samara"))       # a Wednesday
KNOWN = ["ООО «Южуралстройсервис»", "АО «НижегородТрансЛогистик»", "ООО «Мегаполис»", "ИП Кравцов"]


def test_a_name_dictated_word_by_word():
    parse = understand("созвонился с юж урал строй сервис, ждут кп до пятницы", NOW, KNOWN)
    assert parse.customer == "ООО «Южуралстройсервис»" and parse.customer_known
    assert parse.channel == "call"


def test_a_name_split_apart_in_another_case():
    parse = understand("заехал в нижегород транс логистик, Зотов просит скидку", NOW, KNOWN)
    assert parse.customer == "АО «НижегородТрансЛогистик»"
    parse = understand("отгрузка по нижегород транс логистику задерживается", NOW, KNOWN)
    assert parse.customer == "АО «НижегородТрансЛогистик»"


def test_a_long_name_split_apart_and_misheard_by_a_letter():
    parse = understand("нижегород тронс логистик подписали договор на 900 тыс", NOW, KNOWN)
    assert parse.customer == "АО «НижегородТрансЛогистик»" and parse.stage == "won"


def test_words_that_only_begin_a_name_name_no_one():
    parse = understand("был на стройке в южном районе, сервис там так себе", NOW, KNOWN)
    assert parse.customer != "ООО «Южуралстройсервис»"
    parse = understand("у них мега скидки, полис ОСАГО в подарок", NOW, KNOWN)
    assert parse.customer != "ООО «Мегаполис»"
    assert understand("мега полис звонили, ждут счёт", NOW, KNOWN).customer == "ООО «Мегаполис»"
