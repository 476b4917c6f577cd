"""A loss told as history ("we lost them last year, now they want a quote for 30k", "в прошлом году
проиграли, сейчас новый проект на 2 млн", "以前丢单了 这次有新项目 预算20万") moves nothing to lost: the
new project is a new open deal beside the lost one, and undo takes it back exactly. A loss told as
news still closes the deal."""
from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import Deal
from tests.bot.conftest import Clock, bot, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.records import business, difference


def deals(engine) -> list[tuple[str, int | None]]:
    with Session(engine) as s:
        return [(d.stage, d.amount_minor) for d in s.exec(select(Deal).order_by(Deal.id)).all()]


@pytest.mark.parametrize("lost, again, amount", [
    ("Pellham Dairy went with a cheaper vendor, lost", "pellham dairy - we lost them last year, now they want a quote "
     "for 30k", 3_000_000),
    ("Северный Хлеб отказался, дорого", "Северный Хлеб: в прошлом году проиграли, сейчас новый проект на 2 млн",
     200_000_000),
    ("宏远机械丢单了 价格太高", "宏远机械 以前丢单了 这次王总说有新项目 预算20万", 20_000_000),
])
async def test_a_loss_told_as_history_opens_a_new_deal(bot, engine, lost, again, amount):
    assert (await bot.say(lost)).wrote
    assert [stage for stage, _ in deals(engine)] == ["lost"]
    snapshot = business(engine)
    reply = await bot.say(again)
    assert reply.wrote, reply.text
    stages = deals(engine)
    assert stages[0][0] == "lost" and len(stages) == 2
    assert stages[1][0] not in ("lost", "won") and stages[1][1] == amount
    assert (await bot.say("undo")).wrote
    assert difference(snapshot, business(engine)) == []
