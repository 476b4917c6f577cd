"""One team's store as CSV files: one per table, each with a header row, the team's rows only.

Tables that hold no team's data (refused strangers, the scheduler's lock) are not written; the
team table holds the team's own row. Cells that a spreadsheet would run as a formula are written
inert (see `storage.csv_safety`).
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator, Mapping

from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (every table, even on a store migrated earlier)
from storage.csv_safety import neutralize

CHUNK = 5000


def export_team(engine: Engine, team_id: int, directory: Path, names: Mapping[str, str]
                ) -> Iterator[tuple[Path, int]]:
    """Write the team's tables into `directory` (`names`: table → file stem); (path, rows) for each."""
    with engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            if table.name == "team":
                query = table.select().where(table.c.id == team_id)
            elif "team_id" in table.c:
                query = table.select().where(table.c.team_id == team_id).order_by(*table.primary_key.columns)
            else:
                continue
            path = directory / f"{names.get(table.name, table.name)}.csv"
            count = 0
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow([c.name for c in table.columns])
                result = connection.execution_options(stream_results=True).execute(query)
                for chunk in result.partitions(CHUNK):
                    writer.writerows([neutralize(value) for value in row] for row in chunk)
                    count += len(chunk)
            yield path, count
