"""Russian typed in Latin letters ("byl u Vektora, kp otpravil, perezvonyu v pyatnicu") is Russian: the bot
answers in Russian, as it does a note in Cyrillic; an English note with a Russian word in it stays English."""
from __future__ import annotations

import pytest

from handlers.understanding.lang import detect
from storage.vocabulary import Lang

LATIN_RUSSIAN = [
    "byl u Vektora, kp otpravil, perezvonyu v pyatnicu",
    "Agrofirma Rassvet ne beret trubku uzhe tretij den",
    "pishu po Rassvetu: vstrecha byla, hotyat skidku 7%, zhdu otveta",
    "blin telefon sel, vse zametki vecherom skinu",
]
ENGLISH = [
    "Visited Globex, met Maria (CFO), quote 42k, follow up Friday",
    "met Ivan at Vektor, he says da to the demo",
    "call Olga tmrw re the dogovor",
    "kp sent to vektor",
]


@pytest.mark.parametrize("note", LATIN_RUSSIAN)
def test_russian_in_latin_letters_is_russian(note):
    assert detect(note) == Lang.RU


@pytest.mark.parametrize("note", ENGLISH)
def test_english_with_a_russian_word_stays_english(note):
    assert detect(note) == Lang.EN


async def test_the_reply_is_in_russian(bot, store):
    store.add_customers("Вектор")
    reply = await bot.say("byl u Vektora, kp otpravil, perezvonyu v pyatnicu")
    assert reply.wrote
    assert "Вектор" in reply and "Записал" in reply
