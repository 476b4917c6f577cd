"""Synthetic data: the counts it reports are the rows it wrote, and the same seed gives the same data."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, select

from storage.engine import get_engine
from storage.models import (Contact, Customer, Deal, FollowUp, Identity, Interaction, Member,
                            StageChange, Team)
from storage.seed import name_key, seed

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
TABLES = {"team": Team, "member": Member, "identity": Identity, "customer": Customer,
          "contact": Contact, "deal": Deal, "stagechange": StageChange,
          "interaction": Interaction, "followup": FollowUp}


def count(connection, model, team_id=None):
    statement = select(func.count()).select_from(model.__table__)
    if team_id is not None:
        statement = statement.where(model.__table__.c.team_id == team_id)
    return connection.execute(statement).scalar_one()


def team_id_of(connection, name):
    return connection.execute(select(Team.__table__.c.id).where(Team.__table__.c.name == name)).scalar_one()


def snapshot(engine, team_name):
    """The team's data without ids or anything that names the team: comparable across stores."""
    with engine.connect() as c:
        team = team_id_of(c, team_name)
        cu, de, it, co = Customer.__table__, Deal.__table__, Interaction.__table__, Contact.__table__
        customers = c.execute(select(cu.c.name, cu.c.name_key, cu.c.segment, cu.c.source)
                              .where(cu.c.team_id == team).order_by(cu.c.id)).all()
        deals = c.execute(select(de.c.stage, de.c.amount_minor, de.c.currency, de.c.expected_close,
                                 de.c.title).where(de.c.team_id == team).order_by(de.c.id)).all()
        contacts = c.execute(select(co.c.name, co.c.birth_month, co.c.birth_day)
                             .where(co.c.team_id == team).order_by(co.c.id)).all()
        interactions = c.execute(select(it.c.channel, it.c.text, it.c.at)
                                 .where(it.c.team_id == team).order_by(it.c.id)).all()
    return {"customers": [tuple(r) for r in customers], "deals": [tuple(r) for r in deals],
            "contacts": [tuple(r) for r in contacts],
            "interactions": [(ch, tx, _utc(at)) for ch, tx, at in interactions]}


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def test_counts_are_the_rows_written(engine):
    counts = seed(engine, customers=40, deals_per_customer=3, interactions_per_customer=4, reps=5,
                  now=NOW)
    assert counts["team"] == 1
    assert counts["member"] == counts["identity"] == 6
    assert counts["customer"] == 40
    assert counts["deal"] == counts["stagechange"] == 120
    assert counts["interaction"] == 160
    assert 0 <= counts["contact"] <= 120
    assert counts["followup"] <= 40
    with engine.connect() as c:
        for name, model in TABLES.items():
            assert count(c, model) == counts[name], name


