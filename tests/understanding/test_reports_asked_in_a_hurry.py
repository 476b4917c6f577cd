"""Questions a manager or a rep types in a hurry, in every language: how a month is looking, what we expect
to sign, who did what, what the guys got done, overdue reminders, the deadlines of the tenders, whom to see
first thing tomorrow, what the bot is for; and jobs the bot does not do (a deck, slides). None of them is
ever written as a note, and notes with the same words stay notes (sentences written fresh)."""
import pytest

from handlers.understanding import understand
from storage.vocabulary import Intent

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known", [
    ("how's december shaping up compared to nov", EN),
    ("hows next month looking?", EN),
    ("what are we hoping to close before xmas?", EN),
    ("what're we planning to land in q1", EN),
    ("10月预计能签多少", ZH),
    ("明年还有哪几个标有希望中", ZH),
])
def test_a_periods_numbers_asked_loosely_are_the_pipeline(text, known):
    assert understand(text, NOW, known).intent == Intent.PIPELINE, text


@pytest.mark.parametrize("text, known", [
    ("кто что успел за эту неделю?", RU),
    ("что менеджеры понаделали за ноябрь", RU),
    ("сколько клиентов ребята обзвонили вчера?", RU),
])
def test_who_did_what_is_the_teams_activity(text, known):
    assert understand(text, NOW, known).intent == Intent.ACTIVITY, text


@pytest.mark.parametrize("text, known", [
    ("какие сроки по заявкам на следующей неделе", RU),
    ("下午要找谁", ZH),
    ("这个礼拜有乜嘢要跟进", ZH),
])
def test_what_is_due_asked_loosely_is_the_follow_up_list(text, known):
    assert understand(text, NOW, known).intent == Intent.FOLLOWUPS, text


@pytest.mark.parametrize("text", [
    "whats the bot for exactly?",
    "what does this bot do if I send it a photo",
])
def test_what_the_bot_is_for_is_help(text):
    assert understand(text, NOW, EN).intent == Intent.HELP, text


@pytest.mark.parametrize("text, known", [
    ("сделай мне сводную таблицу по Вектору в экселе", RU),
    ("please make me a deck for the Acme pitch", EN),
    ("帮我做个PPT给海天食品", ZH),
])
def test_jobs_the_bot_does_not_do_are_never_notes(text, known):
    assert understand(text, NOW, known).intent == Intent.UNKNOWN, text


@pytest.mark.parametrize("text, known", [
    ("Acme: december is looking good for the rollout, they want the quote by friday", EN),
    ("был у Вектора, просроченные платежи закрыли, в пятницу созвон", RU),
    ("明天去找华润建设的王总谈报价", ZH),
    ("Вектор: сделай скидку 5% просят, отправлю КП в пятницу", RU),
])
def test_notes_with_those_words_stay_notes(text, known):
    assert understand(text, NOW, known).intent == Intent.LOG, text
