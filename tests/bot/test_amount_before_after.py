"""A note that changes a deal's amount says the amount before and after, and says plainly when the
currency changed; never a silent change of what a deal is worth. Three languages."""
from __future__ import annotations


async def test_an_amount_from_the_last_notes_customer_shows_before_and_after(bot):
    await bot.say("Visited Hollis Bakery, quote 8k")
    reply = await bot.say("they want it for 11k now")
    assert reply.wrote and "$8,000 → $11,000" in reply


async def test_a_chinese_amount_change_shows_before_and_after(bot):
    await bot.say("拜访了华信电子，报价12万")
    reply = await bot.say("华信电子 报价改成15万")
    assert reply.wrote and "¥120,000 → ¥150,000" in reply


async def test_a_russian_currency_change_is_said_plainly(bot):
    await bot.say("Ландыш-Агро: встреча, бюджет $20,000")
    reply = await bot.say("Ландыш-Агро: бюджет 25 тыс")        # no currency written: the deal's dollars
    assert reply.wrote and "20 000 $ → 25 000 $" in reply.text.replace("\xa0", " ") and "USD" not in reply
    reply = await bot.say("Ландыш-Агро: бюджет 700 тыс рублей")
    assert reply.wrote and "25 000 $ → 700 000 ₽" in reply.text.replace("\xa0", " ") and "USD → RUB" in reply
