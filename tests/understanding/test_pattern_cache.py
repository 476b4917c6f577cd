"""Compiled cue patterns kept between runs are the very patterns `re.compile` makes: equal to them,
finding the same, from a fresh cache, a kept one, a damaged one or none at all."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from handlers.understanding import first_chars, pattern_cache
from understanding_data import phrase_slots

NOTES = [
    "Stopped by Globex, talked to their CFO Mark Evans. Sent a proposal for $52,000. Call him back Tuesday.",
    "上午去华润建设拜访了张总，聊了二期项目，报价单下周一发过去，总价36万元",
    "Встретился с директором Вектора Петром Ивановым. Отправил КП на 750 тыс. руб. Перезвоню в понедельник",
    "merge Acme Corp into Acme Industries", "ſigned ſtraße KELVIN K", "",
]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache of its own, and the process's kept patterns forgotten (as in a new run)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("CRM_PATTERN_CACHE", raising=False)
    _new_run(monkeypatch)
    return tmp_path / "crmbot"


def _new_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pattern_cache, "_entries", None)
    monkeypatch.setattr(pattern_cache, "_added", set())
    monkeypatch.setattr(pattern_cache, "_used", set())


def _same(kept: re.Pattern, plain: re.Pattern) -> None:
    assert kept == plain
    assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == \
        (plain.pattern, plain.flags, plain.groups, plain.groupindex)
    for note in NOTES:
        assert [(m.span(), m.groups()) for m in kept.finditer(note)] == \
            [(m.span(), m.groups()) for m in plain.finditer(note)]


def _compiled_twice(monkeypatch: pytest.MonkeyPatch) -> list[tuple[re.Pattern, re.Pattern]]:
    """Every language's cues compiled in one run, kept, and compiled again in the next."""
    slots = phrase_slots()
    first = [first_chars.compile(source, flags) for source, flags in slots]
    pattern_cache.save()
    _new_run(monkeypatch)
    return [(again, one) for again, one in zip((first_chars.compile(s, f) for s, f in slots), first)]


def test_a_kept_pattern_is_the_pattern_compiled(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = _compiled_twice(monkeypatch)
    assert len(pairs) > 100 and list(cache_dir.iterdir())
    assert pattern_cache._entries and not pattern_cache._added          # all read back, none compiled anew
    for (again, first), (source, flags) in zip(pairs, phrase_slots()):
        _same(again, re.compile(*first_chars.guarded(source, flags)))
        _same(first, again)


def test_named_groups_and_flags_come_back(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = r"(?x) (?P<n>\d+) \s* (?:deals?|сделк\w*) (?P<tail>.*)"
    first = pattern_cache.compile(source, re.I)
    pattern_cache.save()
    _new_run(monkeypatch)
    again = pattern_cache.compile(source, re.I)
    _same(again, re.compile(source, re.I))
    assert again.match("3 deals left").group("n", "tail") == ("3", " left") == first.match("3 deals left").group("n", "tail")


def test_a_damaged_cache_is_compiled_anew(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _compiled_twice(monkeypatch)
    kept = next(cache_dir.iterdir())
    data = bytearray(kept.read_bytes())
    data[len(data) // 2] ^= 0xFF
    kept.write_bytes(bytes(data))
    _new_run(monkeypatch)
    for source, flags in phrase_slots():
        _same(first_chars.compile(source, flags), re.compile(*first_chars.guarded(source, flags)))
    assert pattern_cache._added                                           # compiled anew, not read


def test_code_the_engine_refuses_is_compiled_anew(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = r"\bquote|\bproposal"
    pattern_cache.compile(source, re.I)
    entries = pattern_cache._entries
    assert entries is not None
    key = next(iter(entries))
    text, flags, code, groups, names, index = entries[key]
    entries[key] = (text, flags, [99999] + code[1:], groups, names, index)   # no code the engine runs
    _same(pattern_cache.compile(source, re.I), re.compile(source, re.I))


def test_off_compiles_every_time_and_writes_nothing(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRM_PATTERN_CACHE", "off")
    _same(pattern_cache.compile(r"\bcall(?:ed)?\b", re.I), re.compile(r"\bcall(?:ed)?\b", re.I))
    pattern_cache.save()
    assert not cache_dir.exists()


def test_a_cache_that_cannot_be_written_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    _new_run(monkeypatch)
    _same(pattern_cache.compile(r"\bemail\b", re.I), re.compile(r"\bemail\b", re.I))
    pattern_cache.save()                                                  # no error, nothing written
    assert blocked.read_text() == "a file where the cache folder would be"
