"""The pipeline report on a real store: exact numbers (minor units) for small hand-made sets."""
from __future__ import annotations

from datetime import date

import pytest

from storage.engine import session
from storage.models import Customer, Deal, Member, Team
from storage.reports import Rates, Sums, Tally, pipeline
from storage.report_inputs import set_fx

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
    """stage → (deals, amount, weighted) in the report currency, in minor units."""
    return {line.stage: (line.sums.total.count, line.sums.total.minor, line.sums.total.weighted_minor)
            for line in report.stages}


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

    assert (report.period.start, report.period.end) == (START, END)
    assert [line.stage for line in report.stages] == ["lead", "qualified", "proposal", "negotiation"]
    assert stages(report) == {
        "lead": (2, 150000, 15000),
        "qualified": (1, 200000, 50000),
        "proposal": (1, 100000, 90000),
        "negotiation": (1, 0, 0),
    }
    assert report.undated.total == Tally("USD", 1, 50000, 5000)
    assert report.total.total == Tally("USD", 5, 450000, 155000)
    assert report.currency == "USD" and not report.total.mixed and not report.total.apart
    assert isinstance(report.total.total.minor, int)


def test_cents_are_kept_and_weighted_amounts_round_half_up(store):
    engine, ids, add = store
    add("lead", 1234.55, date(2026, 11, 2))           # weighted 10% = 123.455 -> 123.46
    add("qualified", 0.01, None)                      # weighted 25% = 0.0025 -> 0
    report = run(engine, ids["team"])
    assert stages(report)["lead"] == (1, 123455, 12346)
    assert stages(report)["qualified"] == (1, 1, 0)
    assert report.total.total == Tally("USD", 2, 123456, 12346)
    assert report.undated.total == Tally("USD", 1, 1, 0)


def test_every_open_stage_listed_even_when_empty(store):
    engine, ids, _add = store
    report = run(engine, ids["team"])
    assert [(line.stage, line.sums) for line in report.stages] == [
        (s, Sums.empty("USD")) for s in ("lead", "qualified", "proposal", "negotiation")]
    assert report.undated == Sums.empty("USD") and report.total == Sums.empty("USD")
    assert report.currency == "USD" and report.per_owner == ()


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
    assert stages(report)["lead"] == (1, 100000, 20000)
    assert stages(report)["negotiation"] == (1, 100000, 75000)
    assert report.total.total.weighted_minor == 95000
    report = run(engine, ids["team"], probabilities={"lead": 5, "negotiation": 100})
    assert stages(report)["lead"] == (1, 100000, 5000)
    assert stages(report)["negotiation"] == (1, 100000, 100000)
    assert report.total.total.weighted_minor == 105000


def test_mixed_currencies_are_never_added_or_counted_together_without_a_rate(store):
    engine, ids, add = store
    add("lead", 1000, START)                           # USD (team currency)
    add("lead", 2000, START, currency="EUR")
    add("qualified", 300000, None, currency="RUB")
    add("proposal", 100, END, currency=None)           # no currency: the team's

    report = run(engine, ids["team"])

    assert report.currency == "USD" and report.total.mixed and not report.total.rates
    # each stage's figure counts and sums its dollars only; the rest are apart, with their own counts
    assert stages(report) == {"lead": (1, 100000, 10000), "qualified": (0, 0, 0),
                              "proposal": (1, 10000, 5000), "negotiation": (0, 0, 0)}
    lead, qualified = report.stages[0].sums, report.stages[1].sums
    assert lead.apart == (Tally("EUR", 1, 200000, 20000),)
    assert qualified.apart == (Tally("RUB", 1, 30000000, 7500000),)
    assert report.total.total == Tally("USD", 2, 110000, 15000)
    assert report.total.apart == (Tally("EUR", 1, 200000, 20000), Tally("RUB", 1, 30000000, 7500000))
    assert report.total.count == 4 == sum(line.sums.count for line in report.stages)
    assert report.undated.total == Tally("USD", 0, 0, 0)
    assert report.undated.apart == (Tally("RUB", 1, 30000000, 7500000),)
    assert [t.currency for t in report.total.by_currency] == ["USD", "EUR", "RUB"]


