"""A follow-up deleted by its day: "delete the follow-up for Friday", "删除周五的跟进", "удали
напоминание на пятницу", and by day and customer ("delete the follow-up for Globex on Friday",
"删除星辰科技周五的跟进", "удали напоминание по Ромашке на пятницу"). One on that day is deleted (Undo
brings it back); two are listed with a 🗑 each (on Telegram and Slack too); none is said. A weekday
with none ahead means the one just past (overdue). A rep deletes only their own, a manager any of the
team, another team none."""
from __future__ import annotations

import pytest
from sqlmodel import Session

from storage.customers import name_key
from storage.members import get_team
from storage.models import Customer, FollowUp
from tests.bot.test_edit_buttons import open_followups
from tests.bot.test_merge_and_drop import people, rows  # noqa: F401  (the fixture)
from tests.bot.test_slack import deliver, button, buttons, event, slack, texts  # noqa: F401  (fixtures)
from tests.bot.test_telegram import ANNA, adapter, anna, let_in, telegram  # noqa: F401  (fixtures)
from tests.fakes.slack_server import slack_api  # noqa: F401  (the fixture)
from tests.fakes.telegram_server import telegram_server  # noqa: F401  (the fixture)


def known(engine, *names: str) -> None:
    with Session(engine) as s:
        team = get_team(s, "default")
        for name in names:
            s.add(Customer(team_id=team.id, name=name, name_key=name_key(name)))
        s.commit()


BY_DAY = [("delete the follow-up for Friday", "Deleted the follow-up for Globex"),
          ("delete Friday's follow-up", "Deleted the follow-up for Globex"),
          ("remove the follow-up on Nov 27", "Deleted the follow-up for Globex"),
          ("删除周五的跟进", "已删除 Globex 的跟进"),
          ("удали напоминание на пятницу", "Задача по клиенту Globex удалена"),
          ("удали задачу на 27 ноября", "Задача по клиенту Globex удалена")]


@pytest.mark.parametrize("text, said", BY_DAY, ids=[t for t, _ in BY_DAY])
async def test_a_follow_up_is_deleted_by_its_day_and_undo_brings_it_back(people, engine, text, said):
    anna = people["anna"]
    await anna.say("Called Globex, follow up Friday")
    await anna.say("Emailed Initech, follow up Monday")
    reply = await anna.say(text)
    assert said in reply.text and reply.wrote, reply.text
    assert open_followups(engine) and len(open_followups(engine)) == 1
    assert "Initech" in (await anna.say("my follow-ups this month")).text
    assert (await anna.press(reply.undo_token)).wrote
    assert len(open_followups(engine)) == 2


DAY_AND_CUSTOMER = [("delete the follow-up for Globex on Friday", "Deleted the follow-up for Globex"),
                    ("delete the Globex follow-up on Friday", "Deleted the follow-up for Globex"),
                    ("删除Globex周五的跟进", "已删除 Globex 的跟进"),
                    ("удали напоминание по Globex на пятницу", "Задача по клиенту Globex удалена")]


@pytest.mark.parametrize("text, said", DAY_AND_CUSTOMER, ids=[t for t, _ in DAY_AND_CUSTOMER])
async def test_two_on_a_day_are_asked_about_and_a_customer_with_the_day_picks_one(people, engine, text, said):
    anna = people["anna"]
    await anna.say("Called Globex, follow up Friday")
    await anna.say("Emailed Initech, follow up Friday")
    await anna.say("Visited Globex, follow up Monday")
    asked = await anna.say("delete the follow-up for Friday")
    assert "2 open follow-ups on" in asked.text and not asked.wrote, asked.text
    assert [c.label for c in asked.choices] == ["🗑 1", "🗑 2"]
    assert len(open_followups(engine)) == 3
    reply = await anna.say(text)
    assert said in reply.text and reply.wrote, reply.text
    left = [f for f in rows(engine, FollowUp) if f.done_at is None]
    assert len(left) == 2 and sum(1 for f in left if f.due.day == 30) == 1      # Globex's Monday one stays


@pytest.mark.parametrize("text, said", [("delete the follow-up for Friday", "2 open follow-ups on Fri"),
                                        ("删除周五的跟进", "有 2 条未完成的跟进"),
                                        ("удали напоминание на пятницу", "открытых задач: 2")])
