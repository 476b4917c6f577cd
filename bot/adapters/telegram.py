"""The Telegram adapter: PTB updates become `Incoming`, a `Reply` becomes Bot API calls. Nothing else."""
from __future__ import annotations

import logging
import re
import secrets
from datetime import timezone
from typing import Awaitable
from urllib.parse import urlparse

from telegram import LinkPreviewOptions, Message, ReplyParameters, Update
from telegram.constants import ChatType, MessageEntityType, ParseMode
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, ContextTypes, TypeHandler

from bot.adapters.telegram_render import (COMMANDS, MAX_CAPTION, bot_commands, escape, keyboard,
                                          split_text, units, without)
from bot.adapters.telegram_http import AiohttpRequest
from bot.adapters.telegram_updates import InboxQueue, PerChatOrder
from bot.delivery import Delivery
from bot.incoming import Incoming
from bot.pipeline import Bot
from bot.settings import Settings
from handlers.reply import Reply

log = logging.getLogger("crmbot.telegram")
ALLOWED_UPDATES = ["message", "callback_query"]
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def file_base_url(base_url: str) -> str:
    """The file-download root that goes with a Bot API root (".../bot" → ".../file/bot")."""
    root = base_url.rstrip("/")
    if root.endswith("/bot"):
        return root[: -len("bot")] + "file/bot"
    return root + "/file/bot"


