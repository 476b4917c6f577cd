"""A Russian call that finally got through is a call ("поймал наконец", "наконец ответили"), and "попробую
ещё раз в понедельник" is the writer's next step (sentences written fresh)."""
import pytest

from datetime import date

from handlers.understanding import understand
from storage.vocabulary import Channel

from understanding_data import NOW, RU


@pytest.mark.parametrize("text", [
    "вектор поймал наконец, снабженец в курсе, ждут образцы",
    "уралсталь!! наконец ответили, главный инженер просит чертежи",
    "Добрый Хлеб наконец взяли трубку, директор на месте",
])
def test_a_call_that_finally_got_through(text):
    assert understand(text, NOW, RU).channel == Channel.CALL, text


@pytest.mark.parametrize("text", [
    "Вектор ответили на письмо, ждут КП",
    "поймал их на выставке, поговорили про сроки",
])
def test_an_answer_by_letter_or_a_meeting_is_no_call(text):
    assert understand(text, NOW, RU).channel != Channel.CALL, text


def test_trying_again_on_a_day_is_the_next_step():
    parse = understand("Вектор не берут трубку, попробую ещё раз в понедельник", NOW, RU)
    assert parse.followup_on == date(2026, 11, 30)


def test_a_new_rep_asking_how_to_write_notes_is_help():
    text = "Добрый день! Я новенькая, Ольга Серова. Подскажите, как правильно вносить звонки?"
    parse = understand(text, NOW, RU)
    assert parse.intent.value == "help" and parse.contact is None
