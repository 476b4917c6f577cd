"""An alternation grouped by first letter finds exactly what it finds as written: the same matches
with the same groups, by search and by match at every place; a date's possible starts, split into
the branches that start with a letter and the rest, are the same places between them."""
from __future__ import annotations

import re

import _sre
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.understanding import first_chars, first_letters
from handlers.understanding.dates import _GROUP_NAME, _ISO, _in_order, _rules
from handlers.understanding.days import numeric_date
from handlers.understanding.languages import CODES, cues
from understanding_data import phrase_slots

NOTES = [
    "Stopped by Globex, talked to their CFO Mark Evans. Sent a proposal for $52,000. Call him back Tuesday.",
    "we offered them 5% off, they pushed back on pricing; a few days from now they'll sign. PO is coming",
    "ſigned ſtraße KELVIN K İstanbul ıi", "Quote QUOTED unquote re-quote", "", "x",
    "上午去华润建设拜访了张总，聊了二期项目，报价单下周一发过去，总价36万元", "下周二 大后天 明天上午",
    "Встретился с директором Вектора. Отправил КП на 750 тыс. руб. Перезвоню в понедельник, в след. среду",
    "2026-12-05 by 12/3, on the 16th, end of next month, this Fri", "«Вектор» — подписали!",
]
HAND_WRITTEN = [
    (r"\bquote|\bproposal|\bpricing|\bquotation|\boffer\w*|\bprice\s+list|\b(?:we|i)\s+sent|\bpitch|\bpo\b", re.I),
    (r"\b(?:a\s+)?few\s+days|\bfew|\bfe\w|\b(?:next|this)?\s*fri|\bk|\bs\w+|\bi\w*", re.I),
    (r"quote|\bq|q\b|qu|Q|\bſ|s\b|\bİ|ı", re.I), (r"\bab|ac|\bad|a|\ba\w+|b|\d+|\b1\d|\b2", 0),
    (r"(?:ab)?c|(?:ab)??d|(?:ab)*e|(?:x|y)+z|\bz|\bc", re.I), (r"\ba|\bb|\bc|\bd|\be|\bf|\bg", re.I | re.A),
]
SLOTS = phrase_slots()


def _same(plain: re.Pattern, grouped: re.Pattern, text: str) -> None:
    assert [(m.span(), m.groups()) for m in plain.finditer(text)] == \
        [(m.span(), m.groups()) for m in grouped.finditer(text)]
    for at in range(len(text) + 1):
        one, other = plain.match(text, at), grouped.match(text, at)
        assert (one and (one.span(), one.groups())) == (other and (other.span(), other.groups()))
        one, other = plain.fullmatch(text, at), grouped.fullmatch(text, at)
        assert (one and one.span()) == (other and other.span())


def test_every_language_cue_grouped_finds_the_same():
    grouped = 0
    for source, flags in SLOTS + HAND_WRITTEN:
        plain, compiled = re.compile(source, flags), re.compile(*first_chars.guarded(source, flags))
        grouped += first_letters.grouped(source, flags) is not None
        assert compiled.groupindex == plain.groupindex and compiled.groups == plain.groups
        for note in NOTES:
            _same(plain, compiled, note)
    assert grouped > 100


def test_phrases_are_grouped_behind_each_case_of_their_letter():
    done = first_letters.grouped(r"\bquote|\bproposal|\b(?:we|i)\s+sent|\bpitch", re.I)
    assert done is not None and done.whole and not done.flags & re.I
    assert done.text.startswith(r"Q(?i:(?:(?<!\w\w)uote))|q(?i:(?:(?<!\w\w)uote))|P(?i:(?:(?<!\w\w)roposal|(?<!\w\w)itch))")
    mixed = first_letters.grouped(r"\bquote|\bquotation|\d+\s*k|\bpitch|\bproposal|\bprice|\bpo\b", re.I)
    assert mixed is not None and not mixed.whole           # "\d+" stays as written, in its place
    assert mixed.text.startswith(r"(?-i:[Qq])(?:(?<!\w\w)uote|(?<!\w\w)uotation)|\d+\s*k|(?-i:[Pp])")
    assert first_letters.grouped(r"(?P<n>\d+) deals|\bquote", re.I) is None        # a capturing group
    assert first_letters.grouped(r"x|y", re.X) is None


def test_a_phrase_never_moves_ahead_of_one_that_may_start_on_its_letter():
    source = r"\bpro|\w+al|\bproposal"     # "\w+al" may start on "p": "proposal" stays behind it
    for text in ("proposal", "a proposal sent", "pro"):
        _same(re.compile(source, re.I), re.compile(*first_chars.guarded(source, re.I)), text)


def test_no_character_beyond_the_basic_plane_lowercases_into_it():
    assert all(_sre.unicode_tolower(code) >= 0x10000 for code in range(0x10000, 0x110000))


def test_a_dates_possible_starts_are_the_same_places():
    for lang in CODES:
        for first_day in (False, True):
            phrases = [_GROUP_NAME.sub("(?:", phrase) for phrase, _ in _in_order(
                [(_ISO, numeric_date)] + list(cues(lang).DATES), first_day)]
            whole = re.compile("|".join("(?:" + p + ")" for p in phrases), re.I)
            split = _rules(lang, first_day).anywhere
            for note in NOTES:
                assert [at for at in range(len(note) + 1) if whole.match(note, at)] == \
                    [at for at in range(len(note) + 1) if any(p.match(note, at) for p in split)]


_ALPHABET = st.sampled_from(list("aeiopqrstkKſ ,.!?-:\n0123456789$€ПпоОдписалКкзвн报价签了吗提醒") + ["ſ", "İ", "ı", "ß"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.sampled_from(SLOTS + HAND_WRITTEN))
def test_any_text_finds_the_same(text: str, slot: tuple[str, int]) -> None:
    source, flags = slot
    _same(re.compile(source, flags), re.compile(*first_chars.guarded(source, flags)), text)
