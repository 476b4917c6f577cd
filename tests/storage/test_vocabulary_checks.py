"""The store holds only the product's vocabulary: a stage, a channel, a role, a language or an issue
kind that is not one of its StrEnum's values is refused by the database itself (migration 0012's
CHECK constraints), on SQLite and PostgreSQL; the migration lists exactly the enums' values."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from storage.members import get_team
from storage.models import Customer, Deal, Inquiry, Interaction, Member, StageChange
from storage.vocabulary import Channel, Issue, Lang, Role, Stage

MIGRATION = Path(__file__).resolve().parents[2] / "storage" / "migrations" / "versions" / "0012_vocabulary_checks.py"


def _migration():
    spec = importlib.util.spec_from_file_location("vocabulary_checks", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_checks_list_every_value_of_the_vocabulary():
    checks = _migration()
    assert checks.STAGES == tuple(Stage) and checks.CHANNELS == tuple(Channel) and checks.ROLES == tuple(Role)
    assert checks.LANGS == tuple(Lang) and set(checks.ISSUES) == set(Issue)


@pytest.fixture
def rows(engine):
    """A team with a member, a customer and a deal, stored."""
    with Session(engine) as s:
        team = get_team(s, "default")
        member = Member(team_id=team.id, name="Ann", role=Role.REP, language=Lang.EN)
        customer = Customer(team_id=team.id, name="Globex", name_key="globex")
        s.add_all([member, customer])
        s.flush()
        deal = Deal(team_id=team.id, customer_id=customer.id, stage=Stage.PROPOSAL, owner_id=member.id)
        s.add(deal)
        s.commit()
        return {"team": team.id, "member": member.id, "customer": customer.id, "deal": deal.id}


@pytest.mark.parametrize("statement", [
    "UPDATE deal SET stage = 'prospect' WHERE id = :deal",
    "UPDATE member SET role = 'owner' WHERE id = :member",
    "UPDATE member SET language = 'de' WHERE id = :member",
    "INSERT INTO stagechange (team_id, deal_id, from_stage, to_stage, at) "
    "VALUES (:team, :deal, 'proposal', 'closed', '2026-11-25 10:00:00')",
    "INSERT INTO interaction (team_id, customer_id, channel, text, at) "
    "VALUES (:team, :customer, 'fax', 'sent a fax', '2026-11-25 10:00:00')",
    "INSERT INTO inquiry (team_id, customer_id, kind, text, status, opened_at) "
    "VALUES (:team, :customer, 'praise', 'they liked it', 'open', '2026-11-25 10:00:00')",
])
def test_a_value_outside_the_vocabulary_is_refused_by_the_store(engine, rows, statement):
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(statement), rows)


def test_every_value_of_the_vocabulary_is_stored(engine, rows):
    with Session(engine) as s:
        for stage in Stage:
            s.add(StageChange(team_id=rows["team"], deal_id=rows["deal"], from_stage=None, to_stage=stage))
        for channel in Channel:
            s.add(Interaction(team_id=rows["team"], customer_id=rows["customer"], channel=channel, text="x"))
        for role in Role:
            for lang in (*Lang, None):
                s.add(Member(team_id=rows["team"], name=f"{role} {lang}", role=role, language=lang))
        for number, issue in enumerate(Issue, start=1):
            s.add(Inquiry(team_id=rows["team"], number=number, customer_id=rows["customer"], kind=issue, text="x"))
        s.commit()
