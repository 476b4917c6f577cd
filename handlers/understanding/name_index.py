"""The lookup structure over a team's customer names, kept compact: a 100,000-name team is a few
flat arrays of integers and one copy of each distinct word, not an object per name.

Every spelling (a name, then each alias) is an entry numbered in input order. Its words are ids
into `vocab`, stored end to end in `tok_ids` (entry e's words are `tok_ids[tok_at[e]:tok_at[e+1]]`).
Entries are found by their first word (`heads`, sorted, with the entries of each head side by
side in `head_entries`) or by the first two Han characters of their core (the cores sorted, end
to end in `core_text`, with where each distinct first two characters begin). Lookups are a
binary search in a sorted list; nothing is hashed per entry.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import MutableSequence
from itertools import chain
from typing import Callable, Sequence


class Index:
    """All known spellings of a team's customers, indexed for quick lookup."""

    __slots__ = ("names", "alias_names", "vocab", "tok_ids", "tok_at", "heads", "head_at", "head_entries",
                 "fuzzy_heads", "core_text", "core_at", "core_entries", "bigrams", "bigram_at", "prefixes", "sounds",
                 "ru_parts", "en_initials", "across")

    def __init__(self) -> None:
        self.names: Sequence[str] = ()         # the canonical names (entry e < len(names) is names[e])
        self.alias_names: list[str] = []       # the customer each alias stands for
        self.vocab: list[str] = []             # each distinct word once
        self.tok_ids = array("I")              # word ids of all entries, end to end
        self.tok_at = array("I", [0])          # where each entry's words start
        self.heads: list[str] = []             # distinct first words, sorted
        self.head_at = array("I", [0])         # where each head's entries start in head_entries
        self.head_entries = array("I")         # entries grouped by first word, in entry order
        self.fuzzy_heads: list[str] = []       # distinct first words in first-seen order, for rapidfuzz
        self.core_text = ""                    # Han cores of two characters or more, sorted, end to end
        self.core_at = array("I", [0])         # where each core starts in core_text
        self.core_entries = array("I")         # the entry of each core
        self.bigrams: list[str] = []           # distinct first two characters of the cores, sorted
        self.bigram_at = array("I", [0])       # the first core (in sorted order) of each bigram
        self.prefixes: frozenset[str] = frozenset()   # first 3 letters of the heads and the bigrams:
        # most words of a message are in no name, and a set says so fastest
        self.sounds: object = None             # how the Han cores sound, built when first needed (matching.py)
        self.ru_parts: object = None           # Russian names by initials and parts, built when first needed (ru_match.py)
        self.en_initials: object = None        # Latin names by their initials, built when first needed (en_match.py)
        self.across: object = None             # names by their consonants, for the other alphabet (translit.py)

    def __len__(self) -> int:
        return len(self.tok_at) - 1

    def canonical(self, entry: int) -> str:
        """The customer name entry `entry` stands for."""
        return self.names[entry] if entry < len(self.names) else self.alias_names[entry - len(self.names)]

    def tokens(self, entry: int) -> list[str]:
        """The significant words of an entry's spelling."""
        vocab = self.vocab
        return [vocab[i] for i in self.tok_ids[self.tok_at[entry]:self.tok_at[entry + 1]]]

    def heads_for(self, prefix: str) -> list[tuple[str, array]]:
        """(first word, its entries) of the entries whose first word begins with the 3-letter
        `prefix` (a shorter prefix is a whole word and finds only that word)."""
        if prefix not in self.prefixes:
            return []
        heads, found = self.heads, []
        at = bisect_left(heads, prefix)
        while at < len(heads) and heads[at].startswith(prefix):
            if len(prefix) >= 3 or heads[at] == prefix:
                found.append((heads[at], self.head_entries[self.head_at[at]:self.head_at[at + 1]]))
            at += 1
        return found

    def cores_for(self, bigram: str) -> list[tuple[str, int]]:
        """(core, entry) of the entries whose Han core begins with `bigram`, in sorted order."""
        if bigram not in self.prefixes:
            return []
        at = bisect_left(self.bigrams, bigram)
        text, starts, entries = self.core_text, self.core_at, self.core_entries
        return [(text[starts[i]:starts[i + 1]], entries[i]) for i in range(self.bigram_at[at], self.bigram_at[at + 1])]


def build(known: Sequence[str], aliases: Sequence[tuple[str, str]],
          tokens_of: Callable[[str], tuple[str, ...]], core_of: Callable[[str], str]) -> Index:
    """The index of `known` names and (alias, name) pairs; `tokens_of`/`core_of` read a spelling.
    Only arrays and one string per distinct word outlive the loop over the names, so what it
    allocated on the way is handed back whole."""
    index = Index()
    index.names = tuple(known) if isinstance(known, MutableSequence) else known  # never changes under us
    index.alias_names = [canonical for _, canonical in aliases]
    ids: dict[str, int] = {}
    first = array("i")                       # per entry: the id of its first word, -1 for none
    core_list: list[str] = []
    core_entries = array("I")
    for entry, spelling in enumerate(chain(index.names, (alias for alias, _ in aliases))):
        words: tuple[str, ...] = ()
        core = ""
        if isinstance(spelling, str) and spelling.strip():
            words, core = tokens_of(spelling), core_of(spelling)
            if not words and len(core) < 2:
                words, core = (), ""
        for word in words:
            index.tok_ids.append(ids.setdefault(word, len(ids)))
        index.tok_at.append(len(index.tok_ids))
        first.append(index.tok_ids[-len(words)] if words else -1)
        if len(core) >= 2:
            core_list.append(core)
            core_entries.append(entry)
    index.vocab = list(ids)
    del ids
    _group_heads(index, first)
    order = sorted(range(len(core_list)), key=core_list.__getitem__)   # stable: entry order within a core
    index.core_text = "".join(core_list[i] for i in order)
    for at, i in enumerate(order):
        index.core_at.append(index.core_at[-1] + len(core_list[i]))
        if not index.bigrams or index.bigrams[-1] != core_list[i][:2]:
            if index.bigrams:
                index.bigram_at.append(at)
            index.bigrams.append(core_list[i][:2])
    index.bigram_at.append(len(order))
    index.core_entries = array("I", (core_entries[i] for i in order))
    index.prefixes = frozenset(head[:3] for head in index.heads) | frozenset(index.bigrams)
    return index


def _group_heads(index: Index, first: array) -> None:
    """Entries side by side per first word (sorted), each word's entries in entry order."""
    vocab = index.vocab
    index.fuzzy_heads = [vocab[i] for i in dict.fromkeys(i for i in first if i >= 0)]
    index.heads = sorted(index.fuzzy_heads)
    rank = {head: r for r, head in enumerate(index.heads)}
    counts = array("I", bytes(4 * len(index.heads)))
    for i in first:
        if i >= 0:
            counts[rank[vocab[i]]] += 1
    for count in counts:
        index.head_at.append(index.head_at[-1] + count)
    cursor = array("I", index.head_at[:-1])
    index.head_entries = array("I", bytes(4 * index.head_at[-1]))
    for entry, i in enumerate(first):
        if i >= 0:
            r = rank[vocab[i]]
            index.head_entries[cursor[r]] = entry
            cursor[r] += 1
