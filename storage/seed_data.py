"""The material synthetic data is drawn from (`crmbot seed`): company and people names in
English, Chinese and Russian, roles, products, note and follow-up phrasings, and how often
each stage, channel and language comes up; with the draws that put names together.

Every draw takes the caller's `random.Random`, so one seed gives the same names.
"""
from __future__ import annotations

import bisect
from random import Random
from typing import Any, Sequence

from storage.vocabulary import SPOKEN_CHANNELS, Lang, Stage

STAGES: tuple[Stage, ...] = tuple(Stage)
STAGE_WEIGHTS = (22, 18, 16, 12, 17, 15)
CHANNELS = SPOKEN_CHANNELS
CHANNEL_WEIGHTS = (20, 30, 15, 20, 15)
LANGS: tuple[Lang, ...] = (Lang.EN, Lang.ZH, Lang.RU)
LANG_WEIGHTS = (50, 25, 25)

# -- name material -------------------------------------------------------------------------

EN_FIRST = ("Acme", "Northwind", "Blue", "Silver", "Golden", "Pacific", "Atlas", "Summit", "Vertex",
            "Pioneer", "Evergreen", "Redwood", "Granite", "Harbor", "Lakeside", "Maple", "Orion",
            "Polaris", "Quantum", "Riverside", "Sterling", "Titan", "Union", "Vanguard", "Westfield",
            "Bright", "Crescent", "Delta", "Eagle", "Falcon", "Frontier", "Highland", "Iron",
            "Keystone", "Liberty", "Meridian", "Nova", "Oakridge", "Prime", "Beacon", "Cedar",
            "Coastal", "Horizon", "Metro", "Nexus", "Apex", "Bluebird", "Copper", "Pinnacle", "Zenith")
EN_SECOND = ("Logistics", "Systems", "Foods", "Labs", "Dynamics", "Solutions", "Industries",
             "Partners", "Supply", "Analytics", "Networks", "Energy", "Health", "Robotics",
             "Textiles", "Motors", "Farms", "Pharma", "Media", "Retail", "Software", "Bank",
             "Insurance", "Steel", "Plastics", "Packaging", "Freight", "Clinics", "Hotels", "Foundry",
             "Optics", "Devices", "Chemicals", "Builders", "Outfitters", "Brewing", "Capital",
             "Electric", "Paper", "Marine")
EN_LEGAL = ("Inc", "LLC", "Ltd", "Corp", "Co", "Group", "", "", "")
EN_PEOPLE_FIRST = ("John", "Mary", "James", "Linda", "Robert", "Susan", "Michael", "Karen", "David",
                   "Emily", "Daniel", "Laura", "Paul", "Anna", "Mark", "Sarah", "Peter", "Rachel",
                   "Thomas", "Grace", "Kevin", "Olivia", "Brian", "Chloe")
EN_PEOPLE_LAST = ("Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Clark",
                  "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker",
                  "Adams", "Nelson", "Carter", "Mitchell", "Turner", "Parker", "Evans")

ZH_CITY = ("北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "苏州", "天津",
           "重庆", "青岛", "大连", "厦门", "宁波", "长沙", "郑州", "济南", "合肥")
ZH_WORD = ("华", "宏", "瑞", "鑫", "恒", "达", "通", "盛", "安", "泰", "新", "远", "博", "海", "金",
           "永", "中", "天", "光", "明", "晨", "兴", "创", "佳")
ZH_TRADE = ("科技", "贸易", "物流", "电子", "机械", "食品", "医药", "建材", "化工", "纺织", "软件",
            "能源", "汽车配件", "环保", "包装", "家具")
ZH_LEGAL = ("有限公司", "股份有限公司", "有限责任公司", "集团")
ZH_SURNAME = ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
              "郭", "何", "林", "高", "罗")
ZH_GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
            "明", "超", "秀英", "华", "平", "刚", "桂英", "建国", "志强")

RU_WORD1 = ("Северный", "Альфа", "Восток", "Уральский", "Сибирский", "Волжский", "Балтийский",
            "Центр", "Нева", "Байкал", "Глобал", "Стандарт", "Прогресс", "Вектор", "Меридиан",
            "Авангард", "Горизонт", "Кедр", "Рубин", "Янтарь", "Сокол", "Энерго", "Техно", "Агро")
RU_WORD2 = ("Логистика", "Трейд", "Снаб", "Строй", "Пром", "Маш", "Хим", "Мед", "Софт", "Комплект",
            "Сервис", "Ресурс", "Металл", "Текстиль", "Продукт", "Инвест", "Транс", "Телеком",
            "Пласт", "Лес")
RU_LEGAL = ("ООО", "АО", "ПАО", "ЗАО", "ИП", "")
RU_FIRST_M = ("Иван", "Алексей", "Сергей", "Дмитрий", "Андрей", "Михаил", "Николай", "Павел",
              "Владимир", "Олег", "Артём", "Максим")
