"""Failure handling: credentials, bans, rejections, timeouts, broken answers."""

from __future__ import annotations

import asyncio
import gc
from types import FrameType, TracebackType
from typing import TYPE_CHECKING

import aiohttp
import pytest

from qbittorrent_tooling.forwarder import Forwarder
from qbittorrent_tooling.traffic import PASSWORD, logins
from qbittorrent_webui_client import (
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentClient,
    QBittorrentConnectionError,
    QBittorrentRequestRejectedError,
    QBittorrentTimeoutError,
    QBittorrentUnexpectedResponseError,
    QBittorrentUnsupportedVersionError,
)

if TYPE_CHECKING:
    from qbittorrent_tooling.pytest_plugin import ClientFactory, EmulatorStarter

WRONG_PASSWORD = "not-the-password-4711"


@pytest.mark.parametrize("version", ["3.2.0", "4.0.4", "4.6.7", "5.3.0"])
async def test_no_second_login_after_bad_credentials(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url, password=WRONG_PASSWORD)

    with pytest.raises(QBittorrentAuthenticationError) as first:
        await client.detect()
    for _ in range(3):
        with pytest.raises(QBittorrentAuthenticationError):
            await client.sync()

    assert logins(emulator.requests) == 1
    assert WRONG_PASSWORD not in str(first.value)
    assert WRONG_PASSWORD not in repr(client)

    client.set_credentials(username="admin", password=PASSWORD)
    assert (await client.sync()).baseline
    assert logins(emulator.requests) == 2


