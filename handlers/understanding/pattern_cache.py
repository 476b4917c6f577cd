"""The understanding's compiled patterns, kept between runs.

Compiling the cue patterns (long alternations of every language's phrases) costs a process about
half a second of CPU at start-up, the same work every time. What the regex engine compiles a
pattern to (its code, a list of numbers) is kept in the user's cache directory,
`$XDG_CACHE_HOME/crmbot` or `~/.cache/crmbot`, one file per Python version and regex engine, under
the pattern's own text and flags: a pattern changed by an update is simply compiled anew. The file
is checked whole (a checksum) and the engine checks each code it is given; a file that is missing,
damaged or unreadable only means compiling as usual. `CRM_PATTERN_CACHE=off` compiles every pattern
every time (and writes nothing).

A pattern made from the cache is the very object `re.compile` returns (equal to it: same text,
flags and code), made without reading its text again.
"""
from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]  # the stdlib's regex internals are untyped
from typing import Any, Callable

import _sre  # the regex engine itself

_Key = tuple[str, int, str]
_DIGEST = 32
_OFF = ("0", "off", "no", "false")
_KEEP = 5000                # patterns kept at most: those used in the last run first
_entries: dict[_Key, tuple] | None = None
_added: set[_Key] = set()
_used: set[_Key] = set()


def compile(source: str, flags: int = 0, rewrite: Callable[[str, int], tuple[str, int]] | None = None,  # noqa: A001
            revision: str = "") -> re.Pattern:
    """`re.compile(source, flags)`, from the code kept for it where there is one. `rewrite` gives the
    text and flags actually compiled (kept too, under `source` and the rewrite's name and `revision`: a rewrite
    that changed is compiled anew): `first_chars` puts its lookahead in front."""
    flags = int(flags)
    entries = _entries if _entries is not None else _load()
    key = (source, flags, rewrite.__qualname__ + revision if rewrite is not None else "")
    kept = entries.get(key)
    _used.add(key)
    if kept is not None:
        try:
            return _sre.compile(*kept)
        except (RuntimeError, TypeError, ValueError, OverflowError):
            pass                                        # not code this engine takes: compiled anew
    text, flags = rewrite(source, flags) if rewrite is not None else (source, flags)
    tree = _parser.parse(text, flags)
    groups = tree.state.groupdict
    names: list[str | None] = [None] * tree.state.groups
    for name, number in groups.items():
        names[number] = name
    code = [int(word) for word in _compiler._code(tree, flags)]          # plain numbers, as kept
    kept = (text, int(flags | tree.state.flags), code, tree.state.groups - 1, dict(groups), tuple(names))
    pattern = _sre.compile(*kept)
    entries[key] = kept
    _added.add(key)
    return pattern


def path() -> Path | None:
    """Where the compiled patterns are kept (None when `CRM_PATTERN_CACHE` is off)."""
    if os.environ.get("CRM_PATTERN_CACHE", "").strip().lower() in _OFF:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "crmbot" / f"patterns-{sys.implementation.cache_tag}-{_sre.MAGIC}.bin"


def _load() -> dict[_Key, tuple]:
    global _entries
    _entries = {}
    where = path()
    if where is None:
        return _entries
    try:
        data = where.read_bytes()
        body = data[_DIGEST:]
        if hashlib.blake2b(body, digest_size=_DIGEST).digest() == data[:_DIGEST]:
            loaded: Any = marshal.loads(body)
            if isinstance(loaded, dict):
                _entries = loaded
    except (OSError, ValueError, EOFError, TypeError):
        pass
    atexit.register(save)
    return _entries


def save() -> None:
    """Writes the patterns compiled in this run beside those kept (at exit); a cache directory that
    cannot be written is left alone."""
    where = path()
    if not _added or _entries is None or where is None:
        return
    entries = tuple(_entries.items())            # copies taken at once: a thread may still be compiling
    used = frozenset(tuple(_used))
    kept = {key: value for key, value in entries if key in used}
    for key, value in entries:
        if len(kept) >= _KEEP:
            break
        kept.setdefault(key, value)
    temporary = None
    try:
        body = marshal.dumps(kept)
        where.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=where.parent, prefix=".patterns-", delete=False) as out:
            temporary = out.name
            out.write(hashlib.blake2b(body, digest_size=_DIGEST).digest() + body)
        os.replace(temporary, where)
        temporary = None
        _added.clear()
    except (OSError, ValueError):
        pass
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
