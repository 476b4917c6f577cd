"""A fake Slack Web API on 127.0.0.1 that records every call (and catches `response_url` posts).

Use the `slack_api` fixture: `slack_api.base_url` is what `SLACK_API_BASE_URL` points at,
`slack_api.response_url("x")` a response_url to put in slash-command / button payloads,
`slack_api.calls` every recorded `Call`, `await slack_api.wait_for("chat.postMessage")` the first
one of a method (waits until it arrives).
"""
from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any, AsyncIterator

import pytest
from aiohttp import web


@dataclass
class Call:
    """One request the fake received: the API method (or "response_url") and its arguments."""

    method: str
    args: dict[str, Any]
    path: str = ""
    at: float = field(default_factory=time.monotonic)

    def __getitem__(self, key: str) -> Any:
        return self.args[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.args.get(key, default)


class FakeSlack:
    """The server: start() on a free port, stop(); its state is plain attributes tests can change."""

    def __init__(self, team_id: str = "T0TEAM", bot_user_id: str = "UBOT", bot_id: str = "BBOT"):
        self.team_id = team_id
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.users: dict[str, dict[str, Any]] = {}
        self.calls: list[Call] = []
        self.uploads: dict[str, bytes] = {}
        self.fail: dict[str, str] = {}  # method → Slack error code to answer with
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._ts = 1_800_000_000
        self.sockets: list[web.WebSocketResponse] = []   # Socket Mode connections
        self.socket_acks: list[dict[str, Any]] = []      # what the app answered to envelopes

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str = "r") -> str:
        return f"{self.url}/response/{name}"

    def add_user(self, user_id: str, name: str, locale: str = "en-US", team_id: str | None = None) -> None:
        self.users[user_id] = {"id": user_id, "team_id": team_id or self.team_id, "name": name.lower(),
                               "real_name": name, "locale": locale, "tz": "Europe/London",
                               "profile": {"display_name": name, "real_name": name}}

    # --- recording -----------------------------------------------------------------------
    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """The calls of `method` once at least `count` have arrived."""
        deadline = time.monotonic() + timeout
        while len(self.of(method)) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"expected {count} {method} call(s), got {self.of(method)} "
                                     f"(all: {[c.method for c in self.calls]})")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), min(left, 0.2))
            except asyncio.TimeoutError:
                pass
        return self.of(method)

    def _record(self, method: str, args: dict[str, Any], path: str) -> None:
        self.calls.append(Call(method, args, path))
        self._changed.set()

    # --- server --------------------------------------------------------------------------
    async def start(self) -> None:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_post("/response/{name}", self._response)
        app.router.add_get("/link", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]  # aiohttp types TCPSite._server Optional (None until started)

    async def stop(self) -> None:
        for ws in self.sockets:
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @staticmethod
    async def _args(request: web.Request) -> dict[str, Any]:
        args: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            kind = request.content_type
            if kind == "application/json":
                args.update(await request.json())
            elif kind in ("application/x-www-form-urlencoded", "multipart/form-data"):
                for key, value in (await request.post()).items():
                    args[key] = value.file.read() if hasattr(value, "file") else value
        for key in ("blocks", "files", "attachments"):  # form-encoded JSON fields
            if isinstance(args.get(key), str):
                try:
                    args[key] = json.loads(args[key])
                except ValueError:
                    pass
        return args

    def _next_ts(self) -> str:
        self._ts += 1
        return f"{self._ts}.000100"

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await self._args(request)
        auth = request.headers.get("Authorization", "")
        args.setdefault("_token", auth.removeprefix("Bearer "))
        self._record(method, args, request.path)
        if method in self.fail:
            return web.json_response({"ok": False, "error": self.fail[method]})
        if not auth.startswith("Bearer "):
            return web.json_response({"ok": False, "error": "not_authed"})
        answer = self._answer(method, args)
        if answer is None:
            return web.json_response({"ok": False, "error": "unknown_method"}, status=404)
        return web.json_response({"ok": True, **answer})

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any] | None:
        if method == "auth.test":
            return {"url": "https://fake.slack.com/", "team": "Fake Team", "user": "crmbot",
                    "team_id": self.team_id, "user_id": self.bot_user_id, "bot_id": self.bot_id}
        if method in ("chat.postMessage", "chat.update"):
            ts = args.get("ts") or self._next_ts()
            return {"channel": args.get("channel"), "ts": ts,
                    "message": {"text": args.get("text"), "blocks": args.get("blocks"), "ts": ts}}
        if method == "chat.postEphemeral":
            return {"message_ts": self._next_ts()}
        if method == "apps.connections.open":
            return {"url": f"ws://127.0.0.1:{self.port}/link"}
        if method == "conversations.open":
            return {"channel": {"id": "D" + str(args.get("users", "X"))[1:]}}
        if method == "users.info":
            user = self.users.get(str(args.get("user")))
            return {"user": user} if user else None
        if method == "files.getUploadURLExternal":
            file_id = f"F{len(self.uploads) + 1:06d}"
            self.uploads[file_id] = b""
            return {"upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = args.get("files") or []
            return {"files": [{"id": f.get("id"), "title": f.get("title"),
                               "size": len(self.uploads.get(f.get("id"), b""))} for f in files]}
        if method == "files.upload":
            return {"file": {"id": "F_LEGACY", "title": args.get("title")}}
        return None

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.sockets.append(ws)
        self._record("socket_open", {}, request.path)
        await ws.send_json({"type": "hello", "num_connections": 1, "debug_info": {"host": "fake"},
                            "connection_info": {"app_id": "A1"}})
        async for msg in ws:
            if msg.type.name == "TEXT":
                self.socket_acks.append(json.loads(msg.data))
                self._record("socket_ack", json.loads(msg.data), request.path)
        return ws

    async def push(self, kind: str, payload: dict[str, Any], envelope_id: str = "env-1", retry: int = 0) -> None:
        """Send a Socket Mode envelope (`events_api`, `slash_commands`, `interactive`) to the app."""
        await self.wait_for("socket_open")
        await self.sockets[-1].send_json({"envelope_id": envelope_id, "type": kind, "payload": payload,
                                          "accepts_response_payload": kind != "events_api",
                                          "retry_attempt": retry, "retry_reason": "timeout" if retry else ""})

    async def _upload(self, request: web.Request) -> web.Response:
        file_id = request.match_info["file_id"]
        if request.content_type == "multipart/form-data":
            data = b""
            for value in (await request.post()).values():
                data = value.file.read() if hasattr(value, "file") else str(value).encode()
        else:
            data = await request.read()
        self.uploads[file_id] = data
        self._record("upload", {"file_id": file_id, "size": len(data)}, request.path)
        return web.Response(text=f"OK - {len(data)}")

    async def _response(self, request: web.Request) -> web.Response:
        args = await request.json() if request.content_type == "application/json" else dict(await request.post())
        args["_name"] = request.match_info["name"]
        self._record("response_url", args, request.path)
        return web.Response(text="ok")


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlack]:
    """A running fake Slack Web API for one test."""
    server = FakeSlack()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
