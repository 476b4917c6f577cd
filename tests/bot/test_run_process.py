"""`crmbot run` as a real process (`python -m bot run`) against the fake Bot API on loopback.

What a chat platform does to a bot in production: a burst from several members, the process
killed with SIGKILL mid-burst and started again, strangers poking at every path, the same
update served twice. The store is the test's (SQLite, or PostgreSQL with TEST_DATABASE_URL).
"""
from __future__ import annotations

import asyncio
import html
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import AsyncIterator, Callable

import aiohttp
import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from storage.customers import name_key
from storage.members import add_user, get_team
from storage.models import Customer, FollowUp, Inbox, Interaction, Member, Note
from tests.fakes.telegram_server import Call, FakeTelegram

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123:ABC"
ZONE = "Europe/London"
REPS = [1001, 1002, 1003, 1004, 1005]
STRANGERS = [6601, 6602, 6603]
A = ["Aurora", "Boreal", "Cobalt", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Indigo", "Juniper"]
B = ["Dynamics", "Logistics", "Foods", "Labs", "Tools", "Health", "Textiles", "Motors", "Systems", "Media"]
FIRMS = [f"{a} {b}" for a in A for b in B]  # 100 customers, one per message of a burst
TEST_SECONDS = 150  # no test here runs longer, whatever the bot does


# -- the process ------------------------------------------------------------------------------

class BotProcess:
    """One `crmbot run` process polling the fake; its output goes to a log file."""

    def __init__(self, server: FakeTelegram, database_url: str, workdir: Path, number: int):
        self.server, self.database_url, self.workdir = server, database_url, workdir
        self.log = workdir / f"crmbot-run-{number}.log"
        self.proc: subprocess.Popen | None = None

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("TELEGRAM_", "SLACK_", "OPENAI_", "CRM_", "LLM_")) and k != "DATABASE_URL"}
        env.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=self.server.base_url,
                   DATABASE_URL=self.database_url, CRM_TIMEZONE=ZONE, PYTHONUNBUFFERED="1",
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])))
        return env

    async def start(self, timeout: float = 40.0) -> None:
        """Start it and wait until it polls (getUpdates after its getMe)."""
        polls = len(self.server.of("getUpdates"))
        with open(self.log, "wb") as out:  # cwd is empty: no .env of the developer's leaks in
            self.proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=self.workdir,
                                         env=self.environment(), stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while len(self.server.of("getUpdates")) <= polls:
            if self.proc.poll() is not None:
                raise AssertionError(f"crmbot run exited with {self.proc.returncode}:\n{self.output()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"crmbot run did not poll within {timeout}s:\n{self.output()}")
            await asyncio.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL: no clean-up, no last offset, nothing flushed."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    async def stop(self, timeout: float = 15.0) -> int | None:
        """SIGTERM and wait for a clean exit; SIGKILL when it does not come."""
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        self.kill()
        return self.proc.returncode

    def output(self, last: int = 6000) -> str:
        try:
            return self.log.read_text(errors="replace")[-last:]
        except OSError:
            return ""


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegram]:
    fake = FakeTelegram(token=TOKEN)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def crmbot(server, database_url, tmp_path) -> AsyncIterator[Callable[[], BotProcess]]:
    """Make (not start) `crmbot run` processes; every one of them is gone after the test."""
    made: list[BotProcess] = []

    def make() -> BotProcess:
        made.append(BotProcess(server, database_url, tmp_path, len(made) + 1))
        return made[-1]
    try:
        yield make
    finally:
        for process in made:
            process.kill()


@pytest.fixture
def seed(engine):
    """Let Telegram accounts in and add customers, as an admin would before the burst."""
    def add(members: list[int] = (), customers: list[str] = ()) -> None:
        with Session(engine) as session:
            team = get_team(session, "default", ZONE)
            for user_id in members:
                add_user(session, team, "telegram", str(user_id), f"Rep {user_id}")
            for name in customers:
                session.add(Customer(team_id=team.id, name=name, name_key=name_key(name)))
            session.commit()
    return add


def count(engine, table, *where) -> int:
    with Session(engine) as session:
        return session.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def notes_per_message(engine) -> Counter:
    """How many notes each Telegram message made (message id → notes)."""
    with Session(engine) as session:
        rows = session.execute(select(Note.message_id, func.count()).where(Note.platform == "telegram")
                               .group_by(Note.message_id)).all()
    return Counter({message_id: n for message_id, n in rows})


def shown(call: Call) -> str:
    return html.unescape(call.text)


