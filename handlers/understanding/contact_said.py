"""A contact's fact said plainly: whose title, phone or e-mail a note states, and the words that say it.

    "bob's title is operations manager, his cell 415-555-0142"   -> bob: operations manager, a phone
    "maria lopez is the CFO at globex"                            -> maria lopez: CFO
    "bob tanner phone 415-555-0142, he's the operations manager" -> bob tanner: operations manager, a phone
    "sams email is sam.ortiz@globexlog.com"                       -> sam: an e-mail address
    "должность Ивановой — коммерческий директор"                  -> Иванова: коммерческий директор
    "её должность коммерческий директор", "телефон Ивановой +7 …" -> (the last note's person) / Иванова
    "王总的职位是总经理", "刘工的手机是138…"                          -> 王总: 总经理 / 刘工: a phone

The person is named as written (a Russian surname put back in the nominative), or None when a
pronoun stands for them ("his cell", "её должность", "他的电话"). The spans say where the statement
is written: the note's other readers do not see them, so "email" here is an address, not an e-mail
sent, and "title is operations manager" is no stage. The phone and address themselves are read by
people.extract; this module says whose they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from handlers.understanding.languages import en as en_cues
from handlers.understanding.languages import ru as ru_cues
from handlers.understanding.languages import zh as zh_cues
from handlers.understanding.languages.protocol import one_of
from handlers.understanding.ru_names import nominative, surname_nominative

_I = re.IGNORECASE
_PHONE_AHEAD = r"(?=\+?[\d(])"
_EMAIL_AHEAD = r"(?=[A-Za-z0-9._%+-]+@)"
_ROLE_CHARS = 60


@dataclass
class ContactSaid:
    """Whose fact a note states (None: a pronoun's), the title said, and the spans that say it."""

    who: str | None = None
    role: str | None = None
    reachable: bool = False          # a phone or an address is said to be theirs
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.spans)

    def blank(self, text: str) -> str:
        """The text with the statements blanked out (same length: other spans stay valid)."""
        for start, end in self.spans:
            text = text[:start] + " " * (end - start) + text[end:]
        return text


# -- English -----------------------------------------------------------------------------------

_EN_NAME = r"(?P<who>[A-Za-z][a-z'’-]+(?:\s+[A-Z]?[a-z'’-]+)?)"
_EN_ONE = r"(?P<who>[A-Za-z][a-z-]+)"
_EN_OWN = r"(?P<own>'s|’s|s)"                              # "bob's", "sams" typed without the apostrophe
_EN_TITLE_WORD = r"(?:job\s+)?(?:title|role|position|job)"
_EN_PHONE_WORD = r"(?:cell(?:\s*phone)?|mobile(?:\s+phone)?|phone|number|direct\s+line|tel\.?|cell\s+no\.?|mob\.?)(?:\s+(?:number|no\.?|#))?"
_EN_EMAIL_WORD = r"(?:e-?mail|email\s+address|e-mail\s+address|address)"
_EN_IS = r"\s*(?:is|=|:|-)?\s*"
_EN_AT = r"(?:\s+(?:at|from|@)\s+[\w&.-]+(?:\s+[\w&.-]+)?)?"
_EN_PRONOUN = r"\b(?:his|her|their)\s+"
# "is actually the chairman", "is now CFO": a correction (languages/en.py, FIX), not a fact of a note
_EN_HE_IS = r"\b(?:he's|she's|he\s+is|she\s+is|who's|who\s+is)\s+(?!actually|now\b|really)(?:the\s+|their\s+|our\s+|a\s+|an\s+)?"
_EN_ROLE = r"(?P<role>[^.,;!?()\n]{2,60})"
# the end of a title: "CFO at globex", "ops manager and", "operations manager, his cell"
_EN_ROLE_END = re.compile(r"\s+(?:at|@|from|and|but|his|her|their|so|since|who|which|starting|as\s+of|(?-i:I|i|we|they|he|she|it)|"
                          r"um+|uh+|wants?|said|says|is|was|will|would|think|guess|maybe|probably|now|today|there|"
                          r"here|then|just)\b.*$", _I)
_EN_ROLE_WORDS = 5
# what may follow a title and goes with it: "the CFO at globex", "head of IT of Pell"
_EN_ROLE_AT = re.compile(r"\s+(?:at|@|from|of|for)\s+[\w&.'-]+(?:\s+[\w&.'-]+)?(?=\s*(?:[.,;!?]|$))", _I)


