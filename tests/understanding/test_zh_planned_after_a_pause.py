"""A day typed alone, then a pause, then a channel ("恒远 周四 zoom", "周五 见面聊合同") is a plan for that
day, not an interaction that happened; a past day the same way ("昨天 见面聊了") still is one.
Sentences written for these tests (a Wednesday afternoon in Shanghai)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

NOW = datetime(2026, 12, 2, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai"))      # a Wednesday
KNOWN = ["苏州恒远精密机械有限公司", "杭州云栖信息技术有限公司"]


@pytest.mark.parametrize("text, day", [
    ("恒远 周四 zoom", "2026-12-03"),
    ("帮我记一下 云栖 周五下午3点 视频会", "2026-12-04"),
    ("恒远 下周一 上门 带样品", "2026-12-07"),
    ("云栖 周五 见面聊合同", "2026-12-04"),
])
def test_a_day_then_a_channel_is_a_plan(text, day):
    p = understand(text, NOW, KNOWN)
    assert p.channel is None and p.followup_on is not None and p.followup_on.isoformat() == day


@pytest.mark.parametrize("text, channel", [("恒远 昨天 见面聊了合同", "meeting"), ("云栖 今天 上门了", "visit")])
def test_a_past_day_then_a_channel_is_what_happened(text, channel):
    assert understand(text, NOW, KNOWN).channel == channel
