"""A business card photo and a voice note, through the pipeline with a fake OpenAI server."""
from __future__ import annotations

from sqlalchemy import select

from bot.incoming import Incoming
from bot.pipeline import Bot
from bot.settings import Settings
from handlers.understanding.llm.client import LlmClient
from storage.models import Contact, Customer
from tests.fakes.openai_server import FakeOpenAI, openai_server, reply  # noqa: F401

CARD = {"company": "Harborview Marine", "name": "Jane Doe", "role": "Head of Purchasing",
        "phone": "+1 415 555 0199", "email": "jane@harborview.com", "website": None, "lang": "en"}


def with_llm(settings: Settings, server: FakeOpenAI, engine, clock) -> Bot:
    config = settings.model_copy(update={"openai_api_key": "test", "openai_base_url": server.base_url,
                                         "openai_model": "fake-model"})
    return Bot(config, engine, clock=clock, llm=LlmClient.from_settings(config))


def photo(message: str, image: bytes | None = b"\x89PNG card", callback: str | None = None) -> Incoming:
    return Incoming(platform="telegram", account_id="42", chat_id="42", message_id=message, image=image,
                    callback=callback, lang_hint="en")


async def test_a_card_is_shown_then_saved_only_on_save(settings, engine, clock, openai_server, store, let_in_42):
    bot = with_llm(settings, openai_server, engine, clock)
    openai_server.script(reply(CARD))
    proposal = await bot.handle(photo("1"))
    assert "Jane Doe" in proposal.text and "Harborview Marine" in proposal.text
    assert [c.data for c in proposal.choices] == ["card:save", "card:cancel"]
    assert store(Contact) == 0  # nothing saved before the member says so
    saved = await bot.handle(photo("2", image=None, callback="card:save"))
    assert "Harborview Marine" in saved.text and saved.wrote
    [contact] = store.rows(select(Contact))
    assert (contact.name, contact.role, contact.email) == ("Jane Doe", "Head of Purchasing", "jane@harborview.com")
    assert store(Customer, Customer.name == "Harborview Marine") == 1


async def test_a_card_can_be_cancelled(settings, engine, clock, openai_server, store, let_in_42):
    bot = with_llm(settings, openai_server, engine, clock)
    openai_server.script(reply(CARD))
    await bot.handle(photo("1"))
    assert "Not saved" in (await bot.handle(photo("2", image=None, callback="card:cancel"))).text
    assert store(Contact) == 0 and store(Customer) == 0


async def test_without_an_llm_a_photo_gets_a_clear_answer(crm, store, let_in_42):
    reply_ = await crm.handle(photo("1"))
    assert "LLM" in reply_.text and store(Contact) == 0


async def test_a_voice_note_is_transcribed_quoted_and_recorded(settings, engine, clock, openai_server, store,
                                                                let_in_42):
    bot = with_llm(settings, openai_server, engine, clock)
    openai_server.transcript = "Visited Globex Corporation, sent the quote for 42k dollars"
    voice = Incoming(platform="telegram", account_id="42", chat_id="42", message_id="v1", audio=b"OggS voice")
    answer = await bot.handle(voice)
    assert "Visited Globex Corporation" in answer.text  # the transcript is quoted back
    assert "Recorded for Globex Corporation" in answer.text
