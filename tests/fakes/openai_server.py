"""A fake OpenAI-compatible server on 127.0.0.1: chat completions and audio transcriptions.

    async def test_x(openai_server):
        openai_server.script(reply({"lang": "en", "intent": "log", ...}), status(429), slow({...}, 3))
        settings = Settings(OPENAI_API_KEY="test", OPENAI_BASE_URL=openai_server.base_url, ...)

Each chat request takes the next scripted reply (or `answer(body)` when the queue is
empty). A reply can be a JSON object (as content, or as a tool call), raw text,
an HTTP status (429, 500...), and slow. Every request body is kept, and calls and
tokens are counted (the server's own estimate, also reported back as `usage`).
"""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Callable

import pytest
from aiohttp import web

from handlers.understanding.llm.client import estimate_tokens


@dataclass
class Scripted:
    """One answer of the fake: what, how (status, tool call), and how late."""

    obj: Any = None                 # a JSON value to answer with
    raw: str | None = None          # or exact content text (e.g. invalid JSON)
    status: int = 200
    delay: float = 0.0
    as_tool: bool = False
    usage: bool = True              # report `usage` in the response


def reply(obj: Any, *, delay: float = 0.0, as_tool: bool = False) -> Scripted:
    """Answer with `obj` as the message content (JSON), or as a tool call's arguments."""
    return Scripted(obj=obj, delay=delay, as_tool=as_tool)


def raw(text: str, *, delay: float = 0.0) -> Scripted:
    """Answer with exact content text, e.g. something that is not JSON."""
    return Scripted(raw=text, delay=delay)


def status(code: int, *, delay: float = 0.0) -> Scripted:
    """Answer with an HTTP error (with a tiny Retry-After so the client's retries are quick)."""
    return Scripted(status=code, delay=delay)


def slow(obj: Any, seconds: float) -> Scripted:
    return Scripted(obj=obj, delay=seconds)


@dataclass
class FakeOpenAI:
    """The chat-completions and transcription endpoints of an OpenAI-compatible server."""

    queue: list[Scripted] = field(default_factory=list)
    answer: Callable[[dict], Scripted] | None = None     # used when the queue is empty
    transcript: str = "visited Kestrel, follow up Monday"
    requests: list[dict] = field(default_factory=list)   # chat request bodies, in order
    audio: list[dict] = field(default_factory=list)      # {"model", "filename", "size"}
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    port: int = 0
    _runner: web.AppRunner | None = None

    @property
    def base_url(self) -> str:
        """What OPENAI_BASE_URL is set to."""
        return f"http://127.0.0.1:{self.port}/v1"

    def script(self, *replies: Scripted) -> None:
        self.queue.extend(replies)

    def sent_text(self) -> str:
        """Everything the client sent in chat requests, as one string (for redaction checks)."""
        return "\n".join(json.dumps(body, ensure_ascii=False) for body in self.requests)

    @staticmethod
    def count_prompt(body: dict) -> int:
        """Prompt tokens of a request: messages plus the response format / tools (as OpenAI bills)."""
        total = 0
        for message in body.get("messages") or []:
            content = message.get("content")
            if isinstance(content, list):
                content = " ".join(part.get("text", "") for part in content if isinstance(part, dict))
            total += 4 + estimate_tokens(str(content or ""))
        for key in ("response_format", "tools"):
            if body.get(key):
                total += estimate_tokens(json.dumps(body[key], separators=(",", ":")))
        return total + 3

    async def start(self) -> None:
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_post("/v1/chat/completions", self._chat)
        app.router.add_post("/v1/audio/transcriptions", self._transcribe)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _chat(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append(body)
        self.calls += 1
        step = self.queue.pop(0) if self.queue else (self.answer(body) if self.answer else reply({}))
        if step.delay:
            await asyncio.sleep(step.delay)
        if step.status != 200:
            headers = {"retry-after-ms": "5"}  # keeps retries quick; the client honours it
            return web.json_response({"error": {"message": f"fake {step.status}", "type": "fake",
                                                "code": str(step.status)}}, status=step.status, headers=headers)
        content = step.raw if step.raw is not None else json.dumps(step.obj, ensure_ascii=False)
        prompt, completion = self.count_prompt(body), estimate_tokens(content)
        self.prompt_tokens += prompt
        self.completion_tokens += completion
        message: dict[str, Any] = {"role": "assistant", "content": content}
        if step.as_tool:
            message = {"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_1", "type": "function", "function": {"name": "parse", "arguments": content}}]}
        out: dict[str, Any] = {"id": f"chatcmpl-{self.calls}", "object": "chat.completion", "created": 0,
                               "model": body.get("model", "fake"),
                               "choices": [{"index": 0, "message": message, "finish_reason": "stop"}]}
        if step.usage:
            out["usage"] = {"prompt_tokens": prompt, "completion_tokens": completion,
                            "total_tokens": prompt + completion}
        return web.json_response(out)

    async def _transcribe(self, request: web.Request) -> web.Response:
        form = await request.post()
        upload = form.get("file")
        data = upload.file.read() if hasattr(upload, "file") else b""
        self.audio.append({"model": form.get("model"), "filename": getattr(upload, "filename", None),
                           "size": len(data)})
        return web.json_response({"text": self.transcript})


@pytest.fixture
async def openai_server() -> AsyncIterator[FakeOpenAI]:
    """A fresh fake OpenAI-compatible server for one test."""
    server = FakeOpenAI()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
