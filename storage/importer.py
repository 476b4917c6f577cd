"""CSV import of customers, contacts and deals: headers in en/zh/ru, row-level errors, all or nothing.
A dry run checks every row and writes nothing; otherwise every row is written, or none when any row
has an error. Customers match existing ones (and earlier rows) by `name_key`, names and aliases alike;
contacts and deals naming an unknown customer create it."""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from storage.customers import name_key
from storage.models import Contact, Customer, CustomerAlias, Deal, Member, StageChange, utcnow

_C = "customer"
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "customers": {
        "name": ("name", "company", "company name", "customer", "customer name", "client", "account", "organization",
                 "公司", "公司名称", "客户", "客户名称", "名称", "企业名称", "компания", "клиент", "название",
                 "наименование", "организация"),
        "source": ("source", "lead source", "来源", "客户来源", "线索来源", "источник", "источник клиента"),
        "segment": ("segment", "type", "category", "industry", "分类", "客户类型", "行业", "сегмент", "категория",
                    "отрасль"),
        "aliases": ("alias", "aliases", "short name", "别名", "简称", "псевдоним", "краткое название"),
        "owner": ("owner", "rep", "sales rep", "负责人", "销售", "ответственный", "менеджер"),
    },
    "contacts": {
        _C: ("customer", "company", "company name", "account", "client", "organization", "公司", "公司名称", "客户",
             "客户名称", "компания", "клиент", "организация"),
        "name": ("name", "contact", "contact name", "full name", "person", "联系人", "姓名", "контакт", "фио", "имя"),
        "role": ("role", "title", "position", "job title", "职位", "职务", "должность"),
        "phone": ("phone", "tel", "telephone", "mobile", "电话", "手机", "телефон", "мобильный"),
        "email": ("email", "e-mail", "mail", "邮箱", "电子邮件", "почта", "эл. почта", "email адрес"),
        "birthday": ("birthday", "birth date", "date of birth", "生日", "出生日期", "день рождения", "дата рождения"),
    },
    "deals": {
        _C: ("customer", "company", "account", "client", "organization", "公司", "客户", "客户名称", "компания",
             "клиент", "организация"),
        "title": ("title", "deal", "deal name", "name", "opportunity", "商机", "项目", "商机名称", "сделка",
                  "название", "название сделки"),
        "stage": ("stage", "status", "阶段", "状态", "销售阶段", "этап", "стадия", "статус"),
        "amount": ("amount", "value", "sum", "deal value", "金额", "合同金额", "сумма", "сумма сделки"),
        "currency": ("currency", "币种", "货币", "валюта"),
        "probability": ("probability", "概率", "成交概率", "вероятность"),
        "expected_close": ("expected close", "close date", "expected close date", "closing date", "预计成交日期",
                           "成交日期", "预计成交", "дата закрытия", "ожидаемая дата закрытия"),
        "owner": ("owner", "rep", "sales rep", "负责人", "销售", "ответственный", "менеджер"),
        "lost_reason": ("lost reason", "reason", "丢单原因", "причина", "причина проигрыша"),
    },
}
REQUIRED = {"customers": ("name",), "contacts": (_C, "name"), "deals": (_C,)}
STAGES = {
    "lead": ("lead", "new", "线索", "新线索", "лид", "новая"),
    "qualified": ("qualified", "已确认需求", "确认需求", "квалифицирована", "квалификация"),
    "proposal": ("proposal", "quote", "quoted", "报价", "已报价", "方案", "кп", "кп отправлено", "предложение"),
    "negotiation": ("negotiation", "谈判", "谈判中", "переговоры"),
    "won": ("won", "closed won", "成交", "已成交", "赢单", "выиграна", "успешно", "выиграно"),
    "lost": ("lost", "closed lost", "丢单", "已丢单", "输单", "проиграна", "проиграно", "отказ"),
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _fold(text: str) -> str:
    return re.sub(r"[\s_\-:：]+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


_STAGE = {_fold(v): k for k, vs in STAGES.items() for v in vs}


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _reader(text: str) -> csv.reader:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(text), dialect)


def _date(value: str) -> date:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d", "%m/%d/%Y", "%Y年%m月%d日"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError("not a date (use YYYY-MM-DD)")


def _amount(value: str) -> int:
    """"40,000", "1 200 000", "12,50" (a decimal comma), "$1,234.50" → minor units."""
    text = re.sub(r"[\s\u00a0_$€¥₽£']", "", value)
    if "," in text and ("." in text or re.fullmatch(r"\d{1,3}(,\d{3})+", text)):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError("not a number") from exc
    if not number.is_finite() or number < 0:
        raise ValueError("must be a positive number")
    return int((number * 100).to_integral_value())


def import_csv(session, team_id: int, kind: str, data: bytes, dry_run: bool = False,
               now: datetime | None = None) -> dict[str, Any]:
    """Check (and unless `dry_run` or any error, write) one CSV file of `kind`: customers, contacts, deals.

    Returns {"kind", "rows", "errors": [{"line", "field", "reason"}], "created": {table: n},
    "matched": customers matched to existing ones, "written": bool, "summary": text}.
    Lines are counted as in the file (the header is line 1).
    """
    if kind not in HEADERS:
        raise ValueError(f"import what? customers, contacts or deals, not {kind!r}")
    now = now or utcnow()
    rows = list(_reader(_decode(data)))
    errors: list[dict[str, Any]] = []
    if not rows:
        errors.append({"line": 1, "field": "-", "reason": "the file is empty"})
        return _result(kind, 0, errors, {}, 0, False)
    names = {_fold(alias): field for field, aliases in HEADERS[kind].items() for alias in aliases}
    columns: dict[str, int] = {}
    for index, header in enumerate(rows[0]):
        field = names.get(_fold(header))
        if field and field not in columns:
            columns[field] = index
    for field in REQUIRED[kind]:
        if field not in columns:
            errors.append({"line": 1, "field": field, "reason": f"no column for {field} (headers: {', '.join(rows[0])})"})
    if errors:
        return _result(kind, len(rows) - 1, errors, {}, 0, False)

    keys: dict[str, int] = {}
    for cid, key in session.execute(select(Customer.id, Customer.name_key).where(Customer.team_id == team_id)):
        keys.setdefault(key, cid)
    for cid, key in session.execute(select(CustomerAlias.customer_id, CustomerAlias.alias_key)
                                    .where(CustomerAlias.team_id == team_id)):
        keys.setdefault(key, cid)
    members = {_fold(n): i for i, n in session.execute(select(Member.id, Member.name).where(Member.team_id == team_id))}
    plan: list[tuple[int, dict[str, Any]]] = []
    for line, raw in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in raw):
            continue
        values = {f: (raw[i].strip() if i < len(raw) else "") for f, i in columns.items()}
        row_errors = _check(kind, values, members)
        errors += [{"line": line, "field": f, "reason": r} for f, r in row_errors]
        if not row_errors:
            plan.append((line, values))

    created = {"customer": 0, "customer_alias": 0, "contact": 0, "deal": 0, "stagechange": 0}
    new_keys: dict[str, int | None] = {}  # customers this file adds: key → id (None in a dry run)
    matched = 0
    write = not dry_run and not errors
    for line, values in plan:
        name = values.get("name") if kind == "customers" else values[_C]
        key = name_key(name)
        if key in keys or key in new_keys:
            matched += 1 if key in keys else 0
            customer_id = keys.get(key) or new_keys.get(key)
            if kind == "customers" and write and key in keys:
                _fill(session, team_id, keys[key], values)
        else:
            customer_id = None
            created["customer"] += 1
            if write:
                owner = members.get(_fold(values.get("owner") or "")) if values.get("owner") else None
                row = Customer(team_id=team_id, name=name, name_key=key, source=values.get("source") or None,
                               segment=values.get("segment") or None, owner_id=owner, created_by=owner,
                               created_at=now)
                session.add(row)
                session.flush()
                customer_id = row.id
            new_keys[key] = customer_id
        if kind == "customers":
            for alias in filter(None, (a.strip() for a in re.split(r"[;|/、]", values.get("aliases") or ""))):
                if name_key(alias) not in keys and name_key(alias) not in new_keys:
                    created["customer_alias"] += 1
                    if write:
                        session.add(CustomerAlias(team_id=team_id, customer_id=customer_id, alias=alias,
                                                  alias_key=name_key(alias)))
                    new_keys[name_key(alias)] = customer_id
        elif kind == "contacts":
            created["contact"] += _contact(session, team_id, customer_id, values, now, write)
        else:
            created["deal"] += 1
            created["stagechange"] += 1
            if write:
                _deal(session, team_id, customer_id, values, members, now)
    if write:
        session.flush()
    return _result(kind, len(plan) + len({e["line"] for e in errors if e["line"] > 1}), errors,
                   {k: v for k, v in created.items() if v}, matched, write)


