"""One delivery path for every adapter: accept → handle → send → delivered. A reply the platform
never got goes out again after a restart, once; a redelivered update is not answered again."""
from __future__ import annotations

import logging

from bot.delivery import Delivery, Senders
from bot.incoming import Incoming
from bot.pipeline import Bot
from handlers.reply import Reply
from storage.models import Deal, Inbox


class Chat:
    """A platform that takes every reply."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    async def send(self, chat_id: str, reply: Reply) -> None:
        self.said.append((chat_id, reply.text))


def from_42(message_id: str, text: str) -> Incoming:
    return Incoming(platform="telegram", account_id="42", chat_id="42", message_id=message_id, text=text)


async def test_a_reply_that_could_not_be_sent_goes_out_once_after_a_restart(
        crm, settings, engine, clock, store, let_in_42, caplog):
    delivery = Delivery(crm)
    update = from_42("42:1", "Visited Globex Corporation, sent the quote for $42k")
    assert await delivery.take(update)

    async def unreachable(reply: Reply) -> None:
        raise ConnectionError("api.telegram.org unreachable")

    with caplog.at_level(logging.WARNING, logger="crmbot.delivery"):
        assert await delivery.answer(update, unreachable) is None
    assert "could not send a telegram reply to 42 (ConnectionError" in caplog.text
    assert "Traceback" not in caplog.text
    assert store(Deal) == 1 and store(Inbox, Inbox.answered_at.is_(None)) == 1  # applied, not confirmed

    assert not await delivery.take(update)  # Telegram sends it again: stored already, not answered twice
    chat = Chat()
    restarted = Delivery(Bot(settings, engine, clock=clock))
    assert await restarted.replay(Senders({"telegram": chat})) == 1
    [(to, said)] = chat.said
    assert to == "42" and "Globex" in said
    assert await restarted.replay(Senders({"telegram": chat})) == 0 and len(chat.said) == 1
    assert store(Deal) == 1 and store(Inbox, Inbox.answered_at.is_(None)) == 0


async def test_every_reply_sent_is_marked_delivered_and_buttons_answer_through_the_same_path(
        crm, store, let_in_42):
    delivery, chat = Delivery(crm), Chat()
    notes = [from_42(f"42:{i}", f"Called Initech Ltd about order {i}, no answer") for i in range(2, 6)]
    for update in notes:
        assert await delivery.take(update)
        reply = await delivery.answer(update, lambda reply: chat.send("42", reply))
        assert reply is not None and reply.text == chat.said[-1][1]
    undo = Incoming(platform="telegram", account_id="42", chat_id="42", message_id="update:9", callback="undo")
    assert await delivery.take(undo)
    assert await delivery.answer(undo, lambda reply: chat.send("42", reply)) is not None
    assert len(chat.said) == 5 and store(Inbox, Inbox.answered_at.is_(None)) == 0


async def test_a_platform_that_is_not_running_leaves_the_reply_for_later(crm, settings, engine, clock, store,
                                                                          let_in_42):
    update = from_42("42:7", "Visited Globex Corporation, they want a demo")
    assert await crm.accept(update)
    restarted = Delivery(Bot(settings, engine, clock=clock))
    assert await restarted.replay(Senders({})) == 0  # Telegram is not configured in this process
    assert store(Inbox, Inbox.answered_at.is_(None)) == 1
    chat = Chat()
    assert await restarted.replay(Senders({"telegram": chat})) == 1 and "Globex" in chat.said[0][1]
