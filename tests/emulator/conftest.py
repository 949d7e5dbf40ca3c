"""Backends for the emulator tests: the emulator itself and real servers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import aiohttp
import pytest

from qbittorrent_emulator import QBittorrentEmulator
from tests.conftest import REAL_VERSIONS, installation_or_skip
from tests.real_servers import QBittorrentProcess

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator


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
