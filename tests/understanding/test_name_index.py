"""The customer-name index: compact, the same answers from a packed list as from a plain one,
one index per team's list, and matching among 100,000 names."""
from __future__ import annotations

import tracemalloc
from random import Random

import pytest

from handlers.understanding import matching, understand
from handlers.understanding.matching import build_index, match_known
from storage.names import PackedNames
from storage.seed_data import company_name

from understanding_data import EN, NOW, RU, ZH


def synthetic(count: int, seed: int = 1) -> list[str]:
    """`count` distinct company names in English, Chinese and Russian, as `crmbot seed` makes them."""
    rng, names, seen = Random(seed), [], set()
    while len(names) < count:
        name = company_name(rng, rng.choice(("en", "en", "zh", "ru")))
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


NOTES = ["Called globex, sent the quote", "Visited Stark, talked budget", "met the team at Umbrela Health",
         "拜访了华润建设，报价12万", "给东方电气打了电话", "Был у Вектора, отправил КП", "звонил в Уралсталь",
         "Big G wants a callback", "nothing about anyone", "Acme Corp and Globex Industries both called"]


@pytest.mark.parametrize("text", NOTES)
def test_a_packed_list_matches_like_a_plain_one(text):
    names = EN + ZH + RU
    aliases = {"Big G": "Globex Industries"}
    plain, packed = match_known(text, list(names), aliases), match_known(text, PackedNames(names), aliases)
    assert (packed.name, packed.candidates, packed.start, packed.end, packed.fuzzy) == \
           (plain.name, plain.candidates, plain.start, plain.end, plain.fuzzy)


def test_tied_names_are_offered_in_the_order_they_were_given():
    assert match_known("called Stark today", ["Stark Realty", "Stark Medical Group"]).candidates == \
           ["Stark Realty", "Stark Medical Group"]
    assert match_known("called Stark today", ["Stark Medical Group", "Stark Realty"]).candidates == \
           ["Stark Medical Group", "Stark Realty"]


def test_understanding_finds_customers_among_many_packed_names():
    names = synthetic(3000) + EN
    packed = PackedNames(names)
    assert understand("Visited Globex Industries, sent the quote for $5k", NOW, packed).customer == "Globex Industries"
    for some in names[::100]:
        note = f"Called {some}, follow up Friday"
        plain, from_packed = understand(note, NOW, names), understand(note, NOW, packed)
        assert (from_packed.customer, from_packed.customer_candidates) == (plain.customer, plain.customer_candidates)
        assert some in ([plain.customer] if plain.customer else plain.customer_candidates)


def test_a_100k_name_index_is_a_few_megabytes():
    names = PackedNames(synthetic(100_000))
    tracemalloc.start()
    try:
        index = build_index(names)
        size, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(index) == 100_000
    assert size < 6_000_000  # was ~30 MB as an object per name


def test_matching_among_100k_names_finds_each_one():
    """How fast this is lives in bench/names.py (a timed assertion fails on a busy machine)."""
    names = synthetic(100_000)
    picked = range(0, 100_000, 997)
    found = [match_known(f"Called {names[i]}, sent the quote", names) for i in picked]
    assert all(m.name == names[i] or names[i] in m.candidates for m, i in zip(found, picked))


def test_a_team_keeps_one_index_as_customers_are_added():
    matching._CACHE.clear()
    names = synthetic(2000, seed=5)
    for added in range(5):
        names = names + [f"Newco {added}"]   # the bot loads a new list when a customer is added
        assert match_known(f"Called Newco {added}", names).name == f"Newco {added}"
    assert len(matching._CACHE) == 1


def test_the_same_names_in_a_new_list_reuse_the_index():
    matching._CACHE.clear()
    names = synthetic(500, seed=6)
    match_known("Called Globex", names)
    match_known("Called Globex", list(names))
    match_known("Called Globex", PackedNames(names))
    match_known("Called Globex", PackedNames(names))
    assert len(matching._CACHE) == 2   # the list and the packing of the same names
    assert len(matching._CACHE.by_identity) == 4   # each list seen, until evicted
