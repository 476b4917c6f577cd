"""Recovery: how long after PostgreSQL returns from an outage until every queued note is applied.

    .venv/bin/python bench/recovery.py --database-url postgresql://… [--outage 30] [--notes 200]

One real `crmbot run` process (polling the fake Telegram of the tests) reaches the store through a
loopback TCP proxy (the one of tests/bot/test_store_outage_process.py). The proxy is cut for
`--outage` seconds while reps send `--notes` notes spread over the outage: each rep is told the note
is queued, and the process keeps it in its local spool. When the proxy is back, the spool drainer
(every 5 s) applies them. Measured from the moment the store is reachable again: until every note
is applied (in the store, each exactly once), and until every rep has the confirmation (replies go
through `crmbot run`'s Telegram flood limiter, ~30 messages/s). The run gets a team, accounts and
message ids of its own (nothing is deleted). Prints a markdown row.
"""
from __future__ import annotations

import argparse
import asyncio
import html
import itertools
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
# bench/telegram.py is named like the `telegram` package: keep bench/ off the import path
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

from sqlalchemy import func, select  # noqa: E402
from sqlmodel import Session  # noqa: E402

from storage.customers import name_key  # noqa: E402
from storage.engine import get_engine  # noqa: E402
from storage.members import add_user, get_team  # noqa: E402
from storage.models import ChatState, Customer, Interaction, Note  # noqa: E402
from tests.bot.test_run_process import TOKEN, ZONE, BotProcess  # noqa: E402
from tests.bot.test_store_outage_process import QUEUED, StoreProxy  # noqa: E402
from tests.fakes.telegram_server import FakeTelegram  # noqa: E402

REPS = 10


class TeamProcess(BotProcess):
    """`crmbot run` for this run's team."""

    team = "default"

    def environment(self) -> dict[str, str]:
        env = super().environment()
        env.update(CRM_TEAM=self.team, CRM_LOG_FORMAT="text", CRM_LLM="off")
        return env


def seed(engine, team_name: str, reps: list[int], firms: list[str]) -> int:
    with Session(engine) as session:
        team = get_team(session, team_name, ZONE)
        members = [add_user(session, team, "telegram", str(rep), f"Rep {rep}") for rep in reps]
        session.flush()
        session.add_all(ChatState(member_id=m.id, team_id=team.id) for m in members)
        session.add_all(Customer(team_id=team.id, name=f, name_key=name_key(f)) for f in firms)
        session.commit()
        assert team.id is not None
        return team.id


def applied(engine, team_id: int) -> int:
    with Session(engine) as session:
        return session.execute(select(func.count()).select_from(Interaction)
                               .where(Interaction.team_id == team_id)).scalar_one()


def doubled(engine, team_id: int) -> int:
    """Messages that made more than one note (must be 0)."""
    with Session(engine) as session:
        rows = session.execute(select(Note.message_id, func.count()).where(Note.team_id == team_id)
                               .group_by(Note.message_id).having(func.count() > 1)).all()
    return len(rows)


async def wait(predicate, timeout: float, what: str, bot: BotProcess) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if bot.proc is not None and bot.proc.poll() is not None:
            raise RuntimeError(f"crmbot run died waiting for {what}:\n{bot.output()}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out after {timeout:.0f} s waiting for {what}:\n{bot.output()}")
        await asyncio.sleep(0.05)


async def run(url: str, outage: float, notes: int, workdir: Path) -> dict[str, float]:
    run_id = int(time.time() * 1000) % 10**9
    base = 2 * 10**9 + run_id * 100
    reps = [base + i for i in range(REPS)]
    firms = [f"Recovery Firm {run_id}-{i}" for i in range(notes + REPS)]
    engine = get_engine(url)
    TeamProcess.team = f"recovery-{run_id}"
    team_id = seed(engine, TeamProcess.team, reps, firms)
    server = FakeTelegram(token=TOKEN)
    server._message_ids = itertools.count(base * 10)  # unique in a store shared across runs
    await server.start()
    proxy = StoreProxy.to(url).start()
    bot = TeamProcess(server, proxy.url(url), workdir, 1)
    shown = lambda call: html.unescape(call.text)  # noqa: E731
    try:
        await bot.start()
        for i, rep in enumerate(reps):  # warm up with the store there
            server.push_text(rep, f"Called {firms[notes + i]}, quick check-in", name=f"Rep {rep}")
        await wait(lambda: applied(engine, team_id) >= REPS, 60, "the warm-up notes", bot)

        proxy.cut()
        cut_at = time.monotonic()
        spread = max(1.0, outage - 5.0)
        for i in range(notes):  # spread over the outage, all sent before the store returns
            rep = reps[i % REPS]
            server.push_text(rep, f"Visited {firms[i]}, quick check-in", name=f"Rep {rep}")
            await asyncio.sleep(spread / notes)
        await wait(lambda: sum(QUEUED in shown(c) for c in server.sent()) >= notes, outage + 30,
                   "the queued replies", bot)
        await asyncio.sleep(max(0.0, outage - (time.monotonic() - cut_at)))
        before = applied(engine, team_id)
        proxy.restore()
        back = time.monotonic()
        await wait(lambda: applied(engine, team_id) >= notes + REPS, 120, "every queued note applied", bot)
        applied_after = time.monotonic() - back
        await wait(lambda: sum(any(f"Recorded for {f}:" in shown(c) for c in server.sent())
                               for f in firms[:notes]) >= notes, 120, "every confirmation", bot)
        confirmed_after = time.monotonic() - back
        await asyncio.sleep(1.0)
        total = applied(engine, team_id)
        await bot.stop()
    finally:
        bot.kill()
        proxy.stop()
        await server.stop()
    queued = Counter(QUEUED in shown(c) for c in server.sent())[True]
    return {"outage": back - cut_at, "notes": notes, "queued": queued, "applied_during": before - REPS,
            "applied_after": applied_after, "confirmed_after": confirmed_after,
            "total": total - REPS, "doubled": doubled(engine, team_id)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database-url", required=True, help="postgresql://… (the proxy stands before it)")
    ap.add_argument("--outage", type=float, default=30.0, help="seconds the store is away")
    ap.add_argument("--notes", type=int, default=200, help="notes sent while it is away")
    args = ap.parse_args()
    if not args.database_url.startswith(("postgresql", "postgres")):
        ap.error("the proxy stands between the bot and PostgreSQL: give a postgresql:// URL")
    if not (1 <= args.outage <= 300 and 1 <= args.notes <= 5000):
        ap.error("keep it bounded: an outage of 1–300 s, 1–5000 notes")
    with tempfile.TemporaryDirectory() as tmp:
        r = asyncio.run(run(args.database_url, args.outage, args.notes, Path(tmp)))
    ok = r["total"] == r["notes"] and r["doubled"] == 0 and r["applied_during"] == 0
    print("| outage | notes queued | every note applied after the store returned | every rep confirmed after "
          "| applied once each |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| {r['outage']:.0f} s | {r['queued']} of {r['notes']} | {r['applied_after']:.1f} s "
          f"| {r['confirmed_after']:.1f} s | {'yes' if ok else 'NO'} ({r['total']} applied, {r['doubled']} doubled) |")


if __name__ == "__main__":
    main()
