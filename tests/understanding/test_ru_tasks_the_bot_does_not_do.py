"""A Russian task for the bot that it does not do (an invoice, a reconciliation act, a translation) is
not understood, never a note on the customer it names; a report asked the same way is still a report
(sentences written fresh)."""
import pytest

from handlers.understanding import understand
from storage.vocabulary import Intent

from understanding_data import NOW, RU


@pytest.mark.parametrize("text", [
    "Сформируй, пожалуйста, счёт для Вектора на 80 тысяч",
    "можешь выставить счёт Уралстали за декабрь?",
    "Переведи письмо от Добрый Хлеб на английский",
    "бот, распечатай договор с Вектором",
    "Не могли бы вы подготовить акт сверки с Уралсталью?",
])
def test_a_task_the_bot_does_not_do_is_not_a_note(text):
    parse = understand(text, NOW, RU)
    assert parse.intent == Intent.UNKNOWN and parse.customer is None, text


@pytest.mark.parametrize("text", [
    "выставил счёт Вектору на 80 тысяч",
    "подготовил КП для Уралстали, отправлю завтра",
])
def test_the_reps_own_deed_stays_a_note(text):
    assert understand(text, NOW, RU).intent == Intent.LOG, text


def test_a_report_asked_for_is_still_a_report():
    assert understand("подготовь мне сводку по воронке на декабрь", NOW, RU).intent == Intent.PIPELINE
