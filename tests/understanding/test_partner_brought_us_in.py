"""A partner, reseller or distributor who brought us to a customer is only mentioned: the note is about the
customer the visit or deal is with, known or new, and the partner is never its contact ("visited Hillcrest
via our reseller Brightpath", "дистрибьютор Техносила привёл нас в Вектор-Строй", "通过代理商华信认识了恒锐电气").
With no other company named, the partner itself is the customer."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Europe/London"))       # a Wednesday
KNOWN = ["Brightpath Systems", "Kelso Dairies", "ООО «Техносила»", "杭州华信科技"]


def test_english_the_customer_not_the_reseller():
    parse = understand("went to Kelso Dairies w our reseller Brightpath, plant mgr Owen keen", NOW, KNOWN)
    assert parse.customer == "Kelso Dairies" and parse.contact == "Owen"
    parse = understand("demo at Tolland Creamery via our partner Brightpath, went well", NOW, KNOWN)
    assert parse.customer == "Tolland Creamery" and parse.contact != "Brightpath"


def test_english_the_partner_alone_is_the_customer():
    parse = understand("met our partner Brightpath, they want to add us to their line card", NOW, KNOWN)
    assert parse.customer == "Brightpath Systems"


def test_russian_the_customer_not_the_distributor():
    parse = understand("дистрибьютор Техносила свёл нас с заводом Уралпласт, отправил КП на 900 тыс", NOW, KNOWN)
    assert parse.customer == "Уралпласт" and parse.stage == "proposal"
    parse = understand("встреча с дистрибьютором Техносила, хотят эксклюзив на регион", NOW, KNOWN)
    assert parse.customer == "ООО «Техносила»"


def test_chinese_the_customer_not_the_agent():
    parse = understand("通过经销商华信认识了宁海精工，见了采购刘经理", NOW, KNOWN)
    assert parse.customer == "宁海精工" and parse.contact == "刘经理"
    parse = understand("拜访了代理商华信，他们想代理我们的产品", NOW, KNOWN)
    assert parse.customer == "杭州华信科技"
