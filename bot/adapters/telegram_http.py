"""The HTTP client python-telegram-bot talks to the Bot API through: aiohttp.

PTB's default client (httpx) costs about a millisecond of CPU per call in its connection
pool; aiohttp does the same calls for a fraction of that, which is a quarter of the bot's
time per note at a few hundred notes a second. PTB supports this by design: a `BaseRequest`
only turns (url, method, parameters) into (status, body); retries, flood limits and errors
stay PTB's.
"""
from __future__ import annotations

import asyncio
import json
from urllib.parse import urlsplit
from urllib.request import getproxies, proxy_bypass

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


class AiohttpRequest(BaseRequest):
    """Bot API calls over one aiohttp session (keep-alive connections, at most `pool_size`)."""

    def __init__(self, pool_size: int = 256, read_timeout: float | None = 5.0,
                 write_timeout: float | None = 5.0, media_write_timeout: float | None = 20.0,
                 connect_timeout: float | None = 5.0, pool_timeout: float | None = 1.0):
        self._pool_size = pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._media_write_timeout = media_write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[str, str | None] = {}  # per host: HTTPS_PROXY / NO_PROXY, as PTB's own client

    @property
    def read_timeout(self) -> float | None:
        """How long to wait for an answer unless a call says otherwise."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session (in the running event loop)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    def _proxy_for(self, url: str) -> str | None:
        host = urlsplit(url).hostname or ""
        if host not in self._proxies:
            proxy = getproxies().get(urlsplit(url).scheme or "https")
            self._proxies[host] = None if not proxy or proxy_bypass(host) else proxy
        return self._proxies[host]

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
                         write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
                         connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
                         pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        """One Bot API call: JSON body, or multipart when files are uploaded."""
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        files = request_data is not None and request_data.contains_files
        read = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        write = (self._media_write_timeout if files else self._write_timeout) \
            if isinstance(write_timeout, DefaultValue) else write_timeout
        connect = self._connect_timeout if isinstance(connect_timeout, DefaultValue) else connect_timeout
        pool = self._pool_timeout if isinstance(pool_timeout, DefaultValue) else pool_timeout
        # aiohttp's `connect` covers waiting for a free connection and opening it; `sock_read`
        # has no separate write phase, so the time to send counts against it
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=connect,
                                        connect=None if pool is None or connect is None else pool + connect,
                                        sock_read=None if read is None else read + (write or 0))
        body: object = None
        headers = None
        if request_data is not None and files:
            form = aiohttp.FormData()
            for name, value in request_data.json_parameters.items():
                form.add_field(name, value)
            for name, (filename, content, mimetype) in request_data.multipart_data.items():
                form.add_field(name, content, filename=filename, content_type=mimetype)
            body = form
        elif request_data is not None and request_data.parameters:
            body = json.dumps(request_data.parameters).encode()  # nested objects as objects
            headers = {"Content-Type": "application/json"}
        try:
            async with self._session.request(method, url, data=body, headers=headers, timeout=timeout,
                                             proxy=self._proxy_for(url)) as response:
                return response.status, await response.read()
        except asyncio.TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc
