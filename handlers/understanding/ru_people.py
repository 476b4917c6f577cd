"""The person a Russian note is about, however the rep wrote them: after "контакт"/"ЛПР", right after
a role in any letter case ("прораб денис", "главбух Татьяна Викторовна", "инженер Петров А.В."), by
initials ("Н. Краснова", "Ким С.В."), in Latin letters as the one who acted ("Ivan Petrov ответил"),
as a lower-case first name and patronymic ("ирина сергеевна"), as a surname that acted or was reached
("Лебедев обещал", "звонил Мельникову"), as a lower-case first name that acted ("саня позвонил"), or
as a run of capitalised words trimmed to the name in it ("Вектора Петром Ивановым" -> Пётр Иванов).

Each way gives candidates; the earliest wins (the first way found at the same place). The customer's
own span is never a person, nor the writer naming themselves ("я Алина"). The name is put back in
the nominative, and the role written before it (or after it, past a comma) comes with it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from handlers.understanding import first_chars
from handlers.understanding.languages import en, ru
from handlers.understanding.languages.protocol import one_of
from handlers.understanding.ru_names import (is_patronymic, lookup_first, nominative, surname_before_first,
                                              surname_nominative)


class Written(NamedTuple):
    """A candidate name: where it starts in the note and its words as written."""

    at: int
    words: list[str]


Span = tuple[int, int]

RU_ROLES = one_of(ru.ROLES)
_CAP = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_NAME = first_chars.compile(r"(?<![\w«\"])" + _CAP + r"(?:\s+" + _CAP + r"){0,4}")
_ROLE = re.compile(RU_ROLES, re.I)
_CONTACT = re.compile(r"\b(?:контакт\w*(?:\s+лиц\w*)?|лпр)\s*(?:[—:-]|это)?\s*(?P<name>(?-i:" + _CAP + r"(?:\s+" + _CAP
                      + r"){0,2}))", re.I)
# a person signing or named by initials: "С уважением, Н. Краснова", "А. Галимов", "Ким С.В. подтвердил"
_INITIALED = re.compile(r"(?<![\w.])(?P<name>[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?"
                        r"|[А-ЯЁ][а-яё]{1,}(?:-[А-ЯЁ][а-яё]+)?\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)(?![\w])")
# a person named in Latin letters, as the one who acted: "Ivan Petrov ответил", "Anna Schmidt сказала"
_LATIN_DID = re.compile(r"(?<![\w.@])(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=\s+" + one_of(ru.SURNAME_DID) + ")")
# a person's whole name in Latin letters, a known first name then a surname: "Karen Hall, karen@…", "с John Miller"
_LATIN_FULL = re.compile(r"(?<![\w.@-])(?P<name>(?P<first>[A-Z][a-z]+)\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w.@-])")
_WORD = r"[А-ЯЁа-яё][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?"
# a name right after its role, in any case and letter case: "прораб денис", "главбух татьяна викторовна",
# "снабженец Ковалев", "инженер Петров А.В."
_AFTER_ROLE = first_chars.compile(r"(?<![\w-])(?:" + RU_ROLES + r")\s*[,—:-]?\s*(?P<name>(?-i:" + _WORD + r"(?:\s+" + _WORD
                         + r"){0,2}(?:\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)?))", re.I)
_INITIALS = re.compile(r"[А-ЯЁ]\.\s?[А-ЯЁ]\.")
_TRADE = re.compile(one_of(ru.TRADE_NOUNS) + r"[а-яё]*$")
# a first name in lower case as the subject of what happened: "саня позвонил", "роман тянет", "михаил (зам по закупкам)"
_LOWER_SUBJECT = first_chars.compile(r"(?:^|(?<=[\s,.;:!—-]))(?P<name>[а-яё]{3,})(?=\s*\(|\s+(?:сам\w*\s+)?[а-яё]+(?:л|ла|ли|ит|ет|ят|ут|ют|ат)\b)")
# a surname as who spoke or acted: "Лебедев обещал ответ", "ковалев хочет скидку", "Горшков ок по цене"
_SURNAME = r"(?:[А-ЯЁа-яё][а-яё]+(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|енко|чук|щук)|[А-ЯЁ][а-яё]+(?:ский|ская|цкий|цкая))"
_SURNAME_CASED = r"[а-яё]+(?:(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|е|ом|ою)?|енко)"
_SURNAME_DID = re.compile(r"(?:^|(?<=[\s,.;:!—(-]))(?P<name>" + _SURNAME + r")(?=\s+" + one_of(ru.SURNAME_DID) + ")")
# a surname met with, in the instrumental, and no name after it: "встретился с Ивановым", "созвон с Петровой"
_WITH_SURNAME = re.compile(r"(?<![\w-])(?:с|со)\s+(?P<name>[А-ЯЁ][а-яё]+(?:овым|евым|ёвым|иным|ыным|овой|евой|ёвой|иной|"
                           r"ыной))(?![\w-])(?!\s+[А-ЯЁ«\"])")
# a surname said with its job after a dash: "Козлов — коммерческий директор"
_SURNAME_DASH = re.compile(r"(?:^|(?<=[\s,.;:!(]))(?P<name>" + _SURNAME + r")\s*[—–-]\s*(?=(?i:" + RU_ROLES + r"))")
# a surname reached in the dative: "звонил Мельникову", "отправил письмо литвиновой", "позвонила руденко"
_DATIVE_SURNAME = re.compile(r"(?<![\w-])" + one_of(ru.REACHED) + r"(?:\s+[а-яё]+){0,2}?\s+(?P<name>[А-ЯЁа-яё][а-яё]+"
                             r"(?:ову|еву|ёву|ину|ыну|овой|евой|ёвой|иной|ыной|енко))(?![\w-])")
# a surname the rep went to ("заезжал к Ветрову", "была у Сидоровой", "у Петрова в офисе")
_VISITED_SURNAME = re.compile(r"(?<![\w-])(?:к|ко|у)\s+(?P<name>[А-ЯЁ][а-яё]+(?:ову|еву|ёву|ину|ыну|овой|евой|ёвой|иной|ыной"
                              r"|ова|ева|ёва|ина|ына))(?![\w-])")
# a customer gone over to someone else ("ушли к Шкафкину"): a competitor, not a contact
_WENT_OVER = re.compile(r"(?:ушл[иа]|уш[её]л|перешл[иа]|перeш[её]л)\s+к\s+$", re.I)
# a word in lower case, and the one after it: a name is read by what the words are, not by capitals
_LOWER_WORD = re.compile(r"(?<![\w-])[а-яё]{3,}(?![\w-])")
_SURNAME_SHAPED = re.compile(r"(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой|ою|ого|ому|ую)?$|(?:ск|цк)(?:ий|ая|ого|ому|им|ом|ой|ую)$"
                             r"|(?:енко|чук|щук|дзе|швили|ян|янц)$")
# a colloquial patronymic alone after a role: "завхоз михалыч", "прораб Петрович"
_FOLK_PATRONYMIC = re.compile(r"^[а-яё]{2,}(?:ыч|вич)$", re.I)
# the writer naming themselves ("так это Галина", "я Алина, новый менеджер"): not the contact
_SELF = re.compile(r"(?:\bэто|\bя|меня\s+зовут|с\s+вами)\s+$", re.I)
_COLLEAGUE_BEFORE = re.compile(r"(?<![\w-])(?:" + one_of(ru.COLLEAGUE_BEFORE) + r")\s+$", re.I)
_COLLEAGUE_AFTER = re.compile(r"[\s,]+(?:" + one_of(ru.COLLEAGUE_AFTER) + r")(?![\w-])", re.I)
# how far around a name its role is looked for
_ROLE_BEFORE = 60
_ROLE_AFTER = 80
# a capitalised run is trimmed to where a name begins; a role this close before keeps it whole
_ROLE_REACH = 30


def _inside(at: int, taken: Span) -> bool:
    return taken[0] <= at < taken[1]


def _writer_themselves(text: str, at: int) -> bool:
    return _SELF.search(text, 0, at) is not None


def role_nominative(role: str) -> str:
    """A role as written put back in the nominative: "главным инженером" -> "главный инженер"."""
    out = []
    for w in role.lower().split():
        for end, rep in (("ым", "ый"), ("им", "ий"), ("ому", "ый"), ("ого", "ый"), ("ом", ""), ("ого", ""),
                         ("ему", "ий"), ("ем", ""), ("а", ""), ("у", ""), ("ой", "ой")):
            if w.endswith(end) and len(w) > len(end) + 3 and w not in ("по",):
                w = w[:-len(end)] + rep
                break
        out.append(w)
    return " ".join(out)


def _contact_said(text: str) -> list[Written]:
    """The name after "контакт", "контактное лицо", "ЛПР"."""
    m = _CONTACT.search(text)
    return [Written(m.start("name"), m.group("name").split())] if m else []


def _after_role_words(written: str) -> list[str] | None:
    """The name in the words right after a role, or None when they are no person's name."""
    words = [w[:1].upper() + w[1:] if lookup_first(w) or is_patronymic(w[:1].upper() + w[1:]) else w for w in written.split()]
    words = [w[:1].upper() + w[1:] if w.islower() and _surname_shaped(w) and _beside_first_name(words, i) else w
             for i, w in enumerate(words)]       # "директор тимур ахметов", "с зайцевым андреем николаевичем"
    first = words[0]
    if len(words) > 1 and _TRADE.match(words[1]):
        return None             # "директор Обского рыбзавода": the company the role is at, not a person
    if _FOLK_PATRONYMIC.match(first) and not lookup_first(first):
        return [first]          # "завхоз михалыч"
    if re.fullmatch(_SURNAME_CASED, first) and first.islower() and first not in ru.NOT_SURNAMES and not lookup_first(first):
        return [first]          # "агроному буркову", "снабженец ковалев"
    if lookup_first(first) and first.lower() not in ru.AMBIGUOUS_NAMES:
        keep = [first] + [w for w in words[1:2] if is_patronymic(w) or w[:1].isupper() and not lookup_first(w)]
    elif first[:1].isupper() and not lookup_first(first):
        if len(words) > 2 and lookup_first(words[1]) and is_patronymic(words[2]):
            return words[:3]    # "директор Ланге Виктор Карлович"
        if len(words) > 1 and lookup_first(words[1]) and not surname_before_first(words):
            return None         # "директором Гранита Петром Ивановым": the company, then the person
        keep = [first] + [w for w in words[1:2] if lookup_first(w) or _INITIALS.fullmatch(w)]
    else:
        return None
    if len(keep) == 2 and len(words) > 2 and (is_patronymic(words[2]) or is_patronymic(keep[1])
                                              and words[2][:1].isupper() and not lookup_first(words[2])):
        keep.append(words[2])   # "Денис Владимирович Ким"
    initials = _INITIALS.search(written)
    if initials and len(keep) == 1:
        keep.append(initials.group().replace(" ", ""))      # "инженер Петров А.В."
    return keep


