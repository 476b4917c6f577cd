"""Every registered language says everything the bot says: every text key, the same
placeholders, every plural form its locale needs, a locale Babel knows."""
from __future__ import annotations

import string
from datetime import date

import pytest
from babel import Locale

from handlers.texts import CODES, DEFAULT, count, language, registered, t

LANGS = registered()
ALL_KEYS = sorted(set().union(*(set(lang.texts) for lang in LANGS)))
ALL_NOUNS = sorted(set().union(*(set(lang.module.COUNTS) for lang in LANGS)))


def fields(template: str) -> dict[str, str]:
    return {name: spec for _, name, spec, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", CODES)
def test_every_language_has_every_text(code):
    lang = language(code)
    assert lang.code == code
    missing = [key for key in ALL_KEYS if not lang.texts.get(key)]
    assert missing == []


@pytest.mark.parametrize("key", ALL_KEYS)
def test_every_language_fills_the_same_placeholders(key):
    names = {lang.code: set(fields(lang.texts[key])) for lang in LANGS}
    assert len({frozenset(v) for v in names.values()}) == 1, names


@pytest.mark.parametrize("code", CODES)
def test_every_count_has_every_plural_form_of_the_locale(code):
    lang = language(code)
    needed = set(Locale.parse(lang.module.LOCALE).plural_form.tags) | {"other"}
    for noun in ALL_NOUNS:
        forms = lang.module.COUNTS.get(noun)
        assert forms is not None, f"{code}: no {noun}"
        assert needed <= set(forms), f"{code}: {noun} lacks {needed - set(forms)}"
        assert all("{n}" in form for form in forms.values()), f"{code}: {noun} does not write the number"


@pytest.mark.parametrize("code", CODES)
def test_every_counted_placeholder_names_a_known_noun(code):
    lang = language(code)
    for key, template in lang.texts.items():
        for name, spec in fields(template).items():
            if spec and spec[0].isalpha():
                assert spec in lang.module.COUNTS, f"{code} {key}: {{{name}:{spec}}}"


@pytest.mark.parametrize("code", CODES)
def test_days_money_and_birthdays_are_written_in_the_locale(code):
    lang = language(code)
    assert lang.day(date(2026, 11, 27))
    assert lang.month_day("04-09")
    assert "42" in lang.money(4_200_000, "USD")
    assert lang.money(None, "USD") == "—"


def test_an_unregistered_code_is_answered_in_the_default_language():
    assert language("xx") is language(DEFAULT)
    assert t("xx", "undo_button") == t(DEFAULT, "undo_button")
    assert language(None) is language(DEFAULT)


@pytest.mark.parametrize("n, en, ru, zh", [
    (1, "1 deal", "1 сделка", "1 个商机"),
    (4, "4 deals", "4 сделки", "4 个商机"),
    (5, "5 deals", "5 сделок", "5 个商机"),
    (21, "21 deals", "21 сделка", "21 个商机"),
    (0, "0 deals", "0 сделок", "0 个商机"),
])
def test_counts_take_the_plural_form_of_each_language(n, en, ru, zh):
    assert (count("en", "deal", n), count("ru", "deal", n), count("zh", "deal", n)) == (en, ru, zh)
