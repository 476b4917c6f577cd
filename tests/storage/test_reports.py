"""The pipeline report on a real store: exact numbers for small hand-made sets."""
from __future__ import annotations

from datetime import date

import pytest

from storage.engine import session
from storage.models import Customer, Deal, Member, Team
from storage.reports import money, pipeline

START, END = date(2026, 11, 1), date(2026, 11, 30)


@pytest.fixture
def store(engine):
    """A team (USD) with two reps and one customer; a helper adds deals."""
    with session(engine) as s:
        team = Team(name="t1", currency="USD")
        other = Team(name="t2", currency="USD")
        s.add(team)
        s.add(other)
        s.flush()
        ann = Member(team_id=team.id, name="Ann", role="rep")
        bob = Member(team_id=team.id, name="Bob", role="rep")
        stranger = Member(team_id=other.id, name="Zed", role="rep")
        s.add_all([ann, bob, stranger])
        s.flush()
        acme = Customer(team_id=team.id, name="Acme", name_key="acme")
        foreign = Customer(team_id=other.id, name="Acme", name_key="acme")
        s.add_all([acme, foreign])
        s.commit()
        ids = {"team": team.id, "other": other.id, "ann": ann.id, "bob": bob.id,
               "stranger": stranger.id, "acme": acme.id, "foreign": foreign.id}

    def add(stage, amount, close, currency="USD", owner="ann", probability=None, team="team"):
        with session(engine) as s:
            s.add(Deal(team_id=ids[team], customer_id=ids["acme" if team == "team" else "foreign"],
                       stage=stage,
                       amount_minor=None if amount is None else round(amount * 100),
                       currency=currency, expected_close=close,
                       owner_id=ids[owner] if owner else None, probability=probability))
            s.commit()

    return engine, ids, add


def run(engine, team_id, start=START, end=END, **kw):
    with session(engine) as s:
        return pipeline(s, team_id, start, end, **kw)


def stages(report):
    return {row["stage"]: (row["count"], row["amount"], row["weighted"]) for row in report["stages"]}


def test_open_deals_in_period_plus_undated_with_exact_numbers(store):
    engine, ids, add = store
    add("lead", 1000, START)                         # first day: in
    add("qualified", 2000, END)                      # last day: in
    add("proposal", 3000.50, date(2026, 12, 1))      # the day after: out
    add("negotiation", 4000, date(2026, 10, 31))     # the day before: out
    add("won", 5000, date(2026, 11, 10))             # closed: out
    add("lost", 6000, date(2026, 11, 10))            # closed: out
    add("won", 7000, None)                           # closed, undated: out
    add("lead", 500, None)                           # open, undated: in, and in `undated`
    add("negotiation", None, date(2026, 11, 15))     # no amount: counted, adds nothing
    add("proposal", 1000, date(2026, 11, 20), probability=90)   # its own probability
    add("lead", 9999, date(2026, 11, 5), owner="stranger", team="other")  # another team

    report = run(engine, ids["team"])

    assert report["period"] == {"from": "2026-11-01", "to": "2026-11-30"}
    assert [row["stage"] for row in report["stages"]] == ["lead", "qualified", "proposal", "negotiation"]
    assert stages(report) == {
        "lead": (2, 1500, 150),
        "qualified": (1, 2000, 500),
        "proposal": (1, 1000, 900),
        "negotiation": (1, 0, 0),
    }
    assert report["undated"] == {"count": 1, "amount": 500}
    assert report["total"] == 4500
    assert report["weighted_total"] == 1550
    assert report["currency"] == "USD"
    assert report["mixed_currency"] is False
    assert "by_currency" not in report
    for value in (report["total"], report["weighted_total"], report["undated"]["amount"]):
        assert isinstance(value, int)


def test_cents_are_kept_and_rounded_half_up(store):
    engine, ids, add = store
    add("lead", 1234.55, date(2026, 11, 2))           # weighted 10% = 123.455 -> 123.46
    add("qualified", 0.01, None)                      # weighted 25% = 0.0025 -> 0
    report = run(engine, ids["team"])
    assert stages(report)["lead"] == (1, 1234.55, 123.46)
    assert stages(report)["qualified"] == (1, 0.01, 0)
    assert report["total"] == 1234.56
    assert report["weighted_total"] == 123.46
    assert report["undated"] == {"count": 1, "amount": 0.01}
    assert isinstance(report["total"], float)


def test_every_open_stage_listed_even_when_empty(store):
    engine, ids, _add = store
    report = run(engine, ids["team"])
    assert report["stages"] == [{"stage": s, "count": 0, "amount": 0, "weighted": 0}
                                for s in ("lead", "qualified", "proposal", "negotiation")]
    assert report["undated"] == {"count": 0, "amount": 0}
    assert report["total"] == 0 and report["weighted_total"] == 0
    assert report["currency"] == "USD"
    assert report["per_owner"] == []


