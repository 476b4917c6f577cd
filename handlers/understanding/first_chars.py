"""Compiling a cue pattern so that a search skips at once the places where it cannot start.

A cue is often a long alternation ("\\bquote|\\bproposal|\\bpricing|…", read case-insensitively)
that Python's regex engine tries branch by branch at every character of a note. Every match of
such a pattern starts with one of a few characters (or at the start of the text, for a branch
written "^…"), known from the pattern itself: `compile` puts a lookahead for them in front
(`(?=^|[qp…])(?:…)`), so most places fail on one character test. What matches, and where, is exactly what the pattern alone would match.

The lookahead is left out where it cannot help: a pattern that may match an empty string or start
with any character (`.`, `\\w`, `[^…]`, a back-reference), one whose first character the engine
already searches for by itself (a literal it can look up, like "提醒"), and one that opens with "^"
(the engine tries it at the start of the text only). Long alternations are also grouped by their
phrases' first letters (`first_letters`).
"""
from __future__ import annotations

import re
from re import _compiler, _constants as _c, _parser  # type: ignore[attr-defined]  # the stdlib's regex internals are untyped
from typing import Any

from handlers.understanding import first_letters, pattern_cache

_CATEGORY = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s"}   # classes narrow enough to be worth a test
_SCOPED_FLAGS = re.I | re.A | re.L | re.U | re.M
_AT_START = {_c.AT_BEGINNING: "^", _c.AT_BEGINNING_STRING: r"\A"}
_INFO_PREFIX, _INFO_CHARSET = 1, 4                  # the engine's own fast search (sre's INFO block)
_LEADING_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")
_REVISION = "9"            # what `guarded` writes changed: patterns kept from an earlier one are compiled anew


class _Unknown(Exception):
    """The first character of a match cannot be told from the pattern (or is any character)."""


