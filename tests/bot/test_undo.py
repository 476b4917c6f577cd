"""Undo gives back exactly the store a note found, for every kind of change, in three languages;
or, when a row the note wrote was changed, used or erased since, it changes nothing and says so."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlmodel import Session

from storage.members import get_team
from storage.models import Contact, Customer, Deal, FollowUp, Inquiry, Note
from storage.customers import name_key
from storage.privacy import forget
from tests.bot.conftest import let_in
from tests.bot.records import business, difference, focus

UNDO = {"en": "undo", "zh": "撤销", "ru": "отмена"}
UNDONE = {"en": "Undone", "zh": "已撤销", "ru": "Отменено"}
REFUSED = {"en": "Nothing was undone", "zh": "没有撤销任何内容", "ru": "Ничего не отменено"}

# (language, notes before, the note undone, what it must have changed: a note whose news is a new deal or a
# stage keeps its words as a 📝 interaction too)
KINDS = [
    ("en", [], "Visited Globex, sent quote 42k", "customer deal stagechange interaction"),
    ("en", ["Visited Globex, sent quote 42k"], "globex signed", "deal stagechange interaction"),
    ("zh", ["拜访了星辰科技，报价12万"], "星辰科技签了", "deal stagechange interaction"),
    ("ru", ["Был у Вектора, отправил КП на 1,2 млн"], "Вектор отказался", "deal stagechange interaction"),
    ("en", ["Visited Globex, sent quote 42k"], "Globex: revised quote 55k", "deal"),
    ("zh", ["拜访了星辰科技，报价12万"], "星辰科技报价改成15万", "deal"),
    ("ru", ["Был у Вектора, отправил КП на 1,2 млн"], "Вектор: сумма 2 млн", "deal"),
    ("en", ["Visited Globex, sent quote 42k"], "Globex quote is now €40k", "deal"),
    ("en", ["Visited Globex, sent quote 42k"], "Globex moved to negotiation", "deal stagechange interaction"),
    ("zh", ["拜访了星辰科技，报价12万"], "星辰科技进入谈判", "deal stagechange interaction"),
    ("ru", ["Был у Вектора, отправил КП на 1,2 млн"], "Вектор: переговоры по договору", "deal stagechange interaction"),
    ("en", ["Visited Globex, met Maria Lopez (CFO)"],
     "Maria's number is +1 415 555 0100, email maria@globex.com", "contact"),
    ("en", ["Visited Globex, met Maria Lopez (CFO)"], "Maria's birthday is March 3", "contact"),
    ("zh", ["拜访了星辰科技，见了王总"], "王总的电话是13800138000", "contact"),
    ("ru", ["Встретился с Анной из Вектора"], "Её телефон +7 916 123-45-67, день рождения 5 мая", "contact"),
    ("en", ["Visited Globex"], "Called Globex, follow up Friday", "interaction followup"),
    ("zh", ["拜访了星辰科技"], "给星辰科技打了电话，周五跟进", "interaction followup"),
    ("ru", ["Был у Вектора"], "Звонил в Вектор, созвонимся в пятницу", "interaction followup"),
    ("en", ["Visited Globex"], "Globex complained about late delivery of the second batch", "inquiry interaction"),
    ("zh", ["拜访了星辰科技"], "星辰科技投诉交货延迟", "inquiry interaction"),
    ("ru", ["Был у Вектора"], "Вектор пожаловался на задержку поставки", "inquiry interaction"),
]


@pytest.mark.parametrize("lang, before, note, kinds", KINDS, ids=[f"{k[0]}: {k[2]}" for k in KINDS])
async def test_undo_gives_back_the_store_the_note_found(bot, engine, clock, lang, before, note, kinds):
    for earlier in before:
        await bot.say(earlier)
        clock.advance(minutes=7)
    found, found_focus = business(engine), focus(engine)
    await bot.say(note)
    changed = {line.split(" #")[0] for line in difference(found, business(engine))}
    assert changed == set(kinds.split()), difference(found, business(engine))
    clock.advance(minutes=3)
    reply = await bot.say(UNDO[lang])
    assert UNDONE[lang] in reply
    assert difference(found, business(engine)) == []
    assert focus(engine) == found_focus  # the next note goes where it went before


async def test_a_deal_without_an_owner_gets_it_back_without_one(bot, engine, clock):
    with Session(engine) as s:
        team = get_team(s, "default")
        customer = Customer(team_id=team.id, name="Globex", name_key=name_key("Globex"))
        s.add(customer)
        s.flush()
        s.add(Deal(team_id=team.id, customer_id=customer.id, stage="proposal", amount_minor=100_00,
                   currency="USD", expected_close=date(2026, 12, 31), created_at=clock.now, updated_at=clock.now))
        s.commit()
    clock.advance(days=2)
    found = business(engine)
    assert "proposal → won" in await bot.say("Globex signed, $1,500")
    [deal] = business(engine)["deal"]
    assert deal["owner_id"] is not None and deal["closed_at"] == clock.now and deal["amount_minor"] == 1500_00
    clock.advance(hours=1)
    await bot.say("undo")
    assert difference(found, business(engine)) == []


async def test_buttons_done_snooze_and_done_by_number_are_undone_exactly(bot, engine, clock, store):
    await bot.say("Called Globex, follow up today")
    await bot.say("Звонил в Вектор, созвонимся сегодня")
    clock.advance(hours=2)
    globex, vector = store.rows(select(FollowUp.id).order_by(FollowUp.id))
    for press in (f"snooze:{globex}:1", f"snooze:{vector}:7", f"done:{globex}"):
        found = business(engine)
        reply = await bot.press(press)
        assert difference(found, business(engine)) != []
        clock.advance(minutes=5)
        await bot.press(reply.undo_token)
        assert difference(found, business(engine)) == []
    assert "Вектор" in await bot.say("мои напоминания на сегодня")
    found = business(engine)
    assert "Готово" in await bot.say("готово 2")
    assert store(FollowUp, FollowUp.done_at.is_not(None)) == 1
    clock.advance(minutes=5)
    assert "Отменено" in await bot.say("отмена")
    assert difference(found, business(engine)) == []
    assert "完成" not in (await bot.say("完成 1")).text or store(FollowUp, FollowUp.done_at.is_not(None)) == 1
    assert "已撤销" in await bot.say("撤销")
    assert difference(found, business(engine)) == []


async def test_after_undo_the_next_note_goes_to_the_customer_before(bot, engine, clock, store):
    store.add_customers("Globex Corporation", "Initech LLC")
    await bot.say("Visited Globex")
    clock.advance(minutes=2)
    await bot.say("Called Initech, no answer")
    await bot.say("undo")
    clock.advance(minutes=2)
    assert "Globex Corporation" in await bot.say("Met Maria, their CFO")
    [contact] = store.rows(select(Contact))
    assert contact.customer_id == store.rows(select(Customer.id).where(Customer.name == "Globex Corporation"))[0]


async def test_undoing_notes_newest_first_gives_back_each_earlier_store(bot, engine, clock):
    notes = ["Visited Globex, met Maria Lopez (CFO), sent quote 42k", "Maria's phone is +1 415 555 0100",
             "Globex moved to negotiation, follow up Monday", "Globex: revised quote 48k",
             "Globex complained about the invoice", "globex signed"]
    seen = []
    for note in notes:
        seen.append(business(engine))
        await bot.say(note)
        clock.advance(minutes=11)
    for found in reversed(seen):
        assert "Undone" in await bot.say("undo")
        clock.advance(minutes=1)
        assert difference(found, business(engine)) == []
    assert "nothing" in (await bot.say("undo")).text.lower()


async def test_undo_refused_when_a_colleague_wrote_about_the_new_customer_since(bot, colleague, engine, clock):
    await bot.say("Visited Globex, sent quote 42k")
    clock.advance(minutes=5)
    await colleague.say("Called Globex, talked to their buyer")
    kept = business(engine)
    reply = await bot.say("undo")
    assert "customer Globex" in reply and "Boris" in reply and "Called Globex" in reply and REFUSED["en"] in reply
    assert difference(kept, business(engine)) == []
    assert "Undone" in await colleague.say("undo")  # his own note still goes
    assert "Undone" in await bot.say("undo")        # and then hers
    assert business(engine)["customer"] == []


async def test_undo_refused_when_a_colleague_changed_the_deal_since(bot, colleague, engine, clock):
    let_in(engine, "console", "boris", "Boris", "manager")  # a rep may not change a colleague's deal
    await bot.say("拜访了星辰科技，报价12万")
    clock.advance(minutes=5)
    await bot.say("星辰科技进入谈判")
    clock.advance(minutes=5)
    await colleague.say("星辰科技报价改成15万")
    kept = business(engine)
    reply = await bot.say("撤销")
    assert "与 星辰科技 的商机" in reply and "Boris" in reply and REFUSED["zh"] in reply
    assert difference(kept, business(engine)) == []


async def test_an_older_note_waits_for_the_later_one_that_changed_the_same_deal(bot, engine, clock):
    first = await bot.say("Был у Вектора, отправил КП на 1,2 млн")
    clock.advance(minutes=5)
    found = business(engine)
    await bot.say("Вектор отказался")
    clock.advance(minutes=5)
    reply = await bot.press(first.undo_token)
    assert "сделка с клиентом Вектор" in reply and "Сначала отмените ту запись" in reply and REFUSED["ru"] in reply
    assert "Отменено" in await bot.say("отмена")
    assert difference(found, business(engine)) == []
    assert "Отменено" in await bot.press(first.undo_token)
    assert business(engine)["deal"] == [] and business(engine)["customer"] == []
    assert "уже отменена" in await bot.press(first.undo_token)


async def test_undo_refused_after_the_customer_was_forgotten(bot, engine, clock):
    await bot.say("Visited Globex, met Maria Lopez (CFO)")
    with Session(engine) as s:
        [customer] = s.execute(select(Customer)).scalars().all()
        forget(s, customer.team_id, customer.id)
        s.commit()
    kept = business(engine)
    reply = await bot.say("undo")
    assert "erased" in reply and REFUSED["en"] in reply
    assert difference(kept, business(engine)) == []
    with Session(engine) as s:
        assert s.execute(select(Note.undone_at)).scalar() is None


async def test_a_complaint_resolved_since_keeps_the_note(bot, engine, clock, store):
    await bot.say("Вектор пожаловался на задержку поставки")
    with Session(engine) as s:
        [inquiry] = s.execute(select(Inquiry)).scalars().all()
        inquiry.status, inquiry.resolved_at = "resolved", clock.now
        s.add(inquiry)
        s.commit()
        number = inquiry.number
    reply = await bot.say("отмена")
    assert f"обращение №{number}" in reply and REFUSED["ru"] in reply
    assert store(Inquiry) == 1
