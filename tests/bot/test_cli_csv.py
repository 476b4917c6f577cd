"""`crmbot import` and `crmbot export` with files that would harm or mislead (issue 13, case 6)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.bot.test_cli import crmbot


def test_import_of_malformed_or_dangerous_files_lists_line_errors_and_writes_nothing(database_url, tmp_path: Path):
    cases = {
        "quote.csv": (b'name,source\nAcme,web\n"Globex,fair\nInitech,web\nHooli,web\n', "line 3: -: not valid CSV"),
        "formula.csv": (b"name,source\nAcme,web\nGlobex,=cmd|' /C calc'!A0\n", "line 3: source: starts with '='"),
        "picture.csv": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "line 1: -: this is not a CSV"),
    }
    for name, (data, error) in cases.items():
        (tmp_path / name).write_bytes(data)
        for dry in (["--dry-run"], []):
            out = crmbot("import", "customers", str(tmp_path / name), *dry, url=database_url)
            assert out.returncode == 1 and error in out.stderr, (name, out.stderr)
            assert "nothing was written" in out.stdout and "Traceback" not in out.stderr
    deals = tmp_path / "deals.csv"
    deals.write_text("customer,amount,currency\nAcme,1e308,USD\n", encoding="utf-8")
    out = crmbot("import", "deals", str(deals), url=database_url)
    assert out.returncode == 1 and "line 2: amount: too large" in out.stderr and "Traceback" not in out.stderr


def test_export_writes_a_formula_as_inert_text(database_url, tmp_path: Path):
    note = '=HYPERLINK("http://x","y") Called Acme about the demo'
    out = crmbot("say", "--user", "ann", "--now", "2026-11-25T10:00", note, url=database_url)
    assert "Recorded for" in out.stdout, out.stderr  # which customer the formula names is not the point here
    out = crmbot("export", "--all", str(tmp_path / "out"), url=database_url)
    assert out.returncode == 0, out.stderr
    [row] = list(csv.DictReader(io.StringIO((tmp_path / "out" / "interactions.csv").read_text())))
    assert row["text"] == "'" + note
