"""A long alternation of cue phrases grouped by the letter (or digit) each phrase starts with.

Python's regex engine tries an alternation ("\\bquote|\\bproposal|\\bpricing|…") branch by branch
at every place it searches, and read case-insensitively no branch can be skipped on its first
character. `grouped` writes the same alternation with the phrases that start with the same letter
behind that letter:
- where every phrase starts with a letter, once behind each case of it, read case-sensitively
  (`P(?i:(?:(?<!\\w\\w)roposal|(?<!\\w\\w)ricing))|p(?i:…)|Q(?i:…)|…`): the engine itself then
  jumps to the places holding one of those letters, and there tries only that letter's phrases;
- otherwise behind the letter in all its cases (`(?-i:[Pp])(?:…)`), the other phrases in their places:
  the engine skips a group on one character test.
A phrase that opens with a group of words is read as one phrase per word ("\\b(?:we|i)\\s+sent" is
"\\bwe\\s+sent|\\bi\\s+sent", "(?:a\\s+)?few" is "a\\s+few|few"), in the same order.

What matches, and where, is exactly what the alternation alone matches: within a group the phrases
keep their order, and a phrase moves ahead of another only when the two cannot start on the same
character. A word boundary before a phrase's first letter is read, once the letter is taken, as "no
letter or digit before it" (`(?<!\\w\\w)`); a letter's cases are those the engine itself matches. A
pattern with capturing groups, written verbose or locale-dependent, or whose phrases share few first
letters, is left as written. `any_order` does the same for a search that asks only where one of
several patterns matches (the dates' possible starts), where the phrases' order does not count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from re import _casefix, _parser  # type: ignore[attr-defined]  # the stdlib's regex internals are untyped
from typing import Callable, Iterator

import _sre  # the regex engine itself

_MIN_BRANCHES = 6                       # fewer phrases than this gain nothing
_PEEL = re.compile(r"(\\b)?([^\W_])(?![?*+{])")   # a phrase's leading boundary and first letter or digit
_GROUP_FIRST = re.compile(r"(\\b)?\(\?:")         # a branch that opens with a group of words
_MAX_SPREAD = 24                        # words a branch's opening group may spread into
_BMP = 0x10000                          # no character beyond it lowercases into it (tests/understanding)


@dataclass(frozen=True)
class Grouped:
    """An alternation written grouped by first letter: its text and flags. `whole`: every branch
    starts with a letter, so the engine itself looks for those letters (no lookahead is needed)."""

    text: str
    flags: int
    whole: bool


def grouped(source: str, flags: int = 0) -> Grouped | None:
    """`source` (an alternation) with its branches grouped by first letter, or None where that is
    not worth it or cannot be done exactly."""
    if flags & (re.X | re.L):
        return None
    try:
        tree = _parser.parse(source, flags)
    except re.error:
        return None
    if tree.state.groups > 1 or tree.state.flags & (re.X | re.L) or source.startswith("(?"):
        return None
    flags = tree.state.flags
    top = _branches(source)
    if top is None:
        return None
    branches = [spread for branch in top for spread in _spread(branch)]
    items: list[tuple[frozenset[str], list[str]] | str] = []
    open_groups: dict[frozenset[str], list[str]] = {}
    for branch in branches:
        peeled = _peeled(branch, flags)
        if peeled is None:
            items.append(branch)
            may_start = _may_start(branch, flags)
            for letters in [k for k in open_groups if may_start(k)]:
                del open_groups[letters]        # a phrase after this one cannot move ahead of it
            continue
        letters, rest = peeled
        if any(letters & other for other in open_groups if other != letters):
            return None                         # two letters one character matches: not worth the care
        group = open_groups.get(letters)
        if group is None:
            group = open_groups[letters] = []
            items.append((letters, group))
        group.append(rest)
    groups = [item for item in items if not isinstance(item, str)]
    if len(groups) == len(items):
        return _checked("|".join(_each_letter(letters, rests, flags) for letters, rests in groups), flags & ~re.I, True)
    if len(branches) < _MIN_BRANCHES or len(items) > len(branches) * 2 // 3:
        return None                             # phrases with few first letters in common
    return _checked("|".join(item if isinstance(item, str) else _written(item[0], item[1], flags) for item in items),
                    flags, False)


def _checked(text: str, flags: int, whole: bool) -> Grouped | None:
    """The grouped pattern, where the engine reads it (always, for phrases read from a pattern it read)."""
    try:
        _parser.parse(text, flags)
    except re.error:
        return None
    return Grouped(text, flags, whole)


def any_order(sources: list[str], flags: int = 0) -> tuple[tuple[str, int] | None, str | None]:
    """Where any of `sources` may match, as two patterns that find the same places between them:
    the branches that start with a letter grouped by it (its text and flags: the engine looks the
    letters up itself), and the rest as written. For a search that asks only where some source
    matches (not which, nor how far), so the branches' order does not count; None for a part with
    no branch."""
    flags = _parser.parse("|".join(sources) or "x", flags).state.flags
    groups: dict[frozenset[str], list[str]] = {}
    rest: list[str] = []
    for source in sources:
        top = _branches(source)
        for branch in [source] if top is None else [spread for one in top for spread in _spread(one)]:
            peeled = _peeled(branch, flags) if top is not None else None
            if peeled is None:
                rest.append(branch)
            else:
                groups.setdefault(peeled[0], []).append(peeled[1])
    keys = list(groups)
    if flags & (re.X | re.L) or any(one & other for i, one in enumerate(keys) for other in keys[i + 1:]):
        return None, "|".join(sources) or None      # two letters one character matches: as written
    letters = "|".join(_each_letter(letters, rests, flags) for letters, rests in groups.items())
    checked = _checked(letters, flags & ~re.I, True) if letters else None
    if letters and checked is None:
        return None, "|".join(sources) or None
    return ((letters, flags & ~re.I) if letters else None), "|".join(rest) or None


def _each_letter(letters: frozenset[str], rests: list[str], flags: int) -> str:
    """A group behind each of its letters as written (no case folding: the engine looks them up),
    the rest read with the pattern's own case rule."""
    rest = "(?:" + "|".join(rests) + ")"
    if flags & re.I:
        rest = "(?i:" + rest + ")"
    return "|".join(re.escape(c) + rest for c in sorted(letters))


