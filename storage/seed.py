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
from dataclasses import dataclass, field
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
    rng = Random(seed)
    counts = {name: 0 for name in ("team", "member", "identity", "customer", "contact", "deal",
                                   "stagechange", "interaction", "followup")}
    with engine.begin() as connection:   # each step draws from `rng` in turn: the order is the data
        team_id, currency = _team(connection, team_name, now, counts)
        rep_ids, _manager_id = _members(connection, rng, team_id, team_name, reps, now, counts)
        run = _Run(connection, rng, team_id, now, rep_ids, counts)
        _add_customers(run, customers)
        contacts_of = _add_contacts(run)
        _add_deals(run, deals_per_customer, currency)
        _add_interactions(run, interactions_per_customer, contacts_of)
        _add_followups(run)
        if connection.dialect.name == "postgresql":
            # fresh statistics, so the first report after a seed gets a sensible plan
            connection.execute(text("ANALYZE team, member, identity, customer, contact, deal, "
                                    "stagechange, interaction, followup"))
    return counts


@dataclass
class _Run:
    """One seeding: where rows go, the one random source, and the customers made so far."""

    connection: Connection
    rng: Random
    team_id: int
    now: datetime
    rep_ids: list[int]
    counts: dict[str, int]
    customer_ids: list[int] = field(default_factory=list)
    customer_meta: list[tuple[str, int, str]] = field(default_factory=list)  # lang, owner, name

    @property
    def today(self) -> date:
        return self.now.date()

    def any_rep(self) -> int:
        return self.rep_ids[int(self.rng.random() * len(self.rep_ids))]


def _team(connection: Connection, team_name: str, now: datetime, counts: dict[str, int]) -> tuple[int, str]:
    """The team's id and currency: the existing team of that name, else a new one (USD, UTC)."""
    team = table_of(Team)
    row = connection.execute(select(team.c.id, team.c.currency).where(team.c.name == team_name)).first()
    if row is not None:
        return row[0], row[1]
    team_id = connection.execute(
        team.insert().returning(team.c.id),
        {"name": team_name, "timezone": "UTC", "currency": "USD", "settings": {}, "created_at": now},
    ).scalar_one()
    counts["team"] = 1
    return team_id, "USD"


def _add_customers(run: _Run, customers: int) -> None:
    """`customers` customers with names new to the team, each owned (and created) by a rep."""
    rng, now = run.rng, run.now
    used = set(run.connection.execute(
        select(table_of(Customer).c.name_key).where(table_of(Customer).c.team_id == run.team_id)
    ).scalars())
    pick_lang = Weighted(rng, LANGS, LANG_WEIGHTS)
    customer_rows: list[dict[str, Any]] = []
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
        owner = run.any_rep()
        customer_rows.append({
            "team_id": run.team_id, "name": name, "name_key": key,
            "source": rng.choice(SOURCES), "segment": rng.choice(SEGMENTS),
            "custom": {"lang": lang}, "owner_id": owner, "created_by": owner,
            "created_at": now - timedelta(seconds=int(rng.random() * 730 * 86400)),
        })
        run.customer_meta.append((lang, owner, name))
    run.customer_ids = insert_returning_ids(run.connection, Customer, customer_rows)
    run.counts["customer"] = len(run.customer_ids)


def _add_contacts(run: _Run) -> list[list[int]]:
    """0-3 contacts per customer (about 40% with a birthday); each customer's contact ids."""
    rng = run.rng
    contact_rows: list[dict[str, Any]] = []
    contact_owner: list[int] = []  # index into customers
    leap_year_start = date(2024, 1, 1)
    for index, customer_id in enumerate(run.customer_ids):
        lang = run.customer_meta[index][0]
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
                "team_id": run.team_id, "customer_id": customer_id, "name": person,
                "role": rng.choice(ROLES[lang]),
                "phone": f"+1-555-{int(rng.random() * 10000):04d}" if rng.random() < 0.6 else None,
                "email": f"contact{len(contact_rows) + 1}@example.com" if rng.random() < 0.5 else None,
                "birth_month": month, "birth_day": day, "created_at": run.now,
            })
            contact_owner.append(index)
    contact_ids = insert_returning_ids(run.connection, Contact, contact_rows)
    run.counts["contact"] = len(contact_ids)
    contacts_of: list[list[int]] = [[] for _ in run.customer_ids]
    for contact_id, index in zip(contact_ids, contact_owner):
        contacts_of[index].append(contact_id)
    return contacts_of


