"""Where a Chinese note moves the deal, from what it means: a signature planned or awaited is
negotiation, an NDA or a framework agreement is no deal, a PO or a signed contract is won, a quote
asked for is not a quote sent. Sentences written for these tests."""
from __future__ import annotations

import pytest

from handlers.understanding import understand

from understanding_data import NOW

KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司", "成都蓉欣食品有限公司"]


def stage(text):
    return understand(text, NOW, KNOWN).stage


@pytest.mark.parametrize("text", [
    "恒远 价格谈妥了 合同下周签",
    "云栖说月底就可以签",
    "蓉欣的合同在他们法务那边 等老板签字",
    "恒远口头同意了 下周走合同流程",
    "云栖嫌报价太高 要降到15万",
    "蓉欣要账期90天 我们最多60天",
    "恒远 9折 同意了",
    "云栖 二十万他们觉得可以 就是要分三期付",
])
def test_a_signature_to_come_or_haggling_is_negotiation(text):
    assert stage(text) == "negotiation"


@pytest.mark.parametrize("text", [
    "恒远的合同签回来了 36万",
    "云栖今天发了PO 12万",
    "蓉欣第三批订单来了",
    "恒远最后28万成交",
    "云栖王总今天签字了 合同金额50万",
])
def test_a_signed_contract_or_a_po_is_won(text):
    assert stage(text) == "won"


@pytest.mark.parametrize("text", [
    "恒远的NDA签了 下周技术交流",
    "和云栖签了个保密协议",
    "蓉欣框架协议签了 具体订单还没下",
])
def test_an_nda_or_framework_agreement_is_no_deal(text):
    assert stage(text) != "won"


@pytest.mark.parametrize("text, expected", [
    ("恒远那边要一份正式报价", None),
    ("云栖 报了个价 18万", "proposal"),
    ("蓉欣 按每个账号每年800报的", "proposal"),
    ("恒远的预算批了 大概40万", "qualified"),
    ("云栖二期已经立项了", "qualified"),
    ("蓉欣这次没中标 被别家拿走了", "lost"),
    ("云栖的刘姐手机丢了 换了新号", None),
])
def test_quotes_budgets_and_losses(text, expected):
    assert stage(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("恒远这单基本稳了 等他们走流程", "negotiation"),
    ("云栖的合同法务审完了 这周盖章", "negotiation"),
    ("蓉欣盖好章的合同寄回来了", "won"),
])
def test_a_stamp_to_come_is_negotiation_a_stamp_done_is_won(text, expected):
    assert stage(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("蓉欣付了首款 项目启动", "won"),
    ("恒远今天正式下单 首批20台", "won"),
    ("云栖的标我们中了", "won"),
    ("恒远跟竞争对手签了 没戏了", "lost"),
    ("云栖那个单子被截胡了", "lost"),
    ("蓉欣上次报的价他们觉得贵", "negotiation"),
    ("恒远确认合作了 合同下周出", "negotiation"),
])
def test_more_ways_a_deal_moves(text, expected):
    assert stage(text) == expected


@pytest.mark.parametrize("text, amount", [
    ("恒远的单子大概二三十万", 200000),
    ("云栖说预算有五十来万", 500000),
    ("蓉欣 报了 ¥88,000", 88000),
])
def test_amounts_said_roughly(text, amount):
    assert understand(text, NOW, KNOWN).amount == amount


def test_a_sum_is_no_company():
    assert understand("一百多万的单子 下周去谈", NOW, []).customer is None
