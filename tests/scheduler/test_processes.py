"""Real OS processes ticking against one store: killed mid-delivery, and two schedulers side by side."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from storage.engine import make_engine
from tests.scheduler.conftest import World

ROOT = Path(__file__).resolve().parents[2]
PG = os.environ.get("TEST_DATABASE_URL")


def ticker(url: str, out: Path, start: str, *more: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.scheduler.proc_ticker", url, str(out), "--start", start,
                             *more], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def lines(*paths: Path) -> list[tuple[str, str, str]]:
    found = []
    for path in paths:
        if path.exists():
            found += [_fields(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return found


def _fields(line: str) -> tuple[str, str, str]:
    """One line the ticker wrote: three tab-separated fields."""
    first, second, third = line.split("\t", 2)
    return first, second, third


def finish(proc: subprocess.Popen, timeout: float = 120) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    return out


def wait_for(predicate, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def statuses(world: World) -> dict[str, str]:
    return {row.subject: row.status for row in world.ledger()}


def test_a_process_killed_mid_delivery_then_restarted_sends_nothing_twice(world, database_url, tmp_path):
    ann = world.member("Ann")
    follows = [world.followup(world.customer(f"Customer {i}", ann), ann, date(2026, 12, 1), f"task {i}")
               for i in range(6)]
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    # 13:00 is past the morning digest: six messages to one chat, one after another
    proc = ticker(database_url, first, "2026-12-01 13:00", "--hang-after", "3")
    try:
        wait_for(lambda: any(tag == "hang" for tag, _, _ in lines(first)))
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    delivered = [text for tag, _, text in lines(first) if tag != "hang"]
    [hung] = [text for tag, _, text in lines(first) if tag == "hang"]
    assert len(delivered) == 3
    rows = statuses(world)
    # what went out is marked; the message in flight is left pending; the rest was never claimed
    assert sorted(rows.values()) == ["pending", "sent", "sent", "sent"]

    finish(ticker(database_url, second, "2026-12-01 13:01"))  # the restarted process
    again = [text for _, _, text in lines(second)]
    assert len(again) == 2
    everything = delivered + again
    assert len(set(everything)) == 5 and hung not in everything  # nothing twice; the interrupted one not resent
    assert all(f"task {i}" in " ".join(everything + [hung]) for i in range(6))
    rows = statuses(world)
    assert Counter(rows.values()) == {"sent": 5, "pending": 1}
    [pending] = [subject for subject, status in rows.items() if status == "pending"]
    interrupted = next(f for f in follows if pending == f"followup:{f.id}")
    assert interrupted.what in hung

    finish(ticker(database_url, second, "2026-12-01 13:02"))  # later ticks leave it alone too
    assert len(lines(second)) == 2


def _team_of_many(world: World, members: int = 6, each: int = 5) -> int:
    count = 0
    for m in range(members):
        person = world.member(f"Rep {m}")
        for i in range(each):
            world.followup(world.customer(f"Customer {m}-{i}", person), person, date(2026, 12, 1), f"task {m}-{i}")
            count += 1
    return count


def _two_processes(url: str, tmp_path: Path, *flags: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    go = tmp_path / "go"
    outs = [tmp_path / "a.txt", tmp_path / "b.txt"]
    procs = [ticker(url, out, "2026-12-01 13:00", "--ticks", "3", "--delay", "0.005", "--go", str(go), *flags)
             for out in outs]
    wait_for(lambda: all(Path(f"{out}.ready").exists() for out in outs))  # both loaded, however busy the machine
    go.touch()
    reports = [finish(proc) for proc in procs]
    return lines(*outs), reports


@pytest.mark.skipif(not PG, reason="PostgreSQL only: set TEST_DATABASE_URL")
@pytest.mark.parametrize("flags", [("--lock",), ()], ids=["advisory-lock", "ledger-only"])
def test_two_scheduler_processes_on_postgresql_send_each_nudge_once(world, database_url, tmp_path, flags):
    expected = _team_of_many(world)
    sent, reports = _two_processes(database_url, tmp_path, *flags)
    texts = Counter((chat, text) for _, chat, text in sent)
    assert len(texts) == expected and set(texts.values()) == {1}, texts.most_common(3)
    assert Counter(r.status for r in world.ledger()) == {"sent": expected}
    if flags:  # the lock holder did every tick; the other never ran one
        assert sorted(r.count("ran=True") for r in reports) == [0, 3]


@pytest.fixture
def sqlite_world(tmp_path, request):
    """A SQLite store of its own (also when the other tests run on PostgreSQL)."""
    template = request.getfixturevalue("_sqlite_template")
    path = tmp_path / f"crm-{uuid.uuid4().hex[:8]}.db"
    shutil.copy(template, path)
    engine = make_engine(f"sqlite:///{path}")
    yield World(engine), f"sqlite:///{path}"
    engine.dispose()


def test_two_scheduler_processes_on_sqlite_share_the_lease(sqlite_world, tmp_path):
    world, url = sqlite_world
    expected = _team_of_many(world)
    sent, reports = _two_processes(url, tmp_path, "--lock")
    texts = Counter((chat, text) for _, chat, text in sent)
    assert len(texts) == expected and set(texts.values()) == {1}, texts.most_common(3)
    assert Counter(r.status for r in world.ledger()) == {"sent": expected}
    assert sorted(r.count("ran=True") for r in reports) == [0, 3]  # the lease holder ticks, the other waits
