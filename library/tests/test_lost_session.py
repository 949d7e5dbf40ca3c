"""Many concurrent calls just after qBittorrent forgot the session.

The session expires (idle timeout) or qBittorrent restarts while Home
Assistant fires a burst of actions. The calls must share one login and all
succeed: a login per waiter evicts the sessions of the others on 5.3 (it keeps
15), and re-detection must not change how running requests authenticate.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import pytest

from qbittorrent_tooling.forwarder import Forwarder
from qbittorrent_tooling.pytest_plugin import REAL_VERSIONS
from qbittorrent_tooling.traffic import NO_HOST_CHECK, logins

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from qbittorrent_tooling.pytest_plugin import (
        ClientFactory,
        EmulatorStarter,
        ProcessFactory,
    )
    from qbittorrent_webui_client import QBittorrentClient

CONCURRENT_CALLS = 100


def burst(client: QBittorrentClient, hashes: list[str]) -> list[Awaitable[object]]:
    """A mix of reads and actions, as automations and dashboards fire them.

    The calls start a few event-loop turns apart, so some are still on their
    way while others already logged in and detect again.
    """
    calls: list[Callable[[], Awaitable[object]]] = [
        client.get_transfer_info,
        client.get_torrents,
        lambda: client.pause_torrents(hashes),
        lambda: client.resume_torrents(hashes),
        client.get_alternative_speed_limits_enabled,
    ]

    async def call(index: int) -> object:
        for _ in range(index):
            await asyncio.sleep(0)
        return await calls[index % len(calls)]()

    return [call(index) for index in range(CONCURRENT_CALLS)]


@pytest.mark.parametrize("version", ["3.3.16", "4.6.7", "5.1.0", "5.3.0"])
async def test_expired_session_costs_one_login_for_a_burst(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    await client.sync()
    hashes = list(emulator.torrents)
    before = logins(emulator.requests)

    emulator.expire_sessions()
    results = await asyncio.gather(*burst(client, hashes), return_exceptions=True)

    assert [r for r in results if isinstance(r, Exception)] == []
    assert logins(emulator.requests) == before + 1
    # The client goes on in the one new session.
    await client.sync()
    assert len(emulator.sessions) == 1


@pytest.mark.real_server
@pytest.mark.parametrize("version", REAL_VERSIONS)
async def test_restarted_real_server_costs_one_login_for_a_burst(
    version: str,
    qbittorrent_process_factory: ProcessFactory,
    client_factory: ClientFactory,
) -> None:
    """Real qBittorrent restarted: 100 concurrent calls, one login, no failure."""
    server = await qbittorrent_process_factory(version, extra_config=NO_HOST_CHECK)
    forwarder = Forwarder(server.port)
    async with forwarder.serve() as url:
        client = client_factory(url, request_timeout=30.0)
        await client.sync()
        assert logins(forwarder.requests) == 1

        await server.async_restart()
        results = await asyncio.gather(
            *burst(client, ["0" * 40]), return_exceptions=True
        )

        assert [r for r in results if isinstance(r, Exception)] == []
        assert logins(forwarder.requests) == 2
