"""Which name indexes are kept: one per team's list as the bot holds it, a few lists of others.

A long-running bot passes the same list object for every message until a customer is added, so
a list is first recognised by identity (no copy or hash of 100,000 names per message); other
callers' lists are recognised by content. Indexes are kept newest first, at most `most` of them
and at most `budget` names in all (the newest is always kept). When a list replaces another one
of the same team (a customer was added: same first name, a long list), the old index is dropped
before the new one is built, so a busy team never holds two.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import MutableSequence
from typing import Callable, Mapping, Sequence

from handlers.understanding.name_index import Index

Pairs = tuple[tuple[str, str], ...]


class Key:
    """Names and alias pairs as a cache key, hashed once (a tuple of 100,000 names is not)."""

    __slots__ = ("names", "pairs", "_hash")

    def __init__(self, names: Sequence[str], pairs: Pairs):
        self.names, self.pairs = names, pairs
        self._hash = hash((names, pairs))

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Key) and self._hash == other._hash and self.pairs == other.pairs
                and len(self.names) == len(other.names) and self.names == other.names)


class IndexCache:
    """Indexes by the identity of the lists passed and by their content, least recently used out."""

    def __init__(self, most: int = 128, budget: int = 300_000, long_list: int = 1000):
        self.most, self.budget, self.long_list = most, budget, long_list
        self.by_content: OrderedDict[Key, Index] = OrderedDict()
        # id(known) -> (known, aliases, size, content key); the lists are kept alive, so ids stay unique
        self.by_identity: dict[int, tuple[Sequence[str], Mapping[str, str] | None, int, Key]] = {}
        self.names_indexed = 0      # names and aliases of every index built, all told

    def get(self, known: Sequence[str], aliases: Mapping[str, str] | None,
            build: Callable[[Sequence[str], Pairs], Index]) -> tuple[Index, bool]:
        """The index of these names and aliases, and whether it was built just now."""
        size = len(known) + len(aliases or {})
        seen = self.by_identity.get(id(known))
        if seen is not None and seen[0] is known and seen[1] is aliases and seen[2] == size:
            index = self.by_content.get(seen[3])
            if index is not None:
                self.by_content.move_to_end(seen[3], last=False)
                return index, False
        pairs: Pairs = tuple(sorted((a, c) for a, c in (aliases or {}).items()
                                    if isinstance(a, str) and isinstance(c, str)))
        names = tuple(known) if isinstance(known, MutableSequence) else known
        key = Key(names, pairs)
        index = self.by_content.get(key)
        built = index is None
        if index is None:
            self._drop_replaced(names)
            index = build(names, pairs)
            self.by_content[key] = index
            self.names_indexed += len(index)
        self.by_content.move_to_end(key, last=False)
        self.by_identity.pop(id(known), None)
        self.by_identity[id(known)] = (known, aliases, size, key)
        if built:
            self._trim()
        while len(self.by_identity) > 2 * self.most:   # the oldest lists seen go first
            del self.by_identity[next(iter(self.by_identity))]
        return index, built

    def clear(self) -> None:
        """Forget every index."""
        self.by_content.clear()
        self.by_identity.clear()

    def __len__(self) -> int:
        return len(self.by_content)

    def _drop_replaced(self, names: Sequence[str]) -> None:
        """Drop the long lists this one replaces (they begin with the same name)."""
        if len(names) < self.long_list:
            return
        first = names[0]
        replaced = [k for k in self.by_content if len(k.names) >= self.long_list and k.names[0] == first]
        for key in replaced:
            del self.by_content[key]
        self._forget(replaced)

    def _trim(self) -> None:
        """Least recently used out, beyond `most` indexes or `budget` names."""
        total = sum(len(index) for index in self.by_content.values())
        dropped = []
        while len(self.by_content) > 1 and (len(self.by_content) > self.most or total > self.budget):
            key, index = self.by_content.popitem(last=True)
            total -= len(index)
            dropped.append(key)
        self._forget(dropped)

    def _forget(self, keys: list[Key]) -> None:
        """Let go of the lists whose index was dropped (so their names are freed too)."""
        if keys:
            gone = set(keys)
            for ident in [i for i, seen in self.by_identity.items() if seen[3] in gone]:
                del self.by_identity[ident]