def _check(kind: str, values: dict[str, str], members: dict[str, int]) -> list[tuple[str, str]]:
    problems = [(f, "empty") for f in REQUIRED[kind] if not values.get(f)]
    if values.get("owner") and _fold(values["owner"]) not in members:
        problems.append(("owner", f"no member called {values['owner']!r}"))
    if kind == "contacts":
        if values.get("email") and not _EMAIL.match(values["email"]):
            problems.append(("email", "not an email address"))
        if values.get("birthday"):
            try:
                _birthday(values["birthday"])
            except ValueError as exc:
                problems.append(("birthday", str(exc)))
    if kind == "deals":
        if values.get("stage") and _fold(values["stage"]) not in _STAGE:
            problems.append(("stage", f"unknown stage {values['stage']!r} (lead, qualified, proposal, "
                                      "negotiation, won, lost)"))
        for field, check in (("amount", _amount), ("expected_close", _date)):
            if values.get(field):
                try:
                    check(values[field])
                except ValueError as exc:
                    problems.append((field, str(exc)))
        if values.get("currency") and not re.fullmatch(r"[A-Za-z]{3}", values["currency"]):
            problems.append(("currency", "not a three-letter code such as USD"))
        if values.get("probability"):
            try:
                if not 0 <= int(values["probability"].rstrip("%")) <= 100:
                    raise ValueError
            except ValueError:
                problems.append(("probability", "a whole number from 0 to 100"))
    return problems


