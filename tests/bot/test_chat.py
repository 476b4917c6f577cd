"""A rep's notes become records, read like a chat in three languages."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.models import Contact, Customer, Deal, FollowUp, Interaction, StageChange


async def test_one_note_logs_visit_contact_deal_followup_and_birthday(bot, store):
    store.add_customers("Globex Corporation", "Initech LLC")
    reply = await bot.say("Visited Globex, met Maria Lopez (CFO). Sent the quote for $42k. "
                          "Follow up Friday. Her birthday is March 3.")
    assert "Globex Corporation" in reply
    assert "visit" in reply and "Maria Lopez" in reply and "$42,000" in reply
    assert "Fri, Nov 27" in reply and "March 3" in reply
    assert "undo" in reply.text.lower() and reply.choices[0].data.startswith("undo:")
    assert store(Customer) == 2  # no duplicate customer
    [contact] = store.rows(select(Contact))
    assert (contact.name, contact.role, contact.birth_month, contact.birth_day) == ("Maria Lopez", "CFO", 3, 3)
    [deal] = store.rows(select(Deal))
    assert (deal.stage, deal.amount_minor, deal.currency) == ("proposal", 4_200_000, "USD")
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 11, 27)
    assert store(Interaction, Interaction.channel == "visit") == 1


async def test_new_customer_is_created_and_named(bot, store):
    reply = await bot.say("Met Jack Morrow from Tidemark Insurance at the expo, they have budget for Q2")
    assert "Tidemark Insurance" in reply
    assert store(Customer, Customer.name == "Tidemark Insurance") == 1


async def test_chinese_note_answers_in_chinese(bot, store):
    store.add_customers("星辰科技有限公司")
    reply = await bot.say("拜访了星辰科技，见了王总，报价12万，下周二跟进")
    assert "星辰科技有限公司" in reply and "已记录" in reply and "撤销" in reply
    [deal] = store.rows(select(Deal))
    assert (deal.stage, deal.amount_minor, deal.currency) == ("proposal", 12_000_000, "CNY")
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 12, 1)


async def test_russian_note_finds_customer_in_another_case(bot, store):
    store.add_customers("ООО «Вектор»")
    reply = await bot.say("Был у Вектора, отправил КП на 1,2 млн, созвонимся в пятницу")
    assert "ООО «Вектор»" in reply and "Записал" in reply
    assert store(Customer) == 1
    [deal] = store.rows(select(Deal))
    assert (deal.amount_minor, deal.currency) == (120_000_000, "RUB")


async def test_undo_takes_back_the_last_note_only(bot, store):
    store.add_customers("Globex Corporation")
    await bot.say("Called Globex, talked to Maria. Follow up Monday.")
    await bot.say("Visited Initech, sent the quote for $10k")
    reply = await bot.say("undo")
    assert "Initech" in reply
    assert store(Customer, Customer.name.like("Initech%")) == 0
    assert store(Deal) == 0
    assert store(Interaction) == 1 and store(FollowUp) == 1  # the first note stays whole
    reply = await bot.say("undo")
    assert "Globex" in reply
    assert store(Interaction) == 0 and store(FollowUp) == 0 and store(Contact) == 0
    assert store(Customer) == 1  # it existed before the notes
    assert "nothing" in (await bot.say("undo")).text.lower()


async def test_undo_button_and_other_languages(bot, store):
    reply = await bot.say("拜访了蓝海物流，报价5万")
    await bot.press(reply.undo_token)
    assert store(Deal) == 0
    reply = await bot.say("Был в Альтаире, отправил КП на 500 тыс. рублей")
    assert "Отмен" in (await bot.say("отмена"))
    assert store(Deal) == 0


async def test_conversation_remembers_the_customer_for_a_while(bot, store, clock):
    store.add_customers("Globex Corporation")
    await bot.say("Visited Globex.")
    clock.advance(minutes=2)
    reply = await bot.say("Met Maria, their CFO.")
    assert "Globex Corporation" in reply
    clock.advance(minutes=3)
    reply = await bot.say("They want 50 units, follow up Friday")
    assert "Globex Corporation" in reply
    [contact] = store.rows(select(Contact))
    assert contact.customer_id == store.rows(select(Customer.id))[0]
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 11, 27)
    clock.advance(minutes=45)
    reply = await bot.say("They asked for a discount")
    assert "which customer" in reply.text.lower()
    assert store(FollowUp) == 1


async def test_two_customers_matching_asks_which(bot, store):
    store.add_customers("Pinecrest Realty", "Pinecrest Dental Group")
    reply = await bot.say("called pinecrest, left a message")
    assert "1." in reply and "2." in reply and "Pinecrest Realty" in reply
    assert store(Interaction) == 0
    number = next(i for i, c in enumerate(reply.choices, 1) if "Dental" in c.label)
    reply = await bot.say(str(number))
    assert "Pinecrest Dental Group" in reply
    [interaction] = store.rows(select(Interaction))
    [dental] = store.rows(select(Customer).where(Customer.name == "Pinecrest Dental Group"))
    assert interaction.customer_id == dental.id      # the note went to the customer picked, not the other
    assert interaction.channel == "call"


async def test_typo_finds_existing_customer(bot, store):
    store.add_customers("Globex Corporation")
    reply = await bot.say("called Globx, no answer")
    assert "Globex Corporation" in reply
    assert store(Customer) == 1


async def test_customer_card_in_three_languages(bot, store):
    store.add_customers("Globex Corporation", "星辰科技有限公司", "ООО «Вектор»")
    await bot.say("Visited Globex, met Maria Lopez (CFO), sent the quote for $42k, follow up Friday")
    card = await bot.say("what do we know about Globex")
    assert "Globex Corporation" in card and "Maria Lopez" in card and "$42,000" in card
    assert "Fri, Nov 27" in card
    await bot.say("给星辰科技打了电话，报价12万")
    assert "星辰科技有限公司" in await bot.say("星辰科技的情况")
    await bot.say("Звонил в Вектор, обсудили поставку")
    card = await bot.say("что по Вектору?")
    assert "ООО «Вектор»" in card and "звонок" in card


async def test_unknown_customer_card_says_so(bot):
    reply = await bot.say("what do we know about Zorblax Industries")
    assert "Zorblax" in reply and "don't know" in reply.text


async def test_followups_today_and_done(bot, store, clock):
    store.add_customers("Globex Corporation", "Initech LLC")
    await bot.say("Called Globex, follow up tomorrow")
    await bot.say("Emailed Initech, follow up today")
    reply = await bot.say("my follow-ups today")
    assert "Initech" in reply and "Globex" not in reply
    clock.advance(days=1)
    reply = await bot.say("my follow-ups today")
    assert "Globex" in reply and "Initech" in reply and "overdue" in reply
    number = reply.text.splitlines().index(next(line for line in reply.text.splitlines() if "Initech" in line))
    reply = await bot.say(f"done {number}")
    assert "Initech" in reply
    assert store(FollowUp, FollowUp.done_at.is_not(None)) == 1
    reply = await bot.say("my follow-ups today")
    assert "Initech" not in reply and "Globex" in reply


async def test_help_in_each_language_and_nonsense_gets_help(bot):
    assert "Visited" in await bot.say("help")
    assert "拜访" in await bot.say("帮助")
    assert "Был у" in await bot.say("помощь")
    reply = await bot.say("哈哈哈 今天好冷啊")
    assert "拜访" in reply and not reply.wrote


async def test_colleague_picks_up_the_same_customer(bot, colleague, store):
    await bot.say("Visited Globex Corporation, met Maria (CFO)")
    card = await colleague.say("what do we know about globex")
    assert "Maria" in card and "Globex Corporation" in card


async def test_stage_changes_are_kept_as_history(bot, store):
    store.add_customers("Harborline Marine LLC")
    await bot.say("Sent Harborline the quote, $50k")
    await bot.say("Harborline signed!!! $55,000")
    [deal] = store.rows(select(Deal))
    assert (deal.stage, deal.amount_minor) == ("won", 5_500_000)
    assert [s.to_stage for s in store.rows(select(StageChange).order_by(StageChange.id))] == ["proposal", "won"]


async def test_commands_answer_in_the_members_language(bot, store):
    await bot.say("Звонил в Вектор, созвонимся завтра")
    assert "напоминания" in (await bot.say("/today")).text.lower()
    assert "Воронка" in await bot.say("/pipeline")
    assert "Отменено" in await bot.say("/undo")
    assert "Был у" in await bot.say("/help")


async def test_reminder_buttons_done_snooze_and_open(bot, store, clock):
    store.add_customers("Globex Corporation")
    await bot.say("Called Globex, follow up today")
    [follow] = store.rows(select(FollowUp))
    reply = await bot.press(f"snooze:{follow.id}:7")
    assert "Globex" in reply and "Dec 2" in reply
    assert store.rows(select(FollowUp.due)) == [date(2026, 12, 2)]
    await bot.press(reply.undo_token)
    assert store.rows(select(FollowUp.due)) == [date(2026, 11, 25)]
    card = await bot.press(f"open:{follow.customer_id}")
    assert "Globex Corporation" in card and "call" in card
    assert "Globex" in await bot.press(f"done:{follow.id}")
    assert store(FollowUp, FollowUp.done_at.is_not(None)) == 1


async def test_phone_and_email_are_kept_and_shown(bot, store):
    await bot.say("Visited Globex Corporation, met Maria Lopez (CFO)")
    reply = await bot.say("Maria's number is +1 415 555 0100, email maria@globex.com")
    assert "+1 415 555 0100" in reply and "maria@globex.com" in reply and "Globex Corporation" in reply
    [contact] = store.rows(select(Contact))
    assert (contact.phone, contact.email) == ("+1 415 555 0100", "maria@globex.com")
    reply = await bot.say("Встретился с Анной из Вектора, их финдиректором. Её телефон +7 916 123-45-67")
    assert "Анна (финдиректор), +7 916 123-45-67" in reply


async def test_a_complaint_is_recorded_and_shows_on_the_card(bot, store):
    store.add_customers("Globex Corporation")
    reply = await bot.say("Globex complained about late delivery of the second batch")
    assert "Globex Corporation" in reply and "omplaint" in reply.text
    card = await bot.say("what do we know about Globex")
    assert "late delivery" in card
    await bot.say("undo")
    assert "late delivery" not in await bot.say("what do we know about Globex")


async def test_report_questions_that_read_like_notes_reach_their_report(bot):
    reply = await bot.say("lost reasons this quarter")
    assert "Recorded" not in reply.text and "which customer" not in reply.text.lower()


async def test_an_unanswered_question_lapses_with_the_next_message(bot, store):
    store.add_customers("Pinecrest Realty", "Pinecrest Dental Group")
    assert "1." in await bot.say("called pinecrest, left a message")
    await bot.say("Visited Globex Corporation, met Maria")
    reply = await bot.say("2")
    assert "Pinecrest" not in reply.text
    assert store(Interaction, Interaction.channel == "call") == 0
