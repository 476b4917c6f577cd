"""A known Chinese customer written in pinyin as far as the rep typed it ("hengyuanjingmi", "yunqixinxi",
"boruizhi"), English day words in a Chinese note ("合同this week内发过去", "tmr 回电话"), and a colleague
taken along ("带着技术小吴去了…") is no part of a company's name and no contact of theirs. Sentences written for these tests
(a Wednesday in Shanghai)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))      # a Wednesday
HENGYUAN, YUNQI, BORUI = KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司", "北京博睿智联数据有限公司"]


@pytest.mark.parametrize("text, customer", [
    ("hengyuanjingmi 去了 车间在扩", HENGYUAN),
    ("yunqixinxi call完了, pricing ok", YUNQI),
    ("boruizhi 的合同还在legal", BORUI),
    ("borui PO到了", BORUI),
])
def test_a_known_name_in_pinyin_as_far_as_typed(text, customer):
    assert understand(text, NOW, KNOWN).customer == customer


@pytest.mark.parametrize("text, day", [
    ("恒远 合同this week内发过去", "2026-12-04"),
    ("云栖 tmr 回个电话", "2026-12-03"),
    ("博睿 next week 去拜访", "2026-12-07"),
])
def test_english_day_words_in_a_chinese_note(text, day):
    got = understand(text, NOW, KNOWN).followup_on
    assert got is not None and got.isoformat() == day


def test_a_colleague_taken_along_is_no_part_of_the_name():
    p = understand("今天下午带着技术小王去了蓝鲸物流 跟刘总聊了部署", NOW, KNOWN)
    assert (p.customer, p.contact) == ("蓝鲸物流", "刘总")