def _birthday(value: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2})", value)
    if match:
        month, day = int(match.group(1)), int(match.group(2))
        date(2000, month, day)
        return month, day
    parsed = _date(value)
    return parsed.month, parsed.day


def _fill(session, team_id: int, customer_id: int, values: dict[str, str]) -> None:
    """A customer already known: fill its source and segment where the store has none."""
    row = session.get(Customer, customer_id)
    if row is None or row.team_id != team_id:
        return
    for field in ("source", "segment"):
        if values.get(field) and not getattr(row, field):
            setattr(row, field, values[field])
    session.add(row)


def _contact(session, team_id, customer_id, values, now, write) -> int:
    if customer_id is not None:
        exists = session.execute(select(Contact.id).where(Contact.team_id == team_id,
                                                          Contact.customer_id == customer_id,
                                                          Contact.name == values["name"])).first()
        if exists:
            return 0
    if write:
        month, day = _birthday(values["birthday"]) if values.get("birthday") else (None, None)
        session.add(Contact(team_id=team_id, customer_id=customer_id, name=values["name"],
                            role=values.get("role") or None, phone=values.get("phone") or None,
                            email=values.get("email") or None, birth_month=month, birth_day=day, created_at=now))
    return 1


def _deal(session, team_id, customer_id, values, members, now) -> None:
    stage = _STAGE[_fold(values["stage"])] if values.get("stage") else "lead"
    owner = members.get(_fold(values["owner"])) if values.get("owner") else None
    minor = _amount(values["amount"]) if values.get("amount") else None
    deal = Deal(team_id=team_id, customer_id=customer_id, title=values.get("title") or None, stage=stage,
                amount_minor=minor, currency=values["currency"].upper() if values.get("currency") and minor else None,
                probability=int(values["probability"].rstrip("%")) if values.get("probability") else None,
                expected_close=_date(values["expected_close"]) if values.get("expected_close") else None,
                owner_id=owner, lost_reason=values.get("lost_reason") or None, created_at=now, updated_at=now,
                closed_at=now if stage in ("won", "lost") else None)
    session.add(deal)
    session.flush()
    session.add(StageChange(team_id=team_id, deal_id=deal.id, from_stage=None, to_stage=stage, at=now,
                            member_id=owner))


def _result(kind, rows, errors, created, matched, written) -> dict[str, Any]:
    if errors:
        summary = f"{len(errors)} problem(s) in {kind}; nothing was written. Fix them and run again."
    elif written:
        summary = f"Imported {kind}: " + (", ".join(f"{k} {v}" for k, v in created.items()) or "nothing new") + \
                  f"; {matched} matched to existing customers."
    else:
        summary = f"Dry run of {kind}: {rows} rows are fine; would add " + \
                  (", ".join(f"{k} {v}" for k, v in created.items()) or "nothing new") + \
                  f"; {matched} matched to existing customers. Nothing was written."
    return {"kind": kind, "rows": rows, "errors": errors, "created": created, "matched": matched,
            "written": written, "summary": summary}
