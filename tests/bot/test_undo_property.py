"""A property of undo, tried on random conversations: after each undo the business tables are
exactly what they were before the note it took back.

A rep chats with the bot through the console adapter (the real pipeline), in English, Chinese and
Russian, writing notes of every kind — new customers and contacts, contact facts, quotes and stage
moves forward, won and lost, a new deal beside a won one, amount changes, follow-ups, complaints —
notes about two customers in turn (each part under its own customer, one undo),
correcting the last note (its day, amount, stage, a contact's title, its customer), renaming a
customer, moving a named follow-up, resolving a complaint, pressing a reminder's Done
and Snooze buttons, saying "done 2" after a listing, letting time pass, and undoing (by word or
button) whenever it likes, several times in a row. Each note that wrote something pushes the
store it found; each undo pops it and compares, column by column. No reply is ever an error.

Examples per run: CRM_UNDO_EXAMPLES (default 8) and steps per example CRM_UNDO_STEPS (default 14);
`CRM_UNDO_EXAMPLES=300 pytest tests/bot/test_undo_property.py` is the deeper run.
"""
from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from contextlib import ExitStack
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule, \
    run_state_machine_as_test
from sqlalchemy import select, text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel, col

from bot.adapters.console import Console
from bot.pipeline import Bot
from bot.settings import Settings
from handlers.ask import PICK
from handlers.texts import registered
from storage import clock as store_clock
from storage.engine import get_engine, make_engine
from storage.models import FollowUp
from tests.bot.conftest import Clock
from tests.bot.records import business, difference, focus
from tests.conftest import PG_URL

EXAMPLES = int(os.environ.get("CRM_UNDO_EXAMPLES", "8"))
STEPS = int(os.environ.get("CRM_UNDO_STEPS", "14"))

# Customers of each language: the name as written, and the Russian genitive ("у Вектора").
FIRMS = {"en": ["Globex", "Initech", "Umbrella Corp"], "zh": ["星辰科技", "蓝海物流"],
         "ru": [("Вектор", "Вектора"), ("Альтаир", "Альтаира")]}
PEOPLE = {"en": ["Maria Lopez", "Tom Baker"], "zh": ["王总", "李经理"], "ru": [("Анна", "Анной"), ("Олег", "Олегом")]}
ROLES = {"en": ["CFO", "head of IT"], "zh": ["财务总监"], "ru": ["финдиректор"]}

