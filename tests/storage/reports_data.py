"""A small hand-made store for the report tests: team "t1" (USD, Europe/London), reps Ann and Bob,
a manager Max, and a foreign team whose rows must never show."""
from __future__ import annotations

from datetime import date, datetime, timezone

from storage.customers import name_key
from storage.engine import session
from storage.models import (Customer, Deal, FollowUp, Interaction, Member, StageChange, Team)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


class Data:
    def __init__(self, engine):
        self.engine = engine
        with session(engine) as s:
            team = Team(name="t1", currency="USD", timezone="Europe/London")
            other = Team(name="t2", currency="USD")
            s.add_all([team, other])
            s.flush()
            self.team, self.other = team.id, other.id
            self.m = {}
            for name, role, tid in (("Ann", "rep", team.id), ("Bob", "rep", team.id), ("Max", "manager", team.id),
                                    ("Zed", "rep", other.id)):
                member = Member(team_id=tid, name=name, role=role)
                s.add(member)
                s.flush()
                self.m[name] = member.id
            s.commit()
        self.c: dict[str, int] = {}

    def customer(self, name, source=None, created=utc(2026, 1, 5), by="Ann", team=None):
        with session(self.engine) as s:
            row = Customer(team_id=team or self.team, name=name, name_key=name_key(name), source=source,
                           created_at=created, created_by=self.m[by], owner_id=self.m[by])
            s.add(row)
            s.commit()
            self.c[name] = row.id
            return row.id

    def deal(self, customer, stage, amount, currency="USD", created=utc(2026, 11, 2), history=(), closed=None,
             close=None, owner="Ann", lost_reason=None, updated=None, probability=None, team=None):
        """`history`: [(to_stage, at)] after the creation at `created` in stage history[0] or `stage`."""
        with session(self.engine) as s:
            first = history[0][0] if history else stage
            row = Deal(team_id=team or self.team, customer_id=self.c[customer], stage=stage,
                       amount_minor=None if amount is None else round(amount * 100), currency=currency,
                       expected_close=close, owner_id=self.m[owner], lost_reason=lost_reason, created_at=created,
                       updated_at=updated or created, closed_at=closed, probability=probability)
            s.add(row)
            s.flush()
            s.add(StageChange(team_id=row.team_id, deal_id=row.id, from_stage=None, to_stage=first, at=created,
                              member_id=self.m[owner]))
            previous = first
            for to_stage, at in history[1:]:
                s.add(StageChange(team_id=row.team_id, deal_id=row.id, from_stage=previous, to_stage=to_stage,
                                  at=at, member_id=self.m[owner]))
                previous = to_stage
            s.commit()
            return row.id

    def touch(self, customer, who, channel, at, team=None):
        with session(self.engine) as s:
            s.add(Interaction(team_id=team or self.team, customer_id=self.c[customer], member_id=self.m[who],
                              channel=channel, text="x", at=at))
            s.commit()

    def followup(self, customer, who, due: date, done=None):
        with session(self.engine) as s:
            s.add(FollowUp(team_id=self.team, customer_id=self.c[customer], member_id=self.m[who], due=due,
                           what="call back", done_at=done))
            s.commit()
