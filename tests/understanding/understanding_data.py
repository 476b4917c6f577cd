"""Shared clock, customer lists and the languages' phrase lists for the understanding tests."""
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.understanding.languages import registered



# Wednesday 25 November 2026, mid-morning
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
EN = ["Acme Corp", "Globex Industries", "Initech LLC", "Umbrella Health Inc", "Northwind Traders",
      "Blue Harbor Logistics", "Stark Medical Group", "Stark Realty"]
ZH = ["华润建设有限公司", "东方电气集团", "远航物流有限公司", "海天食品股份有限公司", "星辰软件有限公司"]
RU = ["ООО «Вектор»", "АО «Уралсталь»", "ООО «Северсталь Трейд»", "ООО «Добрый Хлеб»", "ООО «Альфа-Строй»"]


def phrase_slots() -> list[tuple[str, int]]:
    """Every list of phrases in every registered language, joined as the cues join them (a list of
    whole patterns, each used alone, is left out)."""
    out = []
    for lang in registered():
        for name in dir(lang):
            value = getattr(lang, name)
            if name.isupper() and isinstance(value, list) and value and all(isinstance(p, str) for p in value):
                try:
                    re.compile("|".join(value), re.I)
                except re.error:
                    continue
                out.append(("|".join(value), re.I))
    return out
