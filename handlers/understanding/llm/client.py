"""The LLM path: any OpenAI-compatible server, asked for a parse as structured output.

`LlmClient` wraps the `openai` AsyncOpenAI client (base URL, per-request timeout,
bounded retries) and adds a hard deadline over all attempts, so a caller never
waits longer than `timeout`. Every call returns `None` instead of raising when
the server is slow, failing, rate-limited or answering nonsense; callers then use
the offline result. Nothing here writes to the store or offers the model a tool
that could: the model proposes, `llm_schema.to_parse` checks, handlers act.
"""
from __future__ import annotations

import asyncio
import base64
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping, Sequence

from handlers.understanding.llm.schema import CARD_SCHEMA, PARSE_SCHEMA, Rejected, to_parse
from handlers.understanding.model import Parse
from handlers.understanding.shortlist import MAX_CANDIDATES, shortlist
from storage.vocabulary import Intent, Lang
from prompts.loader import load

log = logging.getLogger("crmbot.llm")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w])\+?\d[\d\s().-]{5,}\d(?![\w])")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_TOKEN = re.compile(r"[A-Za-z]+|[\u0400-\u04ff]+|\d+|[\u3000-\u9fff\uff00-\uffef]|[^\sA-Za-z\u0400-\u04ff\d\u3000-\u9fff\uff00-\uffef]+")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _phone_like(chunk: str) -> bool:
    """A phone number rather than a date ("2026-11-26", "26.11.2026") or an amount ("1 200 000")."""
    digits = sum(c.isdigit() for c in chunk)
    if digits < 7 or _DATE.fullmatch(chunk.strip()):
        return False
    return digits >= 10 or chunk.startswith("+") or "(" in chunk or "-" in chunk


def redact(text: str) -> str:
    """`text` with e-mail addresses and phone numbers masked (CRM_LLM_REDACT=1)."""
    text = _EMAIL.sub("[email]", text)
    return _PHONE.sub(lambda m: "[phone]" if _phone_like(m.group()) else m.group(), text)


def estimate_tokens(text: str) -> int:
    """A tokenizer-free estimate close to OpenAI's BPE: a short Latin word is one token, a long one
    two or more; Cyrillic ~3 letters, digits ~3, a Han character and a run of up to 3 punctuation marks 1."""
    total = 0
    for piece in _TOKEN.findall(text or ""):
        ch = piece[0]
        if ch.isascii() and ch.isalpha():
            total += 1 + (len(piece) - 1) // 7
        elif "\u0400" <= ch <= "\u04ff" or ch.isdigit():
            total += (len(piece) + 2) // 3
        elif "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef":
            total += 1
        else:
            total += (len(piece) + 2) // 3
    return total


def candidates(text: str, known: Sequence[str], aliases: Mapping[str, str] | None = None,
               limit: int = MAX_CANDIDATES, first: Sequence[str] | None = None) -> list[str]:
    """The few known customers the message may mean (never the whole list), best first
    (`first`: what the offline rules matched, when already known)."""
    return shortlist(text, known, aliases, limit, first)


@dataclass
class Usage:
    """Tokens of one call, as the server reported them (or estimated when it did not)."""

    kind: str
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass
class Answer:
    """What one call gave: the parsed JSON (or text), its usage, and why it failed if it did."""

    data: Any = None
    usage: Usage | None = None
    error: str | None = None


