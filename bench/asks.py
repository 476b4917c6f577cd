#!/usr/bin/env python3
"""How often the bot asks instead of recording, and whether a note ever lands on a customer it
does not name: the blind corpus's messages sent in order through the console chat.

    python bench/asks.py                                  # eval/corpus/*.tune.jsonl
    python bench/asks.py eval/corpus/ru-b1.tune.jsonl -v  # one file, every ask and miss listed

Each corpus file is one rep's chat on a fresh SQLite store; before each message the team holds
that message's known customers. A message labelled a note counts as
- recorded under the customer it names (or, naming none, under the one the bot took), or
- asked: the bot asked which customer, kept the note, and the answer (the labelled customer's
  name, typed) recorded it, or
- wrong: recorded under a customer that existed before and that the note does not name, or
- not recorded (taken for a question, or refused).
A message about several customers in turn writes one note per customer (each clause opens with its
customer's name); it is recorded under the labelled customer when one of its notes is.
A message labelled a question (any other intent) that writes is counted apart. A new customer
whose name is cut differently from the label is counted apart too (name boundaries).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402
from sqlmodel import Session, col  # noqa: E402

from bot.adapters.console import Console  # noqa: E402
from bot.pipeline import Bot  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage import clock as store_clock  # noqa: E402
from storage.customers import name_key  # noqa: E402
from storage.engine import get_engine  # noqa: E402
from storage.members import get_team  # noqa: E402
from storage.models import ChatState, Customer, Note  # noqa: E402


TRACE = set(__import__("os").environ.get("ASKS_TRACE", "").split(","))


def _names(expected) -> list[str]:
    if expected is None:
        return []
    return [expected] if isinstance(expected, str) else [e for e in expected if e]


def _same(a: str, b: str) -> bool:
    return name_key(a) == name_key(b) or a.strip().lower() == b.strip().lower()


async def run_file(path: Path, verbose: bool) -> Counter:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tally: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/crm.db"
        settings = Settings(DATABASE_URL=url, CRM_TIMEZONE=lines[0]["tz"], CRM_SPOOL_PATH=f"{tmp}/spool.jsonl")
        engine = get_engine(url)  # migrated
        bot = Bot(settings, engine)
        chat = Console(bot, user="rep", name="Rep")
        for item in lines:
            now = datetime.fromisoformat(item["now"]).replace(tzinfo=ZoneInfo(item["tz"]))
            with store_clock.using(lambda now=now: now):
                with Session(engine) as s:
                    team = get_team(s, "default")
                    rows = s.execute(select(Customer).where(Customer.team_id == team.id)).scalars()
                    have = {c.name_key for c in rows}
                    for name in item["known"]:
                        if name_key(name) not in have:
                            s.add(Customer(team_id=team.id, name=name, name_key=name_key(name)))
                            have.add(name_key(name))
                    s.commit()
                    before = {c.id for c in s.execute(select(Customer)).scalars()}
                    last_note = s.execute(select(Note.id).order_by(col(Note.id).desc()).limit(1)).scalars().first() or 0
                expect = item["expect"]
                reply = await chat.say(item["text"], now=now)
                outcome, filed = _outcome(engine, reply, last_note)
                if outcome == "ask":
                    names = _names(expect.get("customer"))
                    answer = names[0] if names else "cancel"
                    reply2 = await chat.say(answer, now=now)
                    outcome2, filed = _outcome(engine, reply2, last_note)
                    outcome = "ask" if outcome2 == "wrote" else "ask_lost" if names else "ask_cancelled"
                elif outcome == "wrote":
                    outcome = "recorded"
                kind = "note" if expect.get("intent") == "log" else "question"
                verdict = outcome
                if kind == "question":
                    verdict = "question_wrote" if outcome in ("recorded", "ask") else "question_ok"
                elif filed is not None and outcome in ("recorded", "ask"):
                    names = _names(expect.get("customer"))
                    filed = next((f for f in _all_filed(engine, last_note)
                                  if any(_same(f[1], n) for n in names)), filed)
                    if names and not any(_same(filed[1], n) for n in names):
                        verdict = "wrong" if filed[0] in before else "boundary"
                tally[f"{kind}"] += 1
                tally[f"{kind}:{verdict}"] += 1
                if TRACE and item["id"] in TRACE:
                    print(item["id"], "→", reply.text[:300].replace("\n", " | "))
                if verbose and verdict not in ("recorded", "question_ok"):
                    print(f"{item['id']:<12} {verdict:<14} filed={filed[1] if filed else None!s:<28} "
                          f"expect={expect.get('customer')!s:<28} {item['text'][:90]!r}")
        engine.dispose()
    return tally


def _all_filed(engine, last_note: int) -> list[tuple[int, str]]:
    """The customers of every note written after `last_note` and not undone."""
    with Session(engine) as s:
        notes = s.execute(select(Note).where(col(Note.id) > last_note, col(Note.undone_at).is_(None))).scalars().all()
        customers = [s.get(Customer, n.customer_id) for n in notes if n.customer_id]
        return [(c.id, c.name) for c in customers if c is not None]


def _outcome(engine, reply, last_note: int) -> tuple[str, tuple[int, str] | None]:
    with Session(engine) as s:
        note = s.execute(select(Note).where(col(Note.id) > last_note, col(Note.undone_at).is_(None))
                      .order_by(col(Note.id).desc()).limit(1)).scalars().first()
        pending = any(st.pending for st in s.execute(select(ChatState)).scalars())
        if note is not None:
            customer = s.get(Customer, note.customer_id) if note.customer_id else None
            return "wrote", (customer.id, customer.name) if customer else None
    return ("ask" if pending else "not_recorded"), None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "eval" / "corpus").glob("*.tune.jsonl"))
    total: Counter = Counter()
    for path in files:
        tally = asyncio.run(run_file(path, args.verbose))
        total.update(tally)
        _print(path.name, tally)
    _print("all", total)


def _print(name: str, tally: Counter) -> None:
    notes = tally["note"] or 1
    asked = tally["note:ask"] + tally["note:ask_lost"] + tally["note:ask_cancelled"]
    print(f"{name:<22} notes {tally['note']:>4}  asked {asked:>3} ({100 * asked / notes:4.1f}%)  "
          f"wrong customer {tally['note:wrong']:>3}  name cut otherwise {tally['note:boundary']:>3}  "
          f"not recorded {tally['note:not_recorded']:>3}  ask answered but lost {tally['note:ask_lost']:>2}  "
          f"questions {tally['question']:>4} written {tally['question:question_wrote']:>3}")


if __name__ == "__main__":
    main()