def compile(source: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - a drop-in for re.compile
    """`re.compile(source, flags)`, with a lookahead for the characters a match can start with
    where that spares the engine work (compiled once, then kept between runs: `pattern_cache`)."""
    return pattern_cache.compile(source, flags, guarded, _REVISION)


def guarded(source: str, flags: int = 0) -> tuple[str, int]:
    """`source` and `flags` as compiled: with a lookahead in front where there is one worth adding,
    and its phrases grouped by first letter (`first_letters`)."""
    lead = _LEADING_FLAGS.match(source)
    head = lead.group() if lead else ""
    body = source[len(head):]
    regrouped = None if head else first_letters.grouped(body, flags)
    if regrouped is not None and regrouped.whole:
        return regrouped.text, regrouped.flags       # the engine looks for the first letters itself
    guard = lookahead(source, flags)
    if guard is None and regrouped is None:
        return source, flags
    return head + (guard or "") + "(?:" + (regrouped.text if regrouped else body) + ")", flags


def lookahead(source: str, flags: int = 0) -> str | None:
    """The lookahead `(?=[…])` for the first character of every match of `source`, or None where
    there is none worth adding. Where every match starts a word ("\\bquote|\\bproposal"), the
    lookahead also asks for no letter or digit before (`(?<!\\w)`): most places inside words fail."""
    try:
        tree = _parser.parse(source, flags)
        if _searched_by_engine(tree, flags):
            return None
        own = tree.state.flags & _SCOPED_FLAGS
        if _anchored(tree, own):
            return None
        firsts = _Firsts(ascii_words=bool(own & re.A))
        if _may_be_empty(list(tree), own, firsts, bounded=False):
            return None
    except (_Unknown, re.error, AttributeError, TypeError):
        return None
    alternatives = []
    for scoped, (chars, anchors) in firsts.by_flags.items():
        if scoped & ~re.I != own & ~re.I:
            return None                                 # an inline (?a:…), (?m:…): not worth the care
        text = "|".join((["[" + "".join(sorted(chars)) + "]"] if chars else []) + sorted(anchors))
        if scoped != own:
            text = "(?" + ("i" if scoped & re.I else "-i") + ":" + text + ")"
        alternatives.append(text)
    return ("(?<!\\w)" if firsts.word_start else "") + "(?=" + "|".join(alternatives) + ")"


def _anchored(tree: Any, flags: int) -> bool:
    """True for a pattern that opens with "^" (not multi-line) or "\\A": the engine tries it at the
    start of the text only, where a lookahead would have it tried at every place."""
    first = tree[0] if len(tree) else None
    return first is not None and first[0] is _c.AT and first[1] in _AT_START and not flags & re.M


def _searched_by_engine(tree: Any, flags: int) -> bool:
    """True when the engine already finds where the pattern may start by a literal prefix or set."""
    info: list = []
    _compiler._compile_info(info, tree, tree.state.flags | flags)
    return bool(info) and info[0] == _c.INFO and bool(info[2] & (_INFO_PREFIX | _INFO_CHARSET))


class _Firsts:
    """What a match can start with: characters (and "^") per inline flags, and whether every match
    starts a word (a \\b, then a letter or digit)."""

    def __init__(self, ascii_words: bool) -> None:
        self.by_flags: dict[int, tuple[set[str], set[str]]] = {}
        self.word_start = True
        self.ascii_words = ascii_words

    def add(self, scoped: int, body: str, codes: list[int], bounded: bool) -> None:
        self.by_flags.setdefault(scoped, (set(), set()))[0].add(body)
        if self.word_start and not (bounded and all(self._wordy(code) for code in codes)):
            self.word_start = False

    def anchor(self, scoped: int, anchor: str) -> None:
        self.by_flags.setdefault(scoped, (set(), set()))[1].add(anchor)   # nothing stands before "^"

    def _wordy(self, code: int) -> bool:
        char = chr(code)
        return (char.isalnum() or char == "_") and (char.isascii() or not self.ascii_words)


def _may_be_empty(items: list, scoped: int, firsts: _Firsts, bounded: bool) -> bool:
    """Adds the characters a match of `items` can start with to `firsts` (per inline flags; with
    "^" for a match that can only start where "^" holds); True when `items` can match without
    reading a character. `bounded`: a \\b stands before."""
    for op, arg in items:
        if op is _c.AT and arg in _AT_START:
            firsts.anchor(scoped, _AT_START[arg])
            return False                                # "^…" matches only where "^" holds
        if op is _c.AT and arg is _c.AT_BOUNDARY:
            bounded = True
            continue
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue                                    # \B, \Z, lookarounds read no character
        if op is _c.LITERAL:
            firsts.add(scoped, re.escape(chr(arg)), [arg], bounded)
            return False
        if op is _c.IN:
            firsts.add(scoped, _class_body(arg), _class_codes(arg), bounded)
            return False
        if op is _c.SUBPATTERN:
            _, on, off, sub = arg
            empty = _may_be_empty(list(sub), (scoped | on) & ~off, firsts, bounded)
        elif op is _c.ATOMIC_GROUP:
            empty = _may_be_empty(list(arg), scoped, firsts, bounded)
        elif op is _c.BRANCH:
            empty = False
            for branch in arg[1]:
                empty = _may_be_empty(list(branch), scoped, firsts, bounded) or empty
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            least, _, sub = arg
            empty = _may_be_empty(list(sub), scoped, firsts, bounded) or least == 0
        else:
            raise _Unknown(op)                          # any character, a back-reference, a negated literal
        if not empty:
            return False
    return True


def _class_codes(items: list) -> list[int]:
    """Every character a class `[…]` of literals, ranges and \\d holds (a digit stands for \\d)."""
    codes: list[int] = []
    for op, arg in items:
        if op is _c.LITERAL:
            codes.append(arg)
        elif op is _c.RANGE:
            codes.extend(range(arg[0], arg[1] + 1))
        else:
            codes.append(ord(" " if arg is _c.CATEGORY_SPACE else "0"))
    return codes


def _class_body(items: list) -> str:
    """The inside of a character class `[…]` as written from its parsed items."""
    out = []
    for op, arg in items:
        if op is _c.LITERAL:
            out.append(re.escape(chr(arg)))
        elif op is _c.RANGE:
            out.append(re.escape(chr(arg[0])) + "-" + re.escape(chr(arg[1])))
        elif op is _c.CATEGORY and arg in _CATEGORY:
            out.append(_CATEGORY[arg])
        else:
            raise _Unknown(op)                          # a negated class, \w, \s, \W, …: too many characters
    return "".join(out)
