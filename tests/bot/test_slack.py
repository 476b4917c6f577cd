"""Slack: the real slack-bolt app over HTTP, signed like Slack signs, against a fake Web API."""
from __future__ import annotations

import asyncio
import json
import time
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest
from slack_sdk.signature import SignatureVerifier
from sqlmodel import Session

from bot.adapters.slack import SlackAdapter, slack_to_plain
from bot.adapters.slack_render import blocks
from handlers.reply import Choice, Reply
from storage.members import add_user, get_team
from storage.models import Interaction, Note

try:
    from tests.fakes.slack_server import FakeSlack, slack_api  # noqa: F401  (the fixture)
except ImportError:  # run without the repo root on sys.path
    from fakes.slack_server import FakeSlack, slack_api  # type: ignore[no-redef]  # noqa: F401  # pytest: the same fixture by the other import path

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TEAM = "T0TEAM"


@pytest.fixture
async def slack(crm, settings, engine, slack_api: FakeSlack):
    """The adapter serving HTTP on a free port, with the rep U123 ("Anna") let in."""
    with Session(engine) as s:
        add_user(s, get_team(s, "default"), "slack", "U123", "Anna")
        s.commit()
    slack_api.add_user("U123", "Anna", locale="en-GB")
    config = settings.model_copy(update={"slack_bot_token": "xoxb-test", "slack_signing_secret": SECRET,
                                         "slack_http_port": 0, "slack_api_base_url": slack_api.base_url})
    adapter = SlackAdapter(crm, config, host="127.0.0.1")
    await adapter.start()
    try:
        yield adapter
    finally:
        await adapter.stop()


class Sent:
    def __init__(self, status: int, text: str, seconds: float):
        self.status, self.text, self.seconds = status, text, seconds


async def deliver(adapter: SlackAdapter, body: str, form: bool = False, age: int = 0, secret: str = SECRET,
                  headers: dict[str, str] | None = None) -> Sent:
    """POST one request to /slack/events, signed with `secret`, as if sent `age` seconds ago."""
    stamp = str(int(time.time()) - age)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    head = {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature,
            "Content-Type": "application/x-www-form-urlencoded" if form else "application/json", **(headers or {})}
    started = time.monotonic()
    async with aiohttp.ClientSession() as http:
        async with http.post(f"http://127.0.0.1:{adapter.port}/slack/events", data=body.encode(),
                             headers=head) as response:
            return Sent(response.status, await response.text(), time.monotonic() - started)


def event(kind: str, text: str, event_id: str, clock, channel: str = "D123", user: str = "U123",
          team: str = TEAM, **extra: Any) -> str:
    ts = f"{clock.now.timestamp():.6f}"
    inner = {"type": kind, "user": user, "text": text, "ts": ts, "channel": channel, "team": team,
             "event_ts": ts, **extra}
    if kind == "message":
        inner.setdefault("channel_type", "im")
        inner.setdefault("client_msg_id", f"c-{event_id}")
    return json.dumps({"token": "legacy", "team_id": team, "api_app_id": "A1", "type": "event_callback",
                       "event_id": event_id, "event_time": int(clock.now.timestamp()), "event": inner,
                       "authorizations": [{"team_id": team, "user_id": "UBOT", "is_bot": True}]})


def command(text: str, response_url: str, team: str = TEAM, user: str = "U123", trigger: str = "t1") -> str:
    return urlencode({"token": "legacy", "team_id": team, "team_domain": "acme", "channel_id": "C777",
                      "channel_name": "sales", "user_id": user, "user_name": "anna", "command": "/crm",
                      "text": text, "api_app_id": "A1", "response_url": response_url, "trigger_id": trigger})


def button(value: str, message_ts: str, response_url: str, channel: str = "D123", team: str = TEAM,
           user: str = "U123") -> str:
    payload = {"type": "block_actions", "team": {"id": team, "domain": "acme"},
               "user": {"id": user, "username": user.lower(), "team_id": team}, "api_app_id": "A1",
               "token": "legacy", "trigger_id": "t-btn",
               "container": {"type": "message", "message_ts": message_ts, "channel_id": channel,
                             "is_ephemeral": False},
               "channel": {"id": channel, "name": "directmessage"},
               "message": {"type": "message", "ts": message_ts, "text": "..."},
               "response_url": response_url,
               "actions": [{"action_id": "crm_choice_0", "block_id": "crm_choices_0", "type": "button",
                            "value": value, "text": {"type": "plain_text", "text": "Undo"},
                            "action_ts": f"{time.time():.6f}"}]}
    return urlencode({"payload": json.dumps(payload)})