def _add_deals(run: _Run, deals_per_customer: int, currency: str) -> None:
    """`deals_per_customer` deals per customer over every stage, each with its one stage change."""
    rng, now, today = run.rng, run.now, run.today
    other_currency = "EUR" if currency != "EUR" else "USD"
    pick_stage = Weighted(rng, STAGES, STAGE_WEIGHTS)
    deal_rows: list[dict[str, Any]] = []
    for index, customer_id in enumerate(run.customer_ids):
        lang, customer_owner, customer_name = run.customer_meta[index]
        for _ in range(deals_per_customer):
            stage = pick_stage()
            owner = customer_owner if rng.random() < 0.8 else run.any_rep()
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
                "team_id": run.team_id, "customer_id": customer_id,
                "title": f"{rng.choice(PRODUCTS[lang])} — {customer_name}"[:300],
                "stage": stage, "amount_minor": amount_minor, "currency": deal_currency,
                "probability": None, "expected_close": expected, "owner_id": owner,
                "lost_reason": rng.choice(("price", "timing", "competitor", "no budget"))
                if stage == Stage.LOST else None,
                "created_at": created, "updated_at": updated,
                "closed_at": updated if stage in CLOSED_STAGES else None,
            })
    deal_ids = insert_returning_ids(run.connection, Deal, deal_rows)
    run.counts["deal"] = len(deal_ids)
    change_rows = [{
        "team_id": run.team_id, "deal_id": deal_id, "from_stage": None, "to_stage": row["stage"],
        "at": row["updated_at"], "member_id": row["owner_id"],
    } for deal_id, row in zip(deal_ids, deal_rows)]
    run.counts["stagechange"] = insert(run.connection, StageChange, change_rows)


def _add_interactions(run: _Run, per_customer: int, contacts_of: list[list[int]]) -> None:
    """`per_customer` interactions per customer over the last 180 days, inserted in slices so
    memory stays flat."""
    rng, now = run.rng, run.now
    pick_channel = Weighted(rng, CHANNELS, CHANNEL_WEIGHTS)
    window = 180 * 86400
    batch: list[dict[str, Any]] = []
    for index, customer_id in enumerate(run.customer_ids):
        lang, customer_owner, customer_name = run.customer_meta[index]
        notes = NOTES[lang]
        contacts = contacts_of[index]
        for _ in range(per_customer):
            r = rng.random()
            batch.append({
                "team_id": run.team_id, "customer_id": customer_id,
                "contact_id": contacts[int(r * len(contacts))] if contacts and r < 0.999 else None,
                "member_id": customer_owner if rng.random() < 0.7 else run.any_rep(),
                "note_id": None, "channel": pick_channel(),
                "text": notes[int(rng.random() * len(notes))].format(c=customer_name),
                "at": now - timedelta(seconds=int(rng.random() * window)),
            })
        if len(batch) >= CHUNK:
            run.counts["interaction"] += insert(run.connection, Interaction, batch)
            batch = []
    if batch:
        run.counts["interaction"] += insert(run.connection, Interaction, batch)


def _add_followups(run: _Run) -> None:
    """An open follow-up for about one customer in ten, due within a week before or three after today."""
    rng = run.rng
    followup_rows = []
    for index, customer_id in enumerate(run.customer_ids):
        if rng.random() < 0.1:
            lang, customer_owner, _name = run.customer_meta[index]
            followup_rows.append({
                "team_id": run.team_id, "customer_id": customer_id, "member_id": customer_owner,
                "note_id": None, "due": run.today + timedelta(days=int(rng.random() * 29) - 7),
                "what": rng.choice(FOLLOWUPS[lang]), "done_at": None, "created_at": run.now,
            })
    run.counts["followup"] = insert(run.connection, FollowUp, followup_rows)


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
