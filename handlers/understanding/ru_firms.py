"""Russian company names the team does not know yet, put back in the nominative from the
case the sentence gives them: "у Вектора" -> "Вектор", "с Ромашкой" -> "Ромашка",
"у Северной Звезды" -> "Северная Звезда", "отправил Вектору КП" -> "Вектор".
Names in quotes or with a legal form stay as written."""
from __future__ import annotations

import re

from handlers.understanding.ru_names import lookup_first

_NAME = r"([А-ЯЁA-Z][\w-]+(?:\s+[А-ЯЁA-Z][\w-]+)?)"
_CASE_OF = {"у": "gen", "от": "gen", "из": "gen", "для": "gen", "без": "gen", "до": "gen", "около": "gen",
            "возле": "gen", "кроме": "gen", "после": "gen", "к": "dat", "по": "dat", "с": "ins", "со": "ins",
            "перед": "ins", "между": "ins", "в": "loc", "во": "loc", "о": "loc", "об": "loc", "про": "acc"}
_PREP = re.compile(r"(?<![\w-])(?i:(" + "|".join(sorted(_CASE_OF, key=len, reverse=True)) + r"))\s+" + _NAME)
_DATIVE_VERB = re.compile(r"\b(?i:отправил|написал|позвонил|перезвонил|выслал|прислал|передал|ответил|скинул|сообщил|"
                          r"напомнил|предложил|продал|показал|отгрузил|выставил|направил|презентовал)\w*\s+"
                          r"(?:сегодня\s+|вчера\s+|утром\s+|еще\s+раз\s+)?(?:[а-яё]+\s+|[А-ЯЁ]{2,4}\s+)?" + _NAME)
_ACCUSATIVE_VERB = re.compile(r"\b(?i:посетил|навестил|набрал|поздравил|проконсультировал|обзвонил)\w*\s+"
                              r"(?:сегодня\s+|вчера\s+)?" + _NAME)
_OWNED = re.compile(r"\b(?i:(?:ген|фин|тех|коммерческ\w+\s+|генеральн\w+\s+)?директор\w*|гендир\w*|главбух\w*|бухгалтер\w*|"
                    r"менеджер\w*|инженер\w*|юрист\w*|сотрудник\w*|представител\w*|руководител\w*|начальник\w*|"
                    r"владел\w*|собственник\w*|закупщик\w*|снабженц\w*|офис\w*|склад\w*|завод\w*|цех\w*|магазин\w*|"
                    r"филиал\w*|отдел\w*|сайт\w*)\s+" + _NAME)
_SUBJECT = re.compile(r"^" + _NAME + r"(?=\s*[:—-]\s|\s+[а-яё]+(?:л|ла|ли|ло|лся|лась|лись|лось|ют|ят|ут|ат|ет|ит)\b)")
_VERBISH = re.compile(r"(?:л|ла|ли|ло|лся|лась|лись|ть|ться|ем|ешь|им|ишь)$", re.I)
_SURNAME = re.compile(r"^[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой|ою|ых)?$")
_NOT_FIRMS = re.compile(r"^(?:ватсап|whatsapp|телеграм|telegram|вайбер|viber|зум|zoom|teams|skype|скайп|почт|сбер|"
                        r"москв|петербург|питер|спб|казан|новосибирск|екатеринбург|самар|краснодар|ростов|уф[аеуы]|"
                        r"нижн|воронеж|перм|челябинск|омск|томск|тюмен|красноярск|иркутск|владивосток|калининград|"
                        r"сочи|минск|киев|росси|подмосков|европ|китa|китай|понедельник|вторник|сред[уае]|четверг|"
                        r"пятниц|суббот|воскресен|январ|феврал|март|апрел|ма[йея]|июн|июл|август|сентябр|октябр|"
                        r"ноябр|декабр|сегодня|вчера|завтра|утром|вечером|днем|нов\w+\s+год|(?:т?кп|тз|ндс|смс|sms|pdf|акт)\b|сч[её]т|"
                        r"договор|прайс|смет|письм|предложени|презентаци)", re.I)
