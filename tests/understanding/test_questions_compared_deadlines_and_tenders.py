"""Report questions asked the ways reps and managers ask them, in every language: two members' calls or
visits set side by side, the deadlines of a period, the tenders of a month, what will be contracted, whom to
ring round; and how to use the bot ("что он умеет?", "как этим пользоваться"). Notes with the same words stay
notes (sentences written fresh)."""
import pytest

from handlers.understanding import understand
from storage.vocabulary import Intent

from understanding_data import EN, NOW, RU, ZH


def _period(text: str, known: list[str]) -> tuple[Intent, tuple[str, str] | None]:
    parse = understand(text, NOW, known)
    return parse.intent, (str(parse.period[0]), str(parse.period[1])) if parse.period else None


NOVEMBER = ("2026-11-01", "2026-11-30")
DECEMBER = ("2026-12-01", "2026-12-31")
THIS_WEEK = ("2026-11-23", "2026-11-29")


@pytest.mark.parametrize("text, known", [
    ("сравни визиты Олега и Ксении за ноябрь", RU),
    ("звонки Тимура в ноябре против октября", RU),
    ("compare Priya's and Tom's visits for November", EN),
    ("对比一下张伟和刘洋十一月的拜访", ZH),
])
def test_members_work_compared_is_an_activity_question(text, known):
    intent, period = _period(text, known)
    assert intent == Intent.ACTIVITY, text
    assert period == NOVEMBER, text


@pytest.mark.parametrize("text, known", [
    ("дедлайны на этой неделе какие?", RU),
    ("какие сроки на этой неделе", RU),
    ("deadlines this week?", EN),
    ("本周有哪些截止的事？", ZH),
])
def test_the_deadlines_of_a_period_are_the_reps_follow_ups(text, known):
    assert _period(text, known) == (Intent.FOLLOWUPS, THIS_WEEK), text


@pytest.mark.parametrize("text, known", [
    ("какие аукционы у нас в декабре?", RU),
    ("which tenders do we have in December?", EN),
    ("十二月我们有哪些招标？", ZH),
])
def test_the_tenders_of_a_month_are_a_pipeline_question(text, known):
    assert _period(text, known) == (Intent.PIPELINE, DECEMBER), text


def test_what_will_be_contracted_is_a_pipeline_question():
    assert understand("сколько ещё законтрактуем до конца года?", NOW, RU).intent == Intent.PIPELINE


def test_whom_to_ring_round_is_a_follow_up_question():
    assert _period("кого завтра обзвонить?", RU) == (Intent.FOLLOWUPS, ("2026-11-26", "2026-11-26"))


@pytest.mark.parametrize("text", [
    "Привет! А что он умеет, этот бот?",
    "как этим ботом вообще пользоваться",
    "а как тебе сказать, что встреча отменилась?",
    "можно ли сюда присылать фото визиток?",
])
def test_how_to_use_the_bot_is_help(text):
    assert understand(text, NOW, RU).intent == Intent.HELP, text


@pytest.mark.parametrize("text, known", [
    ("Вектор: дедлайн по КП в пятницу, отправлю в четверг", RU),
    ("Acme: deadline for the quote is Friday", EN),
    ("Acme Corp 报价明天截止", EN + ZH),
    ("跟华润建设电话比较顺利，下周见面", ZH),
    ("сравнили цены с конкурентом, Вектор берёт у нас", RU),
])
def test_notes_with_those_words_stay_notes(text, known):
    assert understand(text, NOW, known).intent == Intent.LOG, text
