"""Russian company names the team does not know yet, put back in the nominative from the
case the sentence gives them: "у Вектора" -> "Вектор", "с Ромашкой" -> "Ромашка",
"у Северной Звезды" -> "Северная Звезда", "отправил Вектору КП" -> "Вектор".
Names in quotes or with a legal form stay as written. The cases themselves are
handlers/understanding/ru_cases.py; names typed in lower case, ru_firms_lower.py."""
from __future__ import annotations

import re

from handlers.understanding.languages import ru
from handlers.understanding.ru_cases import _ADJ, nominative
from handlers.understanding.ru_names import lookup_first

# a capitalised adjective and the kind of business, in lower case: "директор Обского рыбзавода"
_ADJ_TRADE = r"[А-ЯЁ][а-яё]+(?:ого|его|ому|ему|ым|им|ой|ей|ую|ый|ий|ая|ое)\s+(?:" + "|".join(ru.TRADE_NOUNS) + r")[а-яё]*(?:\s+№\s?\d+)?"
_NAME = r"(" + _ADJ_TRADE + r"|[А-ЯЁA-Z][\w-]+(?:\s+[А-ЯЁA-Z][\w-]+){0,2})"
# a preposition after the verb gives the case itself: "позвонил в Ромашку" is the accusative
_NO_PREP = r"(?!(?:" + "|".join(["в", "во", "на", "к", "ко", "с", "со", "у", "из", "от", "по", "для", "про", "о", "об"]) + r")\s)"
_CASE_OF = {"у": "gen", "от": "gen", "из": "gen", "для": "gen", "без": "gen", "до": "gen", "около": "gen",
            "возле": "gen", "кроме": "gen", "после": "gen", "к": "dat", "по": "dat", "с": "ins", "со": "ins",
            "перед": "ins", "между": "ins", "в": "loc", "во": "loc", "о": "loc", "об": "loc", "про": "acc"}
_PREP = re.compile(r"(?<![\w-])(?i:(" + "|".join(sorted(_CASE_OF, key=len, reverse=True)) + r"))\s+" + _NAME)
_DATIVE_VERB = re.compile(r"\b(?i:отправил|написал|позвонил|перезвонил|выслал|прислал|передал|ответил|скинул|сообщил|"
                          r"напомнил|предложил|продал|показал|отгрузил|выставил|направил|презентовал)\w*\s+"
                          r"(?:сегодня\s+|вчера\s+|утром\s+|еще\s+раз\s+)?(?:" + _NO_PREP + r"[а-яё]+\s+|[А-ЯЁ]{2,4}\s+)?"
                          + _NAME)
# what was sent, then to whom: "КП Криосистемам отправлено", "счёт Вектору выставила"
_SENT_TO = re.compile(r"(?<![\w-])(?i:кп|капэ|прайс|сч[её]т)\s+" + _NAME + r"(?=\s+[а-яё])")
_ACCUSATIVE_VERB = re.compile(r"\b(?i:посетил|навестил|набрал|поздравил|проконсультировал|обзвонил)\w*\s+"
                              r"(?:сегодня\s+|вчера\s+)?" + _NAME)
_OWNED = re.compile(r"\b(?i:(?:ген|фин|тех|коммерческ\w+\s+|генеральн\w+\s+)?директор\w*|гендир\w*|главбух\w*|бухгалтер\w*|"
                    r"менеджер\w*|инженер\w*|юрист\w*|сотрудник\w*|представител\w*|руководител\w*|начальник\w*|"
                    r"владел\w*|собственник\w*|закупщик\w*|снабженц\w*|офис\w*|склад\w*|завод\w*|цех\w*|магазин\w*|"
                    r"филиал\w*|отдел\w*|сайт\w*|ceo|cfo|cto|coo|founder|head\s+of\s+\w+)\s+" + _NAME)
# what happened to a company that opens the note: "Норильск-Снаб отказ", "Вектор кп отправил"
_HAPPENED = (r"(?:кп|капэ|договор\w*|контракт\w*|расч[её]т|сч[её]т|тендер|отказ\w*|(?:до|пере)?звонил\w*|звонили|позвонил\w*|"
             r"оплатил\w*|подписал\w*|был[аи]?|зв|прайс|образцы|скидку|ответил\w*|отказал\w*|опять|снова)\b")
