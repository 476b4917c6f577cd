"""A note the rules read as several customers is sent to the model too, with the rules' split shown; the
customer the model names confirms or corrects the split (handlers/understanding/llm/parts.py)."""
from __future__ import annotations

import pytest

from handlers.understanding import understand
from handlers.understanding.hybrid import understand_hybrid_ex
from handlers.understanding.llm.parts import UNCONFIRMED
from tests.fakes.openai_server import openai_server, reply  # noqa: F401
from tests.handlers.test_llm import GOOD, NOW, client

KNOWN = ["Kestrel Logistics Ltd", "Oakfield Builders", "Redstone Clinics", "华泰物流有限公司", "凯力液压", "华信电子",
         "ООО «Уралмаш Сервис»", "АО «Северный Порт»"]
NOTHING = {**GOOD, "customer": None, "channel": None, "stage": None}
RECAPS = [
    ("recap thu: Kestrel - dropped by, Tom wants a quote for 40 pallets; Oakfield - rang twice, no answer",
     {"lang": "en", "customer": "Kestrel Logistics Ltd", "contact": "Tom", "channel": "visit", "stage": "qualified"},
     "Oakfield Builders"),
    ("итоги дня: Уралмаш — был у них, Олег просит КП на 300 тыс; Северный Порт — не дозвонился",
     {"lang": "ru", "customer": "ООО «Уралмаш Сервис»", "contact": "Олег", "channel": "visit", "stage": "proposal",
      "amount": 300000, "currency": "RUB"}, "АО «Северный Порт»"),
    ("今日小结：华泰物流 拜访了王经理 要报价 30万；凯力液压 电话没人接",
     {"lang": "zh", "customer": "华泰物流有限公司", "contact": "王经理", "channel": "visit", "stage": "qualified",
      "amount": 300000, "currency": "CNY"}, "凯力液压"),
]


async def ask(server, text: str, answer: dict):
    server.script(reply({**NOTHING, **answer}))
    return await understand_hybrid_ex(text, NOW, KNOWN, None, client(server), "auto")


@pytest.mark.parametrize(("text", "answer", "second"), RECAPS)
async def test_a_recap_is_sent_and_the_model_reads_its_first_customer(openai_server, text, answer, second):
    assert understand(text, NOW, KNOWN).others           # the rules read it part by part
    outcome = await ask(openai_server, text, answer)
    assert outcome.source == "llm" and openai_server.calls == 1, outcome.error
    assert "several customers, in turn" in openai_server.requests[0]["messages"][1]["content"]
    parse = outcome.parse
    assert (parse.customer, parse.contact, parse.stage) == (answer["customer"], answer["contact"], answer["stage"])
    [other] = parse.others
    assert other.customer == second and other.channel == "call" and UNCONFIRMED not in other.problems
    assert parse.words and second[:3] not in parse.words        # each part keeps its own words


async def test_the_part_the_model_names_comes_first_and_another_part_s_amount_stays_its_own(openai_server):
    text, _, _ = RECAPS[1]
    outcome = await ask(openai_server, text, {"lang": "ru", "customer": "АО «Северный Порт»", "channel": "call",
                                              "amount": 300000, "currency": "RUB"})
    parse = outcome.parse
    assert parse.customer == "АО «Северный Порт»" and parse.channel == "call"
    assert parse.amount is None                     # the 300 тыс is Уралмаш's, as the rules read it
    [other] = parse.others
    assert other.customer == "ООО «Уралмаш Сервис»" and other.amount == 300000 and other.words.startswith("Уралмаш")


WHOLE = [     # every part the rules cut is a new name; the model names the note's customer, written before them
    ("notes for the Bellhaven job: Bluebird wing - wants samples; Zumba annex - maybe later",
     {"lang": "en", "customer": "Bellhaven", "stage": "qualified"}),
    ("заметки по Грин Парку: Ромашка — ждут образцы; Лютик — позже",
     {"lang": "ru", "customer": "Грин Парк", "stage": "qualified"}),
]


@pytest.mark.parametrize(("text", "answer"), WHOLE)
async def test_a_split_into_new_names_only_is_one_note_for_the_model_s_customer(openai_server, text, answer):
    offline = understand(text, NOW, KNOWN)
    assert offline.others and not any(p.customer_known for p in (offline, *offline.others))
    outcome = await ask(openai_server, text, answer)
    parse = outcome.parse
    assert outcome.source == "llm" and not parse.others and parse.words is None
    assert (parse.customer, parse.stage) == (answer["customer"], "qualified")


