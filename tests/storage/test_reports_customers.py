"""Activity, lead sources, top customers, quiet deals, overdue follow-ups, inquiries: exact numbers."""
from __future__ import annotations

from datetime import date

import pytest

from storage.engine import session
from storage.inquiries import open_for_customer, record, resolve
from storage.report_inputs import set_fx, set_source_cost, set_target
from storage.reports import (Money, Period, Tally, activity_report, inquiries_report, overdue_followups, quiet_deals,
                             sources, top_customers)
from storage.reports.targets import TargetProgress
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
    by_name = {m.name: m for m in team.members}
    assert set(by_name) == {"Ann", "Bob"}              # the idle manager is left out, Zed is another team
    ann, bob = by_name["Ann"].did, by_name["Bob"].did
    assert [(c.channel, c.count) for c in ann.channels] == [("visit", 2), ("call", 1)] and ann.interactions == 3
    assert (ann.deals_new, ann.deals_moved, ann.followups_done, ann.followups_overdue) == (1, 1, 1, 1)
    # the quarter's visits: the three in November (including the one before the week and after it)
    assert by_name["Ann"].targets == (TargetProgress("visits", 16, 4, 25.0,
                                                     Period(date(2026, 10, 1), date(2026, 12, 31))),)
    assert bob.channel("email") == 1 and bob.interactions == 1 and bob.new_customers == 1
    assert team.totals.interactions == 4 and team.totals.channel("visit") == 2
    assert [m.name for m in mine.members] == ["Bob"] and mine.member_id == data.m["Bob"]
    assert [r.customer for r in mine.recent] == ["Globex"]


def test_sources_customers_won_revenue_and_return_on_spend(data, engine):
    data.deal("Acme", "won", 3000, closed=utc(2026, 11, 3))
    data.deal("Umbrella", "won", 1000, closed=utc(2026, 11, 4))
    data.deal("Globex", "won", 500, currency="EUR", closed=utc(2026, 11, 4))
    data.deal("Initech", "won", 700, closed=utc(2026, 11, 5))
    data.deal("Acme", "won", 9000, closed=utc(2026, 8, 5))                  # before the quarter
    with session(engine) as s:
        set_source_cost(s, data.team, "referral", date(2026, 10, 1), date(2026, 12, 31), 200000, "USD")
        report = sources(s, data.team, date(2026, 10, 1), date(2026, 12, 31))
        rows = {r.source: r for r in report.sources}
        referral = rows["referral"]
        assert (referral.customers, referral.new_customers, referral.revenue.total) == (2, 0, Tally("USD", 2, 400000))
        assert referral.cost.total == Tally("USD", 1, 200000) and referral.revenue_per_cost == 2
        assert rows[None].revenue.total.minor == 70000
        website = rows["website"].revenue                                          # euros, no rate: apart
        assert website.total.minor == 0 and website.count == 1 and website.apart == (Tally("EUR", 1, 50000),)
        assert report.revenue.apart == (Tally("EUR", 1, 50000),)
        set_fx(s, data.team, "EUR", "USD", 2)
        again = {r.source: r for r in sources(s, data.team, date(2026, 10, 1), date(2026, 12, 31)).sources}
    assert again["website"].revenue.total == Tally("USD", 1, 100000)


def test_top_customers_share_of_top_fifth_and_vips(data, engine):
    for i, amount in enumerate((5000, 3000, 1000, 500, 300, 200)):
        name = f"C{i}"
        data.customer(name)
        data.deal(name, "won", amount, closed=utc(2026, 6, 1))
    data.deal("Acme", "won", 100, currency="RUB", closed=utc(2026, 6, 1))      # no rate: apart
    with session(engine) as s:
        report = top_customers(s, data.team, date(2026, 1, 1), date(2026, 12, 31), limit=3)
        assert [(r.name, r.revenue) for r in report.top] == [("C0", Money(500000, "USD")), ("C1", Money(300000, "USD")),
                                                             ("C2", Money(100000, "USD"))]
        # 6 customers → the top 20% is 2 of them: 8000 of 10000
        assert (report.customers_with_revenue, report.top20_count, report.top20_share_pct) == (6, 2, 80.0)
        assert report.vip_threshold == Money(300000, "USD") and report.vip_count == 2
        assert [r.vip for r in report.top] == [True, True, False]
        assert report.won.apart == (Tally("RUB", 1, 10000),)
        again = top_customers(s, data.team, date(2026, 1, 1), date(2026, 12, 31), vip_threshold_minor=90000)
        assert again.vip_count == 3


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
    assert quiet.sums.count == 2 and quiet.sums.total == Tally("USD", 1, 90000)
    assert quiet.sums.apart == (Tally("EUR", 1, 5000),)
    assert [(d.customer, d.amount) for d in quiet.deals] == [("Acme", Money(90000, "USD")),
                                                              ("Umbrella", Money(5000, "EUR"))]
    assert quiet.deals[0].days_quiet == 55
    assert [d.customer for d in mine.deals] == ["Umbrella"]
    assert overdue.count == 2
    assert [(f.customer, f.days_late) for f in overdue.followups] == [("Acme", 5), ("Globex", 1)]
    assert [(p.name, p.count, p.oldest) for p in overdue.per_member] == [("Ann", 1, date(2026, 11, 20)),
                                                                         ("Bob", 1, date(2026, 11, 24))]


def test_inquiries_open_until_resolved_and_on_the_card(data, engine):
    with session(engine) as s:
        first = record(s, data.team, data.c["Globex"], "complaint", "late delivery", member_id=data.m["Ann"])
        second = record(s, data.team, data.c["Acme"], "inquiry", "asked about pricing", member_id=data.m["Bob"])
        foreign = record(s, data.other, data.c["Zeta"], "complaint", "foreign")
        s.commit()
        assert (first.number, second.number, foreign.number) == (1, 2, 1)  # each team numbers its own
        report = inquiries_report(s, data.team)
        assert [(c.kind, c.open, c.resolved) for c in report.counts] == [("inquiry", 1, 0), ("complaint", 1, 0)]
        assert [i.customer for i in report.items] == ["Globex", "Acme"]
        assert [r.text for r in open_for_customer(s, data.team, data.c["Globex"])] == ["late delivery"]
        assert resolve(s, data.other, 2) is None                            # the other team has no #2
        resolve(s, data.team, first.number, member_id=data.m["Max"])
        s.commit()
        assert s.get(type(foreign), foreign.id).status == "open"            # the other team's #1 untouched
        after = inquiries_report(s, data.team)
        assert after.open == 1 and (after.of("complaint").open, after.of("complaint").resolved) == (0, 1)
        assert open_for_customer(s, data.team, data.c["Globex"]) == []
