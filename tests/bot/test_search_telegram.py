"""A look-up through the real python-telegram-bot against the fake Bot API: the list arrives with a
button per customer, and pressing one opens that customer's card."""
from __future__ import annotations

from sqlmodel import Session

from storage.customers import name_key
from storage.members import get_team
from storage.models import Contact, Customer
from tests.bot.conftest import Clock, clock, crm, settings, store  # noqa: F401  (the chat fixtures)
from tests.bot.test_telegram import adapter, anna, let_in, telegram  # noqa: F401
from tests.fakes.telegram_server import telegram_server  # noqa: F401


async def test_customers_from_the_trade_show_with_buttons_that_open_their_cards(anna, engine):
    with Session(engine) as s:
        team = get_team(s, "default")
        for name, source in (("Hooli", "trade show"), ("Globex", "linkedin"), ("Initech", "trade show")):
            customer = Customer(team_id=team.id, name=name, name_key=name_key(name), source=source)
            s.add(customer)
            s.flush()
            s.add(Contact(team_id=team.id, customer_id=customer.id, name=f"Maria of {name}"))
        s.commit()
    said = await anna.say("customers from the trade show")
    assert "Hooli" in said and "Initech" in said and "Globex" not in said
    assert [b["text"] for b in said.buttons] == ["Hooli", "Initech"]
    assert all(b["callback_data"].startswith("open:") for b in said.buttons)
    card = await anna.press(said, "Initech")
    assert "Initech" in card and "Maria of Initech" in card
