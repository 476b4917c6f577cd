"""A call written only by how it went is a call, in every language: "недозвон х2", "дозвон, секретарь: …",
"входящий из …", "— нет ответа", "абонент недоступен"; "no answer", "incoming from"; "没人接", "来电". An
e-mail left unanswered is no call (sentences written fresh)."""
import pytest

from handlers.understanding import understand
from storage.vocabulary import Channel

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known", [
    ("Уралсталь — недозвон х2, перезвоню после обеда", RU),
    ("Вектор - дозвон, бухгалтер: оплата в пятницу", RU),
    ("входящий из Доброго Хлеба, спрашивают про отсрочку", RU),
    ("вектор - нет ответа. уралсталь - нет ответа", RU),
    ("Альфа-Строй: абонент недоступен, наберу вечером", RU),
    ("Globex - no answer, try again tomorrow", EN),
    ("incoming call from Initech, they want the price list", EN),
    ("远航物流 - 没人接", ZH),
    ("星辰软件来电，要报价", ZH),
])
def test_a_call_told_by_how_it_went(text, known):
    assert understand(text, NOW, known).channel == Channel.CALL, text


def test_an_unanswered_letter_is_no_call():
    parse = understand("на письмо Вектору нет ответа, напишу ещё раз в пятницу", NOW, RU)
    assert parse.channel != Channel.CALL
