"""Load: N reps sending notes for M minutes while managers ask for reports, through the fake Telegram.

    .venv/bin/python bench/load.py [--reps 20] [--managers 2] [--minutes 0.5] [--processes 1|2]
                                   [--database-url postgresql://…] [--report-every 3]

The bot runs as `crmbot run` does (`bot.serve.serve`: the Telegram adapter in webhook mode, the
replay, the spool drainer, the scheduler, /healthz), in `--processes` processes of its own on one
store, with one change: the adapter's flood limiter (Telegram's ~30 messages/s to all chats) is
lifted, so this measures the bot rather than Telegram's quota. The fake Bot API of the tests and
the simulated people run in this process. Telegram's side is played as with a webhook behind a
load balancer: each update is POSTed (with the secret) to one bot process at random.

Each rep writes a realistic note (visits, calls, quotes, follow-ups in English, Chinese and
Russian, about the team's customers) as soon as the bot answered the previous one; each manager
asks for the pipeline or the team's activity every `--report-every` seconds. Latency: from the
POST of the update to the bot's first message to that chat reaching the fake. Errors: a webhook
POST not answered 200, an answer not arriving within 30 s, an answer that says something went
wrong or that the note was only queued. A store given by URL gets a team and accounts of its own
per run (nothing is deleted). Goal: 0 errors, ≥ 200 notes/s on PostgreSQL. Prints a markdown row, and
after it the CPU time the bot processes used per message and how busy the whole machine was.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import multiprocessing
import os
import random
import socket
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
# bench/telegram.py is named like the `telegram` package: keep bench/ off the import path
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

import aiohttp  # noqa: E402
from sqlmodel import Session  # noqa: E402

from storage.customers import name_key  # noqa: E402
from storage.engine import get_engine  # noqa: E402
from storage.members import add_user, get_team  # noqa: E402
from storage.models import ChatState, Customer  # noqa: E402
from tests.fakes.rep_notes import EN, RU, ZH, rep_note  # noqa: E402
from tests.fakes.telegram_server import FakeTelegram  # noqa: E402

TOKEN = "123:LOAD"
SECRET = "load-bench-secret"
ZONE = "Europe/London"
WAIT = 30.0
REPORTS = ["/pipeline", "/activity"]
BAD = ("Something went wrong", "系统出了点问题", "что-то сломалось", "queued", "排队", "в очереди")


def cpu_seconds(pid: int | None) -> float:
    """CPU time (user + system) a process has used so far; 0 where /proc is not there."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU time of the whole machine so far, from /proc/stat; zeros where absent."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0, 0.0
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return float(sum(values) - idle), float(sum(values))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- the bot processes --------------------------------------------------------------------------

def serve_bot(env: dict[str, str], log_path: str) -> None:
    """One bot process: `crmbot run`'s serve(), the Telegram flood limiter lifted, until SIGTERM."""
    with open(log_path, "ab", buffering=0) as log:
        os.dup2(log.fileno(), 2)
    os.environ.update(env)
    from bot import serve as serving
    from bot.adapters.telegram import TelegramAdapter
    from bot.settings import Settings

    def adapters(bot: Any, settings: Any) -> dict[str, Any]:
        return {"telegram": TelegramAdapter(bot, settings, listen="127.0.0.1", overall_max_rate=0)}
    serving.build_adapters = adapters
    asyncio.run(serving.serve(Settings(_env_file=None)))


