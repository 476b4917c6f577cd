"""The bot on Telegram: the real python-telegram-bot Application against a fake Bot API on loopback."""
from __future__ import annotations

import asyncio
import html
import socket
from datetime import date

import aiohttp
import aiohttp.web
import pytest
from sqlmodel import Session

from telegram import Update
from telegram.error import NetworkError, TimedOut

from bot.adapters.telegram import TelegramAdapter
from bot.adapters.telegram_http import AiohttpRequest
from bot.adapters.telegram_render import split_text, units
from handlers.reply import Choice, Reply
from storage.customers import name_key
from storage.members import add_user, get_team, identity_of
from storage.models import Customer, Deal, FollowUp, Interaction
from tests.fakes.telegram_server import BOT_USER, TOKEN, Call, FakeTelegram, telegram_server  # noqa: F401

ANNA, STRANGER, GROUP = 1001, 6660, -100200
MARKUP_NAME = "<b>_*[x]"


class Said:
    """What the bot answered to one message: its messages, their text as a user reads it, the buttons."""

    def __init__(self, messages: list[Call]):
        self.messages = messages
        self.text = "\n".join(html.unescape(m.text) for m in messages)
        self.buttons = [b for m in messages for b in m.buttons]

    def __contains__(self, needle: str) -> bool:
        return needle in self.text


class Chat:
    """One Telegram account typing to the bot, in private or in the group."""

    def __init__(self, server: FakeTelegram, user_id: int, name: str, lang: str = "en", chat_id: int | None = None):
        self.server, self.user_id, self.name, self.lang = server, user_id, name, lang
        self.chat_id = user_id if chat_id is None else chat_id

    async def _answer(self, push, messages: int) -> Said:
        before = len(self.server.sent(self.chat_id))
        push()
        sent = await self.server.wait_sent(before + messages, self.chat_id)
        return Said(sent[before:])

    async def say(self, text: str, messages: int = 1) -> Said:
        return await self._answer(lambda: self.server.push_text(
            self.user_id, text, chat_id=self.chat_id, name=self.name, lang=self.lang), messages)

    async def voice(self) -> Said:
        return await self._answer(lambda: self.server.push_voice(
            self.user_id, chat_id=self.chat_id, name=self.name, lang=self.lang), 1)

    async def press(self, said: Said, label: str | None = None) -> Said:
        """Press a button of an earlier answer (the first one, or the one labelled `label`)."""
        message = next(m for m in said.messages if m.buttons)
        button = next(b for b in message.buttons if label is None or b["text"] == label)
        return await self._answer(lambda: self.server.push_callback(
            self.user_id, button["callback_data"], message=message.params, chat_id=self.chat_id,
            name=self.name, lang=self.lang), 1)

    async def silence(self, update_id: int) -> None:
        """Assert the bot says nothing to this chat about `update_id`."""
        before = len(self.server.sent(self.chat_id))
        await self.server.wait_idle(update_id)
        assert self.server.sent(self.chat_id)[before:] == []


@pytest.fixture
def let_in(engine, settings):
    """Let a Telegram account into the default team, as an admin would."""
    def add(user_id: int, name: str = "Anna", role: str = "rep") -> None:
        with Session(engine) as session:
            add_user(session, get_team(session, "default", settings.timezone), "telegram", str(user_id), name,
                     role=role)
            session.commit()
    return add


def tg_settings(settings, server: FakeTelegram, **more):
    return settings.model_copy(update={"telegram_bot_token": TOKEN,
                                       "telegram_api_base_url": server.base_url, **more})


@pytest.fixture
async def adapter(crm, settings, telegram_server, clock):
    """The bot polling the fake Bot API; messages are dated by the test's clock."""
    telegram_server.now = lambda: clock.now.timestamp()
    adapter = TelegramAdapter(crm, tg_settings(settings, telegram_server), poll_timeout=1)
    await adapter.start()
    try:
        yield adapter
    finally:
        await adapter.stop()


@pytest.fixture
def telegram(adapter, telegram_server) -> FakeTelegram:
    return telegram_server


