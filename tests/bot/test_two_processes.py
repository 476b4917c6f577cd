"""Two `crmbot run` processes on one PostgreSQL store, both behind a Telegram webhook.

What a deployment with a load balancer does to the bot: each update reaches one of the two
processes, and Telegram's redeliveries (it did not get a 200 in time) may reach the other one,
sometimes while the first is still handling it. Every note must be applied exactly once and
answered; both schedulers tick, but only one holds the advisory lock, and the nudge ledger keeps a
restarted process from sending anything twice.
"""
from __future__ import annotations

import asyncio
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import AsyncIterator, Callable
from zoneinfo import ZoneInfo

import aiohttp
import pytest
from sqlalchemy import select
from sqlmodel import Session

from storage.customers import name_key
from storage.members import add_user, get_team
from storage.models import ChatState, Customer, FollowUp, Inbox, Interaction, NudgeLedger
from tests.bot.test_run_process import (FIRMS, REPS, ZONE, BotProcess, count, notes_per_message,
                                        server, shown, until)
from tests.conftest import PG_URL
from tests.fakes.telegram_server import FakeTelegram

__all__ = ["server"]  # the fake Bot API fixture, shared with test_run_process
pytestmark = pytest.mark.skipif(not PG_URL, reason="two processes share a store only on PostgreSQL "
                                                   "(set TEST_DATABASE_URL)")
