"""The new customer a question offers is the company's name, never the note's verb with it: after
"Visited Umbrella Corp", "Visited Umbrela Corp" offers "new customer Umbrela Corp", in each language,
and the button makes the customer of that name."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from handlers.ask import PICK, NEW
from storage.models import Customer

CASES = [
    ("Visited Umbrella Corp, sent quote 10k", "Visited Umbrela Corp", "Umbrela Corp"),
    ("Visited Umbrella Corp, sent quote 10k", "Stopped by Umbrela Corp, they want a demo", "Umbrela Corp"),
    ("Visited Umbrella Corp, sent quote 10k", "Met with Umbrela Corp", "Umbrela Corp"),
    ("拜访了星辰科技有限公司，报价10万", "拜访了星晨科技有限公司", "星晨科技有限公司"),
    ("Был в ООО Вектор, КП на 100 тыс", "Был в ООО Векторр", "Векторр"),
]


@pytest.mark.parametrize(("first", "note", "name"), CASES)
async def test_the_new_customer_button_carries_the_name_only(bot, store, first, note, name):
    assert (await bot.say(first)).wrote
    asked = await bot.say(note)
    [new] = [c for c in asked.choices if c.data == f"{PICK}:{NEW}"]
    assert new.label.endswith(name) and new.label[:-len(name)].rstrip().endswith(("customer", "新客户", "клиент")), \
        new.label
    for verb in ("Visited", "Stopped", "Met", "拜访", "Был"):
        assert verb not in new.label and verb not in asked.text.splitlines()[0], asked.text
    done = await bot.press(new.data)
    assert done.wrote and name in done.text
    assert name in [c.name for c in store.rows(select(Customer))]
