"""A Russian note that a tender bid was turned down ("отклонили заявку") marks the deal lost, one that an
order came in ("прислали заказ") marks it won, and one that an order is only promised ("обещают PO") keeps
it in negotiation; undo puts the stage back as it was."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Deal


def _stages(store) -> list[str]:
    return [str(d.stage) for d in store.rows(select(Deal))]


@pytest.mark.parametrize("said, stage", [
    ("Гидромаш: заявку нашу отклонили, не хватило лицензии", "lost"),
    ("Гидромаш прислали заказ на 1,2 млн, запускаем", "won"),
    ("Гидромаш обещают заказ до конца месяца, торгуются по срокам", "negotiation"),
])
async def test_a_tender_or_order_moves_the_deal_and_undo_restores_it(bot, store, said, stage):
    store.add_customers("АО «Гидромаш»")
    await bot.say("Был в Гидромаше, отправил КП на 1,2 млн")
    assert _stages(store) == ["proposal"]
    await bot.say(said)
    assert _stages(store) == [stage]
    await bot.say("отмена")
    assert _stages(store) == ["proposal"]