# words said before it: "утром СтройПласт Юг подписали", "Кстати, Абакан-Энерго ответили", "Коллеги, ТК Путь..."
_LEAD_IN = r"(?i:(?:утром|вечером|дн[её]м|сегодня|вчера|кстати|коллеги|так|ну|короче|э{2,}|итак|значит)[\s,]+)*"
_SUBJECT = re.compile(r"^" + _LEAD_IN + _NAME + r"(?=\s*[:—-]\s|\s+[а-яё]+(?:л|ла|ли|ло|лся|лась|лись|лось|ют|ят|ут|ат|ет|ит)\b|"
                      r"\s+(?i:" + _HAPPENED + r")|\.\s"
                      # "ПМ Групп (бц Алмаз) — позвонила", "Обский рыбзавод, Николай — перезвонил ему"
                      r"|\s*\([^()]{1,40}\)\s*[:—–-]\s|,\s*[А-ЯЁ][а-яё]+\s*[—–:]\s)")
# the same, opening a later sentence ("последний день. Газэнергосервис-Тула — Тимур, …"), for a name that cannot be a
# plain word ("Бюджет согласовали" is none): see find
_SENTENCE_SUBJECT = re.compile(r"(?:(?<=[.!?…]\s)|(?<=\n))" + _SUBJECT.pattern[1:])
_COMPOUND = re.compile(r"-|[а-яё][А-ЯЁ]|\s")     # "Лифтмонтаж-Е", "ЭнергоРесурс", "Три Кита": a name, even before a stop
_VERBISH = re.compile(r"(?:л|ла|ли|ло|лся|лась|лись|ть|ться|ем|ешь|им|ишь)$", re.I)
_SURNAME = re.compile(r"^[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой|ою|ых)?$")
_NOT_FIRMS = re.compile(r"^(?:ватсап|whatsapp|телеграм|telegram|вайбер|viber|зум|zoom|teams|skype|скайп|почт|сбер|linkedin|"
                        r"линкедин|fwd|"
                        r"москв|петербург|питер|спб|казан|новосибирск|екатеринбург|самар|краснодар|ростов|уф[аеуы]|"
                        r"нижн|воронеж|перм|челябинск|омск|томск|тюмен|красноярск|иркутск|владивосток|калининград|"
                        r"сочи|минск|киев|росси|подмосков|европ|китa|китай|понедельник|вторник|сред[уае]|четверг|"
                        r"пятниц|суббот|воскресен|январ|феврал|март|апрел|ма[йея]|июн|июл|август|сентябр|октябр|"
                        r"ноябр|декабр|сегодня|вчера|завтра|утром|вечером|днем|нов\w+\s+год|(?:т?кп|тз|ндс|смс|sms|pdf|акт)\b|сч[её]т|"
                        r"договор|прайс|смет|письм|предложени|презентаци)", re.I)
_STARTERS = frozenset("""они он она мы я вы все всё это там тут здесь потом опять снова тоже также только уже еще ещё
клиент клиенты заказчик директор менеджер итого итак кстати короче сделка договор встреча звонок итог итоги сводка поправка
входящий входящая входящее исходящий исходящая пропущенный отбой
кто что как где когда куда сколько какой какая какие каких почему зачем коллеги ребята друзья""".split())
_FILLERS = frozenset("""так значит короче ээ эээ ну вот итак кстати вчера сегодня утром днем днём вечером завтра
новые новый новая новенький еще ещё опять снова тоже также""".split())


_STEMS = re.compile(r"(?=(" + "|".join(sorted(ru.NAME_STEMS, key=len, reverse=True)) + r"))")


def _run_together(word: str) -> bool:
    """A word run together from two of the stems company names are made of, past its first letters
    ("Сызраньнефтемаш": нефте, маш): a company's name, even alone before a stop."""
    low = word.lower()
    return len(low) >= 10 and len({m.start() for m in _STEMS.finditer(low, 3)}) >= 2


