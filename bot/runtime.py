"""Handing memory back to the system after the few big, rare jobs of a long-running bot.

CPython frees objects into its own pools and glibc keeps freed heap pages for reuse, so the RSS
of a process stays at its highest point after a burst of short-lived allocations: building a
big team's name index, drawing a chart. `give_back()` asks glibc to return the free pages at
once; it takes a few milliseconds, so `Memory` calls it only after a message that did such a
job. Elsewhere (another C library, another system) it does nothing.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import lru_cache
from typing import Any, Callable

from handlers.reply import Reply
from handlers.understanding.matching import names_indexed

BIG_INDEX = 10_000   # names indexed by one message that leave many MB of freed pages behind


@lru_cache(maxsize=1)
def _libc() -> Any:
    """glibc, or None (another C library, another system)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        return libc
    except (OSError, AttributeError):  # musl has no malloc_trim
        return None


def give_back() -> None:
    """Return the heap's free pages to the system."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


class Memory:
    """After each message: the heap's free pages go back to the system when the message drew a
    chart (its reply carries an image) or built name indexes of `BIG_INDEX` names or more."""

    def __init__(self, trim: Callable[[], None] = give_back) -> None:
        self.trim = trim
        self._indexed = names_indexed()

    def after(self, reply: Reply | None) -> bool:
        """Trim if this message left a burst behind; True when it did."""
        indexed = names_indexed()
        big = indexed - self._indexed >= BIG_INDEX
        self._indexed = indexed
        if big or (reply is not None and reply.image is not None):
            self.trim()
            return True
        return False
