"""Help and report questions asked loosely (written fresh): how to use the bot in dialect or short forms
("what can u do", "咋个录", "语音可以直接记吗"), a follow-up list asked by what is to be answered or
watched ("今天要回哪些电话", "哪些项目要盯"), a day's list asked for as "列一下", tenders won counted
("中了多少标"), who signed more, and counts of follow-ups per person."""
import pytest

from handlers.understanding import understand
from handlers.understanding.report_words import settle_report

from understanding_data import EN, NOW, RU, ZH


def read(text, known):
    p = understand(text, NOW, known)
    settle_report(p, text, NOW.date(), lambda: ())
    return p


@pytest.mark.parametrize("text, known", [
    ("what can u do", EN),
    ("how do i save a phone number for a contact", EN),
    ("how can i attach a photo of a business card", EN),
    ("老板 咋个查客户", ZH),
    ("我想问下 怎样录联系人", ZH),
    ("名片可以直接识别吗", ZH),
    ("что ты умеешь?", RU),
])
def test_asking_how_to_use_the_bot_is_help(text, known):
    assert read(text, known).intent == "help"


@pytest.mark.parametrize("text, known, intent, period", [
    ("明天要回哪些电话", ZH, "followups", ("2026-11-26", "2026-11-26")),
    ("下个月还有哪些客户要盯", ZH, "followups", ("2026-12-01", "2026-12-31")),
    ("本周的回访列一下", ZH, "followups", ("2026-11-23", "2026-11-29")),
    ("上个月中了几个标", ZH, "pipeline", ("2026-10-01", "2026-10-31")),
    ("小刘和阿梅 今年谁签得多", ZH, "activity", ("2026-01-01", "2026-12-31")),
    ("这周大家的跟进数 做个图", ZH, "activity", ("2026-11-23", "2026-11-29")),
])
def test_a_report_asked_in_passing(text, known, intent, period):
    p = read(text, known)
    assert p.intent == intent, p
    assert p.period and (p.period[0].isoformat(), p.period[1].isoformat()) == period, p
