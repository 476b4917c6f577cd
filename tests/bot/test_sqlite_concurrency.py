"""SQLite under concurrent writers and the scheduler: no "database is locked" reaches a user."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import create_engine, text

from tests.bot.conftest import let_in

pytestmark = pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")), reason="SQLite only")

WRITER = textwrap.dedent('''
    import asyncio, random, string, sys
    from bot.adapters.console import Console
    from bot.pipeline import Bot
    from bot.settings import Settings

    async def main(url, who, count):
        bot = Bot(Settings(DATABASE_URL=url, CRM_SPOOL_PATH=f"{url[10:]}.{who}.spool"))
        rep = Console(bot, user=who)
        bad = 0
        rng = random.Random(who)
        for i in range(count):
            firm = "".join(rng.choice(string.ascii_lowercase) for _ in range(9)).title()
            reply = await rep.say(f"Visited {firm} Ltd, sent the quote for ${i + 1}k, follow up Friday")
            wrong = ("went wrong" in reply.text) or ("queued" in reply.text) or ("Recorded" not in reply.text)
            if wrong:
                print(reply.text, file=sys.stderr)
            bad += wrong
        print(bad)

    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
''')

TICKER = textwrap.dedent('''
    import asyncio, sys
    from datetime import datetime, timezone
    from storage.engine import get_engine
    from scheduler.tick import tick

    class Quiet:
        async def send(self, platform, chat_id, reply):
            pass

    async def main(url):
        engine = get_engine(url)
        for _ in range(15):
            await tick(engine, Quiet(), now=datetime.now(timezone.utc))
            await asyncio.sleep(0.05)
        print(0)

    asyncio.run(main(sys.argv[1]))
''')


def test_four_writers_and_the_scheduler_share_one_sqlite_file(database_url, engine):
    for n in range(4):
        let_in(engine, "console", f"rep{n}", f"Rep {n}")
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, database_url, f"rep{n}", "40"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
               for n in range(4)]
    ticker = subprocess.Popen([sys.executable, "-c", TICKER, database_url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
    results = [p.communicate(timeout=240) for p in [*writers, ticker]]
    for (out, err), process in zip(results, [*writers, ticker]):
        assert process.returncode == 0, err[-2000:]
        assert out.strip().splitlines()[-1] == "0", err[-2000:]
    engine = create_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM interaction")).scalar_one() == 160
        assert connection.execute(text("SELECT count(*) FROM deal")).scalar_one() == 160
