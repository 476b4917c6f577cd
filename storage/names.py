"""A long list of short strings kept as one block of UTF-8: a team's 100,000 customer names take
~3 MB this way instead of ~9 MB as 100,000 Python strings (plus the list that holds them).

`PackedNames` is a read-only sequence: `names[i]` decodes one name when it is asked for, so a bot
that caches its teams' names holds bytes, not objects. Two packings of the same names are equal
and hash alike, so they can key a cache.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from typing import Iterable, Iterator, Sequence, overload


class PackedNames(Sequence[str]):
    """Names end to end in one `bytes`, with the offset where each one starts."""

    __slots__ = ("_data", "_at", "_hash")

    def __init__(self, names: Iterable[str] = (), chunk: int = 1024):
        at = array("I", [0])
        done: list[bytes] = []       # blocks of `chunk` names: few objects alive at a time
        block: list[bytes] = []
        size = 0
        for name in names:
            data = name.encode("utf-8", "surrogatepass")
            size += len(data)
            at.append(size)
            block.append(data)
            if len(block) >= chunk:
                done.append(b"".join(block))
                block.clear()
        done.append(b"".join(block))
        self._data = b"".join(done)
        self._at = at
        self._hash: int | None = None

    def __len__(self) -> int:
        return len(self._at) - 1

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("name index out of range")
        return self._data[self._at[i]:self._at[i + 1]].decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        data, at = self._data, self._at
        for i in range(len(at) - 1):
            yield data[at[i]:at[i + 1]].decode("utf-8", "surrogatepass")

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        wanted = name.encode("utf-8", "surrogatepass")
        data, at, start = self._data, self._at, 0
        while (found := data.find(wanted, start)) >= 0:   # a byte search, then a check it is a whole name
            i = bisect_left(at, found)
            while i < len(at) - 1 and at[i] == found:      # the names that start there (empty ones too)
                if at[i + 1] - found == len(wanted):
                    return True
                i += 1
            start = found + 1
        return False

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedNames):
            return self._at == other._at and self._data == other._data
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash((self._data, self._at.tobytes()))
        return self._hash

    def __repr__(self) -> str:
        return f"PackedNames({len(self)} names, {self.nbytes()} bytes)"

    def nbytes(self) -> int:
        """The memory the names take (bytes and offsets)."""
        return len(self._data) + self._at.itemsize * len(self._at)