RU_FIRST_F = ("Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана",
              "Екатерина", "Юлия", "Дарья", "Ксения")
RU_LAST = ("Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов",
           "Новиков", "Морозов", "Волков", "Фёдоров", "Орлов", "Зайцев", "Павлов", "Семёнов")

ROLES = {
    "en": ("CEO", "CFO", "procurement manager", "head of IT", "operations director", "buyer",
           "chief engineer", None),
    "zh": ("总经理", "采购部经理", "财务总监", "技术总监", "销售经理", "采购专员", None),
    "ru": ("генеральный директор", "главный инженер", "закупщик", "финансовый директор",
           "начальник отдела снабжения", "коммерческий директор", None),
}
PRODUCTS = {
    "en": ("licenses", "annual support", "pilot", "equipment", "rollout", "consulting", "renewal"),
    "zh": ("软件许可", "年度维护", "试点项目", "设备采购", "系统集成", "咨询服务", "续约"),
    "ru": ("лицензии", "годовая поддержка", "пилот", "оборудование", "внедрение", "консалтинг",
           "продление"),
}
NOTES = {
    "en": ("Visited {c}, discussed the proposal.", "Called {c} about pricing.",
           "Met the team at {c}, they want a demo.", "Sent {c} the quote.",
           "Messaged {c} about delivery dates.", "{c} asked for references.",
           "Follow-up call with {c}, budget confirmed."),
    "zh": ("拜访了{c}，讨论了方案。", "给{c}打电话谈价格。", "和{c}开会，他们想看演示。",
           "给{c}发了报价。", "和{c}沟通了交货时间。", "{c}要求提供案例。", "回访{c}，预算已确认。"),
    "ru": ("Был в {c}, обсудили предложение.", "Звонил в {c} по ценам.",
           "Встреча в {c}, хотят демо.", "Отправил {c} КП.", "Написал в {c} про сроки поставки.",
           "{c} просят рекомендации.", "Созвонились с {c}, бюджет подтверждён."),
}
FOLLOWUPS = {
    "en": ("send the quote", "call back", "book a demo", "send the contract", "check the budget"),
    "zh": ("发报价", "回电话", "安排演示", "发合同", "确认预算"),
    "ru": ("отправить КП", "перезвонить", "назначить демо", "отправить договор", "уточнить бюджет"),
}
REP_NAMES = tuple(f"{first} {last}" for first in EN_PEOPLE_FIRST for last in EN_PEOPLE_LAST)
SOURCES = ("referral", "website", "trade show", "cold call", "partner", "inbound email", None)
SEGMENTS = ("SMB", "mid-market", "enterprise", None)


class Weighted:
    """Fast weighted choice from one Random (bisect on cumulative weights)."""

    def __init__(self, rng: Random, items: Sequence[Any], weights: Sequence[float]):
        self.rng = rng
        self.items = tuple(items)
        total = 0.0
        self.cum: list[float] = []
        for w in weights:
            total += w
            self.cum.append(total)
        self.total = total

    def __call__(self) -> Any:
        return self.items[bisect.bisect_right(self.cum, self.rng.random() * self.total)]


def company_name(rng: Random, lang: str) -> str:
    """A company name in `lang` (en, zh, ru), with a legal form now and then."""
    if lang == "en":
        legal = rng.choice(EN_LEGAL)
        name = f"{rng.choice(EN_FIRST)} {rng.choice(EN_SECOND)}"
        return f"{name} {legal}" if legal else name
    if lang == "zh":
        return (rng.choice(ZH_CITY) + rng.choice(ZH_WORD) + rng.choice(ZH_WORD)
                + rng.choice(ZH_TRADE) + rng.choice(ZH_LEGAL))
    legal = rng.choice(RU_LEGAL)
    core = f"{rng.choice(RU_WORD1)}{rng.choice(RU_WORD2).lower()}" if rng.random() < 0.5 \
        else f"{rng.choice(RU_WORD1)} {rng.choice(RU_WORD2)}"
    return f"{legal} «{core}»" if legal else core


def person_name(rng: Random, lang: str) -> str:
    """A contact's full name in `lang` (en, zh, ru)."""
    if lang == "en":
        return f"{rng.choice(EN_PEOPLE_FIRST)} {rng.choice(EN_PEOPLE_LAST)}"
    if lang == "zh":
        return rng.choice(ZH_SURNAME) + rng.choice(ZH_GIVEN)
    if rng.random() < 0.5:
        return f"{rng.choice(RU_FIRST_M)} {rng.choice(RU_LAST)}"
    return f"{rng.choice(RU_FIRST_F)} {rng.choice(RU_LAST)}а"
