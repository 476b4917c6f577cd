"""`crmbot audit` keeps a change that was undone later, marked as undone, beside the undo itself."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from bot.adapters.console import Console
from tests.bot.conftest import let_in
from tests.bot.test_cli_data import crmbot


async def test_audit_marks_changes_that_were_undone_instead_of_hiding_them(crm, engine, clock, database_url):
    let_in(engine, "console", "ann", "Ann", "admin")
    ann = Console(crm, user="ann", name="Ann")
    for minute, text in ((0, "Visited Globex, sent the quote for $42k"),
                         (5, "Globex moved to negotiation, $45k, follow up Friday"),
                         (6, "undo")):
        clock.now = datetime(2026, 11, 25, 10, minute, tzinfo=timezone.utc)
        assert (await ann.say(text)).text
    rows = [json.loads(line) for line in crmbot("audit", "--customer", "Globex", "--json",
                                                 url=database_url).stdout.splitlines()]
    undone = [r for r in rows if r["undone"]]
    kept = [r for r in rows if not r["undone"] and r["action"] != "undo"]
    assert undone and kept
    assert {r["table"] for r in undone} >= {"deal", "followup"}
    assert all(r["undone_at"].startswith("2026-11-25T10:06") for r in undone)
    assert all(r["note_text"].startswith("Visited Globex") for r in kept)
    assert [r["action"] for r in rows].count("undo") == 1
    text = crmbot("audit", "--customer", "Globex", url=database_url).stdout
    assert f"{len(undone)} of them undone later (marked)" in text
    assert "(undone 2026-11-25 10:06" in text and "undo of note #2" in text
    marked = [line for line in text.splitlines() if "(undone" in line]
    assert len(marked) == len(undone) and all("[note #2" in line for line in marked)


async def test_a_customer_undone_and_one_added_after_it_keep_their_own_trails(crm, engine, clock, database_url):
    """SQLite gives the number of the customer an undo took back to the next one: the trails stay apart."""
    let_in(engine, "console", "ann", "Ann", "admin")
    ann = Console(crm, user="ann", name="Ann")
    for minute, text in ((0, "Visited Globex, sent the quote for $42k"),
                         (1, "Called Hooli, follow up Friday"),
                         (2, "undo"),
                         (3, "Emailed Initech, sent the brochure")):
        clock.now = datetime(2026, 11, 25, 10, minute, tzinfo=timezone.utc)
        assert (await ann.say(text)).text
    rows = [json.loads(line) for line in crmbot("audit", "--customer", "Initech", "--json",
                                                 url=database_url).stdout.splitlines()]
    assert rows and all("Hooli" not in json.dumps(r, ensure_ascii=False) for r in rows), rows
    assert not any(r["undone"] or r["action"] == "undo" for r in rows)
    assert all(r["note_text"] == "Emailed Initech, sent the brochure" for r in rows)