@lru_cache(maxsize=None)
def _en_role_hint() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + one_of(en_cues.ROLES) + r"|c[eftoimrp]o|[se]?vp|gm|md|owner|founder|president|"
                      r"chairman|officer|dir|director|head|manager|mgr|lead|chief|coordinator|supervisor|"
                      r"specialist|buyer|analyst|admin\w*|architect|engineer|executive|accountant|controller|"
                      r"assistant|receptionist|principal|partner|agent|purchasing|procurement)\b", _I)


_EN_SAID = [
    # "bob's title is operations manager", "maria's role: CFO"
    ("role", re.compile(r"\b" + _EN_ONE + _EN_OWN + r"\s+" + _EN_TITLE_WORD + r"\s*(?:is|=|:|-)\s*" + _EN_ROLE, _I)),
    ("role", re.compile(_EN_PRONOUN + _EN_TITLE_WORD + r"\s*(?:is|=|:|-)\s*" + _EN_ROLE, _I)),
    # "maria lopez is the CFO at globex", "bob is their ops mgr"
    ("role", re.compile(r"(?:^|[.;!?]\s*|\s[-–—]\s*|:\s*)" + _EN_NAME + r"\s+is\s+(?:the|their|our|a|an)\s+" + _EN_ROLE, _I)),
    ("role", re.compile(_EN_HE_IS + _EN_ROLE, _I)),
    # "bob's cell 415…", "bob tanner cell 415…", "bob tanner at acme mobile 415…", "his cell is 415…"
    ("phone", re.compile(r"\b" + _EN_ONE + _EN_OWN + r"\s+" + _EN_PHONE_WORD + _EN_IS + _PHONE_AHEAD, _I)),
    ("phone", re.compile(r"\b" + _EN_NAME + _EN_AT + r"\s+" + _EN_PHONE_WORD + _EN_IS + _PHONE_AHEAD, _I)),
    ("phone", re.compile(_EN_PRONOUN + _EN_PHONE_WORD + _EN_IS + _PHONE_AHEAD, _I)),
    # "sams email is sam.ortiz@…", "maria's e-mail: …", "her email maria@…"
    ("email", re.compile(r"\b" + _EN_ONE + _EN_OWN + r"\s+" + _EN_EMAIL_WORD + _EN_IS + _EMAIL_AHEAD, _I)),
    ("email", re.compile(r"\b" + _EN_NAME + _EN_AT + r"\s+" + _EN_EMAIL_WORD + _EN_IS + _EMAIL_AHEAD, _I)),
    ("email", re.compile(_EN_PRONOUN + _EN_EMAIL_WORD + _EN_IS + _EMAIL_AHEAD, _I)),
]
_EN_NOT_WHO = frozenset("""i we you they he she it his her their our my your the a an this that and also new old
direct work office main company team phone cell mobile email number title role here there what whats who whose call
called text texted send sent reach got is was its theirs ours yours hers us me him them give gave okay ok um uh so
well yeah yes no and or but then also forgot""".split())
_NOT_ROLES = frozenset(("lead", "new lead", "hot lead", "warm lead", "cold lead", "prospect", "customer", "client",
                        "partner", "good lead", "big customer", "new customer", "new client"))


def _en_who(m: re.Match[str]) -> str | None:
    words = m.group("who").split()
    while len(words) > 1 and words[-1].lower() in _EN_NOT_WHO:
        words.pop()
    if not words or words[0].lower() in _EN_NOT_WHO:
        return None
    own = m.groupdict().get("own")
    if not own and not (words[0][:1].isupper() or words[0].lower() in en_cues.FIRST_NAMES):
        return None                               # "forgot her cell", "give me mobile": no one named
    if own == "s" and (words[-1] + "s").lower() in _EN_NOT_WHO:
        return None                               # "his cell", "its phone": no name
    if own == "s" and (words[-1] + "s").lower() in en_cues.FIRST_NAMES:
        words[-1] += "s"                          # "james email": james's, not jame's
    return " ".join(words)


def _en_role(said: str) -> str | None:
    role = _EN_ROLE_END.sub("", said).strip(" -–—:'\"")
    if not role or role.lower() in _NOT_ROLES or role.lower() in ("a " + r for r in _NOT_ROLES):
        return None                               # "pinecrest is a new lead": the customer's stage
    if len(role.split()) > _EN_ROLE_WORDS or len(role) > _ROLE_CHARS:
        return None
    return role if _en_role_hint().search(role) else None


