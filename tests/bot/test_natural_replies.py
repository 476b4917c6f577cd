"""Replies read naturally in each language, through the console chat: counts agree with their
nouns, Chinese and Russian replies hold no English words, money is written as each language
writes it, and the card's next follow-up is what was promised, not the whole note again."""
from __future__ import annotations

import re

import pytest

# Latin words a Chinese or Russian reply may hold: currency codes and the CLI commands an admin types
_ALLOWED = {"USD", "CNY", "RUB", "EUR", "GBP", "US", "CN", "VIP"}    # "US$", "CN¥": CLDR symbols
_COMMAND = re.compile(r"crmbot [^)）]*")


def english_words(text: str) -> list[str]:
    """Latin words in a reply, beside currency codes, the member's name and `crmbot ...` command hints."""
    text = _COMMAND.sub("", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in _ALLOWED and w != "Anna"]


def plain(text: str) -> str:
    """Babel groups digits with no-break spaces ("1 200 000 ₽"): compared as plain spaces."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


ZH_NOTES = ["拜访了星辰科技，见了王总，报价12万，下周二发合同",
            "和宏达建材开了会，他们签了合同 50万",
            "给远航物流打电话，没人接，约了下周五再打",
            "远航物流丢单了，选了竞争对手",
            "东方电气投诉交货太慢"]
ZH_QUESTIONS = ["星辰科技的情况", "本月销售漏斗", "这周团队做了什么", "下周要跟进哪些客户", "本季度销售预测",
                "本季度转化率", "客户来源", "今年大客户排名", "沉寂商机", "逾期跟进", "未处理的投诉", "帮助"]
RU_NOTES = ["Был у Вектора, встретился с Петром Ивановым, отправил КП на 1,2 млн, созвонимся в пятницу",
            "Уралсталь подписали договор на 500 тыс",
            "Звонил в Добрый Хлеб, не взяли трубку, перезвоню в понедельник",
            "Добрый Хлеб ушли к конкуренту",
            "Звонили из Росинки, жалоба на сроки поставки"]
RU_QUESTIONS = ["что по Вектору?", "воронка на этот месяц", "что команда сделала за неделю", "мои задачи на неделю",
                "прогноз на квартал", "конверсия за квартал", "источники клиентов", "топ клиентов за год",
                "зависшие сделки", "просроченные задачи", "открытые жалобы", "помощь"]


@pytest.mark.parametrize("notes, questions", [(ZH_NOTES, ZH_QUESTIONS), (RU_NOTES, RU_QUESTIONS)], ids=["zh", "ru"])
async def test_chinese_and_russian_replies_hold_no_english_words(bot, notes, questions):
    for note in notes:
        reply = await bot.say(note)
        assert reply.wrote, reply.text
        assert english_words(reply.text) == [], reply.text
    for question in questions:
        reply = await bot.say(question)
        assert english_words(reply.text) == [], (question, reply.text)
    undone = await bot.say(notes[0][:0] + ("撤销" if notes is ZH_NOTES else "отмена"))
    assert english_words(undone.text) == [], undone.text


async def test_a_forecast_in_several_currencies_names_its_sums_in_the_members_language(bot):
    await bot.say("和宏达建材开了会，他们签了合同 50万")
    await bot.say("拜访了星辰科技，报价12万")
    await bot.say("Visited Globex, they signed for $5k")
    reply = await bot.say("本季度销售预测")
    assert "已成交" in reply.text and english_words(reply.text) == [], reply.text
    await bot.say("Уралсталь подписали договор на 500 тыс")
    reply = await bot.say("прогноз на квартал")
    assert "выиграно" in reply.text and english_words(reply.text) == [], reply.text


async def test_counts_agree_with_their_nouns_in_english(bot):
    await bot.say("Visited Globex, sent the quote for $42k")
    reply = await bot.say("pipeline this month")
    assert "Total: 1 deal," in reply.text and "1 deals" not in reply.text
    for name in ("Initech", "Hooli", "Umbrella"):
        await bot.say(f"Visited {name} Corp, sent the quote for $10k")
    assert "Total: 4 deals," in (await bot.say("pipeline this month")).text


async def test_counts_agree_with_their_nouns_in_russian(bot):
    await bot.say("Был у Вектора, отправил КП на 1,2 млн")
    assert "Итого: 1 сделка," in (await bot.say("воронка на этот месяц")).text
    for name in ("Ромашку", "Лотос", "Гранит"):
        await bot.say(f"Был в компании «{name}», отправил КП на 100 тыс")
    assert "Итого: 4 сделки," in (await bot.say("воронка на этот месяц")).text
    await bot.say("Был в компании «Весна», отправил КП на 100 тыс")
    assert "Итого: 5 сделок," in (await bot.say("воронка на этот месяц")).text


async def test_undo_counts_its_changes_in_words_that_agree(bot):
    await bot.say("Visited Globex, sent the quote for $42k")
    reply = await bot.say("undo")
    assert re.search(r"\(\d+ changes? taken back\)", reply.text) and "1 changes" not in reply.text
    await bot.say("Был у Вектора, отправил КП на 1,2 млн")
    assert "отменено изменений:" in (await bot.say("отмена")).text


async def test_money_is_written_as_each_language_writes_it(bot):
    reply = await bot.say("Был у Вектора, отправил КП на 1,2 млн")
    assert "1 200 000 ₽" in plain(reply.text) and "₽1" not in reply.text
    assert "Записал по клиенту Вектор" in reply.text
    reply = await bot.say("拜访了星辰科技，报价12万")
    assert "已报价，¥120,000" in reply.text
    reply = await bot.say("Visited Globex, sent the quote for $42k")
    assert "proposal, $42,000" in reply.text


@pytest.mark.parametrize("note, question, line", [
    ("Visited Globex, met Maria (CFO). Sent the quote for $42k. Call her back Friday.",
     "what do we know about Globex", "Next follow-up: Fri, Nov 27: Call her back"),
    ("remind me to send Initech the contract on Friday", "what do we know about Initech",
     "Next follow-up: Fri, Nov 27: send Initech the contract"),
    ("拜访了星辰科技，见了王总，报价12万，下周二发合同", "星辰科技的情况", "下次跟进：12月1日周二：发合同"),
    ("Был у Вектора, отправил КП на 1,2 млн, в пятницу пришлю договор", "что по Вектору?",
     "Следующий шаг: пт, 27 нояб.: пришлю договор"),
    # a one-word step complete in itself carries none of the words before it, unlike "send" or "отправлю"
    ("Был в Кварце, встретился с Ивановым (главный инженер), КП на 1,2 млн, перезвонить в пятницу", "что по Кварцу?",
     "Следующий шаг: пт, 27 нояб.: перезвонить"),
    ("Stopped by Initech, met Bob, quote 18k, call friday", "what do we know about Initech",
     "Next follow-up: Fri, Nov 27: call"),
])
async def test_the_cards_next_follow_up_is_what_was_promised(bot, store, note, question, line):
    store.add_customers("Globex Corporation", "Initech LLC")
    await bot.say(note)
    card = (await bot.say(question)).text
    assert line in card.splitlines(), card
    assert card.count(note[:25]) <= 1, card        # the note itself shows at most once, among the interactions
