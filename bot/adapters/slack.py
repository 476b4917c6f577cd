"""The Slack adapter: slack-bolt events → `Incoming`, `Reply` → Block Kit via the Web API.

HTTP mode serves `POST /slack/events` (signatures and timestamps checked by bolt); Socket Mode
when `SLACK_APP_TOKEN` is set. Every request is acknowledged at once and handled after the ack.
Only members of one workspace (`SLACK_TEAM_ID`, else the token's own) are listened to; a
retried or repeated event id is handled once. The adapter neither parses text nor touches the store.
"""
from __future__ import annotations

import asyncio
import logging
import re
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any, Awaitable, Callable

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack_render import ACTION_PREFIX, escape, instant, message, shared_file, slack_to_plain
from bot.delivery import Delivery
from bot.incoming import Incoming
from bot.pipeline import Bot
from bot.settings import Settings
from handlers.reply import Reply

log = logging.getLogger("crmbot.slack")
EVENTS_PATH = "/slack/events"
_SEEN_LIMIT = 20_000
ANSWERING_AT_ONCE = 4


def _part(body: dict, key: str) -> dict:
    """A request's nested object (`event`, `user`, `team`), empty when absent or not an object."""
    value = body.get(key)
    return value if isinstance(value, dict) else {}


async def _healthz(_: web.Request) -> web.Response:
    return web.Response(text="ok")