@pytest.fixture
def anna(telegram, let_in) -> Chat:
    let_in(ANNA, "Anna")
    return Chat(telegram, ANNA, "Anna")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def add_followups(engine, user_id: int, customer: str, count: int, what: str) -> None:
    with Session(engine) as session:
        team = get_team(session, "default")
        member = identity_of(session, "telegram", str(user_id))
        firm = Customer(team_id=team.id, name=customer, name_key=name_key(customer))
        session.add(firm)
        session.flush()
        for i in range(count):
            session.add(FollowUp(team_id=team.id, customer_id=firm.id, member_id=member.id,
                                 due=date(2026, 11, 25), what=f"{what} #{i + 1}"))
        session.commit()


# -- members ------------------------------------------------------------------------------------

async def test_a_note_is_confirmed_with_an_undo_button_that_works(anna, telegram, store):
    store.add_customers("Globex Corporation")
    said = await anna.say("Visited Globex, met Maria Lopez. Sent the quote for $42k. Follow up Friday.")
    assert "Globex Corporation" in said and "Maria Lopez" in said
    [undo] = said.buttons
    assert undo["text"] == "Undo" and undo["callback_data"].startswith("undo:")
    assert said.messages[0].params["parse_mode"] == "HTML"
    assert store(Deal) == 1 and store(Interaction) == 1

    undone = await anna.press(said)
    assert "Globex" in undone and "undo" in undone.text.lower()
    assert store(Deal) == 0 and store(Interaction) == 0 and store(FollowUp) == 0
    assert telegram.of("answerCallbackQuery")
    [edit] = await telegram.wait_for(lambda: telegram.of("editMessageReplyMarkup"))
    assert edit.params["message_id"] == said.messages[0].params["message_id"]
    assert not edit.params.get("reply_markup")  # the used Undo button is gone


async def test_help_and_start_explain_what_to_write(anna):
    said = await anna.say("/help")
    assert "Just write what happened" in said
    assert "Just write what happened" in await anna.say("/start")


async def test_today_lists_my_followups_with_done_buttons(anna, engine):
    add_followups(engine, ANNA, "Initech LLC", 2, "send the contract")
    said = await anna.say("/today")
    assert "Your follow-ups" in said and "Initech LLC: send the contract #1" in said
    assert [b["callback_data"].split(":")[0] for b in said.buttons] == ["done", "drop", "done", "drop"]


async def test_a_long_answer_arrives_in_pieces_cut_at_line_ends(anna, engine):
    add_followups(engine, ANNA, "Umbrella Corporation", 50, "call back about the renewal terms " * 2)
    said = await anna.say("/today", messages=2)
    assert len(said.messages) >= 2
    for message in said.messages:
        shown = html.unescape(message.text)
        assert 0 < len(shown) <= 4096
        assert not shown.startswith("\n") and not shown.endswith("\n")
    assert said.messages[-1].buttons and not said.messages[0].buttons  # buttons under the last piece
    lines = said.text.split("\n")
    assert sum(1 for line in lines if "Umbrella Corporation: call back" in line) == 50  # no line cut


async def test_markup_in_a_customer_name_shows_as_typed(anna, engine):
    add_followups(engine, ANNA, MARKUP_NAME, 1, "bring *all* <i>docs</i> & keys")
    said = await anna.say("/today")
    raw = said.messages[0].text
    assert "&lt;b&gt;_*[x]" in raw and "<b>" not in raw and "<i>" not in raw
    assert f"{MARKUP_NAME}: bring *all* <i>docs</i> & keys #1" in said


async def test_a_voice_note_asks_for_an_llm(anna, store):
    said = await anna.voice()
    assert "Voice notes need an LLM" in said
    assert store(Interaction) == 0


