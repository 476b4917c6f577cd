"""Whom a Chinese note's deal is with when a partner or a referrer is named too: the end customer
after "终端" ("陪分销商去见了终端客户华盛制药"), the partner's name without its kind when no end
customer is named ("分销商远景医疗的Amy"), and the company a known customer referred us to
("远航物流介绍了一家叫鼎泰餐饮集团的"); in English "Acme referred us to …" already works so.
Sentences written fresh."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, ZH


@pytest.mark.parametrize("text, customer", [
    ("陪分销商远景科技去见了终端客户华盛制药，他们要上MES，预算120万", "华盛制药"),
    ("代理商德成电子的阿Lam说有个终端 Harbour View Clinic 想要三台设备", "Harbour View Clinic"),
    ("跟分销商远景医疗的Amy开了会，她们的终端是佛山一家私立医院，要两台超声", "远景医疗"),
    ("远航物流介绍了一家叫鼎泰餐饮集团的，做中央厨房，想下周见面", "鼎泰餐饮集团"),
    ("星辰软件推荐的 一家叫卓越印务的 老板周总 要报价", "卓越印务"),
])
def test_the_deal_is_with_the_end_customer_or_the_one_referred(text, customer):
    parse = understand(text, NOW, ZH)
    assert parse.customer == customer
    assert not parse.customer_known


@pytest.mark.parametrize("text", ["终端用户反馈不错", "远航物流 终端客户那边反馈不错"])
def test_the_word_end_customer_alone_names_nobody(text):
    assert understand(text, NOW, ZH).customer in (None, "远航物流有限公司")


def test_a_known_customer_that_referred_us_in_english_is_not_the_customer():
    assert understand("Acme referred us to Larkspur Dental, spoke to the office manager", NOW, EN).customer \
        == "Larkspur Dental"