def test_rates_convert_into_the_team_currency_and_are_named(store):
    engine, ids, add = store
    add("proposal", 42000, START)
    add("proposal", 120000, START, currency="CNY")
    add("proposal", 1200000, None, currency="RUB")
    with session(engine) as s:
        set_fx(s, ids["team"], "CNY", "USD", "0.14")
        s.commit()
    partly = run(engine, ids["team"])
    assert partly.total.total == Tally("USD", 2, 4200000 + 1680000, 2100000 + 840000)
    assert [(r.currency, r.to, str(r.rate)) for r in partly.total.rates] == [("CNY", "USD", "0.14")]
    assert partly.total.apart == (Tally("RUB", 1, 120000000, 60000000),)
    with session(engine) as s:
        set_fx(s, ids["team"], "USD", "RUB", "90")       # the inverse serves RUB → USD
        s.commit()
    whole = run(engine, ids["team"])
    assert whole.total.total == Tally("USD", 3, 4200000 + 1680000 + 1333333, 2100000 + 840000 + 666667)
    assert not whole.total.apart and {r.currency for r in whole.total.rates} == {"CNY", "RUB"}
    assert whole.undated.total == Tally("USD", 1, 1333333, 666667)
    assert stages(whole)["proposal"] == (3, 7213333, 3606667)


def test_one_foreign_currency_is_the_report_currency(store):
    engine, ids, add = store
    add("lead", 1000, START, currency="EUR")
    add("proposal", 3000, None, currency="EUR")
    add("qualified", None, END, currency=None)         # unpriced: counted in, whatever its currency
    report = run(engine, ids["team"])
    assert report.currency == "EUR"
    assert report.total.total == Tally("EUR", 3, 400000, 160000)
    assert report.total.apart == () and report.total.rates == ()
    assert stages(report)["qualified"] == (1, 0, 0)


def test_owner_filter_and_per_owner_breakdown(store):
    engine, ids, add = store
    add("lead", 1000, START, owner="ann")
    add("proposal", 4000, None, owner="ann")
    add("qualified", 8000, END, owner="bob")
    add("negotiation", 100, END, owner=None)
    add("lead", 500, START, owner="bob", currency="EUR")

    report = run(engine, ids["team"])
    assert [(o.owner_id, o.name, o.sums.total, o.sums.apart) for o in report.per_owner] == [
        (ids["bob"], "Bob", Tally("USD", 1, 800000, 200000), (Tally("EUR", 1, 50000, 5000),)),
        (ids["ann"], "Ann", Tally("USD", 2, 500000, 210000), ()),
        (None, None, Tally("USD", 1, 10000, 7500), ()),
    ]
    assert sum(o.sums.count for o in report.per_owner) == report.total.count
    assert sum(o.sums.total.minor for o in report.per_owner) == report.total.total.minor

    mine = run(engine, ids["team"], owner_id=ids["ann"])
    assert stages(mine) == {"lead": (1, 100000, 10000), "qualified": (0, 0, 0),
                            "proposal": (1, 400000, 200000), "negotiation": (0, 0, 0)}
    assert mine.undated.total == Tally("USD", 1, 400000, 200000)
    assert mine.total.total == Tally("USD", 2, 500000, 210000) and not mine.total.mixed
    assert [o.owner_id for o in mine.per_owner] == [ids["ann"]] and mine.owner_id == ids["ann"]


def test_another_team_sees_only_its_own(store):
    engine, ids, add = store
    add("lead", 1000, START)
    add("lead", 7000, START, owner="stranger", team="other")
    report = run(engine, ids["other"])
    assert stages(report)["lead"] == (1, 700000, 70000)
    assert report.total.total.minor == 700000


def test_unknown_team_is_an_error(store):
    engine, _ids, _add = store
    with pytest.raises(LookupError):
        run(engine, 999999)


def test_sums_gather_currencies_only_through_rates():
    from decimal import Decimal

    rates = Rates({("EUR", "USD"): Decimal("1.1")})
    sums = Sums.of([Tally("USD", 1, 100), Tally("EUR", 2, 1000, 15), Tally("USD", 1, 50), Tally("JPY", 0, 0)],
                   "USD", rates)
    assert sums.total == Tally("USD", 4, 1250, 17)       # 1000 EUR cents → 1100, 15 → 16.5 → 17 (half up)
    assert sums.apart == () and sums.count == 4 and sums.mixed
    assert Sums.of([Tally("RUB", 3, 900)], "USD", rates).apart == (Tally("RUB", 3, 900),)
    with pytest.raises(ValueError):
        Tally("USD", 1, 1) + Tally("EUR", 1, 1)


def test_deals_written_in_the_same_session_are_counted(store):
    engine, ids, _add = store
    with session(engine) as s:
        s.add(Deal(team_id=ids["team"], customer_id=ids["acme"], stage="proposal",
                   amount_minor=250000, currency="USD", expected_close=END, owner_id=ids["bob"]))
        report = pipeline(s, ids["team"], START, END)
        s.rollback()
    assert stages(report)["proposal"] == (1, 250000, 125000)
    assert run(engine, ids["team"]).total.total.minor == 0
