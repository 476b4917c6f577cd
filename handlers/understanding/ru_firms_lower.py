"""Russian company names typed in lower case: one that opens a note before what happened there
("фитлайф кп отправила", "дивногорск бетон. был."), an adjective and a kind of business
("заехал в черняховский мясокомбинат"), a place the rep went or called ("заехал в стройресурс")."""
from __future__ import annotations

import re

from handlers.understanding.languages import ru
from handlers.understanding.ru_cases import _ADJ, nominative
from handlers.understanding.ru_firms import (_CASE_OF, _FILLERS, _HAPPENED, _NOT_FIRMS, _STARTERS, _VERBISH,
                                             _town_compound)
from handlers.understanding.ru_names import lookup_first

# a note that opens with a company's name in lower case, then what happened: "фитлайф кп отправила",
# "обьагротрейд договор пришел", "жигулевские напитки - марат сказал", "дивногорск бетон. был."
_LOWER_SUBJECT = re.compile(r"^(?P<name>[а-яё][\w-]{3,}(?:\s+(?!" + _HAPPENED + r"|(?:в|на)\s)[а-яё][\w-]{2,})?)"
                            r"(?:\s+(?:в|на)\s+[а-яё]+(?:\s+(?:шоссе|улице|проспекте))?(?=\s*[—–-]\s))?"   # "стройресурс в ачинске -"
                            r"(?=\s*[.:—–(]|\s+-\s|\s+" + _HAPPENED + ")")
_ACTED = re.compile(r"(?:" + "|".join(ru.SURNAME_DID) + r")$", re.I)


_TRADE = "(?:" + "|".join(ru.TRADE_NOUNS) + r")[а-яё]*(?:\s+№\s?\d+)?"
# a company written in lower case as an adjective and a kind of business, after a preposition or opening the
# note: "заехал в черняховский мясокомбинат", "из обского рыбзавода", "северный завод металлоконструкций."
_LOWER_TRADE = re.compile(r"(?:^\W*|(?<![\w-])(?P<prep>в|во|из|у|с|со|на|к|по|директор\w*|владел\w*|технолог\w*|инженер\w*|механик\w*|"
                          r"снабженц\w*|главбух\w*|начальник\w*)\s+)(?P<name>[а-яё]{4,}(?:ий|ый|ой|ая|ое|ого|ому|ом|ую|ые|ие)"
                          r"\s+" + _TRADE + r"(?:\s+[а-яё]+(?:ов|ев|ий|ых|их|ей))?)(?![\w-])")


def lower_trade(text: str, person: str | None) -> str | None:
    """A company written in lower case as an adjective and a kind of business, in the nominative."""
    for m in _LOWER_TRADE.finditer(text):
        name = m.group("name")
        if person and name.split()[0] in person.lower():
            continue
        prep = (m.group("prep") or "").lower()
        case = _CASE_OF.get(prep, "gen" if prep else "nom")       # "директор обского рыбзавода"
        if case == "loc" and not re.search(r"(?:ом|ем|ой|е)$", name.split()[1]):
            case = "acc"                          # "в черняховский мясокомбинат": where they went
        words = name.split()
        declined = nominative(" ".join([words[0].capitalize()] + words[1:2]), case).split()
        return " ".join([declined[0].lower()] + declined[1:] + words[2:])
    return None


# a company in lower case of two words, where the rep went or called: "заехала в мир окон на аэродромной",
# "набрал кольцово фарм по холодной базе", "заехала в пекарню дом хлеба на ново-садовой"
_LOWER_WENT = re.compile(r"(?<![\w-])(?i:заехал\w*|заходил\w*|зашл[аи]|заш[её]л|съездил\w*|ездил\w*|(?:по)?звонил\w*|набрал\w*)"
                         r"\s+(?:(?:в|во|к)\s+)?(?:(?:" + "|".join(ru.TRADE_NOUNS) + r"|кафе|кофейн|магазин|салон|клиник|аптек|"
                         r"ресторан|столов|автосервис)[а-яё]*\s+)?"
                         r"(?P<name>[а-яё]{3,}\s+[а-яё]{3,})(?=\s*[,.;!]|\s+(?:на|по|в|во|у|с|со|из|от)\s|\s*$)")
_NOT_NAME_WORDS = frozenset("""офис офисе склад центр город банк отдел налоговую налоговой администрацию отпуске
магазин магазине торговый сервисный головной новый новую новое старый главный наш нашу наше их свой свою
туда сюда обратно опять снова сегодня вчера завтра утром вечером днем днём еще ещё уже тоже ему ей им нам мне
клиента клиенту клиенту директору менеджеру секретарю""".split())


def lower_went(text: str, person: str | None) -> str | None:
    """A company of two lower-case words where the rep went or called, as written ("мир окон", "дом хлеба"):
    neither word a plain word of the note ("в торговый центр", "в налоговую"), nor an adjective (see
    lower_trade), nor the contact."""
    for m in _LOWER_WENT.finditer(text):
        words = m.group("name").split()
        if any(w in _NOT_NAME_WORDS or w in _FILLERS or w in _STARTERS or lookup_first(w) or _VERBISH.search(w)
               for w in words) or _ADJ.search(words[0]) or _NOT_FIRMS.match(words[0]) \
                or (person and words[0] in person.lower()):
            continue
        first = words[0]
        if first.endswith(("у", "ю")) and len(first) > 4:            # "в пекарню": feminine accusative
            first = first[:-1] + ("а" if first.endswith("у") else "я")
        return " ".join([first] + words[1:])
    return None


def lower_subject(text: str, person: str | None) -> str | None:
    """A company opening a note in lower case before what happened to it, as written."""
    m = _LOWER_SUBJECT.match(text)
    if m is None:
        return None
    name = m.group("name")
    words = name.split()
    if len(words) > 1 and _ACTED.match(words[1]):
        return None                               # "вагонка просит кп": a nickname, then what they want
    if any(w in _FILLERS or w in _STARTERS or lookup_first(w) or (_VERBISH.search(w) and "-" not in w) for w in words) \
            or (_NOT_FIRMS.match(name) and not _town_compound(words[0])) or (person and words[0] in person.lower()):
        return None
    return name