async def test_a_burst_from_two_reps_is_answered_in_order_with_nothing_lost(anna, telegram, let_in, store):
    firms = ["Globex", "Initech", "Umbrella", "Hooli", "Cyberdyne", "Soylent", "Wonka", "Tyrell"]
    store.add_customers(*(f"{firm} Corporation" for firm in firms))
    let_in(2002, "Boris")
    for firm in firms:
        telegram.push_text(ANNA, f"Called {firm}, quick check-in")
        telegram.push_text(2002, f"Called {firm}, quick check-in", name="Boris")
    for chat in (ANNA, 2002):
        answers = await telegram.wait_sent(len(firms), chat)
        assert [next(f for f in firms if f in a.text) for a in answers] == firms
    assert store(Interaction) == 2 * len(firms)


# -- strangers ----------------------------------------------------------------------------------

async def test_a_stranger_gets_one_polite_refusal_and_no_customer_data(telegram, let_in, store):
    store.add_customers("Globex Corporation")
    let_in(ANNA)
    stranger = Chat(telegram, STRANGER, "Mallory")
    said = await stranger.say("what do we know about Globex")
    assert len(said.messages) == 1 and not said.buttons
    assert "Sorry, this bot is for members" in said and "Globex" not in said
    # after that one refusal: nothing on any path, not even whether a customer exists
    await stranger.silence(telegram.push_text(STRANGER, "/today", name="Mallory"))
    await stranger.silence(telegram.push_text(STRANGER, "Called Globex, they signed $10k", name="Mallory"))
    await stranger.silence(telegram.push_callback(STRANGER, "undo:1", name="Mallory"))
    assert telegram.of("answerCallbackQuery")  # the button stops spinning all the same
    assert store(Customer) == 1 and store(Interaction) == 0 and not telegram.of("editMessageReplyMarkup")


async def test_a_stranger_is_refused_in_their_language(telegram):
    said = await Chat(telegram, STRANGER, "Маша", lang="ru").say("привет")
    assert "Извините" in said


# -- groups -------------------------------------------------------------------------------------

async def test_in_a_group_only_mentions_and_commands_are_answered(telegram, let_in, store):
    store.add_customers("Globex Corporation")
    let_in(ANNA)
    group = Chat(telegram, ANNA, "Anna", chat_id=GROUP)
    quiet = telegram.push_text(ANNA, "Called Globex, they want a demo", chat_id=GROUP)
    await group.silence(quiet)
    assert store(Interaction) == 0
    other_bot = telegram.push_text(ANNA, "/today@some_other_bot", chat_id=GROUP)
    await group.silence(other_bot)

    said = await group.say("@crm_test_bot Called Globex, they want a demo")
    assert "Globex Corporation" in said and store(Interaction) == 1
    assert said.messages[0].params["reply_parameters"]["message_id"]  # quotes the note it answers
    assert "Your follow-ups" in await group.say("/today@crm_test_bot")
    reply_to_bot = await group._answer(lambda: telegram.push_reply_to_bot(ANNA, "help", chat_id=GROUP), 1)
    assert "Just write what happened" in reply_to_bot


async def test_in_a_group_a_colleagues_done_button_is_refused(telegram, let_in, engine, store):
    """Boris taps "✅ 1" under Anna's list in the team's group: her follow-up stays open (issue 13, case 2)."""
    let_in(ANNA, "Anna")
    let_in(2002, "Boris")
    add_followups(engine, ANNA, "Initech LLC", 1, "send the contract")
    anna = Chat(telegram, ANNA, "Anna", chat_id=GROUP)
    boris = Chat(telegram, 2002, "Boris", chat_id=GROUP)
    listed = await anna.say("/today@crm_test_bot")
    assert "Initech LLC: send the contract #1" in listed
    refused = await boris.press(listed, "✅ 1")
    assert "That follow-up is Anna's: only Anna or a manager can close or move it" in refused
    forged = await boris._answer(lambda: telegram.push_callback(
        2002, listed.buttons[0]["callback_data"].replace("done:", "snooze:") + ":90", chat_id=GROUP,
        name="Boris"), 1)
    assert "That follow-up is Anna's" in forged
    assert store(FollowUp, FollowUp.done_at.is_(None), FollowUp.due == date(2026, 11, 25)) == 1
    done = await anna.press(listed, "✅ 1")
    assert "Done: Initech LLC" in done
    assert store(FollowUp, FollowUp.done_at.is_(None)) == 0


