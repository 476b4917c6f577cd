""""Undo" typed while the bot's question is pending takes back the question and the note it
keeps, and says so; the earlier finished note stays as it was. Three languages."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import ChatState, Customer, Deal, Interaction, Note


async def test_undo_during_a_question_cancels_the_question_not_the_last_note(bot, store):
    await bot.say("Visited Tallgrass Outfitters, met Nora Quinn, quote 14k")
    asked = await bot.say("Visited Tallgrass Feeds, met Omar Diaz, sent the quote for $9k")
    assert not asked.wrote and asked.choices
    reply = await bot.say("undo")
    assert "cancelled my question" in reply and "nothing was recorded" in reply and not reply.wrote
    assert [c.name for c in store.rows(select(Customer))] == ["Tallgrass Outfitters"]
    [deal] = store.rows(select(Deal))
    assert deal.amount_minor == 1_400_000 and store(Interaction) == 1
    assert store(Note, Note.undone_at.is_(None)) == 1
    [state] = store.rows(select(ChatState))
    assert not state.pending
    again = await bot.say("undo")           # the question is gone: now undo takes back the finished note
    assert again.wrote and store(Note, Note.undone_at.is_(None)) == 0


async def test_chinese_undo_during_a_question_keeps_the_earlier_note(bot, store):
    await bot.say("拜访了云帆物流，见了赵经理，报价8万")
    asked = await bot.say("拜访了云帆科技，见了钱总，报价5万")
    assert not asked.wrote and asked.choices
    reply = await bot.say("撤销")
    assert "已取消我的提问" in reply and not reply.wrote
    [deal] = store.rows(select(Deal))
    assert deal.amount_minor == 8_000_000 and store(Note, Note.undone_at.is_(None)) >= 1
    assert "云帆科技" not in [c.name for c in store.rows(select(Customer))]


async def test_russian_undo_during_a_question_keeps_the_earlier_note(bot, store):
    await bot.say("Был в Северной Звезде, встретился с Ильёй, КП на 300 тыс")
    asked = await bot.say("Был в Северной Звезде-Трейд, встретился с Олегом, КП на 100 тыс")
    assert not asked.wrote and asked.choices
    reply = await bot.say("отмена")
    assert "вопрос отменён" in reply and not reply.wrote
    [deal] = store.rows(select(Deal))
    assert deal.amount_minor == 30_000_000 and store(Interaction) == 1
    assert store(Note, Note.undone_at.is_(None)) == 1
