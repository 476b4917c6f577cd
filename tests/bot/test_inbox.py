"""Nothing received is lost: updates are stored before they are acknowledged, applied once."""
from __future__ import annotations

from bot.incoming import Incoming
from storage.models import Deal, Inbox, Interaction


def note(message_id: str, text: str = "Visited Globex Corporation, sent the quote for $42k") -> Incoming:
    return Incoming(platform="console", account_id="anna", chat_id="anna", message_id=message_id, text=text)


async def test_accepted_update_is_applied_once_when_it_arrives(crm, store):
    assert await crm.accept(note("m1"))
    assert not await crm.accept(note("m1"))  # the platform redelivered it
    assert "Globex" in (await crm.handle(note("m1"))).text
    assert await crm.handle(note("m1")) is None
    assert store(Deal) == 1 and store(Inbox, Inbox.processed_at.is_(None)) == 0


async def test_updates_stored_before_a_crash_are_processed_on_restart(crm, store):
    await crm.accept(note("m2"))
    await crm.accept(note("m3", "Called Initech Ltd, no answer"))
    done = await crm.replay()  # what a restarted process does first
    assert [i.message_id for i, _ in done] == ["m2", "m3"]
    assert "Initech" in done[1][1].text
    assert await crm.replay() == []
    assert store(Interaction) == 2


async def test_a_strangers_message_is_not_kept(crm, store):
    stranger = Incoming(platform="telegram", account_id="666", chat_id="666", message_id="s1",
                        text="what do you know about Globex")
    await crm.accept(stranger)
    assert "members" in (await crm.handle(stranger)).text
    assert store(Inbox) == 0
    assert await crm.replay() == []


async def test_a_reply_lost_in_a_crash_is_sent_after_the_restart(crm, store, let_in_42):
    update = Incoming(platform="telegram", account_id="42", chat_id="42", message_id="42:7",
                      text="Visited Globex Corporation, sent the quote for $42k")
    assert "Globex" in (await crm.handle(update)).text  # applied ... and the process dies before sending
    [(again, reply)] = await crm.replay()  # the restarted process
    assert again.key == update.key and "Globex" in reply.text and reply.choices[0].data.startswith("undo:")
    await crm.delivered(again)
    assert await crm.replay() == []
    assert store(Deal) == 1


async def test_an_update_another_worker_applied_first_is_not_applied_again(crm, engine, store):
    from sqlmodel import Session

    from storage.inbox import claim

    update = note("m9")
    assert await crm.accept(update)  # stored here ...
    with Session(engine) as other:  # ... and meanwhile processed by another process
        assert claim(other, update.platform, update.key, None)
        other.commit()
    assert await crm.handle(update) is None
    assert store(Interaction) == 0 and store(Deal) == 0


async def test_an_update_whose_processing_was_lost_is_taken_up_while_running(crm, settings, engine, clock, store):
    from bot.pipeline import Bot

    await crm.accept(note("m5"))  # stored and acknowledged; then this process died
    other = Bot(settings, engine, clock=clock)  # a process of the same deployment that runs on
    assert await other.resume() == []  # received just now: its own process may still be on it
    [(update, reply)] = await other.resume(stale_s=0)
    assert update.message_id == "m5" and "Globex" in reply.text
    assert await other.resume(stale_s=0) == [] and store(Deal) == 1


async def test_an_update_taken_up_elsewhere_is_not_applied_again_by_the_process_that_stored_it(
        crm, settings, engine, clock, store):
    from bot.pipeline import Bot

    update = note("m6", "Called Initech Ltd, no answer")
    assert await crm.accept(update)
    [(taken, _)] = await Bot(settings, engine, clock=clock).resume(stale_s=0)  # thought lost
    assert taken.key == update.key
    assert await crm.handle(update) is None  # the process that stored it finds it done
    assert store(Interaction) == 1


async def test_the_running_bot_takes_up_and_answers_what_was_stored_and_not_processed(
        crm, settings, engine, clock, store, monkeypatch):
    import asyncio

    from bot import inbox
    from bot.pipeline import Bot
    from bot.delivery import Delivery, Senders

    class Chat:
        def __init__(self) -> None:
            self.said: list[tuple[str, str]] = []

        async def send(self, chat_id: str, reply) -> None:
            self.said.append((chat_id, reply.text))

    await crm.accept(note("m7"))  # this process died after acknowledging it
    monkeypatch.setattr(inbox, "STALE_S", 0.0)
    chat, stop = Chat(), asyncio.Event()
    drainer = asyncio.create_task(Delivery(Bot(settings, engine, clock=clock)).catch_up_until(
        Senders({"console": chat}), stop, every=0.05))
    for _ in range(100):
        if chat.said:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await drainer
    [(to, said)] = chat.said
    assert to == "anna" and "Globex" in said
    assert store(Deal) == 1 and store(Inbox, Inbox.answered_at.is_(None)) == 0


async def test_a_stored_update_that_cannot_be_read_is_left_and_the_others_are_taken_up(
        crm, settings, engine, clock, store, caplog):
    from sqlmodel import Session

    from bot.pipeline import Bot
    from storage.inbox import accept

    with Session(engine) as s:  # written by some other version of the bot
        accept(s, "telegram", "42:odd", {"nonsense": True})
        s.commit()
    await crm.accept(note("m8"))
    other = Bot(settings, engine, clock=clock)
    [(update, _)] = await other.resume(stale_s=0)
    assert update.message_id == "m8" and "could not be read" in caplog.text
    caplog.clear()
    assert await other.resume(stale_s=0) == [] and "could not be read" not in caplog.text  # once
    assert store(Inbox, Inbox.processed_at.is_(None)) == 1 and store(Deal) == 1