# -- the platform ---------------------------------------------------------------------------------

async def test_what_the_pipeline_receives_from_telegram(adapter, telegram, clock):
    def incoming(update: dict):
        return adapter.translate(Update.de_json(update, adapter.app.bot))

    text = incoming({"update_id": 1, "message": telegram.message(ANNA, "Called Globex", lang="ru")})
    assert (text.platform, text.account_id, text.chat_id, text.text, text.lang_hint, text.mentioned) == (
        "telegram", str(ANNA), str(ANNA), "Called Globex", "ru", True)
    assert text.message_id.startswith(f"{ANNA}:") and text.sent_at == clock.now
    photo = incoming({"update_id": 2, "message": telegram.message(
        ANNA, None, caption="Visited Hooli",
        photo=[{"file_id": "small", "file_unique_id": "s", "width": 90, "height": 90},
               {"file_id": "large", "file_unique_id": "l", "width": 1280, "height": 960}])})
    assert (photo.image, photo.text) == ("large", "Visited Hooli")
    group = incoming({"update_id": 3, "message": telegram.message(ANNA, "Hi @CRM_test_bot, called Hooli",
                                                                  chat_id=GROUP)})
    assert (group.chat_id, group.text) == (str(GROUP), "Hi called Hooli")
    assert incoming({"update_id": 4, "message": telegram.message(ANNA, "hi all", chat_id=GROUP)}) is None
    assert incoming({"update_id": 5, "message": telegram.message(ANNA, "/start AB12CD34")}).text == "/start AB12CD34"
    assert incoming({"update_id": 6, "message": telegram.message(ANNA, "/pipeline")}).text == "/pipeline"
    assert incoming({"update_id": 7, "message": telegram.message(ANNA, "/undo@CRM_test_bot")}).text == "/undo"


def test_long_text_is_cut_at_line_ends_then_spaces():
    lines = [f"line {i} " + "x" * 90 for i in range(100)]
    pieces = split_text("\n".join(lines))
    assert all(len(p) <= 4096 for p in pieces) and "\n".join(pieces).split("\n") == lines
    one_line = " ".join(["word"] * 3000)  # 14,999 characters, no line break
    pieces = split_text(one_line)
    assert len(pieces) == 4 and all(len(p) <= 4096 and not p.startswith(" ") for p in pieces)
    assert " ".join(pieces) == one_line
    emoji = "😀" * 3000  # two UTF-16 units each: Telegram counts 6,000
    assert [units(p) for p in split_text(emoji)] == [4096, 1904]


async def test_a_pushed_chart_arrives_as_a_photo_with_its_caption(adapter, telegram):
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    await adapter.send(str(ANNA), Reply(text="Pipeline this month:", image=png, image_caption="Q4 <weighted>",
                                        choices=[Choice("Undo", "undo:7")]))
    text, photo = await telegram.wait_sent(2, ANNA)
    assert (text.method, text.text, text.buttons) == ("sendMessage", "Pipeline this month:", [])
    assert photo.method == "sendPhoto" and photo.params["caption"] == "Q4 &lt;weighted&gt;"
    assert photo.params["photo"]["bytes"] == png and photo.buttons[0]["callback_data"] == "undo:7"


async def test_a_voice_note_is_downloaded_by_its_file_id(adapter, telegram):
    assert await adapter.download("voice-1") == b"OggS fake voice bytes"
    assert telegram.of("getFile")[-1].params["file_id"] == "voice-1"


