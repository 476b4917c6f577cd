"""Whose birthday a note tells, when it names the person with the birthday word: "toms mobile is …. Priya's
bday is 14 march" (Priya's, not Tom's), "у Марины Викторовны день рождения 3 марта", "张工生日是5月6号".

The birthday then goes to that person (the note's contact, a person met too, or a contact of the team
found by that name), never to another person the note is about."""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.languages import cues
from handlers.understanding.model import Met, Parse
from handlers.understanding.ru_names import lookup_first, nominative
from handlers.understanding.same_name import names_contact
from storage.vocabulary import Lang


_OWN = re.compile(r"['’]s$")          # "Priya's" is Priya


@lru_cache(maxsize=None)
def _said(lang: str) -> tuple[re.Pattern[str], ...]:
    """The language's phrases naming a birthday's person, each with its own `who` group."""
    return tuple(re.compile(phrase, re.I) for phrase in cues(lang).BIRTHDAY_OF)


def owner(text: str, lang: Lang, taken: tuple[int, int] = (-1, -1)) -> str | None:
    """The person `text` names with its birthday word, as a name (Russian put in the nominative), or None;
    a known customer's name (at `taken`) is no person ("день рождения у Вектора")."""
    found = min((m for m in (pattern.search(text) for pattern in _said(lang)) if m is not None),
                key=lambda m: m.start(), default=None)
    if found is None or (found.start("who") < taken[1] and taken[0] < found.end("who")):
        return None
    who = _OWN.sub("", found.group("who").strip())
    if lang == Lang.RU:
        who = nominative(who.split())
    return who if _a_name(who, lang) else None


def _a_name(who: str, lang: Lang) -> bool:
    """A Russian name is a person's when it opens with a first name ("у него", "у директора", "у Вектора": none)."""
    if lang != Lang.RU:
        return True
    return lookup_first(who.split()[0]) is not None


def place(parse: Parse, text: str, lang: Lang, taken: tuple[int, int] = (-1, -1)) -> None:
    """Give the note's birthday to the person it names with it: the contact stays the note's contact, and a
    birthday of someone else is that person's (`met_too`), whoever the note's other facts are about."""
    if not parse.birthday:
        return
    who = owner(text, lang, taken)
    if not who:
        return
    if not parse.contact:
        parse.contact = who
        return
    if names_contact(parse.contact, who) or names_contact(who, parse.contact):
        return
    met = next((m for m in parse.met_too if names_contact(m.name, who) or names_contact(who, m.name)), None)
    if met is None:
        met = Met(who)
        parse.met_too.append(met)
    met.birthday, parse.birthday = parse.birthday, None