def test_probabilities_from_team_settings_and_from_the_caller(store):
    engine, ids, add = store
    add("lead", 1000, START)
    add("negotiation", 1000, None)
    with session(engine) as s:
        team = s.get(Team, ids["team"])
        team.settings = {"stage_probabilities": {"lead": 20}}
        s.add(team)
        s.commit()
    report = run(engine, ids["team"])
    assert stages(report)["lead"] == (1, 1000, 200)
    assert stages(report)["negotiation"] == (1, 1000, 750)
    assert report["weighted_total"] == 950
    report = run(engine, ids["team"], probabilities={"lead": 5, "negotiation": 100})
    assert stages(report)["lead"] == (1, 1000, 50)
    assert stages(report)["negotiation"] == (1, 1000, 1000)
    assert report["weighted_total"] == 1050


def test_mixed_currencies_are_never_added_together(store):
    engine, ids, add = store
    add("lead", 1000, START)                           # USD (team currency)
    add("lead", 2000, START, currency="EUR")
    add("qualified", 300000, None, currency="RUB")
    add("proposal", 100, END, currency=None)           # no currency: the team's

    report = run(engine, ids["team"])

    assert report["currency"] == "USD"
    assert report["mixed_currency"] is True
    assert stages(report) == {
        "lead": (2, 1000, 100),          # both deals counted, only dollars summed
        "qualified": (1, 0, 0),
        "proposal": (1, 100, 50),
        "negotiation": (0, 0, 0),
    }
    assert report["undated"] == {"count": 1, "amount": 0}
    assert report["total"] == 1100
    assert report["weighted_total"] == 150
    assert report["by_currency"] == {
        "EUR": {"count": 1, "amount": 2000, "weighted": 200, "undated": {"count": 0, "amount": 0}},
        "RUB": {"count": 1, "amount": 300000, "weighted": 75000,
                "undated": {"count": 1, "amount": 300000}},
        "USD": {"count": 2, "amount": 1100, "weighted": 150, "undated": {"count": 0, "amount": 0}},
    }
    assert sum(v["count"] for v in report["by_currency"].values()) == \
        sum(row["count"] for row in report["stages"])


def test_one_foreign_currency_is_the_report_currency(store):
    engine, ids, add = store
    add("lead", 1000, START, currency="EUR")
    add("proposal", 3000, None, currency="EUR")
    add("qualified", None, END, currency=None)         # unpriced: does not make it mixed
    report = run(engine, ids["team"])
    assert report["currency"] == "EUR"
    assert report["mixed_currency"] is False
    assert "by_currency" not in report
    assert report["total"] == 4000
    assert report["weighted_total"] == 1600
    assert stages(report)["qualified"] == (1, 0, 0)


def test_owner_filter_and_per_owner_breakdown(store):
    engine, ids, add = store
    add("lead", 1000, START, owner="ann")
    add("proposal", 4000, None, owner="ann")
    add("qualified", 8000, END, owner="bob")
    add("negotiation", 100, END, owner=None)
    add("lead", 500, START, owner="bob", currency="EUR")

    report = run(engine, ids["team"])
    assert report["per_owner"] == [
        {"owner_id": ids["bob"], "name": "Bob", "count": 2, "amount": 8000, "weighted": 2000},
        {"owner_id": ids["ann"], "name": "Ann", "count": 2, "amount": 5000, "weighted": 2100},
        {"owner_id": None, "name": None, "count": 1, "amount": 100, "weighted": 75},
    ]
    assert sum(o["count"] for o in report["per_owner"]) == sum(r["count"] for r in report["stages"])
    assert sum(o["amount"] for o in report["per_owner"]) == report["total"]

    mine = run(engine, ids["team"], owner_id=ids["ann"])
    assert stages(mine) == {"lead": (1, 1000, 100), "qualified": (0, 0, 0),
                            "proposal": (1, 4000, 2000), "negotiation": (0, 0, 0)}
    assert mine["undated"] == {"count": 1, "amount": 4000}
    assert mine["total"] == 5000 and mine["weighted_total"] == 2100
    assert mine["currency"] == "USD" and mine["mixed_currency"] is False
    assert [o["owner_id"] for o in mine["per_owner"]] == [ids["ann"]]


def test_another_team_sees_only_its_own(store):
    engine, ids, add = store
    add("lead", 1000, START)
    add("lead", 7000, START, owner="stranger", team="other")
    report = run(engine, ids["other"])
    assert stages(report)["lead"] == (1, 7000, 700)
    assert report["total"] == 7000


def test_unknown_team_is_an_error(store):
    engine, _ids, _add = store
    with pytest.raises(LookupError):
        run(engine, 999999)


def test_money_numbers():
    from decimal import Decimal
    assert money(Decimal("40000")) == 40000 and isinstance(money(Decimal("40000")), int)
    assert money(Decimal("12.5")) == 12.5
    assert money(Decimal("0.005")) == 0.01
    assert money(None) == 0


def test_deals_written_in_the_same_session_are_counted(store):
    engine, ids, _add = store
    with session(engine) as s:
        s.add(Deal(team_id=ids["team"], customer_id=ids["acme"], stage="proposal",
                   amount_minor=250000, currency="USD", expected_close=END, owner_id=ids["bob"]))
        report = pipeline(s, ids["team"], START, END)
        s.rollback()
    assert stages(report)["proposal"] == (1, 2500, 1250)
    assert run(engine, ids["team"])["total"] == 0