_STARTERS = frozenset("""они он она мы я вы все всё это там тут здесь потом опять снова тоже также только уже еще ещё
клиент клиенты заказчик директор менеджер итого итак кстати короче сделка договор встреча звонок итог
кто что как где когда куда сколько какой какая какие каких почему зачем коллеги ребята друзья""".split())
_ADJ = re.compile(r"(?:ого|его|ому|ему|ым|им|ой|ей|ую|юю|ая|яя|ый|ий|ое|ее)$")
_FEMININE_ADJ = ("ой", "ей", "ую", "юю", "ая", "яя")
_FEM_STEM = re.compile(r"(?:[бвгджзклмнпрстфхцчшщ]к|зд)$")
_VOWELS = "аеёиоуыэюя"


def _adjective(word: str, case: str) -> str:
    """An adjective of a company name in the nominative ("Северной" -> "Северная")."""
    low = word.lower()
    soft_or_velar = len(low) > 3 and low[-4] in "кгхжшчщ"
    for end, nom in (("ого", "ий" if soft_or_velar else "ый"), ("его", "ий"), ("ому", "ий" if soft_or_velar else "ый"),
                     ("ему", "ий"), ("ым", "ый"), ("им", "ий"), ("ую", "ая"), ("юю", "яя"),
                     ("ей", "ая" if len(low) > 2 and low[-3] in "жшчщ" else "яя"), ("ой", "ая")):
        if low.endswith(end) and not (end == "ой" and case == "nom"):
            return word[:-len(end)] + nom
    if case == "loc" and low.endswith(("ом", "ем")):
        return word[:-2] + ("ый" if low.endswith("ом") else "ий")
    return word


def _noun(word: str, case: str, feminine: bool | None) -> str:
    """A noun of a company name in the nominative, from `case`; unchanged when unclear."""
    low = word.lower()
    if "-" in word:                                        # "Альфа-Строя": only the last part declines
        head, _, tail = word.rpartition("-")
        return head + "-" + _noun(tail, case, feminine)
    if len(low) < 4 or low[-1] in "оэ":
        return word
    vowel_before = len(low) > 2 and low[-2] in _VOWELS
    if low.endswith(("ии", "ией", "ию")) and case != "nom":
        return word[:len(word) - (3 if low.endswith("ией") else 2)] + "ия"
    if case == "gen":
        if low.endswith("а") and not feminine:
            return word[:-1]
        if low.endswith("я") and not feminine:
            return word[:-1] + ("й" if vowel_before else "ь")
        if low.endswith("ы"):
            return word[:-1] + "а"
        if low.endswith("и"):
            return word[:-1] + ("а" if low[-2] in "гкхжшчщ" else "я")
    elif case == "dat":
        if low.endswith("у") and not feminine:
            return word[:-1]
        if low.endswith("ю") and not feminine:
            return word[:-1] + ("й" if vowel_before else "ь")
        if low.endswith("е"):
            return word[:-1] + "а"
    elif case == "ins":
        if low.endswith("ом") and not feminine:
            return word[:-2]
        if low.endswith(("ем", "ём")) and not feminine:
            return word[:-2] + ("й" if len(low) > 3 and low[-3] in _VOWELS else "ь")
        if low.endswith("ой"):
            return word[:-2] + "а"
        if low.endswith("ей"):
            return word[:-2] + "я"
    elif case == "loc":
        if low.endswith("е"):
            if feminine or (feminine is None and _FEM_STEM.search(low[:-1])):
                return word[:-1] + "а"
            return word[:-1] + ("й" if vowel_before else "")
        if low.endswith("у"):                              # "в Ромашку": the accusative
            return word[:-1] + "а"
        if low.endswith("ю"):
            return word[:-1] + "я"
    elif case == "acc":
        if low.endswith("у"):
            return word[:-1] + "а"
        if low.endswith("ю"):
            return word[:-1] + "я"
    return word


_PLURAL_ADJ = re.compile(r"(?:ых|их|ыми|ими)$")
_PLURAL_NOUN = re.compile(r"(?:ах|ях|ам|ям|ами|ями)$")
_SOFT_PLURAL = re.compile(r"(?:[гкхжшчщ]|я\w*)$")


