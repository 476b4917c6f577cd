"""Reproducible synthetic data for benchmarks and demos (`crmbot seed`).

The same arguments (and the same `now`) give the same rows: every random draw
comes from one `random.Random(seed)`. Rows go in through SQLAlchemy Core bulk
inserts in chunks, inside one transaction, so a large store fills at well over
20,000 rows a second on SQLite and PostgreSQL alike. Ids the next table needs
(customers, contacts, deals) come back from `INSERT ... RETURNING` in
parameter order, which is correct on both stores even with other writers.
"""
from __future__ import annotations

import bisect
import re
from datetime import date, datetime, timedelta, timezone
from random import Random
from typing import Any, Iterable, Sequence

from sqlalchemy import select, text
from sqlalchemy.engine import Connection, Engine

from storage import customers as _customers
from storage.models import (Contact, Customer, Deal, FollowUp, Identity, Interaction, Member,
                            StageChange, Team)

CHUNK = 5000
STAGES = ("lead", "qualified", "proposal", "negotiation", "won", "lost")
STAGE_WEIGHTS = (22, 18, 16, 12, 17, 15)
CHANNELS = ("visit", "call", "meeting", "email", "message")
CHANNEL_WEIGHTS = (20, 30, 15, 20, 15)
LANGS = ("en", "zh", "ru")
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
REP_NAMES = tuple(f"{f} {l}" for f in EN_PEOPLE_FIRST for l in EN_PEOPLE_LAST)
SOURCES = ("referral", "website", "trade show", "cold call", "partner", "inbound email", None)
SEGMENTS = ("SMB", "mid-market", "enterprise", None)

# -- the name key: the same normalisation the handlers match names with -------------------

name_key = _customers.name_key


# -- helpers -------------------------------------------------------------------------------


