"""The teams the report tests share: Boris joins Anna's team as a rep, and the "north" team's rep
Ivan holds one big Initech deal that no report of Anna's team may show."""
from __future__ import annotations

from typing import Any

from sqlmodel import Session

from storage.customers import name_key
from storage.members import add_user, get_team
from storage.models import Customer, Deal


def boris_and_the_north_team(engine: Any, stage: str, **deal: Any) -> None:
    """Add Boris to the default team and the north team with Ivan's $999,000 Initech deal at `stage`
    (`deal`: more of the deal's fields, such as its lost reason and close)."""
    with Session(engine) as s:
        add_user(s, get_team(s, "default"), "console", "boris", "Boris", "rep")
        north = get_team(s, "north")
        ivan = add_user(s, north, "console", "ivan", "Ivan", "rep")
        initech = Customer(team_id=north.id, name="Initech", name_key=name_key("Initech"))
        s.add(initech)
        s.flush()
        s.add(Deal(team_id=north.id, customer_id=initech.id, stage=stage, amount_minor=99_900_000, currency="USD",
                   owner_id=ivan.id, **deal))
        s.commit()