class _TokenFromEnvironment(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN itself and warns that the client given to it wins: it does, on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


@dataclass
class _Target:
    """Where a reply goes: a channel (optionally a thread), or a response_url."""

    channel: str | None
    user: str | None = None
    thread_ts: str | None = None
    respond: Callable[..., Awaitable[Any]] | None = None


class SlackAdapter:
    """Serves one Slack workspace on the shared pipeline. `start()`/`stop()` do not block."""

    def __init__(self, bot: Bot, settings: Settings, host: str = "0.0.0.0"):
        if not settings.slack_bot_token:
            raise ValueError("SLACK_BOT_TOKEN is not set")
        self.bot, self.settings, self.host = bot, settings, host
        self.delivery = Delivery(bot)
        self.client = AsyncWebClient(token=settings.slack_bot_token, base_url=settings.slack_api_base_url)
        self.client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=3))
        bot.fetchers["slack"] = self.download  # voice notes and card photos arrive as file URLs
        bolt_log = logging.getLogger("crmbot.slack.bolt")
        if not any(isinstance(f, _TokenFromEnvironment) for f in bolt_log.filters):
            bolt_log.addFilter(_TokenFromEnvironment())
        self.app = AsyncApp(client=self.client, signing_secret=settings.slack_signing_secret or "",
                            request_verification_enabled=True, process_before_response=True, logger=bolt_log)
        self.team_id: str | None = settings.slack_team_id   # the one workspace listened to
        self.bot_user_id: str | None = None
        self.port: int | None = None                       # the HTTP port, once started
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._tasks: set[asyncio.Task] = set()
        # answers start once a burst's requests are acked (`_after_acks`) and run a few at a time,
        # so new requests are taken in between them (one slow LLM call, a voice note say, leaves
        # the other lanes free)
        self._working = asyncio.Semaphore(ANSWERING_AT_ONCE)
        self._acking = 0  # HTTP requests being taken in right now, and when the last came (`_after_acks`)
        self._last_request = 0.0
        self._people: dict[str, tuple[str | None, str | None]] = {}
        self._runner: web.AppRunner | None = None
        self._socket: Any = None
        self.app.use(self._gate)
        self.app.command("/crm")(self._on_command)
        self.app.event("message")(self._on_message)
        self.app.event("app_mention")(self._on_mention)
        self.app.action(re.compile(f"^{ACTION_PREFIX}"))(self._on_action)

    # --- life cycle -------------------------------------------------------------------------
    async def start(self) -> None:
        """Learn who the token is (auth.test), then listen: Socket Mode or HTTP."""
        who = await self.client.auth_test()
        self.bot_user_id = who.get("user_id")
        own = who.get("team_id")
        if self.team_id and own and self.team_id != own:
            log.warning("SLACK_TEAM_ID=%s but the bot token belongs to %s", self.team_id, own)
        self.team_id = self.team_id or own
        if self.settings.slack_app_token:
            from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
            self._socket = AsyncSocketModeHandler(self.app, self.settings.slack_app_token)
            await self._socket.connect_async()
            log.info("Slack: Socket Mode connected (workspace %s)", self.team_id)
            return
        if not self.settings.slack_signing_secret:
            raise RuntimeError("SLACK_SIGNING_SECRET is not set: HTTP mode cannot check requests "
                               "(set it, or SLACK_APP_TOKEN for Socket Mode)")
        web_app = web.Application()
        web_app.router.add_post(EVENTS_PATH, self._http)
        web_app.router.add_get("/healthz", _healthz)
        self._runner = web.AppRunner(web_app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.settings.slack_http_port)
        await site.start()
        self.port = self._runner.addresses[0][1]   # the port the system chose when asked for 0
        log.info("Slack: serving POST %s on port %s (workspace %s)", EVENTS_PATH, self.port, self.team_id)

    async def stop(self, grace: float = 10.0) -> None:
        """Stop listening, then let replies already being worked on finish (up to `grace` s)."""
        if self._socket is not None:
            await self._socket.close_async()
            self._socket = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=grace)

    async def idle(self) -> None:
        """Wait until every message received so far has been answered (tests, shutdown)."""
        while self._tasks:
            await asyncio.wait(set(self._tasks))

    async def _http(self, request: web.Request) -> web.Response:
        self._acking += 1
        self._last_request = asyncio.get_running_loop().time()
        try:
            response = await self.app.async_dispatch(await to_bolt_request(request))
            return await to_aiohttp_response(response)
        finally:
            self._acking -= 1

    async def _after_acks(self, quiet: float = 0.02, limit: float = 0.5) -> None:
        """Let a burst of requests be acked first (Slack gives up after 3 s; an answer can wait a
        few milliseconds): wait while requests are being taken in or one came in the last `quiet`
        seconds, but never hold an answer back longer than `limit`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit
        while (self._acking or loop.time() - self._last_request < quiet) and loop.time() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.005)  # a poll: requests arrive on other tasks with nothing to signal

    # --- the gate: one workspace, each event once --------------------------------------------
    async def _gate(self, body: dict, context: Any, request: Any, next: Callable) -> BoltResponse | None:
        event, user, team = (_part(body, key) for key in ("event", "user", "team"))
        allowed = self.team_id or getattr(context.authorize_result, "team_id", None)
        claimed = {context.team_id, body.get("team_id"), team.get("id"), user.get("team_id"),
                   event.get("team"), event.get("user_team"), event.get("source_team")} - {None, ""}
        if not allowed or any(t != allowed for t in claimed):
            log.warning("Slack: ignored a request from workspace(s) %s", sorted(claimed))
            return BoltResponse(status=200, body="")
        event_id = body.get("event_id")
        if event_id:
            if event_id in self._seen:
                retry = (request.headers.get("x-slack-retry-num") or ["?"])[0]
                log.info("Slack: event %s already taken (retry %s)", event_id, retry)
                return BoltResponse(status=200, body="")
            self._seen[event_id] = None
            while len(self._seen) > _SEEN_LIMIT:
                self._seen.popitem(last=False)
        return await next()

    # --- listeners: ack first, work after --------------------------------------------------
    async def _on_command(self, ack: Callable, body: dict, respond: Callable) -> None:
        channel, user = body.get("channel_id"), body.get("user_id", "")
        incoming = Incoming(platform="slack", account_id=user, chat_id=channel or user,
                            message_id=f"cmd:{body.get('trigger_id') or body.get('response_url')}",
                            text=slack_to_plain(body.get("text", ""), self.bot_user_id),
                            workspace_id=body.get("team_id"), display_name=body.get("user_name"),
                            workspace_trusted=True)
        await self._take(incoming, _Target(channel, user=user, respond=respond))
        await ack()

    async def _on_message(self, event: dict, body: dict) -> None:
        if event.get("channel_type") != "im" or event.get("bot_id") or event.get("hidden"):
            return
        if event.get("subtype") not in (None, "file_share", "thread_broadcast"):
            return
        files = event.get("files") or []
        audio = shared_file(files, "audio/")
        image = shared_file(files, "image/") if audio is None else None
        await self._take(self._incoming(event, body, audio=audio, image=image),
                         _Target(event.get("channel"), event.get("user"), thread_ts=event.get("thread_ts")))

    async def _on_mention(self, event: dict, body: dict) -> None:
        if event.get("bot_id"):
            return
        await self._take(self._incoming(event, body), _Target(event.get("channel"), event.get("user"),
                                                         thread_ts=event.get("thread_ts")))

    def _incoming(self, event: dict, body: dict, audio: str | None = None, image: str | None = None) -> Incoming:
        return Incoming(platform="slack", account_id=event.get("user", ""), chat_id=event.get("channel", ""),
                        message_id=body.get("event_id") or event.get("client_msg_id") or event.get("ts"),
                        text=slack_to_plain(event.get("text", ""), self.bot_user_id), audio=audio, image=image,
                        sent_at=instant(event.get("ts")), mentioned=True,
                        workspace_id=body.get("team_id") or event.get("team"), workspace_trusted=True)

    async def _on_action(self, ack: Callable, body: dict, action: dict, respond: Callable) -> None:
        user = (body.get("user") or {}).get("id", "")
        container = body.get("container") or {}
        channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
        message_ts = container.get("message_ts") or (body.get("message") or {}).get("ts")
        incoming = Incoming(platform="slack", account_id=user, chat_id=channel or user,
                            message_id=f"act:{message_ts}:{action.get('action_ts')}", text="",
                            callback=action.get("value") or "", sent_at=instant(action.get("action_ts")),
                            workspace_id=(body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id"),
                            workspace_trusted=True)
        ephemeral = container.get("is_ephemeral") or not channel
        thread = (body.get("message") or {}).get("thread_ts")
        await self._take(incoming, _Target(channel, user=user, thread_ts=thread,
                                           respond=respond if ephemeral else None))
        await ack()

    # --- answering -------------------------------------------------------------------------
    async def _take(self, incoming: Incoming, target: _Target) -> None:
        """Store the update before Slack hears the ack (the listener runs before the response),
        then answer it in the background. A stored update lost in a crash replays on restart."""
        if await self.delivery.take(incoming):
            self._spawn(incoming, target)

    def _spawn(self, incoming: Incoming, target: _Target) -> None:
        task = asyncio.get_running_loop().create_task(self._answer(incoming, target))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _answer(self, incoming: Incoming, target: _Target) -> None:
        """Handle and send in the background, once the burst's requests are acked; the sender's
        locale and name (users.info) complete the update first."""
        try:
            locale, name = await self._person(incoming.account_id)
            incoming = replace(incoming, lang_hint=locale, display_name=incoming.display_name or name)
            await self._after_acks()
            async with self._working:
                await self.delivery.answer(incoming, lambda reply: self._reply(target, reply))
        except Exception:  # the delivery's own failures are a reply or a log line; this is the rest
            log.exception("Slack: answering %s:%s failed", incoming.chat_id, incoming.message_id)

    async def _reply(self, target: _Target, reply: Reply) -> None:
        """A reply where its request came from: ephemeral through a response_url, else the channel
        (or its thread), or the user's DM."""
        if target.respond is not None:
            await target.respond(**message(reply), response_type="ephemeral", replace_original=False)
            if reply.image:
                await self._image(target.channel, reply, user=target.user)
            return
        await self.send(target.channel or target.user or "", reply, thread_ts=target.thread_ts, user=target.user)

    async def download(self, url: str) -> bytes:
        """A file the user shared (needs the files:read scope), fetched with the bot token."""
        headers = {"Authorization": f"Bearer {self.settings.slack_bot_token}"}
        async with aiohttp.ClientSession() as http:
            async with http.get(url, headers=headers) as response:
                response.raise_for_status()
                return await response.read()

    async def _person(self, user_id: str) -> tuple[str | None, str | None]:
        """The user's locale and name from users.info, asked once per process."""
        if user_id not in self._people:
            try:
                found = (await self.client.users_info(user=user_id, include_locale=True)).get("user") or {}
                self._people[user_id] = (found.get("locale"), found.get("real_name") or found.get("name"))
            except (SlackApiError, OSError, asyncio.TimeoutError) as exc:
                log.debug("Slack: users.info %s failed: %s", user_id, exc)
                self._people[user_id] = (None, None)
        return self._people[user_id]

    async def send(self, channel_id: str, reply: Reply, thread_ts: str | None = None,
                   user: str | None = None) -> None:
        """Post a reply (text and buttons as Block Kit, then its picture) to a channel or DM.
        `channel_id` may be a user id: Slack opens the DM."""
        await self.client.chat_postMessage(channel=channel_id, thread_ts=thread_ts, unfurl_links=False,
                                           unfurl_media=False, **message(reply))
        if reply.image:
            await self._image(channel_id, reply, user=user, thread_ts=thread_ts)

    async def _image(self, channel: str | None, reply: Reply, user: str | None = None,
                     thread_ts: str | None = None) -> None:
        """Upload the reply's picture where it was asked for, else to the user's DM."""
        caption = escape(reply.image_caption) if reply.image_caption else None
        for place in (channel, user):
            if not place:
                continue
            try:
                if place == user and not place.startswith(("D", "C", "G")):
                    place = (await self.client.conversations_open(users=user))["channel"]["id"]
                await self.client.files_upload_v2(channel=place, file=reply.image, filename="crmbot.png",
                                                  title=reply.image_caption or "crmbot",
                                                  initial_comment=caption, thread_ts=thread_ts)
                return
            except SlackApiError as exc:
                log.warning("Slack: picture to %s failed: %s", place, exc.response.get("error"))
                thread_ts = None