# -- Russian -----------------------------------------------------------------------------------

_RU_NAME = r"(?P<who>[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+)?)"
_RU_TITLE_WORD = r"(?:должность|позиция)"
_RU_PHONE_WORD = r"(?i:телефон|тел\.?|моб\.?|мобильный|мобильник|сотовый|номер)"
_RU_EMAIL_WORD = r"(?i:почта|e-?mail|имейл|емейл|мейл|электронка)"
_RU_PRONOUN = r"(?:^|(?<=[\s,.;:—-]))(?:е[её]|его|их)\s+"
_RU_DASH = r"\s*(?:—|–|-|:|=)?\s*"
_RU_ROLE = r"(?P<role>[^.,;!?()\n]{2,60})"
_RU_SAID = [
    ("role", re.compile(r"(?i:должность|позиция)\s+" + _RU_NAME + r"\s*(?:—|–|-|:|=)\s*" + _RU_ROLE)),
    ("role", re.compile(_RU_PRONOUN + _RU_TITLE_WORD + _RU_DASH + _RU_ROLE, _I)),
    ("role", re.compile(r"(?:^|[.;!?]\s*)" + _RU_NAME + r"\s+(?:—|–|-)\s+(?i:наш\w*\s+|их\s+)?(?P<role>(?i:" + one_of(ru_cues.ROLES)
                        + r")[^.,;!?()\n]{0,40})")),
    ("phone", re.compile(r"(?:^|(?<=[\s,.;:—-]))" + _RU_PHONE_WORD + r"\s+" + _RU_NAME + _RU_DASH + _PHONE_AHEAD)),
    ("phone", re.compile(r"\bу\s+" + _RU_NAME + r"\s+" + _RU_PHONE_WORD + _RU_DASH + _PHONE_AHEAD)),
    ("phone", re.compile(r"(?:^|[.;!?,]\s*)" + _RU_NAME + r"\s*(?:—|–|-|,)?\s*" + _RU_PHONE_WORD + _RU_DASH + _PHONE_AHEAD)),
    ("phone", re.compile(_RU_PRONOUN + _RU_PHONE_WORD + _RU_DASH + _PHONE_AHEAD, _I)),
    ("email", re.compile(r"(?:^|(?<=[\s,.;:—-]))" + _RU_EMAIL_WORD + r"\s+" + _RU_NAME + _RU_DASH + _EMAIL_AHEAD)),
    ("email", re.compile(_RU_PRONOUN + _RU_EMAIL_WORD + _RU_DASH + _EMAIL_AHEAD, _I)),
]
_RU_NOT_WHO = frozenset("у в на с от для клиент клиента компания компании он она они её ее его их ей ему им новый мой наш".split())


def _ru_who(said: str) -> str | None:
    words = said.split()
    while words and _ru_role_hint().match(words[0]):
        words = words[1:]                         # "Директор Ерохин, тел …": Ерохин
    if not words or words[0].lower() in _RU_NOT_WHO:
        return None
    if len(words) == 1 and words[0].lower().endswith(("ой", "ою")):
        return surname_nominative(words[0], True)     # "телефон Ивановой": Иванова
    return nominative(words)


@lru_cache(maxsize=None)
def _ru_role_hint() -> re.Pattern[str]:
    return re.compile(one_of(ru_cues.ROLES) + r"|директор|менеджер|инженер|бухгалтер|начальник|руководител|"
                      r"заместител|замдир|снабжен|закупк|юрист|технолог|владел|собственник|специалист", _I)


def _ru_role(said: str) -> str | None:
    from handlers.understanding.ru_people import role_nominative

    role = re.sub(r"\s+(?:в|во|из|у|и|а|но|его|её|ее|тел\.?|телефон)\s.*$", "", said.strip(), flags=_I).strip(" -–—:")
    return role_nominative(role) if role and _ru_role_hint().search(role) and len(role) <= _ROLE_CHARS else None


# -- Chinese -----------------------------------------------------------------------------------