async def test_a_forwarded_mail_and_its_tail_are_one_note_with_the_model_s_amount(openai_server):
    """The rep's words after a forwarded mail ("所以算签了吧 金额还是46.8万") are the note's own, never a new company
    ("所以算"): the rules read one note for 华信电子, and the model's amount and stage stand."""
    text = ("转一下华信的邮件\n-----原始邮件-----\n发送时间：2026年11月20日 10:52\n主题：合同盖章\n"
            "合同已盖章寄出，请查收。\n-----\n所以算签了吧 金额还是46.8万")
    offline = understand(text, NOW, KNOWN)
    assert (offline.customer, offline.others) == ("华信电子", [])
    outcome = await ask(openai_server, text, {"lang": "zh", "customer": "华信电子", "channel": "email", "stage": "won",
                                              "amount": 468000, "currency": "CNY"})
    parse = outcome.parse
    assert (parse.customer, parse.stage, parse.amount) == ("华信电子", "won", 468000)
    assert not any(p.customer == "所以算" for p in parse.others)


async def test_a_tail_under_a_new_name_is_not_recorded_and_its_amount_is_the_model_s(openai_server):
    """A tail the rules cut under a new name ("所以算") that the model does not confirm is no part to record."""
    text = "华信电子签了，46.8万\n-----\n所以算签了吧 金额还是46.8万"
    assert [p.customer for p in (lambda o: (o, *o.others))(understand(text, NOW, KNOWN))] == ["华信电子", "所以算"]
    outcome = await ask(openai_server, text, {"lang": "zh", "customer": "华信电子", "stage": "won",
                                              "amount": 468000, "currency": "CNY"})
    parse = outcome.parse
    assert (parse.customer, parse.stage, parse.amount) == ("华信电子", "won", 468000)
    [tail] = parse.others
    assert UNCONFIRMED in tail.problems

MISSED = [   # the rules' first part is a known customer's; the model names another known customer they missed
    ("итог дня: / 1. Находка (судоремонт) — подписали акт / 2. ДальКонт — Ирина в отпуске до 18-го / "
     "3. Уралмаш — ждут КП",
     {"lang": "ru", "customer": "АО «Находкинский Судоремонтный Завод»", "stage": "won"},
     ["ООО «ДальКонтейнер»", "ООО «Уралмаш Сервис»"]),
    ("今天跑了三家 晶采、顺达、宏昇。晶采那边要再改规格；顺达的黄小姐说预算要等到十月；宏昇没见到人 明天再去",
     {"lang": "zh", "customer": "台北晶采光电股份有限公司", "channel": "visit"},
     ["桃园顺达包装有限公司", "台中宏昇机械工业股份有限公司"]),
]
MORE = ["АО «Находкинский Судоремонтный Завод»", "ООО «ДальКонтейнер»", "台北晶采光电股份有限公司",
        "桃园顺达包装有限公司", "台中宏昇机械工业股份有限公司"]


@pytest.mark.parametrize(("text", "answer", "parts"), MISSED)
async def test_a_known_customer_the_split_missed_is_a_part_of_its_own(openai_server, text, answer, parts):
    known = [*KNOWN, *MORE]
    assert [p.customer for p in (lambda o: (o, *o.others))(understand(text, NOW, known))] == parts
    openai_server.script(reply({**NOTHING, **answer}))
    outcome = await understand_hybrid_ex(text, NOW, known, None, client(openai_server), "auto")
    parse = outcome.parse
    assert outcome.source == "llm" and parse.customer == answer["customer"] and parse.contact is None
    assert [p.customer for p in parse.others] == parts and parse.words is None   # the whole note's words
    assert parse.others[0].contact is not None and all(UNCONFIRMED not in p.problems for p in parse.others)


async def test_a_new_name_no_part_has_beside_known_parts_leaves_the_split(openai_server):
    text = "recap: Kestrel - Tom wants a quote, Bluebird Cafe next door too; Oakfield - no answer"
    outcome = await ask(openai_server, text, {"lang": "en", "customer": "Bluebird Cafe", "stage": "qualified"})
    assert outcome.error == "split_kept" and outcome.source == "offline"
    assert [p.customer for p in (outcome.parse, *outcome.parse.others)] == ["Kestrel Logistics Ltd",
                                                                            "Oakfield Builders"]


async def test_a_new_name_the_model_does_not_confirm_is_marked(openai_server):
    text = "recap: Kestrel - Tom wants a quote; Zumba Hut - new, quoted 500"
    offline = understand(text, NOW, KNOWN)
    assert [p.customer_known for p in (offline, *offline.others)] == [True, False]
    outcome = await ask(openai_server, text, {"lang": "en", "customer": "Kestrel Logistics Ltd", "contact": "Tom",
                                              "stage": "qualified"})
    [other] = outcome.parse.others
    assert UNCONFIRMED in other.problems and UNCONFIRMED not in outcome.parse.problems
