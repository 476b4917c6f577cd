"""A row id is given once: after an undo removed a note's rows (the newest of their tables), the next
note's rows get new ids, on SQLite (AUTOINCREMENT, migration 0011) as on PostgreSQL (sequences). So an
audit entry, a kept question or a button that names an id never points at another customer's row."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlmodel import Session

from storage.audit import history
from storage.engine import make_engine, migrate
from storage.members import get_team
from storage.models import AuditLog, Customer, stored_id

NOTES = {
    "en": ("Visited Globex Corporation, met Maria Lopez (CFO), sent the quote for $42k, follow up Friday",
           "undo", "Visited Initech Ltd, met Laura Chen (CFO), sent the quote for $10k, follow up Monday",
           "Globex", "Initech"),
    "ru": ("Был в ООО Вектор, встретил Ивана Петрова, отправил КП на 1,2 млн, созвонимся в пятницу",
           "отмена", "Был в ООО Гефест, встретил Олега Смирнова, отправил КП на 500 тыс, созвонимся в понедельник",
           "Вектор", "Гефест"),
    "zh": ("拜访了星辰科技，见了王总，报价12万，周五跟进", "撤销", "拜访了云帆物流，见了李经理，报价8万，周一跟进",
           "星辰", "云帆"),
}


KINDS = {"customer", "contact", "deal", "stagechange", "interaction", "followup", "note"}


def created(engine, since: int) -> set[tuple[str, int]]:
    """The (table, id) of every row created after audit entry `since`, and of the notes that made them."""
    with Session(engine) as s:
        rows = s.execute(select(AuditLog.table_name, AuditLog.row_id, AuditLog.note_id)
                         .where(AuditLog.action == "create", AuditLog.id > since)).all()
    return {(table, row_id) for table, row_id, _ in rows} | {("note", note) for _, _, note in rows if note}


def last_entry(engine) -> int:
    with Session(engine) as s:
        return s.execute(select(AuditLog.id).order_by(AuditLog.id.desc()).limit(1)).scalar() or 0


@pytest.mark.parametrize("lang", NOTES)
async def test_an_undone_notes_ids_are_never_given_again(bot, engine, lang):
    first, undo, second, gone, kept = NOTES[lang]
    await bot.say(first)
    undone = created(engine, 0)
    assert KINDS <= {table for table, _ in undone}, undone
    mark = last_entry(engine)
    await bot.say(undo)
    await bot.say(second)
    made = created(engine, mark)
    assert KINDS <= {table for table, _ in made}, made
    assert not undone & made  # no table gave an undone row's id to a new row

    with Session(engine) as s:  # what `crmbot audit --customer` lists: the new customer's changes only
        team = get_team(s, "default")
        customer = s.execute(select(Customer).where(Customer.team_id == team.id)).scalars().one()
        assert kept in customer.name
        trail = history(s, stored_id(team), stored_id(customer))
    assert trail and all(gone not in str(entry["after"]) + str(entry["before"]) + str(entry["note_text"])
                         for entry in trail), trail


ON_POSTGRESQL = bool(os.environ.get("TEST_DATABASE_URL"))


@pytest.mark.skipif(ON_POSTGRESQL, reason="the migration rebuilds SQLite tables; PostgreSQL has nothing to change")
def test_the_migration_keeps_every_row_column_index_and_trigger_and_stops_ids_coming_back(tmp_path: Path):
    path = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine, "0010")  # a store as it was before
    with engine.begin() as c:
        c.execute(text("INSERT INTO team (id, name, timezone, currency, created_at, settings) "
                       "VALUES (1, 'north', 'UTC', 'USD', '2026-11-01', '{}')"))
        c.execute(text("INSERT INTO member (id, team_id, name, role, created_at) "
                       "VALUES (1, 1, 'Anna', 'rep', '2026-11-01')"))
        for i in (1, 2, 3):
            c.execute(text("INSERT INTO customer (id, team_id, name, name_key, custom, created_at) "
                           f"VALUES ({i}, 1, 'Firm {i}', 'firm {i}', '{{}}', '2026-11-01')"))
        c.execute(text("INSERT INTO deal (team_id, customer_id, stage, created_at, updated_at) "
                       "VALUES (1, 3, 'proposal', '2026-11-01', '2026-11-01')"))
    engine.dispose()
    before = shape(path)

    engine = make_engine(f"sqlite:///{path}")
    migrate(engine, "0011")  # 0011 on a store with rows that refer to each other
    after = shape(path)
    assert after == before  # same columns, keys, indexes, references and triggers
    with engine.begin() as c:
        assert c.execute(text("SELECT count(*) FROM customer")).scalar() == 3
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1  # enforced again after the migration
        c.execute(text("DELETE FROM deal"))
        c.execute(text("DELETE FROM customer WHERE id = 3"))  # the newest row goes (as an undo does)
        c.execute(text("INSERT INTO customer (team_id, name, name_key, custom, created_at) "
                       "VALUES (1, 'Firm 4', 'firm 4', '{}', '2026-11-02')"))
        assert c.execute(text("SELECT id FROM customer WHERE name = 'Firm 4'")).scalar() == 4
    engine.dispose()
    with sqlite3.connect(path) as raw:
        tables = raw.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'customer'").fetchone()
    assert "AUTOINCREMENT" in tables[0]

    engine = make_engine(f"sqlite:///{path}")
    migrate(engine, "0010")  # back a revision: the tables keep their form, which 0010 reads as well
    engine.dispose()
    assert shape(path) == before


def shape(path: Path) -> dict[str, object]:
    """Every table's columns, indexes (with their columns and uniqueness), references, and the triggers."""
    with sqlite3.connect(path) as raw:
        names = [n for (n,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        out: dict[str, object] = {}
        for name in names:
            indexes = sorted(
                ("unnamed" if index.startswith("sqlite_autoindex") else index, unique, origin,
                 tuple(column for _, _, column in raw.execute(f"PRAGMA index_info('{index}')")))
                for _, index, unique, origin, _ in raw.execute(f"PRAGMA index_list('{name}')"))
            references = sorted(row[2:] for row in raw.execute(f"PRAGMA foreign_key_list('{name}')"))
            out[name] = (raw.execute(f"PRAGMA table_info('{name}')").fetchall(), indexes, references)
        out["triggers"] = sorted(raw.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"))
    return out


@pytest.mark.skipif(ON_POSTGRESQL, reason="AUTOINCREMENT is SQLite's")
def test_every_table_with_an_id_of_its_own_never_gives_one_twice(engine):
    """A table added later needs `sqlite_autoincrement=True` in its migration, or fails here."""
    from sqlmodel import SQLModel

    with engine.connect() as c:
        made = dict(c.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table'")).all())
    own_ids = [t.name for t in SQLModel.metadata.sorted_tables
               if [column.name for column in t.primary_key.columns] == ["id"]]
    assert len(own_ids) >= 20
    assert [name for name in own_ids if "AUTOINCREMENT" not in made[name]] == []
