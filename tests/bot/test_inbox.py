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
