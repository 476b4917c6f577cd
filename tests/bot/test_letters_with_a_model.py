"""With a model configured, a letter of our own pasted in ("Dear Mr. Holt, … Best regards, Anna") has the one it
greets as contact even where the model takes the signer: one of us is never a customer's contact."""
from __future__ import annotations

from sqlalchemy import select

from bot.adapters.console import Console
from bot.pipeline import Bot
from handlers.understanding.llm.client import LlmClient
from storage.models import Contact
from tests.fakes.openai_server import FakeOpenAI, openai_server, reply  # noqa: F401

NOTHING = {"lang": "en", "intent": "log", "customer": None, "contact": None, "channel": None, "stage": None,
           "amount": None, "currency": None, "followup_on": None, "birthday": None, "period": None}


async def test_the_model_taking_our_signer_leaves_the_customers_contact(settings, engine, clock, openai_server, store):
    config = settings.model_copy(update={"openai_api_key": "test", "openai_base_url": openai_server.base_url,
                                         "openai_model": "fake-model"})
    chat = Console(Bot(config, engine, clock=clock, llm=LlmClient.from_settings(config)), user="anna", name="Anna")
    store.add_customers("Brookside Hotel")
    openai_server.script(reply({**NOTHING, "customer": "Brookside Hotel", "contact": "Anna", "channel": "email",
                                "stage": "proposal"}))
    said = await chat.say("My email to Brookside Hotel today: Dear Mr. Holt, as promised the quote for 300 napkins "
                          "is attached. Best regards, Anna")
    names = [c.name for c in store.rows(select(Contact))]
    assert "Anna" not in " ".join(names) and names in ([], ["Mr. Holt"]), said.text
