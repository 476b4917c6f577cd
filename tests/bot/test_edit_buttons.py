"""The editing buttons on the real platforms: a follow-up's 🗑 deletes it and the reply's Undo brings it
back (python-telegram-bot and slack-bolt against the fake servers), and a merge's Undo button takes the
whole merge back."""
from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from storage.customers import name_key
from storage.members import get_team
from storage.models import Customer, FollowUp
from tests.bot.test_slack import deliver, button, buttons, event, slack, texts  # noqa: F401  (fixtures)
from tests.bot.test_telegram import (ANNA, adapter, add_followups, anna, let_in, telegram,  # noqa: F401
                                     Chat)
from tests.fakes.slack_server import slack_api  # noqa: F401  (the fixture)
from tests.fakes.telegram_server import telegram_server  # noqa: F401  (the fixture)


def open_followups(engine) -> list[str]:
    with Session(engine) as s:
        return [f.what for f in s.execute(select(FollowUp).where(FollowUp.done_at.is_(None))
                                          .order_by(FollowUp.id)).scalars()]


async def test_telegram_bin_button_deletes_a_follow_up_and_undo_brings_it_back(anna, engine):
    add_followups(engine, ANNA, "Initech LLC", 2, "send the contract")
    listed = await anna.say("/today")
    assert [b["text"] for b in listed.buttons] == ["✅ 1", "🗑 1", "✅ 2", "🗑 2"]
    deleted = await anna.press(listed, "🗑 2")
    assert "Deleted the follow-up for Initech LLC: send the contract #2" in deleted
    assert open_followups(engine) == ["send the contract #1"]
    undone = await anna.press(deleted, "Undo")
    assert "Undone" in undone and open_followups(engine) == ["send the contract #1", "send the contract #2"]


async def test_telegram_merge_reply_has_an_undo_button_that_takes_it_back(telegram, let_in, engine):
    let_in(2001, "Mila", "manager")
    with Session(engine) as s:
        team = get_team(s, "default")
        for name in ("Acme Corp", "Acme Industries"):
            s.add(Customer(team_id=team.id, name=name, name_key=name_key(name)))
        s.commit()
    mila = Chat(telegram, 2001, "Mila")
    merged = await mila.say("merge Acme Corp into Acme Industries")
    assert "Merged Acme Corp into Acme Industries" in merged and merged.buttons[0]["text"] == "Undo"
    await mila.press(merged, "Undo")
    with Session(engine) as s:
        assert sorted(s.execute(select(Customer.name)).scalars()) == ["Acme Corp", "Acme Industries"]


async def test_slack_bin_button_deletes_a_follow_up(slack, slack_api, engine, clock):
    sent = await deliver(slack, event("message", "Called Globex, follow up today", "Ev1", clock))
    assert sent.status == 200
    await slack_api.wait_for("chat.postMessage")
    await deliver(slack, event("message", "my follow-ups today", "Ev2", clock))
    posts = await slack_api.wait_for("chat.postMessage", 2)
    bin_ = next(b for b in buttons(posts[1]) if b["value"].startswith("drop:"))
    assert bin_["text"]["text"] == "🗑 1"
    await deliver(slack, button(bin_["value"], "1800000001.000100", slack_api.response_url("bin")), form=True)
    posts = await slack_api.wait_for("chat.postMessage", 3)
    assert "Deleted the follow-up for Globex" in texts(posts[2])
    assert open_followups(engine) == []


async def test_telegram_a_customers_follow_ups_named_for_deletion_are_listed_with_a_bin_each(anna, engine):
    add_followups(engine, ANNA, "Initech LLC", 3, "send the contract")
    listed = await anna.say("delete the follow-up for Initech LLC")
    assert "Initech LLC has 3 open follow-ups" in listed
    assert [b["text"] for b in listed.buttons] == ["🗑 1", "🗑 2", "🗑 3"]
    deleted = await anna.press(listed, "🗑 3")
    assert "Deleted the follow-up for Initech LLC: send the contract #3" in deleted
    assert open_followups(engine) == ["send the contract #1", "send the contract #2"]
    undone = await anna.press(deleted, "Undo")
    assert "Undone" in undone and len(open_followups(engine)) == 3
