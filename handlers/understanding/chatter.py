"""Is a message banter rather than a note? A rule of the conversation, whatever the parse says (rules or
model), even when the message names a customer:

- a message that laughs ("lol", "хаха", "哈哈", "😂") and holds no fact a rep would keep (no stage, sum,
  next step, birthday, phone or e-mail, close date or lead source) and no interaction (a call, a visit,
  a meeting) is banter: "the guy at ridgefield motors tried to sell ME a car lol", "楚天智联那个方总请我吃
  热干面 哈哈"; "ran into the owner of Two Rivers at the gym lol, Matt" is still a meeting;
- a message from the road ("running late to globex", "еду в Вектор, пробки", "堵车") tells of nothing
  that happened yet: with no fact in it, it is no note.

It is answered and never recorded.

The markers of every language are read in every message: reps laugh in any language.
"""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.languages import one_of, registered
from handlers.understanding.model import Parse
from storage.vocabulary import Stage


@lru_cache(maxsize=None)
def _markers(slot: str = "CHATTER") -> re.Pattern[str]:
    phrases = [phrase for language in registered() for phrase in getattr(language, slot, ())]
    return re.compile(one_of(phrases), re.I)


def holds_facts(parse: Parse) -> bool:
    """True when a note states something a rep would keep (a new customer's first stage, lead, is none)."""
    return bool(parse.stage not in (None, Stage.LEAD) or parse.amount is not None or parse.followup_on or parse.birthday
                or parse.contact_phone or parse.contact_email or parse.close_on or parse.source
                or parse.refused)


def hearsay(text: str) -> bool:
    """True for someone else's news, which is no note of ours whatever facts it holds: another team's deal
    ("听说隔壁组签了一家叫‘X’的大单"), a former colleague who moved to a company ("前同事跳到了X当总监").
    A language lists these as HEARSAY (read where a language has them)."""
    return _markers("HEARSAY").pattern != "(?:)" and _markers("HEARSAY").search(text) is not None


def is_chatter(text: str, parse: Parse) -> bool:
    """True when `text` is banter or the day's news with no fact in it (see the module doc)."""
    if holds_facts(parse):
        return False
    if _markers("ON_THE_WAY").search(text):
        return True
    return parse.channel is None and _markers().search(text) is not None
