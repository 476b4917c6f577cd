"""A note opens a deal only when it speaks of one (an amount, a close date, a stage the words name):
a first visit or call at a new customer records the customer and the interaction, no empty lead deal,
in three languages; the pipeline and the team's activity agree, and undo takes back what was written."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Customer, Deal, Interaction
from tests.bot.records import business, difference

FIRST_CONTACT = ["Visited Umbrella Corp, met Tom Baker", "Called Initech", "拜访了蓝海物流，见了李经理",
                 "Был у Альтаира, познакомился с Олегом"]
SPOKEN = [("Called Hooli, sent the quote for $12k", "proposal"), ("Visited Soylent, new lead", "lead"),
          ("拜访了星辰科技，报价12万", "proposal"), ("Был у Вектора, отправил КП на 1,2 млн", "proposal"),
          ("Lost Kestrel Tooling, they went with a cheaper vendor", "lost")]


@pytest.mark.parametrize("note", FIRST_CONTACT)
async def test_a_first_visit_or_call_opens_no_deal(bot, store, engine, note):
    before = business(engine)
    reply = await bot.say(note)
    assert reply.wrote and store(Customer) == 1 and store(Interaction) == 1, reply.text
    assert store(Deal) == 0
    assert "lead" not in reply.text and "лид" not in reply.text and "线索" not in reply.text, reply.text
    await bot.say({"zh": "撤销", "ru": "отмена"}.get(reply.lang, "undo"))
    assert difference(before, business(engine)) == []


@pytest.mark.parametrize(("note", "stage"), SPOKEN)
async def test_a_note_that_speaks_of_a_deal_opens_it(bot, store, note, stage):
    assert (await bot.say(note)).wrote
    assert [d.stage for d in store.rows(select(Deal))] == [stage]


async def test_the_pipeline_and_the_activity_count_only_deals_spoken_of(bot):
    for note in ("Visited Umbrella Corp, met Tom Baker", "Called Initech", "Called Hooli, sent the quote for $12k"):
        await bot.say(note)
    pipeline = (await bot.say("pipeline this month")).text
    assert "Total: 1 deal, $12,000" in pipeline and "lead: 0" in pipeline, pipeline
    activity = (await bot.say("what did the team do this week")).text
    assert "deals new 1" in activity, activity
    assert "Umbrella" in (await bot.say("what do we know about umbrella corp")).text


async def test_a_later_note_with_an_amount_opens_the_deal_then(bot, store):
    await bot.say("Visited Umbrella Corp, met Tom Baker")
    assert store(Deal) == 0
    assert (await bot.say("umbrella corp: sent the quote for $8k")).wrote
    assert [(d.stage, d.amount_minor) for d in store.rows(select(Deal))] == [("proposal", 800_000)]


@pytest.mark.parametrize(("ask", "words"), [("pipeline this month", "lead: 2 deals, no amount yet"),
                                            ("销售漏斗", "线索：2 个商机，暂无金额"),
                                            ("воронка", "лид: 2 сделки, сумма пока не указана")])
async def test_deals_with_no_amount_are_counted_never_shown_as_worth_nothing(bot, ask, words):
    for note in ("Visited Umbrella Corp, new lead", "Called Soylent, new prospect",
                 "Called Hooli, sent the quote for $12k", "Initech: sent the proposal, $3k"):
        assert (await bot.say(note)).wrote
    pipeline = (await bot.say(ask)).text
    assert words in pipeline and "2 · $0" not in pipeline, pipeline
