"""Reading an import CSV: the headers each field goes by (en/zh/ru), the stage names, the
file's encoding and delimiter, dates and amounts as people write them, and the checks a row
must pass: malformed CSV (unclosed quotes, binary content) and spreadsheet formulas are row
errors with their line. `storage.importer` writes what passes."""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Callable

from storage.csv_safety import formula_like
from storage.vocabulary import Stage

CUSTOMER = "customer"
REF = "ref"  # the row's number in the store (as `crmbot export` writes it): the row to update
_REF = ("ref", "#", "no", "row", "编号", "序号", "№", "номер")
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "customers": {
        REF: _REF,
        "name": ("name", "company", "company name", "customer", "customer name", "client", "account", "organization",
                 "公司", "公司名称", "客户", "客户名称", "名称", "企业名称", "компания", "клиент", "название",
                 "наименование", "организация"),
        "source": ("source", "lead source", "来源", "客户来源", "线索来源", "источник", "источник клиента"),
        "segment": ("segment", "type", "category", "industry", "分类", "客户类型", "行业", "сегмент", "категория",
                    "отрасль"),
        "aliases": ("alias", "aliases", "short name", "别名", "简称", "псевдоним", "краткое название"),
        "custom": ("custom", "custom fields", "other", "自定义字段", "其他", "доп. поля", "дополнительно"),
        "owner": ("owner", "rep", "sales rep", "负责人", "销售", "ответственный", "менеджер"),
    },
    "contacts": {
        REF: _REF,
        CUSTOMER: ("customer", "company", "company name", "account", "client", "organization", "公司", "公司名称",
                   "客户", "客户名称", "компания", "клиент", "организация"),
        "name": ("name", "contact", "contact name", "full name", "person", "联系人", "姓名", "контакт", "фио", "имя"),
        "role": ("role", "title", "position", "job title", "职位", "职务", "должность"),
        "phone": ("phone", "tel", "telephone", "mobile", "电话", "手机", "телефон", "мобильный"),
        "email": ("email", "e-mail", "mail", "邮箱", "电子邮件", "почта", "эл. почта", "email адрес"),
        "birthday": ("birthday", "birth date", "date of birth", "生日", "出生日期", "день рождения", "дата рождения"),
    },
    "deals": {
        REF: _REF,
        CUSTOMER: ("customer", "company", "account", "client", "organization", "公司", "客户", "客户名称",
                   "компания", "клиент", "организация"),
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
        "closed_on": ("closed on", "closed", "closed at", "date closed", "won on", "实际成交日期", "关闭日期",
                      "结单日期", "закрыта", "дата фактического закрытия", "фактическая дата закрытия"),
    },
    "followups": {
        REF: _REF,
        CUSTOMER: ("customer", "company", "account", "client", "公司", "客户", "компания", "клиент"),
        "due": ("due", "due date", "date", "when", "到期日", "日期", "跟进日期", "срок", "дата"),
        "what": ("what", "task", "next step", "follow up", "待办", "跟进内容", "内容", "задача", "что сделать"),
        "owner": ("owner", "rep", "who", "负责人", "销售", "ответственный", "менеджер"),
        "done_on": ("done on", "done", "completed", "完成日期", "已完成", "выполнено", "дата выполнения"),
    },
}
REQUIRED = {"customers": ("name",), "contacts": (CUSTOMER, "name"), "deals": (CUSTOMER,),
            "followups": (CUSTOMER, "due", "owner")}
