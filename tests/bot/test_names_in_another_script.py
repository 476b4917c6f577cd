"""The reply follows the language the member writes in; a customer's name in another script does not
switch it: "merge Xingchen Tech into 星辰科技" is answered in English, "删除Globex" in Chinese, and so on
for the commands that carry names (merge, delete, find, the card)."""
from __future__ import annotations

import pytest

from tests.bot.conftest import let_in

ENGLISH = [("merge Xingchen Tech into 星辰科技", "Merged Xingchen Tech into 星辰科技"),
           ("delete 星辰科技", "Erase 星辰科技?"),
           ("find 星辰科技", "Open deals"),
           ("what do we know about 星辰科技", "Open deals"),
           ("what do we know about Вектор", "Open deals"),
           ("delete Вектор", "Erase Вектор?")]
OTHERS = [("把Xingchen Tech合并到星辰科技", "已将 Xingchen Tech 合并到 星辰科技"),
          ("删除Xingchen Tech", "Xingchen Tech"),
          ("объедини Xingchen Tech с Вектор", "Xingchen Tech")]


@pytest.fixture
async def known(bot, engine):
    let_in(engine, "console", "anna", "Anna", "admin")
    for note in ("拜访了星辰科技，报价12万", "Visited Xingchen Tech, sent quote 5k", "Был у Вектора, КП на 1 млн"):
        assert (await bot.say(note)).wrote
    return bot


@pytest.mark.parametrize(("text", "words"), ENGLISH)
async def test_an_english_command_with_a_name_in_another_script_is_answered_in_english(known, text, words):
    reply = await known.say(text)
    assert reply.lang == "en" and words in reply.text, reply.text


@pytest.mark.parametrize(("text", "words"), OTHERS)
async def test_a_chinese_or_russian_command_with_a_latin_name_keeps_its_language(known, text, words):
    reply = await known.say(text)
    assert reply.lang == ("zh" if "Вектор" not in text else "ru") and words in reply.text, reply.text
