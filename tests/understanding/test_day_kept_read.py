"""A day said in place of another ("thu not fri", "not monday, tuesday", "в четверг, а не в пятницу", "не вторник,
среда", "周四去 不是周五", "不是周五 是周四") gives the follow-up the day kept, never the one taken back
(sentences written fresh)."""
from datetime import date

import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH     # NOW: Wednesday 25 November 2026


@pytest.mark.parametrize("text, known, day", [
    ("sorry thu not fri, she's off friday", EN, date(2026, 11, 26)),
    ("Acme call is friday not thursday", EN, date(2026, 11, 27)),
    ("oops, not monday, tuesday", EN, date(2026, 12, 1)),
    ("Вектор: созвон в четверг, а не в пятницу", RU, date(2026, 11, 26)),
    ("ой, не вторник, среда", RU, date(2026, 12, 2)),
    ("извини, не в пятницу а в понедельник", RU, date(2026, 11, 30)),
    ("远航物流改周四去 不是周五", ZH, date(2026, 11, 26)),
    ("不是周五 是下周一", ZH, date(2026, 11, 30)),
])
def test_the_day_kept_is_the_follow_up(text, known, day):
    p = understand(text, NOW, known)
    assert (p.intent, p.followup_on) == ("log", day), p


def test_two_days_said_plainly_keep_the_first_commitment():
    p = understand("Acme: call them thursday, and friday I'm off", NOW, EN)
    assert p.followup_on == date(2026, 11, 26), p
