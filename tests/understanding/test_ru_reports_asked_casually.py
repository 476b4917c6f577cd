"""Russian questions about the pipeline, the rep's checkpoints and the bot itself, asked the casual
ways reps ask them: answered as questions, never written as notes (sentences written fresh)."""
import pytest

from handlers.understanding import understand
from storage.vocabulary import Intent

from understanding_data import NOW, RU


@pytest.mark.parametrize("text", [
    "сколько у нас в работе на этот квартал",
    "что у меня в работе сейчас?",
    "Что у меня закрывается на следующей неделе?",
    "что закроем в декабре",
    "а что у нас подпишем до нового года?",
    "покажи мои сделки по Вектору",
    "План-факт по декабрю, по каждому менеджеру",
    "дай сделки с закрытием в феврале",
])
def test_the_pipeline_asked_casually(text):
    assert understand(text, NOW, RU).intent == Intent.PIPELINE, text


def test_checkpoints_this_week_are_the_reps_follow_ups():
    parse = understand("какие у меня контрольные точки на этой неделе", NOW, RU)
    assert parse.intent == Intent.FOLLOWUPS
    assert (str(parse.period[0]), str(parse.period[1])) == ("2026-11-23", "2026-11-29")


@pytest.mark.parametrize("text", [
    "а можно тебе голосовые отправлять?",
    "бот, можно как-то исправить последнюю запись?",
    "можно ли удалить то, что я вчера надиктовал",
])
def test_asking_what_the_bot_allows_is_help(text):
    assert understand(text, NOW, RU).intent == Intent.HELP, text


def test_a_note_saying_what_will_close_stays_a_note():
    parse = understand("был у Вектора, обсудили что закроем в январе", NOW, RU)
    assert parse.intent == Intent.LOG and parse.customer == "ООО «Вектор»"