def after_role(text: str) -> list[Written]:
    """Names written right after a role: a first name (any letter case) with its patronymic or surname,
    or a capitalised surname with initials."""
    found = []
    for m in _AFTER_ROLE.finditer(text):
        keep = _after_role_words(m.group("name"))
        if keep is not None:
            found.append(Written(m.start("name"), keep))
    return found


def _initialed_or_latin(text: str, taken: Span) -> list[Written]:
    """A name with initials ("Н. Краснова", spaced the same way) or in Latin letters before what it did."""
    found = []
    for pattern in (_INITIALED, _LATIN_DID):
        for m in pattern.finditer(text):
            if _inside(m.start("name"), taken):
                continue
            name = m.group("name")
            if pattern is _INITIALED and name[1] == ".":
                name = name.replace(". ", ".").replace(".", ". ").strip()
            found.append(Written(m.start("name"), [name]))
    for m in _LATIN_FULL.finditer(text):
        if m.group("first").lower() in en.FIRST_NAMES and not _inside(m.start("name"), taken) \
                and not _inside(m.end("name") - 1, taken):
            found.append(Written(m.start("name"), [m.group("name")]))
    return found


def _beside_first_name(words: list[str], i: int) -> bool:
    return any(0 <= j < len(words) and lookup_first(words[j]) for j in (i - 1, i + 1)) \
        or i >= 2 and is_patronymic(words[i - 1]) and lookup_first(words[i - 2]) is not None


