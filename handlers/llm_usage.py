"""Tokens per member and per day, and the team's daily budget (CRM_LLM_DAILY_TOKENS).

A `Meter` is bound to one message's store session (same transaction as the note, so
SQLite never waits on itself): `allowed()` sums the team's tokens of the local day in
SQL, `record()` adds a call's tokens to the (team, member, day, kind) row, and
`notice_once()` is true only the first time a member meets the spent budget that day.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from handlers.texts import t
from storage import clock
from storage.models import LlmUsage, Member

NOTICE_KIND = "budget_notice"


@dataclass
class Meter:
    """The token ledger of one member on one local day, within the team's daily budget."""

    session: Session
    team_id: int
    member_id: int
    day: date
    daily_tokens: int = 0          # 0: no limit
    notice: str | None = None      # set once when the budget stops the LLM; the reply should show it

    def spent_today(self) -> int:
        """The team's tokens of the day (one SQL sum)."""
        total = self.session.execute(
            select(func.coalesce(func.sum(col(LlmUsage.prompt_tokens) + col(LlmUsage.completion_tokens)), 0))
            .where(col(LlmUsage.team_id) == self.team_id, col(LlmUsage.day) == self.day)).scalar_one()
        return int(total or 0)

    def allowed(self) -> bool:
        """True while the team has tokens left today."""
        return self.daily_tokens <= 0 or self.spent_today() < self.daily_tokens

    def _row(self, kind: str) -> LlmUsage | None:
        return self.session.execute(select(LlmUsage).where(
            col(LlmUsage.team_id) == self.team_id, col(LlmUsage.member_id) == self.member_id,
            col(LlmUsage.day) == self.day, col(LlmUsage.kind) == kind)).scalar_one_or_none()

    def record(self, kind: str, prompt_tokens: int, completion_tokens: int, calls: int = 1) -> None:
        """Add one call's tokens to today's row of that kind."""
        for _ in range(2):  # a concurrent first insert of the same row: read it and add
            row = self._row(kind)
            try:
                with self.session.begin_nested():
                    if row is None:
                        row = LlmUsage(team_id=self.team_id, member_id=self.member_id, day=self.day, kind=kind)
                    row.calls = (row.calls or 0) + calls
                    row.prompt_tokens = (row.prompt_tokens or 0) + max(0, int(prompt_tokens))
                    row.completion_tokens = (row.completion_tokens or 0) + max(0, int(completion_tokens))
                    row.updated_at = clock.now()
                    self.session.add(row)
                    self.session.flush()
                return
            except IntegrityError:
                continue

    def record_usage(self, usage: Any) -> None:
        """`record` from an `llm.Usage`."""
        if usage is not None:
            self.record(usage.kind, usage.prompt_tokens, usage.completion_tokens)

    def notice_once(self, lang: str) -> str | None:
        """The "budget spent" sentence the first time this member meets it today, else None."""
        if self._row(NOTICE_KIND) is not None:
            return None
        self.record(NOTICE_KIND, 0, 0)
        self.notice = t(lang, "llm.budget_spent")
        return self.notice


def meter_for(ctx: Any, daily_tokens: int) -> Meter:
    """The meter of the message in `ctx` (its session, team, member, local day)."""
    return Meter(ctx.session, ctx.team.id, ctx.member.id, ctx.today, daily_tokens)


def usage_rows(session: Session, team_id: int, start: date, end: date) -> list[dict[str, Any]]:
    """Tokens per member and day between `start` and `end` (both included), aggregated in SQL."""
    query = (select(col(LlmUsage.day), col(Member.name), func.sum(col(LlmUsage.calls)),
                    func.sum(col(LlmUsage.prompt_tokens)), func.sum(col(LlmUsage.completion_tokens)))
             .join(Member, col(Member.id) == col(LlmUsage.member_id))
             .where(col(LlmUsage.team_id) == team_id, col(LlmUsage.day) >= start, col(LlmUsage.day) <= end,
                    col(LlmUsage.kind) != NOTICE_KIND)
             .group_by(col(LlmUsage.day), col(Member.id), col(Member.name))
             .order_by(col(LlmUsage.day), col(Member.name), col(Member.id)))
    return [{"day": day.isoformat(), "member": name, "calls": int(calls or 0), "prompt_tokens": int(p or 0),
             "completion_tokens": int(c or 0), "total_tokens": int((p or 0) + (c or 0))}
            for day, name, calls, p, c in session.execute(query)]