def test_bot_api_calls_honour_https_proxy_but_not_for_hosts_in_no_proxy(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    request = AiohttpRequest()
    assert request._proxy_for("https://api.telegram.org/bot1:x/getMe") == "http://proxy.example:3128"
    assert request._proxy_for("http://127.0.0.1:8081/bot1:x/getMe") is None


async def test_the_command_menu_is_registered_in_three_languages(telegram):
    menus = {c.params.get("language_code"): c.params["commands"] for c in telegram.of("setMyCommands")}
    assert set(menus) == {None, "zh", "ru"}
    assert [c["command"] for c in menus[None]][:3] == ["today", "pipeline", "undo"]
    assert menus["ru"][0]["description"] == "Мои задачи на сегодня"
    assert menus["zh"][0]["description"] == "我今天的跟进"


async def test_flood_limit_is_waited_out_and_the_message_still_arrives(telegram):
    telegram.fail_next("sendMessage", times=2, retry_after=1)
    said = await Chat(telegram, STRANGER, "Mallory").say("hello")
    assert "Sorry" in said
    attempts = [c for c in telegram.calls if c.method == "sendMessage"]
    assert [c.status for c in attempts] == [429, 429, 200]
    assert attempts[2].at - attempts[1].at >= 1.0  # retry_after honoured
    assert len(telegram.sent(STRANGER)) == 1  # delivered once


async def test_webhook_mode_checks_the_secret_on_every_request(crm, settings, telegram_server):
    port = free_port()
    adapter = TelegramAdapter(crm, tg_settings(
        settings, telegram_server, telegram_webhook_url="https://crm.example.com/tg/hook",
        telegram_webhook_secret="s3cret-Token", telegram_webhook_port=port), listen="127.0.0.1")
    await adapter.start()
    try:
        assert telegram_server.webhook["url"] == "https://crm.example.com/tg/hook"
        assert telegram_server.webhook["secret_token"] == "s3cret-Token"
        update = {"update_id": 9001, "message": telegram_server.message(STRANGER, "hello")}
        url = f"http://127.0.0.1:{port}/tg/hook"
        async with aiohttp.ClientSession() as http:
            async with http.post(url, json=update) as response:
                assert response.status == 403
            async with http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}) as r:
                assert r.status == 403
            assert telegram_server.sent() == []
            async with http.post(url, json=update,
                                 headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token"}) as response:
                assert response.status == 200
        [refusal] = await telegram_server.wait_sent(1, STRANGER)
        assert "Sorry" in refusal.text
        assert not telegram_server.of("getUpdates")
    finally:
        await adapter.stop()


async def test_an_update_is_kept_before_telegram_is_told_it_arrived(adapter, crm, telegram, let_in, store):
    from storage.models import Inbox

    let_in(ANNA, "Anna")
    update = Update.de_json({"update_id": 990, "message": telegram.message(ANNA, "Called Globex Corporation")},
                            adapter.app.bot)
    await adapter._store(update)  # what the update queue does before the offset moves on
    assert store(Inbox, Inbox.processed_at.is_(None)) == 1
    [(incoming, reply)] = await crm.replay()  # the process died there; on restart:
    assert "Globex Corporation" in reply.text and incoming.chat_id == str(ANNA)
    assert store(Inbox, Inbox.processed_at.is_(None)) == 0


async def test_a_bot_api_call_that_hangs_times_out_and_a_refused_one_is_a_network_error():
    async def slow(_request):
        await asyncio.sleep(2)
        return aiohttp.web.json_response({"ok": True, "result": True})

    app = aiohttp.web.Application()
    app.router.add_post("/bot1:x/getMe", slow)
    runner = aiohttp.web.AppRunner(app)
    await runner.setup()
    site = aiohttp.web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]  # aiohttp types TCPSite._server Optional (None until started)
    request = AiohttpRequest(read_timeout=0.2, write_timeout=0.1)
    await request.initialize()
    try:
        with pytest.raises(TimedOut):
            await request.do_request(f"http://127.0.0.1:{port}/bot1:x/getMe", "POST")
        with socket.socket() as free:
            free.bind(("127.0.0.1", 0))
            closed = free.getsockname()[1]
        with pytest.raises(NetworkError):
            await request.do_request(f"http://127.0.0.1:{closed}/bot1:x/getMe", "POST")
    finally:
        await request.shutdown()
        await runner.cleanup()
