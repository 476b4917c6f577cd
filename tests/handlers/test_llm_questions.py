"""A message written as a question is what the model says it is, even where the rules read a note that
records something; a question said beside a note keeps the note (hybrid.asking)."""
from __future__ import annotations

import pytest

from handlers.understanding import understand
from handlers.understanding.hybrid import records, understand_hybrid_ex
from tests.fakes.openai_server import openai_server, reply  # noqa: F401
from tests.handlers.test_llm import GOOD, KNOWN, NOW, client

ALSO = [*KNOWN, "华泰物流", "凯力液压"]
ASKED = [
    ("кому из Редстоуна звонили на прошлой неделе", "ru", "query_customer", "Redstone Clinics"),
    ("华泰物流 以前有人拜访过吗 我下周想去", "zh", "query_customer", "华泰物流"),
    ("凯力液压 下周二去拜访的时候该找谁", "zh", "query_customer", "凯力液压"),
]


@pytest.mark.parametrize(("text", "lang", "intent", "customer"), ASKED)
async def test_a_note_written_as_a_question_is_what_the_model_says(openai_server, text, lang, intent, customer):
    offline = understand(text, NOW, ALSO)
    assert offline.intent == "log" and records(offline)      # the rules read a note that records something
    openai_server.script(reply({**GOOD, "lang": lang, "intent": intent, "customer": customer, "channel": None,
                                "stage": None}))
    outcome = await understand_hybrid_ex(text, NOW, ALSO, None, client(openai_server), "auto")
    assert outcome.source == "llm" and outcome.error is None
    assert outcome.parse.intent == intent and outcome.parse.customer == customer


@pytest.mark.parametrize("text", ["met Tom at Kestrel yesterday. btw who handles their invoices?",
                                  "был у Редстоуна вчера, говорил с Олегом. кстати, кто у них платит счета?"])
async def test_a_question_beside_a_note_keeps_the_note(openai_server, text):
    offline = understand(text, NOW, ALSO)
    assert offline.intent == "log" and records(offline)
    openai_server.script(reply({**GOOD, "lang": offline.lang, "intent": "query_customer", "customer": None,
                                "channel": None, "stage": None}))
    outcome = await understand_hybrid_ex(text, NOW, ALSO, None, client(openai_server), "auto")
    assert outcome.error == "note_kept" and outcome.parse.intent == "log"


@pytest.mark.parametrize(("text", "asked"), [
    ("凯力液压 之前我们有人跟过吗 展会上聊得挺好", True),       # "has anyone of us … before?", whatever follows
    ("周一一早要先联系谁", True),                                # "who …" ending the message
    ("不知道谁负责这个项目 下周再去华泰物流问问", False),         # "who" inside a note asks nothing
    ("拜访了华泰物流 见了王经理。对了 他们的发票谁负责？", False),  # a question beside a note
])
def test_chinese_question_forms_the_chat_reads(text, asked):
    from handlers.understanding.hybrid import asking

    assert asking(text, "zh") is asked
