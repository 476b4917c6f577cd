"""A contact's address or handle given in a note is a detail of that contact, not a touch: "Maria's email is
maria@acme.com", "his wechat chen_gl88", "новая почта для Ольги: olga@vektor.ru", "王总的邮箱是 wang@crc.cn 微信
wz123". The word that names the detail ("email", "почта", "微信") would otherwise read as an e-mail or a message
sent, and the activity reports would count a visit as a visit and an e-mail besides.

`blank` hides such a word from the channel cues, and only where the address or handle follows it, with at
most a link between ("is", "for Tom", "у неё", "是"): "emailed Maria the quote", "sent an email to
maria@acme.com" and "已发邮件" keep their channel. The words are each language's `ADDRESS_WORD` and
`ADDRESS_LINK`, read in every note (a Chinese rep writes "wechat" too)."""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.understanding.languages import registered

# what follows the word: an e-mail address, a handle (letters then letters, digits, "_", "." or "-", with a digit
# or "_" in it, or after "@"), or a phone number
_ADDRESS = (r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@?[A-Za-z][\w.-]*[\d_][\w.-]*|@[A-Za-z][\w.-]{2,}"
            r"|\+?\d[\d\s().-]{5,}\d)")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    langs = registered()
    words = "|".join(p for mod in langs for p in mod.ADDRESS_WORD)
    links = "|".join(p for mod in langs for p in mod.ADDRESS_LINK)
    latin_edge = r"(?<![A-Za-zА-Яа-яЁё])"
    return re.compile(latin_edge + r"(?P<word>" + words + r")(?![A-Za-zА-Яа-яЁё])"
                      r"(?:\s*(?:[:：=-]|" + links + r")(?![A-Za-zА-Яа-яЁё]))*\s*[:：]?\s*(?=" + _ADDRESS + ")", re.I)


# words right before that send something there: "sent it to Priya's email priya@…", "на почту pirogi@…", "发到张经理邮箱"
_SENT_TO = re.compile(r"(?:\b(?:to|via|through|на|по|через)\b[^,.;:!?\n]{0,16}|[到往至][^，,。；;\s]{0,5})\s*$", re.I)


def blank(text: str) -> str:
    """`text` with every word naming a detail that follows it blanked, the same length."""
    def hide(m: re.Match[str]) -> str:
        if _SENT_TO.search(text, max(0, m.start() - 24), m.start()):
            return m.group()
        return m.group().replace(m.group("word"), " " * len(m.group("word")), 1)
    return _pattern().sub(hide, text)