def texts(call) -> str:
    """Everything a posted message shows: its blocks' texts and fields."""
    shown = []
    for block in call.get("blocks") or []:
        if "text" in block:
            shown.append(block["text"]["text"])
        shown.extend(f["text"] for f in block.get("fields", []))
    return "\n".join(shown)


def buttons(call) -> list[dict]:
    return [e for b in call.get("blocks") or [] if b["type"] == "actions" for e in b["elements"]]


async def test_slash_command_is_acked_at_once_and_answered_via_response_url(slack, slack_api, store,
                                                                            monkeypatch):
    store.add_customers("Globex Corporation")
    release = asyncio.Event()
    handle = slack.bot.handle

    async def slow_handle(incoming):  # the pipeline takes as long as it likes: the ack must not wait
        await release.wait()
        return await handle(incoming)
    monkeypatch.setattr(slack.bot, "handle", slow_handle)
    sent = await deliver(slack, command("what do we know about Globex", slack_api.response_url("cmd")), form=True)
    assert sent.status == 200 and sent.seconds < 3
    assert not slack_api.of("response_url")
    release.set()
    [answer] = await slack_api.wait_for("response_url")
    assert answer["_name"] == "cmd" and answer["response_type"] == "ephemeral"
    assert "Globex Corporation" in answer["text"] and "Globex Corporation" in texts(answer)
    assert not slack_api.of("chat.postMessage")


async def test_answers_wait_until_a_burst_has_been_taken_in_but_not_for_long(slack):
    loop = asyncio.get_running_loop()
    slack._last_request = loop.time()  # a request just came in: its neighbours are probably coming too
    begun = loop.time()
    await slack._after_acks(quiet=0.1)
    assert 0.09 <= loop.time() - begun < 0.4
    slack._acking = 1  # a request that never finishes being taken in holds an answer back at most 0.5 s
    begun = loop.time()
    await slack._after_acks()
    assert 0.45 <= loop.time() - begun < 1.5
    slack._acking = 0
    begun = loop.time()
    await slack._after_acks()  # nothing coming in: no wait
    assert loop.time() - begun < 0.05


async def test_dm_note_gets_block_kit_reply_and_undo_button_undoes_it(slack, slack_api, store, clock):
    store.add_customers("Globex Corporation")
    sent = await deliver(slack, event("message", "Visited Globex, met Maria Lopez. Sent the quote for $42k.",
                                      "Ev1", clock))
    assert sent.status == 200 and sent.seconds < 3
    [post] = await slack_api.wait_for("chat.postMessage")
    assert post["channel"] == "D123" and "Globex Corporation" in texts(post)
    assert all(b["type"] in ("section", "actions") for b in post["blocks"])
    [undo] = buttons(post)
    assert undo["value"].startswith("undo:") and undo["text"]["text"] == "Undo"
    assert store(Interaction) == 1

    sent = await deliver(slack, button(undo["value"], "1800000001.000100", slack_api.response_url("btn")),
                         form=True)
    assert sent.status == 200
    posts = await slack_api.wait_for("chat.postMessage", 2)
    assert posts[1]["channel"] == "D123" and "Undone" in texts(posts[1])
    assert store(Interaction) == 0
    assert store(Note, Note.undone_at.is_not(None)) == 1


async def test_mention_in_a_channel_is_answered_there(slack, slack_api, store, clock):
    store.add_customers("Globex Corporation")
    await deliver(slack, event("app_mention", "<@UBOT> what do we know about Globex?", "Ev2", clock,
                               channel="C42"))
    [post] = await slack_api.wait_for("chat.postMessage")
    assert post["channel"] == "C42" and "Globex Corporation" in texts(post)


async def test_forged_signature_is_refused(slack, slack_api, store, clock):
    sent = await deliver(slack, event("message", "Visited Globex", "Ev3", clock), secret="not-the-secret")
    assert sent.status == 401
    sent = await deliver(slack, command("help", slack_api.response_url()), form=True, secret="wrong")
    assert sent.status == 401
    await slack.idle()
    assert not [c for c in slack_api.calls if c.method not in ("auth.test",)]
    assert store(Interaction) == 0


async def test_request_six_minutes_old_is_refused(slack, slack_api, store, clock):
    sent = await deliver(slack, event("message", "Visited Globex, sent the quote for $5k", "Ev4", clock), age=360)
    assert sent.status == 401
    await slack.idle()
    assert not slack_api.of("chat.postMessage") and store(Interaction) == 0