def push_burst(server: FakeTelegram) -> dict[str, tuple[int, int]]:
    """100 notes, round robin over the reps, all queued at once: firm → (rep, update id)."""
    pushed = {}
    for index, firm in enumerate(FIRMS):
        rep = REPS[index % len(REPS)]
        pushed[firm] = (rep, server.push_text(rep, f"Called {firm}, quick check-in", name=f"Rep {rep}"))
    return pushed


def message_key(server: FakeTelegram, update_id: int) -> str:
    message = server.pushed[update_id]["message"]
    return f"{message['chat']['id']}:{message['message_id']}"


async def until(predicate: Callable[[], object], timeout: float, what: str, bot: BotProcess | None = None):
    deadline = time.monotonic() + timeout
    while not predicate():
        if bot is not None and bot.proc is not None and bot.proc.poll() is not None:
            raise AssertionError(f"crmbot run died while waiting for {what}:\n{bot.output()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}"
                                 + (f"\n--- crmbot run ---\n{bot.output()}" if bot else ""))
        await asyncio.sleep(0.05)


async def settled(server: FakeTelegram, last_update: int, bot: BotProcess, quiet: float = 1.0) -> None:
    """The bot confirmed every update up to `last_update`, and then said nothing new for `quiet` s."""
    await until(lambda: server.confirmed_offset > last_update, 30, f"offset past update {last_update}", bot)
    while True:
        before = len(server.calls)
        await asyncio.sleep(quiet)
        if len([c for c in server.calls[before:] if c.method != "getUpdates"]) == 0:
            return


# -- the fake itself: the kill test depends on Telegram's offset semantics -----------------------

async def test_the_fake_reserves_updates_until_an_offset_confirms_them(server):
    first, second, third = (server.push_text(REPS[0], f"note {i}") for i in range(3))
    url = f"{server.base_url}{TOKEN}/getUpdates"

    async def get(**params) -> list[int]:
        async with aiohttp.ClientSession() as http:
            async with http.post(url, json=params) as response:
                return [u["update_id"] for u in (await response.json())["result"]]

    assert await get() == [first, second, third]
    assert await get() == [first, second, third]                # nothing confirmed: served again
    assert await get(offset=0, limit=2) == [first, second]
    assert await get(offset=second) == [second, third]          # offset confirms those before it
    assert await get(offset=second, timeout=0) == [second, third]
    assert await get(offset=third + 1, timeout=0) == []         # all confirmed: gone
    assert server.confirmed_offset == third + 1
    assert await get(offset=0, timeout=0) == []                 # a restarted poller gets nothing back
    server.redeliver(second)                                    # …unless Telegram serves it again
    assert await get(offset=third + 1, timeout=0) == [second]
    assert await get(offset=third + 1, timeout=0) == []


# -- (a) a burst ----------------------------------------------------------------------------------

async def test_a_burst_of_100_notes_from_five_reps_is_applied_and_answered_once_each(server, crmbot, seed, engine):
    async with asyncio.timeout(TEST_SECONDS):
        seed(REPS, FIRMS)
        bot = crmbot()
        await bot.start()
        pushed = push_burst(server)
        last = max(u for _, u in pushed.values())
        await until(lambda: len(server.sent()) >= len(FIRMS), 60, "100 answers", bot)
        await settled(server, last, bot)

        sent = server.sent()
        assert len(sent) == len(FIRMS), [shown(c)[:60] for c in sent]
        for firm, (rep, _) in pushed.items():
            answers = [c for c in sent if f"Recorded for {firm}:" in shown(c)]
            assert len(answers) == 1 and answers[0].chat_id == rep, (firm, [shown(c) for c in answers])
        for rep in REPS:  # each chat answered in the order it wrote
            mine = [firm for firm, (r, _) in pushed.items() if r == rep]
            assert [next(f for f in mine if f"Recorded for {f}:" in shown(c)) for c in server.sent(rep)] == mine
        assert count(engine, Interaction) == len(FIRMS)
        made = notes_per_message(engine)
        assert made == Counter({message_key(server, u): 1 for _, u in pushed.values()})
        assert count(engine, Inbox, Inbox.processed_at.is_(None)) == 0
        assert await bot.stop() == 0, bot.output()


# -- (b) killed mid-burst, restarted ----------------------------------------------------------------

