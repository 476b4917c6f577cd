"""A note written days late: a day told in the past tense ("tuesday I was at…", "last thursday had
coffee", "周一去了…", "вчера звонил…") is when the visit, call or meeting happened, so the interaction is
dated that day and no follow-up is made of it; a day ahead in the same note is still the follow-up, and
undo takes the back-dated interaction away. The clock: Wednesday 25 November 2026, London."""
from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from storage.models import FollowUp, Interaction
from tests.bot.test_followup_by_day import known


def _kept(engine) -> tuple[list[tuple[str, date]], list[date]]:
    """(channel, day) of every interaction and the day of every follow-up in the store."""
    with Session(engine) as s:
        touches = [(str(i.channel), i.at.date()) for i in s.exec(select(Interaction))]
        return touches, [f.due for f in s.exec(select(FollowUp))]


LATE = [
    ("tuesday I was at Pinecrest Dental, the office mgr wants 5 chairs", "visit", date(2026, 11, 24), "Tue, Nov 24"),
    ("last thursday had coffee with Tara from Pinecrest Dental", "meeting", date(2026, 11, 19), "Thu, Nov 19"),
    ("yesterday emailed Pinecrest Dental the brochure", "email", date(2026, 11, 24), "Tue, Nov 24"),
    ("monday visited Pinecrest Dental, they liked the demo", "visit", date(2026, 11, 23), "Mon, Nov 23"),
    ("周一去了远航物流，李总说预算批了", "visit", date(2026, 11, 23), "11月23日"),
    ("昨天给远航物流打了电话", "call", date(2026, 11, 24), "11月24日"),
    ("上周四和远航物流的王总吃了个饭", "meeting", date(2026, 11, 19), "11月19日"),
    ("вчера звонил в Сибтрансстрой, обсудили сроки", "call", date(2026, 11, 24), "24 нояб"),
    ("в понедельник была у Сибтрансстроя, показала образцы", "visit", date(2026, 11, 23), "23 нояб"),
    ("позавчера встречались с Сибтрансстроем в кафе", "meeting", date(2026, 11, 23), "23 нояб"),
]


@pytest.mark.parametrize("text, channel, on, said", LATE, ids=[t for t, *_ in LATE])
async def test_a_day_told_in_the_past_dates_the_interaction_and_makes_no_follow_up(bot, engine, text, channel, on,
                                                                                   said):
    known(engine, "Pinecrest Dental", "远航物流", "Сибтрансстрой")
    reply = (await bot.say(text)).text
    assert said in reply, reply
    assert _kept(engine) == ([(channel, on)], []), reply
    await bot.say({"en": "undo", "zh": "撤销"}.get("zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else
                                                   "ru" if any("а" <= c <= "я" for c in text) else "en", "отмена"))
    assert _kept(engine) == ([], [])


BOTH = [
    ("monday I was at Pinecrest Dental, call them back friday", date(2026, 11, 23), date(2026, 11, 27)),
    ("周一去了远航物流，下周三再去", date(2026, 11, 23), date(2026, 12, 2)),
    ("вчера была у Сибтрансстроя, перезвонить 30го", date(2026, 11, 24), date(2026, 11, 30)),
]


@pytest.mark.parametrize("text, was, next_step", BOTH, ids=[t for t, *_ in BOTH])
async def test_a_day_gone_and_a_day_ahead_in_one_note(bot, engine, text, was, next_step):
    known(engine, "Pinecrest Dental", "远航物流", "Сибтрансстрой")
    reply = (await bot.say(text)).text
    touches, followups = _kept(engine)
    assert [day for _, day in touches] == [was] and followups == [next_step], reply


PLANS = [("monday visit Pinecrest Dental", date(2026, 11, 30)),
         ("call Pinecrest Dental next monday", date(2026, 11, 30)),
         ("周一去远航物流", date(2026, 11, 30)), ("в понедельник заеду в Сибтрансстрой", date(2026, 11, 30)),
         ("Сибтрансстрой — перезвонить 28го", date(2026, 11, 28)), ("远航物流 28号回访", date(2026, 11, 28))]


@pytest.mark.parametrize("text, on", PLANS, ids=[t for t, _ in PLANS])
async def test_a_day_ahead_is_still_the_follow_up(bot, engine, text, on):
    known(engine, "Pinecrest Dental", "远航物流", "Сибтрансстрой")
    reply = (await bot.say(text)).text
    assert _kept(engine)[1] == [on], reply
