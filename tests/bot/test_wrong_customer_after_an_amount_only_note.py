""""Wrong customer, it was X" right after a note that only changed a customer's deal (no visit, call or
new deal to move): the bot says so and moves nothing, never reaching back to an older note of another
customer and moving that one instead. In three languages."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Deal, Interaction
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)


def record(engine) -> list[tuple[int, str, int | None]]:
    with Session(engine) as s:
        deals = [(d.customer_id, d.stage, d.amount_minor) for d in s.exec(select(Deal).order_by(Deal.id)).all()]
        said = [(i.customer_id, i.channel, None) for i in s.exec(select(Interaction).order_by(Interaction.id)).all()]
        return deals + said


@pytest.mark.parametrize("notes, amount_only, wrong, says", [
    (("拜访了易联通信，报价18万", "拜访了蓝海物流，报价22万", "拜访了星辰科技，报价30万",
      "拜访了易联通信，王总说预算要砍到16万"),
     "蓝海物流 合同改成25万", "客户错了，是星辰科技", "只修改了蓝海物流的数据"),
    (("Visited Globex, quote $40k", "Visited Hooli, quote $20k", "Visited Initech, quote $10k",
      "Visited Globex again, they want 35k"),
     "hooli deal is now 25k", "wrong customer, it was Initech", "only changed Hooli's records"),
])
async def test_nothing_older_is_moved(bot, engine, notes, amount_only, wrong, says):
    for note in notes:
        assert (await bot.say(note)).wrote, note
    changed = await bot.say(amount_only)
    assert changed.wrote, changed.text
    before = record(engine)
    reply = await bot.say(wrong)
    assert says in reply.text and not reply.wrote, reply.text
    assert record(engine) == before
