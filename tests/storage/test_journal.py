"""The journal and its replay: every column of every table a message writes comes back exactly —
instants with their microseconds, local days, JSON documents, money in minor units — whether the
write made a row, changed one loaded or known only by id (a correction), or removed one."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from storage import clock
from storage.journal import Journal
from storage.models import (ChatState, Contact, Customer, Deal, FollowUp, Inquiry, Member, Note, Team)
from storage.revert import revert
from storage.revert_checks import Reason
from tests.bot.records import business, difference

T0 = datetime(2026, 11, 25, 9, 30, 15, 123456, tzinfo=timezone.utc)


def _world(session: Session) -> dict[str, Any]:
    team = Team(name="t", created_at=T0)
    session.add(team)
    session.flush()
    anna = Member(team_id=team.id, name="Anna", created_at=T0)
    boris = Member(team_id=team.id, name="Boris", created_at=T0)
    session.add_all([anna, boris])
    session.flush()
    customer = Customer(team_id=team.id, name="Globex", name_key="globex", custom={"touch_days": 30, "tags": ["a"]},
                        created_at=T0)
    session.add(customer)
    session.flush()
    contact = Contact(team_id=team.id, customer_id=customer.id, name="Maria", role="CFO", phone="+1 1",
                      email="m@g.com", birth_month=3, birth_day=3, created_at=T0)
    deal = Deal(team_id=team.id, customer_id=customer.id, stage="proposal", amount_minor=4_200_000, currency="USD",
                probability=40, expected_close=date(2026, 12, 31), owner_id=None, created_at=T0, updated_at=T0)
    follow = FollowUp(team_id=team.id, customer_id=customer.id, member_id=anna.id, due=date(2026, 11, 27),
                      what="send the quote", created_at=T0)
    inquiry = Inquiry(team_id=team.id, number=1, customer_id=customer.id, member_id=anna.id, kind="complaint",
                      text="late delivery", opened_at=T0)
    session.add_all([contact, deal, follow, inquiry])
    session.flush()
    return {"team": team, "anna": anna, "boris": boris, "customer": customer, "contact": contact, "deal": deal,
            "followup": follow, "inquiry": inquiry}


def _note(session: Session, world: dict[str, Any], member: str = "anna", at: datetime = T0) -> tuple[Journal, Note]:
    journal = Journal(session, world["team"].id, world[member].id)
    note_id = journal.open_note("console", None, "a note", at, world["customer"].id)
    return journal, _got(session, note_id)


def _got(session: Session, note_id: int | None) -> Note:
    """The stored note of that id (the test made it: a missing one fails here, not later)."""
    note = session.get(Note, note_id)
    assert note is not None
    return note


def test_every_kind_of_column_comes_back_exactly(engine):
    with Session(engine) as session:
        world = _world(session)
        session.commit()
        found = business(engine)
        later = T0 + timedelta(days=3, microseconds=7)
        with clock.using(lambda: later):
            journal, note = _note(session, world, at=later)
            journal.change(world["deal"], stage="won", amount_minor=5_500_000, currency="EUR",
                           owner_id=world["anna"].id, expected_close=date(2027, 1, 15), closed_at=later,
                           updated_at=later, probability=100)
            journal.change(world["contact"], name="Maria Lopez", role="CEO", phone="+1 2", email="ml@g.com",
                           birth_month=12, birth_day=31)
            journal.change(world["customer"], custom={"touch_days": 14, "tags": ["a", "b"]}, segment="retail")
            journal.update(FollowUp, world["followup"].id, due=date(2026, 12, 1), what="call Maria")
            journal.change(world["inquiry"], status="resolved", resolved_at=later, resolved_by=world["boris"].id)
            session.commit()
        assert difference(found, business(engine)) != []
        note = session.get(Note, note.id)
        outcome = revert(session, note, later)
        session.commit()
        assert outcome.done and outcome.writes == 5
        assert difference(found, business(engine)) == []


def test_a_removed_row_comes_back_under_its_id_and_a_created_one_goes(engine):
    with Session(engine) as session:
        world = _world(session)
        session.commit()
        found = business(engine)
        journal, note = _note(session, world)
        journal.delete(world["followup"])
        journal.insert(FollowUp, team_id=world["team"].id, customer_id=world["customer"].id,
                       member_id=world["anna"].id, note_id=note.id, due=date(2026, 12, 2), what="call on Tuesday",
                       done_at=None, created_at=T0)
        session.commit()
        assert [f["what"] for f in business(engine)["followup"]] == ["call on Tuesday"]
        assert revert(session, _got(session, note.id)).done
        session.commit()
        assert difference(found, business(engine)) == []


def test_a_row_changed_by_someone_else_since_stops_the_whole_undo(engine):
    with Session(engine) as session:
        world = _world(session)
        session.commit()
        journal, mine = _note(session, world)
        journal.change(world["deal"], stage="negotiation", updated_at=T0 + timedelta(hours=1))
        journal.change(world["contact"], role="CEO")
        session.commit()
        other, theirs = _note(session, world, "boris")
        other.change(world["contact"], role="COO")
        session.commit()
        kept = business(engine)
        outcome = revert(session, _got(session, mine.id))
        session.commit()
        assert outcome.blocker is not None and outcome.writes == 0
        blocker = outcome.blocker
        assert (blocker.reason, blocker.table, blocker.label) == (Reason.CHANGED, "contact", "Maria")
        assert outcome.blocker.by_member == "Boris" and outcome.blocker.by_text == "a note"
        assert difference(kept, business(engine)) == []
        assert _got(session, mine.id).undone_at is None
        assert revert(session, _got(session, theirs.id)).done
        assert revert(session, _got(session, mine.id)).done
        session.commit()
        deal = session.get(Deal, world["deal"].id)
        assert deal is not None and deal.stage == "proposal"


def test_a_row_removed_since_is_named_as_erased(engine):
    with Session(engine) as session:
        world = _world(session)
        session.commit()
        first, _ = _note(session, world)
        made = first.insert(FollowUp, team_id=world["team"].id, customer_id=world["customer"].id,
                            member_id=world["anna"].id, note_id=None, due=date(2026, 12, 2), what="send the quote",
                            done_at=None, created_at=T0)
        session.commit()
        journal, mine = _note(session, world)
        journal.update(FollowUp, made, due=date(2026, 12, 4))
        session.commit()
        session.delete(session.get(FollowUp, made))
        session.commit()
        outcome = revert(session, _got(session, mine.id))
        assert outcome.blocker is not None
        assert (outcome.blocker.reason, outcome.blocker.label) == (Reason.ERASED, "send the quote")


def test_the_chat_focus_goes_back_only_where_nothing_moved_it(engine):
    with Session(engine) as session:
        world = _world(session)
        other = Customer(team_id=world["team"].id, name="Initech", name_key="initech", created_at=T0)
        session.add(other)
        state = ChatState(member_id=world["anna"].id, team_id=world["team"].id, customer_id=world["customer"].id,
                          customer_at=T0, contact_id=world["contact"].id)
        session.add(state)
        session.commit()
        journal, mine = _note(session, world)
        journal.change(state, customer_id=other.id, customer_at=T0 + timedelta(minutes=5), contact_id=None)
        session.commit()
        state.contact_id = world["contact"].id  # a later message moved part of it
        session.commit()
        assert revert(session, _got(session, mine.id)).done
        session.commit()
        state = session.execute(select(ChatState)).scalars().one()
        assert (state.customer_id, state.customer_at, state.contact_id) == (world["customer"].id, T0,
                                                                             world["contact"].id)
