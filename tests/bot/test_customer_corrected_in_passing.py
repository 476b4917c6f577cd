"""The customer of the last note corrected in passing ("actually it was globex", "其实是星辰科技",
"вообще-то это был Вектор"): the whole note, with what it created, moves to that known customer, and
undo puts it back exactly. A value said the same way ("actually it was 50k") is no customer."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Customer, FollowUp, Interaction
from tests.bot.records import business, difference

CASES = [
    ("Visited Globex, sent quote 42k", "Called Initech, they want a demo, follow up Friday",
     "actually it was globex", "Globex", "Initech", "undo"),
    ("Visited Globex, sent quote 42k", "Called Hooli, follow up Friday", "sorry, it was Globex", "Globex", "Hooli",
     "undo"),
    ("拜访了星辰科技，报价12万", "拜访了蓝海物流，周五跟进", "其实是星辰科技", "星辰科技", "蓝海物流", "撤销"),
    ("Был у Вектора, отправил КП на 1 млн", "Был у Альтаира, созвонимся в пятницу", "вообще-то это был Вектор",
     "Вектор", "Альтаир", "отмена"),
]


@pytest.mark.parametrize(("first", "second", "said", "target", "wrong", "undo"), CASES)
async def test_the_customer_said_in_passing_moves_the_whole_note(bot, store, engine, first, second, said, target,
                                                                 wrong, undo):
    assert (await bot.say(first)).wrote
    assert (await bot.say(second)).wrote
    before = business(engine)
    moved = await bot.say(said)
    assert moved.wrote and "→" in moved.text and target in moved.text, moved.text
    [kept] = store.rows(select(Customer).where(Customer.name == target))
    assert {i.customer_id for i in store.rows(select(Interaction))} == {kept.id}
    assert {f.customer_id for f in store.rows(select(FollowUp))} == {kept.id}
    assert wrong not in [c.name for c in store.rows(select(Customer))]   # the note had made it; nothing is left
    await bot.say(undo)
    assert difference(before, business(engine)) == []


async def test_a_value_or_an_unknown_name_said_so_moves_nothing(bot, store, engine):
    await bot.say("Visited Globex, sent quote 42k")
    await bot.say("Called Initech, sent the quote for 10k")
    fixed = await bot.say("actually it was 12k")
    assert "$10,000 → $12,000" in fixed.text, fixed.text
    await bot.say("actually it was Wayne Enterprises")                  # a name it does not know: not moved
    [initech] = store.rows(select(Customer).where(Customer.name == "Initech"))
    assert store(Interaction, Interaction.customer_id == initech.id) == 1