# Each template a kind of change (timed reminders and refused values among them); {c} customer, {g} its
# genitive, {p} person ({i} in the instrumental), {r} role, {n} a number, {d} a day of the month, {h} an hour.
TEMPLATES: dict[str, list[str]] = {
    "en": ["Visited {c}, met {p} ({r})", "Visited {c}, sent quote {n}k", "{c} moved to negotiation",
           "{c} signed", "Lost {c}, they went with a cheaper vendor", "{c}: revised quote {n}k",
           "Called {c}, follow up Friday", "Called {c}, follow up tomorrow", "{p}'s phone is +1 415 555 01{d:02}",
           "{p}'s email is rep{d}@example.com", "{p}'s birthday is March {d}", "{c} complained about late delivery",
           "{c} asked about volume pricing", "Emailed {c} the contract, they will sign next week",
           "Called {c}, remind me to call {p} tomorrow at {h}pm", "{c}: quote -${n}00",
           "{c} signed another contract for {n}k", "{p}'s title is {r}", "{p} is the {r} at {c}",
           "{c}: {p} cell 415 555 02{d:02}"],
    "zh": ["拜访了{c}，见了{p}，{r}", "拜访了{c}，报价{n}万", "{c}进入谈判", "{c}签了", "{c}报价改成{n}万",
           "给{c}打了电话，周五跟进", "{c}投诉交货延迟", "{p}的电话是138001380{d:02}", "{c}丢单了，选了别家",
           "给{c}打了电话，明天下午{h}点跟进", "{c}又签了一单", "{p}的职位是{r}", "{p}的手机是139001390{d:02}"],
    "ru": ["Был у {g}, отправил КП на {n} тыс.", "Встретился с {i} из {g}, {r}", "{c} отказался",
           "{c}: сумма {n} млн", "Звонил в {c}, созвонимся в пятницу", "{c} подписали договор",
           "{c} пожаловался на задержку поставки", "Её телефон +7 916 123-45-{d:02}", "{c}: переговоры по договору",
           "Звонил в {c}, завтра в 1{h}:00 перезвонить", "{c}: ещё один договор подписали на {n} тыс.",
           "Её должность {r}", "Её моб. +7 916 765-43-{d:02}"],
}
# Corrections of the last note and of named records ({c} customer, {p} person, {n} a number).
CORRECTIONS: dict[str, list[str]] = {
    "en": ["no, follow up on Tuesday, not Friday", "actually the amount is {n}k, not 1k", "change {p}'s title to CEO",
           "wrong customer, it was {c}", "move the {c} follow-up to next monday",
           "{c} moved back: no, still negotiation", "complaint 1 resolved",
           "no sorry, still negotiating", "actually it was {c}", "change {p}'s title to head of sales",
           "{p} is actually the CFO", "rename {c} to {c} Group"],
    "zh": ["改到周四", "金额改成{n}万", "{p}的职位改成总监", "客户错了，是{c}", "把{c}的跟进改到下周一", "投诉1已解决",
           "搞错了，还在谈判", "其实是{c}", "{p}是总经理", "{p}其实是总经理", "把{c}改名为{c}集团"],
    "ru": ["перенеси на среду", "сумма {n} млн, а не 1", "не тот клиент, это {c}", "перенеси {c} на четверг",
           "не в пятницу, а в понедельник", "жалоба 1 решена", "ошибся, ещё торгуемся",
           "вообще-то это был {c}", "{p} на самом деле финдиректор", "переименуй {c} в {c}-Плюс"],
}
# Notes about two customers in turn, each clause its own customer's ({c} and {o}; {g} the first's genitive).
SEVERAL: dict[str, list[str]] = {
    "en": ["{c} signed {n}k, {o} pushed to january", "recap: {c} - sent quote {n}k; {o} - no answer, follow up Friday",
           "{c} wants a call tomorrow, {o} moved to negotiation", "met {p} and her boss Tom Hardy at {c}"],
    "zh": ["{c}签了{n}万，{o}推到明年", "今天：{c} 报价{n}万；{o} 没人接", "见了{c}的王总和他们的采购李娜"],
    "ru": ["подписали с {i2} {n} тыс., а {o} перенёс на январь", "итоги: {c} — КП {n} тыс.; {o} — встреча в пятницу"],
}
UNDO_WORDS = {"en": "undo", "zh": "撤销", "ru": "отмена"}
LISTS = {"en": "my follow-ups this week", "zh": "这周要跟进哪些客户", "ru": "мои напоминания на неделю"}
DONE = {"en": "done {n}", "zh": "完成 {n}", "ru": "готово {n}"}
ERRORS = [lang.say("error") for lang in registered()]


def _note(lang: str, template: str, firm: Any, person: Any, role: str, n: int, d: int) -> str:
    name, genitive = firm if isinstance(firm, tuple) else (firm, firm)
    who, instrumental = person if isinstance(person, tuple) else (person, person)
    return template.format(c=name, g=genitive, p=who, i=instrumental, r=role, n=n, d=d, h=d % 6 + 1)


@st.composite
def corrections(draw: Callable) -> str:
    lang = draw(st.sampled_from(sorted(CORRECTIONS)))
    return _note(lang, draw(st.sampled_from(CORRECTIONS[lang])), draw(st.sampled_from(FIRMS[lang])),
                 draw(st.sampled_from(PEOPLE[lang])), "", draw(st.integers(2, 90)), 1)


