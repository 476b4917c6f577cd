"""Banter and the day's news are never written, even when they name a customer: a message that laughs
or says where the rep is headed ("lol", "хаха", "哈哈", "running late", "еду в …") and holds no fact
(stage, sum, next step, birthday, phone) is answered and records nothing; the same marker in a note
with a fact keeps the note. A question without a question mark ("чо делать", "怎么办") is no note.
Three languages, each after a real note."""
from __future__ import annotations

from storage.models import Customer, Deal, Note


async def test_running_late_to_a_customer_is_no_note(bot, store):
    await bot.say("Visited Globex, sent quote 42k")
    reply = await bot.say("running late to globex lol")
    assert not reply.wrote and "Not recorded" in reply
    assert store(Note) == 1


async def test_a_joke_about_a_new_company_creates_no_customer(bot, store):
    reply = await bot.say("haha the receptionist at Brightline Dental has a parrot that says hello")
    assert not reply.wrote and store(Customer) == 0 and store(Note) == 0


async def test_a_note_with_a_laugh_and_a_fact_is_recorded(bot, store):
    reply = await bot.say("Initech signed lol finally, 12k")
    assert reply.wrote and "Initech" in reply and store(Deal) == 1


async def test_russian_banter_about_a_customer_is_not_written(bot, store):
    await bot.say("Встреча в Ромашке, отправил КП на 300 тыс")
    reply = await bot.say("хаха, у Ромашки опять лифт сломался, пешком на девятый этаж")
    assert not reply.wrote and "Не записал" in reply
    assert store(Note) == 1
    signed = await bot.say("ура, Ромашка подписала договор на 500 тыс")
    assert signed.wrote and store(Note) == 2


async def test_a_russian_question_without_a_question_mark_is_no_note(bot, store):
    await bot.say("Встреча в Векторе, отправил КП на 300 тыс")
    reply = await bot.say("Вектор не отвечают уже месяц, чо делать")
    assert not reply.wrote and store(Note) == 1


async def test_chinese_banter_is_not_written_and_a_deal_with_a_laugh_is(bot, store):
    await bot.say("今天拜访了星辰科技，报价20万")
    reply = await bot.say("哈哈 星辰科技的王总朋友圈发了我们的截图 还点了赞")
    assert not reply.wrote and "没有记录" in reply
    assert store(Note) == 1
    asked = await bot.say("星辰科技一直不回消息 怎么办")
    assert not asked.wrote and store(Note) == 1
    signed = await bot.say("星辰科技签了 哈哈 50万")
    assert signed.wrote and store(Note) == 2


async def test_a_meeting_told_with_a_laugh_is_still_a_note(bot, store):
    reply = await bot.say("ran into Dana from Pinecrest Dental at the gym lol, we talked about their new office")
    assert reply.wrote and "Pinecrest Dental" in reply and store(Note) == 1


async def test_a_russian_request_for_a_document_is_no_note(bot, store):
    store.add_customers("ООО «Хэбэй Стил Рус»")
    reply = await bot.say("Сформируй, пожалуйста, акт сверки с Хэбэй Стил за октябрь и отправь им на почту")
    assert not reply.wrote and store(Note) == 0