class Node:
    """A bot process and the ports it serves on."""

    def __init__(self, url: str, base_url: str, team: str, workdir: Path, number: int):
        self.webhook_port, self.health_port = free_port(), free_port()
        self.hook = f"http://127.0.0.1:{self.webhook_port}/telegram"
        self.log = workdir / f"bot-{number}.log"
        env = {"DATABASE_URL": url, "CRM_TEAM": team, "CRM_TIMEZONE": ZONE, "CRM_LOG_FORMAT": "text",
               "CRM_LLM": "off", "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": base_url,
               "TELEGRAM_WEBHOOK_URL": self.hook, "TELEGRAM_WEBHOOK_SECRET": SECRET,
               "TELEGRAM_WEBHOOK_PORT": str(self.webhook_port), "CRM_HEALTH_PORT": str(self.health_port),
               "CRM_SPOOL_PATH": str(workdir / f"spool-{number}.jsonl"), "OPENAI_API_KEY": ""}
        self.process = multiprocessing.get_context("spawn").Process(
            target=serve_bot, args=(env, str(self.log)), daemon=True)

    async def start(self, http: aiohttp.ClientSession, timeout: float = 60.0) -> None:
        self.process.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.process.is_alive():
                raise RuntimeError(f"the bot process exited:\n{self.tail()}")
            try:
                async with http.get(f"http://127.0.0.1:{self.health_port}/healthz") as response:
                    if response.status == 200:
                        return
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            await asyncio.sleep(0.1)
        raise RuntimeError(f"the bot process was not healthy within {timeout}s:\n{self.tail()}")

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(20)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)

    def tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def errors_logged(self) -> int:
        try:
            return sum(" ERROR " in line for line in self.log.read_text(errors="replace").splitlines())
        except OSError:
            return 0


# -- Telegram's side ----------------------------------------------------------------------------

class Server(FakeTelegram):
    """The tests' fake Bot API, telling a chat's waiter when the bot sent it something."""

    def __init__(self, first_message_id: int) -> None:
        super().__init__(token=TOKEN)
        self.waiters: dict[object, asyncio.Future] = {}
        self._message_ids = itertools.count(first_message_id)  # unique in a store shared across runs
        self.keep_calls = False

    async def _api(self, request):
        response = await super()._api(request)
        if not self.keep_calls:
            self.calls.clear()  # a long run must not keep every request
        return response

    def _tell(self, params: dict, text: str) -> None:
        waiter = self.waiters.pop(params.get("chat_id"), None)
        if waiter is not None and not waiter.done():
            waiter.set_result(text)

    def _m_sendMessage(self, params: dict) -> dict:
        result = super()._m_sendMessage(params)
        self._tell(params, params.get("text", ""))
        return result

    def _m_sendPhoto(self, params: dict) -> dict:
        result = super()._m_sendPhoto(params)
        self._tell(params, params.get("caption") or "[chart]")
        return result


def seed(url: str, team_name: str, reps: list[int], managers: list[int]) -> None:
    """The team's members (who have talked to the bot before) and customers."""
    engine = get_engine(url)
    with Session(engine) as session:
        team = get_team(session, team_name, ZONE)
        members = [add_user(session, team, "telegram", str(u), f"Rep {u}") for u in reps]
        members += [add_user(session, team, "telegram", str(u), f"Manager {u}", role="manager") for u in managers]
        session.flush()
        session.add_all(ChatState(member_id=m.id, team_id=team.id) for m in members)
        for name in EN + ZH + RU:
            session.add(Customer(team_id=team.id, name=name, name_key=name_key(name)))
        session.commit()
    engine.dispose()