@st.composite
def notes(draw: Callable) -> str:
    lang = draw(st.sampled_from(sorted(TEMPLATES)))
    return _note(lang, draw(st.sampled_from(TEMPLATES[lang])), draw(st.sampled_from(FIRMS[lang])),
                 draw(st.sampled_from(PEOPLE[lang])), draw(st.sampled_from(ROLES[lang])),
                 draw(st.integers(1, 900)), draw(st.integers(1, 28)))


@st.composite
def several(draw: Callable) -> str:
    """A note about two different customers of one language."""
    lang = draw(st.sampled_from(sorted(SEVERAL)))
    first, other = draw(st.permutations(FIRMS[lang]))[:2]
    name, genitive = first if isinstance(first, tuple) else (first, first)
    other_name = other[0] if isinstance(other, tuple) else other
    person = draw(st.sampled_from(PEOPLE[lang]))
    who = person[0] if isinstance(person, tuple) else person
    instrumental = {"Вектор": "Вектором", "Альтаир": "Альтаиром"}.get(name, name)
    return draw(st.sampled_from(SEVERAL[lang])).format(c=name, g=genitive, o=other_name, p=who, i2=instrumental,
                                                         n=draw(st.integers(1, 900)))


class UndoMachine(RuleBasedStateMachine):
    """One rep's conversation on a fresh store; `fresh` (set by the test) makes the store."""

    fresh: Callable[[], tuple[str, Engine]]
    spool: Path

    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.exits = ExitStack()
        self.clock = Clock(datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc))
        self.exits.enter_context(store_clock.using(self.clock))
        url, self.engine = self.fresh()
        crm = Bot(Settings(DATABASE_URL=url, CRM_TIMEZONE="Europe/London",
                           CRM_SPOOL_PATH=str(self.spool / f"{uuid.uuid4().hex}.jsonl")), self.engine, clock=self.clock)
        self.chat = Console(crm, user="anna", name="Anna")
        self.stack: list[tuple[str, dict, dict]] = []  # (undo button data, store before, focus before)
        self.listed = 0
        self.asked = False  # the bot's "which customer?" is pending: the next undo cancels it

    def teardown(self) -> None:
        self.exits.close()
        self.loop.close()
        if not PG_URL:
            self.engine.dispose()

    def _say(self, text: str | None = None, press: str | None = None) -> Any:
        reply = self.loop.run_until_complete(self.chat.press(press) if press else self.chat.say(text or ""))
        assert not any(error in reply.text for error in ERRORS), (text or press, reply.text)
        return reply

    def _write(self, text: str | None = None, press: str | None = None) -> None:
        found, found_focus = business(self.engine), focus(self.engine)
        reply = self._say(text, press)
        asks = any(choice.data.startswith(f"{PICK}:") for choice in reply.choices)
        self.asked = asks or (self.asked and press is not None)  # a typed message lets a question lapse, a button not
        if reply.undo_token:
            self.stack.append((reply.undo_token, found, found_focus))
        elif not press:
            assert difference(found, business(self.engine)) == [], (text, reply.text)  # no record, no write
        self.listed = 0

    @initialize(first=notes())
    def start(self, first: str) -> None:
        self._write(first)

    @rule(batch=st.lists(st.one_of(notes(), several()), min_size=1, max_size=4),
          minutes=st.sampled_from([1, 4, 25, 90]))
    def write_notes(self, batch: list[str], minutes: int) -> None:
        for note in batch:
            self.clock.advance(minutes=minutes)
            self._write(note)

    @rule(correction=corrections(), minutes=st.sampled_from([1, 4]))
    def correct(self, correction: str, minutes: int) -> None:
        """A correction writes under a note of its own (undone like any), or writes nothing."""
        self.clock.advance(minutes=minutes)
        self._write(correction)

    @rule(data=st.data(), days=st.sampled_from([1, 7]))
    def press_a_reminder_button(self, data: st.DataObject, days: int) -> None:
        with self.engine.connect() as connection:
            open_ = list(connection.execute(select(col(FollowUp.id)).where(col(FollowUp.done_at).is_(None))
                                            .order_by(col(FollowUp.id))).scalars())
        if not open_:
            return
        chosen = data.draw(st.sampled_from(open_))
        self.clock.advance(minutes=30)
        self._write(press=data.draw(st.sampled_from([f"done:{chosen}", f"snooze:{chosen}:{days}"])))

    @rule(lang=st.sampled_from(sorted(LISTS)))
    def list_follow_ups(self, lang: str) -> None:
        found = business(self.engine)
        reply = self._say(LISTS[lang])
        self.asked = False
        assert difference(found, business(self.engine)) == []  # a question never writes
        self.listed = sum(1 for choice in reply.choices if choice.data.startswith("done:"))

    @precondition(lambda self: self.listed > 0)
    @rule(data=st.data(), lang=st.sampled_from(sorted(DONE)))
    def say_done_by_number(self, data: st.DataObject, lang: str) -> None:
        self._write(DONE[lang].format(n=data.draw(st.integers(1, self.listed))))

    @rule(langs=st.lists(st.sampled_from(sorted(UNDO_WORDS)), min_size=1, max_size=3), by_button=st.booleans())
    def undo(self, langs: list[str], by_button: bool) -> None:
        for lang in langs:
            self.clock.advance(minutes=2)
            if self.asked:                      # undo while asked cancels the question, writes nothing
                found = business(self.engine)
                reply = self._say(UNDO_WORDS[lang])
                assert not reply.wrote, reply.text
                assert difference(found, business(self.engine)) == []
                self.asked = False
                continue
            if not self.stack:
                found = business(self.engine)
                self._say(UNDO_WORDS[lang])
                assert difference(found, business(self.engine)) == []
                return
            token, found, found_focus = self.stack.pop()
            standing = business(self.engine)
            reply = self._say(press=token) if by_button else self._say(UNDO_WORDS[lang])
            confirm = [c.data for c in reply.choices if c.data.startswith("undo:") and c.data[5:].isdigit()]
            if not reply.wrote and confirm:     # "отмена" long after the note: named and asked first
                assert difference(standing, business(self.engine)) == []
                reply = self._say(press=confirm[0])
            assert reply.wrote, reply.text  # the latest note of a lone rep can always be undone
            assert difference(found, business(self.engine)) == []
            assert focus(self.engine) == found_focus
            self.listed = 0

    @invariant()
    def notes_stand_or_are_undone_whole(self) -> None:
        with self.engine.connect() as connection:
            half = connection.execute(text(
                "SELECT count(*) FROM interaction i JOIN note n ON n.id = i.note_id WHERE n.undone_at IS NOT NULL"
            )).scalar_one()
        assert half == 0


@pytest.fixture
def fresh(request, tmp_path) -> Callable[[], tuple[str, Engine]]:
    """A maker of empty, migrated stores: one per example."""
    if PG_URL:
        pg_url = PG_URL

        def truncated() -> tuple[str, Engine]:
            engine = get_engine(pg_url)
            tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
            with engine.begin() as connection:
                connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            return pg_url, engine
        return truncated
    template = request.getfixturevalue("_sqlite_template")

    def copied() -> tuple[str, Engine]:
        path = tmp_path / f"crm-{uuid.uuid4().hex[:8]}.db"
        shutil.copy(template, path)
        url = f"sqlite:///{path}"
        return url, make_engine(url)
    return copied


def test_after_each_undo_the_store_is_as_before_the_note(fresh, tmp_path):
    UndoMachine.fresh = staticmethod(fresh)
    UndoMachine.spool = tmp_path
    run_state_machine_as_test(UndoMachine, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))