def _surname_shaped(word: str) -> bool:
    return _SURNAME_SHAPED.search(word) is not None and len(word) > 3 and word not in ru.NOT_SURNAMES \
        and not lookup_first(word)


def _lower_case_names(text: str, taken: Span) -> list[Written]:
    """A known first name typed in lower case, with the patronymic and surname around it: "ирина
    сергеевна", "лпр кравцов олег", "с ильёй сомовым", "вячеслав олегович зуев"."""
    words = list(_LOWER_WORD.finditer(text))
    found = []
    for i, m in enumerate(words):
        word = m.group()
        if not lookup_first(word) or word in ru.AMBIGUOUS_NAMES or _inside(m.start(), taken) \
                or _writer_themselves(text, m.start()):
            continue
        start, name = m.start(), [word.capitalize()]

        def next_to(j: int, before: bool = False) -> str | None:
            if not 0 <= j < len(words):
                return None
            gap = text[words[j].end():words[j + 1].start()] if before else text[words[j - 1].end():words[j].start()]
            return words[j].group() if gap.strip() == "" else None

        after = next_to(i + 1)
        if after and is_patronymic(after.capitalize()):
            name.append(after.capitalize())
            after = next_to(i + 2)
        if after and _surname_shaped(after):
            name.append(after.capitalize())
        elif len(name) == 1:
            before = next_to(i - 1, before=True)
            if before and _surname_shaped(before) and not _inside(words[i - 1].start(), taken):
                start, name = words[i - 1].start(), [before.capitalize(), *name]
        found.append(Written(start, name))
    return found


