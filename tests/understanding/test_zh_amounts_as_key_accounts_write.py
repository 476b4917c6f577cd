"""Deal values in Chinese notes as a key-account rep writes them: a currency code opening a sentence
("签了。HKD 3,600,000"), a value after a colon ("预算：15万"), a rough value ("40多万", "30来万"), the total
over the unit price ("单价€12,000，合计€48,000"), and a reduction asked for is no deal value ("下调5%（约
¥80,000）"). Sentences written for these tests (a Wednesday in Shanghai)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))      # a Wednesday
KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司"]


@pytest.mark.parametrize("text, amount, currency", [
    ("恒远合同签了。HKD 3,600,000，分两年付", 3600000, "HKD"),
    ("云栖 PO收到。USD 45,000", 45000, "USD"),
    ("官网留言 公司：蓝湾诊所 预算：15万 想做预约系统", 150000, "CNY"),
    ("恒远 去看了 说明年上系统 大概40多万", 400000, "CNY"),
    ("云栖 报价30来万 下周给", 300000, "CNY"),
    ("恒远 四套检测设备，单价€12,000，合计€48,000，需求确认", 48000, "EUR"),
])
def test_a_deal_value_as_written(text, amount, currency):
    p = understand(text, NOW, KNOWN)
    assert (p.amount, p.currency) == (amount, currency)


def test_a_reduction_asked_for_is_no_deal_value():
    p = understand("云栖第一轮谈判 对方要求总价下调5%（约¥80,000）", NOW, KNOWN)
    assert p.amount is None


def test_contract_numerals_are_read():
    p = understand("云栖 投标报价人民币叁佰陆拾万元整 下周开标", NOW, KNOWN)
    assert (p.amount, p.currency) == (3600000, "CNY")


def test_a_bare_day_after_a_full_date_is_in_that_month():
    p = understand("恒远 1月20日开标，19号我再跟采购确认一次", NOW, KNOWN)
    assert p.followup_on is not None and p.followup_on.isoformat() == "2027-01-19"