def _chunks(rows: Sequence[dict[str, Any]], size: int = CHUNK) -> Iterable[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _insert(connection: Connection, model: Any, rows: Sequence[dict[str, Any]]) -> int:
    """Plain bulk insert (executemany), in chunks."""
    table = model.__table__
    for chunk in _chunks(rows):
        connection.execute(table.insert(), list(chunk))
    return len(rows)


def _insert_returning_ids(connection: Connection, model: Any,
                          rows: Sequence[dict[str, Any]]) -> list[int]:
    """Bulk insert that gives back the new ids in the order of `rows`.

    PostgreSQL: ids are reserved from the table's sequence first (`nextval` over
    `generate_series`, safe beside concurrent writers), then a plain bulk insert
    with those ids (ordered `RETURNING` would go row by row there). Elsewhere
    (SQLite ≥ 3.35): `INSERT ... RETURNING` in parameter order, batched.
    """
    table = model.__table__
    if not rows:
        return []
    if connection.dialect.name == "postgresql":
        ids = list(connection.execute(
            text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
            {"table": table.name, "n": len(rows)},
        ).scalars())
        for chunk_start in range(0, len(rows), CHUNK):
            chunk = [dict(row, id=ids[chunk_start + i])
                     for i, row in enumerate(rows[chunk_start:chunk_start + CHUNK])]
            connection.execute(table.insert(), chunk)
        return ids
    ids = []
    statement = table.insert().returning(table.c.id, sort_by_parameter_order=True)
    for chunk in _chunks(rows):
        ids.extend(connection.execute(statement, list(chunk)).scalars().all())
    return ids


class _Weighted:
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


def _customer_name(rng: Random, lang: str) -> str:
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


def _person(rng: Random, lang: str) -> str:
    if lang == "en":
        return f"{rng.choice(EN_PEOPLE_FIRST)} {rng.choice(EN_PEOPLE_LAST)}"
    if lang == "zh":
        return rng.choice(ZH_SURNAME) + rng.choice(ZH_GIVEN)
    if rng.random() < 0.5:
        return f"{rng.choice(RU_FIRST_M)} {rng.choice(RU_LAST)}"
    return f"{rng.choice(RU_FIRST_F)} {rng.choice(RU_LAST)}а"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "team"


# -- the seed ------------------------------------------------------------------------------


def seed(engine: Engine, customers: int, deals_per_customer: int = 3,
         interactions_per_customer: int = 10, reps: int = 10, team_name: str = "default",
         seed: int = 42, now: datetime | None = None) -> dict[str, int]:
    """Fill the store with synthetic data for team `team_name`; return rows inserted per table.

    One transaction. The team is created if missing (USD, UTC). `reps` reps and one
    manager get console identities "rep1".."repN" and "manager" (prefixed with the
    team's slug when another team already holds those ids; reused when this team
    already does). Each customer gets 0-3 contacts (about 40% with a birthday),
    exactly `deals_per_customer` deals over all stages, each with one StageChange,
    exactly `interactions_per_customer` interactions over the last 180 days, and
    about one in ten an open follow-up. `now` (aware, default: the current
    instant) anchors every date, so a fixed `now` and `seed` give identical rows.
    """
    if customers < 0 or deals_per_customer < 0 or interactions_per_customer < 0 or reps < 1:
        raise ValueError("customers, deals and interactions must be ≥ 0 and reps ≥ 1")
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    today = now.date()
    rng = Random(seed)
    counts = {name: 0 for name in ("team", "member", "identity", "customer", "contact", "deal",
                                   "stagechange", "interaction", "followup")}

    with engine.begin() as connection:
        # -- team ------------------------------------------------------------------------
        team_row = connection.execute(
            select(Team.__table__.c.id, Team.__table__.c.currency).where(Team.__table__.c.name == team_name)
        ).first()
        if team_row is None:
            team_id = connection.execute(
                Team.__table__.insert().returning(Team.__table__.c.id),
                {"name": team_name, "timezone": "UTC", "currency": "USD", "settings": {},
                 "created_at": now},
            ).scalar_one()
            currency = "USD"
            counts["team"] = 1
        else:
            team_id, currency = team_row
        other_currency = "EUR" if currency != "EUR" else "USD"

        # -- members and identities ------------------------------------------------------
        rep_ids, manager_id = _members(connection, rng, team_id, team_name, reps, now, counts)

        # -- customers -------------------------------------------------------------------
        used = set(connection.execute(
            select(Customer.__table__.c.name_key).where(Customer.__table__.c.team_id == team_id)
        ).scalars())
        pick_lang = _Weighted(rng, LANGS, LANG_WEIGHTS)
        customer_rows: list[dict[str, Any]] = []
        customer_meta: list[tuple[str, int, str]] = []  # lang, owner, name
        for _ in range(customers):
            lang = pick_lang()
            for _attempt in range(6):
                name = _customer_name(rng, lang)
                key = name_key(name)
                if key not in used:
                    break
            else:
                n = 2
                while f"{key} {n}" in used:
                    n += 1
                name, key = f"{name} {n}", f"{key} {n}"
            used.add(key)
            owner = rep_ids[int(rng.random() * len(rep_ids))]
            customer_rows.append({
                "team_id": team_id, "name": name, "name_key": key,
                "source": rng.choice(SOURCES), "segment": rng.choice(SEGMENTS),
                "custom": {"lang": lang}, "owner_id": owner, "created_by": owner,
                "created_at": now - timedelta(seconds=int(rng.random() * 730 * 86400)),
            })
            customer_meta.append((lang, owner, name))
        customer_ids = _insert_returning_ids(connection, Customer, customer_rows)
        counts["customer"] = len(customer_ids)
        del customer_rows

        # -- contacts --------------------------------------------------------------------
        contact_rows: list[dict[str, Any]] = []
        contact_owner: list[int] = []  # index into customers
        leap_year_start = date(2024, 1, 1)
        for index, customer_id in enumerate(customer_ids):
            lang = customer_meta[index][0]
            for _ in range(int(rng.random() * 4)):
                person = _person(rng, lang)
                if rng.random() < 0.4:
                    birthday = leap_year_start + timedelta(days=int(rng.random() * 366))
                    month, day = birthday.month, birthday.day
                else:
                    month = day = None
                contact_rows.append({
                    "team_id": team_id, "customer_id": customer_id, "name": person,
                    "role": rng.choice(ROLES[lang]),
                    "phone": f"+1-555-{int(rng.random() * 10000):04d}" if rng.random() < 0.6 else None,
                    "email": f"contact{len(contact_rows) + 1}@example.com" if rng.random() < 0.5 else None,
                    "birth_month": month, "birth_day": day, "created_at": now,
                })
                contact_owner.append(index)
        contact_ids = _insert_returning_ids(connection, Contact, contact_rows)
        counts["contact"] = len(contact_ids)
        del contact_rows
        contacts_of: list[list[int]] = [[] for _ in customer_ids]
        for contact_id, index in zip(contact_ids, contact_owner):
            contacts_of[index].append(contact_id)

        # -- deals and their stage history -----------------------------------------------
        pick_stage = _Weighted(rng, STAGES, STAGE_WEIGHTS)
        deal_rows: list[dict[str, Any]] = []
        for index, customer_id in enumerate(customer_ids):
            lang, customer_owner, customer_name = customer_meta[index]
            for _ in range(deals_per_customer):
                stage = pick_stage()
                owner = customer_owner if rng.random() < 0.8 else rep_ids[int(rng.random() * len(rep_ids))]
                # amounts from 500 to ~500k, rounded to hundreds, heavier at the low end
                major = int(500 * (1000 ** (rng.random() ** 1.5)) / 100) * 100 or 500
                amount_minor: int | None = major * 100
                deal_currency: str | None = other_currency if rng.random() < 0.12 else currency
                if rng.random() < 0.04:
                    amount_minor = deal_currency = None
                expected = None if rng.random() < 0.3 \
                    else today + timedelta(days=int(rng.random() * 365) - 182)
                created = now - timedelta(seconds=int(rng.random() * 365 * 86400))
                updated = created + timedelta(seconds=int(rng.random() * (now - created).total_seconds()))
                deal_rows.append({
                    "team_id": team_id, "customer_id": customer_id,
                    "title": f"{rng.choice(PRODUCTS[lang])} — {customer_name}"[:300],
                    "stage": stage, "amount_minor": amount_minor, "currency": deal_currency,
                    "probability": None, "expected_close": expected, "owner_id": owner,
                    "lost_reason": rng.choice(("price", "timing", "competitor", "no budget"))
                    if stage == "lost" else None,
                    "created_at": created, "updated_at": updated,
                    "closed_at": updated if stage in ("won", "lost") else None,
                })
        deal_ids = _insert_returning_ids(connection, Deal, deal_rows)
        counts["deal"] = len(deal_ids)
        change_rows = [{
            "team_id": team_id, "deal_id": deal_id, "from_stage": None, "to_stage": row["stage"],
            "at": row["updated_at"], "member_id": row["owner_id"],
        } for deal_id, row in zip(deal_ids, deal_rows)]
        del deal_rows
        counts["stagechange"] = _insert(connection, StageChange, change_rows)
        del change_rows

        # -- interactions, in slices so memory stays flat --------------------------------
        pick_channel = _Weighted(rng, CHANNELS, CHANNEL_WEIGHTS)
        window = 180 * 86400
        batch: list[dict[str, Any]] = []
        n_reps = len(rep_ids)
        for index, customer_id in enumerate(customer_ids):
            lang, customer_owner, customer_name = customer_meta[index]
            notes = NOTES[lang]
            contacts = contacts_of[index]
            for _ in range(interactions_per_customer):
                r = rng.random()
                batch.append({
                    "team_id": team_id, "customer_id": customer_id,
                    "contact_id": contacts[int(r * len(contacts))] if contacts and r < 0.999 else None,
                    "member_id": customer_owner if rng.random() < 0.7 else rep_ids[int(rng.random() * n_reps)],
                    "note_id": None, "channel": pick_channel(),
                    "text": notes[int(rng.random() * len(notes))].format(c=customer_name),
                    "at": now - timedelta(seconds=int(rng.random() * window)),
                })
            if len(batch) >= CHUNK:
                counts["interaction"] += _insert(connection, Interaction, batch)
                batch = []
        if batch:
            counts["interaction"] += _insert(connection, Interaction, batch)
        batch = []

        # -- a few open follow-ups -------------------------------------------------------
        followup_rows = []
        for index, customer_id in enumerate(customer_ids):
            if rng.random() < 0.1:
                lang, customer_owner, _name = customer_meta[index]
                followup_rows.append({
                    "team_id": team_id, "customer_id": customer_id, "member_id": customer_owner,
                    "note_id": None, "due": today + timedelta(days=int(rng.random() * 29) - 7),
                    "what": rng.choice(FOLLOWUPS[lang]), "done_at": None, "created_at": now,
                })
        counts["followup"] = _insert(connection, FollowUp, followup_rows)
        if connection.dialect.name == "postgresql":
            # fresh statistics, so the first report after a seed gets a sensible plan
            connection.execute(text("ANALYZE team, member, identity, customer, contact, deal, "
                                    "stagechange, interaction, followup"))
    return counts


def _members(connection: Connection, rng: Random, team_id: int, team_name: str, reps: int,
             now: datetime, counts: dict[str, int]) -> tuple[list[int], int]:
    """The team's seeded reps and manager: reused by console id when present, else created."""
    identity = Identity.__table__
    taken = {ext: (team, member) for ext, team, member in connection.execute(
        select(identity.c.external_id, identity.c.team_id, identity.c.member_id)
        .where(identity.c.platform == "console"))}
    prefix = f"{_slug(team_name)}-"
    wanted = [(f"rep{i}", "rep") for i in range(1, reps + 1)] + [("manager", "manager")]
    slots: list[int | None] = []  # member ids in the order of `wanted`; None until created
    new: list[tuple[int, str, str, str]] = []  # slot, external id, role, name
    for external, role in wanted:
        for candidate in (external, prefix + external):
            holder = taken.get(candidate)
            if holder is None:
                new.append((len(slots), candidate, role, REP_NAMES[rng.randrange(len(REP_NAMES))]))
                slots.append(None)
                break
            if holder[0] == team_id:
                slots.append(holder[1])
                break
        else:
            raise ValueError(f"console id {external!r} is taken by another team twice over")
    if new:
        member_ids = _insert_returning_ids(connection, Member, [
            {"team_id": team_id, "name": name, "role": role, "timezone": None, "language": None,
             "created_at": now}
            for _slot, _ext, role, name in new])
        _insert(connection, Identity, [
            {"team_id": team_id, "member_id": member_id, "platform": "console",
             "external_id": ext, "chat_id": None, "reachable": True, "created_at": now}
            for member_id, (_slot, ext, _role, _name) in zip(member_ids, new)])
        counts["member"] = counts["identity"] = len(member_ids)
        for member_id, (slot, _ext, _role, _name) in zip(member_ids, new):
            slots[slot] = member_id
    rep_ids = [m for m in slots[:-1] if m is not None]
    manager_id = slots[-1] or 0
    return rep_ids, manager_id
