""""1.2m" / "1.2M" in a Chinese or Russian note is 1.2 million where a money word stands before it
("报价1.2m", "合同金额3.5M", "бюджет 1.2m", "цена 4.1M"); without one it may be metres ("仓库宽1.2m",
"забор 5m высотой") and is no deal value. Sentences of their own."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

KNOWN = ["深圳蓝海光电有限公司", "ООО «Балтснаб»"]


def amount(text: str, zone: str) -> int | None:
    parse = understand(text, datetime(2026, 11, 26, 11, 0, tzinfo=ZoneInfo(zone)), KNOWN)
    return None if parse.amount is None else int(parse.amount)


@pytest.mark.parametrize("text, zone, value", [
    ("蓝海这单报价1.6m，下周二再跟进", "Asia/Shanghai", 1_600_000),
    ("蓝海 合同金额3.5M 月底签", "Asia/Shanghai", 3_500_000),
    ("Балтснаб, бюджет 2.3m, перезвоню в пятницу", "Europe/Moscow", 2_300_000),
    ("Балтснаб: цена 4.1M, думают", "Europe/Moscow", 4_100_000),
])
def test_m_after_a_money_word_is_millions(text, zone, value):
    assert amount(text, zone) == value, text


@pytest.mark.parametrize("text, zone", [
    ("蓝海的仓库宽1.2m 需要定制货架", "Asia/Shanghai"),
    ("Балтснаб: ставим забор 5m высотой, замер в пятницу", "Europe/Moscow"),
])
def test_m_without_a_money_word_is_no_deal_value(text, zone):
    assert amount(text, zone) is None, text
