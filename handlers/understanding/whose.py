"""Whose each phone number and e-mail address of a note is, when the note names more than one person.

    "met Ann Kay and Bo Lee (IT), bo's email bo@x.com"        -> Bo Lee: bo@x.com (Ann Kay has none)
    "w/ Gavin Belson + his assistant jared (jared@hooli.com)"  -> jared: jared@hooli.com
    "gavin wants 5% off. nelson bighetti cto email nelson@…"   -> a new person, Nelson Bighetti (cto)
    "с Ивановой и Петровым, у Петрова тел +7 912 …"             -> Петров: the phone
    "见了王总和采购李娜，李娜电话139…"                             -> 李娜: the phone

A detail belongs to the person whose name its address carries ("alice.wong@…"), else to the person
named last before it in its sentence, else to a person the sentence names right before it (who then
is met too), else to the note's contact as before. A detail is never given to one person because
another is named beside it: an address carrying another person's first name is nobody's (`unplaced`).
"""
from __future__ import annotations

import re
import unicodedata

from handlers.understanding import people
from handlers.understanding.languages import en as en_cues, one_of
from handlers.understanding.model import Met, Parse
from handlers.understanding.same_name import names_contact, same_word
from handlers.understanding.translit import spelt
from storage.vocabulary import Lang