def _plural(words: list[str], case: str) -> str | None:
    """A plural name in the nominative ("Уральских Садах" -> "Уральские Сады", "Самарским Кровлям" ->
    "Самарские Кровли"), or None when the name is not plural."""
    low = [w.lower() for w in words]
    if case == "nom" or not (_PLURAL_NOUN.search(low[-1]) or (len(words) > 1 and _PLURAL_ADJ.search(low[0]))):
        return None
    out = []
    for word, lw in zip(words, low):
        adj = re.search(r"(ых|ым|ыми|их|им|ими)$", lw) if word is not words[-1] else None
        if adj:
            out.append(word[:adj.start()] + ("ые" if adj.group(1).startswith("ы") else "ие"))
            continue
        noun = re.search(r"(ах|ях|ам|ям|ами|ями|ов|ев|ей)$", lw) if word is words[-1] else None
        if word is words[-1] and lw.endswith("ий"):           # "Новых Технологий"
            out.append(word[:-2] + "ии")
            continue
        if not noun and word is words[-1] and lw[-1:] not in _VOWELS + "ьй":   # "Северных Теплиц": no ending
            out.append(word + ("и" if _SOFT_PLURAL.search(lw) else "ы"))
            continue
        if not noun:
            out.append(word)
            continue
        stem = word[:noun.start()]
        soft = noun.group(1).startswith("я") or noun.group(1) in ("ей", "ев") or _SOFT_PLURAL.search(stem.lower())
        out.append(stem + ("и" if soft else "ы"))
    return " ".join(out)


def nominative(name: str, case: str) -> str:
    """A company name in the nominative from `case` (gen, dat, ins, loc, acc, nom): one or two words,
    or a plural name ("в Уральских Садах"), or a longer one whose first word declines ("про Медиагруппу
    Пятый Элемент")."""
    if case == "nom" or not re.match(r"[А-ЯЁ]", name):
        return name
    words = name.split()
    plural = _plural(words, case)
    if plural is not None:
        return plural
    if len(words) > 2:
        return " ".join([_noun(words[0], case, None)] + words[1:])
    feminine: bool | None = None
    out = []
    for i, word in enumerate(words):
        if i < len(words) - 1 and _ADJ.search(word.lower()):
            feminine = word.lower().endswith(_FEMININE_ADJ)
            out.append(_adjective(word, case))
        elif i == len(words) - 1 or len(words) == 1:
            out.append(_noun(word, case, feminine))
        else:
            out.append(word)
    return " ".join(out)


def _fits(name: str, person: str | None, case: str) -> bool:
    words = name.split()
    first = words[0]
    if lookup_first(first) or _NOT_FIRMS.match(name) or (person and first in person):
        return False
    if case == "nom" and (_VERBISH.search(first) or first.lower() in _STARTERS):
        return False
    return not (len(words) == 1 and _SURNAME.match(first))


def _trim(name: str) -> str:
    """Drop a second word that is someone's first name ("у Вектора Петра")."""
    words = name.split()
    if len(words) == 2 and (lookup_first(words[1]) or _NOT_FIRMS.match(words[1]) or words[1].isupper()):
        return words[0]
    return name


def find(text: str, person: str | None) -> str | None:
    """The first company named after a preposition, a verb that takes one, or as the
    subject that opens the note, in the nominative."""
    hits: list[tuple[int, str, str]] = []
    for m in _PREP.finditer(text):
        hits.append((m.start(2), _trim(m.group(2)), _CASE_OF[m.group(1).lower()]))
    for pattern, case in ((_DATIVE_VERB, "dat"), (_ACCUSATIVE_VERB, "acc"), (_OWNED, "gen"), (_SUBJECT, "nom")):
        for m in pattern.finditer(text):
            hits.append((m.start(1), _trim(m.group(1)), case))
    for _, name, case in sorted(hits):
        if _fits(name, person, case):
            return nominative(name, case)
    return None


_BEFORE_QUOTE = re.compile(r"(?<![\w-])([а-яё]+)\s*$", re.I)
_OWNER_NOUN = re.compile(r"(?:производств|офис|склад|завод|цех|объект|площадк|территори|директор|сотрудник|представител|"
                         r"руководител|закупщик|снабженц|филиал|отдел|сайт|магазин|инженер|бухгалтер|юрист)\w*$", re.I)


def quoted(text: str, start: int, name: str) -> str:
    """A name written in quotes that begin at `start`, in the nominative from the word before them: a
    preposition ("в «Уральских Садах»", "с «Уралхимпластом»") or a noun it belongs to ("на производстве
    «УралЭкоПака»"); as written otherwise."""
    m = _BEFORE_QUOTE.search(text, 0, start)
    if m is None:
        return name
    word = m.group(1).lower()
    case = _CASE_OF.get(word) or ("gen" if _OWNER_NOUN.search(word) else None)
    return nominative(name, case) if case else name