def _town_compound(word: str) -> bool:
    """True for a name built on a town's ("Самара-Тара", "екатеринбург-кабель"): a company, not the town."""
    head, _, tail = word.partition("-")
    return bool(head and tail) and not _NOT_FIRMS.match(tail)


_CAPITAL_PART = re.compile(r"-[А-ЯЁA-Z]")      # a word with a capitalised part after a hyphen: a name, never a verb


def _fits(name: str, person: str | None, case: str) -> bool:
    if name.split()[0].lower() in _CASE_OF:
        return False              # "По Мосхиму:", "Для Стройкомплекта": a preposition opens no name
    words = name.split()
    first = words[0]
    town_adjective = len(words) > 1 and _ADJ.search(first.lower()) is not None   # "Красноярский Завод Кровли"
    if lookup_first(first) or (_NOT_FIRMS.match(name) and not town_adjective and not _town_compound(first)) \
            or (person and first in person):
        return False
    if case == "nom" and ((_VERBISH.search(first) and not _run_together(first) and not _CAPITAL_PART.search(first))
                          or first.lower() in _STARTERS):     # "Газэнергосервис-Тула" ends like "-ла", yet is no verb
        return False
    return not (len(words) == 1 and _SURNAME.match(first))


_KIND_THEN_NAME = re.compile(r"(?<![\w-])(?i:пекарн\w*|кофейн\w*|лавк\w*|фитнес\w*(?:[\s-]клуб\w*)?|клуб\w*|салон\w*|кафе|"
                             r"аптек\w*|автосервис\w*|шиномонтаж\w*|ателье|студи\w*|гостиниц\w*|отел\w*|хостел\w*|"
                             r"бюро(?:\s+(?-i:[а-яё]{4,}))?|бар\w*|ресторан\w*|столов\w*|автомойк\w*|магазин\w*|супермаркет\w*|клиник\w*|стоматологи\w*|типографи\w*|автосалон\w*)\s+(?P<name>[А-ЯЁA-Z][\w-]+(?:\s+[А-ЯЁA-Z][\w-]+)?)")


def kind_then_name(text: str, person: str | None) -> str | None:
    """A company named right after the kind of business it is, as written ("пекарня Булка", "лавка Кедр",
    "в новом фитнесе ФитЛайф"): the name stands beside the kind, in the nominative."""
    for m in _KIND_THEN_NAME.finditer(text):
        opens = not text[:m.start()].strip() or text[:m.start()].rstrip()[-1] in ".!?:—-"
        if not (m.group()[0].islower() or opens):
            continue                      # "Светлогорск Отель Групп": the kind is part of a name
        name = _trim(m.group("name"))
        if _fits(name, person, "nom"):
            return name
    return None


_GENERIC = re.compile(r"^(?:(?:компани|фирм|организаци|клиент|заказчик|предприяти)\w*|ceo|cfo|cto|coo|founder)$", re.I)


def _trim(name: str) -> str:
    """Drop the words from the first one after the name's first word that is someone's first name, a
    town, a day or capitals ("у Вектора Петра", "в Гранит Строй КП")."""
    words = name.split()
    if len(words) > 1 and _GENERIC.match(words[0]):
        words = words[1:]                 # "Компания Вкусные Традиции", "CEO Brightway Solutions"
    for i, word in enumerate(words[1:], 1):
        if lookup_first(word) or _NOT_FIRMS.match(word) or word.isupper():
            return " ".join(words[:i])
    return " ".join(words)


def find(text: str, person: str | None) -> str | None:
    """The first company named after a preposition, a verb that takes one, or as the
    subject that opens the note, in the nominative."""
    hits: list[tuple[int, str, str]] = []
    for m in _PREP.finditer(text):
        hits.append((m.start(2), _trim(m.group(2)), _CASE_OF[m.group(1).lower()]))
    for pattern, case in ((_DATIVE_VERB, "dat"), (_SENT_TO, "dat"), (_ACCUSATIVE_VERB, "acc"), (_OWNED, "gen"),
                          (_SUBJECT, "nom")):
        for m in pattern.finditer(text):
            if pattern is _SUBJECT and text[m.end(1):m.end(1) + 1] == "." and not _COMPOUND.search(m.group(1)) \
                    and not _run_together(m.group(1)):
                continue                  # "Отлично. ...": one plain word before a stop is no name ("Сызраньнефтемаш." is)
            hits.append((m.start(1), _trim(m.group(1)), case))
    for m in _SENTENCE_SUBJECT.finditer(text):
        if _COMPOUND.search(m.group(1)) or _run_together(m.group(1)):
            hits.append((m.start(1), _trim(m.group(1)), "nom"))
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