@dataclass
class LlmClient:
    """An OpenAI-compatible server with a model, a deadline, bounded retries and optional redaction."""

    api_key: str
    base_url: str | None = None
    model: str = "gpt-4o-mini"
    timeout: float = 8.0
    max_retries: int = 2
    redact: bool = False
    transcribe_model: str = "whisper-1"
    vision_model: str | None = None
    daily_tokens: int = 0
    _client: Any = field(default=None, repr=False)

    @classmethod
    def from_settings(cls, settings: Any) -> "LlmClient | None":
        """The client the settings describe, or None when no OPENAI_API_KEY is set."""
        if not getattr(settings, "openai_api_key", None):
            return None
        return cls(api_key=settings.openai_api_key, base_url=settings.openai_base_url, model=settings.openai_model,
                   timeout=settings.llm_timeout, max_retries=settings.llm_retries, redact=settings.llm_redact,
                   transcribe_model=settings.openai_transcribe_model, vision_model=settings.openai_vision_model,
                   daily_tokens=settings.llm_daily_tokens)

    @property
    def client(self) -> Any:
        if self._client is None:
            from openai import AsyncOpenAI

            self._client = AsyncOpenAI(api_key=self.api_key, base_url=self.base_url, timeout=self.timeout,
                                       max_retries=self.max_retries)
        return self._client

    def scrub(self, text: str) -> str:
        return redact(text) if self.redact else text

    async def _deadline(self, call: Any, kind: str) -> Answer:
        """Run `call` within `timeout` over all attempts; every failure becomes `Answer(error=...)`."""
        try:
            return await asyncio.wait_for(call, self.timeout)
        except asyncio.TimeoutError:
            return Answer(error="timeout", usage=Usage(kind))
        except Exception as exc:  # APIStatusError (429/500 after retries), connection errors, bad bodies
            log.warning("llm %s failed: %s: %s", kind, type(exc).__name__, str(exc)[:200])
            return Answer(error=type(exc).__name__, usage=Usage(kind))

    async def chat_json(self, kind: str, system: str, user: Any, schema: Mapping[str, Any],
                        model: str | None = None, max_tokens: int = 400) -> Answer:
        """A chat completion whose answer must be one JSON object of `schema`."""
        return await self._deadline(self._chat(kind, system, user, schema, model, max_tokens), kind)

    async def chat_text(self, kind: str, system: str, user: str, max_tokens: int = 200) -> Answer:
        """A plain-text chat completion (briefings)."""
        return await self._deadline(self._chat(kind, system, user, None, None, max_tokens), kind)

    async def _chat(self, kind: str, system: str, user: Any, schema: Mapping[str, Any] | None,
                    model: str | None, max_tokens: int) -> Answer:
        extra: dict[str, Any] = {}
        if schema is not None:
            extra["response_format"] = {"type": "json_schema",
                                        "json_schema": {"name": kind, "strict": True, "schema": schema}}
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        response = await self.client.chat.completions.create(model=model or self.model, messages=messages,
                                                             temperature=0, max_tokens=max_tokens, **extra)
        choice = response.choices[0].message if response.choices else None
        content = (choice.content if choice else None) or ""
        if not content and choice is not None and choice.tool_calls:  # servers that answer with a tool call
            content = choice.tool_calls[0].function.arguments or ""
        usage = Usage(kind)
        if response.usage is not None:
            usage.prompt_tokens = int(response.usage.prompt_tokens or 0)
            usage.completion_tokens = int(response.usage.completion_tokens or 0)
        else:
            usage.prompt_tokens = estimate_tokens(system) + estimate_tokens(json.dumps(user, ensure_ascii=False))
            usage.completion_tokens = estimate_tokens(content)
        if schema is None:
            return Answer(data=content.strip(), usage=usage)
        try:
            return Answer(data=json.loads(content), usage=usage)
        except (json.JSONDecodeError, TypeError):
            return Answer(error="invalid_json", usage=usage)


def extract_messages(text: str, now: datetime, names: Sequence[str], scrub: Any = None,
                     split: Sequence[str] = ()) -> tuple[str, str]:
    """The system and user messages asking for the parse of `text` (rendered from prompts/); `split`: the
    customers the rules read in turn in a note about several, which the model is shown."""
    message = (scrub(text) if scrub else text).replace("<<<", "‹‹‹").replace(">>>", "›››")
    user = load("extract_input").render(
        today=now.date().isoformat(), weekday=_WEEKDAYS[now.weekday()],
        candidates="; ".join(names) if names else "(none)", message=message)
    if len(split) > 1:
        user += "\n" + load("extract_split").render(customers="; ".join(split))
    return load("extract").render(), user


