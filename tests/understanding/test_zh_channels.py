"""How a Chinese note says the interaction happened. Sentences written for these tests."""
from __future__ import annotations

import pytest

from handlers.understanding import understand

from understanding_data import NOW

KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司"]


@pytest.mark.parametrize("text, channel", [
    ("刚从恒远出来 见了采购", "visit"),
    ("刚刚在云栖 他们新系统上线了", "visit"),
    ("上午去了趟恒远 刘经理不在", "visit"),
    ("今天陌拜了一家做包装的 叫华彩印务", "visit"),
    ("陪经理去见了云栖的王总", "visit"),
    ("恒远采购部打了三次 都占线", "call"),
    ("接到个电话 云栖的刘姐想加二十个账号", "call"),
    ("恒远 电话 没通", "call"),
    ("和云栖王总一起吃的饭 聊了二期", "meeting"),
    ("恒远技术交流会开完了 他们CTO也在", "meeting"),
    ("云栖刘姐 13911112222 微信同号", None),
])
def test_the_channel_as_reps_say_it(text, channel):
    assert understand(text, NOW, KNOWN).channel == channel


def test_a_plan_after_a_space_does_not_cancel_what_happened():
    p = understand("恒远 电话 约下周二过去", NOW, KNOWN)
    assert p.channel == "call"


def test_a_call_just_finished():
    assert understand("恒远 刚打完电话 下周二过去演示", NOW, KNOWN).channel == "call"


@pytest.mark.parametrize("text, channel", [
    ("跟恒远的Tony发了email 报价12万", "email"),
    ("今天和云栖CEO Jack吃了个lunch", "meeting"),
])
def test_english_words_in_a_chinese_note(text, channel):
    assert understand(text, NOW, KNOWN).channel == channel


def test_a_po_arrived_today_is_won():
    assert understand("云栖的PO今天到了 150k", NOW, KNOWN).stage == "won"


def test_a_name_typed_by_sound_does_not_swallow_the_next_word():
    p = understand("恒原电话终于通了 采购说明年再联系", NOW, ["苏州恒远电气有限公司"])
    assert (p.customer, p.channel) == ("苏州恒远电气有限公司", "call")


def test_a_company_whose_name_holds_neng_is_no_plan():
    p = understand("早上给滨海瑞能的老孟打了电话 投标结果出来了", NOW, [])
    assert p.channel == "call"