def _surnames_that_acted(text: str, taken: Span) -> list[Written]:
    """A surname that spoke or acted ("Лебедев обещал"), was reached in the dative ("звонил Мельникову") or
    visited ("заезжал к Ветрову", "была у Сидоровой")."""
    found = []
    for m in _WITH_SURNAME.finditer(text):
        word = m.group("name")
        if not _inside(m.start("name"), taken) and not lookup_first(word) and word.lower() not in ru.NOT_SURNAMES:
            found.append(Written(m.start("name"), [surname_nominative(word, word.endswith(("ой", "ою")))]))
    for pattern in (_SURNAME_DASH, _SURNAME_DID, _DATIVE_SURNAME, _VISITED_SURNAME):
        for m in pattern.finditer(text):
            word = m.group("name")
            following = text[m.end("name"):].split()[:1]
            if word.lower() in ru.NOT_SURNAMES or lookup_first(word) or _inside(m.start("name"), taken) \
                    or _writer_themselves(text, m.start("name")) or (following and lookup_first(following[0].strip(",."))) \
                    or re.search(r"\d\s*$", text[:m.start("name")]) or _WENT_OVER.search(text, 0, m.start("name")):
                continue        # "Зайцеву Андрею Николаевичу" is read whole below; "5 лимонов" is no one
            found.append(Written(m.start("name"), [word]))
    return found


def _lower_first_that_acted(text: str, taken: Span) -> list[Written]:
    """"саня позвонил": a known first name in lower case before what it did."""
    return [Written(m.start(), [m.group("name").capitalize()]) for m in _LOWER_SUBJECT.finditer(text)
            if lookup_first(m.group("name")) and m.group("name") not in ru.AMBIGUOUS_NAMES
            and not _inside(m.start(), taken) and not _writer_themselves(text, m.start())]


