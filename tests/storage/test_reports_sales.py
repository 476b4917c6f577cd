"""Forecast and funnel on hand-made data: exact numbers, period edges, currencies."""
from __future__ import annotations

from datetime import date

import pytest

from storage.engine import session
from storage.report_inputs import set_fx, set_target
from storage.reports import Money, Tally, forecast, funnel, pipeline
from tests.storage.reports_data import Data, utc

Q4 = (date(2026, 10, 1), date(2026, 12, 31))
NOW = utc(2026, 11, 25, 10)


@pytest.fixture
def data(engine):
    d = Data(engine)
    d.customer("Acme")
    d.customer("Globex")
    d.customer("Zeta", team=d.other)
    return d


def test_forecast_weighted_won_target_and_gap(data, engine):
    data.deal("Acme", "proposal", 10000, close=date(2026, 12, 10))            # 50% → 5000
    data.deal("Acme", "negotiation", 4000, close=date(2026, 11, 30))          # 75% → 3000
    data.deal("Globex", "lead", 1000, close=date(2027, 1, 5))                 # next year: out
    data.deal("Globex", "qualified", 2000)                                    # undated: apart
    data.deal("Acme", "won", 7000, closed=utc(2026, 11, 3))                   # won in Q4
    data.deal("Acme", "won", 9999, closed=utc(2026, 9, 30, 22, 59))           # Sept 30 23:59 London: out
    data.deal("Globex", "won", 500, closed=utc(2026, 9, 30, 23, 0))           # Oct 1 00:00 London: in
    data.deal("Zeta", "won", 1e6, closed=utc(2026, 11, 3), team=data.other)   # other team: never
    with session(engine) as s:
        set_target(s, data.team, None, "revenue", *Q4, 2000000)               # $20,000
        report = forecast(s, data.team, *Q4, now=NOW)
    assert report.won.total == Tally("USD", 2, 750000)
    assert report.open.total == Tally("USD", 2, 1400000, 800000)
    assert report.undated.total == Tally("USD", 1, 200000, 50000)
    assert report.projected == Money(1550000, "USD")
    assert report.target_amount == Money(2000000, "USD")
    assert report.gap == Money(1250000, "USD") and report.projected_gap == Money(450000, "USD")
    assert report.attainment_pct == 37.5
    assert not (report.won.apart or report.open.apart or report.undated.apart)


def test_forecast_keeps_roubles_apart_without_a_rate_and_converts_with_one(data, engine):
    data.deal("Acme", "won", 1000, closed=utc(2026, 11, 3))
    data.deal("Acme", "won", 90000, currency="RUB", closed=utc(2026, 11, 4))
    data.deal("Globex", "won", 100, currency="EUR", closed=utc(2026, 11, 4))
    with session(engine) as s:
        apart = forecast(s, data.team, *Q4, now=NOW)
        assert apart.won.total == Tally("USD", 1, 100000)       # dollars only: nothing added across
        assert apart.won.apart == (Tally("EUR", 1, 10000), Tally("RUB", 1, 9000000))
        set_fx(s, data.team, "EUR", "USD", "1.08")
        set_fx(s, data.team, "USD", "RUB", "90")        # the inverse is used for RUB → USD
        both = forecast(s, data.team, *Q4, now=NOW)
    assert both.won.total == Tally("USD", 3, 210800)
    assert both.won.apart == () and {r.currency for r in both.won.rates} == {"EUR", "RUB"}


def test_pipeline_says_what_it_converted(data, engine):
    data.deal("Acme", "proposal", 1000, close=date(2026, 11, 20))
    data.deal("Globex", "proposal", 1000, currency="EUR", close=date(2026, 11, 20))
    data.deal("Globex", "lead", 500, currency="RUB", close=date(2026, 11, 20))
    with session(engine) as s:
        plain = pipeline(s, data.team, date(2026, 11, 1), date(2026, 11, 30))
        assert plain.total.total == Tally("USD", 1, 100000, 50000) and not plain.total.rates
        set_fx(s, data.team, "EUR", "USD", "1.1")
        report = pipeline(s, data.team, date(2026, 11, 1), date(2026, 11, 30))
    assert report.total.total == Tally("USD", 2, 210000, 105000)
    assert [r.currency for r in report.total.rates] == ["EUR"]
    assert report.total.apart == (Tally("RUB", 1, 50000, 5000),)