# a public body's form, written in capitals ("ГКУ Ресурсное обеспечение", "ГБОУ Школа №176"); one a line in ru.py
_STATE_FORM = r"(?-i:" + "|".join(ru.STATE_FORMS) + r")"
_LEGAL_WORD = r"(?:(?i:ооо|оао|зао|пао|ао|ип|тд|тк|гк|нпо|нпп)|" + _STATE_FORM + ")"
# forms that are part of the name, kept before it: a trading house, a transport company, a group ("ТД Донской"),
# a public body ("ГКУ Ресурсное обеспечение")
_KEPT_FORMS = ("тд", "тк", "гк", "нпо", "нпп", *(form.lower() for form in ru.STATE_FORMS))
# words after "тк" ("так как" typed short) that begin no name
_NOT_AFTER_FORM = frozenset("не нет надо нужно можно нельзя".split())
_NAME_WORD = r"(?:№)?[\w-]+"                 # "Школа №176": a number sign opens a word of a name
# a company written after its legal form without quotes: "ООО Гефест, ...", "ооо сибирский лес там ...",
# "ИП Ткаченко (шиномонтаж)"; or before it: "самара-тара ооо, коробки"
_LEGAL_THEN_NAME = re.compile(r"(?<![\w«\"-])" + _LEGAL_WORD + r"\s+(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD
                              + r"){0,3})")
_NAME_THEN_LEGAL = re.compile(r"^\W*(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")?)\s+" + _LEGAL_WORD + r"(?![\w-])")
# words that end a name written after its legal form: what follows it in the note
_AFTER_NAME = re.compile(r"^(?:там|тут|где|который|которая|это|говорит|сказал\w*|новый|новая|новые|входящ\w*|"
                         r"исходящ\w*|звон\w*|зв|был\w*|договор\w*|контракт\w*|кп|капэ|сч[её]т\w*|расч[её]т\w*|"
                         r"тендер\w*|отказ\w*|подписал\w*|оплатил\w*|хот\w*|нужн\w*|просят|просил\w*|будет|ждут|"
                         r"в|во|у|с|со|из|для|по|от|к|о|об|без|через|при|и|а|но|или|ну|что|чтобы|же|уже|еще|ещё|тоже|по-\w+|они|он|она)$", re.I)
_NAME_ON = re.compile(r"^на$", re.I)


# a company introduced by its name: "новая фирма называется альфа лоджистик", "под названием Три Кита",
# "fwd: «…» — это Урал-Медиа Групп, Глеб"
_CALLED = re.compile(r"(?:(?i:называ(?:ется|ются|лась|лся|лись)|под\s+названием)|(?:^|[—–]\s*)(?i:это)(?=\s+[А-ЯЁA-Z]))"
                     r"\s*[:—-]?\s*(?P<name>" + _NAME_WORD
                     + r"(?:\s+" + _NAME_WORD + r"){0,3})")


def called(text: str, person: str | None) -> str | None:
    """A company introduced as "называется X", as written, up to the words that follow the name."""
    for m in _CALLED.finditer(text):
        keep: list[str] = []
        for word in m.group("name").split():
            bare = word.strip(".,;:!?()—")
            if not keep and bare.lower() in _FILLERS:
                continue                          # "называется эээ бердский мол комбинат"
            if not bare or _AFTER_NAME.match(bare) or bare.lower() in _FILLERS or (_VERBISH.search(bare) and keep):
                break
            keep.append(bare)
            if bare != word:
                break
        if keep and not lookup_first(keep[0]) and not (person and keep[0] in person) \
                and not _NOT_FIRMS.match(keep[0]):
            return " ".join(keep)
    return None


