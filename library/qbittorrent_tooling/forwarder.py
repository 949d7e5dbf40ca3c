"""A loopback TCP forwarder: a remapped port, and connections it can drop."""

from __future__ import annotations

import asyncio
import contextlib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import AsyncIterator


_REQUEST_LINE = re.compile(rb"(?:^|\r\n)(GET|POST) (\S+) HTTP/1\.[01]\r\n")


class Forwarder:
    """Forward a fresh loopback port to ``target_port``.

    Like a Docker port mapping, clients reach the server through another port
    than the one it listens on. The next ``drop_next`` requests are swallowed and
    their connection closed without an answer (like a server dropping an idle
    keep-alive connection just as the client reuses it). ``requests`` lists
    the method and path of every request line passed on, so tests can count
    what reached a real server.
    """

    def __init__(self, target_port: int) -> None:
        """Prepare to forward to ``target_port`` on 127.0.0.1."""
        self.target_port = target_port
        self.drop_next = 0
        self.dropped = 0
        self.requests: list[tuple[str, str]] = []

    @contextlib.asynccontextmanager
    async def serve(self) -> AsyncIterator[str]:
        """Listen on a free port and yield its base URL."""
        server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.close()
            server.close_clients()
            await server.wait_closed()

    async def _connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(
            "127.0.0.1", self.target_port
        )
        await asyncio.gather(
            self._requests(reader, upstream_writer, writer),
            self._pipe(upstream_reader, writer),
        )

    async def _requests(
        self,
        reader: asyncio.StreamReader,
        upstream: asyncio.StreamWriter,
        client: asyncio.StreamWriter,
    ) -> None:
        try:
            while data := await reader.read(65536):
                if self.drop_next > 0:
                    # Swallow the request and hang up on both sides.
                    self.drop_next -= 1
                    self.dropped += 1
                    client.close()
                    break
                self.requests += [
                    (method.decode(), path.decode().partition("?")[0])
                    for method, path in _REQUEST_LINE.findall(data)
                ]
                upstream.write(data)
                await upstream.drain()
        except ConnectionError:
            pass
        finally:
            upstream.close()

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()
