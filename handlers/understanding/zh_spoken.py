"""A Chinese value corrected inside the message, as reps type it: "报价26万 改一下 是28万",
"周五上门 不对 周四", "15号 说错了 18号". The value after the correction mark stands in place of
the last value of the same kind before it (an amount for an amount, a day for a day); the mark
and the first try are no longer read. The note's own text is never changed, only what is read.

A correction is taken only when both values are of one kind and stand in one sentence: "不对"
after a name ("不对 是云栖") is a name taken back (matching.py), and "不对" with no value after it
corrects nothing.
"""
from __future__ import annotations

import re

from handlers.understanding.amounts import find_amounts
from handlers.understanding.languages import zh

_MARK = re.compile(r"\s*[，,]?\s*(?:[哦噢啊呃额]\s*)?(?:" + "|".join(zh.RESTATED) + r")[，,：:！!\s]*(?:应该是|是|改成|改为|为)?\s*")
_DAY = re.compile(r"(?:下下?个?|这个?|本|上)?(?:周|星期|礼拜)[一二三四五六日天]|\d{1,2}月\d{1,2}[日号]?|\d{1,2}[号日]"
                  r"|(?:下个?|这个?|本)?月(?:初|中旬?|底)|大?后天|明天|下周")
_STOP = re.compile(r"[。！？!?；;\n]")
_REACH = 12          # characters the first try may stand before the mark


def _amount_at(text: str, at: int) -> tuple[int, int] | None:
    found = [a for a in find_amounts(text[at:at + 30], "zh") if a.start == 0]
    return (at, at + found[0].end) if found else None


def _last_amount(text: str, start: int, end: int) -> tuple[int, int] | None:
    found = find_amounts(text[start:end], "zh")
    return (start + found[-1].start, start + found[-1].end) if found else None


def _day_at(text: str, at: int) -> tuple[int, int] | None:
    m = _DAY.match(text, at)
    return m.span() if m else None


def _last_day(text: str, start: int, end: int) -> tuple[int, int] | None:
    found = list(_DAY.finditer(text, start, end))
    return found[-1].span() if found else None


def corrected(text: str) -> str:
    """The text with each value corrected on the fly put in place of its first try."""
    for _ in range(3):
        for m in _MARK.finditer(text):
            start = max(0, m.start() - _REACH)
            stop = [s.end() for s in _STOP.finditer(text, start, m.start())]
            start = stop[-1] if stop else start
            for new_at, old_in in ((_amount_at, _last_amount), (_day_at, _last_day)):
                new = new_at(text, m.end())
                old = old_in(text, start, m.start()) if new else None
                if new and old:
                    text = text[:old[0]] + text[new[0]:new[1]] + text[old[1]:m.start()] + text[new[1]:]
                    break
            else:
                continue
            break
        else:
            return text
    return text
