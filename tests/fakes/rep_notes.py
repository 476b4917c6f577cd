"""Realistic rep notes in English, Chinese and Russian, for the load and throughput benches."""
from __future__ import annotations

import random

NOTES = [
    ("en", "Visited {c}, met {p} (CFO). Sent the quote for ${n}k. Follow up Friday."),
    ("en", "Called {c}, no answer, try again Monday"),
    ("en", "{c} signed! ${n},500 annual contract"),
    ("en", "emailed {c} the revised contract, they want a 5% discount. ping them next week"),
    ("zh", "拜访了{z}，见了王总，报价{n}万，下周二跟进"),
    ("zh", "给{z}打了电话，没人接"),
    ("ru", "Был у {r}, отправил КП на {n} млн руб, созвонимся в пятницу"),
    ("ru", "Звонил в {r}, обсудили сроки поставки"),
]
EN = ["Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Foods", "Acme Tools", "Hooli Labs"]
ZH = ["星辰科技", "蓝海物流", "鼎盛建材", "华越医疗"]
RU = ["Вектор", "Альтаир", "Промснаб", "Кедр"]
PEOPLE = ["Maria Lopez", "Tom Reed", "Laura Chen", "Dave Kowalski"]


def rep_note(rng: random.Random) -> tuple[str, str]:
    """One note (its language and text): a visit, call, quote, win or follow-up at a known firm."""
    lang, template = rng.choice(NOTES)
    return lang, template.format(c=rng.choice(EN), p=rng.choice(PEOPLE), n=rng.randint(2, 90),
                                 z=rng.choice(ZH), r=rng.choice(RU))
