"""A Russian note with English in it, as reps who work in both write: "quick call с Ильдаром", "budget
confirmed — 18 млн", "still haggling", "попробую tomorrow morning", "send КП by thursday". What the
Russian cues leave unsaid (the channel, the stage, the follow-up day) is read from the English words
with the English cues, on the note with its Cyrillic letters masked as "x" (spans stay where they are).

Only a note with at least `MIN_WORDS` English words outside its customer's name is read so, and the
English reading only fills what the Russian one left empty: it never overrides it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from handlers.understanding.cues import Clauses, channel, lexicon, stage
from handlers.understanding.timeline import sort_out
from storage.vocabulary import Channel, Lang, Stage

MIN_WORDS = 2
_LATIN_WORD = re.compile(r"(?<![\w@.])[A-Za-z]{2,}(?![\w@])")
_CYRILLIC_LOWER = re.compile(r"[а-яё]")
_CYRILLIC_UPPER = re.compile(r"[А-ЯЁ]")
_NOT_ENGLISH = frozenset("""fwd fw re ok ps pdf crm nda sla po kpi it ceo cfo cto coo hr vip rub usd eur cny tg
whatsapp telegram linkedin zoom teams skype""".split())


@dataclass
class English:
    """What the English words of a Russian note say."""

    channel: Channel | None = None
    stage: Stage | None = None
    followup_on: date | None = None


def english_words(text: str, name: tuple[int, int] = (-1, -1)) -> int:
    """How many English words the note holds outside the customer's name (span `name`)."""
    return sum(1 for m in _LATIN_WORD.finditer(text)
               if not name[0] <= m.start() < name[1] and m.group().lower() not in _NOT_ENGLISH)


def read(text: str, today: date, now: time | None, first_day: bool, new_customer: bool,
         name: tuple[int, int] = (-1, -1)) -> English | None:
    """The channel, stage and follow-up day the English words of a Russian note say, or None when
    the note has too few of them."""
    if english_words(text, name) < MIN_WORDS:
        return None
    latin = _CYRILLIC_UPPER.sub("X", _CYRILLIC_LOWER.sub("x", text))    # "guy called Xxxxx": a name still
    if name[0] >= 0:
        latin = latin[:name[0]] + " " * (name[1] - name[0]) + latin[name[1]:]
    lex = lexicon(Lang.EN)
    clauses = Clauses(latin, spaced_words=True)
    times = sort_out(latin, Lang.EN, today, lex, clauses, now, first_day)
    found = stage(latin, lex, clauses, new_customer, times.future)
    return English(channel=channel(latin, lex, clauses, times.future),
                   stage=found if found != Stage.LEAD else None,
                   followup_on=times.followup_on)
