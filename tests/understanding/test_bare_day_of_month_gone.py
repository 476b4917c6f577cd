"""A bare day of the month told with what happened that day ("18号那天在展会上认识了…", "on the 18th
we met…", "18-го заезжал…") is the last time that day came, not the next step; the same day with a
plan ("18号那天再去一趟", "call them on the 18th") stays the follow-up. Sentences of their own, written
on Thursday 26 November 2026."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

KNOWN = ["深圳蓝海光电有限公司", "Harrow Dental Group", "ООО «Балтснаб»"]
ZONES = {"zh": "Asia/Shanghai", "en": "America/Chicago", "ru": "Europe/Moscow"}


def read(text: str, lang: str):
    return understand(text, datetime(2026, 11, 26, 11, 0, tzinfo=ZoneInfo(ZONES[lang])), KNOWN)


@pytest.mark.parametrize("lang, text, happened", [
    ("zh", "18号那天在展会上认识了蓝海的采购王伟，说明年有新项目", "2026-11-18"),
    ("zh", "蓝海 3号那天去拜访过 聊得不错", "2026-11-03"),
    ("en", "on the 18th we met the office manager at Harrow Dental, nice people", "2026-11-18"),
    ("ru", "18-го заезжал в Балтснаб, говорил с главбухом", "2026-11-18"),
    ("ru", "30го встречались с Балтснабом, всё ок", "2026-10-30"),
])
def test_a_bare_day_told_in_the_past_is_the_last_time_it_came(lang, text, happened):
    parse = read(text, lang)
    assert parse.followup_on is None, text
    assert parse.happened_on is not None and parse.happened_on.isoformat() == happened, text


@pytest.mark.parametrize("lang, text, followup", [
    ("zh", "18号那天再去一趟蓝海 带样品", "2026-12-18"),
    ("zh", "蓝海 28号去拜访", "2026-11-28"),
    ("en", "Harrow Dental: call them on the 28th about the chairs", "2026-11-28"),
    ("ru", "Балтснаб, перезвонить 28-го", "2026-11-28"),
])
def test_the_same_day_with_a_plan_stays_the_next_step(lang, text, followup):
    parse = read(text, lang)
    assert parse.followup_on is not None and parse.followup_on.isoformat() == followup, text
