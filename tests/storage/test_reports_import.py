"""CSV import: headers in three languages, a dry run that lists errors and writes nothing, all or nothing."""
from __future__ import annotations

from sqlalchemy import func, select

from storage.engine import session
from storage.importer import import_csv
from storage.models import Contact, Customer, CustomerAlias, Deal, StageChange
from tests.storage.reports_data import Data


def count(engine, table, *where):
    with session(engine) as s:
        return s.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def run(engine, team, kind, text, dry_run=False):
    with session(engine) as s:
        result = import_csv(s, team, kind, text.encode("utf-8"), dry_run=dry_run)
        s.commit()
        return result


def test_dry_run_reports_row_errors_and_writes_nothing_then_nothing_is_written_either(engine):
    d = Data(engine)
    d.customer("Acme Corp")
    bad = ("客户,商机,阶段,金额,币种,预计成交日期\n"
           "Acme,Renewal,won,1000,USD,2026-12-01\n"
           "Globex,Pilot,maybe,12k,US,2026-13-01\n"
           ",Nothing,lead,5,USD,\n")
    dry = run(engine, d.team, "deals", bad, dry_run=True)
    assert {(e["line"], e["field"]) for e in dry["errors"]} == {
        (3, "stage"), (3, "amount"), (3, "currency"), (3, "expected_close"), (4, "customer")}
    assert not dry["written"]
    wet = run(engine, d.team, "deals", bad)
    assert wet["errors"] and not wet["written"]
    assert count(engine, Deal) == 0 and count(engine, Customer) == 1      # all or nothing


def test_import_writes_all_rows_and_matches_existing_customers(engine):
    d = Data(engine)
    d.customer("Acme Corp")
    customers = ("Компания;Источник;Сегмент;Псевдоним\n"
                 "ACME corp.;referral;SMB;\n"              # the same customer: matched, source filled in
                 "ООО «Вектор»;выставка;;Vector\n"
                 "Вектор ООО;;;\n")                         # a duplicate within the file: once
    dry = run(engine, d.team, "customers", customers, dry_run=True)
    assert dry["errors"] == [] and dry["created"] == {"customer": 1, "customer_alias": 1} and dry["matched"] == 1
    assert count(engine, Customer) == 1
    done = run(engine, d.team, "customers", customers)
    assert done["written"] and count(engine, Customer) == 2 and count(engine, CustomerAlias) == 1
    with session(engine) as s:
        assert s.get(Customer, d.c["Acme Corp"]).source == "referral"
    contacts = ("company,name,title,phone,email,birthday\n"
                "Acme Corp,John Smith,CFO,+1 555 0100,john@acme.test,04-09\n"
                "Vector,Анна Петрова,закупщик,,anna@vector.test,1990-05-17\n"
                "Initrode,Mary Jones,,,,\n")
    assert run(engine, d.team, "contacts", contacts)["created"] == {"customer": 1, "contact": 3}
    assert count(engine, Contact, Contact.birth_month == 5, Contact.birth_day == 17) == 1
    deals = ("customer,title,stage,amount,currency,expected close,owner\n"
             "Acme Corp,Renewal,已报价,\"40,000\",USD,2026-12-01,Ann\n"
             "Вектор,Поставка,переговоры,\"1 200 000\",RUB,01.12.2026,Bob\n")
    result = run(engine, d.team, "deals", deals)
    assert result["errors"] == [] and result["created"] == {"deal": 2, "stagechange": 2}
    with session(engine) as s:
        rows = {r.title: r for r in s.execute(select(Deal)).scalars()}
        assert (rows["Renewal"].stage, rows["Renewal"].amount_minor) == ("proposal", 4000000)
        assert (rows["Поставка"].stage, rows["Поставка"].amount_minor, rows["Поставка"].currency) == \
            ("negotiation", 120000000, "RUB")
    assert count(engine, StageChange) == 2


def test_a_file_without_the_needed_column_is_refused_at_the_header(engine):
    d = Data(engine)
    result = run(engine, d.team, "contacts", "phone,email\n1,a@b.c\n")
    assert result["errors"][0]["line"] == 1 and {e["field"] for e in result["errors"]} == {"customer", "name"}
