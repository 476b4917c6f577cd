"""Keeping in touch with people: contacts' birthdays, and customers or contacts whose keep-in-touch
cadence lapses on a member's local day (a customer's own `touch_days`, else the team's; a contact's
own in `Customer.custom["contact_touch"]`), each to the customer's owner (scheduler/rules.py)."""
from __future__ import annotations

from calendar import isleap
from datetime import date

from sqlalchemy import and_, func, or_, select, true
from sqlmodel import Session, col

from scheduler.nudge import Members, Nudge, nudge_to, open_choice
from scheduler.sql import customer_owner, last_interaction_at, local_day
from scheduler.texts import t
from storage.models import Contact, Customer, Interaction
from storage.team_settings import CONTACT_TOUCH


def birthdays(session: Session, team_id: int, day: date, members: Members) -> list[Nudge]:
    """Contacts whose birthday is `day` (Feb 29 ones on Feb 28 of a common year), to the owner."""
    on_day = and_(col(Contact.birth_month) == day.month, col(Contact.birth_day) == day.day)
    if day.month == 2 and day.day == 28 and not isleap(day.year):
        on_day = or_(on_day, and_(col(Contact.birth_month) == 2, col(Contact.birth_day) == 29))
    owner = customer_owner(Customer).label("owner")
    rows = session.execute(
        select(col(Contact.id), col(Contact.name), col(Customer.id), col(Customer.name), owner)
        .join(Customer, col(Customer.id) == col(Contact.customer_id))
        .where(col(Contact.team_id) == team_id, on_day).order_by(col(Contact.id))).all()
    out = []
    for contact_id, contact, customer_id, customer, owner_id in rows:
        who = members.get(owner_id)
        if who is None:
            continue
        text = t(who.lang, "birthday", contact=contact, customer=customer)
        out.append(nudge_to("birthday", who, f"contact:{contact_id}", day, text, customer=customer,
                          customer_id=customer_id, due=day,
                          line=t(who.lang, "line_birthday", contact=contact, customer=customer),
                          choices=open_choice(customer_id, who.lang)))
    return out


def stay_in_touch(session: Session, team_id: int, day: date, zone_members: Members,
                  default_days: int | None = None) -> list[Nudge]:
    """Customers with a keep-in-touch cadence that lapses on `day` (one query, cadence rows only);
    with the team's default cadence (`default_days`), every customer without one of its own too."""
    if not zone_members:
        return []
    zone = next(iter(zone_members.values())).zone
    cadence = col(Customer.custom)["touch_days"].as_string()
    rows = session.execute(
        select(col(Customer.id), col(Customer.name), cadence.label("cadence"), col(Customer.created_at),
               last_interaction_at(col(Customer.id), col(Customer.team_id)).label("last_at"),
               customer_owner(Customer).label("owner"))
        .where(col(Customer.team_id) == team_id, cadence.is_not(None) if not default_days else true())
        .order_by(col(Customer.id))).all()
    out = []
    for customer_id, customer, every, created_at, last_at, owner_id in rows:
        who = zone_members.get(owner_id)
        try:
            every = int(float(str(every))) if every is not None else default_days
        except (TypeError, ValueError):
            continue
        if who is None or not every or every <= 0:
            continue
        quiet = (day - local_day(last_at or created_at, zone)).days
        if quiet < every or quiet % every:
            continue
        key = "stay_in_touch" if last_at is not None else "stay_in_touch_never"
        text = t(who.lang, key, customer=customer, days=quiet, cadence=every)
        out.append(nudge_to("stay_in_touch", who, f"customer:{customer_id}", day, text, customer=customer,
                          customer_id=customer_id, due=day,
                          line=t(who.lang, "line_stay", customer=customer, days=quiet),
                          choices=open_choice(customer_id, who.lang)))
    return out


def stay_in_touch_with_people(session: Session, team_id: int, day: date, zone_members: Members) -> list[Nudge]:
    """Contacts with their own keep-in-touch cadence (Customer.custom["contact_touch"]) that lapses on
    `day`, counted from the last interaction with that person (two queries)."""
    if not zone_members:
        return []
    zone = next(iter(zone_members.values())).zone
    cadences = col(Customer.custom)[CONTACT_TOUCH]
    rows = session.execute(
        select(col(Customer.id), col(Customer.name), cadences.as_json().label("cadences"),
               customer_owner(Customer).label("owner"))
        .where(col(Customer.team_id) == team_id, cadences.as_string().is_not(None))
        .order_by(col(Customer.id))).all()
    wanted: dict[int, tuple[int, str, int, int | None]] = {}
    for customer_id, customer, per_contact, owner_id in rows:
        for contact_id, every in dict(per_contact or {}).items():
            if str(contact_id).isdigit() and isinstance(every, int) and every > 0:
                wanted[int(contact_id)] = (customer_id, customer, every, owner_id)
    if not wanted:
        return []
    people = session.execute(
        select(col(Contact.id), col(Contact.name), col(Contact.created_at),
               select(func.max(col(Interaction.at))).where(col(Interaction.team_id) == team_id,
                                                           col(Interaction.contact_id) == col(Contact.id))
               .scalar_subquery().label("last_at"))
        .where(col(Contact.team_id) == team_id, col(Contact.id).in_(list(wanted)))).all()
    out = []
    for contact_id, contact, created_at, last_at in people:
        customer_id, customer, every, owner_id = wanted[contact_id]
        who = zone_members.get(owner_id) if owner_id is not None else None
        if who is None:
            continue
        quiet = (day - local_day(last_at or created_at, zone)).days
        if quiet < every or quiet % every:
            continue
        key = "stay_in_touch_contact" if last_at is not None else "stay_in_touch_contact_never"
        text = t(who.lang, key, contact=contact, customer=customer, days=quiet, cadence=every)
        out.append(nudge_to("stay_in_touch", who, f"contact:{contact_id}", day, text, customer=customer,
                          customer_id=customer_id, due=day,
                          line=t(who.lang, "line_stay", customer=f"{contact} · {customer}", days=quiet),
                          choices=open_choice(customer_id, who.lang)))
    return out
