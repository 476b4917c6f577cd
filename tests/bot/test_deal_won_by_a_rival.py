"""A note that a rival won the deal marks the customer's deal lost in the chat, in each language, and
undo puts the stage back as it was."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal


def _stages(store) -> list[str]:
    return [str(d.stage) for d in store.rows(select(Deal))]


@pytest.mark.parametrize("first, rival", [
    ("visited pell & rowe printing, sent quote 18k", "pell & rowe - they signed with Xerox, too bad"),
    ("Был в Стальмосте, отправил КП на 2 млн", "Стальмост: конкуренты подписали с ними договор"),
    ("拜访了华拓机电，报价38万", "华拓机电这单被友商签走了"),
])
async def test_a_deal_a_rival_won_is_lost_and_undo_restores_it(bot, store, first, rival):
    store.add_customers("Pell & Rowe Printing", "ООО «Стальмост»", "宁波华拓机电")
    await bot.say(first)
    assert _stages(store) == ["proposal"]
    await bot.say(rival)
    assert _stages(store) == ["lost"]
    await bot.say({"Был": "отмена", "拜访": "撤销"}.get(first[:2], "undo"))
    assert _stages(store) == ["proposal"]
