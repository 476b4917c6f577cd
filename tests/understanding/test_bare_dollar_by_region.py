"""A bare "$" is the writer's own dollar where the region writes its currency so (by the member's time
zone): AUD in Sydney, CAD in Toronto, HKD in Hong Kong; the US dollar in New York and wherever the local
money is no dollar (Shanghai, Moscow). "US$", "A$" or a currency word say it outright. Sentences of
their own, in every language a "$" is written in."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.understanding import understand

KNOWN = ["Wattle Creek Dental", "深圳蓝海光电有限公司", "ООО «Балтснаб»"]


def currency(text: str, zone: str) -> str | None:
    return understand(text, datetime(2026, 11, 26, 11, 0, tzinfo=ZoneInfo(zone)), KNOWN).currency


@pytest.mark.parametrize("text, zone, expected", [
    ("Wattle Creek signed, $6,480 a year for 3 chairs", "Australia/Sydney", "AUD"),
    ("Wattle Creek signed, $6,480 a year for 3 chairs", "America/New_York", "USD"),
    ("quote to Wattle Creek for 12k$, chasing monday", "America/Toronto", "CAD"),
    ("Wattle Creek signed, US$6,480 a year", "Australia/Sydney", "USD"),
    ("蓝海签了，$8k 一年", "Asia/Hong_Kong", "HKD"),
    ("蓝海签了，$8k 一年", "Asia/Shanghai", "USD"),
    ("Балтснаб подписал, $12k в год", "Australia/Sydney", "AUD"),
    ("Балтснаб подписал, $12k в год", "Europe/Moscow", "USD"),
])
def test_a_bare_dollar_is_the_regions_own(text, zone, expected):
    assert currency(text, zone) == expected, (text, zone)
