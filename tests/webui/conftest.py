"""Fixtures for the WebUI client tests: emulated and real servers, sessions."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
import contextlib
from typing import Any

import aiohttp
import pytest

from custom_components.qbittorrent_webui.webui import QBittorrentClient
from qbittorrent_emulator import QBittorrentEmulator

USERNAME = "admin"
PASSWORD = "adminadmin"
# One version per behaviour change the client has to follow.
EMULATED_VERSIONS = (
    "3.1.12",
    "3.2.0",
    "3.3.16",
    "4.0.4",
    "4.1.9",
    "4.6.7",
    "5.1.0",
    "5.3.0",
)

type ClientFactory = Callable[..., QBittorrentClient]


def new_session() -> aiohttp.ClientSession:
    """A session like the integration's: unsafe jar, unquoted cookies."""
    return aiohttp.ClientSession(
        cookie_jar=aiohttp.CookieJar(unsafe=True, quote_cookie=False)
    )


@pytest.fixture
async def client_factory() -> AsyncIterator[ClientFactory]:
    """Build clients, each with its own session (closed at the end)."""
    sessions: list[aiohttp.ClientSession] = []

    def build(url: str, **options: Any) -> QBittorrentClient:
        session = new_session()
        sessions.append(session)
        options.setdefault("username", USERNAME)
        options.setdefault("password", PASSWORD)
        options.setdefault("request_timeout", 5.0)
        return QBittorrentClient(url, session, **options)

    yield build
    for session in sessions:
        await session.close()


type EmulatorStarter = Callable[..., Awaitable[tuple[QBittorrentEmulator, str]]]


@pytest.fixture
async def emulator_factory(socket_enabled: None) -> AsyncIterator[EmulatorStarter]:
    """Serve emulators on free loopback ports: ``emulator, url = await start(...)``."""
    async with contextlib.AsyncExitStack() as stack:

        async def start(
            version: str = "5.3.0", **options: Any
        ) -> tuple[QBittorrentEmulator, str]:
            options.setdefault("username", USERNAME)
            options.setdefault("password", PASSWORD)
            options.setdefault("torrent_count", 5)
            emulator = QBittorrentEmulator(version, **options)
            url = await stack.enter_async_context(emulator.serve())
            return emulator, url

        yield start
