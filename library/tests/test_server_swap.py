"""qBittorrent replaced by another version on the same port while the client lives.

An upgrade or downgrade restarts qBittorrent: the client meets a new server,
possibly of another generation, at the same URL. It must follow without
bogus torrent events, with at most one login, and without extra requests
once the server is steady.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import pytest
from yarl import URL

from qbittorrent_tooling.emulator import QBittorrentEmulator
from qbittorrent_tooling.traffic import LOGIN_PATHS, PASSWORD, USERNAME
from qbittorrent_webui_client import (
    Generation,
    QBittorrentClient,
    QBittorrentConnectionError,
    QBittorrentUnexpectedResponseError,
    TorrentStatus,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from qbittorrent_tooling.pytest_plugin import ClientFactory, ProcessFactory

DETECTION_PATHS = {
    "/api/v2/app/webapiVersion",
    "/api/v2/app/version",
    "/version/api",
    "/version/qbittorrent",
    "/about.html",
}


def emulator(version: str, torrent_count: int = 4) -> QBittorrentEmulator:
    return QBittorrentEmulator(
        version, username=USERNAME, password=PASSWORD, torrent_count=torrent_count
    )


def successor(version: str, before: QBittorrentEmulator) -> QBittorrentEmulator:
    """Another version holding the same torrents (as after an upgrade)."""
    after = emulator(version, torrent_count=0)
    for torrent_hash, fields in before.torrents.items():
        after.population.add(torrent_hash=torrent_hash, name=fields["name"])
    return after


def paths(server: QBittorrentEmulator) -> list[str]:
    return [path for _, path in server.requests]


@contextlib.asynccontextmanager
async def serving(server: QBittorrentEmulator, port: int = 0) -> AsyncIterator[str]:
    async with server.serve(host="127.0.0.1", port=port) as url:
        yield url


async def baseline(
    server: QBittorrentEmulator, client_factory: ClientFactory
) -> tuple[QBittorrentClient, int]:
    """Serve ``server``, sync a client against it, stop it; return client and port."""
    async with serving(server) as url:
        client = client_factory(url)
        assert (await client.sync()).baseline
    port = URL(url).port
    assert port is not None
    return client, port


@pytest.mark.parametrize(
    ("before", "after", "generation"),
    [
        ("4.0.4", "4.6.7", Generation.MODERN),
        ("4.6.7", "4.0.4", Generation.LEGACY),
        ("4.6.7", "5.3.0", Generation.MODERN),
        ("5.3.0", "4.6.7", Generation.MODERN),
        ("3.1.12", "5.3.0", Generation.MODERN),
        ("5.3.0", "3.1.12", Generation.DIGEST),
    ],
)
async def test_client_follows_a_replaced_server(
    socket_enabled: None,
    client_factory: ClientFactory,
    before: str,
    after: str,
    generation: Generation,
) -> None:
    old = emulator(before)
    client, port = await baseline(old, client_factory)
    new = successor(after, old)
    gone = next(iter(new.torrents))
    new.population.remove(gone)
    arrived = new.population.add(name="arrived during the upgrade")

    async with serving(new, port):
        result = await client.sync()
        info = client.server_info
        assert info is not None
        assert (info.app_version, info.generation) == (after, generation)
        # Only real differences are reported; the others were there before.
        assert [t.hash for t in result.added] == [arrived]
        assert [t.hash for t in result.removed] == [gone]
        assert set(result.data.torrents) == set(new.torrents)

        await client.pause_all()
        statuses = {t.status for t in (await client.sync()).data.torrents.values()}
        assert statuses == {TorrentStatus.STOPPED}
        await client.resume_all()
        statuses = {t.status for t in (await client.sync()).data.torrents.values()}
        assert TorrentStatus.STOPPED not in statuses

    assert sum(path in LOGIN_PATHS for path in paths(new)) <= 1


@pytest.mark.parametrize(("before", "after"), [("4.6.7", "5.3.0"), ("4.0.4", "4.6.7")])
async def test_connection_loss_leads_to_detection_of_the_new_server(
    socket_enabled: None, client_factory: ClientFactory, before: str, after: str
) -> None:
    old = emulator(before)
    client, port = await baseline(old, client_factory)

    # Home Assistant polls while qBittorrent is down for the upgrade.
    with pytest.raises(QBittorrentConnectionError):
        await client.sync()

    new = successor(after, old)
    async with serving(new, port):
        result = await client.pause_all()
        assert result is None
        result = await client.sync()

    info = client.server_info
    assert info is not None
    assert info.app_version == after
    assert paths(new)[0] == "/api/v2/app/webapiVersion"
    assert not result.added
    assert not result.removed
    assert {t.status for t in result.data.torrents.values()} == {TorrentStatus.STOPPED}
    assert sum(path in LOGIN_PATHS for path in paths(new)) == 1


@pytest.mark.parametrize("connection_lost", [False, True])
async def test_restart_of_the_same_version_costs_one_login(
    socket_enabled: None, client_factory: ClientFactory, connection_lost: bool
) -> None:
    old = emulator("5.3.0")
    client, port = await baseline(old, client_factory)
    if connection_lost:
        with pytest.raises(QBittorrentConnectionError):
            await client.sync()

    new = successor("5.3.0", old)
    async with serving(new, port):
        result = await client.sync()
        assert not result.added
        assert not result.removed
        settled = len(new.requests)
        await client.pause_all()
        await client.resume_all()
        await client.sync()
        await client.sync()

    assert sum(path in LOGIN_PATHS for path in paths(new)) == 1
    # The restart was noticed (lost connection or forgotten session) and the
    # server detected once; afterwards only the operations themselves go out.
    assert paths(new)[:settled].count("/api/v2/app/version") == 1
    assert paths(new)[settled:] == [
        "/api/v2/torrents/stop",
        "/api/v2/torrents/start",
        "/api/v2/sync/maindata",
        "/api/v2/sync/maindata",
    ]


async def test_missing_torrent_is_not_mistaken_for_a_new_server(
    socket_enabled: None, client_factory: ClientFactory
) -> None:
    server = emulator("5.3.0")
    async with serving(server) as url:
        client = client_factory(url)
        await client.sync()
        with pytest.raises(QBittorrentUnexpectedResponseError) as error:
            await client.rename_torrent("0" * 40, "new name")

    assert error.value.status == 404
    # Detected once more (the server did not change), then not retried.
    assert paths(server).count("/api/v2/torrents/rename") == 1
    assert paths(server).count("/api/v2/app/version") == 2


@pytest.mark.parametrize(("before", "after"), [("4.5.2", "5.3.0"), ("5.3.0", "4.5.2")])
async def test_real_upgrade_and_downgrade_on_the_same_port(
    before: str,
    after: str,
    qbittorrent_process_factory: ProcessFactory,
    client_factory: ClientFactory,
) -> None:
    """Real servers: pause/resume and login replies differ between 4.5.2 and 5.3.0."""
    old = await qbittorrent_process_factory(
        before, username=USERNAME, password=PASSWORD
    )
    client = client_factory(old.url)
    assert (await client.detect()).app_version == before
    assert (await client.sync()).baseline
    await old.async_stop()

    await qbittorrent_process_factory(
        after, username=USERNAME, password=PASSWORD, port=old.port
    )
    result = await client.sync()

    assert client.server_info is not None
    assert client.server_info.app_version == after
    assert (result.added, result.removed) == ((), ())
    # The endpoint names differ (pause vs stop): the old dialect would get 404.
    await client.pause_all()
    await client.resume_all()
