"""A message the rep pastes in quotes is the customer's language, not the rep's: the reply follows the
rep's own words around it, whichever quote marks hold it (“…”, '…', 「…」, "…")."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("note, words", [
    ("Lotus Clinic: buyer msg on wechat '院长同意了方案，请尽快发正式报价单' so sent quotation $8,400", "Recorded"),
    ("Heron Labs forwarded this “请下周一前把合同发过来” - will send contract monday", "Recorded"),
    ("Звонил в Вектор, их закупщик написал “please send the updated price list” — отправил прайс", "Записал"),
    ("华彩科技的采购发来 \"Please confirm delivery by Friday\"，已回复确认", "已记录"),
])
async def test_the_reply_follows_the_reps_own_words(bot, note, words):
    reply = await bot.say(note)
    assert words in reply.text and reply.wrote
