"""Properties of money across currencies (storage/reports/money.py), for any tallies and rates:
nothing is lost or counted twice, nothing is added across currencies without a rate, a currency
converts only at a rate the team set, and conversion rounds each currency once, half up."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from storage.reports.money import Rates, Sums, Tally, half_up, report_currency

CODES = ("USD", "EUR", "CNY", "RUB")
tallies = st.lists(st.builds(Tally, st.sampled_from(CODES), st.integers(0, 50), st.integers(0, 10**12),
                             st.integers(0, 10**12)), max_size=12)
rates = st.dictionaries(st.tuples(st.sampled_from(CODES), st.sampled_from(CODES)).filter(lambda p: p[0] != p[1]),
                        st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("10000"), places=4), max_size=5)


@given(tallies, rates, st.sampled_from(CODES))
def test_every_thing_is_counted_once_and_apart_only_without_a_rate(items, pairs, currency):
    team_rates = Rates(pairs)
    sums = Sums.of(items, currency, team_rates)
    assert sums.count == sum(t.count for t in items if t.count or t.minor)
    assert all(team_rates.rate(part.currency, currency) is None for part in sums.apart)
    assert all(part.minor or part.weighted_minor for part in sums.apart)        # unpriced things are never apart
    assert {r.currency for r in sums.rates} | {p.currency for p in sums.apart} | {currency} >= \
        {t.currency for t in sums.by_currency if t.minor or t.weighted_minor}    # money moves only at a rate
    assert sums.total.currency == currency and all(p.currency != currency for p in sums.apart)


@given(tallies, st.sampled_from(CODES))
def test_without_rates_only_one_currency_is_ever_summed(items, currency):
    sums = Sums.of(items, currency, Rates())
    own = [t for t in items if t.currency == currency]
    assert sums.total.minor == sum(t.minor for t in own) and not sums.rates
    for part in sums.apart:
        assert part.minor == sum(t.minor for t in items if t.currency == part.currency)


@given(tallies, rates, st.sampled_from(CODES))
def test_conversion_rounds_each_currency_once_half_up(items, pairs, currency):
    team_rates = Rates(pairs)
    sums = Sums.of(items, currency, team_rates)
    expected = 0
    for part in sums.by_currency:
        rate = team_rates.rate(part.currency, currency)
        if rate is not None:
            expected += half_up(part.minor * rate)
    assert sums.total.minor == expected


@given(tallies, rates, st.sampled_from(CODES))
def test_the_report_currency_is_the_teams_whenever_anything_is_in_it_or_converts(items, pairs, team):
    team_rates = Rates(pairs)
    chosen = report_currency(items, team, team_rates)
    priced = {t.currency for t in items if t.minor}
    if not priced or any(team_rates.rate(code, team) is not None for code in priced):
        assert chosen == team
    else:
        assert chosen in priced
