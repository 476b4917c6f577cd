"""What every report view shares: periods and percentages written for people, the chart's language,
and money over several currencies as lines (one figure, or one line per currency, never added up
without a rate; the rates used are named)."""
from __future__ import annotations

from handlers.money_text import money, parts, rate_text, short
from handlers.report_charts import can_draw
from handlers.texts import day, t
from storage.reports import Period, Sums


def span(period: Period, lang: str) -> dict[str, str]:
    """`start` and `end` of a period, for a title."""
    return {"start": day(period.start, lang), "end": day(period.end, lang)}


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:g}%"


def chart_lang(lang: str) -> str:
    """The language a chart is labelled in: the reader's, unless its script cannot be drawn here."""
    return lang if can_draw(lang) else "en"


def per_currency_lines(sums: Sums, lang: str, weighted: bool = True) -> list[str]:
    """Sums across currencies without a rate joining them: a heading, then each currency's own
    count and amount (and weighted amount) on a line of its own."""
    lines = [t(lang, "per_currency")]
    for part in parts(sums):
        amount = money(part.minor, part.currency, lang)
        code = part.currency
        if code == sums.currency and sums.rates:
            code = t(lang, "with_converted", code=code, codes=", ".join(r.currency for r in sums.rates))
        if weighted:
            lines.append(t(lang, "currency_line_w", code=code, count=part.count, amount=amount,
                            weighted=money(part.weighted_minor, part.currency, lang)))
        else:
            lines.append(t(lang, "currency_line", code=code, count=part.count, amount=amount))
    return lines


def rate_lines(sums: Sums, lang: str) -> list[str]:
    """What a reader must know about `sums`' currencies: the rates it was converted at, and the
    currencies left out of its total for want of a rate (with the command that sets one)."""
    lines = []
    if sums.rates:
        lines.append(t(lang, "rates_used", currency=sums.currency,
                        rates=", ".join(rate_text(r, lang) for r in sums.rates)))
    if sums.apart:
        codes = [t.currency for t in sums.apart]
        lines.append(t(lang, "rate_hint", codes=", ".join(codes), to=sums.currency, code=codes[0]))
    return lines


def owner_list(owners: list[tuple[str, Sums]], lang: str) -> str:
    """ "Anna 2 · $47,000; Boris RUB 1,200,000 (1)": each owner's deals and amounts."""
    items = []
    for name, sums in owners:
        shown = parts(sums)
        items.append(f"{name} {sums.count} · {short(sums, lang)}" if len(shown) == 1 else f"{name} {short(sums, lang)}")
    return "; ".join(items)
