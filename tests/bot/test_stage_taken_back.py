"""A stage taken back right after it was said ("globex signed", then "no sorry, still negotiating") is a
correction of that move, not a move of its own: the deal's history shows one change, the team's activity
and the leaderboard never count the win, and undo of the correction gives the won deal back exactly."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal, StageChange
from tests.bot.records import business, difference

CASES = [
    ("Visited Initech, sent the quote for $30k", "initech signed", "no sorry, still negotiating", "negotiation",
     "what did the team do this week", "undo"),
    ("拜访了蓝海物流，报价20万", "蓝海物流签了", "搞错了，还在谈判", "negotiation", "团队这周做了什么", "撤销"),
    ("Был у Альтаира, отправил КП на 2 млн", "Альтаир подписал", "ошибся, ещё торгуемся", "negotiation",
     "что сделала команда на этой неделе", "отмена"),
]


@pytest.mark.parametrize(("note", "moved", "taken_back", "stage", "activity", "undo"), CASES)
async def test_a_win_taken_back_right_after_is_corrected_in_place(bot, store, engine, note, moved, taken_back, stage,
                                                                  activity, undo):
    assert (await bot.say(note)).wrote
    assert (await bot.say(moved)).wrote
    won = business(engine)
    fixed = await bot.say(taken_back)
    assert fixed.wrote and fixed.undo_token, fixed.text
    [deal] = store.rows(select(Deal))
    assert deal.stage == stage and deal.closed_at is None
    history = [(c.from_stage, c.to_stage) for c in store.rows(select(StageChange).order_by(StageChange.id))]
    assert history == [(None, "proposal"), ("proposal", stage)]           # one change, never through won
    report = (await bot.say(activity)).text
    assert "won 1" not in report and "成交 1" not in report and "выиграно 1" not in report, report
    assert not (await bot.say(undo)).undo_token
    assert difference(won, business(engine)) == []                       # the win, exactly as it was


async def test_a_stage_taken_back_to_where_the_note_found_it_leaves_no_history_row(bot, store, engine):
    await bot.say("Visited Globex, sent quote 42k")
    await bot.say("globex moved to negotiation")
    before = business(engine)
    assert (await bot.say("no sorry, still proposal")).wrote
    assert [(c.from_stage, c.to_stage) for c in store.rows(select(StageChange))] == [(None, "proposal")]
    await bot.say("undo")
    assert difference(before, business(engine)) == []


async def test_corrections_in_a_row_correct_the_one_move(bot, store):
    await bot.say("Visited Globex, sent quote 42k")
    await bot.say("globex moved to negotiation")
    await bot.say("no, lost")
    assert (await bot.say("no sorry, they signed")).wrote
    history = [(c.from_stage, c.to_stage) for c in store.rows(select(StageChange).order_by(StageChange.id))]
    assert history == [(None, "proposal"), ("proposal", "won")]