def _trimmed_to_name(text: str, at: int, words: list[str], taken: Span) -> Written:
    """A capitalised run without the words before its name (a verb opening the sentence, the
    customer's name), unless a role right before it says the run is the name."""
    while words and not lookup_first(words[0]) and not is_patronymic(words[0]) and not surname_before_first(words):
        preceding = text[max(0, at - _ROLE_REACH):at]
        if _ROLE.search(preceding) and _ROLE_LAST.search(preceding) and not _inside(at, taken):
            break
        at += len(words[0]) + 1
        words = words[1:]
    named = [i for i, w in enumerate(words) if i and lookup_first(w)]
    if named and not lookup_first(words[0]) and not is_patronymic(words[0]) and not surname_before_first(words):
        at = text.find(words[named[0]], at)         # "Вектора Петром Ивановым"
        words = words[named[0]:]
    return Written(at, words)


def _capitalised(text: str, taken: Span) -> list[Written]:
    """Runs of capitalised words, each trimmed to the name in it (at most three words)."""
    found = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        following = text[m.end():m.end() + 30].split()[:1]
        if len(words) == 1 and following and _TRADE.match(following[0].strip(",.;:!?")):
            continue            # "директора Обского рыбзавода": an adjective of the company's name
        at, words = _trimmed_to_name(text, m.start(), words, taken)
        if not words or _inside(at, taken) or (at < _ROLE_REACH and _writer_themselves(text, at)):
            continue
        found.append(Written(at, words[:3]))
    return found


def _colleague(text: str, name: Written) -> bool:
    """A name standing for one of ours: "кп за Наташу", "которую Дима ведёт"."""
    end = name.at + len(" ".join(name.words))
    return _COLLEAGUE_BEFORE.search(text, max(0, name.at - 30), name.at) is not None \
        or _COLLEAGUE_AFTER.match(text, end) is not None


def _candidates(text: str, taken: Span) -> list[Written]:
    """Every way a name is written, in the order that breaks a tie at the same place."""
    return [c for c in _written(text, taken) if not _colleague(text, c)]


def _written(text: str, taken: Span) -> list[Written]:
    return [*_contact_said(text),
            *(c for c in after_role(text) if not _inside(c.at, taken)),
            *_initialed_or_latin(text, taken),
            *_lower_case_names(text, taken),
            *_surnames_that_acted(text, taken),
            *_lower_first_that_acted(text, taken),
            *_capitalised(text, taken)]


_ROLE_LAST = re.compile(RU_ROLES + r"\s*$", re.I)
_ROLE_PAST_A_PAUSE = re.compile(r"[^,.;]*?(?:,|\s[—–-])\s*(?:(?:их|наш\w*|тамошн\w*|это)\s+)?(" + RU_ROLES + r")", re.I)


@lru_cache(maxsize=None)
def _role_after_words(count: int) -> re.Pattern:
    """A role right after a name of `count` words, up to a pause ("Пётр Сидоров директор")."""
    return re.compile(r"(?:\S+\s+){%d}(%s)(?=\s*(?:[,.;:!?)]|$))" % (count, RU_ROLES), re.I)


def _role_near(text: str, start: int, words: list[str], taken: Span) -> str | None:
    """The role written before the name (the nearest), or after it past a comma or a dash ("Ольга, их главбух"),
    or right after the name up to a pause ("Пётр Сидоров директор")."""
    base = max(0, start - _ROLE_BEFORE)
    before = [r for r in _ROLE.finditer(text[base:start]) if not _inside(base + r.start(), taken)
              and (r.group()[:1].islower() or base + r.start() == 0 or text[base + r.start() - 1] in " ,—-:")]
    if before:
        return role_nominative(before[-1].group())
    rest = text[start:start + _ROLE_AFTER]
    after = _ROLE_PAST_A_PAUSE.match(rest) or _role_after_words(len(words)).match(rest)
    return role_nominative(after.group(1)) if after else None


def find(text: str, taken: Span) -> tuple[str | None, str | None]:
    """The contact's name in the nominative (where it can be rebuilt) and role; `taken` is the
    customer's span, never a person."""
    candidates = _candidates(text, taken)
    if not candidates:
        return None, None
    start, words = min(candidates, key=lambda c: c.at)
    words = [w for w in words if not _inside(text.find(w, start), taken)] or words
    return nominative(words), _role_near(text, start, words, taken)
