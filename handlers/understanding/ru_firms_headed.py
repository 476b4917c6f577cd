"""A Russian company's name heading a note before a dash or a colon, as written, whatever its words:
"Мытищинская теплосетевая — демо прошло", "Орлова и партнёры — спецификацию отправила",
"новый: Полевской Криолитовый — был на заводе", "новые ребята — Уральские Самоцветы Трейд (ювелирка)",
"ДентаЛюкс (3 кабинета, Академический), гл врач …".

What heads a note is what it is about: the name runs from its first capitalised word up to the dash,
lower-case words and "и" included, as long as it reads as a name, not a person (a first name opens
none), a word of the note ("Итоги:", "Поправка:"), a preposition ("С Альфа Фарма —" is ru_firms'), a
verb or a clause.
"""
from __future__ import annotations

import re

from handlers.understanding.ru_firms import _CASE_OF, _FILLERS, _NOT_FIRMS, _STARTERS, _SURNAME, _VERBISH
from handlers.understanding.ru_names import lookup_first

# what may come before the heading: fillers, and "новый:", "новые ребята —", "новый лид -"
_BEFORE = r"^(?:(?i:утром|вечером|сегодня|вчера|кстати|так|ну|короче|э{2,}|итак|значит)[\s,]+)*" \
          r"(?:(?i:нов(?:ый|ая|ое|ые|енький|енькие))(?:\s+[а-яё]+)?\s*[:—–-]\s*)?"
_HEADED = re.compile(_BEFORE + r"(?P<name>[А-ЯЁA-Z][\w.-]*(?:\s+[\w.-]+){0,4}?)"
                     r"(?=\s*(?:[—–:]|\s-\s|\([^()]{1,40}\)\s*[—–:,]|\s[\U0001F300-\U0001FAFF\u2600-\u27BF]))")
_MAX_WORDS = 4
_PATRONYMIC_LIKE = re.compile(r"(?:ович|евич|овна|евна|ична)$")
_JOINING = frozenset(("и", "&"))
# words that head a note without naming a company: what the note is, whom it is for
_NOT_HEADINGS = frozenset("""итог итоги итого сводка поправка исправление новое новости напоминание задача задачи
вопрос важно срочно апдейт update кп звонок встреча визит план планы отчёт отчет""".split())


# capitalised words heading a note before a comma ("Дастархан Фуд, встреча с Айгерим"): a name of two words or more,
# none a person's, or one written as a compound ("КазБургер, дог. подписан")
_COMMA_HEADED = re.compile(_BEFORE + r"(?P<name>[А-ЯЁA-Z][\w.-]*(?:\s+[А-ЯЁA-Z][\w.-]*){1,3}|[А-ЯЁ][а-яё]+[А-ЯЁ][\w-]*)(?=\s*,)")


def headed(text: str, person: str | None) -> str | None:
    """The company whose name heads the note before a dash or a colon (or, capitalised words, a comma), as
    written; else None."""
    m = _HEADED.match(text)
    if m is None:
        m = _COMMA_HEADED.match(text)
        if m is None or any(lookup_first(w) or _SURNAME.match(w) or _PATRONYMIC_LIKE.search(w) or _VERBISH.search(w)
                            or w.lower() in _NOT_HEADINGS or w.lower() in _STARTERS or w.isupper()
                            for w in m.group("name").split()):
            return None          # "Петров Иван, …", "Анна Сергеевна, …": a person; "Отправил КП, …": a clause
    name = m.group("name").strip()
    words = name.split()
    first = words[0]
    if len(words) > _MAX_WORDS or first.lower() in _NOT_HEADINGS or first.lower() in _STARTERS \
            or first.lower() in _CASE_OF \
            or first.lower() in _FILLERS or lookup_first(first) or _NOT_FIRMS.match(first) \
            or (person and first in person):
        return None
    if len(words) == 1:
        return None if _SURNAME.match(first) or _VERBISH.search(first) else name
    for word in words[1:]:
        low = word.lower()
        if low in _JOINING or word[:1].isupper() or word[:1].isdigit():
            continue
        if _VERBISH.search(low) or low in _STARTERS or low in _FILLERS or len(low) < 3:
            return None              # "Петров звонил —", "Вектор тоже —": a clause, not a name
    return name