def _written(letters: frozenset[str], rests: list[str], flags: int) -> str:
    chars = sorted(letters)
    first = re.escape(chars[0]) if len(chars) == 1 else "[" + "".join(map(re.escape, chars)) + "]"
    if flags & re.I:
        first = "(?-i:" + first + ")"
    return first + "(?:" + "|".join(rests) + ")"


def _peeled(branch: str, flags: int) -> tuple[frozenset[str], str] | None:
    """The letters a branch starts with (every case of its first letter) and the rest of it, or None
    for a branch that starts otherwise."""
    m = _PEEL.match(branch)
    if m is None:
        return None
    letters = _cases(m.group(2), flags)
    rest = branch[m.end():]
    if m.group(1):
        if not all(re.match(r"\w", c, flags) for c in letters):
            return None
        rest = r"(?<!\w\w)" + rest          # "\b" before a letter: no letter or digit before it
    return letters, rest


@lru_cache(maxsize=None)
def _cases(letter: str, flags: int) -> frozenset[str]:
    """Every character the pattern `letter` matches under `flags`."""
    if not flags & re.I:
        return frozenset(letter)
    one = re.compile(re.escape(letter), flags)
    lower = _sre.unicode_tolower(ord(letter))
    near = {letter, letter.lower(), letter.upper(), letter.swapcase()}
    for code in (lower, *_casefix._EXTRA_CASES.get(lower, ())):
        near.update(_lowering_to().get(code, ()))
    return frozenset(c for c in near if len(c) == 1 and one.fullmatch(c))


@lru_cache(maxsize=1)
def _lowering_to() -> dict[int, list[str]]:
    """The characters whose lowercase is each code (the engine's own case rule)."""
    out: dict[int, list[str]] = {}
    for code in range(_BMP):
        out.setdefault(_sre.unicode_tolower(code), []).append(chr(code))
    return out


def _may_start(branch: str, flags: int) -> Callable[[frozenset[str]], bool]:
    """Whether a match of `branch` may start on one of some letters (or at the start of a line)."""
    from handlers.understanding.first_chars import lookahead

    guard = lookahead(branch, flags)
    if guard is None:
        return lambda letters: True
    test = re.compile(guard.removeprefix("(?<!\\w)"), flags)
    return lambda letters: any(test.match(c) for c in letters)


def _spread(branch: str) -> list[str]:
    """A branch that opens with a group of words, as one branch per word: "\\b(?:we|i)\\s+sent" is
    "\\bwe\\s+sent|\\bi\\s+sent", tried in the same order."""
    m = _GROUP_FIRST.match(branch)
    if m is None:
        return [branch]
    close = _closing(branch, m.end() - 3)
    if close is None:
        return [branch]
    words, after = _branches(branch[m.end():close]), close + 1
    if branch[after:after + 1] == "?" and branch[after + 1:after + 2] not in ("?", "+"):
        words, after = (words + [""] if words is not None else None), after + 1   # "(?:a\\s+)?few": "a few", then "few"
    if words is None or branch[after:after + 1] in ("?", "*", "+", "{"):
        return [branch]
    out = [spread for word in words for spread in _spread((m.group(1) or "") + word + branch[after:])]
    return out if len(out) <= _MAX_SPREAD else [branch]


def _closing(source: str, opening: int) -> int | None:
    """Where the group opened at `opening` closes."""
    for i, c, depth in _structure(source):
        if c == ")" and depth == 1 and i > opening:
            return i
    return None


def _branches(source: str) -> list[str] | None:
    """The top-level branches of a pattern's text, split at each "|" outside groups and classes."""
    out, start, depth = [], 0, 0
    for i, c, before in _structure(source):
        if c == ")" and before <= 0:
            return None
        depth = before + (1 if c == "(" else -1 if c == ")" else 0)
        if c == "|" and before == 0:
            out.append(source[start:i])
            start = i + 1
    if depth != 0:
        return None
    out.append(source[start:])
    return out


def _structure(source: str) -> Iterator[tuple[int, str, int]]:
    """Each "(", ")" and "|" outside classes and escapes, with the depth of groups it stands in
    (before it)."""
    depth, i, n = 0, 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if i < n and source[i] == "^":
                i += 1
            if i < n and source[i] == "]":
                i += 1
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c in "()|":
            yield i, c, depth
            depth += 1 if c == "(" else -1 if c == ")" else 0
        i += 1
