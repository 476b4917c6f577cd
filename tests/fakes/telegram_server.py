"""A fake Telegram Bot API on 127.0.0.1: serves queued updates, records every call, can answer 429.

    async def test_x(telegram_server):
        telegram_server.push_text(42, "hello")
        [sent] = await telegram_server.wait_sent(1, chat_id=42)
"""
from __future__ import annotations

import asyncio
import itertools
import json
import random
import time
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Callable

import pytest
from aiohttp import web
from aiohttp.web_request import FileField

TOKEN = "123456:TEST-fake-token"
BOT_USER = {"id": 777000111, "is_bot": True, "first_name": "CRM", "username": "crm_test_bot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}
_RAW = {"text", "caption", "parse_mode", "language_code", "callback_query_id", "url", "secret_token",
        "file_id", "description", "short_description", "name"}
_SENDS = ("sendMessage", "sendPhoto")


@dataclass
class Call:
    """One Bot API request as the fake received it."""

    method: str
    params: dict[str, Any]
    status: int = 200
    at: float = field(default_factory=time.monotonic)

    @property
    def chat_id(self) -> Any:
        return self.params.get("chat_id")

    @property
    def text(self) -> str:
        return self.params.get("text") or self.params.get("caption") or ""

    @property
    def buttons(self) -> list[dict]:
        """The inline keyboard's buttons, flattened."""
        markup = self.params.get("reply_markup") or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _entities(text: str) -> list[dict]:
    """The entities Telegram would attach: a leading /command and every @mention."""
    found = []
    words = [(i, w) for i, w in _words(text)]
    for index, (start, word) in enumerate(words):
        if index == 0 and start == 0 and word.startswith("/") and len(word) > 1:
            found.append({"type": "bot_command", "offset": 0, "length": _utf16(word)})
        elif word.startswith("@") and len(word) > 1:
            word = word.rstrip(",.!?:;")
            found.append({"type": "mention", "offset": _utf16(text[:start]), "length": _utf16(word)})
    return found


def _words(text: str):
    start = None
    for i, char in enumerate(text + " "):
        if char.isspace():
            if start is not None:
                yield start, text[start:i]
                start = None
        elif start is None:
            start = i


class FakeTelegram:
    """The Bot API as python-telegram-bot uses it, on a free loopback port."""

    def __init__(self, token: str = TOKEN, poll_cap: float = 0.3):
        self.token = token
        self.poll_cap = poll_cap
        self.calls: list[Call] = []
        self.updates: list[dict] = []          # not yet confirmed by an offset
        self.pushed: dict[int, dict] = {}      # every update ever pushed, by id
        self.confirmed_offset = 0
        self._again: list[dict] = []           # served once more whatever the offset (redeliver)
        self.webhook: dict[str, Any] | None = None
        self.now: Callable[[], float] = time.time   # the date stamped on pushed messages
        self.replaced: dict[str, Callable[[dict], Any]] = {}   # a test's own answer to a method ("getUpdates")
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(5000)
        self._callback_ids = itertools.count(1)
        self._failures: dict[str, list[int]] = {}
        self._throttles: dict[str, tuple[float, int, random.Random]] = {}
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- server ------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """What TELEGRAM_API_BASE_URL is set to (PTB appends the token)."""
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.*}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- what tests push ---------------------------------------------------------------------

    def push(self, update: dict) -> int:
        """Queue a raw update (its update_id is assigned); returns the id."""
        update = {"update_id": next(self._update_ids), **update}
        self.updates.append(update)
        self.pushed[update["update_id"]] = update
        return update["update_id"]

    def redeliver(self, update_id: int) -> None:
        """Serve an update again under the same update_id: in the same batch when it is still
        unconfirmed, else once more on the next getUpdates even though an offset confirmed it."""
        update = self.pushed[update_id]
        if any(u["update_id"] == update_id for u in self.updates):
            self.updates.append(update)
        else:
            self._again.append(update)

    def user(self, user_id: int, name: str = "Anna", lang: str | None = "en") -> dict:
        user = {"id": user_id, "is_bot": False, "first_name": name}
        if lang:
            user["language_code"] = lang
        return user

    def message(self, user_id: int, text: str | None = None, *, chat_id: int | None = None,
                name: str = "Anna", lang: str | None = "en", **extra: Any) -> dict:
        """A message dict: a private chat unless `chat_id` is negative (a group)."""
        chat_id = user_id if chat_id is None else chat_id
        chat = ({"id": chat_id, "type": "private", "first_name": name} if chat_id > 0
                else {"id": chat_id, "type": "group", "title": "Sales team"})
        message = {"message_id": next(self._message_ids), "date": int(self.now()), "chat": chat,
                   "from": self.user(user_id, name, lang), **extra}
        if text is not None:
            message["text"] = text
            if _entities(text):
                message["entities"] = _entities(text)
        return message

    def push_text(self, user_id: int, text: str, **kw: Any) -> int:
        """A text message from `user_id` (in a group when chat_id < 0)."""
        return self.push({"message": self.message(user_id, text, **kw)})

    def push_reply_to_bot(self, user_id: int, text: str, *, chat_id: int, **kw: Any) -> int:
        original = {"message_id": next(self._message_ids), "date": int(self.now()),
                    "chat": {"id": chat_id, "type": "group", "title": "Sales team"},
                    "from": BOT_USER, "text": "earlier answer"}
        return self.push({"message": self.message(user_id, text, chat_id=chat_id,
                                                  reply_to_message=original, **kw)})

    def push_voice(self, user_id: int, file_id: str = "voice-file-1", duration: int = 4, **kw: Any) -> int:
        voice = {"file_id": file_id, "file_unique_id": f"u-{file_id}", "duration": duration,
                 "mime_type": "audio/ogg", "file_size": 5120}
        return self.push({"message": self.message(user_id, None, voice=voice, **kw)})

    def push_photo(self, user_id: int, caption: str = "", file_id: str = "photo-file-1", **kw: Any) -> int:
        sizes = [{"file_id": f"{file_id}-s", "file_unique_id": "s", "width": 90, "height": 90},
                 {"file_id": file_id, "file_unique_id": "l", "width": 1280, "height": 960}]
        extra = {"caption": caption} if caption else {}
        return self.push({"message": self.message(user_id, None, photo=sizes, **extra, **kw)})

    def push_callback(self, user_id: int, data: str, *, message: dict | None = None,
                      chat_id: int | None = None, name: str = "Anna", lang: str | None = "en") -> int:
        """A press of an inline button carrying `data` on `message` (a sent message's params)."""
        chat_id = user_id if chat_id is None else chat_id
        chat = {"id": chat_id, "type": "private" if chat_id > 0 else "group"}
        pressed = {"message_id": (message or {}).get("message_id", next(self._message_ids)),
                   "date": int(self.now()), "chat": chat, "from": BOT_USER,
                   "text": (message or {}).get("text", "")}
        if message and message.get("reply_markup"):
            pressed["reply_markup"] = message["reply_markup"]
        query = {"id": str(next(self._callback_ids)), "from": self.user(user_id, name, lang),
                 "chat_instance": f"ci-{chat_id}", "data": data, "message": pressed}
        return self.push({"callback_query": query})

    def fail_next(self, method: str = "sendMessage", times: int = 1, retry_after: int = 1) -> None:
        """Answer the next `times` calls of `method` with 429 Too Many Requests."""
        self._failures.setdefault(method, []).extend([retry_after] * times)

    def throttle(self, share: float, method: str = "sendMessage", retry_after: int = 1, seed: int = 0) -> None:
        """From now on answer about `share` of the `method` calls (chosen at random, seeded) with 429
        and `retry_after`; `share` 0 stops it. Queued `fail_next` answers come first."""
        if share <= 0:
            self._throttles.pop(method, None)
        else:
            self._throttles[method] = (share, retry_after, random.Random(seed))

    # -- what tests read ---------------------------------------------------------------------

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and c.status == 200]

    def refused(self, method: str = "sendMessage") -> list[Call]:
        """Calls of `method` answered with 429."""
        return [c for c in self.calls if c.method == method and c.status == 429]

    def sent(self, chat_id: int | None = None) -> list[Call]:
        """Messages and photos the bot delivered (429-refused attempts excluded), in order."""
        return [c for c in self.calls if c.method in _SENDS and c.status == 200
                and (chat_id is None or c.chat_id == chat_id)]

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            result = predicate()
            if result:
                return result
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout}s; calls: "
                                     f"{[(c.method, c.status, c.text[:60]) for c in self.calls]}")
            await asyncio.sleep(0.01)

    async def wait_sent(self, count: int, chat_id: int | None = None, timeout: float = 10.0) -> list[Call]:
        """Wait until at least `count` messages went to the chat; returns them all."""
        await self.wait_for(lambda: len(self.sent(chat_id)) >= count, timeout)
        return self.sent(chat_id)

    async def wait_idle(self, update_id: int, timeout: float = 10.0) -> None:
        """Wait until the bot confirmed `update_id` (asked for a later offset) and went quiet."""
        await self.wait_for(lambda: self.confirmed_offset > update_id, timeout)
        await asyncio.sleep(0.3)

    # -- the API -----------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return await request.json()
        form = await request.post() if request.can_read_body else request.query
        params: dict[str, Any] = {}
        for key, value in form.items():
            if isinstance(value, FileField):
                params[key] = {"filename": value.filename, "bytes": value.file.read()}
            elif key in _RAW:
                params[key] = value
            else:
                try:
                    params[key] = json.loads(value)
                except ValueError:
                    params[key] = value
        return params

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        call = Call(method, params)
        self.calls.append(call)
        if request.match_info["token"] != self.token:
            call.status = 401
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"},
                                     status=401)
        pending = self._failures.get(method)
        throttle = self._throttles.get(method)
        wait = None
        if pending:
            wait = pending.pop(0)
        elif throttle is not None and throttle[2].random() < throttle[0]:
            wait = throttle[1]
        if wait is not None:
            call.status = 429
            return web.json_response({"ok": False, "error_code": 429, "parameters": {"retry_after": wait},
                                      "description": f"Too Many Requests: retry after {wait}"},
                                     status=429)
        handler = self.replaced.get(method) or getattr(self, f"_m_{method}", None)
        if handler is None:
            call.status = 404
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"},
                                     status=404)
        result = handler(params)
        if asyncio.iscoroutine(result):
            result = await result
        return web.json_response({"ok": True, "result": result})

    async def _file(self, request: web.Request) -> web.Response:
        self.calls.append(Call("file", {"path": request.match_info["path"]}))
        return web.Response(body=b"OggS fake voice bytes", content_type="audio/ogg")

    def _m_getMe(self, params: dict) -> dict:
        return BOT_USER

    def _m_deleteWebhook(self, params: dict) -> bool:
        self.webhook = None
        if params.get("drop_pending_updates"):
            self.updates.clear()
        return True

    def _m_setWebhook(self, params: dict) -> bool:
        self.webhook = params
        return True

    def _m_getWebhookInfo(self, params: dict) -> dict:
        return {"url": (self.webhook or {}).get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self.updates)}

    def _m_setMyCommands(self, params: dict) -> bool:
        return True

    def _m_answerCallbackQuery(self, params: dict) -> bool:
        return True

    def _m_close(self, params: dict) -> bool:
        return True

    async def _m_getUpdates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        if offset:
            self.confirmed_offset = max(self.confirmed_offset, offset)
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), self.poll_cap)
        while not self.updates and not self._again and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        if self._again:
            again, self._again = self._again, []
            return again
        return self.updates[:limit]

    def _message(self, params: dict, message_id: int | None = None, **content: Any) -> dict:
        chat_id = params.get("chat_id")
        chat_type = "private" if isinstance(chat_id, int) and chat_id > 0 else "group"
        message_id = message_id or next(self._message_ids)
        message = {"message_id": message_id, "date": int(time.time()), "from": BOT_USER,
                   "chat": {"id": chat_id, "type": chat_type}, **content}
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        params.setdefault("message_id", message_id)  # tests can press this message's buttons
        return message

    def _m_sendMessage(self, params: dict) -> dict:
        return self._message(params, text=params.get("text", ""))

    def _m_sendPhoto(self, params: dict) -> dict:
        photo = [{"file_id": "sent-photo", "file_unique_id": "sp", "width": 800, "height": 600}]
        content: dict[str, Any] = {"photo": photo}
        if params.get("caption"):
            content["caption"] = params["caption"]
        return self._message(params, **content)

    def _m_editMessageReplyMarkup(self, params: dict) -> dict:
        return self._message(params, message_id=params.get("message_id"), text="")

    def _m_getFile(self, params: dict) -> dict:
        file_id = params.get("file_id", "")
        return {"file_id": file_id, "file_unique_id": f"u-{file_id}", "file_size": 21,
                "file_path": f"voice/{file_id}.oga"}


@pytest.fixture
async def telegram_server() -> AsyncIterator[FakeTelegram]:
    """A fresh fake Bot API for one test."""
    server = FakeTelegram()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
