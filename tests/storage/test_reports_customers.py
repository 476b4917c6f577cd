"""Activity, lead sources, top customers, quiet deals, overdue follow-ups, inquiries: exact numbers."""
from __future__ import annotations

from datetime import date

import pytest

from storage.engine import session
from storage.inquiries import inquiries_report, open_for_customer, record, resolve
from storage.report_inputs import set_fx, set_source_cost, set_target
from storage.reports_customers import overdue_followups, quiet_deals, sources, top_customers
from storage.reports_people import activity_report
from tests.storage.reports_data import Data, utc

WEEK = (date(2026, 11, 23), date(2026, 11, 29))   # Monday .. Sunday
NOW = utc(2026, 11, 25, 10)


@pytest.fixture
def data(engine):
    d = Data(engine)
    for name, source in (("Acme", "referral"), ("Globex", "website"), ("Initech", None), ("Umbrella", "referral")):
        d.customer(name, source=source)
    d.customer("Zeta", team=d.other, by="Zed")
    return d


def test_activity_per_rep_with_week_edges_targets_and_followups(data, engine):
    data.touch("Acme", "Ann", "visit", utc(2026, 11, 23, 0, 0))        # Monday 00:00 London: in
    data.touch("Acme", "Ann", "visit", utc(2026, 11, 29, 23, 59))      # Sunday 23:59: in
    data.touch("Acme", "Ann", "call", utc(2026, 11, 24, 9))
    data.touch("Acme", "Ann", "visit", utc(2026, 11, 22, 23, 59))      # the Sunday before: out
    data.touch("Globex", "Ann", "visit", utc(2026, 11, 30, 0, 0))      # next Monday: out of the week
    data.touch("Globex", "Bob", "email", utc(2026, 11, 25, 8))
    data.touch("Zeta", "Zed", "visit", utc(2026, 11, 25, 8), team=data.other)
    data.customer("Newco", created=utc(2026, 11, 24), by="Bob")
    data.deal("Acme", "proposal", 10, created=utc(2026, 11, 24),
              history=[("lead", utc(2026, 11, 24)), ("proposal", utc(2026, 11, 26))])
    data.followup("Acme", "Ann", date(2026, 11, 20))                                 # overdue
    data.followup("Acme", "Ann", date(2026, 11, 24), done=utc(2026, 11, 24, 12))     # done this week
    data.followup("Acme", "Ann", date(2026, 11, 26))                                 # not yet due
    with session(engine) as s:
        set_target(s, data.team, data.m["Ann"], "visits", date(2026, 10, 1), date(2026, 12, 31), 16)
        team = activity_report(s, data.team, *WEEK, today=date(2026, 11, 25))
        mine = activity_report(s, data.team, *WEEK, today=date(2026, 11, 25), member_id=data.m["Bob"])
    by_name = {m["name"]: m for m in team["members"]}
    assert set(by_name) == {"Ann", "Bob"}              # the idle manager is left out, Zed is another team
    ann, bob = by_name["Ann"], by_name["Bob"]
    assert ann["channels"] == {"visit": 2, "call": 1} and ann["interactions"] == 3
    assert (ann["deals_new"], ann["deals_moved"], ann["followups_done"], ann["followups_overdue"]) == (1, 1, 1, 1)
    # the quarter's visits: the three in November (including the one before the week and after it)
    assert ann["targets"] == [{"metric": "visits", "target": 16, "actual": 4, "pct": 25.0,
                               "period": {"from": "2026-10-01", "to": "2026-12-31"}}]
    assert bob["channels"] == {"email": 1} and bob["new_customers"] == 1
    assert team["totals"]["interactions"] == 4
    assert [m["name"] for m in mine["members"]] == ["Bob"]


def test_sources_customers_won_revenue_and_return_on_spend(data, engine):
    data.deal("Acme", "won", 3000, closed=utc(2026, 11, 3))
    data.deal("Umbrella", "won", 1000, closed=utc(2026, 11, 4))
    data.deal("Globex", "won", 500, currency="EUR", closed=utc(2026, 11, 4))
    data.deal("Initech", "won", 700, closed=utc(2026, 11, 5))
    data.deal("Acme", "won", 9000, closed=utc(2026, 8, 5))                  # before the quarter
    with session(engine) as s:
        set_source_cost(s, data.team, "referral", date(2026, 10, 1), date(2026, 12, 31), 200000, "USD")
        report = sources(s, data.team, date(2026, 10, 1), date(2026, 12, 31))
        rows = {r["source"]: r for r in report["sources"]}
        assert rows["referral"] == {"source": "referral", "customers": 2, "new_customers": 0, "won": 2,
                                    "revenue": 4000, "cost": 2000, "revenue_per_cost": 2}
        assert rows[None]["revenue"] == 700
        assert rows["website"]["revenue"] == 0 and rows["website"]["won"] == 1     # euros, no rate: apart
        assert report["unconverted"] == [{"source": "website", "currency": "EUR", "amount": 500, "count": 1}]
        set_fx(s, data.team, "EUR", "USD", 2)
        again = {r["source"]: r for r in sources(s, data.team, date(2026, 10, 1), date(2026, 12, 31))["sources"]}
    assert again["website"]["revenue"] == 1000