async def test_another_workspace_gets_nothing(slack, slack_api, store, clock):
    store.add_customers("Globex Corporation")
    sent = await deliver(slack, event("message", "what do we know about Globex", "Ev5", clock, team="T0OTHER"))
    assert sent.status == 200
    sent = await deliver(slack, command("what do we know about Globex", slack_api.response_url(), team="T0OTHER"),
                         form=True)
    assert sent.status == 200 and "Globex" not in sent.text
    # a user of another workspace writing in a shared channel of ours
    await deliver(slack, event("app_mention", "<@UBOT> what do we know about Globex", "Ev6", clock,
                               channel="C42", user_team="T0OTHER"))
    await slack.idle()
    assert not slack_api.of("chat.postMessage") and not slack_api.of("response_url")


async def test_retried_event_is_applied_once(slack, slack_api, store, clock, crm, settings, monkeypatch):
    store.add_customers("Globex Corporation")
    seen: list[str | None] = []
    handle = crm.handle

    async def counting_handle(incoming):
        seen.append(incoming.message_id)
        return await handle(incoming)
    monkeypatch.setattr(crm, "handle", counting_handle)
    body = event("message", "Called Globex, they want a demo. Follow up Monday.", "Ev7", clock)
    first = await deliver(slack, body)
    again = await deliver(slack, body, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    twice = await deliver(slack, body)
    assert first.status == again.status == twice.status == 200
    await slack.idle()
    assert seen == ["Ev7"]  # the adapter itself took the event once
    assert len(slack_api.of("chat.postMessage")) == 1
    assert store(Interaction) == 1
    # after a restart the adapter has forgotten the event id; the pipeline's inbox still knows it
    restarted = SlackAdapter(crm, slack.settings, host="127.0.0.1")
    await restarted.start()
    try:
        await deliver(restarted, body, headers={"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_timeout"})
        await restarted.idle()
    finally:
        await restarted.stop()
    assert len(slack_api.of("chat.postMessage")) == 1 and store(Interaction) == 1


async def test_markup_in_what_people_typed_shows_as_typed(slack, slack_api, store, clock):
    # Slack sends "<b>&" as "&lt;b&gt;&amp;"; the bot must show it back the same way, never as markup
    store.add_customers("Acme <b>& Sons")
    await deliver(slack, event("message", "what do we know about Acme &lt;b&gt;&amp; Sons?", "Ev8", clock))
    [post] = await slack_api.wait_for("chat.postMessage")
    shown = texts(post) + post["text"]
    assert "Acme &lt;b&gt;&amp; Sons" in texts(post) and "Acme &lt;b&gt;&amp; Sons" in post["text"]
    assert "<b>" not in shown


async def test_send_posts_text_then_uploads_the_picture(slack, slack_api):
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 2048
    await slack.send("D123", Reply(text="Pipeline", image=png, image_caption="Chart <x>"))
    [post] = slack_api.of("chat.postMessage")
    assert post["channel"] == "D123" and texts(post) == "Pipeline"
    [done] = slack_api.of("files.completeUploadExternal")
    assert done["channel_id"] == "D123" and done["initial_comment"] == "Chart &lt;x&gt;"
    assert [c["size"] for c in slack_api.of("upload")] == [len(png)]


async def test_the_users_locale_is_the_language_hint(slack, slack_api, store, clock, crm, monkeypatch):
    hints = []
    handle = crm.handle

    async def spy(incoming):
        hints.append((incoming.lang_hint, incoming.workspace_id, incoming.mentioned))
        return await handle(incoming)
    monkeypatch.setattr(crm, "handle", spy)
    await deliver(slack, event("message", "help", "Ev9", clock))
    await slack_api.wait_for("chat.postMessage")
    assert hints == [("en-GB", TEAM, True)]


async def test_socket_mode_acks_envelopes_and_answers(crm, settings, engine, slack_api, store, clock):
    with Session(engine) as s:
        add_user(s, get_team(s, "default"), "slack", "U123", "Anna")
        s.commit()
    store.add_customers("Globex Corporation")
    config = settings.model_copy(update={"slack_bot_token": "xoxb-test", "slack_app_token": "xapp-test",
                                         "slack_api_base_url": slack_api.base_url})
    adapter = SlackAdapter(crm, config)
    await adapter.start()
    try:
        assert adapter.port is None  # no HTTP server in Socket Mode
        body = json.loads(event("message", "what do we know about Globex", "Ev10", clock))
        await slack_api.push("events_api", body, envelope_id="env-1")
        await slack_api.push("events_api", body, envelope_id="env-2", retry=1)
        other = json.loads(event("message", "what do we know about Globex", "Ev11", clock, team="T0OTHER"))
        await slack_api.push("events_api", other, envelope_id="env-3")
        [post] = await slack_api.wait_for("chat.postMessage")
        assert "Globex Corporation" in texts(post)
        acks = await slack_api.wait_for("socket_ack", 3)
        assert sorted(a["envelope_id"] for a in acks) == ["env-1", "env-2", "env-3"]
        await adapter.idle()
        assert len(slack_api.of("chat.postMessage")) == 1
        assert slack_api.of("apps.connections.open")[0]["_token"] == "xapp-test"
    finally:
        await adapter.stop()


def test_blocks_escape_markup_and_lay_out_tables_and_buttons():
    reply = Reply(text="Pipeline <b>&\n• Lead: 2 · $1,000 · ⚖ $100\n"
                       "• Proposal: 1 · $5,000 · ⚖ $2,500\nTotal: 3",
                  choices=[Choice("Undo", "undo:7"), Choice("1. A <x>", "pick:1")])
    made = blocks(reply)
    assert made[0]["text"]["text"] == "Pipeline &lt;b&gt;&amp;"
    assert [f["text"] for f in made[1]["fields"]] == ["*Lead*\n2 · $1,000 · ⚖ $100",
                                                      "*Proposal*\n1 · $5,000 · ⚖ $2,500"]
    assert made[2]["text"]["text"] == "Total: 3"
    assert [(e["value"], e["text"]["text"]) for e in made[3]["elements"]] == [("undo:7", "Undo"),
                                                                             ("pick:1", "1. A <x>")]
    long = blocks(Reply(text="&" * 5000))
    assert all(len(b["text"]["text"]) <= 3000 for b in long)
    assert "".join(b["text"]["text"] for b in long) == "&amp;" * 5000


def test_slack_wire_format_becomes_plain_text():
    assert slack_to_plain("<@UBOT> met <mailto:a@b.co|a@b.co> at <https://x.io|X> &amp; Co &lt;3", "UBOT") \
        == "met a@b.co at X & Co <3"
    assert slack_to_plain("ask <@U9|maria> in <#C1|sales> <!here>") == "ask @maria in #sales @here"


async def test_a_colleagues_undo_button_pressed_in_a_channel_is_refused(slack, slack_api, engine, store, clock):
    """Boris presses Undo under Anna's note in #sales: it is hers to take back (issue 13, case 2)."""
    with Session(engine) as s:
        add_user(s, get_team(s, "default"), "slack", "U456", "Boris")
        s.commit()
    slack_api.add_user("U456", "Boris")
    store.add_customers("Globex Corporation")
    await deliver(slack, event("app_mention", "<@UBOT> Called Globex, they want a demo", "Ev9", clock,
                               channel="C42"))
    [post] = await slack_api.wait_for("chat.postMessage", 1)
    [undo] = buttons(post)
    await deliver(slack, button(undo["value"], "1800000009.000100", slack_api.response_url("b9"), channel="C42",
                                user="U456"), form=True)
    posts = await slack_api.wait_for("chat.postMessage", 2)
    assert posts[1]["channel"] == "C42" and "That note is Anna's: only Anna can undo it" in texts(posts[1])
    assert store(Interaction) == 1 and store(Note, Note.undone_at.is_(None)) == 1


async def test_a_workspace_mapped_to_a_team_acts_in_it(slack, slack_api, engine, store, clock):
    """`crmbot workspace map T0TEAM --team sales`: a newcomer's DM lands in team "sales" (issue 13)."""
    from storage.models import Customer, Member
    from storage.workspaces import map_workspace

    with Session(engine) as s:
        map_workspace(s, get_team(s, "sales"), TEAM)
        s.commit()
    slack_api.add_user("U777", "Ed")
    await deliver(slack, event("message", "Visited Initrode, sent the quote for $8k", "Ev77", clock, channel="D777",
                               user="U777"))
    [post] = await slack_api.wait_for("chat.postMessage", 1)
    assert "Initrode" in texts(post)
    with Session(engine) as s:
        sales = get_team(s, "sales").id
        assert s.query(Member).filter(Member.name == "Ed").one().team_id == sales
        assert [c.team_id for c in s.query(Customer).all()] == [sales]
    await deliver(slack, event("message", "pipeline this month", "Ev78", clock))  # Anna: team default
    posts = await slack_api.wait_for("chat.postMessage", 2)
    assert "not connected to your sales team" in texts(posts[1]) and "Initrode" not in texts(posts[1])
