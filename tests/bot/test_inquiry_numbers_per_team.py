"""Each team numbers its own inquiries and complaints: a team's first is #1 whatever other teams
have opened, "complaint 1 resolved" finds the team's own #1 and never another team's, and undo of a
note that opened one gives its number back."""
from __future__ import annotations

from sqlalchemy import select, text

from bot.adapters.console import Console
from storage.engine import make_engine, migrate
from storage.models import Inquiry
from tests.bot.conftest import let_in
from tests.bot.records import business, difference


async def test_each_team_counts_from_one_and_resolves_only_its_own(crm, engine, store):
    let_in(engine, "console", "anna", "Anna", "admin")
    let_in(engine, "console", "dora", "Dora", "rep", team="teamb")
    anna, dora = Console(crm, user="anna", name="Anna"), Console(crm, user="dora", name="Dora")
    assert "(#1)" in (await anna.say("Globex complained about the late delivery")).text
    assert "(#2)" in (await anna.say("Initech asked about our pricing for spare parts")).text
    reply = await dora.say("Вектор пожаловался на задержку поставки")
    assert "№1" in reply.text or "#1" in reply.text
    assert "#2" not in reply.text
    before = business(engine)
    reply = await dora.say("complaint 2 resolved")             # team B has no #2; Anna's #2 is never touched
    assert not reply.wrote and "#2" in reply.text
    assert difference(before, business(engine)) == []
    assert (await dora.say("жалоба 1 решена")).wrote
    statuses = {(row.team_id, row.number): row.status for row in store.rows(select(Inquiry))}
    assert sorted(statuses.values()) == ["open", "open", "resolved"]
    assert [key for key, status in statuses.items() if status == "resolved"][0][1] == 1
    assert "Globex" in (await anna.say("open complaints and inquiries")).text


async def test_undo_gives_the_number_back_and_the_card_shows_the_teams_number(bot, store):
    await bot.say("Hooli complained about a broken seal")
    await bot.say("undo")
    assert store(Inquiry) == 0
    assert "（#1）" in await bot.say("星辰科技投诉发货慢")
    assert "#1" in await bot.say("星辰科技")


def test_the_migration_numbers_the_inquiries_already_there_per_team(tmp_path):
    store = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(store, "0012")  # a store as it was before inquiries were numbered per team
    with store.begin() as c:
        for team in (1, 2):
            c.execute(text("INSERT INTO team (id, name, timezone, currency, created_at, settings) "
                           f"VALUES ({team}, 'team {team}', 'UTC', 'USD', '2026-11-01', '{{}}')"))
            c.execute(text("INSERT INTO customer (id, team_id, name, name_key, custom, created_at) "
                           f"VALUES ({team}, {team}, 'Firm {team}', 'firm {team}', '{{}}', '2026-11-01')"))
        for team in (1, 2, 1, 1, 2):
            c.execute(text("INSERT INTO inquiry (team_id, customer_id, kind, text, status, opened_at) "
                           f"VALUES ({team}, {team}, 'complaint', 'x', 'open', '2026-11-02')"))
    migrate(store)
    with store.begin() as c:
        rows = c.execute(text("SELECT team_id, number FROM inquiry ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [(1, 1), (2, 1), (1, 2), (1, 3), (2, 2)]
    store.dispose()