def watch_batches(server: FakeTelegram, hold: asyncio.Event | None = None) -> list[float]:
    """When the fake answered getUpdates with updates (monotonic times), for killing mid-batch.

    `hold`: until it is set, the request confirming a served batch (the next getUpdates, with a
    higher offset) waits and then gets nothing, confirming nothing — as if the process died before
    it could ask, however fast it stored the batch."""
    served: list[float] = []
    serve = server._m_getUpdates
    newest = 0

    async def recording(params: dict) -> list[dict]:
        nonlocal newest
        if hold is not None and not hold.is_set() and newest and int(params.get("offset") or 0) > newest:
            await hold.wait()
            return []
        updates = await serve(params)
        if updates:
            newest = max(newest, *(u["update_id"] for u in updates))
            served.append(time.monotonic())
        return updates
    server.replaced["getUpdates"] = recording
    return served


async def kill_mid_burst(server: FakeTelegram, crmbot, seed, engine,
                         when: str = "answering") -> tuple[dict, BotProcess, int]:
    """The burst, SIGKILL mid-way, a second process started; returns when all is settled.

    `when`: "storing" kills as soon as the batch was served (updates half stored, none confirmed:
    Telegram serves them again); "answering" after ~10 answers (most stored, few applied)."""
    seed(REPS, FIRMS)
    confirmable = asyncio.Event()  # "storing": the first process never gets to confirm the batch
    served = watch_batches(server, confirmable if when == "storing" else None)
    first = crmbot()
    await first.start()
    pushed = push_burst(server)
    last = max(u for _, u in pushed.values())
    if when == "storing":
        await until(lambda: served, 30, "the burst served", first)
        await asyncio.sleep(0.02)
    else:
        await until(lambda: len(server.sent()) >= 10, 60, "the first answers", first)
    first.kill()
    confirmable.set()
    answered_before, offset_before = len(server.sent()), server.confirmed_offset
    assert answered_before < len(FIRMS), "the bot finished before it could be killed: nothing was tested"
    applied_before = count(engine, Interaction)
    stored_before = count(engine, Inbox)
    if when == "storing":
        assert offset_before <= last, "the burst was confirmed before the kill: the redelivery is not tested"

    second = crmbot()
    await second.start()
    await until(lambda: count(engine, Interaction) >= len(FIRMS)
                and count(engine, Inbox, Inbox.processed_at.is_(None)) == 0, 60, "every note applied", second)
    await settled(server, last, second)
    print(f"killed ({when}) after {answered_before} answers, {stored_before} stored, {applied_before} applied, "
          f"offset {offset_before}; after the restart: {len(server.sent())} answers")
    return pushed, second, answered_before


@pytest.mark.parametrize("when", ["storing", "answering"])
async def test_killed_mid_burst_and_restarted_every_note_is_applied_exactly_once(server, crmbot, seed, engine, when):
    async with asyncio.timeout(TEST_SECONDS):
        pushed, second, _ = await kill_mid_burst(server, crmbot, seed, engine, when)
        assert count(engine, Interaction) == len(FIRMS)
        assert notes_per_message(engine) == Counter({message_key(server, u): 1 for _, u in pushed.values()})
        with Session(engine) as session:  # one customer, one call: nothing doubled, nothing misfiled
            per_firm = Counter(session.execute(select(Customer.name).join(
                Interaction, Interaction.customer_id == Customer.id)).scalars())
        assert per_firm == Counter({firm: 1 for firm in FIRMS})
        assert count(engine, Inbox, Inbox.processed_at.is_(None)) == 0
        # Replies are at least once: one in flight when the process died (sent, not yet marked
        # as sent) goes out again after the restart — at most one per chat, as a chat's updates
        # are handled one after another. The note behind it is applied once.
        answers = Counter(firm for firm in FIRMS for c in server.sent() if f"Recorded for {firm}:" in shown(c))
        assert all(1 <= n <= 2 for n in answers.values()), answers
        assert sum(n - 1 for n in answers.values()) <= len(REPS), answers
        assert await second.stop() == 0, second.output()


async def test_killed_mid_burst_and_restarted_every_note_is_answered(server, crmbot, seed, engine):
    async with asyncio.timeout(TEST_SECONDS):
        pushed, second, answered_before = await kill_mid_burst(server, crmbot, seed, engine)
        sent = server.sent()
        unanswered = [firm for firm in FIRMS if not any(f"Recorded for {firm}:" in shown(c) for c in sent)]
        assert unanswered == [], (f"{len(unanswered)} notes applied but never answered "
                                  f"(killed after {answered_before} answers): {unanswered}")
        await second.stop()


