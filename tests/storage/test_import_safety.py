"""CSV that would harm or mislead: spreadsheet formulas are flagged on import and neutralized on
export; malformed files (an unclosed quote, binary content, numbers too large) are row errors with
their line, in the dry run too, never a traceback (issue 13, case 6)."""
from __future__ import annotations

import csv
import io
import struct
import zlib

import pytest
from sqlalchemy import func, select

from storage.csv_safety import formula_like, neutralize
from storage.engine import session
from storage.importer import import_csv
from storage.models import Contact, Customer, Deal
from tests.storage.reports_data import Data


def run(engine, team, kind, data: bytes | str, dry_run=False):
    with session(engine) as s:
        result = import_csv(s, team, kind, data.encode("utf-8") if isinstance(data, str) else data,
                            dry_run=dry_run)
        s.commit()
        return result


def count(engine, table) -> int:
    with session(engine) as s:
        return s.execute(select(func.count()).select_from(table)).scalar_one()


@pytest.mark.parametrize("cell", ["=cmd|' /C calc'!A0", "+HYPERLINK(\"http://evil\",\"click\")", "@SUM(A1:A9)",
                                  "-2+3+cmd|' /C calc'!A0", "\t=1+1", "  =1+1"])
def test_a_formula_in_any_cell_is_a_row_error_with_its_line(engine, cell):
    d = Data(engine)
    field = '"' + cell.replace('"', '""') + '"'
    text = f"name,source,segment\nAcme,web,retail\nGlobex,{field},retail\nInitech,fair,b2b\n"
    for dry in (True, False):
        result = run(engine, d.team, "customers", text, dry_run=dry)
        assert [(e["line"], e["field"]) for e in result["errors"]] == [(3, "source")]
        assert "formula" in result["errors"][0]["reason"] and not result["written"]
    assert count(engine, Customer) == 0


@pytest.mark.parametrize("value", ["+1 555 0100", "+44 (20) 7946-0958", "-", "-1200", "- see notes", "12.50"])
def test_phones_dashes_and_numbers_are_not_formulas(value):
    assert not formula_like(value)


def test_contacts_with_phone_numbers_starting_with_plus_import(engine):
    d = Data(engine)
    result = run(engine, d.team, "contacts", "company,name,phone\nAcme,Maria Lopez,+1 555 0100\n")
    assert result["written"] and not result["errors"]
    assert count(engine, Contact) == 1


def test_an_unclosed_quote_is_an_error_on_its_line_not_rows_merged_into_one(engine):
    d = Data(engine)
    text = 'name,source\nAcme,web\n"Globex,fair\nInitech,web\nHooli,web\nUmbrella,web\n'
    dry = run(engine, d.team, "customers", text, dry_run=True)
    assert [(e["line"], e["field"]) for e in dry["errors"]] == [(3, "-")]
    assert "quote" in dry["errors"][0]["reason"] and "fine" not in dry["summary"]
    assert not run(engine, d.team, "customers", text)["written"]
    assert count(engine, Customer) == 0


def test_a_quote_closed_lines_later_is_an_error_on_the_line_it_opened(engine):
    d = Data(engine)
    text = 'name,source\nAcme,web\n"Globex,fair\nInitech,web\nHooli",web\nUmbrella,web\n'
    dry = run(engine, d.team, "customers", text, dry_run=True)
    assert [(e["line"], e["field"]) for e in dry["errors"]] == [(3, "-")]
    assert "lines 3–5" in dry["errors"][0]["reason"]


def test_a_quoted_cell_with_a_comma_is_one_cell(engine):
    d = Data(engine)
    result = run(engine, d.team, "customers", 'name,source\n"Globex, Inc.",web\nAcme,"fair, spring"\n')
    assert result["written"] and not result["errors"]


def _png() -> bytes:
    header = b"\x89PNG\r\n\x1a\n"
    body = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return header + struct.pack(">I", len(body)) + b"IHDR" + body + struct.pack(">I", zlib.crc32(b"IHDR" + body))


@pytest.mark.parametrize("data", [_png(), b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4,
                                  b"name,source\nAcme,\x01\x02\x03\x04web\n"])
def test_a_binary_file_is_one_clear_error(engine, data):
    d = Data(engine)
    result = run(engine, d.team, "customers", data, dry_run=True)
    assert result["errors"] and not result["written"]
    assert any(("binary" in e["reason"] or "not text" in e["reason"]) for e in result["errors"])


@pytest.mark.parametrize("amount", ["1e308", "99999999999999999999", "1e20"])
def test_an_amount_too_large_is_a_row_error(engine, amount):
    d = Data(engine)
    result = run(engine, d.team, "deals", f"customer,amount,currency\nAcme,1000,USD\nGlobex,{amount},USD\n")
    assert [(e["line"], e["field"]) for e in result["errors"]] == [(3, "amount")]
    assert "too large" in result["errors"][0]["reason"]
    assert count(engine, Deal) == 0


def test_a_huge_cell_is_a_row_error(engine):
    d = Data(engine)
    result = run(engine, d.team, "customers", "name,source\nAcme," + "x" * 200_000 + "\n", dry_run=True)
    assert result["errors"] and result["errors"][0]["line"] == 2


@pytest.mark.parametrize("value,written", [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("+HYPERLINK(\"x\")", "'+HYPERLINK(\"x\")"),
    ("@SUM(A1)", "'@SUM(A1)"), ("-1+1", "'-1+1"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("-1200", "-1200"), ("+15550100", "+15550100"), ("Acme", "Acme"), (42, 42), (None, None),
])
def test_export_neutralizes_formulas(value, written):
    assert neutralize(value) == written


def test_an_exported_formula_reads_back_as_inert_text(engine, tmp_path):
    from storage.export import export_team

    d = Data(engine)
    with session(engine) as s:
        row = s.get(Customer, d.customer("Acme"))
        row.source = "=HYPERLINK(\"http://evil\")"
        s.add(row)
        s.commit()
    list(export_team(engine, d.team, tmp_path, {"customer": "customers"}))
    [record] = list(csv.DictReader(io.StringIO((tmp_path / "customers.csv").read_text())))
    assert record["source"] == "'=HYPERLINK(\"http://evil\")"
