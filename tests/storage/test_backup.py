"""crmbot backup / restore: the whole store round-trips, on SQLite and PostgreSQL, and between them."""
from __future__ import annotations

import gzip
import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlmodel import Session, SQLModel

import storage.models  # noqa: F401
from storage.backup import BackupError, backup, is_empty, restore, wipe
from storage.engine import get_engine
from storage.models import AuditLog, ChatState, Contact, Customer, Inbox, Member, NudgeLedger, Team
from storage.seed import seed

PG_URL = __import__("os").environ.get("TEST_DATABASE_URL")


def _fill(engine) -> None:
    seed(engine, 12, 2, 3, 3, "default")
    with Session(engine) as s:
        team = s.query(Team).first()
        member = s.query(Member).first()
        customer = Customer(team_id=team.id, name="ООО «Ромашка» 华为", name_key="ромашка 华为",
                            custom={"cadence_days": 30, "tags": ["vip", None], "note": "多 ёлки"})
        s.add(customer)
        s.flush()
        s.add(Contact(team_id=team.id, customer_id=customer.id, name="Пётр 王", birth_month=2, birth_day=29,
                      phone="+7 900 000-00-00", email=None))
        s.add(AuditLog(team_id=team.id, member_id=member.id, action="create", table_name="customer",
                       row_id=customer.id, before=None, after={"name": customer.name, "n": 1.5}))
        s.add(ChatState(member_id=member.id, team_id=team.id, customer_id=customer.id,
                        customer_at=datetime(2026, 11, 25, 10, 0, 0, 123456, tzinfo=timezone.utc),
                        pending=None, listed=[customer.id]))
        s.add(Inbox(platform="telegram", update_key="1:2", payload={"text": "привет \"quoted\" \\ back"}))
        s.add(NudgeLedger(team_id=team.id, member_id=member.id, kind="birthday", subject="contact:1",
                          local_day=date(2028, 2, 28), status="sent"))
        s.commit()


def _snapshot(engine) -> dict[str, list[tuple]]:
    """Every table's rows, in primary-key order, as Python values (timestamps without zone)."""
    out: dict[str, list[tuple]] = {}
    with engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
        for table in SQLModel.metadata.sorted_tables:
            if table.name not in present:
                continue
            rows = connection.execute(table.select().order_by(*table.primary_key.columns)).all()
            out[table.name] = [tuple(_plain(v) for v in row) for row in rows]
    return out


def _plain(value):
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def _empty_sqlite(tmp_path: Path, name: str):
    return get_engine(f"sqlite:///{tmp_path / name}")


def test_round_trip_on_the_test_store(engine, tmp_path):
    _fill(engine)
    before = _snapshot(engine)
    assert sum(len(rows) for rows in before.values()) > 100
    file = tmp_path / "crm.backup.gz"
    summary = backup(engine, file)
    assert summary.revision and summary.rows["customer"] == 13
    lines = gzip.open(file, "rt", encoding="utf-8").read().splitlines()
    header = json.loads(lines[0])
    assert header["format"] == "crmbot-backup" and header["revision"] == summary.revision
    order = [json.loads(line)["table"] for line in lines if line.startswith('{"table"')]
    assert order.index("team") < order.index("member") < order.index("customer") < order.index("deal")
    with engine.begin() as connection:
        wipe(connection)
        assert is_empty(connection)
    restored = restore(engine, file)
    assert restored.rows == summary.rows
    assert _snapshot(engine) == before
    with Session(engine) as s:  # ids go on after the restored ones (PostgreSQL sequences moved)
        team = s.query(Team).first()
        fresh = Customer(team_id=team.id, name="New Co", name_key="new co")
        s.add(fresh)
        s.commit()
        assert fresh.id == max(r[0] for r in before["customer"]) + 1


def test_restore_refuses_a_store_with_data_unless_forced(engine, tmp_path):
    _fill(engine)
    file = tmp_path / "b.gz"
    backup(engine, file)
    before = _snapshot(engine)
    with pytest.raises(BackupError, match="--force"):
        restore(engine, file)
    with Session(engine) as s:
        s.add(Team(name="extra"))
        s.commit()
    restore(engine, file, force=True)
    assert _snapshot(engine) == before


def test_restore_refuses_a_newer_schema_and_a_damaged_file(engine, tmp_path):
    _fill(engine)
    file = tmp_path / "b.gz"
    backup(engine, file)
    lines = gzip.open(file, "rt", encoding="utf-8").read().splitlines()
    header = json.loads(lines[0])
    newer = tmp_path / "newer.gz"
    with gzip.open(newer, "wt", encoding="utf-8") as handle:
        handle.write("\n".join([json.dumps({**header, "revision": "9999"}), *lines[1:]]) + "\n")
    cut = tmp_path / "cut.gz"
    with gzip.open(cut, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines[: len(lines) // 2]) + "\n")
    with engine.begin() as connection:
        wipe(connection)
    with pytest.raises(BackupError, match="newer"):
        restore(engine, newer)
    with pytest.raises(BackupError, match="cut short"):
        restore(engine, cut)
    with engine.connect() as connection:
        assert is_empty(connection)  # nothing half-restored
    (tmp_path / "junk").write_text("hello\n")
    with pytest.raises(BackupError, match="not a crmbot backup"):
        restore(engine, tmp_path / "junk")


def test_sqlite_to_sqlite_file(tmp_path):
    source = _empty_sqlite(tmp_path, "a.db")
    _fill(source)
    backup(source, tmp_path / "a.gz")
    target = _empty_sqlite(tmp_path, "b.db")
    restore(target, tmp_path / "a.gz")
    assert _snapshot(target) == _snapshot(source)


@pytest.mark.skipif(not PG_URL, reason="needs TEST_DATABASE_URL (PostgreSQL)")
def test_between_sqlite_and_postgresql(database_url, tmp_path):
    source = _empty_sqlite(tmp_path, "a.db")
    _fill(source)
    backup(source, tmp_path / "a.gz")
    pg = get_engine(PG_URL)
    restore(pg, tmp_path / "a.gz", force=True)
    assert _snapshot(pg) == _snapshot(source)
    backup(pg, tmp_path / "b.gz")
    back = _empty_sqlite(tmp_path, "c.db")
    restore(back, tmp_path / "b.gz")
    assert _snapshot(back) == _snapshot(source)
