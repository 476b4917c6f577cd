"""Through the chat: a heading that opens trade-show notes ("lobby -", "lobby:") never becomes a
customer, so the leads that follow are filed under their own companies."""
from __future__ import annotations

from sqlmodel import select

from storage.models import Customer


async def test_a_heading_never_becomes_a_customer_the_next_leads_land_on(bot, store):
    await bot.say("lobby - guy from quillon, ops lead, wants pricing")
    await bot.say("lobby: Priya Raman from Halden Mills, wants a quote for 8 sites")
    names = {c.name for c in store.rows(select(Customer))}
    assert not {n for n in names if n.lower().startswith("lobby")}
    assert "Halden Mills" in names
