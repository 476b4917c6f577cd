"""A recap naming several customers in turn is a note about the first one, with only the facts said
about it: the later customers' stages, sums, days and people are not its. A message naming a second
company inside a sentence of its own ("they went with Globex") is no recap, and a question is never
cut. Sentences written fresh, phone style."""
from datetime import date

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH         # Wednesday 25 November 2026


def _read(text, known):
    p = understand(text, NOW, known)
    return p.intent, p.customer, p.contact, p.channel, p.stage, p.amount, p.followup_on


def test_english_recap_keeps_the_first_customers_facts():
    assert _read("wrap up: acme - sent quote 12k; globex - no answer; initech - meeting thurs", EN) == \
        ("log", "Acme Corp", None, None, "proposal", 12000, None)
    assert _read("eod: globex – visited, met Dana; northwind - emailed the price list, 9k", EN) == \
        ("log", "Globex Industries", "Dana", "visit", None, None, None)


def test_a_heading_naming_the_customer_and_a_later_sentence_about_it_again():
    assert _read("notes wk 12 — initech: demo went fine; acme: nothing. call initech monday", EN)[1::5] == \
        ("Initech LLC", date(2026, 11, 30))


def test_chinese_recap_keeps_the_first_customers_facts():
    assert _read("今天：远航 合同签了 30万；东方电气 没人接；星辰 下周三再约", ZH) == \
        ("log", "远航物流有限公司", None, None, "won", 300000, None)
    assert _read("本周：①海天报价已发 8万 ②华润王总出差了 ③星辰没动静", ZH) == \
        ("log", "海天食品股份有限公司", None, None, "proposal", 80000, None)


def test_chinese_recap_with_names_before_colons_and_no_other_separator():
    p = understand("周三汇总 远航：样品测试通过，下周签 海天：老板出差 星辰：尾款到了", NOW, ZH)
    assert (p.customer, p.contact, p.stage) == ("远航物流有限公司", None, "negotiation")


def test_russian_recap_keeps_the_first_customers_facts():
    assert _read("итоги дня: вектор подписал 1,2 млн; уралсталь не взяли трубку; добрый хлеб — встреча в четверг",
                 RU) == ("log", "ООО «Вектор»", None, None, "won", 1200000, None)
    assert _read("сводка: Вектор (отправил КП, 400 тыс), Альфа-Строй (визит), Уралсталь (не дозвонился)", RU) == \
        ("log", "ООО «Вектор»", None, None, "proposal", 400000, None)


def test_a_recap_of_new_companies_is_a_note_about_the_first():
    p = understand("за день: Тихая Гавань — знакомство, Сибирский Кедр — не дозвонилась, Ладога-Трейд — отправила КП",
                   NOW, [])
    assert (p.intent, p.customer, p.stage, p.channel) == ("log", "Тихая Гавань", "lead", None)


def test_a_second_company_inside_a_sentence_is_no_recap():
    p = understand("called acme; they went with Globex in the end", NOW, EN)
    assert (p.customer, p.channel) == ("Acme Corp", "call")
    p = understand("Вектор выбрал Уралсталь; жаль, 2 млн ушли", NOW, RU)
    assert p.customer in ("ООО «Вектор»", "АО «Уралсталь»")


def test_a_pasted_signature_is_no_recap():
    p = understand("Fwd: > happy to go ahead at £18,000 > Fiona Blake | Procurement | Northwind Traders | 0161 555 0101",
                   NOW, EN)
    assert p.customer == "Northwind Traders"


def test_a_question_naming_two_customers_is_not_cut():
    p = understand("acme / globex - any news?", NOW, EN)
    assert p.intent != "log"
    assert understand("远航；星辰 最近怎么样？", NOW, ZH).intent != "log"


@pytest.mark.parametrize("text, name", [
    ("сводка по новым: Тихая Гавань (заявка с сайта), ТД Ладога (визит), ООО Северный Ключ (холодный звонок)",
     "Тихая Гавань"),
    ("new today: Pine Hollow (web form), Delta Rigging (visit, met Sam), Oakmere (cold call)", "Pine Hollow"),
])
def test_a_list_of_new_companies_each_with_its_words_in_brackets(text, name):
    p = understand(text, NOW, [])
    assert (p.intent, p.customer, p.contact, p.channel, p.stage) == ("log", name, None, None, "lead")


def test_sentences_opened_by_name_dash_are_items_each_about_its_own_name():
    """"Acme - …. Globex - …. Willow Dental in Bath - new, …": each sentence opened by "Name - " is an item; a
    new company's item is that company's (not a town after "in"), never the known customer's before it."""
    p = understand("day recap: acme - sent the samples, they decide after xmas. globex - paid the deposit! "
                   "Willow Dental in Bath - new, want 4 chairs, quoted 3k, chase monday. the Old Mill in Frome - "
                   "closed, try again thurs", NOW, EN)
    assert (p.customer, p.amount) == ("Acme Corp", None)
    others = {o.customer: (o.amount, o.followup_on) for o in p.others}
    assert others["Willow Dental"] == (3000, date(2026, 11, 30)), others
    assert others["the Old Mill"][1] == date(2026, 11, 26), others
    assert "Bath" not in others and "Frome" not in others
