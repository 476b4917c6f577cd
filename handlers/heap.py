"""Handing memory back to the system after the few big, rare jobs of a long-running bot.

CPython frees objects into its own pools and glibc keeps freed heap pages for reuse, so the RSS
of a process stays at its highest point after a burst of short-lived allocations (building a
team's name index, drawing a chart). `give_back()` asks glibc to return the free pages at once;
it takes a few milliseconds and is only called after such a job. Elsewhere it does nothing.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Iterator


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



@contextmanager
def one_burst() -> Iterator[None]:
    """Around a job whose many objects die together when it ends (drawing a chart): no cycle
    collection while it runs, so they all stay in the youngest generation; afterwards one
    collection of that generation alone frees their cycles (a few ms however big the process)
    and the freed pages are handed back."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.collect(0)
        give_back()