async def run(url: str, reps: int, managers: int, seconds: float, processes: int, report_every: float,
              workdir: Path) -> dict[str, Any]:
    run_id = int(time.time() * 1000) % 10**9
    base = 10**9 + run_id * 1000  # accounts and message ids no earlier run on the same store used
    team = f"load-{run_id}"
    rep_ids = [base + i for i in range(reps)]
    manager_ids = [base + 500 + i for i in range(managers)]
    seed(url, team, rep_ids, manager_ids)
    server = Server(first_message_id=base * 10)
    await server.start()
    nodes = [Node(url, server.base_url, team, workdir, n + 1) for n in range(processes)]
    http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=WAIT),
                                 connector=aiohttp.TCPConnector(limit=0))
    rng = random.Random(7)
    update_ids = itertools.count(1)
    notes: list[float] = []
    reports: list[float] = []
    answers: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    try:
        await asyncio.gather(*(node.start(http) for node in nodes))
        loop = asyncio.get_running_loop()
        end = time.monotonic() + seconds

        async def ask(user_id: int, text: str, lang: str, name: str) -> tuple[float, str] | None:
            update = {"update_id": next(update_ids),
                      "message": server.message(user_id, text, name=name, lang=lang)}
            waiter = server.waiters[user_id] = loop.create_future()
            started = time.perf_counter()
            try:
                async with http.post(rng.choice(nodes).hook, json=update,
                                     headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}) as response:
                    if response.status != 200:
                        errors[f"webhook {response.status}"] += 1
                        server.waiters.pop(user_id, None)
                        return None
                reply = await asyncio.wait_for(waiter, WAIT)
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                errors[f"no answer ({type(exc).__name__})"] += 1
                server.waiters.pop(user_id, None)
                return None
            if any(bad in reply for bad in BAD):
                errors["answered with an error or 'queued'"] += 1
            return time.perf_counter() - started, reply

        async def rep(user_id: int) -> None:
            while time.monotonic() < end:
                lang, text = rep_note(rng)
                done = await ask(user_id, text, lang, f"Rep {user_id}")
                if done is not None:
                    notes.append(done[0])
                    answers["recorded" if done[1].startswith(("Recorded", "已记录", "Записал", "Записано"))
                            else "other"] += 1

        async def manager(user_id: int) -> None:
            await asyncio.sleep(rng.random() * report_every)
            while time.monotonic() < end:
                done = await ask(user_id, rng.choice(REPORTS), "en", f"Manager {user_id}")
                if done is not None:
                    reports.append(done[0])
                await asyncio.sleep(report_every)

        started = time.perf_counter()
        cpu_before, machine_before = sum(cpu_seconds(n.process.pid) for n in nodes), machine_busy()
        await asyncio.gather(*(rep(u) for u in rep_ids), *(manager(u) for u in manager_ids))
        elapsed = time.perf_counter() - started
        bot_cpu = sum(cpu_seconds(n.process.pid) for n in nodes) - cpu_before
        machine_after = machine_busy()
        busy = ((machine_after[0] - machine_before[0]) / (machine_after[1] - machine_before[1])
                if machine_after[1] > machine_before[1] else float("nan"))
    finally:
        await http.close()
        for node in nodes:
            node.stop()
        await server.stop()
    logged = sum(node.errors_logged() for node in nodes)
    if logged:
        errors["ERROR lines in the bot's log"] += logged

    def pct(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return 1000 * ordered[int(q * (len(ordered) - 1))] if ordered else float("nan")

    return {"notes": len(notes), "seconds": elapsed, "per_s": len(notes) / elapsed,
            "p50": pct(notes, 0.5), "p99": pct(notes, 0.99), "reports": len(reports),
            "r50": pct(reports, 0.5), "r99": pct(reports, 0.99), "errors": errors, "answers": answers,
            "bot_cpu_ms": 1000 * bot_cpu / max(1, len(notes) + len(reports)), "busy": busy}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--managers", type=int, default=2)
    ap.add_argument("--minutes", type=float, default=0.5)
    ap.add_argument("--processes", type=int, default=1, choices=[1, 2, 3, 4])
    ap.add_argument("--report-every", type=float, default=3.0, help="seconds between a manager's reports")
    ap.add_argument("--database-url", help="default: a fresh SQLite file")
    args = ap.parse_args()
    if not (1 <= args.reps <= 500 and 0 <= args.managers <= 50 and 0 < args.minutes <= 60):
        ap.error("keep it bounded: 1–500 reps, 0–50 managers, up to 60 minutes")
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'load.db'}"
        r = asyncio.run(run(url, args.reps, args.managers, args.minutes * 60, args.processes,
                            args.report_every, Path(tmp)))
    store = url.split(":", 1)[0].split("+")[0]
    errors = sum(r["errors"].values())
    print("| store | processes | reps + managers | minutes | notes | notes/s | note p50 / p99 | "
          "reports | report p50 / p99 | errors |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    print(f"| {store} | {args.processes} | {args.reps} + {args.managers} | {args.minutes:g} | {r['notes']} "
          f"| {r['per_s']:.0f} | {r['p50']:.0f} / {r['p99']:.0f} ms | {r['reports']} "
          f"| {r['r50']:.0f} / {r['r99']:.0f} ms | {errors} |")
    print(f"(answers: {dict(r['answers'])}; errors: {dict(r['errors']) or 'none'}; {r['seconds']:.1f} s; "
          f"the bot processes used {r['bot_cpu_ms']:.2f} ms of CPU a message; the machine was "
          f"{100 * r['busy']:.0f}% busy)", file=sys.stderr)


if __name__ == "__main__":
    main()
