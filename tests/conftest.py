"""Fixtures shared by every test: real qbittorrent-nox servers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
import os
from typing import Any

import pytest

from tests.real_servers import Installation, QBittorrentProcess, find_installations

# The versions Debian ships (bookworm, trixie, testing); scripts/setup installs all three.
REAL_VERSIONS = ("4.5.2", "5.1.0", "5.3.0")

type ProcessFactory = Callable[..., Awaitable[QBittorrentProcess]]


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