def test_funnel_conversion_days_in_stage_win_rate_and_lost_reasons(data, engine):
    d = utc(2026, 10, 5)
    data.deal("Acme", "won", 1, created=d, history=[("lead", d), ("qualified", utc(2026, 10, 7)),
                                                    ("proposal", utc(2026, 10, 12)), ("won", utc(2026, 10, 20))])
    data.deal("Acme", "lost", 1, created=d, lost_reason="price",
              history=[("lead", d), ("qualified", utc(2026, 10, 9)), ("lost", utc(2026, 10, 10))])
    data.deal("Globex", "lost", 1, created=d, lost_reason="price", history=[("lead", d), ("lost", utc(2026, 10, 6))])
    data.deal("Globex", "lead", 1, created=d)
    data.deal("Globex", "proposal", 1, created=utc(2026, 10, 8))              # entered at proposal
    data.deal("Acme", "lost", 1, created=utc(2026, 10, 8), lost_reason="timing",
              history=[("negotiation", utc(2026, 10, 8)), ("lost", utc(2026, 10, 9))])
    data.deal("Acme", "won", 1, created=utc(2026, 9, 1))                      # entered before: out
    with session(engine) as s:
        report = funnel(s, data.team, *Q4)
    assert report.entered == 6
    reached = {row.stage: row.reached for row in report.stages}
    assert reached == {"lead": 6, "qualified": 4, "proposal": 3, "negotiation": 2, "won": 1}
    rows = {row.stage: row for row in report.stages}
    assert rows["lead"].to_next_pct == 66.7 and rows["lead"].to_won_pct == 16.7
    assert rows["proposal"].to_next_pct == 66.7 and rows["negotiation"].to_won_pct == 50.0
    # lead: 2, 4 and 1 days → 2.3; qualified: 5 and 1 → 3; proposal: 8; negotiation: 1
    assert [rows[s].avg_days for s in ("lead", "qualified", "proposal", "negotiation")] == [2.3, 3.0, 8.0, 1.0]
    assert (report.won, report.lost, report.open, report.win_rate_pct) == (1, 3, 2, 25.0)
    assert [(r.reason, r.count) for r in report.lost_reasons] == [("price", 2), ("timing", 1)]


def test_empty_period_gives_zeros_not_errors(data, engine):
    with session(engine) as s:
        assert funnel(s, data.team, date(2020, 1, 1), date(2020, 1, 31)).entered == 0
        report = forecast(s, data.team, date(2020, 1, 1), date(2020, 1, 31), now=NOW)
    assert report.won.total == Tally("USD") and report.target is None and report.gap is None


def test_forecast_and_funnel_of_one_member_count_their_deals_against_their_target(data, engine):
    data.deal("Acme", "won", 7000, closed=utc(2026, 11, 3), owner="Ann")
    data.deal("Globex", "won", 3000, closed=utc(2026, 11, 4), owner="Bob")
    data.deal("Globex", "proposal", 1000, close=date(2026, 12, 1), owner="Bob", created=utc(2026, 10, 5))
    with session(engine) as s:
        set_target(s, data.team, data.m["Bob"], "revenue", *Q4, 1000000)        # Bob's own: $10,000
        set_target(s, data.team, None, "revenue", *Q4, 5000000)                 # the team's: $50,000
        bob = forecast(s, data.team, *Q4, now=NOW, owner_id=data.m["Bob"])
        team = forecast(s, data.team, *Q4, now=NOW)
        bobs_funnel = funnel(s, data.team, *Q4, owner_id=data.m["Bob"])
    assert bob.won.total == Tally("USD", 1, 300000) and bob.open.total == Tally("USD", 1, 100000, 50000)
    assert bob.target_amount == Money(1000000, "USD") and bob.attainment_pct == 30.0 and bob.owner_id == data.m["Bob"]
    assert team.won.total == Tally("USD", 2, 1000000) and team.target_amount == Money(5000000, "USD")
    assert bobs_funnel.entered == 2 and bobs_funnel.won == 1
