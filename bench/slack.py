"""Slack ack latency under a burst of slash commands, through the real adapter over HTTP.

    .venv/bin/python bench/slack.py [--commands 50] [--rounds 5] [--database-url URL]

The real `SlackAdapter` (slack-bolt, HTTP mode on a loopback port, signature and
timestamp checks, the inbox, the pipeline after the ack) with the tests' fake Slack Web API for
users.info and the response_url answers. `--commands` `/crm` requests, signed as Slack signs
them, from 10 members, are sent at once by a client in another process (so the load generator
does not share the bot's event loop); the ack latency is the time from sending a request to
its HTTP 200. Slack gives up at 3 s. Goal: median ≤ 100 ms, max < 3 s. Every command must also
be answered (via its response_url); the time until the last answer is shown beside.
Prints one markdown table row over the acks of all `--rounds` bursts (after a warm-up).
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
# this file is named like the `slack` package: keep bench/ off the import path
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

import aiohttp  # noqa: E402
from slack_sdk.signature import SignatureVerifier  # noqa: E402

from bot.adapters.slack import SlackAdapter  # noqa: E402
from bot.pipeline import Bot  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage.engine import get_engine  # noqa: E402
from tests.fakes.slack_server import FakeSlack  # noqa: E402

SECRET = "bench-signing-secret-0123456789ab"
TEAM = "T0TEAM"
COMMANDS = [
    "Visited {c}, met {p} (CFO). Sent the quote for ${n}k. Follow up Friday.",
    "Called {c}, no answer, try again Monday",
    "what do we know about {c}?",
    "拜访了{z}，见了王总，报价{n}万，下周二跟进",
    "Был у {r}, отправил КП на {n} млн руб, созвонимся в пятницу",
    "pipeline",
]
EN = ["Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Foods", "Acme Tools", "Hooli Labs"]
ZH = ["星辰科技", "蓝海物流", "鼎盛建材", "华越医疗"]
RU = ["Вектор", "Альтаир", "Промснаб", "Кедр"]
PEOPLE = ["Maria Lopez", "Tom Reed", "Laura Chen", "Dave Kowalski"]
USERS = [f"U{100 + i}" for i in range(10)]


def slash(text: str, user: str, response_url: str, trigger: str) -> str:
    return urlencode({"token": "legacy", "team_id": TEAM, "team_domain": "acme", "channel_id": "C777",
                      "channel_name": "sales", "user_id": user, "user_name": user.lower(), "command": "/crm",
                      "text": text, "api_app_id": "A1", "response_url": response_url, "trigger_id": trigger})


async def post(http: aiohttp.ClientSession, port: int, body: str) -> float:
    """Send one signed request; seconds until its answer (which must be 200)."""
    stamp = str(int(time.time()))
    headers = {"X-Slack-Request-Timestamp": stamp, "Content-Type": "application/x-www-form-urlencoded",
               "X-Slack-Signature": SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body)}
    started = time.perf_counter()
    async with http.post(f"http://127.0.0.1:{port}/slack/events", data=body.encode(), headers=headers) as response:
        await response.read()
        took = time.perf_counter() - started
        if response.status != 200:
            raise AssertionError(f"HTTP {response.status}")
    return took


def burst(port: int, bodies: list[str]) -> list[float]:
    """In the client process: send every request at once; each one's seconds until its ack."""
    async def go() -> list[float]:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
            return list(await asyncio.gather(*(post(http, port, body) for body in bodies)))
    return asyncio.run(go())


async def run(commands: int, rounds: int, url: str) -> list[dict[str, float]]:
    fake = FakeSlack(team_id=TEAM)
    await fake.start()
    for user in USERS:
        fake.add_user(user, f"Rep {user}", locale=random.Random(user).choice(["en-US", "zh-CN", "ru-RU"]))
    settings = Settings(DATABASE_URL=url, CRM_TIMEZONE="Europe/London", SLACK_BOT_TOKEN="xoxb-bench",
                        SLACK_SIGNING_SECRET=SECRET, SLACK_HTTP_PORT=0, SLACK_API_BASE_URL=fake.base_url)
    adapter = SlackAdapter(Bot(settings, get_engine(url)), settings, host="127.0.0.1")
    await adapter.start()
    assert adapter.port is not None
    rng = random.Random(11)
    results = []
    sent = 0
    loop = asyncio.get_running_loop()
    client = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    try:
        if True:
            warm = [slash(t.format(c="Globex", p="Tom Reed", n=5, z="星辰科技", r="Вектор"), USERS[0],
                          fake.response_url(f"warm{i}"), f"warm{i}") for i, t in enumerate(COMMANDS)]
            for body in warm:  # first use loads each language's lexicons: not what a burst measures
                await loop.run_in_executor(client, burst, adapter.port, [body])
                await adapter.idle()
            for _ in range(rounds):
                answered = len(fake.of("response_url"))
                bodies = []
                for i in range(commands):
                    text = rng.choice(COMMANDS).format(c=rng.choice(EN), p=rng.choice(PEOPLE),
                                                       n=rng.randint(2, 90), z=rng.choice(ZH), r=rng.choice(RU))
                    sent += 1
                    bodies.append(slash(text, USERS[i % len(USERS)], fake.response_url(f"r{sent}"), f"t{sent}"))
                started = time.perf_counter()
                acks = await loop.run_in_executor(client, burst, adapter.port, bodies)
                await fake.wait_for("response_url", answered + commands, timeout=120)
                all_answered = time.perf_counter() - started
                results.append({"acks": acks, "answered_s": all_answered})
                await adapter.idle()
    finally:
        client.shutdown()
        await adapter.stop()
        await fake.stop()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--commands", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--database-url")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        results = asyncio.run(run(args.commands, args.rounds, url))
    for r in results:
        print(f"burst: median {1000 * statistics.median(r['acks']):.1f} ms, max {1000 * max(r['acks']):.1f} ms; "
              f"all answered after {r['answered_s']:.2f} s", file=sys.stderr)
    acks = sorted(a for r in results for a in r["acks"])
    median, p99, top = (1000 * statistics.median(acks), 1000 * acks[int(0.99 * (len(acks) - 1))],
                        1000 * acks[-1])
    answered = max(r["answered_s"] for r in results)
    store = url.split(":", 1)[0].split("+")[0]
    verdict = "ok" if median <= 100 and top < 3000 else "MISSED"
    print(f"| Slack ack latency, {len(results)} bursts of {args.commands} /crm over HTTP, adapter in-process, "
          f"client apart ({store}) | median {median:.0f} ms, p99 {p99:.0f} ms, max {top:.0f} ms "
          f"| every burst answered within {answered:.1f} s | {verdict} (goal: median ≤ 100 ms, max < 3 s) |")


if __name__ == "__main__":
    main()
