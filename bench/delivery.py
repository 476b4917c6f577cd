"""Delivering a tick's nudges through the real Telegram adapter (python-telegram-bot) to the fake Bot API.

    .venv/bin/python bench/delivery.py [--nudges 5000] [--throttle 0.1] [--runs default,default-429,scheduler-429]

Seeds a temporary SQLite store with --nudges members, each with a Telegram chat
of their own and a follow-up due today, then runs one scheduler tick (past the
morning digest, so one message per nudge) exactly as `crmbot run` wires it:
`Delivery(Senders({"telegram": TelegramAdapter(...)}), RateLimiter())`, the
adapter talking to `tests/fakes/telegram_server.FakeTelegram` on loopback.

Runs:
- `default`: the adapter as `crmbot run` builds it, the fake answering every call.
- `default-429`: the same, the fake answering --throttle of the sendMessage calls with 429
  (retry_after 1 s); python-telegram-bot's AIORateLimiter retries them itself.
- `scheduler-429`: the adapter with `max_retries=0`, so a 429 comes back to the scheduler,
  which waits out the retry-after on that chat only and retries within its own limits.

Prints a markdown row per run: delivered messages a second, requests a second, the most
sends the scheduler handed to the adapter in any one second and the most requests the fake
saw in any one second (Telegram's cap is 30; PTB's own retries and pauses sit between), 429s, and how many nudges
were delivered, lost or delivered twice (from the fake's log and the ledger).
"""
from __future__ import annotations

import argparse
import asyncio
import bisect
import logging
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# bench/ itself must not be on the path: a bench/telegram.py would shadow python-telegram-bot
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from bot.adapters.telegram import TelegramAdapter  # noqa: E402
from bot.pipeline import Bot  # noqa: E402
from bot.delivery import Senders  # noqa: E402
from bot.settings import Settings  # noqa: E402
from scheduler.delivery import Delivery  # noqa: E402
from scheduler.limits import RateLimiter  # noqa: E402
from scheduler.tick import tick  # noqa: E402
from storage.engine import get_engine  # noqa: E402
from storage.models import Customer, FollowUp, Identity, Member, NudgeLedger, Team  # noqa: E402
from tests.fakes.telegram_server import TOKEN, FakeTelegram  # noqa: E402

DAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 13, 0, tzinfo=timezone.utc)  # past the morning digest: a message per nudge
FIRST_CHAT = 100_000


def seed(engine, count: int) -> None:
    """A team of `count` members, each with a chat, a customer and a follow-up due on DAY."""
    with engine.begin() as c:
        team_id = c.execute(Team.__table__.insert().values(name="bench", timezone="UTC", settings={},
                                                           created_at=NOW)
                            .returning(Team.__table__.c.id)).scalar()
        c.execute(Member.__table__.insert(), [{"team_id": team_id, "name": f"Rep {i}", "role": "rep",
                                               "created_at": NOW} for i in range(count)])
        members = list(c.execute(select(Member.__table__.c.id).where(Member.__table__.c.team_id == team_id)
                                 .order_by(Member.__table__.c.id)).scalars())
        c.execute(Identity.__table__.insert(), [
            {"team_id": team_id, "member_id": m, "platform": "telegram", "external_id": str(FIRST_CHAT + i),
             "chat_id": str(FIRST_CHAT + i), "reachable": True, "created_at": NOW} for i, m in enumerate(members)])
        c.execute(Customer.__table__.insert(), [
            {"team_id": team_id, "name": f"Customer {i}", "name_key": f"customer {i}", "owner_id": m,
             "custom": {}, "created_at": NOW} for i, m in enumerate(members)])
        customers = list(c.execute(select(Customer.__table__.c.id).where(Customer.__table__.c.team_id == team_id)
                                   .order_by(Customer.__table__.c.id)).scalars())
        c.execute(FollowUp.__table__.insert(), [
            {"team_id": team_id, "customer_id": cu, "member_id": m, "due": DAY, "what": f"call back #{i}",
             "created_at": NOW} for i, (m, cu) in enumerate(zip(members, customers))])


def peak(times: list[float], window: float = 1.0) -> int:
    """The most of `times` inside any half-open window of `window` seconds."""
    times = sorted(times)
    return max((bisect.bisect_left(times, t + window) - i for i, t in enumerate(times)), default=0)


async def run(name: str, count: int, throttle: float) -> str:
    tmp = tempfile.TemporaryDirectory()
    url = f"sqlite:///{Path(tmp.name) / 'delivery.db'}"
    engine = get_engine(url)
    seed(engine, count)
    server = FakeTelegram()
    await server.start()
    settings = Settings(DATABASE_URL=url, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=server.base_url)
    options = {"max_retries": 0} if name.startswith("scheduler") else {}
    adapter = TelegramAdapter(Bot(settings, engine), settings, **options)
    await adapter.app.initialize()
    if throttle and name.endswith("429"):
        server.throttle(throttle, seed=11)
    senders = Senders({"telegram": adapter})
    handed: list[float] = []

    class Timed:
        """The scheduler's sender, noting when each message is handed to the adapter."""

        async def send(self, platform: str, chat_id: str, reply) -> None:
            handed.append(time.monotonic())
            await senders.send(platform, chat_id, reply)

    delivery = Delivery(Timed(), RateLimiter())
    began = time.perf_counter()
    report = await tick(engine, now=NOW, delivery=delivery)
    elapsed = time.perf_counter() - began
    await adapter.app.shutdown()
    await server.stop()

    sends = [c for c in server.calls if c.method == "sendMessage"]
    delivered = Counter(c.chat_id for c in server.sent())
    expected = {FIRST_CHAT + i for i in range(count)}
    lost = len(expected - set(delivered))
    twice = sum(n - 1 for n in delivered.values() if n > 1)
    with engine.connect() as c:
        unsent = c.execute(select(func.count()).select_from(NudgeLedger.__table__)
                           .where(NudgeLedger.__table__.c.status != "sent")).scalar()
    engine.dispose()
    tmp.cleanup()
    share = f"{throttle:.0%}" if name.endswith("429") else "0%"
    return (f"| {name} | {share} | {count} | {len(delivered) / elapsed:.1f} msg/s | {len(sends) / elapsed:.1f} req/s "
            f"| {peak(handed)} / {peak([c.at for c in sends])} | {len(server.refused())} "
            f"| {len(delivered)} delivered, {lost} lost, "
            f"{twice} twice; ledger {report.sent} sent, {unsent} not sent | {elapsed:.0f} s |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nudges", type=int, default=5000)
    parser.add_argument("--throttle", type=float, default=0.1, help="share of sendMessage calls answered 429")
    parser.add_argument("--runs", default="default,default-429,scheduler-429")
    args = parser.parse_args()
    logging.getLogger("telegram").setLevel(logging.CRITICAL)  # PTB logs every 429 it hands back
    print("| run | 429s asked | nudges | delivered | requests "
          "| most in 1 s: handed to the adapter / at the fake | 429s | outcome | time |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in args.runs.split(","):
        print(asyncio.run(run(name.strip(), args.nudges, args.throttle)), flush=True)


if __name__ == "__main__":
    main()
