"""A Chinese next step said as the next round or as trying again ("二轮报价3月12日", "明天再打"): the
follow-up is on that day (written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW, ZH


@pytest.mark.parametrize("text, day", [
    ("远航物流 第一轮报价交了 二轮谈判12月3日", "2026-12-03"),
    ("海天食品 前台说采购不在 周五再打", "2026-11-27"),
])
def test_a_next_round_or_another_try_is_a_follow_up(text, day):
    p = understand(text, NOW, ZH)
    assert p.followup_on is not None and p.followup_on.isoformat() == day, p
