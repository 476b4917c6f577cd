"""Properties: amounts and dates parse for any value, and nothing ever raises."""
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import example, given, settings, strategies as st

from handlers.understanding import understand
from handlers.understanding.amounts import find_amounts
from handlers.understanding.calendar import next_weekday
from handlers.understanding.companies import extract

from understanding_data import EN, NOW

TODAY = NOW.date()
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
RU_DAYS = ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"]
ZH_DAYS = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]


@given(st.integers(min_value=1, max_value=999))
def test_dollar_k_is_thousands(n):
    p = understand(f"sent Acme the quote for ${n}k", NOW, EN)
    assert (p.amount, p.currency) == (Decimal(n * 1000), "USD")


@given(st.integers(min_value=1000, max_value=9_999_999))
def test_grouped_dollars(n):
    assert find_amounts(f"contract at ${n:,}", "en")[0].value == Decimal(n)


@given(st.integers(min_value=1, max_value=9999))
def test_wan_is_ten_thousand(n):
    assert find_amounts(f"合同金额{n}万元", "zh")[0].value == Decimal(n * 10000)


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=0, max_value=9))
def test_mln_with_decimal_comma(whole, tenth):
    assert find_amounts(f"КП на {whole},{tenth} млн руб", "ru")[0].value == Decimal(whole * 10 + tenth) * 100_000


@given(st.integers(min_value=1, max_value=500), st.sampled_from(["units", "seats", "clinics", "laptops", "%"]))
def test_counts_are_not_amounts(n, unit):
    assert find_amounts(f"they need {n} {unit}", "en") == []


@given(st.integers(min_value=0, max_value=6), st.integers(min_value=0, max_value=400))
def test_any_weekday_is_within_the_next_week(wd, shift):
    now = NOW + timedelta(days=shift)
    for text in (f"call Acme {EN_DAYS[wd]}", f"Позвоню Вектору {RU_DAYS[wd]}", f"{ZH_DAYS[wd]}给海天打电话"):
        p = understand(text, now, EN)
        assert p.followup_on is not None, text
        assert 1 <= (p.followup_on - now.date()).days <= 7
        assert p.followup_on.weekday() == wd


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=31))
def test_calendar_dates_are_upcoming_or_reported(month, day):
    p = understand(f"follow up with Acme on {date(2000, month, 1):%B} {day}", NOW, EN)
    try:
        date(2000, month, day)
    except ValueError:
        assert p.followup_on is None and "bad_date" in p.problems
    else:
        assert p.followup_on is not None and p.followup_on >= TODAY
        assert (p.followup_on.month, p.followup_on.day) == (month, day)


@given(st.integers(min_value=1, max_value=10))
def test_in_n_weeks(n):
    assert understand(f"follow up with Acme in {n} weeks", NOW, EN).followup_on == TODAY + timedelta(weeks=n)


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_text(text):
    p = understand(text, NOW, EN)
    assert p.intent in ("log", "query_customer", "pipeline", "followups", "activity", "help", "unknown", "undo", "done")
    assert "internal_error" not in p.problems
    p.to_json()


@given(st.lists(st.text(min_size=1, max_size=30), max_size=8), st.text(max_size=120))
def test_never_raises_on_arbitrary_known_lists(known, text):
    p = understand(text, NOW, known)
    assert "internal_error" not in p.problems
    assert p.customer is None or p.customer in known or not p.customer_known


def test_next_weekday_helper():
    assert next_weekday(date(2026, 11, 25), 2) == date(2026, 12, 2)


_NAMEISH = st.text(alphabet="«»\"' ,.-ООО Вектор звонил из вектора Globex 星辰科技的", max_size=60)


@settings(max_examples=300)
@given(_NAMEISH)
@example("звонили из «       », хотят КП")
@example('письмо от "   " пришло')
def test_company_names_never_raise_on_quotes_around_blanks(text):
    """A known name blanked out of a note leaves its quotes behind ("звонили из «       »"): reading the
    note's other company from what is left never raises, in any language."""
    for lang in ("en", "ru", "zh"):
        name = extract(text, lang)
        assert name is None or name.strip()
