"""A customer's audit trail, and forgetting a customer: nothing personal left in any table."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import inspect, select
from sqlmodel import Session, SQLModel

import storage.models  # noqa: F401
from bot.incoming import Incoming
from bot.pipeline import Bot
from bot.settings import Settings
from storage.audit import history
from storage.models import (AuditLog, ChatState, Contact, Customer, CustomerAlias, Deal, FollowUp, Inbox,
                            Interaction, Member, Note, NudgeLedger)
from storage.privacy import ERASED, ForgetError, erased_name, find_customer, forget
from storage.reports import pipeline

NOTE = ("Visited Globex Corporation, met Maria Lopez (CFO), phone +44 7700 900123, maria.lopez@globex.example, "
        "she loves sailing. Sent the quote for $42k, follow up Friday")
SECRETS = ["Globex", "Maria", "Lopez", "7700 900123", "maria.lopez@globex.example", "sailing"]
WHEN = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)


def incoming(message_id: str, text: str, user: str = "anna") -> Incoming:
    return Incoming(platform="telegram", account_id=user, chat_id=user, message_id=message_id, text=text,
                    sent_at=WHEN, display_name="Anna")


@pytest.fixture
def crm(database_url, engine, tmp_path) -> Bot:
    settings = Settings(DATABASE_URL=database_url, CRM_TIMEZONE="Europe/London",
                        CRM_SPOOL_PATH=str(tmp_path / "spool.jsonl"))
    return Bot(settings, engine, clock=lambda: WHEN)


async def _fill(crm: Bot, engine) -> dict[str, int]:
    """A team that knows Globex (and Initech) the way chat writes them, plus what the edges keep."""
    from storage.members import add_user, get_team

    with Session(engine) as s:
        team = get_team(s, "default", "Europe/London")
        add_user(s, team, "telegram", "anna", "Anna", "admin")
        s.commit()
    for i, text in enumerate([NOTE, "Maria Lopez's birthday is March 3", "Called Initech, no answer",
                              "Called Initech again: they buy from Globex Corporation too"], 1):
        message = incoming(f"m{i}", text)
        assert await crm.accept(message)
        await crm.handle(message)
    with Session(engine) as s:
        team_id = s.execute(select(Member.team_id)).scalar_one()
        member_id = s.execute(select(Member.id)).scalar_one()
        globex = s.execute(select(Customer).where(Customer.name.like("Globex%"))).scalars().one()
        contact = s.execute(select(Contact).where(Contact.customer_id == globex.id)).scalars().first()
        assert contact is not None and "Maria" in contact.name
        contact.phone = contact.phone or "+44 7700 900123"
        contact.email = contact.email or "maria.lopez@globex.example"
        s.add(contact)
        s.add(CustomerAlias(team_id=team_id, customer_id=globex.id, alias="Globex Corp", alias_key="globex corp"))
        followup = s.execute(select(FollowUp).where(FollowUp.customer_id == globex.id)).scalars().first()
        deal = s.execute(select(Deal).where(Deal.customer_id == globex.id)).scalars().one()
        subjects = [f"contact:{contact.id}", f"deal:{deal.id}"] + ([f"followup:{followup.id}"] if followup else [])
        for subject in subjects:
            s.add(NudgeLedger(team_id=team_id, member_id=member_id, kind="x", subject=subject,
                              local_day=date(2026, 11, 27), status="pending"))
        s.add(NudgeLedger(team_id=team_id, member_id=member_id, kind="x", subject=f"deal:{deal.id}",
                          local_day=date(2026, 11, 20), status="sent"))
        state = s.get(ChatState, member_id) or ChatState(member_id=member_id, team_id=team_id)
        state.customer_id, state.customer_at, state.contact_id = globex.id, WHEN, contact.id
        state.pending = {"kind": "pick", "text": "met Maria Lopez again", "options": [globex.id]}
        state.listed = [globex.id]
        s.add(state)
        s.commit()
        return {"team": team_id, "customer": globex.id, "deal": deal.id, "member": member_id}


def _dump(engine) -> str:
    """Every table's every row as text (JSON values both as stored and decoded)."""
    parts: list[str] = []
    with engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
        for table in SQLModel.metadata.sorted_tables:
            if table.name not in present:
                continue
            for row in connection.execute(table.select()):
                parts.append(f"{table.name}: " + json.dumps([str(v) for v in row], ensure_ascii=False))
                parts.append(json.dumps(list(row), ensure_ascii=False, default=str))
    return "\n".join(parts).lower()