SECRET = "two-nodes-Secret_1"
HOOK_PATH = "telegram/hook"
TEST_SECONDS = 150
# follow-ups due today, one per rep (so none is grouped into a morning digest): customers no note names
NUDGED = ["Quartz Partners", "Willow Brewing", "Saffron Clinics", "Tundra Freight", "Zephyr Optics"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class WebhookProcess(BotProcess):
    """One `crmbot run` in webhook mode: its own webhook and health ports, its own spool."""

    def __init__(self, server: FakeTelegram, database_url: str, workdir: Path, number: int):
        super().__init__(server, database_url, workdir, number)
        self.number = number
        self.webhook_port, self.health_port = free_port(), free_port()

    @property
    def hook(self) -> str:
        return f"http://127.0.0.1:{self.webhook_port}/{HOOK_PATH}"

    def environment(self) -> dict[str, str]:
        env = super().environment()
        env.update(TELEGRAM_WEBHOOK_URL=self.hook, TELEGRAM_WEBHOOK_SECRET=SECRET,
                   TELEGRAM_WEBHOOK_PORT=str(self.webhook_port), CRM_HEALTH_PORT=str(self.health_port),
                   CRM_SPOOL_PATH=str(self.workdir / f"spool-{self.number}.jsonl"),
                   # nudges may go out at any hour the test runs: digest hour at midnight, no quiet hours
                   CRM_DIGEST_TIME="00:00", CRM_QUIET_HOURS="00:00-00:00")
        return env

    async def start(self, timeout: float = 40.0) -> None:
        """Start it and wait until /healthz answers 200 (adapter up, replay done, scheduler started)."""
        with open(self.log, "wb") as out:  # cwd is empty: no .env of the developer's leaks in
            self.proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=self.workdir,
                                         env=self.environment(), stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as http:
            while True:
                if self.proc.poll() is not None:
                    raise AssertionError(f"crmbot run exited with {self.proc.returncode}:\n{self.output()}")
                try:
                    async with http.get(f"http://127.0.0.1:{self.health_port}/healthz") as response:
                        if response.status == 200:
                            return
                except (aiohttp.ClientError, asyncio.TimeoutError):
                    pass
                if time.monotonic() > deadline:
                    raise AssertionError(f"crmbot run was not healthy within {timeout}s:\n{self.output()}")
                await asyncio.sleep(0.1)

    async def post(self, http: aiohttp.ClientSession, update: dict, secret: str = SECRET) -> int:
        """Deliver `update` as Telegram would; the HTTP status the process answered."""
        async with http.post(self.hook, json=update,
                             headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as response:
            return response.status


@pytest.fixture
async def nodes(server, database_url, tmp_path) -> AsyncIterator[Callable[[], WebhookProcess]]:
    """Make (not start) webhook processes; every one of them is killed after the test."""
    made: list[WebhookProcess] = []

    def make() -> WebhookProcess:
        made.append(WebhookProcess(server, database_url, tmp_path, len(made) + 1))
        return made[-1]
    try:
        yield make
    finally:
        for process in made:
            process.kill()


def seed_team(engine, reps: list[int] = REPS, talked_before: bool = True) -> dict[str, int]:
    """The reps, the customers of the notes, and one follow-up due today per rep; customer → follow-up id.

    `talked_before`: each rep has chatted with the bot before (its chat state row exists)."""
    today = datetime.now(timezone.utc).astimezone(ZoneInfo(ZONE)).date()
    followups = {}
    with Session(engine) as session:
        team = get_team(session, "default", ZONE)
        members = [add_user(session, team, "telegram", str(rep), f"Rep {rep}") for rep in reps]
        for name in FIRMS:
            session.add(Customer(team_id=team.id, name=name, name_key=name_key(name)))
        session.flush()
        if talked_before:
            session.add_all(ChatState(member_id=member.id, team_id=team.id) for member in members)
        for member, name in zip(members, NUDGED):
            customer = Customer(team_id=team.id, name=name, name_key=name_key(name))
            session.add(customer)
            session.flush()
            followup = FollowUp(team_id=team.id, customer_id=customer.id, member_id=member.id, due=today,
                                what="send the renewal offer")
            session.add(followup)
            session.flush()
            followups[name] = followup.id
        session.commit()
    return followups


def nudges_sent(server: FakeTelegram) -> Counter:
    """How many times each follow-up's customer was named in a message the bot sent."""
    return Counter(name for call in server.sent() for name in NUDGED if name in shown(call))


async def test_two_webhook_processes_apply_each_note_once_and_send_each_nudge_once(server, nodes, engine):
    async with asyncio.timeout(TEST_SECONDS):
        followups = seed_team(engine)
        first, second = nodes(), nodes()
        await asyncio.gather(first.start(), second.start())
        both = [first, second]

        # both schedulers ticked at start; one held the lock and sent the nudges
        await until(lambda: len(nudges_sent(server)) == len(NUDGED), 30, "the nudges", first)

        # the traffic: every note to one node at random, a quarter of them to the other as well
        rng = random.Random(7)
        updates, posts = {}, []
        for index, firm in enumerate(FIRMS):
            rep = REPS[index % len(REPS)]
            update_id = 1000 + index
            update = {"update_id": update_id,
                      "message": server.message(rep, f"Called {firm}, quick check-in", name=f"Rep {rep}")}
            updates[firm] = update
            target = rng.choice(both)
            posts.append((rng.random() * 2.0, target, update))
            if rng.random() < 0.25:  # a redelivery reaching the other node, at once or a little later
                other = second if target is first else first
                posts.append((rng.random() * 2.0 + rng.choice([0.0, 1.5]), other, update))
        redelivered = len(posts) - len(FIRMS)
        statuses: list[int] = []

        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as http:
            # a forged request (wrong secret) is refused by both and stores nothing
            forged = {"update_id": 1, "message": server.message(REPS[0], f"Called {FIRMS[0]}, forged")}
            assert await first.post(http, forged, secret="wrong") == 403
            assert await second.post(http, forged, secret="wrong") == 403

            async def deliver(delay: float, node: WebhookProcess, update: dict) -> None:
                await asyncio.sleep(delay)
                statuses.append(await node.post(http, update))
            await asyncio.gather(*(deliver(*post) for post in posts))

        assert statuses == [200] * len(posts)
        await until(lambda: count(engine, Interaction) >= len(FIRMS)
                    and count(engine, Inbox, Inbox.processed_at.is_(None)) == 0, 60, "every note applied", first)
        await until(lambda: all(any(f"Recorded for {firm}:" in shown(c) for c in server.sent()) for firm in FIRMS),
                    30, "every note answered", first)
        for node in both:
            await settled_quietly(server, node)

        # notes: applied exactly once, each on its own customer, each answered (at least once)
        assert count(engine, Interaction) == len(FIRMS)
        message_key = lambda u: f"{u['message']['chat']['id']}:{u['message']['message_id']}"  # noqa: E731
        assert notes_per_message(engine) == Counter({message_key(u): 1 for u in updates.values()})
        with Session(engine) as session:
            per_firm = Counter(session.execute(select(Customer.name).join(
                Interaction, Interaction.customer_id == Customer.id)).scalars())
        assert per_firm == Counter({firm: 1 for firm in FIRMS})
        answers = Counter(firm for firm in FIRMS for c in server.sent() if f"Recorded for {firm}:" in shown(c))
        assert set(answers) == set(FIRMS) and max(answers.values()) <= 2, answers
        assert not [shown(c) for c in server.sent() if "Something went wrong" in shown(c)]
        assert "forged" not in "".join(shown(c) for c in server.sent())

        # nudges: each sent once across the two processes, each settled in the ledger
        assert nudges_sent(server) == Counter({name: 1 for name in NUDGED})
        with Session(engine) as session:
            ledger = session.execute(select(NudgeLedger.subject, NudgeLedger.status)).all()
        assert sorted(ledger) == sorted((f"followup:{fid}", "sent") for fid in followups.values())
        tickers = [node for node in both if "messages," in node.output(last=10**6)]
        assert len(tickers) == 1, "exactly one process should have sent nudges"

        # the ticker stops and a new process takes its place: its first tick sends nothing again
        leader = tickers[0]
        assert await leader.stop() == 0, leader.output()
        third = nodes()
        await third.start()
        await asyncio.sleep(3)
        assert nudges_sent(server) == Counter({name: 1 for name in NUDGED})
        for node in (second if leader is first else first, third):
            assert await node.stop() == 0, node.output()
        print(f"{len(FIRMS)} notes over 2 webhook processes ({redelivered} redelivered to the other node), "
              f"{sum(answers.values())} answers; {len(NUDGED)} nudges, each sent once")


async def test_a_reps_first_two_notes_reaching_both_processes_at_once_are_both_applied(server, nodes, engine):
    async with asyncio.timeout(TEST_SECONDS):
        reps = [2001 + i for i in range(10)]
        seed_team(engine, reps, talked_before=False)
        first, second = nodes(), nodes()
        await asyncio.gather(first.start(), second.start())
        updates = []
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as http:
            posts = []
            for index, rep in enumerate(reps):  # a new rep's first two notes, one to each node, at once
                for node, firm in ((first, FIRMS[2 * index]), (second, FIRMS[2 * index + 1])):
                    update = {"update_id": 3000 + len(updates),
                              "message": server.message(rep, f"Called {firm}, quick check-in", name=f"Rep {rep}")}
                    updates.append(update)
                    posts.append(node.post(http, update))
            assert await asyncio.gather(*posts) == [200] * len(posts)
        await until(lambda: count(engine, Inbox, Inbox.processed_at.is_(None)) == 0
                    and len(server.sent()) >= len(updates), 20, "every note handled", first)
        await settled_quietly(server, first)
        assert not [shown(c) for c in server.sent() if "Something went wrong" in shown(c)]
        assert count(engine, Interaction) == len(updates)


async def settled_quietly(server: FakeTelegram, node: WebhookProcess, quiet: float = 1.0) -> None:
    """Nothing new sent for `quiet` seconds (bounded: at most 20 s of waiting)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        before = len(server.calls)
        await asyncio.sleep(quiet)
        if len(server.calls) == before:
            return
    raise AssertionError(f"the bot kept talking:\n{node.output()}")
