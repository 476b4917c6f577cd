"""A rep's chat with a model configured (the fake OpenAI server on 127.0.0.1), in the default mode:
the model reads every note, the offline rules check what it says."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot.adapters.console import Console
from bot.pipeline import Bot
from handlers.understanding.llm.client import LlmClient
from storage.models import Customer, Deal, FollowUp, Interaction
from tests.fakes.openai_server import FakeOpenAI, openai_server, reply  # noqa: F401

NOTHING = {"lang": "en", "intent": "log", "customer": None, "contact": None, "channel": None, "stage": None,
           "amount": None, "currency": None, "followup_on": None, "birthday": None, "period": None}


@pytest.fixture
def chat(settings, engine, clock, openai_server) -> Console:
    """Anna, on a bot whose model is the fake server, with CRM_LLM left at its default."""
    config = settings.model_copy(update={"openai_api_key": "test", "openai_base_url": openai_server.base_url,
                                         "openai_model": "fake-model"})
    assert config.crm_llm == "auto"
    return Console(Bot(config, engine, clock=clock, llm=LlmClient.from_settings(config)), user="anna", name="Anna")


def answer(**fields) -> dict:
    return {**NOTHING, **fields}


async def test_a_note_the_rules_cannot_read_is_recorded_as_the_model_reads_it(chat, openai_server, store):
    store.add_customers("Corvel Labs")
    openai_server.script(reply(answer(customer="Corvel Labs", channel="call", followup_on="2026-11-27")))
    said = await chat.say("gave corvel a ring, they'll have the numbers by friday so ping them then")
    assert "Corvel Labs" in said and openai_server.calls == 1
    assert store(Interaction, Interaction.channel == "call") == 1
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 11, 27)
    assert store(Customer) == 1


async def test_an_amount_the_note_does_not_write_is_not_recorded(chat, openai_server, store):
    store.add_customers("Brightwater Foods Inc")
    openai_server.script(reply(answer(customer="Brightwater Foods Inc", channel="visit", stage="proposal",
                                      amount=52000, currency="USD")))
    said = await chat.say("Dropped in at Brightwater, left the quote for $36k with their buyer")
    assert "$36,000" in said and "52,000" not in said.text
    [deal] = store.rows(select(Deal))
    assert (deal.stage, deal.amount_minor, deal.currency) == ("proposal", 3_600_000, "USD")


async def test_a_company_the_model_made_up_gets_nothing(chat, openai_server, store):
    store.add_customers("Kestrel Logistics Ltd")
    openai_server.script(reply(answer(customer="Kestrel Logistics Ltd", channel="visit")),
                         reply(answer(customer="Northwind Traders", channel="call")))
    await chat.say("Visited Kestrel this morning, the depot manager showed us round")
    said = await chat.say("called them back after lunch, no answer")
    assert "Kestrel Logistics Ltd" in said and "Northwind" not in said.text
    assert store(Customer) == 1 and store(Interaction, Interaction.channel == "call") == 1


async def test_a_day_the_note_never_mentions_is_not_a_follow_up(chat, openai_server, store):
    store.add_customers("Oakfield Builders")
    openai_server.script(reply(answer(customer="Oakfield Builders", channel="meeting", followup_on="2026-12-18")))
    await chat.say("Had coffee with the Oakfield site lead, good chat about their new warehouse")
    assert store(Interaction, Interaction.channel == "meeting") == 1
    assert store(FollowUp) == 0


async def test_the_reply_stays_in_the_rep_s_language_whatever_the_model_says(chat, openai_server, store):
    store.add_customers("ООО «Вектор»")
    openai_server.script(reply(answer(lang="en", customer="ООО «Вектор»", channel="call")))
    said = await chat.say("Созвонились с Вектором, всё в силе")
    assert "Записал" in said and "ООО «Вектор»" in said


async def test_greetings_and_undo_need_no_model_and_undo_takes_back_a_model_read_note(chat, openai_server, store):
    store.add_customers("Corvel Labs")
    await chat.say("hi")
    assert openai_server.calls == 0
    openai_server.script(reply(answer(customer="Corvel Labs", channel="call", stage="negotiation")))
    await chat.say("corvel rang, haggling over the service fee again")
    assert store(Interaction) == 1 and openai_server.calls == 1
    undone = await chat.say("undo")
    assert "Corvel Labs" in undone and openai_server.calls == 1
    assert store(Interaction) == 0 and store(Deal) == 0


async def test_when_the_model_is_down_the_note_is_read_offline(chat, openai_server, store):
    from tests.fakes.openai_server import status

    store.add_customers("Globex Corporation")
    openai_server.script(*[status(500)] * 3)
    said = await chat.say("Called Globex, talked to Maria. Follow up Monday.")
    assert "Globex Corporation" in said and store(Interaction, Interaction.channel == "call") == 1
    [follow] = store.rows(select(FollowUp))
    assert follow.due == date(2026, 11, 30)


async def test_many_notes_in_a_row_each_checked_on_its_own(chat, openai_server, store):
    store.add_customers("Corvel Labs", "Brightwater Foods Inc")
    notes = [
        ("corvel rang, they want a quote", answer(customer="Corvel Labs", channel="call", stage="qualified")),
        ("brightwater signed for 40k!", answer(customer="Brightwater Foods Inc", stage="won", amount=40000,
                                              currency="USD")),
        ("sent corvel the quote, 12k", answer(customer="Corvel Labs", channel="email", stage="proposal",
                                              amount=99000, currency="USD")),     # an amount not written
    ]
    for text, proposed in notes:
        openai_server.script(reply(proposed))
        await chat.say(text)
    deals = {d.stage: d.amount_minor for d in store.rows(select(Deal))}
    assert deals == {"won": 4_000_000, "proposal": 1_200_000}
    assert openai_server.calls == 3


async def test_a_recap_part_under_a_new_name_the_model_does_not_name_is_said_not_recorded(chat, openai_server, store,
                                                                                          engine):
    from tests.bot.records import business, difference

    store.add_customers("Kestrel Logistics Ltd", "Oakfield Builders")
    before = business(engine)
    openai_server.script(reply(answer(customer="Kestrel Logistics Ltd", contact="Tom", stage="qualified")))
    said = await chat.say("recap: Kestrel - Tom wants a quote; Zumba Hut - new, quoted 500; Oakfield - no answer")
    assert "Kestrel Logistics Ltd" in said and "Oakfield Builders" in said
    assert "Not recorded" in said and "Zumba Hut - new, quoted 500" in said
    assert store(Customer) == 2 and store(Interaction) == 2          # no customer "Zumba Hut"
    assert (await chat.say("undo")).wrote
    assert difference(before, business(engine)) == []