_SENTENCE_END = re.compile(r"[.!?;](?=\s)|[。！？；\n]")
# a short word a point ends without ending the sentence: "тел. +7 …", "Dr. Kay", "ph. 555…"
_ABBREVIATED = re.compile(r"(?<!\w)(?:тел|моб|ph|tel|mob|no|dr|mr|mrs|ms|prof|st|ул|г|д|т|e\.g|i\.e)$", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LOCAL_WORDS = re.compile(r"[a-z]{2,}")
_NEAR = 60                      # characters between a newly named person and their detail, at most
_MASK = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def place(parse: Parse, text: str, lang: Lang, taken: tuple[int, int]) -> None:
    """Give each phone and e-mail of `text` to its person: the contact (`parse.contact_*`), a person met
    too (`parse.met_too`, a new one when the sentence names them), or nobody (`parse.unplaced`)."""
    found = people.details(text)
    if not found or not parse.contact:
        return
    parse.contact_phone = parse.contact_email = None
    masked = _MASK.sub(lambda m: " " * len(m.group()), text)
    for kind, value, at in found:
        owner = _owner(parse, masked, lang, taken, kind, value, at)
        if owner is None:
            if kind not in parse.unplaced:
                parse.unplaced.append(kind)
            continue
        if owner == "":
            if getattr(parse, f"contact_{kind}") is None:
                setattr(parse, f"contact_{kind}", value)
            continue
        met = next(m for m in parse.met_too if m.name == owner)
        if getattr(met, kind) is None:
            setattr(met, kind, value)


def _owner(parse: Parse, masked: str, lang: Lang, taken: tuple[int, int], kind: str, value: str,
           at: int) -> str | None:
    """The name of the met person the detail is theirs ("" for the note's contact; None: nobody's)."""
    names = [parse.contact or "", *(m.name for m in parse.met_too)]
    if kind == "email":
        carried = [n for n in names if _carries(value, n)]
        if carried:
            return "" if carried[0] == names[0] else carried[0]
    start = max((m.end() for m in _SENTENCE_END.finditer(masked, 0, at)
                 if not _ABBREVIATED.search(masked, max(0, m.start() - 6), m.start())), default=0)
    sentence = masked[start:at]
    last, where = None, -1
    for name in names:
        spot = _written_last(sentence, name, lang)
        if spot > where:
            last, where = name, spot
    if last is not None:
        return "" if last == names[0] else last
    new = _named_before(parse, sentence, lang, taken, start)
    if new is not None:
        return new
    if kind == "email" and _other_first_name(value, names):
        return None                              # "jared@…" said of nobody: never Gavin's
    return ""


def _carries(address: str, name: str) -> bool:
    """True when an address's local part carries a word of the name ("alice.wong@", "bo@", "o.kim@" for
    Ольга Ким: a Cyrillic name compared letter for letter in Latin)."""
    local = unicodedata.normalize("NFKC", address.split("@", 1)[0]).casefold()
    words = [spelt(w) for w in re.findall(r"\w+", name.casefold()) if not _CJK.search(w)]
    parts = [spelt(p) for p in _LOCAL_WORDS.findall(local)]
    return any(w and (p == w or (len(w) >= 3 and p.startswith(w) and len(p) - len(w) <= 1)
                      or (len(p) >= 4 and same_word(p, w)))
               for p in parts for w in words)


def _other_first_name(address: str, names: list[str]) -> bool:
    """True when the address's local part opens with a first name that is none of the note's people."""
    first = (_LOCAL_WORDS.findall(address.split("@", 1)[0].casefold()) or [""])[0]
    return first in en_cues.FIRST_NAMES and not any(names_contact(n, first) or _carries(address, n) for n in names if n)


def _written_last(sentence: str, name: str, lang: Lang) -> int:
    """Where `name` is last written in `sentence` (a word of it, in any case form), or -1."""
    if not name:
        return -1
    if lang == Lang.ZH and not name.isascii():
        return sentence.rfind(name)
    best = -1
    for word in re.findall(r"\w+", name):
        stem = word if len(word) <= 4 else word[:max(3, len(word) - 2)]
        for m in re.finditer(r"(?<!\w)" + re.escape(stem) + r"\w*", sentence, re.I):
            if same_word(m.group().casefold().replace("ё", "е"), word.casefold().replace("ё", "е")) \
                    or m.group().casefold() == word.casefold() or m.group().casefold().rstrip("s") == word.casefold():
                best = max(best, m.start())
    return best


_WORD = r"(?:[A-Z][a-z'’-]+|[a-z][a-z'’-]+)"
# an English name right before its detail, with its title: "nelson bighetti cto email ", "Alice Wong, "
_EN_RIGHT_BEFORE = re.compile(r"(?<![\w'’])(?P<name>" + _WORD + r"(?:\s+" + _WORD + r")?)(?:\s*,?\s*\(?(?P<role>"
                              + one_of(en_cues.ROLES) + r")\)?)?\s*[,:(-]?\s*(?:(?:his|her|their|the)\s+)?"
                              r"(?:e-?mail(?:\s+address)?|phone|cell|mobile|tel\.?|number|direct\s+line)?\s*(?:is\s+)?[:=,(-]?\s*$",
                              re.I)


def _en_right_before(sentence: str) -> people.Person:
    """The English person written right before the detail: a known first name first, or two capitalised words."""
    m = _EN_RIGHT_BEFORE.search(sentence)
    if m is None:
        return people.Person()
    words = m.group("name").split()
    if words[0].lower() not in en_cues.FIRST_NAMES:
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            return people.Person()
    if words[-1].lower() in en_cues.NOT_NAMES or words[-1].lower() in ("email", "phone", "cell", "mobile", "number"):
        words = words[:-1]
    if not words:
        return people.Person()
    return people.Person(" ".join(words), m.group("role"))


def _named_before(parse: Parse, sentence: str, lang: Lang, taken: tuple[int, int], start: int) -> str | None:
    """A person the sentence names right before the detail, none of the note's people: met too, with
    the title written with them ("nelson bighetti cto email …")."""
    span = (taken[0] - start, taken[1] - start)
    person = _en_right_before(sentence) if lang == Lang.EN else people.Person()
    if not person.name:
        person = people.extract(sentence, lang, span)
    if not person.name or any(names_contact(n, person.name) or names_contact(person.name, n)
                              for n in (parse.contact or "", *(m.name for m in parse.met_too)) if n):
        return None
    if parse.customer and names_contact(parse.customer, person.name):
        return None
    where = _written_last(sentence, person.name, lang)
    if where < 0 or len(sentence) - where > _NEAR:
        return None
    parse.met_too.append(Met(person.name, person.role))
    return person.name
