"""Reproducible synthetic data for benchmarks and demos (`crmbot seed`).

The same arguments (and the same `now`) give the same rows: every random draw
comes from one `random.Random(seed)`. Rows go in through SQLAlchemy Core bulk
inserts in chunks, inside one transaction, so a large store fills at well over
20,000 rows a second on SQLite and PostgreSQL alike. Ids the next table needs
(customers, contacts, deals) come back from `INSERT ... RETURNING` in
parameter order, which is correct on both stores even with other writers.
The names and phrasings drawn come from `storage.seed_data`; the inserts are
`storage.bulk`'s.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from random import Random
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection, Engine

from storage import clock
from storage import customers as _customers
from storage.bulk import CHUNK, insert, insert_returning_ids
from storage.models import (Contact, Customer, Deal, FollowUp, Identity, Interaction, Member,
                            StageChange, Team, table_of)
from storage.seed_data import (CHANNEL_WEIGHTS, CHANNELS, FOLLOWUPS, LANG_WEIGHTS, LANGS, NOTES, PRODUCTS,
                               REP_NAMES, ROLES, SEGMENTS, SOURCES, STAGE_WEIGHTS, STAGES, Weighted,
                               company_name, person_name)
from storage.vocabulary import CLOSED_STAGES, Stage

# -- the name key: the same normalisation the handlers match names with -------------------

name_key = _customers.name_key


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "team"


# -- the seed ------------------------------------------------------------------------------


def seed(engine: Engine, customers: int, deals_per_customer: int = 3,
         interactions_per_customer: int = 10, reps: int = 10, team_name: str = "default",
         seed: int = 42, now: datetime | None = None) -> dict[str, int]:
    """Fill the store with synthetic data for team `team_name`; return rows inserted per table.

    One transaction. The team is created if missing (USD, UTC). `reps` reps and one
    manager get console identities "rep1".."repN" and "manager" (prefixed with the
    team's slug when another team already holds those ids; reused when this team
    already does). Each customer gets 0-3 contacts (about 40% with a birthday),
    exactly `deals_per_customer` deals over all stages, each with one StageChange,
    exactly `interactions_per_customer` interactions over the last 180 days, and
    about one in ten an open follow-up. `now` (aware, default: the current
    instant) anchors every date, so a fixed `now` and `seed` give identical rows.
    """
    if customers < 0 or deals_per_customer < 0 or interactions_per_customer < 0 or reps < 1:
        raise ValueError("customers, deals and interactions must be ≥ 0 and reps ≥ 1")
    now = (now or clock.now()).astimezone(timezone.utc).replace(microsecond=0)
    today = now.date()
    rng = Random(seed)
    counts = {name: 0 for name in ("team", "member", "identity", "customer", "contact", "deal",
                                   "stagechange", "interaction", "followup")}

    with engine.begin() as connection:
        # -- team ------------------------------------------------------------------------
        team_row = connection.execute(
            select(table_of(Team).c.id, table_of(Team).c.currency).where(table_of(Team).c.name == team_name)
        ).first()
        if team_row is None:
            team_id = connection.execute(
                table_of(Team).insert().returning(table_of(Team).c.id),
                {"name": team_name, "timezone": "UTC", "currency": "USD", "settings": {},
                 "created_at": now},
            ).scalar_one()
            currency = "USD"
            counts["team"] = 1
        else:
            team_id, currency = team_row
        other_currency = "EUR" if currency != "EUR" else "USD"

        # -- members and identities ------------------------------------------------------
        rep_ids, manager_id = _members(connection, rng, team_id, team_name, reps, now, counts)

        # -- customers -------------------------------------------------------------------
        used = set(connection.execute(
            select(table_of(Customer).c.name_key).where(table_of(Customer).c.team_id == team_id)
        ).scalars())
        pick_lang = Weighted(rng, LANGS, LANG_WEIGHTS)
        customer_rows: list[dict[str, Any]] = []
        customer_meta: list[tuple[str, int, str]] = []  # lang, owner, name
        for _ in range(customers):
            lang = pick_lang()
            for _attempt in range(6):
                name = company_name(rng, lang)
                key = name_key(name)
                if key not in used:
                    break
            else:
                n = 2
                while f"{key} {n}" in used:
                    n += 1
                name, key = f"{name} {n}", f"{key} {n}"
            used.add(key)
            owner = rep_ids[int(rng.random() * len(rep_ids))]
            customer_rows.append({
                "team_id": team_id, "name": name, "name_key": key,
                "source": rng.choice(SOURCES), "segment": rng.choice(SEGMENTS),
                "custom": {"lang": lang}, "owner_id": owner, "created_by": owner,
                "created_at": now - timedelta(seconds=int(rng.random() * 730 * 86400)),
            })
            customer_meta.append((lang, owner, name))
        customer_ids = insert_returning_ids(connection, Customer, customer_rows)
        counts["customer"] = len(customer_ids)
        del customer_rows

        # -- contacts --------------------------------------------------------------------
        contact_rows: list[dict[str, Any]] = []
        contact_owner: list[int] = []  # index into customers
        leap_year_start = date(2024, 1, 1)
        for index, customer_id in enumerate(customer_ids):
            lang = customer_meta[index][0]
            for _ in range(int(rng.random() * 4)):
                person = person_name(rng, lang)
                month: int | None
                day: int | None
                if rng.random() < 0.4:
                    birthday = leap_year_start + timedelta(days=int(rng.random() * 366))
                    month, day = birthday.month, birthday.day
                else:
                    month = day = None
                contact_rows.append({
                    "team_id": team_id, "customer_id": customer_id, "name": person,
                    "role": rng.choice(ROLES[lang]),
                    "phone": f"+1-555-{int(rng.random() * 10000):04d}" if rng.random() < 0.6 else None,
                    "email": f"contact{len(contact_rows) + 1}@example.com" if rng.random() < 0.5 else None,
                    "birth_month": month, "birth_day": day, "created_at": now,
                })
                contact_owner.append(index)
        contact_ids = insert_returning_ids(connection, Contact, contact_rows)
        counts["contact"] = len(contact_ids)
        del contact_rows
        contacts_of: list[list[int]] = [[] for _ in customer_ids]
        for contact_id, index in zip(contact_ids, contact_owner):
            contacts_of[index].append(contact_id)

        # -- deals and their stage history -----------------------------------------------
        pick_stage = Weighted(rng, STAGES, STAGE_WEIGHTS)
        deal_rows: list[dict[str, Any]] = []
        for index, customer_id in enumerate(customer_ids):
            lang, customer_owner, customer_name = customer_meta[index]
            for _ in range(deals_per_customer):
                stage = pick_stage()
                owner = customer_owner if rng.random() < 0.8 else rep_ids[int(rng.random() * len(rep_ids))]
                # amounts from 500 to ~500k, rounded to hundreds, heavier at the low end
                major = int(500 * (1000 ** (rng.random() ** 1.5)) / 100) * 100 or 500
                amount_minor: int | None = major * 100
                deal_currency: str | None = other_currency if rng.random() < 0.12 else currency
                if rng.random() < 0.04:
                    amount_minor = deal_currency = None
                expected = None if rng.random() < 0.3 \
                    else today + timedelta(days=int(rng.random() * 365) - 182)
                created = now - timedelta(seconds=int(rng.random() * 365 * 86400))
                updated = created + timedelta(seconds=int(rng.random() * (now - created).total_seconds()))
                deal_rows.append({
                    "team_id": team_id, "customer_id": customer_id,
                    "title": f"{rng.choice(PRODUCTS[lang])} — {customer_name}"[:300],
                    "stage": stage, "amount_minor": amount_minor, "currency": deal_currency,
                    "probability": None, "expected_close": expected, "owner_id": owner,
                    "lost_reason": rng.choice(("price", "timing", "competitor", "no budget"))
                    if stage == Stage.LOST else None,
                    "created_at": created, "updated_at": updated,
                    "closed_at": updated if stage in CLOSED_STAGES else None,
                })
        deal_ids = insert_returning_ids(connection, Deal, deal_rows)
        counts["deal"] = len(deal_ids)
        change_rows = [{
            "team_id": team_id, "deal_id": deal_id, "from_stage": None, "to_stage": row["stage"],
            "at": row["updated_at"], "member_id": row["owner_id"],
        } for deal_id, row in zip(deal_ids, deal_rows)]
        del deal_rows
        counts["stagechange"] = insert(connection, StageChange, change_rows)
        del change_rows

        # -- interactions, in slices so memory stays flat --------------------------------
        pick_channel = Weighted(rng, CHANNELS, CHANNEL_WEIGHTS)
        window = 180 * 86400
        batch: list[dict[str, Any]] = []
        n_reps = len(rep_ids)
        for index, customer_id in enumerate(customer_ids):
            lang, customer_owner, customer_name = customer_meta[index]
            notes = NOTES[lang]
            contacts = contacts_of[index]
            for _ in range(interactions_per_customer):
                r = rng.random()
                batch.append({
                    "team_id": team_id, "customer_id": customer_id,
                    "contact_id": contacts[int(r * len(contacts))] if contacts and r < 0.999 else None,
                    "member_id": customer_owner if rng.random() < 0.7 else rep_ids[int(rng.random() * n_reps)],
                    "note_id": None, "channel": pick_channel(),
                    "text": notes[int(rng.random() * len(notes))].format(c=customer_name),
                    "at": now - timedelta(seconds=int(rng.random() * window)),
                })
            if len(batch) >= CHUNK:
                counts["interaction"] += insert(connection, Interaction, batch)
                batch = []
        if batch:
            counts["interaction"] += insert(connection, Interaction, batch)
        batch = []

        # -- a few open follow-ups -------------------------------------------------------
        followup_rows = []
        for index, customer_id in enumerate(customer_ids):
            if rng.random() < 0.1:
                lang, customer_owner, _name = customer_meta[index]
                followup_rows.append({
                    "team_id": team_id, "customer_id": customer_id, "member_id": customer_owner,
                    "note_id": None, "due": today + timedelta(days=int(rng.random() * 29) - 7),
                    "what": rng.choice(FOLLOWUPS[lang]), "done_at": None, "created_at": now,
                })
        counts["followup"] = insert(connection, FollowUp, followup_rows)
        if connection.dialect.name == "postgresql":
            # fresh statistics, so the first report after a seed gets a sensible plan
            connection.execute(text("ANALYZE team, member, identity, customer, contact, deal, "
                                    "stagechange, interaction, followup"))
    return counts


def _members(connection: Connection, rng: Random, team_id: int, team_name: str, reps: int,
             now: datetime, counts: dict[str, int]) -> tuple[list[int], int]:
    """The team's seeded reps and manager: reused by console id when present, else created."""
    identity = table_of(Identity)
    taken = {ext: (team, member) for ext, team, member in connection.execute(
        select(identity.c.external_id, identity.c.team_id, identity.c.member_id)
        .where(identity.c.platform == "console"))}
    prefix = f"{_slug(team_name)}-"
    wanted = [(f"rep{i}", "rep") for i in range(1, reps + 1)] + [("manager", "manager")]
    slots: list[int | None] = []  # member ids in the order of `wanted`; None until created
    new: list[tuple[int, str, str, str]] = []  # slot, external id, role, name
    for external, role in wanted:
        for candidate in (external, prefix + external):
            holder = taken.get(candidate)
            if holder is None:
                new.append((len(slots), candidate, role, REP_NAMES[rng.randrange(len(REP_NAMES))]))
                slots.append(None)
                break
            if holder[0] == team_id:
                slots.append(holder[1])
                break
        else:
            raise ValueError(f"console id {external!r} is taken by another team twice over")
    if new:
        member_ids = insert_returning_ids(connection, Member, [
            {"team_id": team_id, "name": name, "role": role, "timezone": None, "language": None,
             "created_at": now}
            for _slot, _ext, role, name in new])
        insert(connection, Identity, [
            {"team_id": team_id, "member_id": member_id, "platform": "console",
             "external_id": ext, "chat_id": None, "reachable": True, "created_at": now}
            for member_id, (_slot, ext, _role, _name) in zip(member_ids, new)])
        counts["member"] = counts["identity"] = len(member_ids)
        for member_id, (slot, _ext, _role, _name) in zip(member_ids, new):
            slots[slot] = member_id
    rep_ids = [m for m in slots[:-1] if m is not None]
    manager_id = slots[-1] or 0
    return rep_ids, manager_id
