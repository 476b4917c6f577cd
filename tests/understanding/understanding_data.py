"""Shared clock and customer lists for the understanding tests."""
from datetime import datetime
from zoneinfo import ZoneInfo



# Wednesday 25 November 2026, mid-morning
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
EN = ["Acme Corp", "Globex Industries", "Initech LLC", "Umbrella Health Inc", "Northwind Traders",
      "Blue Harbor Logistics", "Stark Medical Group", "Stark Realty"]
ZH = ["华润建设有限公司", "东方电气集团", "远航物流有限公司", "海天食品股份有限公司", "星辰软件有限公司"]
RU = ["ООО «Вектор»", "АО «Уралсталь»", "ООО «Северсталь Трейд»", "ООО «Добрый Хлеб»", "ООО «Альфа-Строй»"]