# a company named in lower case right after the word for a company: "фирма вест логистик подписали", "в компании
# чистый дом (клининг)", "с компанией порт балтийск сервис", "от компании югагропак"
_FIRM_WORD_THEN = re.compile(r"(?<![\w-])(?i:компани[яиейю]|компанией|фирм[аыеуой]|фирмой|организаци[яиейю]|предприяти[еяю]|контор[аыеуой])"
                             r"\s*[—:-]?\s+(?P<name>[а-яёa-z][\w-]*(?:\s+[а-яёa-z][\w-]*){0,3})")
_PREPOSITIONS = frozenset("в во на к ко с со у из от по для про о об при без до за над под через между и а но или".split())
_NOT_A_NAME = frozenset("""наш наша наше наши ваш ваша эта этой эту это тот та те такая такой такие которая которой
которую который одна один одной новая новой новую крупная крупной большая большой небольшая солидная серьезная
серьёзная местная хорошая известная другая другой сама сам""".split())
_NAME_MAX_WORDS = 3


def after_firm_word(text: str, person: str | None) -> str | None:
    """A company in lower case right after "компания"/"фирма"/"организация", as written, up to the first
    word that is no part of a name (a verb, a preposition, a person, a filler) or a stop; one adjective
    alone is how the firm is, not its name ("компания крупная")."""
    for m in _FIRM_WORD_THEN.finditer(text):
        keep: list[str] = []
        for word in m.group("name").split():
            bare = word.strip(".,;:!?()—«»\"")
            low = bare.lower()
            if not bare or low in _PREPOSITIONS or low in _FILLERS or low in _STARTERS or low in _NOT_A_NAME \
                    or _AFTER_NAME.match(low) or (_VERBISH.search(low) and "-" not in low) or lookup_first(low) \
                    or (person and low in person.lower()) or re.search(r"\d", low) and not keep:
                break
            keep.append(bare)
            if bare != word or len(keep) == _NAME_MAX_WORDS:
                break
        if not keep or (len(keep) == 1 and _ADJ.search(keep[0].lower())) or _NOT_FIRMS.match(keep[0]):
            continue
        return " ".join(keep)
    return None


_GROUPED_NUMBER = re.compile(r"\d{1,3}\s\d{3}(?!\d)")      # an amount in digit groups ("320 000") is no part of a name


def opens_with_form(name: str) -> bool:
    """True when words begin with a legal form and a name after it ("ООО Новосибирский Хладокомбинат")."""
    return _LEGAL_THEN_NAME.match(name) is not None


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
            if _NAME_ON.match(bare):
                break                             # "ГБОУ Школа №176 на мебель": what the tender is for
            after_adjective = bool(keep) and re.search(r"(?:ие|ые|ий|ый|ая|яя|ое|ее)$", keep[-1].lower()) is not None
            if not bare or _AFTER_NAME.match(bare) or _VERBISH.search(bare) and i and not after_adjective \
                    or _GROUPED_NUMBER.match(" ".join(words[i:i + 2])):
                break                             # "ооо вектор звонили", but "ооо самарские кровли"; "… 320 000"
            keep.append(bare)
            if bare != word:                      # a comma or a stop ends the name
                break
        if not keep or (person and keep[0] in person):
            continue                              # a legal form makes even a town's name a company's
        form = m.group().split()[0].lower()
        if form == "ип":
            return f"ИП {keep[0]}"               # a sole trader is a surname: "ип тарасов автосервис на южном"
        if form in _KEPT_FORMS:
            if keep[0].lower() in _STARTERS or keep[0].lower() in _FILLERS or keep[0].lower() in _NOT_AFTER_FORM:
                continue                          # "тк они заняты": "так как", no company
            return f"{form.upper()} {' '.join(keep)}"
        return " ".join(keep)
    after = _NAME_THEN_LEGAL.match(text)
    if after and not any(w.lower() in _STARTERS or w.lower() in _FILLERS for w in after.group("name").split()):
        return after.group("name")
    return None