# -- (c) strangers ------------------------------------------------------------------------------------

async def test_strangers_get_one_polite_refusal_on_every_path_and_no_data(server, crmbot, seed, engine):
    async with asyncio.timeout(TEST_SECONDS):
        seed([REPS[0]], ["Globex Corporation"])
        with Session(engine) as session:
            globex = session.execute(select(Customer.id)).scalar_one()
        bot = crmbot()
        await bot.start()
        by_message, by_command, by_button = STRANGERS
        paths = {  # each stranger starts on a different path, then tries the others
            by_message: ["text", "command", "button", "note"],
            by_command: ["command", "button", "text", "note"],
            by_button: ["button", "text", "command", "note"],
        }
        poke = {
            "text": lambda who: server.push_text(who, "what do we know about Globex", name="Mallory"),
            "command": lambda who: server.push_text(who, "/today", name="Mallory"),
            "note": lambda who: server.push_text(who, "Called Globex, they signed $10k. Follow up Friday.",
                                                 name="Mallory"),
            "button": lambda who: server.push_callback(who, f"open:{globex}", name="Mallory"),
        }
        last = 0
        for step in range(4):
            for who, order in paths.items():
                last = poke[order[step]](who)
            if step == 0:
                await until(lambda: all(server.sent(w) for w in STRANGERS), 30, "the refusals", bot)
        last = max(last, server.push_callback(by_message, "undo:1", name="Mallory"),
                   server.push_callback(by_command, "done:1", name="Mallory"),
                   server.push_text(by_button, "/pipeline", name="Mallory"))
        await settled(server, last, bot, quiet=1.5)

        for who in STRANGERS:
            [refusal] = server.sent(who)
            assert "Sorry, this bot is for members" in shown(refusal), shown(refusal)
            assert "Globex" not in shown(refusal) and not refusal.buttons
        assert len(server.sent()) == len(STRANGERS)  # nobody else was told anything either
        assert len(server.of("answerCallbackQuery")) == 5  # the buttons stop spinning all the same
        assert not server.of("editMessageReplyMarkup")
        assert count(engine, Customer) == 1 and count(engine, Member) == 1
        assert count(engine, Interaction) == 0 and count(engine, Note) == 0 and count(engine, FollowUp) == 0
        assert count(engine, Inbox) == 0  # a stranger's words are not even kept
        assert await bot.stop() == 0, bot.output()


# -- (d) the same update served twice ---------------------------------------------------------------

async def test_an_update_served_twice_is_applied_and_answered_once(server, crmbot, seed, engine):
    async with asyncio.timeout(TEST_SECONDS):
        rep = REPS[0]
        seed([rep], FIRMS[:3])
        bot = crmbot()
        await bot.start()

        # twice in one batch, before any offset confirmed it
        first = server.push_text(rep, f"Called {FIRMS[0]}, quick check-in")
        server.redeliver(first)
        await settled(server, first, bot)
        [answer] = server.sent(rep)
        assert f"Recorded for {FIRMS[0]}:" in shown(answer)

        # once more after the offset confirmed it (a redelivery), and a note pushed behind it
        server.redeliver(first)
        second = server.push_text(rep, f"Visited {FIRMS[1]}, sent the quote for $12k")
        await until(lambda: len(server.sent(rep)) >= 2, 30, "the second answer", bot)
        await settled(server, second, bot)
        answers = server.sent(rep)
        assert len(answers) == 2 and f"Recorded for {FIRMS[1]}:" in shown(answers[1])
        [undo] = answers[1].buttons
        assert undo["callback_data"].startswith("undo:")

        # a button press served twice: undone once, answered once
        press = server.push_callback(rep, undo["callback_data"], message=answers[1].params)
        server.redeliver(press)
        await until(lambda: len(server.sent(rep)) >= 3, 30, "the undo answer", bot)
        await settled(server, press, bot)
        server.redeliver(press)
        await until(lambda: not server._again, 10, "the redelivery served", bot)
        await settled(server, press, bot)

        answers = server.sent(rep)
        assert len(answers) == 3, [shown(c)[:80] for c in answers]
        assert "undo" in shown(answers[2]).lower() and FIRMS[1] in shown(answers[2])
        assert count(engine, Interaction) == 1 and count(engine, Note) == 2
        assert count(engine, Note, Note.undone_at.is_not(None)) == 1
        assert notes_per_message(engine) == Counter({message_key(server, first): 1,
                                                     message_key(server, second): 1})
        assert await bot.stop() == 0, bot.output()