def test_the_data_is_plausible(engine):
    seed(engine, customers=300, deals_per_customer=3, interactions_per_customer=5, reps=7, now=NOW)
    today = NOW.date()
    with engine.connect() as c:
        team = team_id_of(c, "default")
        me, idt, de, it = Member.__table__, Identity.__table__, Deal.__table__, Interaction.__table__
        roles = dict(c.execute(select(me.c.role, func.count()).group_by(me.c.role)).all())
        assert roles == {"rep": 7, "manager": 1}
        externals = set(c.execute(select(idt.c.external_id).where(idt.c.platform == "console")).scalars())
        assert externals == {f"rep{i}" for i in range(1, 8)} | {"manager"}
        reps = set(c.execute(select(me.c.id).where(me.c.role == "rep")).scalars())

        keys = c.execute(select(Customer.__table__.c.name_key)
                         .where(Customer.__table__.c.team_id == team)).scalars().all()
        assert len(keys) == len(set(keys)) == 300
        names = c.execute(select(Customer.__table__.c.name)).scalars().all()
        assert any(any("\u4e00" <= ch <= "\u9fff" for ch in n) for n in names)      # Chinese
        assert any(any("а" <= ch.lower() <= "я" for ch in n) for n in names)        # Russian
        assert any(n.isascii() for n in names)                                    # English

        stages = dict(c.execute(select(de.c.stage, func.count()).group_by(de.c.stage)).all())
        assert set(stages) == {"lead", "qualified", "proposal", "negotiation", "won", "lost"}
        currencies = dict(c.execute(select(de.c.currency, func.count()).group_by(de.c.currency)).all())
        assert currencies["USD"] > 0.7 * 900 and currencies.get("EUR", 0) > 0
        undated = count(c, Deal) - c.execute(
            select(func.count()).where(de.c.expected_close.is_not(None))).scalar_one()
        assert 0.2 * 900 < undated < 0.4 * 900
        low, high = c.execute(select(func.min(de.c.expected_close), func.max(de.c.expected_close))).one()
        assert today - timedelta(days=186) <= low and high <= today + timedelta(days=186)
        assert c.execute(select(func.min(de.c.amount_minor))).scalar_one() >= 500 * 100
        owners = set(c.execute(select(de.c.owner_id).distinct()).scalars())
        assert owners <= reps

        first, last = c.execute(select(func.min(it.c.at), func.max(it.c.at))).one()
        assert _utc(first) >= NOW - timedelta(days=180) and _utc(last) <= NOW
        channels = set(c.execute(select(it.c.channel).distinct()).scalars())
        assert channels == {"visit", "call", "meeting", "email", "message"}
        assert set(c.execute(select(it.c.member_id).distinct()).scalars()) <= reps

        birthdays = c.execute(select(Contact.__table__.c.birth_month, Contact.__table__.c.birth_day)
                              .where(Contact.__table__.c.birth_month.is_not(None))).all()
        assert birthdays
        for month, day in birthdays:
            date(2024, month, day)  # a real calendar day
        fu = FollowUp.__table__
        assert count(c, FollowUp) > 0
        assert c.execute(select(func.count()).where(fu.c.done_at.is_not(None))).scalar_one() == 0
        changes = c.execute(select(func.count()).select_from(
            StageChange.__table__.join(de, de.c.id == StageChange.__table__.c.deal_id))
            .where(StageChange.__table__.c.to_stage == de.c.stage)).scalar_one()
        assert changes == count(c, Deal)


def test_same_seed_same_data_on_any_store(engine, tmp_path):
    seed(engine, customers=60, deals_per_customer=2, interactions_per_customer=3, reps=4, now=NOW)
    other = get_engine(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        seed(other, customers=60, deals_per_customer=2, interactions_per_customer=3, reps=4, now=NOW)
        assert snapshot(engine, "default") == snapshot(other, "default")
    finally:
        other.dispose()


def test_another_team_gets_the_same_data_and_its_own_reps(engine):
    a = seed(engine, customers=50, reps=3, team_name="alpha", now=NOW)
    b = seed(engine, customers=50, reps=3, team_name="beta", now=NOW)
    assert a == b
    assert snapshot(engine, "alpha") == snapshot(engine, "beta")
    with engine.connect() as c:
        externals = set(c.execute(select(Identity.__table__.c.external_id)).scalars())
    assert {"rep1", "beta-rep1", "manager", "beta-manager"} <= externals
    c_ = seed(engine, customers=50, reps=3, team_name="gamma", seed=7, now=NOW)
    assert snapshot(engine, "gamma")["customers"] != snapshot(engine, "alpha")["customers"]
    assert c_["customer"] == 50


def test_seeding_a_team_again_reuses_its_reps_and_keeps_names_unique(engine):
    seed(engine, customers=80, reps=4, now=NOW)
    again = seed(engine, customers=80, reps=4, now=NOW)
    assert again["team"] == 0 and again["member"] == 0 and again["identity"] == 0
    assert again["customer"] == 80
    with engine.connect() as c:
        team = team_id_of(c, "default")
        assert count(c, Member, team) == 5
        keys = c.execute(select(Customer.__table__.c.name_key)).scalars().all()
    assert len(keys) == len(set(keys)) == 160


def test_names_are_keyed_like_the_handlers_match_them(engine):
    from storage.customers import name_key as handlers_key

    seed(engine, customers=200, reps=2, now=NOW)
    with engine.connect() as c:
        rows = c.execute(select(Customer.__table__.c.name, Customer.__table__.c.name_key)).all()
    assert rows and all(key == handlers_key(name) for name, key in rows)
    assert name_key("ООО «Ромашка»") == handlers_key("Ромашка")
