"""Export → edit in a spreadsheet → import gives back the edited store: names not ids, amounts in
currency units, dates; rows with a ref are updated, rows without one added; won deals imported are
dated by their close date; a second team gets the same records from the same files."""
from __future__ import annotations

import csv
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from storage.importer import import_csv
from storage.members import get_team
from storage.models import Deal, StageChange
from storage.sheets import COLUMNS, export_sheets
from tests.bot.conftest import let_in
from tests.bot.test_cli import crmbot

NOTES = ["Visited Globex, met Maria Lopez (CFO) +1 555 0100 maria@globex.com, sent the quote for $42,500.50, "
         "follow up Friday",
         "Called Initech, they signed! $18,000",
         "Emailed Umbrella, lost, they went with a cheaper vendor",
         "Met 华为 in Shanghai, 报价 ¥120000, follow up Monday",
         "Был у Вектора, отправил КП на 1,2 млн, созвонимся в пятницу"]


def read(directory: Path) -> dict[str, list[dict[str, str]]]:
    out = {}
    for kind in COLUMNS:
        with (directory / f"{kind}.csv").open(encoding="utf-8", newline="") as handle:
            out[kind] = list(csv.DictReader(handle))
    return out


def write(directory: Path, sheets: dict[str, list[dict[str, str]]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for kind, rows in sheets.items():
        with (directory / f"{kind}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS[kind])
            writer.writeheader()
            writer.writerows(rows)


def export(engine, team: str, directory: Path) -> dict[str, list[dict[str, str]]]:
    directory.mkdir(parents=True, exist_ok=True)
    with Session(engine) as s:
        team_id = get_team(s, team).id
    list(export_sheets(engine, team_id, directory))
    return read(directory)


def import_all(engine, team: str, directory: Path) -> list[dict]:
    results = []
    with Session(engine) as s:
        team_id = get_team(s, team).id
        for kind in COLUMNS:
            result = import_csv(s, team_id, kind, (directory / f"{kind}.csv").read_bytes())
            assert not result["errors"], result["errors"]
            results.append(result)
            s.flush()
        s.commit()
    return results


def without_refs(sheets):
    return {kind: sorted(tuple(v for k, v in row.items() if k != "ref") for row in rows)
            for kind, rows in sheets.items()}


async def filled(bot, engine) -> None:
    for text in NOTES:
        assert (await bot.say(text)).wrote
    await bot.say("my follow-ups this week")
    await bot.say("done 1")


async def test_the_export_names_things_as_people_do(bot, engine, tmp_path):
    await filled(bot, engine)
    sheets = export(engine, "default", tmp_path / "a")
    deals = {row["customer"]: row for row in sheets["deals"]}
    assert deals["Globex"]["amount"] == "42500.50" and deals["Globex"]["currency"] == "USD"
    assert deals["Globex"]["stage"] == "proposal" and deals["Globex"]["owner"] == "Anna"
    assert deals["Initech"]["stage"] == "won" and deals["Initech"]["closed on"] == "2026-11-25"
    assert deals["Initech"]["amount"] == "18000"
    assert {row["customer"] for row in sheets["contacts"]} >= {"Globex"}
    maria = next(row for row in sheets["contacts"] if row["name"] == "Maria Lopez")
    assert maria["phone"] == "'+1 555 0100" and maria["email"] == "maria@globex.com"
    assert any(row["done on"] == "2026-11-25" for row in sheets["followups"])
    assert "customer_id" not in (tmp_path / "a" / "deals.csv").read_text() and "amount_minor" not in \
        (tmp_path / "a" / "deals.csv").read_text()


async def test_an_untouched_export_imports_back_as_no_change(bot, engine, tmp_path):
    await filled(bot, engine)
    first = export(engine, "default", tmp_path / "a")
    results = import_all(engine, "default", tmp_path / "a")
    assert all(r["updated"] == 0 and not r["created"] for r in results), results
    assert export(engine, "default", tmp_path / "b") == first


async def test_export_edit_import_gives_the_edited_store(bot, engine, tmp_path):
    let_in(engine, "console", "anna", "Anna", "admin")
    let_in(engine, "console", "boris", "Boris", "rep")
    await filled(bot, engine)
    sheets = export(engine, "default", tmp_path / "a")
    globex = next(row for row in sheets["deals"] if row["customer"] == "Globex")
    globex.update(stage="won", amount="45000", **{"closed on": "2026-10-15", "owner": "Boris"})
    maria = next(row for row in sheets["contacts"] if row["name"] == "Maria Lopez")
    maria.update(phone="+44 20 7946 0000", role="CEO", birthday="04-09")
    initech = next(row for row in sheets["customers"] if row["name"] == "Initech")
    initech.update(name="Initech Corporation", aliases="Initech; INTC", segment="VIP", source="trade show",
                   custom="city: Austin; touch_days: 10")
    sheets["customers"][0]["custom"] = "city: Shanghai"
    sheets["deals"].append({"ref": "", "customer": "Acme Industries", "title": "Pilot", "stage": "won",
                            "amount": "12 500,75", "currency": "eur", "probability": "", "expected close": "",
                            "closed on": "2026-09-30", "owner": "Anna", "lost reason": ""})
    sheets["followups"][0].update(due="2026-12-01", what="send the contract", owner="Boris")
    write(tmp_path / "edited", sheets)
    import_all(engine, "default", tmp_path / "edited")
    after = export(engine, "default", tmp_path / "b")
    new_ref = max(int(row["ref"]) for row in after["deals"])
    expected = read(tmp_path / "edited")
    expected["deals"][-1].update(ref=str(new_ref), customer="Acme Industries", amount="12500.75", currency="EUR")
    expected["customers"].append(next(row for row in after["customers"] if row["name"] == "Acme Industries"))
    expected["contacts"][0]["phone"] = "'+44 20 7946 0000"  # written inert, read back as the number
    for rows in expected.values():  # the renamed customer is renamed everywhere
        for row in rows:
            if row.get("customer") == "Initech":
                row["customer"] = "Initech Corporation"
    assert after == expected
    # the won deals count on their close dates, not the import day; custom fields keep their types
    with Session(engine) as s:
        from storage.models import Customer
        renamed = s.execute(select(Customer).where(Customer.name == "Initech Corporation")).scalars().one()
        assert renamed.custom == {"city": "Austin", "touch_days": 10}
        won = {d.title or "": d for d in s.execute(select(Deal).where(Deal.stage == "won")).scalars()}
        assert won["Pilot"].closed_at == datetime(2026, 9, 30, 12, tzinfo=timezone.utc)
        moves = s.execute(select(StageChange.at).where(StageChange.deal_id == won["Pilot"].id)).scalars().all()
        assert [m.date() for m in moves] == [date(2026, 9, 30)]
        globex_deal = s.get(Deal, int(globex["ref"]))
        assert globex_deal.closed_at.date() == date(2026, 10, 15)
        last = s.execute(select(StageChange).where(StageChange.deal_id == globex_deal.id)
                         .order_by(StageChange.id.desc())).scalars().first()
        assert (last.from_stage, last.to_stage, last.at.date()) == ("proposal", "won", date(2026, 10, 15))


async def test_new_rows_imported_twice_are_added_once_and_rows_the_file_repeats_are_all_added(bot, engine,
                                                                                             tmp_path):
    let_in(engine, "console", "anna", "Anna", "admin")
    await filled(bot, engine)
    sheets = export(engine, "default", tmp_path / "a")
    pilot = {"ref": "", "customer": "Globex", "title": "Pilot", "stage": "proposal", "amount": "5000",
             "currency": "USD", "probability": "", "expected close": "2026-12-20", "closed on": "", "owner": "Anna",
             "lost reason": ""}
    sheets["deals"] += [pilot, dict(pilot), {**pilot, "title": "Rollout", "amount": "50000"}]
    sheets["followups"].append({"ref": "", "customer": "Globex", "due": "2026-12-21", "what": "book the demo",
                                "owner": "Anna", "done on": ""})
    write(tmp_path / "edited", sheets)
    first = import_all(engine, "default", tmp_path / "edited")
    deals = next(r for r in first if r["kind"] == "deals")
    assert deals["created"] == {"deal": 3, "stagechange": 3} and "3 deals, 3 stage changes" in deals["summary"]
    again = import_all(engine, "default", tmp_path / "edited")        # the same sheet once more: nothing new
    assert all(not {k: v for k, v in r["created"].items() if k != "already"} for r in again), again
    assert next(r for r in again if r["kind"] == "deals")["created"] == {"already": 3}
    assert "3 already there" in next(r for r in again if r["kind"] == "deals")["summary"]
    with Session(engine) as s:
        titles = sorted(d.title for d in s.execute(select(Deal).where(Deal.title.is_not(None))).scalars())
    assert titles == ["Pilot", "Pilot", "Rollout"]                       # the file's two Pilots, once each
    after = export(engine, "default", tmp_path / "b")
    assert [f["what"] for f in after["followups"]].count("book the demo") == 1


async def test_the_same_files_give_another_team_the_same_records(bot, engine, tmp_path):
    await filled(bot, engine)
    let_in(engine, "console", "dora", "Anna", "admin", team="teamb")  # the owner's name exists there too
    sheets = export(engine, "default", tmp_path / "a")
    import_all(engine, "teamb", tmp_path / "a")
    other = export(engine, "teamb", tmp_path / "b")
    assert without_refs(other) == without_refs(sheets)
    assert export(engine, "default", tmp_path / "c") == sheets  # the first team is untouched


def test_crmbot_export_and_import_all_round_trip(database_url, tmp_path):
    out = crmbot("user", "add", "--platform", "console", "--id", "ann", "--name", "Ann", "--role", "admin",
                 url=database_url)
    assert out.returncode == 0, out.stderr
    out = crmbot("say", "--user", "ann", "--now", "2026-11-25T10:00", NOTES[0], url=database_url)
    assert out.returncode == 0, out.stderr
    out = crmbot("export", str(tmp_path / "x"), "--by", "Ann", url=database_url)
    assert out.returncode == 0 and "deals.csv  (1 row)" in out.stdout and "crmbot import all" in out.stdout
    text = (tmp_path / "x" / "deals.csv").read_text().replace("42500.50", "50000")
    (tmp_path / "x" / "deals.csv").write_text(text)
    out = crmbot("import", "all", str(tmp_path / "x"), url=database_url)
    assert out.returncode == 0 and "1 updated from the sheet" in out.stdout, out.stdout + out.stderr
    card = crmbot("say", "--user", "ann", "--now", "2026-11-25T10:05", "what do we know about Globex",
                  url=database_url)
    assert "$50,000" in card.stdout
    bad = text.replace("Globex", "=HYPERLINK(\"x\")", 1)
    (tmp_path / "x" / "deals.csv").write_text(bad)
    out = crmbot("import", "all", str(tmp_path / "x"), url=database_url)
    assert out.returncode == 1 and "formula" in out.stderr and "Nothing was written" in out.stderr
