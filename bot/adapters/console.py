"""The console adapter: a chat with the bot in the terminal, on the same pipeline as Telegram and Slack."""
from __future__ import annotations

import itertools
import sys
import uuid
from datetime import datetime
from pathlib import Path
from typing import IO

from storage import clock
from bot.delivery import Delivery
from bot.incoming import Incoming
from bot.pipeline import Bot
from handlers.reply import Reply
from handlers.texts import t


def render(reply: Reply | None) -> str:
    """A reply as console lines: the text, every button as a hint (a question's choices too: type its
    number, the name, or "cancel"), a picture saved to a named file."""
    if reply is None:
        return ""
    lines = [reply.text]
    buttons = [c.label for c in reply.choices]
    if buttons:
        lines.append("  " + "  ".join(f"[{label}]" for label in buttons))
    if reply.image:
        path = Path.cwd() / f"crmbot-{clock.now().astimezone():%Y%m%d-%H%M%S}.png"
        path.write_bytes(reply.image)
        lines.append(t(reply.lang, "console.picture_saved", path=path))
    return "\n".join(lines)


class Console:
    """One console account talking to the bot; `say` returns the reply like a chat would."""

    def __init__(self, bot: Bot, user: str = "me", name: str | None = None):
        self.bot = bot
        self.delivery = Delivery(bot)
        self.user = user
        self.name = name or user
        self._ids = itertools.count(1)
        self._run = uuid.uuid4().hex[:12]

    def incoming(self, text: str, now: datetime | None = None, callback: str | None = None) -> Incoming:
        """The `Incoming` a line typed at the terminal becomes."""
        return Incoming(platform="console", account_id=self.user, chat_id=self.user,
                        message_id=f"{self._run}-{next(self._ids)}", text=text, sent_at=now,
                        callback=callback, display_name=self.name)

    async def say(self, text: str, now: datetime | None = None) -> Reply:
        """Send `text` as this account; the bot's reply."""
        return await self._answer(self.incoming(text, now))

    async def press(self, data: str, now: datetime | None = None) -> Reply:
        """Press a button carrying `data` (e.g. "undo:12", "pick:2", "done:5")."""
        return await self._answer(self.incoming("", now, callback=data))

    async def _answer(self, incoming: Incoming) -> Reply:
        """The console shows the reply itself: delivery has it once it is returned."""
        reply = await self.delivery.answer(incoming, send=None)
        return reply if reply is not None else Reply(text="")

    async def loop(self, stdin: IO[str] = sys.stdin, stdout: IO[str] = sys.stdout) -> None:
        """Read lines until end of input or "exit"; print each reply."""
        stdout.write("crmbot — write what happened at a customer, or “help”. Ctrl-D to leave.\n")
        while True:
            stdout.write("> ")
            stdout.flush()
            line = stdin.readline()
            if not line or line.strip().lower() in ("exit", "quit", "выход", "退出"):
                stdout.write("\n")
                return
            if not line.strip():
                continue
            stdout.write(render(await self.say(line.rstrip("\n"))) + "\n")