_LEGAL_WORD = r"(?i:ооо|оао|зао|пао|ао|ип)"
_NAME_WORD = r"[\w-]+"
# a company written after its legal form without quotes: "ООО Гефест, ...", "ооо сибирский лес там ...",
# "ИП Ткаченко (шиномонтаж)"; or before it: "самара-тара ооо, коробки"
_LEGAL_THEN_NAME = re.compile(r"(?<![\w«\"-])" + _LEGAL_WORD + r"\s+(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD
                              + r"){0,3})")
_NAME_THEN_LEGAL = re.compile(r"^\W*(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")?)\s+" + _LEGAL_WORD + r"(?![\w-])")
# words that end a name written after its legal form: what follows it in the note
_AFTER_NAME = re.compile(r"^(?:там|тут|где|который|которая|это|говорит|сказал\w*|новый|новая|новые|входящ\w*|"
                         r"исходящ\w*|звон\w*|зв|был\w*|договор\w*|контракт\w*|кп|капэ|сч[её]т\w*|расч[её]т\w*|"
                         r"тендер\w*|отказ\w*|подписал\w*|оплатил\w*|хот\w*|нужн\w*|просят|просил\w*|будет|ждут|"
                         r"в|во|у|с|со|из|для|по|от|к|о|об|и|а|но|или|что|чтобы|же|уже|еще|ещё|тоже)$", re.I)
_NAME_ON = re.compile(r"^на$", re.I)


def after_legal_form(text: str, person: str | None) -> str | None:
    """A company named right after its legal form (ООО, АО, ИП...) without quotes, as written, the
    form kept for a sole trader ("ИП Ткаченко"); or right before it when the note opens with it."""
    for m in _LEGAL_THEN_NAME.finditer(text):
        words = m.group("name").split()
        keep: list[str] = []
        for i, word in enumerate(words):
            bare = word.strip(".,;:!?()—")
            if _NAME_ON.match(bare) and i + 1 < len(words) and words[i + 1][:1].isupper() and keep:
                keep.append(bare)                 # "Кофейня на Патриках"
                continue
            after_adjective = bool(keep) and re.search(r"(?:ие|ые|ий|ый|ая|яя|ое|ее)$", keep[-1].lower()) is not None
            if not bare or _AFTER_NAME.match(bare) or _VERBISH.search(bare) and i and not after_adjective:
                break                             # "ооо вектор звонили", but "ооо самарские кровли"
            keep.append(bare)
            if bare != word:                      # a comma or a stop ends the name
                break
        if not keep or (person and keep[0] in person):
            continue                              # a legal form makes even a town's name a company's
        name = " ".join(keep)
        return f"ИП {name}" if m.group().lower().startswith("ип") else name
    after = _NAME_THEN_LEGAL.match(text)
    if after and not any(w.lower() in _STARTERS or w.lower() in _FILLERS for w in after.group("name").split()):
        return after.group("name")
    return None


# a note that opens with a company's name in lower case, then what happened: "фитлайф кп отправила",
# "обьагротрейд договор пришел", "жигулевские напитки - марат сказал", "дивногорск бетон. был."
_LOWER_SUBJECT = re.compile(r"^(?P<name>[а-яё][\w-]{3,}(?:\s+[а-яё][\w-]{2,})?)(?=\s*[.:—–]|\s+-\s|\s+(?:кп|капэ|договор\w*|контракт\w*|"
                            r"расч[её]т|сч[её]т|тендер|отказ\w*|звонил\w*|звонили|позвонил\w*|оплатил\w*|подписал\w*|"
                            r"был[аи]?|зв|прайс|образцы|скидку|ответил\w*|отказал\w*|опять|снова)\b)")
_FILLERS = frozenset("""так значит короче ээ эээ ну вот итак кстати вчера сегодня утром днем днём вечером завтра
новые новый новая новенький еще ещё опять снова тоже также""".split())


def lower_subject(text: str, person: str | None) -> str | None:
    """A company opening a note in lower case before what happened to it, as written."""
    m = _LOWER_SUBJECT.match(text)
    if m is None:
        return None
    name = m.group("name")
    words = name.split()
    if any(w in _FILLERS or w in _STARTERS or lookup_first(w) or _VERBISH.search(w) for w in words) \
            or _NOT_FIRMS.match(name) or (person and words[0] in person.lower()):
        return None
    return name