DATES = ("expected_close", "closed_on", "due", "done_on")  # the date columns of any kind
STAGES: dict[Stage, tuple[str, ...]] = {
    Stage.LEAD: ("lead", "new", "线索", "新线索", "лид", "новая"),
    Stage.QUALIFIED: ("qualified", "已确认需求", "确认需求", "квалифицирована", "квалификация"),
    Stage.PROPOSAL: ("proposal", "quote", "quoted", "报价", "已报价", "方案", "кп", "кп отправлено", "предложение"),
    Stage.NEGOTIATION: ("negotiation", "谈判", "谈判中", "переговоры"),
    Stage.WON: ("won", "closed won", "成交", "已成交", "赢单", "выиграна", "успешно", "выиграно"),
    Stage.LOST: ("lost", "closed lost", "丢单", "已丢单", "输单", "проиграна", "проиграно", "отказ"),
}
MAX_AMOUNT = Decimal(10) ** 13  # ten trillion in major units: far beyond a deal, well inside a BIGINT of minor units
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def fold(text: str) -> str:
    """`text` as headers and names compare: NFKC, case-folded, separators as one space."""
    return re.sub(r"[\s_\-:：]+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


STAGE_OF = {fold(v): k for k, vs in STAGES.items() for v in vs}


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), else GB18030, else CP1251."""
    for encoding in ("utf-8-sig", "gb18030", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


class Unreadable(ValueError):
    """The file is not a CSV text this import can read at all (`line` says where it stops making sense)."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def read_rows(data: bytes) -> tuple[list[tuple[int, list[str]]], list[tuple[int, str, str]]]:
    """The file's records, each with the line it starts on (the header is line 1), and the problems
    found reading it: (line, field, reason). A binary file (a spreadsheet's .xlsx, a picture) is one
    problem on line 1. A record whose cell holds a line break (an unclosed quote merges the lines after
    it into one cell) is a problem on the line it starts, never a row quietly made of several; an
    unclosed quote that runs to the end of the file stops the reading there."""
    if b"\x00" in data[:65536]:
        raise Unreadable(1, "this is not a CSV text file (binary content: save the sheet as CSV UTF-8)")
    text = decode(data)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect, strict=True)
    rows: list[tuple[int, list[str]]] = []
    problems: list[tuple[int, str, str]] = []
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append((start, "-", f"not valid CSV from here on ({exc}): an unclosed or stray quote?"))
            break
        if any("\n" in cell or "\r" in cell for cell in cells):
            problems.append((start, "-", f"a line break inside a cell (lines {start}–{reader.line_num} read as "
                                         "one row): an unclosed quote?"))
        elif any(_BINARY.search(cell) for cell in cells):
            problems.append((start, "-", "control characters or bytes that are not text"))
        else:
            rows.append((start, cells))
        start = reader.line_num + 1
    if not rows and not problems:
        return [], []
    return rows, problems


def parse_date(value: str) -> date:
    """A date as people write it (ISO, dotted, slashed, 年月日); ValueError otherwise."""
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d", "%m/%d/%Y", "%Y年%m月%d日"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError("not a date (use YYYY-MM-DD)")


def parse_amount(value: str) -> int:
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
    if number > MAX_AMOUNT:
        raise ValueError(f"too large (at most {MAX_AMOUNT:,})")
    return int((number * 100).to_integral_value())


def check_row(kind: str, values: dict[str, str], members: dict[str, int]) -> list[tuple[str, str]]:
    """What is wrong with one row of `kind`: (field, reason) pairs, none when it can be written."""
    problems = [(f, "empty") for f in REQUIRED[kind] if not values.get(f)]
    problems += [(f, f"starts with {v.lstrip()[0]!r}: a spreadsheet would run it as a formula (remove that "
                     "character, or write the value as text)") for f, v in values.items() if formula_like(v)]
    if values.get("owner") and fold(values["owner"]) not in members:
        problems.append(("owner", f"no member called {values['owner']!r}"))
    if values.get(REF) and not values[REF].lstrip("#").isdigit():
        problems.append((REF, "a row number written by crmbot export (leave it as it is, or empty for a new row)"))
    for field in DATES:
        if field != "expected_close":
            problems += _read_as(values, field, parse_date)
    if kind == "contacts":
        problems += _contact_problems(values)
    if kind == "deals":
        problems += _deal_problems(values)
    return problems


def _read_as(values: dict[str, str], field: str, read: Callable[[str], object]) -> list[tuple[str, str]]:
    """The field's problem when it is written and `read` refuses it (ValueError says why)."""
    if not values.get(field):
        return []
    try:
        read(values[field])
    except ValueError as exc:
        return [(field, str(exc))]
    return []


def _contact_problems(values: dict[str, str]) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if values.get("email") and not _EMAIL.match(values["email"]):
        problems.append(("email", "not an email address"))
    return problems + _read_as(values, "birthday", birthday)


def _deal_problems(values: dict[str, str]) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if values.get("stage") and fold(values["stage"]) not in STAGE_OF:
        problems.append(("stage", f"unknown stage {values['stage']!r} (lead, qualified, proposal, "
                                  "negotiation, won, lost)"))
    problems += _read_as(values, "amount", parse_amount) + _read_as(values, "expected_close", parse_date)
    if values.get("currency") and not re.fullmatch(r"[A-Za-z]{3}", values["currency"]):
        problems.append(("currency", "not a three-letter code such as USD"))
    if values.get("probability"):
        try:
            if not 0 <= int(values["probability"].rstrip("%")) <= 100:
                raise ValueError
        except ValueError:
            problems.append(("probability", "a whole number from 0 to 100"))
    return problems


def birthday(value: str) -> tuple[int, int]:
    """(month, day) from "MM-DD" or a full date; ValueError otherwise."""
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2})", value)
    if match:
        month, day = int(match.group(1)), int(match.group(2))
        date(2000, month, day)
        return month, day
    parsed = parse_date(value)
    return parsed.month, parsed.day
