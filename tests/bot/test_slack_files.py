"""Files people share with the bot in Slack (voice notes, card photos) are fetched with the bot token."""
from __future__ import annotations

from aiohttp import web

from bot.adapters.slack import SlackAdapter


async def test_a_shared_file_is_downloaded_with_the_bot_token(crm, settings):
    seen: list[str] = []

    async def private_file(request: web.Request) -> web.Response:
        seen.append(request.headers.get("Authorization", ""))
        if request.headers.get("Authorization") != "Bearer xoxb-test":
            return web.Response(status=403)
        return web.Response(body=b"OggS voice bytes")

    app = web.Application()
    app.router.add_get("/files-pri/T1-F1/voice.ogg", private_file)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]  # aiohttp types TCPSite._server Optional (None until started)
    try:
        config = settings.model_copy(update={"slack_bot_token": "xoxb-test", "slack_signing_secret": "s"})
        adapter = SlackAdapter(crm, config, host="127.0.0.1")
        assert crm.fetchers["slack"] == adapter.download  # the pipeline fetches Slack files through it
        data = await crm.fetchers["slack"](f"http://127.0.0.1:{port}/files-pri/T1-F1/voice.ogg")
        assert data == b"OggS voice bytes" and seen == ["Bearer xoxb-test"]
    finally:
        await runner.cleanup()
