"""Chinese values as read, as reps type them: contract numerals ("肆佰贰拾万元整") as everyday ones; a
bare day after a full date takes that date's month ("12月18日开标，17号我再确认" reads 12月17号); and a
value corrected inside the message ("报价26万 改一下 是28万", "周五上门 不对 周四", "15号 说错了 18号"):
the value after the correction mark stands in place of the last value of the same kind before it (an
amount for an amount, a day for a day), and the mark and the first try are no longer read. The note's
own text is never changed, only what is read.
"""
from __future__ import annotations

import re

from handlers.understanding.amounts import find_amounts
from handlers.understanding.languages import zh
from handlers.understanding.zh_names import is_place, same_sound

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


# the numerals of contracts and invoices ("人民币肆佰贰拾万元整"), read as everyday ones; a run of two at
# least, so "收拾" stays a word
_CAPITAL_RUN = re.compile("[零壹贰叁肆伍陆柒捌玖拾佰仟萬億]{2,}")
_CAPITALS = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟萬億", "一二三四五六七八九十百千万亿")


_FULL_DATE = re.compile(r"(?<![0-9])(1[0-2]|0?[1-9])月(?:[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]?")
_BARE_DAY = re.compile(r"(?<![0-9月])(?<!下个月)(?<!下月)(?<!本月)(?<!这个月)([0-9]{1,2})[号日](?![0-9])")
_CARRY_REACH = 30    # characters a bare day may stand after the full date whose month it takes


def _month_carried(text: str) -> str:
    """A bare day after a full date, with that date's month written in: "12月18日开标，17号确认" ->
    "12月18日开标，12月17号确认"."""
    out, at = [], 0
    for m in _BARE_DAY.finditer(text):
        full = [d for d in _FULL_DATE.finditer(text, max(0, m.start() - _CARRY_REACH), m.start()) if d.end() <= m.start()]
        if full:
            out.append(text[at:m.start()] + full[-1].group(1) + "月")
            at = m.start()
    return "".join(out) + text[at:]


# -- names as dictated: hesitations, a filler before the name, the name said again as meant --------

_HESITATION = re.compile("|".join(zh.HESITATIONS))
_NAME_FILLER = re.compile("(?<=叫|是|的)(?:" + "|".join(zh.NAME_FILLERS) + ")(?=[\u4e00-\u9fffA-Za-z])|那个什么(?:来着)?")
_REPAIR = re.compile(r"[\s,，]*(?:" + "|".join(zh.NAME_REPAIRED) + r")[\s,，]*(?:应该是|是)?[\s,，]*")
_SAID_TWICE = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_LONGEST_TRY = 6         # characters of a name the rep may say again


def _said_again(before: str, after: str) -> int:
    """How many characters at the end of `before` the start of `after` says again, sound by sound
    ("清河生物" / "青禾生物…" -> 4, "东方" / "东芳电器" -> 2), or 0: at least two, all Han."""
    for k in range(min(_LONGEST_TRY, len(before), len(after)), 1, -1):
        tried, meant = before[-k:], after[:k]
        if tried == meant and (k == len(after) or after[k] in zh.NAME_STOP):
            continue            # "王总 哦不是王总是汪总": the same word again is the one taken back
        if _HAN.fullmatch(tried + meant) and all(same_sound(a, b) for a, b in zip(tried, meant)):
            return k
    return 0


def names_as_meant(text: str) -> str:
    """A dictated name as the rep meant it: "嗯" and "呃" dropped, the filler before a name dropped
    ("叫那个莫干山民宿联盟"), a name said again after "不对" / "我是说" / "还是" in its sound-alike
    second form ("慈溪东方不对是东芳电器" -> 慈溪东芳电器, "宁波甬城还是勇城建设" -> 宁波勇城建设), and a name
    said twice in a row kept once ("嘉兴嘉兴伟业包装")."""
    text = _NAME_FILLER.sub("", _HESITATION.sub("", text))
    for _ in range(3):
        for m in _REPAIR.finditer(text):
            k = _said_again(text[:m.start()], text[m.end():])
            if k:
                text = text[:m.start() - k] + text[m.end():]
                break
        else:
            break
    return _SAID_TWICE.sub(_once, text)


_TRADE_NEXT = re.compile("|".join(sorted(zh.TRADES, key=len, reverse=True)))


def _once(m: re.Match) -> str:
    """A place or a name said twice in a row, once ("嘉兴嘉兴伟业", "东芳东芳电器"); two words that only
    meet ("一点创意创意总监") are left as written."""
    said = m.group(1)
    return said if is_place(said) or _TRADE_NEXT.match(m.string, m.end()) else m.group()


def corrected(text: str) -> str:
    """The text as read: contract numerals as everyday ones, names as meant, and each value corrected
    on the fly put in place of its first try."""
    text = names_as_meant(text)
    text = _month_carried(_CAPITAL_RUN.sub(lambda m: m.group().translate(_CAPITALS), text))
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