@dataclass
class Proposal:
    """The model's parse of one message in the contract's shape (None when unusable, with
    `answer.error` saying why), and the known customers the prompt offered as candidates."""

    parse: Parse | None
    answer: Answer
    offered: list[str]


async def extract(llm: LlmClient, text: str, now: datetime, known: Sequence[str] = (),
                  aliases: Mapping[str, str] | None = None, matched: Sequence[str] | None = None,
                  split: Sequence[str] = ()) -> Proposal:
    """The model's parse of `text`, its shape checked (the fields are checked by `reconcile`);
    `matched`: the known customers the offline rules found in it, when already known; `split`: the
    customers the rules read in turn, in a note about several."""
    names = candidates(text, known, aliases, first=matched)
    system, user = extract_messages(text, now, names, llm.scrub, split)
    answer = await llm.chat_json("extract", system, user, PARSE_SCHEMA)
    if answer.error:
        return Proposal(None, answer, names)
    try:
        return Proposal(to_parse(answer.data, names, known, aliases), answer, names)
    except Rejected as exc:
        log.info("llm parse rejected: %s", exc.reason)
        answer.error = exc.reason
        return Proposal(None, answer, names)


async def transcribe_ex(llm: LlmClient | None, audio_bytes: bytes, filename: str = "voice.ogg") -> tuple[str, Usage]:
    """The words of a voice note ("" when no LLM, or when transcription failed or timed out) and the
    usage of the call (audio seconds are not tokens; the text is counted)."""
    usage = Usage("transcribe")
    if llm is None or not audio_bytes:
        return "", usage

    async def call() -> Answer:
        result = await llm.client.audio.transcriptions.create(model=llm.transcribe_model,
                                                              file=(filename, bytes(audio_bytes)))
        words = result if isinstance(result, str) else getattr(result, "text", "") or ""
        reported = getattr(result, "usage", None)
        tokens = getattr(reported, "total_tokens", None) or getattr(reported, "input_tokens", None)
        return Answer(data=words.strip(), usage=Usage("transcribe", int(tokens or 0), estimate_tokens(words)))

    answer = await llm._deadline(call(), "transcribe")
    return (answer.data or "" if not answer.error else ""), answer.usage or usage


async def read_card(llm: LlmClient | None, image_bytes: bytes, mime: str = "image/jpeg") -> tuple[Parse | None, Answer]:
    """A contact proposal read from a business card photo: intent "log", customer = company, contact
    with role/phone/email, `problems=["confirm_card"]` (show it and ask before saving)."""
    if llm is None or not image_bytes:
        return None, Answer(error="no_llm")
    picture = "data:%s;base64,%s" % (mime, base64.b64encode(bytes(image_bytes)).decode())
    user = [{"type": "text", "text": "The card:"}, {"type": "image_url", "image_url": {"url": picture}}]
    answer = await llm.chat_json("card", load("card").render(), user, CARD_SCHEMA,
                                 model=llm.vision_model or llm.model, max_tokens=300)
    if answer.error:
        return None, answer
    data = answer.data
    if not isinstance(data, dict) or not all(v is None or isinstance(v, str) for v in data.values()):
        answer.error = "card_types"
        return None, answer
    value = {k: " ".join(str(data.get(k) or "").split())[:200] or None for k in CARD_SCHEMA["properties"]}
    email = value["email"] if value["email"] and _EMAIL.fullmatch(value["email"]) else None
    phone = value["phone"] if value["phone"] and sum(c.isdigit() for c in value["phone"]) >= 5 else None
    if not (value["company"] or value["name"]):
        answer.error = "card_empty"
        return None, answer
    lang = Lang(value["lang"]) if value["lang"] in tuple(Lang) else Lang.EN
    parse = Parse(lang=lang, intent=Intent.LOG, customer=value["company"], contact=value["name"],
                  contact_role=value["role"], contact_phone=phone, contact_email=email,
                  summary=" · ".join(v for v in (value["name"], value["role"], value["company"], phone, email,
                                                 value["website"]) if v),
                  problems=["confirm_card"], confidence=0.8)
    return parse, answer
