"""One function tells a text's language (handlers.understanding.lang.detect): a note is read in the
language its letters are in, and what is not a note in any language (a command, a code, an over-long
or unreadable message) is answered in the member's own language, or the platform's for a stranger."""
from __future__ import annotations

import pytest

from bot.incoming import Incoming
from handlers.understanding.lang import detect
from storage.vocabulary import Lang


@pytest.mark.parametrize("text, fallback, expected", [
    ("Visited Globex, sent the quote", Lang.EN, Lang.EN),
    ("Visited Globex, sent the quote", Lang.RU, Lang.RU),   # Latin letters alone: the member's language
    ("/start 7KQ2ZP", Lang.ZH, Lang.ZH),
    ("👍 42", Lang.RU, Lang.RU),
    ("Был у Вектора, отправил КП", Lang.ZH, Lang.RU),         # Cyrillic tells, whoever writes it
    ("拜访了星辰科技，报价12万", Lang.RU, Lang.ZH),
    ("Acme Corp: встреча перенесена на пятницу", Lang.EN, Lang.RU),
    ("Called Acme Corporation about the order, Иван", Lang.ZH, Lang.ZH),  # a Russian name in English: no sign
])
def test_one_function_tells_the_language_and_what_latin_letters_stand_for(text, fallback, expected):
    assert detect(text, fallback=fallback) == expected


def test_reading_a_note_latin_letters_are_english():
    assert detect("Visited Globex") == Lang.EN and detect("ok", hint="ru") == Lang.EN
    assert detect("42 !", hint="ru-RU") == Lang.RU  # no letters at all: the platform's language


async def test_an_over_long_message_is_refused_in_the_members_language_unless_its_letters_say_another(bot):
    assert "Вектор" in (await bot.say("Был у Вектора, отправил КП на 1,2 млн")).text  # Anna writes Russian
    latin = await bot.say("order " * 2000)
    assert latin.lang == Lang.RU and "слишком длинное" in latin.text
    chinese = await bot.say("拜访了星辰科技" * 1000)
    assert chinese.lang == Lang.ZH and "消息太长了" in chinese.text
    assert (await bot.say("   ")).lang == Lang.RU


async def test_a_stranger_is_answered_in_the_platforms_language_whatever_the_command(crm):
    said = await crm.handle(Incoming(platform="telegram", account_id="777", chat_id="777", message_id="777:1",
                                     text="/start", lang_hint="zh-hans"))
    assert said is not None and said.lang == Lang.ZH
    said = await crm.handle(Incoming(platform="telegram", account_id="778", chat_id="778", message_id="778:1",
                                     text="Здравствуйте", lang_hint="en"))
    assert said is not None and said.lang == Lang.RU


@pytest.mark.parametrize("note, said, words", [
    ("Был у Вектора, отправил КП на 1,2 млн", "1", "Я не понял"),
    ("拜访了星辰科技，报价12万", "👍", "我没看懂"),
])
async def test_a_message_without_letters_is_answered_in_the_members_language_and_keeps_it(bot, note, said, words):
    """"1" typed after a question that is over, or an emoji: nothing tells a language, so the member's own is
    used, and it stays theirs (trial: a Russian rep got the English help and kept getting English)."""
    assert (await bot.say(note)).wrote
    reply = await bot.say(said)
    assert words in reply.text and reply.lang != Lang.EN, reply.text
    assert (await bot.say("?")).lang == reply.lang
