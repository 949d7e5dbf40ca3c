"""The emulator: the shared server state, served over HTTP.

The top of the package. :class:`QBittorrentEmulator` is a
:class:`~.server.Server` that listens, routes each request to its
generation's handler (``digest``, ``legacy`` or ``modern``) and adds what
happens on the wire: the request log, faults such as a dropped connection or
damaged JSON, and connection closing per version.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING, Any

from aiohttp import web
from yarl import URL

from . import digest, legacy, modern
from .server import Server
from .versions import Generation

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable
    import ssl


class QBittorrentEmulator(Server):
    """A fake qBittorrent WebUI of one version, for tests and development.

    Constructed like :class:`Server` (version, credentials, population). See
    the package docstring for the behaviour per generation.
    """

    # --- public helpers for tests ------------------------------------------

    def __repr__(self) -> str:
        """Describe the emulator without credentials."""
        return f"QBittorrentEmulator(version={self.version!r}, torrents={len(self.torrents)})"

    @property
    def torrents(self) -> dict[str, dict[str, Any]]:
        """Hash -> current fields of every torrent (read them, don't edit)."""
        return {h: t.fields for h, t in self.population.torrents.items()}

    @property
    def categories(self) -> set[str]:
        """Names of the existing categories."""
        return set(self.population.categories)

    @property
    def tags(self) -> set[str]:
        """Names of the existing tags."""
        return set(self.population.tags)

    # --- HTTP -----------------------------------------------------------------------

    def make_app(self) -> web.Application:
        """The aiohttp application (usable with aiohttp's test client)."""
        app = web.Application(client_max_size=64 * 1024**2)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        return app

    @contextlib.asynccontextmanager
    async def serve(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        churn_interval: float | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> AsyncIterator[str]:
        """Listen on ``host:port`` (0 = any free port) and yield the base URL.

        With ``ssl_context`` it serves HTTPS, as qBittorrent does with HTTPS
        enabled in its WebUI options.
        """
        runner = web.AppRunner(self.make_app(), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, host, port, ssl_context=ssl_context)
        await site.start()
        listener = site._server  # noqa: SLF001 - the only way to learn port 0's pick
        sockets = getattr(listener, "sockets", None) or []
        self._port = sockets[0].getsockname()[1] if sockets else port
        churner = (
            asyncio.create_task(self._churn_forever(churn_interval))
            if churn_interval
            else None
        )
        try:
            scheme = "http" if ssl_context is None else "https"
            yield str(URL.build(scheme=scheme, host=host, port=self._port))
        finally:
            if churner is not None:
                churner.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await churner
            await runner.cleanup()
            self._port = None

    async def _churn_forever(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            changed = max(1, len(self.population.torrents) // 20)
            self.churn(added=1, removed=1, completed=1, changed=changed)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append((request.method, request.path))
        self._follow_resume_check()
        faults = self.faults
        if faults.down:
            if request.transport is not None:
                request.transport.abort()
            return web.Response(status=503)
        if faults.delay:
            await asyncio.sleep(faults.delay)
        if faults.server_errors > 0:
            faults.server_errors -= 1
            response = web.Response(status=500, text="Internal Server Error")
        else:
            handler = self._generation_handler()
            response = await handler(self, request)
        if isinstance(response, web.Response):
            self._damage_json(response)
        if self.profile.closes_connections:
            response.force_close()
        if faults.chunked_json and _is_json(response):
            return await _send_chunked(request, response)
        return response

    def _generation_handler(
        self,
    ) -> Callable[[Server, web.Request], Awaitable[web.Response]]:
        generation = self.profile.generation
        if generation is Generation.DIGEST:
            return digest.handle
        if generation is Generation.LEGACY:
            return legacy.handle
        return modern.handle

    def _damage_json(self, response: web.Response) -> None:
        if not _is_json(response):
            return
        body = response.body
        if not isinstance(body, bytes):
            return
        if self.faults.malformed_json:
            response.body = b"<html><body>Bad Gateway</body></html>"
        elif self.faults.truncated_json:
            response.body = body[: max(1, len(body) // 2)]


def _is_json(response: web.StreamResponse) -> bool:
    return response.content_type in {"application/json", "text/javascript"}


async def _send_chunked(
    request: web.Request, response: web.StreamResponse
) -> web.StreamResponse:
    """Send ``response``'s body in 64 KiB chunks without a ``Content-Length``."""
    body = response.body if isinstance(response, web.Response) else None
    if not isinstance(body, bytes):
        return response
    headers = response.headers.copy()
    headers.popall("Content-Length", None)
    stream = web.StreamResponse(status=response.status, headers=headers)
    stream.enable_chunked_encoding()
    if response.keep_alive is False:
        stream.force_close()
    await stream.prepare(request)
    try:
        for start in range(0, len(body), 64 * 1024):
            await stream.write(body[start : start + 64 * 1024])
        await stream.write_eof()
    except ConnectionError:
        pass  # the client stopped reading (for example at its size cap)
    return stream
