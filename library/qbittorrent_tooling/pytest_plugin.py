"""Pytest fixtures for every suite: real qbittorrent-nox servers, emulators, clients.

Loaded with ``-p qbittorrent_tooling.pytest_plugin`` (pyproject's addopts).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
import contextlib
from dataclasses import dataclass
import os
from typing import TYPE_CHECKING, Any

import aiohttp
import pytest

from qbittorrent_tooling.emulator import QBittorrentEmulator
from qbittorrent_tooling.real_servers import (
    Installation,
    QBittorrentProcess,
    find_installations,
)
from qbittorrent_tooling.traffic import PASSWORD, USERNAME, new_session

if TYPE_CHECKING:
    from qbittorrent_webui_client import QBittorrentClient

# The versions Debian ships (bullseye, bookworm, trixie, testing); scripts/setup installs all four.
REAL_VERSIONS = ("4.2.5", "4.5.2", "5.1.0", "5.3.0")
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

type ProcessFactory = Callable[..., Awaitable[QBittorrentProcess]]
type EmulatorStarter = Callable[..., Awaitable[tuple[QBittorrentEmulator, str]]]
type ClientFactory = Callable[..., QBittorrentClient]


def installation_or_skip(version: str) -> Installation:
    """Return the installation of ``version``, or skip (fail in CI) without one."""
    installation = find_installations().get(version)
    if installation is None:
        reason = (
            f"qbittorrent-nox {version} is not installed here; "
            "scripts/test provides it (see README)"
        )
        if os.environ.get("QBT_REQUIRE_REAL_SERVERS") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return installation


@pytest.fixture
def qbittorrent_process_factory(socket_enabled: None) -> Iterator[ProcessFactory]:
    """Start real servers on demand: ``await factory("5.3.0", password=...)``.

    Every server started here is stopped and its profile removed at the end.
    Sockets are enabled for the test; pytest-homeassistant-custom-component
    still allows connections to 127.0.0.1 only.
    """
    started: list[QBittorrentProcess] = []

    async def start(version: str, **options: Any) -> QBittorrentProcess:
        process = QBittorrentProcess(installation_or_skip(version), **options)
        started.append(process)
        await process.async_start()
        return process

    yield start
    for process in started:
        process.remove()


@pytest.fixture(params=REAL_VERSIONS)
async def real_qbittorrent(
    request: pytest.FixtureRequest, qbittorrent_process_factory: ProcessFactory
) -> QBittorrentProcess:
    """A fresh real server of each Debian version (user admin, password adminadmin)."""
    return await qbittorrent_process_factory(request.param)


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


@pytest.fixture
async def client_factory() -> AsyncIterator[ClientFactory]:
    """Build library clients, each with its own session (closed at the end)."""
    # Imported here: the Home Assistant suites load this plugin without using it.
    from qbittorrent_webui_client import QBittorrentClient  # noqa: PLC0415

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


@dataclass
class Backend:
    """A WebUI under test: the emulator or a real qbittorrent-nox."""

    kind: str
    version: str
    url: str
    emulator: QBittorrentEmulator | None = None

    @property
    def major_minor(self) -> tuple[int, int]:
        major, minor, _ = self.version.split(".")
        return int(major), int(minor)


@pytest.fixture(scope="module")
def real_servers() -> Iterator[dict[str, QBittorrentProcess]]:
    """One real server per version for a whole module, started on first use."""
    started: dict[str, QBittorrentProcess] = {}

    class Lazy(dict[str, QBittorrentProcess]):
        def __missing__(self, version: str) -> QBittorrentProcess:
            process = QBittorrentProcess(installation_or_skip(version))
            process.start()
            started[version] = process
            self[version] = process
            return process

    yield Lazy()
    for process in started.values():
        process.remove()


BACKEND_PARAMS = [
    pytest.param((kind, version), id=f"{kind}-{version}", marks=marks)
    for version in REAL_VERSIONS
    for kind, marks in (("emulator", ()), ("real", (pytest.mark.real_server,)))
]


@pytest.fixture(params=BACKEND_PARAMS)
async def backend(
    request: pytest.FixtureRequest,
    real_servers: dict[str, QBittorrentProcess],
    socket_enabled: None,
) -> AsyncIterator[Backend]:
    """Each scenario runs against the emulator and the real server of a version."""
    kind, version = request.param
    if kind == "real":
        yield Backend(kind, version, real_servers[version].url)
        return
    emulator = QBittorrentEmulator(version, torrent_count=0)
    async with emulator.serve() as url:
        yield Backend(kind, version, url, emulator)


@pytest.fixture
async def http(socket_enabled: None) -> AsyncIterator[aiohttp.ClientSession]:
    """A client session with a jar that keeps cookies of IP hosts, unquoted."""
    jar = aiohttp.CookieJar(unsafe=True, quote_cookie=False)
    async with aiohttp.ClientSession(cookie_jar=jar) as session:
        yield session