async def test_audit_lists_every_change_about_the_customer(crm, engine):
    ids = await _fill(crm, engine)
    with Session(engine) as s:
        entries = history(s, ids["team"], ids["customer"])
    tables = {e["table"] for e in entries}
    assert {"customer", "contact", "deal", "interaction"} <= tables
    first = entries[0]
    assert first["who"] == "Anna" and first["note_id"] is not None and first["message_id"] == "m1"
    assert first["platform"] == "telegram" and "Globex" in (first["note_text"] or "")
    birthday = [e for e in entries if e["table"] == "contact" and e["action"] == "update"]
    assert birthday and birthday[0]["after"] == {"birth_month": 3, "birth_day": 3}
    assert all(e["at"] for e in entries) and [e["id"] for e in entries] == sorted(e["id"] for e in entries)
    # Initech's own changes are not Globex's
    with Session(engine) as s:
        initech = find_customer(s, ids["team"], "Initech")
        other = history(s, ids["team"], initech.id)
    assert {e["id"] for e in other}.isdisjoint(e["id"] for e in entries if e["table"] == "customer")


async def test_forget_leaves_nothing_personal_in_any_table(crm, engine):
    ids = await _fill(crm, engine)
    before = _dump(engine)
    for secret in SECRETS:
        assert secret.lower() in before, secret  # the test would prove nothing otherwise
    with Session(engine) as s:
        report_before = pipeline(s, ids["team"], date(2026, 11, 1), date(2026, 11, 30))
        counts = forget(s, ids["team"], ids["customer"], ids["member"])
        s.commit()
    assert counts["contacts"] == 1 and counts["notes"] >= 2 and counts["nudges"] == 3
    after = _dump(engine)
    for secret in SECRETS:
        assert secret.lower() not in after, (secret, [line for line in after.splitlines()
                                                      if secret.lower() in line][:3])
    with Session(engine) as s:
        customer = s.get(Customer, ids["customer"])
        assert customer.name == erased_name(ids["customer"])
        contact = s.execute(select(Contact).where(Contact.customer_id == ids["customer"])).scalars().one()
        assert (contact.name, contact.phone, contact.email, contact.birth_month) == (ERASED, None, None, None)
        assert s.execute(select(CustomerAlias).where(CustomerAlias.customer_id == ids["customer"])).first() is None
        # deals stay for reports, anonymised
        deal = s.get(Deal, ids["deal"])
        assert deal.amount_minor == 4200000 and deal.stage == "proposal" and deal.customer_id == ids["customer"]
        assert pipeline(s, ids["team"], date(2026, 11, 1), date(2026, 11, 30)) == report_before
        # no reminder left pending about it; what was sent stays as a record (ids only)
        ledger = s.execute(select(NudgeLedger.status)).scalars().all()
        assert ledger == ["sent"]
        assert all(f.done_at is not None for f in s.execute(select(FollowUp).where(
            FollowUp.customer_id == ids["customer"])).scalars())
        state = s.get(ChatState, ids["member"])
        assert state.customer_id is None and state.contact_id is None and state.pending is None
        assert not state.listed
        # Initech stays Initech; its note only lost the words about Globex
        initech = find_customer(s, ids["team"], "Initech")
        assert any(ERASED in (i.text or "") for i in s.execute(select(Interaction).where(
            Interaction.customer_id == initech.id)).scalars())
        # the inbox keeps its keys (so a redelivery is still recognised) but not the words
        rows = s.execute(select(Inbox).where(Inbox.update_key == "anna:m1")).scalars().all()
        assert rows and all(r.processed_at is not None for r in rows)
        # it is on record that it happened, by whom, without names
        record = s.execute(select(AuditLog).where(AuditLog.action == "forget")).scalars().one()
        assert record.row_id == ids["customer"] and record.member_id == ids["member"]
        assert "globex" not in json.dumps(record.after).lower()
        entries = history(s, ids["team"], ids["customer"])
        assert entries[-1]["action"] == "forget"
        notes = s.execute(select(Note.text)).scalars().all()
        assert all("sailing" not in n for n in notes)
    assert not await crm.accept(incoming("m1", NOTE))  # a redelivery of a forgotten message is still refused


async def test_forget_a_customer_twice_or_unknown(crm, engine):
    ids = await _fill(crm, engine)
    with Session(engine) as s:
        with pytest.raises(ForgetError):
            find_customer(s, ids["team"], "Nobody Ltd")
        forget(s, ids["team"], ids["customer"])
        s.commit()
        assert find_customer(s, ids["team"], f"#{ids['customer']}").id == ids["customer"]
        forget(s, ids["team"], ids["customer"])  # again: harmless
        s.commit()
        with pytest.raises(ForgetError):
            forget(s, ids["team"] + 1, ids["customer"])  # another team's customer is not ours to touch


async def test_a_running_bot_forgets_an_erased_customers_name_at_once(crm, engine):
    ids = await _fill(crm, engine)
    with Session(engine) as s:
        names, aliases = crm.conversation.known(s, ids["team"])
        assert "Globex Corporation" in names and "Globex Corp" in aliases  # cached by the bot
        forget(s, ids["team"], ids["customer"], ids["member"])
        s.commit()
    with Session(engine) as s:  # the next message finds the cache out of date, not the old name
        names, aliases = crm.conversation.known(s, ids["team"])
    assert not any("Globex" in name for name in list(names) + list(aliases) + list(aliases.values()))
