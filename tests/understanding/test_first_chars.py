"""A cue pattern compiled with its first-character lookahead finds exactly what it finds without
it, everywhere: the same matches with the same groups, by search and by match at every place."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.understanding import first_chars
from understanding_data import phrase_slots

NOTES = [
    "Stopped by Globex, talked to their CFO Mark Evans. Sent a proposal for $52,000. Call him back Tuesday.",
    "quick one - signed the NDA w/ Hooli, pricing next wk?? ping me fri 3pm",
    "hi", "/help", "is this thing on", "SIGNED!!! Initech 40k", "ſigned ſtraße KELVIN K",
    "上午去华润建设拜访了张总，聊了二期项目，报价单下周一发过去，总价36万元",
    "提醒我周五给远航物流打电话", "合同签了吗？", "嗯 那个 东方电气 电话打不通",
    "Встретился с директором Вектора Петром Ивановым. Отправил КП на 750 тыс. руб. Перезвоню в понедельник",
    "ВЕКТОР ПОДПИСАЛ договор!", "созвонились с Уралсталью, ждут счёт до 15.12", "привет", "",
    "line one\nline two: 15:00 — call", "2026-12-05 ext 212, доб. 4417, 转8021",
]


SLOTS = phrase_slots()
HAND_WRITTEN = [
    (r"^\W*(?:hi|hello)\W*$|\bhelp\b", re.I), (r"\bquote|\bproposal|(?i:\bKP)\b", 0),
    (r"(?-i:Acme)|\bglobex", re.I), (r"(?<![\w-])(?:\d+|один|two)\s*k\b", re.I), (r"\A\s*x|y", 0),
    (r"(?m)^call\b", 0), (r"(?:ab)?c|d*e", 0), (r"x*", 0), (r".+?and", 0), (r"[^a]b", 0),
]


def _same(plain: re.Pattern, guarded: re.Pattern, text: str) -> None:
    assert [(m.span(), m.groups()) for m in plain.finditer(text)] == \
        [(m.span(), m.groups()) for m in guarded.finditer(text)]
    for at in range(len(text) + 1):
        one, other = plain.match(text, at), guarded.match(text, at)
        assert (one and (one.span(), one.groups())) == (other and (other.span(), other.groups()))


def test_every_language_cue_finds_the_same_with_its_lookahead():
    assert len(SLOTS) > 100
    for source, flags in SLOTS + HAND_WRITTEN:
        plain, guarded = re.compile(source, flags), first_chars.compile(source, flags)
        assert guarded.groupindex == plain.groupindex and guarded.groups == plain.groups
        for note in NOTES:
            _same(plain, guarded, note)


def test_a_lookahead_only_where_it_spares_work():
    assert first_chars.lookahead(r"\bquote|\bproposal", re.I) == "(?<!\\w)(?=[pq])"
    assert first_chars.lookahead(r"^\W*hi\b|\bhelp", re.I) == "(?<!\\w)(?=[h]|^)"
    assert first_chars.lookahead(r"(?i:kp)|\bquote", 0) == "(?=(?i:[k])|[q])"
    assert first_chars.lookahead("提醒我?|记得", re.I) is None       # the engine looks these up itself
    assert first_chars.lookahead(r"x*|y", 0) is None                 # may match nothing
    assert first_chars.lookahead(r"\w+\s+said", re.I) is None        # starts anywhere a word does


_ALPHABET = st.sampled_from(list("aeiopqrstkKſ ,.!?-:\n0123456789$€ПпоОдписалКкзвн报价签了吗提醒") + ["ſ", "İ", "ß"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.sampled_from(SLOTS + HAND_WRITTEN))
def test_any_text_finds_the_same(text: str, slot: tuple[str, int]) -> None:
    source, flags = slot
    _same(re.compile(source, flags), first_chars.compile(source, flags), text)