class TelegramAdapter:
    """Serves one bot token: long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set."""

    def __init__(self, bot: Bot, settings: Settings, *, listen: str = "0.0.0.0", max_retries: int = 5,
                 max_concurrent_updates: int = 256, poll_timeout: int = 25, overall_max_rate: float = 30):
        """`overall_max_rate`: messages/s to all chats (Telegram's flood limit; 0 lifts it, for benches)."""
        if not settings.telegram_bot_token:
            raise ValueError("TELEGRAM_BOT_TOKEN is not set")
        if logging.getLogger("httpx").level == logging.NOTSET:  # its INFO lines carry the token in URLs
            logging.getLogger("httpx").setLevel(logging.WARNING)
        self.bot = bot
        self.delivery = Delivery(bot)
        self.settings = settings
        self.listen = listen
        self.poll_timeout = poll_timeout
        self.webhook_secret = settings.telegram_webhook_secret or (
            secrets.token_urlsafe(32) if settings.telegram_webhook_url else None)
        self._requests = (AiohttpRequest(), AiohttpRequest(pool_size=1, read_timeout=5.0))
        self.app: Application = (
            Application.builder()
            .update_queue(InboxQueue(self._store))
            .token(settings.telegram_bot_token)
            .base_url(settings.telegram_api_base_url)
            .base_file_url(file_base_url(settings.telegram_api_base_url))
            .rate_limiter(AIORateLimiter(overall_max_rate=overall_max_rate, max_retries=max_retries))
            .concurrent_updates(PerChatOrder(max_concurrent_updates))
            .request(self._requests[0])
            .get_updates_request(self._requests[1])
            .build())
        self.app.add_handler(TypeHandler(Update, self._on_update))
        bot.fetchers["telegram"] = self.download  # voice notes and photos arrive as file ids
        self.app.add_error_handler(self._on_error)

    async def download(self, file_id: str) -> bytes:
        """The bytes of a file the user sent (a voice note, a photo), by its file id."""
        found = await self.app.bot.get_file(file_id)
        return bytes(await found.download_as_bytearray())

    async def _store(self, update: Update) -> None:
        """Keep the update in the inbox before Telegram is told it arrived (next offset / 200)."""
        incoming = self.translate(update)
        if incoming is not None:
            await self.delivery.take(incoming)

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def username(self) -> str:
        return self.app.bot.username or ""

    async def start(self) -> None:
        """Connect (getMe), register the command menu, then poll or serve the webhook."""
        try:
            await self.app.initialize()
        except Exception:  # a rejected token, Telegram unreachable: close what was opened, say why above
            for request in self._requests:
                await request.shutdown()
            raise
        await self._register_commands()
        await self.app.start()
        assert self.app.updater is not None
        url = self.settings.telegram_webhook_url
        if url:
            await self.app.updater.start_webhook(
                listen=self.listen, port=self.settings.telegram_webhook_port,
                url_path=urlparse(url).path.lstrip("/"), webhook_url=url,
                secret_token=self.webhook_secret, allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False, bootstrap_retries=3)
            log.info("telegram: webhook %s (listening on %s:%s)", url, self.listen,
                     self.settings.telegram_webhook_port)
        else:
            await self.app.updater.start_polling(
                timeout=self.poll_timeout, allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False, bootstrap_retries=3)
            log.info("telegram: long polling as @%s", self.username)

    async def stop(self) -> None:
        """Stop receiving, finish the updates in hand, close the connections."""
        if self.app.updater is not None and self.app.updater.running:
            await self.app.updater.stop()
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()

    async def _register_commands(self) -> None:
        for lang in COMMANDS:
            try:
                await self.app.bot.set_my_commands(bot_commands(lang),
                                                   language_code=None if lang == "en" else lang)
            except TelegramError:
                log.warning("telegram: could not register the %s command menu", lang, exc_info=True)

    # -- Reply → Bot API ---------------------------------------------------------------------

    async def send(self, chat_id: str, reply: Reply, *, reply_to: int | None = None) -> list[Message]:
        """Send a reply to a chat: text in ≤ 4,096-character messages, buttons, picture."""
        target: int | str = int(chat_id) if re.fullmatch(r"-?\d+", str(chat_id)) else chat_id
        bot = self.app.bot
        markup = keyboard(reply.choices)
        caption = reply.image_caption or ""
        texts = split_text(reply.text)
        after: list[str] = []
        if reply.image and units(caption) > MAX_CAPTION:  # too long for a caption: sent as text after it
            after, caption = split_text(caption), ""
        sent: list[Message] = []
        quote = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
        for index, chunk in enumerate(texts):
            last = index == len(texts) - 1
            sent.append(await bot.send_message(
                target, escape(chunk), parse_mode=ParseMode.HTML,
                reply_markup=markup if last and not reply.image else None,
                reply_parameters=quote if index == 0 else None, link_preview_options=_NO_PREVIEW))
        if reply.image:
            sent.append(await bot.send_photo(
                target, reply.image, caption=escape(caption) or None, parse_mode=ParseMode.HTML,
                reply_markup=markup if not after else None,
                reply_parameters=quote if not sent else None))
            for index, chunk in enumerate(after):
                sent.append(await bot.send_message(
                    target, escape(chunk), parse_mode=ParseMode.HTML,
                    reply_markup=markup if index == len(after) - 1 else None))
        elif markup is not None and not texts:  # buttons with no text still need a message
            sent.append(await bot.send_message(target, "·", reply_markup=markup))
        return sent

    # -- Update → Incoming -------------------------------------------------------------------

    def translate(self, update: Update) -> Incoming | None:
        """The `Incoming` an update becomes; None when it is not for the pipeline."""
        if update.callback_query is not None:
            return self._from_callback(update)
        message = update.message
        if message is None or message.from_user is None or message.from_user.is_bot:
            return None
        user, chat = message.from_user, message.chat
        private = chat.type == ChatType.PRIVATE
        text = message.text or message.caption or ""
        command = self._command(message)
        if command is not None:
            name, target, args = command
            if target and target.lower() != self.username.lower():
                return None  # a command for another bot in the group
            text = f"/{name} {args}".strip()  # the pipeline knows the commands, in the member's language
        elif not private:
            if not self._addressed(message):
                return None
            if self.username:
                text = re.sub(rf"(?i)@{re.escape(self.username)}\b[,:]?", " ", text)
                text = re.sub(r"[ \t]{2,}", " ", text).strip()
        audio = message.voice or message.audio
        image = message.photo[-1] if message.photo else None
        if not text.strip() and audio is None and image is None:
            return None  # stickers, locations, service messages: nothing to translate
        return Incoming(
            platform="telegram", account_id=str(user.id), chat_id=str(chat.id),
            message_id=f"{chat.id}:{message.message_id}", text=text,
            audio=audio.file_id if audio else None, image=image.file_id if image else None,
            sent_at=message.date.astimezone(timezone.utc) if message.date else None,
            lang_hint=user.language_code, mentioned=True, display_name=user.full_name)

    def _from_callback(self, update: Update) -> Incoming | None:
        query = update.callback_query
        if query is None or not query.data:
            return None
        chat_id = query.message.chat.id if query.message is not None else query.from_user.id
        return Incoming(platform="telegram", account_id=str(query.from_user.id), chat_id=str(chat_id),
                        message_id=f"update:{update.update_id}", text="", callback=query.data,
                        lang_hint=query.from_user.language_code, mentioned=True,
                        display_name=query.from_user.full_name)

    def _command(self, message: Message) -> tuple[str, str, str] | None:
        """(name, @target, arguments) when the message starts with a bot command."""
        for entity in message.entities or ():
            if entity.type == MessageEntityType.BOT_COMMAND and entity.offset == 0:
                word = message.parse_entity(entity)
                name, _, target = word[1:].partition("@")
                args = (message.text or "")[len(word):].strip()
                return name.lower(), target, args
        return None

    def _addressed(self, message: Message) -> bool:
        """In a group: the bot is @mentioned, text-mentioned, or replied to."""
        me = self.app.bot.id
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == me:
            return True
        entities = message.parse_entities() if message.text else message.parse_caption_entities()
        for entity, value in entities.items():
            if entity.type == MessageEntityType.MENTION and value[1:].lower() == self.username.lower():
                return True
            if entity.type == MessageEntityType.TEXT_MENTION and entity.user and entity.user.id == me:
                return True
        return False

    # -- handling ----------------------------------------------------------------------------

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is not None:
            try:
                await query.answer()
            except TelegramError:
                log.warning("telegram: could not answer callback query %s", query.id, exc_info=True)
        incoming = self.translate(update)
        if incoming is None:
            return
        private = update.effective_chat is None or update.effective_chat.type == ChatType.PRIVATE
        quote = None if private or update.message is None else update.message.message_id

        def send(reply: Reply) -> Awaitable[list[Message]]:  # in a group, quoting the message answered
            return self.send(incoming.chat_id, reply, reply_to=quote)

        reply = await self.delivery.answer(incoming, send)
        if reply is not None and query is not None and reply.wrote and isinstance(query.message, Message):
            await self._retire_button(query.message, query.data or "")

    async def _retire_button(self, message: Message, data: str) -> None:
        """A button that did its job disappears (a picked choice takes its siblings with it)."""
        remaining = None if data.startswith("pick:") else without(message.reply_markup, data)
        try:
            await self.app.bot.edit_message_reply_markup(message.chat.id, message.message_id,
                                                         reply_markup=remaining)
        except TelegramError:
            log.info("telegram: could not update the buttons of message %s", message.message_id)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("telegram: update %s failed", getattr(update, "update_id", "?"), exc_info=context.error)
