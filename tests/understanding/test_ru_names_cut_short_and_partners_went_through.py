"""A known Russian customer named the short ways reps head a note with, and never the partner a deal went
through: the first word cut short before the next one ("Новосиб станки" for ООО «Новосибирские Станки»),
a public body by its own word without its form and town ("по теплосети" for МУП «Теплосеть Искитим»), and a
partner or referrer after "через" only mentioned ("подписали через Вектор-Дистрибуцию")."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Europe/Moscow"))       # a Wednesday
KNOWN = ["ООО «Новосибирские Станки»", "ООО «Вектор-Дистрибуция»", "МУП «Теплосеть Искитим»", "ООО «Ладья»",
         "ООО «Нижегородская Хлебная Компания»"]


def test_a_first_word_cut_short_before_the_next_one():
    parse = understand("Новосиб станки: Вектор-Дистрибуция пишет, что проект заморожен до весны", NOW, KNOWN)
    assert parse.customer == "ООО «Новосибирские Станки»"
    parse = understand("Нижегор хлебная\n-звонил технологу\n-ждут КП на 640 тыс", NOW, KNOWN)
    assert parse.customer == "ООО «Нижегородская Хлебная Компания»" and parse.amount == 640000


def test_a_word_cut_short_alone_names_nothing():
    parse = understand("новосиб, встреча на складе у Ладьи", NOW, KNOWN)
    assert parse.customer == "ООО «Ладья»"


def test_a_public_body_by_its_own_word():
    parse = understand("по теплосети: Вектор-Дистрибуция выиграла аукцион, 2,4 млн", NOW, KNOWN)
    assert parse.customer == "МУП «Теплосеть Искитим»" and parse.amount == 2400000
    parse = understand("теплосеть — договор подписан, 2,4 млн через Вектор-Дистрибуцию", NOW, KNOWN)
    assert parse.customer == "МУП «Теплосеть Искитим»" and parse.stage == "won"


def test_the_partner_a_deal_went_through_is_only_mentioned():
    parse = understand("через Вектор-Дистрибуцию закрыли Ладью: договор подписан, 900 тыс", NOW, KNOWN)
    assert parse.customer == "ООО «Ладья»" and parse.amount == 900000


def test_the_partner_alone_is_still_the_customer():
    parse = understand("созвонились с Вектор-Дистрибуцией, хотят скидку 10%", NOW, KNOWN)
    assert parse.customer == "ООО «Вектор-Дистрибуция»"
    parse = understand("перезвонить через неделю в Ладью", NOW, KNOWN)
    assert parse.customer == "ООО «Ладья»"


def test_a_known_name_heading_the_note_in_every_language():
    known = ["Kestrel Logistics Ltd", "Brightpath", "杭州华信科技", "宁海精工有限公司"]
    parse = understand("kestrel: Brightpath says the end user went with a rival, project closed", NOW, known)
    assert parse.customer == "Kestrel Logistics Ltd"
    parse = understand("re kestrel - Brightpath won the tender, $40k", NOW, known)
    assert parse.customer == "Kestrel Logistics Ltd"
    parse = understand("宁海精工：华信说项目暂停了", NOW, known)
    assert parse.customer == "宁海精工有限公司"
