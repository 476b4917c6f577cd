"""A long-running bot hands freed memory back to the system after a message that drew a chart or
indexed a big team's names, and only then (bot/runtime.py)."""
from __future__ import annotations

from bot.runtime import BIG_INDEX, Memory, give_back
from handlers.understanding.matching import match_known


def _counting() -> tuple[Memory, list[int]]:
    trims: list[int] = []
    return Memory(trim=lambda: trims.append(1)), trims


async def test_memory_goes_back_after_a_chart_and_not_after_a_note(crm, bot):
    crm.memory, trims = _counting()
    assert (await bot.say("Visited Globex, sent the quote for $42k")).wrote
    assert (await bot.say("what do we know about globex")).image is None
    assert trims == []
    pipeline = await bot.say("pipeline this month")
    assert pipeline.image is not None and trims == [1]


def test_memory_goes_back_after_a_big_name_index_once():
    memory, trims = _counting()
    names = [f"Harbor {i} Supply Co" for i in range(BIG_INDEX)]
    assert match_known("visited Harbor 17 Supply Co", names).name == "Harbor 17 Supply Co"
    assert memory.after(None) and trims == [1]
    assert match_known("called Harbor 18 Supply Co", names).name == "Harbor 18 Supply Co"   # indexed already
    assert not memory.after(None) and trims == [1]
    assert match_known("visited Harbor 3 Supply Co", names[:50]).name == "Harbor 3 Supply Co"  # a small team
    assert not memory.after(None) and trims == [1]


def test_giving_back_is_harmless_anywhere():
    give_back()
    give_back()