def test_top_customers_share_of_top_fifth_and_vips(data, engine):
    for i, amount in enumerate((5000, 3000, 1000, 500, 300, 200)):
        name = f"C{i}"
        data.customer(name)
        data.deal(name, "won", amount, closed=utc(2026, 6, 1))
    data.deal("Acme", "won", 100, currency="RUB", closed=utc(2026, 6, 1))      # no rate: apart
    with session(engine) as s:
        report = top_customers(s, data.team, date(2026, 1, 1), date(2026, 12, 31), limit=3)
        assert [(r["name"], r["revenue"]) for r in report["top"]] == [("C0", 5000), ("C1", 3000), ("C2", 1000)]
        # 6 customers → the top 20% is 2 of them: 8000 of 10000
        assert (report["customers_with_revenue"], report["top20_count"], report["top20_share_pct"]) == (6, 2, 80.0)
        assert report["vip_threshold"] == 3000 and report["vip_count"] == 2
        assert [r["vip"] for r in report["top"]] == [True, True, False]
        assert report["unconverted"] == [{"currency": "RUB", "count": 1, "amount": 100}]
        assert top_customers(s, data.team, date(2026, 1, 1), date(2026, 12, 31), vip_threshold=900)["vip_count"] == 3


def test_quiet_deals_and_overdue_followups(data, engine):
    old = utc(2026, 10, 1)
    data.deal("Acme", "proposal", 900, created=old)                          # quiet
    data.deal("Globex", "lead", 100, created=old)                            # touched lately: not quiet
    data.touch("Globex", "Bob", "call", utc(2026, 11, 20))
    data.deal("Initech", "won", 100, created=old, closed=old)                # closed: never quiet
    data.deal("Umbrella", "qualified", 50, currency="EUR", created=old, owner="Bob")   # quiet, in euros
    data.deal("Umbrella", "lead", 70, created=utc(2026, 11, 20))             # new: not quiet
    data.followup("Acme", "Ann", date(2026, 11, 20))
    data.followup("Globex", "Bob", date(2026, 11, 24))
    data.followup("Globex", "Bob", date(2026, 11, 25))                       # due today: not overdue
    data.followup("Acme", "Ann", date(2026, 11, 1), done=utc(2026, 11, 2))  # done
    with session(engine) as s:
        quiet = quiet_deals(s, data.team, NOW, days=14)
        mine = quiet_deals(s, data.team, NOW, days=14, owner_id=data.m["Bob"])
        overdue = overdue_followups(s, data.team, date(2026, 11, 25))
    assert quiet["count"] == 2 and quiet["by_currency"] == {"EUR": {"count": 1, "amount": 50},
                                                            "USD": {"count": 1, "amount": 900}}
    assert [d["customer"] for d in quiet["deals"]] == ["Acme", "Umbrella"]
    assert quiet["deals"][0]["days_quiet"] == 55
    assert [d["customer"] for d in mine["deals"]] == ["Umbrella"]
    assert overdue["count"] == 2
    assert [(f["customer"], f["days_late"]) for f in overdue["followups"]] == [("Acme", 5), ("Globex", 1)]


def test_inquiries_open_until_resolved_and_on_the_card(data, engine):
    with session(engine) as s:
        first = record(s, data.team, data.c["Globex"], "complaint", "late delivery", member_id=data.m["Ann"])
        record(s, data.team, data.c["Acme"], "inquiry", "asked about pricing", member_id=data.m["Bob"])
        record(s, data.other, data.c["Zeta"], "complaint", "foreign")
        s.commit()
        report = inquiries_report(s, data.team)
        assert report["counts"] == {"inquiry": {"open": 1, "resolved": 0}, "complaint": {"open": 1, "resolved": 0}}
        assert [i["customer"] for i in report["items"]] == ["Globex", "Acme"]
        assert [r.text for r in open_for_customer(s, data.team, data.c["Globex"])] == ["late delivery"]
        assert resolve(s, data.other, first.id) is None                     # another team cannot
        resolve(s, data.team, first.id, member_id=data.m["Max"])
        s.commit()
        after = inquiries_report(s, data.team)
        assert after["open"] == 1 and after["counts"]["complaint"] == {"open": 0, "resolved": 1}
        assert open_for_customer(s, data.team, data.c["Globex"]) == []