async def test_digest_bad_credentials_are_not_resent(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory("3.1.12")
    client = client_factory(url, password=WRONG_PASSWORD)

    with pytest.raises(QBittorrentAuthenticationError):
        await client.detect()
    with pytest.raises(QBittorrentAuthenticationError):
        await client.pause_all()

    # Only the first digest was sent; unauthenticated probes do not count.
    authenticated = [
        p for _, p in emulator.requests if p != "/api/v2/app/webapiVersion"
    ]
    assert authenticated == ["/json/transferInfo"]
    assert not emulator.bans.is_banned("127.0.0.1")


async def test_digest_stale_nonce_is_renewed_transparently(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory("3.1.12")
    client = client_factory(url)
    await client.sync()
    before = len(emulator.requests)

    emulator.faults.stale_nonces = True
    result = await client.sync()
    await client.pause_all()

    assert len(result.data.torrents) == len(emulator.torrents)
    # One request answered "stale", resent once with the new nonce; the
    # later requests reuse that nonce.
    assert len(emulator.fresh_nonces) == 1
    sync_requests = 4  # /json/transferInfo, both global limits, /json/torrents
    assert len(emulator.requests) - before == sync_requests + 1 + 1
    assert not emulator.bans.failures


async def test_explicit_login_is_allowed_after_a_failure(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory("5.1.0")
    client = client_factory(url, password=WRONG_PASSWORD)
    with pytest.raises(QBittorrentAuthenticationError):
        await client.detect()

    with pytest.raises(QBittorrentAuthenticationError):
        await client.login()

    assert logins(emulator.requests) == 2


@pytest.mark.parametrize(
    ("version", "known_duration"),
    [("3.1.12", 3600.0), ("4.0.4", 3600.0), ("4.6.7", None), ("5.3.0", None)],
)
async def test_ban_has_its_own_error(
    version: str,
    known_duration: float | None,
    emulator_factory: EmulatorStarter,
    client_factory: ClientFactory,
) -> None:
    emulator, url = await emulator_factory(version)
    emulator.faults.ban_after = 1
    client = client_factory(url, password=WRONG_PASSWORD)
    with pytest.raises(QBittorrentAuthenticationError):
        await client.detect()

    client.set_credentials(username="admin", password=PASSWORD)
    with pytest.raises(QBittorrentBannedError) as banned:
        await client.detect()

    assert banned.value.ban_duration == known_duration
    assert "banned" in str(banned.value)


@pytest.mark.parametrize("version", ["3.3.16", "4.6.7", "5.3.0"])
async def test_host_header_rejection_is_explained(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, _ = await emulator_factory(version)
    emulator.faults.check_host = True
    assert emulator.port is not None
    forwarder = Forwarder(emulator.port)

    async with forwarder.serve() as remapped_url:
        client = client_factory(remapped_url)
        with pytest.raises(QBittorrentRequestRejectedError) as rejected:
            await client.detect()

    message = str(rejected.value)
    assert "Host header validation" in message
    assert "port" in message
    assert logins(emulator.requests) == 0


async def test_referer_is_added_when_the_server_requires_it(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    _, url = await emulator_factory("3.3.13")
    client = client_factory(url)

    info = await client.detect()
    result = await client.sync()

    assert info.api_version == "14"
    assert result.data.torrents


async def test_timeout(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory("5.3.0")
    client = client_factory(url, request_timeout=0.2)
    await client.detect()
    emulator.faults.delay = 2.0

    with pytest.raises(QBittorrentTimeoutError, match="did not answer"):
        await client.sync()


async def test_unreachable_server(
    client_factory: ClientFactory, socket_enabled: None
) -> None:
    # Port 1 on loopback: nothing listens there.
    client = client_factory("http://127.0.0.1:1")

    with pytest.raises(QBittorrentConnectionError, match="Cannot connect"):
        await client.detect()


@pytest.mark.parametrize("version", ["3.1.12", "3.2.0", "5.3.0"])
async def test_truncated_json_is_reported_then_recovered(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    baseline = await client.sync()

    emulator.faults.truncated_json = True
    with pytest.raises(QBittorrentUnexpectedResponseError, match="malformed JSON"):
        await client.sync()
    emulator.faults.truncated_json = False
    emulator.churn(added=1)
    result = await client.sync()

    assert len(result.added) == 1
    assert set(result.data.torrents) == set(baseline.data.torrents) | {
        result.added[0].hash
    }


@pytest.mark.parametrize("version", ["4.0.4", "5.3.0"])
async def test_dropped_connection_is_retried_once_for_reads(
    version: str, emulator_factory: EmulatorStarter
) -> None:
    emulator, _ = await emulator_factory(version)
    emulator.faults.check_host = False
    assert emulator.port is not None
    forwarder = Forwarder(emulator.port)
    # No connection reuse: every attempt is a fresh connection.
    connector = aiohttp.TCPConnector(force_close=True)
    async with (
        forwarder.serve() as url,
        aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.CookieJar(unsafe=True, quote_cookie=False),
        ) as session,
    ):
        client = QBittorrentClient(url, session, username="admin", password=PASSWORD)
        await client.detect()
        # sync is a GET everywhere; the legacy limit getter is a POST read.
        for read in (client.sync, client.get_global_download_limit):
            dropped_before = forwarder.dropped
            forwarder.drop_next = 1
            await read()
            assert forwarder.dropped == dropped_before + 1

            forwarder.drop_next = 2
            with pytest.raises(QBittorrentConnectionError, match="broke"):
                await read()
            assert forwarder.dropped == dropped_before + 3
            forwarder.drop_next = 0


async def test_dropped_connection_is_not_retried_for_actions(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, _ = await emulator_factory("5.3.0")
    emulator.faults.check_host = False
    assert emulator.port is not None
    forwarder = Forwarder(emulator.port)
    async with forwarder.serve() as url:
        client = client_factory(url)
        await client.detect()

        forwarder.drop_next = 1
        with pytest.raises(QBittorrentConnectionError):
            await client.pause_all()
        assert forwarder.dropped == 1


@pytest.mark.parametrize("version", ["3.3.16", "4.1.9", "5.3.0"])
async def test_expired_session_is_renewed_transparently(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    await client.sync()
    before = logins(emulator.requests)

    emulator.expire_sessions()
    emulator.churn(added=1, removed=1)
    result = await client.sync()

    assert logins(emulator.requests) == before + 1
    assert len(result.added) == 1
    assert len(result.removed) == 1
    assert set(result.data.torrents) == set(emulator.torrents)


async def test_at_most_one_login_per_operation(
    emulator_factory: EmulatorStarter, socket_enabled: None
) -> None:
    emulator, url = await emulator_factory("4.6.7")
    # A default jar drops cookies of IP hosts, so every request is refused.
    async with aiohttp.ClientSession() as session:
        client = QBittorrentClient(url, session, username="admin", password=PASSWORD)
        with pytest.raises(QBittorrentAuthenticationError, match="cookies"):
            await client.detect()
        assert logins(emulator.requests) == 1
        with pytest.raises(QBittorrentAuthenticationError, match="cookies"):
            await client.sync()
        assert logins(emulator.requests) == 2


async def test_concurrent_syncs_are_serialized(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory("5.3.0", torrent_count=50)
    client = client_factory(url)
    await client.sync()
    emulator.churn(changed=5)

    results = await asyncio.gather(*(client.sync() for _ in range(4)))

    # Each call used the rid of the one before: no call fell back to a full update.
    assert not any(result.full_update for result in results)


async def test_response_size_cap(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    _, url = await emulator_factory("5.3.0", torrent_count=50)
    client = client_factory(url, max_response_bytes=2048)
    await client.detect()

    with pytest.raises(QBittorrentUnexpectedResponseError, match="max_response_bytes"):
        await client.sync()


def text_kept_by(error: BaseException) -> int:
    """Bytes of text and buffers an error keeps alive for as long as it is kept.

    Follows what Home Assistant keeps with its last error: the exception chain,
    the locals of every traceback frame, and the client's own objects in them.
    """
    seen: set[int] = set()
    total = 0
    pending: list[object] = [error]
    while pending:
        item = pending.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, str | bytes | bytearray | memoryview):
            total += len(item)
        elif isinstance(item, BaseException):
            pending += [item.__cause__, item.__context__, item.__traceback__]
            pending += [*item.args, *vars(item).values()]
        elif isinstance(item, TracebackType):
            pending += [item.tb_next, item.tb_frame]
        elif isinstance(item, FrameType):
            pending += list(item.f_locals.values())
        elif isinstance(item, list | tuple | set | frozenset):
            pending += list(item)
        elif isinstance(item, dict):
            pending += [*item.keys(), *item.values()]
        elif type(item).__module__.startswith("custom_components"):
            pending += gc.get_referents(item)
    return total


async def test_chunked_answer_over_the_cap_is_refused_and_released(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    # ~1.5 MiB without Content-Length, so the cap is found while reading.
    emulator, url = await emulator_factory("5.3.0", torrent_count=1000)
    emulator.faults.chunked_json = True
    client = client_factory(url, max_response_bytes=512 * 1024)

    with pytest.raises(
        QBittorrentUnexpectedResponseError, match="max_response_bytes"
    ) as refused:
        await client.sync()

    # What was read up to the cap is not kept with the error.
    assert text_kept_by(refused.value) < 128 * 1024
    emulator.churn(removed=900)
    result = await client.sync()
    assert result.baseline
    assert len(result.data.torrents) == 100


async def test_malformed_large_answer_is_not_kept_by_the_error(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory("5.3.0", torrent_count=2000)
    client = client_factory(url)
    await client.detect()
    emulator.faults.truncated_json = True

    with pytest.raises(
        QBittorrentUnexpectedResponseError, match="malformed JSON"
    ) as bad:
        await client.sync()

    # The ~1.5 MiB half answer (body, text, decode error) is freed.
    assert text_kept_by(bad.value) < 64 * 1024
    emulator.faults.truncated_json = False
    assert len((await client.sync()).data.torrents) == 2000


async def test_api_key_is_sent_and_never_shown(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    key = "qbt_" + "k" * 28
    emulator, url = await emulator_factory("5.3.0", api_key=key)
    client = client_factory(url, username=None, password=None, api_key=key)

    result = await client.sync()

    assert result.data.torrents
    assert logins(emulator.requests) == 0
    assert key not in repr(client)

    wrong = client_factory(url, username=None, password=None, api_key="qbt_wrong")
    with pytest.raises(QBittorrentAuthenticationError) as error:
        await wrong.detect()
    assert "qbt_wrong" not in str(error.value)


async def test_url_with_path_prefix(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory("5.3.0")
    client = client_factory(url + "/qbt/")

    # The emulator serves at the root: every prefixed path is unknown there.
    with pytest.raises(QBittorrentUnsupportedVersionError, match="path prefix"):
        await client.detect()
    assert emulator.requests
    assert all(path.startswith("/qbt/") for _, path in emulator.requests)


async def test_server_error_is_reported_with_status(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory("4.6.7")
    client = client_factory(url)
    await client.sync()

    emulator.faults.server_errors = 1
    with pytest.raises(QBittorrentUnexpectedResponseError) as error:
        await client.sync()

    assert error.value.status == 500
    assert "HTTP 500" in str(error.value)
    assert not (await client.sync()).baseline
