"""An invoice's amount told in a note ("invoice #4411 for 12k still unpaid", "счёт на 300 тыс не оплачен",
"发票还没付 5万", "the 8,400 invoice was paid yesterday") is money owed or paid on an earlier sale, never a
new deal's value nor a new price for the open one: it is kept in the note's words and named in the reply.
An amount is an invoice's when an invoice word stands in its clause and the note says whether it is paid
(each language's `INVOICE` and `INVOICE_STATE`: "выставил счёт на 300 тыс" alone is still a quote)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from handlers.understanding.amounts import Amount
from handlers.understanding.languages import cues, one_of

_REACH = 40     # characters either side of the amount, inside its clause
_CLAUSE = re.compile(r"[.;!?。；！？\n]|,\s+(?:and|but|also|а|но|и)\s|，(?:另外|还有|但是)")


@lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    module = cues(lang)
    invoice, state = getattr(module, "INVOICE", []), getattr(module, "INVOICE_STATE", [])
    if not invoice or not state:
        return None
    return re.compile(one_of(invoice), re.I), re.compile(one_of(state), re.I)


def invoiced(text: str, lang: str, amounts: Sequence[Amount]) -> list[Amount]:
    """The amounts that are an invoice's, paid or not."""
    patterns = _patterns(lang)
    if patterns is None:
        return []
    invoice, state = patterns
    if state.search(text) is None:
        return []
    out = []
    for amount in amounts:
        lo, hi = max(0, amount.start - _REACH), min(len(text), amount.end + _REACH)
        cuts = [m.end() for m in _CLAUSE.finditer(text, lo, amount.start)]
        lo = max(cuts, default=lo)
        after = _CLAUSE.search(text, amount.end, hi)
        hi = after.start() if after else hi
        if invoice.search(text, lo, hi):
            out.append(amount)
    return out