async def test_the_ask_for_two_on_a_day_is_in_the_writers_language_and_a_number_answers_it(people, engine, text,
                                                                                           said):
    anna = people["anna"]
    await anna.say("Called Globex, follow up Friday")
    await anna.say("Emailed Initech, follow up Friday")
    asked = await anna.say(text)
    assert said in asked.text and not asked.wrote, asked.text
    pressed = await anna.press(asked.choices[1].data)
    assert pressed.wrote and "Initech" in pressed.text
    assert len(open_followups(engine)) == 1


@pytest.mark.parametrize("text, said", [("delete the follow-up for Thursday", "No open follow-up of yours on Thu"),
                                        ("删除周四的跟进", "没有你的未完成跟进"),
                                        ("удали напоминание на четверг", "ваших открытых задач нет"),
                                        ("delete the follow-up for Initech on Friday", "for Initech")])
async def test_a_day_with_none_is_said_and_nothing_is_deleted(people, engine, text, said):
    known(engine, "Initech")
    anna = people["anna"]
    await anna.say("Called Globex, follow up Friday")
    reply = await anna.say(text)
    assert said in reply.text and not reply.wrote, reply.text
    assert len(open_followups(engine)) == 1


async def test_a_weekday_with_none_ahead_means_the_one_just_past(people, engine, clock):
    anna = people["anna"]
    await anna.say("Called Globex, follow up Friday")
    clock.advance(days=3)                                                     # Saturday: Friday's is overdue
    reply = await anna.say("delete the follow-up for Friday")
    assert "Deleted the follow-up for Globex" in reply.text and reply.wrote, reply.text
    assert open_followups(engine) == []


async def test_by_day_a_rep_deletes_only_their_own_a_manager_any_another_team_none(people, engine):
    await people["anna"].say("Called Globex, follow up Friday")
    refused = await people["boris"].say("delete the follow-up for Friday")
    assert "Anna" in refused.text and not refused.wrote, refused.text
    foreign = await people["dora"].say("delete the follow-up for Friday")
    assert not foreign.wrote and len(open_followups(engine)) == 1
    await people["boris"].say("Visited Initech, follow up Friday")
    mine = await people["boris"].say("delete the follow-up for Friday")       # his own, not Anna's
    assert mine.wrote and "Initech" in mine.text and len(open_followups(engine)) == 1
    assert (await people["mila"].say("удали напоминание на пятницу")).wrote
    assert open_followups(engine) == []


async def test_telegram_two_follow_ups_on_a_day_are_listed_with_a_bin_each(anna, engine):
    await anna.say("Called Globex, follow up Friday")
    await anna.say("Emailed Initech, follow up Friday")
    listed = await anna.say("delete the follow-up for Friday")
    assert "2 open follow-ups on" in listed
    assert [b["text"] for b in listed.buttons] == ["🗑 1", "🗑 2"]
    deleted = await anna.press(listed, "🗑 2")
    assert "Deleted the follow-up for Initech" in deleted
    assert len(open_followups(engine)) == 1
    undone = await anna.press(deleted, "Undo")
    assert "Undone" in undone and len(open_followups(engine)) == 2


async def test_slack_two_follow_ups_on_a_day_are_listed_with_a_bin_each(slack, slack_api, engine, clock):
    for n, said in enumerate(("Called Globex, follow up Friday", "Emailed Initech, follow up Friday",
                              "delete the follow-up for Friday"), 1):
        await deliver(slack, event("message", said, f"Ev{n}", clock))
        posts = await slack_api.wait_for("chat.postMessage", n)
    assert "2 open follow-ups on" in texts(posts[2])
    bins = [b for b in buttons(posts[2]) if b["value"].startswith("drop:")]
    assert [b["text"]["text"] for b in bins] == ["🗑 1", "🗑 2"]
    await deliver(slack, button(bins[0]["value"], "1800000001.000100", slack_api.response_url("bin")), form=True)
    posts = await slack_api.wait_for("chat.postMessage", 4)
    assert "Deleted the follow-up for Globex" in texts(posts[3])
    assert len(open_followups(engine)) == 1