_ZH_NAME = r"(?P<who>[\u4e00-\u9fff]{2,4}?|[A-Za-z]+(?:\s[A-Za-z]+)?)"
_ZH_TITLE_WORD = r"(?:职位|职务|头衔|title|岗位)"
_ZH_PHONE_WORD = r"(?:手机号码?|手机|电话号码?|电话|号码|座机|联系电话|微信号?)"
_ZH_EMAIL_WORD = r"(?:邮箱地址|邮箱|邮件地址|email|e-mail|Email)"
_ZH_IS = r"(?:是|为|:|：)?\s*"
_ZH_SAID = [
    ("role", re.compile(r"(?:^|(?<=[，,。\s的]))" + _ZH_NAME + r"的" + _ZH_TITLE_WORD + r"(?:是|为|:|：)\s*(?P<role>[^，,。！!？?\s]{2,20})")),
    ("role", re.compile(r"(?:他|她)的" + _ZH_TITLE_WORD + r"(?:是|为|:|：)\s*(?P<role>[^，,。！!？?\s]{2,20})")),
    ("phone", re.compile(r"(?:^|(?<=[，,。\s的]))" + _ZH_NAME + r"的?" + _ZH_PHONE_WORD + _ZH_IS + _PHONE_AHEAD)),
    ("phone", re.compile(r"(?:他|她)的?" + _ZH_PHONE_WORD + _ZH_IS + _PHONE_AHEAD)),
    ("email", re.compile(r"(?:^|(?<=[，,。\s的]))" + _ZH_NAME + r"的?" + _ZH_EMAIL_WORD + _ZH_IS + _EMAIL_AHEAD)),
    ("email", re.compile(r"(?:他|她)的?" + _ZH_EMAIL_WORD + _ZH_IS + _EMAIL_AHEAD)),
]
_ZH_NOT_WHO = frozenset("客户 公司 他们 我们 对方 新的 座机 办公".split())


def _zh_who(said: str) -> str | None:
    said = said.strip()
    if said in _ZH_NOT_WHO or said.endswith(("公司", "集团", "科技", "那边")):
        return None
    if not re.match(r"[A-Za-z]", said) and said[0] not in zh_cues.SURNAMES and said[0] not in "小老" \
            and said[:2] not in zh_cues.COMPOUND_SURNAMES:
        return None
    return said


def _zh_role(said: str) -> str | None:
    return said.strip() or None


# -- reading -----------------------------------------------------------------------------------

_SAID = {"en": _EN_SAID, "ru": _RU_SAID, "zh": _ZH_SAID}


def read(text: str, lang: str, taken: tuple[int, int] = (-1, -1)) -> ContactSaid:
    """The contact facts `text` states and whose they are; `taken` is the customer's span (never a person)."""
    said = ContactSaid()
    for kind, pattern in _SAID.get(lang, _EN_SAID):
        for m in pattern.finditer(text):
            if any(start < m.end() and m.start() < end for start, end in said.spans):
                continue
            who = _who(m, lang, taken)
            if "who" in pattern.groupindex and who is None:
                continue
            role = None
            if kind == "role":
                role = {"ru": _ru_role, "zh": _zh_role}.get(lang, _en_role)(m.group("role"))
                if role is None:
                    continue
            if who and said.who and who.split()[0].lower() != said.who.split()[0].lower():
                continue                          # a second person's fact: the first named is the note's
            said.who = said.who or who
            said.role = said.role or role
            said.reachable = said.reachable or kind in ("phone", "email")
            end = m.end()
            if role is not None and lang == "ru":
                end = m.start("role") + len(m.group("role").rstrip())
            elif role is not None and lang == "en":    # the title, and where they work ("the CFO at globex": no visit)
                at = m.group("role").find(role)
                end = m.start("role") + max(at, 0) + len(role)
                place = _EN_ROLE_AT.match(text, end)
                end = place.end() if place else end
            start = m.start()
            while start < end and not text[start].isalnum():
                start += 1                        # the pause before the statement is no part of it
            said.spans.append((start, end))
    return said


def _who(m: re.Match[str], lang: str, taken: tuple[int, int]) -> str | None:
    if "who" not in m.re.groupindex or m.group("who") is None:
        return None
    start, end = m.span("who")
    if taken[0] <= start < taken[1] or taken[0] < end <= taken[1]:
        return None                              # the customer's name ("acme phone 415…"): no person
    written = m.group("who")
    if lang == "ru":
        return _ru_who(written)
    if lang == "zh":
        return _zh_who(written)
    return _en_who(m)
