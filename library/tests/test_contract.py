"""The same user-visible contract against the emulator and real qbittorrent-nox.

Real servers: 4.2.5, 4.5.2, 5.1.0 and 5.3.0 (skipped where not installed). Each test
starts one server and runs several scenarios on it to keep the suite fast.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

from qbittorrent_tooling.emulator import QBittorrentEmulator
from qbittorrent_tooling.pytest_plugin import REAL_VERSIONS, ProcessFactory
from qbittorrent_tooling.real_servers import free_port
from qbittorrent_webui_client import (
    MAX_SPEED_LIMIT,
    AddTorrentOptions,
    Generation,
    QBittorrentAddTorrentError,
    QBittorrentAuthenticationError,
    QBittorrentClient,
    QBittorrentRequestRejectedError,
    QBittorrentUnexpectedResponseError,
    QBittorrentUnsupportedOperationError,
    SpeedLimits,
    SyncResult,
    TorrentStatus,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable

    from qbittorrent_tooling.pytest_plugin import ClientFactory, EmulatorStarter
from qbittorrent_tooling.emulator.addition import torrent_file_hash_and_name
from qbittorrent_tooling.forwarder import Forwarder
from qbittorrent_tooling.torrent_files import torrent_file

MAGNET_HASH = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00"
MAGNET = f"magnet:?xt=urn:btih:{MAGNET_HASH}&dn=contract%20test"
SERVERS = [("emulator", version) for version in REAL_VERSIONS] + [
    pytest.param(("real", version), marks=pytest.mark.real_server)
    for version in REAL_VERSIONS
]


@dataclass
class Server:
    """A server under test, emulated or real."""

    kind: str
    url: str
    port: int
    version: str
    restart: Callable[[], Awaitable[None]]

    def at_least(self, version: str) -> bool:
        """Whether the server is ``version`` or later (compared part by part)."""

        def parts(text: str) -> tuple[int, ...]:
            return tuple(int(part) for part in text.split("."))

        return parts(self.version) >= parts(version)


@pytest.fixture(params=SERVERS, ids=lambda server: f"{server[0]}-{server[1]}")
async def server(
    request: pytest.FixtureRequest,
    emulator_factory: EmulatorStarter,
    qbittorrent_process_factory: ProcessFactory,
) -> AsyncIterator[Server]:
    kind, version = request.param
    if kind == "real":
        process = await qbittorrent_process_factory(version)
        yield Server(kind, process.url, process.port, version, process.async_restart)
        return
    emulator, url = await emulator_factory(version, torrent_count=0)

    async def restart() -> None:
        # Only the sessions die; the emulator keeps its torrents like a
        # restarted qBittorrent keeps its resume data.
        emulator.expire_sessions()

    assert emulator.port is not None
    yield Server(kind, url, emulator.port, version, restart)
    assert isinstance(emulator, QBittorrentEmulator)


async def wait_for(
    client: QBittorrentClient, done: Callable[[SyncResult], bool]
) -> SyncResult:
    """Sync until ``done`` holds (a real server applies actions asynchronously)."""
    for _ in range(50):
        result = await client.sync()
        if done(result):
            return result
        await asyncio.sleep(0.1)
    return result


async def test_contract_detect_sync_and_control(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)

    info = await client.detect()
    assert info.generation is Generation.MODERN
    assert info.app_version == server.version
    assert info.capabilities.stop_start_naming is server.at_least("5")

    baseline = await client.sync()
    assert baseline.baseline
    assert baseline.added == ()
    assert baseline.data.server_state.connection_status is not None

    await client.add_torrent_urls([MAGNET], AddTorrentOptions(category="contract"))
    added = await wait_for(client, lambda r: MAGNET_HASH in r.data.torrents)
    assert [t.hash for t in added.added] == [MAGNET_HASH]
    assert added.data.torrents[MAGNET_HASH].category == "contract"
    assert "contract" in added.data.categories

    await client.pause_all()
    stopped = await wait_for(
        client,
        lambda r: r.data.torrents[MAGNET_HASH].status is TorrentStatus.STOPPED,
    )
    assert stopped.data.torrents[MAGNET_HASH].status is TorrentStatus.STOPPED
    await client.resume_all()
    running = await wait_for(
        client,
        lambda r: r.data.torrents[MAGNET_HASH].status is not TorrentStatus.STOPPED,
    )
    assert running.data.torrents[MAGNET_HASH].status is not TorrentStatus.STOPPED

    await client.set_torrent_upload_limit([MAGNET_HASH], 20 * 1024)
    torrent = (await client.get_torrents(hashes=[MAGNET_HASH]))[0]
    assert torrent.upload_limit == 20 * 1024
    assert await client.get_torrent_upload_limits([MAGNET_HASH]) == {
        MAGNET_HASH: 20 * 1024
    }
    # Unlike the global limits, real servers keep per-torrent limits exactly.
    await client.set_torrent_download_limit([MAGNET_HASH], 123456)
    assert await client.get_torrent_download_limits([MAGNET_HASH]) == {
        MAGNET_HASH: 123456
    }

    await client.create_category("Linux ISOs", "/srv/iso")
    await client.set_category([MAGNET_HASH], "Linux ISOs")
    categorized = await wait_for(
        client, lambda r: r.data.torrents[MAGNET_HASH].category == "Linux ISOs"
    )
    assert categorized.data.categories["Linux ISOs"].save_path == "/srv/iso"
    await client.remove_categories(["Linux ISOs"])
    assert "Linux ISOs" not in (await client.sync()).data.categories

    # Session expiry seen from the client: the cookie is gone.
    client._transport._session.cookie_jar.clear()
    after_expiry = await client.sync()
    assert MAGNET_HASH in after_expiry.data.torrents
    assert after_expiry.added == ()

    await client.delete_torrents([MAGNET_HASH], delete_files=True)
    removed = await wait_for(client, lambda r: MAGNET_HASH not in r.data.torrents)
    assert MAGNET_HASH not in removed.data.torrents
    assert [t.hash for t in removed.removed] == [MAGNET_HASH]


async def test_contract_add_torrent_file(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)
    await client.sync()
    content, info_hash = torrent_file("contract file")

    await client.add_torrent_files([content], AddTorrentOptions(stopped=True))
    result = await client.sync()
    if info_hash not in result.data.torrents:
        result = await wait_for(client, lambda r: info_hash in r.data.torrents)
    assert [t.hash for t in result.added] == [info_hash]
    assert result.data.torrents[info_hash].name == "contract file"

    # Real servers pass through checkingResumeData before settling.
    settled = await wait_for(
        client,
        lambda r: r.data.torrents[info_hash].status is TorrentStatus.STOPPED,
    )
    assert settled.data.torrents[info_hash].status is TorrentStatus.STOPPED


async def test_contract_duplicate_add_is_refused(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)
    await client.sync()
    await client.add_torrent_urls([MAGNET], AddTorrentOptions(stopped=True))
    # Real servers add magnets asynchronously: wait until the first is listed.
    listed = await wait_for(client, lambda r: MAGNET_HASH in r.data.torrents)
    assert MAGNET_HASH in listed.data.torrents
    content, info_hash = torrent_file("contract duplicate")
    await client.add_torrent_files([content], AddTorrentOptions(stopped=True))
    await wait_for(client, lambda r: info_hash in r.data.torrents)

    if server.at_least("4.5"):
        with pytest.raises(QBittorrentAddTorrentError, match="refused to add"):
            await client.add_torrent_urls([MAGNET], AddTorrentOptions(stopped=True))
        with pytest.raises(QBittorrentAddTorrentError):
            await client.add_torrent_files([content], AddTorrentOptions(stopped=True))
    else:
        # Before 4.5 qBittorrent merges a duplicate's trackers into the
        # torrent and reports success; nothing new is listed.
        await client.add_torrent_urls([MAGNET], AddTorrentOptions(stopped=True))
        await client.add_torrent_files([content], AddTorrentOptions(stopped=True))
    with pytest.raises(QBittorrentAddTorrentError):
        await client.add_torrent_files([b"not a torrent"])

    after = await client.sync()
    assert {MAGNET_HASH, info_hash} <= set(after.data.torrents)
    assert after.added == ()


async def test_contract_login_good_and_bad(
    server: Server, client_factory: ClientFactory
) -> None:
    good = client_factory(server.url)
    await good.login()
    assert good.server_info is not None
    assert (await good.sync()).baseline

    bad = client_factory(server.url, password="definitely-wrong")
    with pytest.raises(QBittorrentAuthenticationError):
        await bad.detect()
    with pytest.raises(QBittorrentAuthenticationError):
        await bad.sync()
    with pytest.raises(QBittorrentAuthenticationError):
        await bad.login()


async def test_contract_restart_recovery(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)
    await client.sync()
    await client.add_torrent_urls([MAGNET], AddTorrentOptions(stopped=True))
    await wait_for(client, lambda r: MAGNET_HASH in r.data.torrents)

    await server.restart()
    result = await wait_for(client, lambda r: MAGNET_HASH in r.data.torrents)

    assert MAGNET_HASH in result.data.torrents
    assert result.added == ()
    assert result.removed == ()


async def test_contract_host_header_rejection(
    server: Server, client_factory: ClientFactory
) -> None:
    # Reached through another port, like a Docker port mapping.
    async with Forwarder(server.port).serve() as remapped_url:
        client = client_factory(remapped_url)
        with pytest.raises(QBittorrentRequestRejectedError, match="Host header"):
            await client.detect()


async def test_contract_speed_limits(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)
    await client.sync()

    await client.set_alternative_speed_limits_enabled(True)
    assert await client.get_alternative_speed_limits_enabled() is True
    alt = await wait_for(
        client, lambda r: r.data.server_state.alternative_speed_limits_enabled is True
    )
    assert alt.data.server_state.alternative_speed_limits_enabled is True
    await client.set_alternative_speed_limits_enabled(False)
    assert await client.get_alternative_speed_limits_enabled() is False

    # Multiples of 1024: real servers keep limits in KiB/s.
    await client.set_global_download_limit(300 * 1024)
    await client.set_global_upload_limit(150 * 1024)
    assert await client.get_global_download_limit() == 300 * 1024
    assert await client.get_global_upload_limit() == 150 * 1024
    await client.set_global_download_limit(0)
    assert await client.get_global_download_limit() == 0


async def test_contract_alternative_limits_are_bytes(
    server: Server, client_factory: ClientFactory
) -> None:
    # Real servers keep every limit of the preferences in B/s (the wiki says
    # KiB/s); one way in, another way out shows the unit.
    client = client_factory(server.url)
    # qBittorrent's default alternative limits are 10 KiB/s.
    assert await client.get_alternative_speed_limits() == SpeedLimits(
        download=10 * 1024, upload=10 * 1024
    )

    await client.set_alternative_download_limit(300 * 1024)
    await client.set_alternative_upload_limit(150 * 1024)
    preferences = await client.get_preferences()
    assert (preferences["alt_dl_limit"], preferences["alt_up_limit"]) == (
        300 * 1024,
        150 * 1024,
    )
    await client.set_preferences({"dl_limit": 200 * 1024})
    assert await client.get_global_download_limit() == 200 * 1024

    await client.set_alternative_speed_limits_enabled(True)
    info = await client.get_transfer_info()
    assert (info.download_rate_limit, info.upload_rate_limit) == (
        300 * 1024,
        150 * 1024,
    )
    assert await client.get_global_download_limit() == 300 * 1024
    assert await client.get_global_upload_limit() == 150 * 1024

    # In alternative mode the global setters change the alternative limits.
    await client.set_global_download_limit(50 * 1024)
    assert await client.get_alternative_speed_limits() == SpeedLimits(
        download=50 * 1024, upload=150 * 1024
    )
    preferences = await client.get_preferences()
    assert (preferences["alt_dl_limit"], preferences["dl_limit"]) == (
        50 * 1024,
        200 * 1024,
    )

    await client.set_alternative_speed_limits_enabled(False)
    assert (await client.get_transfer_info()).download_rate_limit == 200 * 1024


async def test_contract_limits_that_would_wrap_are_refused(
    server: Server, client_factory: ClientFactory
) -> None:
    # qBittorrent reads a limit as a 32-bit int of B/s and wraps what does not
    # fit without an error; the client refuses it before sending anything.
    client = client_factory(server.url)
    await client.add_torrent_urls([MAGNET], AddTorrentOptions(stopped=True))
    await wait_for(client, lambda r: MAGNET_HASH in r.data.torrents)
    other_hash = "d" * 40
    too_high = MAX_SPEED_LIMIT + 1
    refused: list[Callable[[], Awaitable[None]]] = [
        lambda: client.set_global_download_limit(too_high),
        lambda: client.set_global_upload_limit(too_high),
        lambda: client.set_alternative_download_limit(too_high),
        lambda: client.set_alternative_upload_limit(too_high),
        lambda: client.set_torrent_download_limit([MAGNET_HASH], too_high),
        lambda: client.set_torrent_upload_limit([MAGNET_HASH], too_high),
        lambda: client.set_preferences({"alt_dl_limit": too_high}),
        lambda: client.add_torrent_urls(
            [f"magnet:?xt=urn:btih:{other_hash}"],
            AddTorrentOptions(download_limit=too_high),
        ),
    ]
    for call in refused:
        with pytest.raises(ValueError, match="2,097,151 KiB/s"):
            await call()

    assert await client.get_global_download_limit() == 0
    assert await client.get_global_upload_limit() == 0
    assert await client.get_alternative_speed_limits() == SpeedLimits(
        download=10 * 1024, upload=10 * 1024
    )
    # Unlimited is 0 everywhere, though before 4.5 the server says -1.
    assert await client.get_torrent_download_limits([MAGNET_HASH]) == {MAGNET_HASH: 0}
    listed = (await client.sync()).data.torrents
    assert other_hash not in listed
    assert (listed[MAGNET_HASH].download_limit, listed[MAGNET_HASH].upload_limit) == (
        0,
        0,
    )

    # The maximum itself is kept exactly, by every kind of limit.
    await client.set_global_download_limit(MAX_SPEED_LIMIT)
    await client.set_alternative_upload_limit(MAX_SPEED_LIMIT)
    await client.set_torrent_download_limit([MAGNET_HASH], MAX_SPEED_LIMIT)
    assert await client.get_global_download_limit() == MAX_SPEED_LIMIT
    assert (await client.get_alternative_speed_limits()).upload == MAX_SPEED_LIMIT
    assert await client.get_torrent_download_limits([MAGNET_HASH]) == {
        MAGNET_HASH: MAX_SPEED_LIMIT
    }


# --- server-wide controls (buttons, switches and numbers of the integration) ---


async def test_contract_server_controls(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)
    await client.add_torrent_urls([MAGNET], AddTorrentOptions(stopped=True))
    await wait_for(client, lambda r: MAGNET_HASH in r.data.torrents)
    # Every server of these versions takes "all" as the torrents to announce.
    await client.reannounce_all()
    synced = await client.sync()
    assert synced.data.server_state.queueing is True
    assert synced.data.server_state.peer_connections == 0

    # The preferences behind the integration's switches and numbers: keys,
    # units and what the server stores for edge values.
    before = await client.get_server_preferences()
    assert before.alternative_limits == SpeedLimits(
        download=10 * 1024, upload=10 * 1024
    )
    assert before.queueing is True
    assert (before.max_active_downloads, before.max_active_uploads) == (3, 3)
    assert before.max_active_torrents == 5
    assert (before.max_connections, before.max_connections_per_torrent) == (500, 100)
    assert (before.max_uploads, before.max_uploads_per_torrent) == (20, 4)
    assert (before.share_ratio_limit, before.seeding_time_limit) == (-1, -1)
    assert before.listen_port is not None
    assert None not in (before.dht, before.pex, before.lsd)

    port = free_port()
    await client.set_preferences(
        {
            "dht": not before.dht,
            "pex": not before.pex,
            "lsd": not before.lsd,
            "queueing_enabled": False,
            "listen_port": port,
            "max_active_downloads": 0,
            "max_active_uploads": -5,
            "max_active_torrents": 7,
            "max_connec": 0,
            "max_connec_per_torrent": 40,
            "max_uploads": -3,
            "max_uploads_per_torrent": 2,
        }
    )
    await client.set_share_ratio_limit(2.5)
    await client.set_seeding_time_limit(90)
    after = await client.get_server_preferences()
    # Maindata follows the queueing preference, so its switch needs no read.
    unqueued = await wait_for(client, lambda r: r.data.server_state.queueing is False)
    assert unqueued.data.server_state.queueing is False
    assert (after.dht, after.pex, after.lsd) == (
        not before.dht,
        not before.pex,
        not before.lsd,
    )
    assert after.queueing is False
    assert after.listen_port == port
    # 0 active downloads is a value; below -1 reads -1 (unlimited).
    assert (after.max_active_downloads, after.max_active_uploads) == (0, -1)
    assert after.max_active_torrents == 7
    # Connections and upload slots know no 0: it and negatives read -1.
    assert (after.max_connections, after.max_connections_per_torrent) == (-1, 40)
    assert (after.max_uploads, after.max_uploads_per_torrent) == (-1, 2)
    assert (after.share_ratio_limit, after.seeding_time_limit) == (2.5, 90)

    await client.set_share_ratio_limit(-1)
    await client.set_seeding_time_limit(-1)
    removed = await client.get_server_preferences()
    assert (removed.share_ratio_limit, removed.seeding_time_limit) == (-1, -1)
    raw = await client.get_preferences()
    assert (raw["max_ratio_enabled"], raw["max_seeding_time_enabled"]) == (False, False)
    # Why the client sends the switch too: up to 5.1 a ratio alone is ignored.
    await client.set_preferences({"max_ratio": 3})
    alone = (await client.get_server_preferences()).share_ratio_limit
    assert alone == (3 if server.version == "5.3.0" else -1)


async def test_contract_session_pause(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)
    synced = await client.sync()
    # Pausing the session: 5.3.0 has it, and says so in maindata.
    if server.version == "5.3.0":
        assert synced.data.server_state.session_paused is False
        await client.pause_session()
        paused = await wait_for(
            client, lambda r: r.data.server_state.session_paused is True
        )
        assert paused.data.server_state.session_paused is True
        await client.resume_session()
        resumed = await wait_for(
            client, lambda r: r.data.server_state.session_paused is False
        )
        assert resumed.data.server_state.session_paused is False
    else:
        assert synced.data.server_state.session_paused is None
        with pytest.raises(QBittorrentUnsupportedOperationError, match=r"5\.3\.0"):
            await client.pause_session()


async def _raw_torrent(client: QBittorrentClient, torrent_hash: str) -> dict[str, Any]:
    """The torrent as ``torrents/info`` reports it, fields the model leaves out too."""
    answer = await client._run(
        lambda dialect: dialect.get_json(
            "/api/v2/torrents/info", {"hashes": torrent_hash}
        )
    )
    return dict(answer[0])


async def _stopped_magnet(client: QBittorrentClient) -> None:
    await client.add_torrent_urls([MAGNET], AddTorrentOptions(stopped=True))
    await wait_for(client, lambda r: MAGNET_HASH in r.data.torrents)


async def test_contract_tags(server: Server, client_factory: ClientFactory) -> None:
    client = client_factory(server.url)
    await _stopped_magnet(client)

    await client.create_tags(["kept", "dropped"])
    await client.add_tags([MAGNET_HASH], ["kept", "linux iso"])
    tagged = await wait_for(
        client, lambda r: len(r.data.torrents[MAGNET_HASH].tags) == 2
    )
    assert tagged.data.torrents[MAGNET_HASH].tags == {"kept", "linux iso"}
    # Tagging creates what did not exist; creating leaves unused tags.
    assert {"kept", "dropped", "linux iso"} <= tagged.data.tags

    await client.remove_tags([MAGNET_HASH], ["kept"])
    await client.delete_tags(["dropped"])
    untagged = await wait_for(
        client, lambda r: r.data.torrents[MAGNET_HASH].tags == {"linux iso"}
    )
    assert untagged.data.torrents[MAGNET_HASH].tags == {"linux iso"}
    assert "dropped" not in untagged.data.tags
    assert "kept" in untagged.data.tags

    # Deleting a tag takes it off its torrents; no tags given removes them all.
    await client.add_tags([MAGNET_HASH], ["kept"])
    await client.delete_tags(["kept"])
    assert (await wait_for(client, lambda r: "kept" not in r.data.tags)).data.torrents[
        MAGNET_HASH
    ].tags == {"linux iso"}
    await client.remove_tags([MAGNET_HASH])
    cleared = await wait_for(client, lambda r: not r.data.torrents[MAGNET_HASH].tags)
    assert cleared.data.torrents[MAGNET_HASH].tags == frozenset()
    assert "linux iso" in cleared.data.tags


async def test_contract_categories(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)
    await client.create_category("Linux ISOs", "/srv/iso")
    await client.edit_category("Linux ISOs", "/srv/linux")
    edited = await wait_for(
        client,
        lambda r: r.data.categories["Linux ISOs"].save_path == "/srv/linux",
    )
    assert edited.data.categories["Linux ISOs"].save_path == "/srv/linux"
    await client.edit_category("Linux ISOs", "")
    assert (await client.sync()).data.categories["Linux ISOs"].save_path in {"", None}

    # 5.3.0 answers 404 for a category it does not know, older versions 409.
    with pytest.raises(QBittorrentUnexpectedResponseError) as caught:
        await client.edit_category("No such category", "/srv")
    assert caught.value.status == (404 if server.at_least("5.3") else 409)

    await client.remove_categories(["Linux ISOs", "No such category"])
    assert "Linux ISOs" not in (await client.sync()).data.categories


async def test_contract_share_limits(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)
    await _stopped_magnet(client)
    has_inactive_limit = server.at_least("4.6")

    await client.set_share_limits(
        [MAGNET_HASH],
        ratio_limit=1.5,
        seeding_time_limit=60,
        inactive_seeding_time_limit=30 if has_inactive_limit else None,
    )
    torrent = await _raw_torrent(client, MAGNET_HASH)
    assert (torrent["ratio_limit"], torrent["seeding_time_limit"]) == (1.5, 60)
    assert torrent.get("inactive_seeding_time_limit") == (
        30 if has_inactive_limit else None
    )

    # -1: no limit, -2: the global limit; the inactive one follows the global
    # one when not given.
    await client.set_share_limits([MAGNET_HASH], ratio_limit=-1, seeding_time_limit=-2)
    torrent = await _raw_torrent(client, MAGNET_HASH)
    assert (torrent["ratio_limit"], torrent["seeding_time_limit"]) == (-1, -2)
    assert torrent.get("inactive_seeding_time_limit") == (
        -2 if has_inactive_limit else None
    )
    if not has_inactive_limit:
        with pytest.raises(QBittorrentUnsupportedOperationError, match=r"4\.6\.0"):
            await client.set_share_limits(
                [MAGNET_HASH],
                ratio_limit=1,
                seeding_time_limit=1,
                inactive_seeding_time_limit=1,
            )

    # What 4.x and 5.1 would cap is refused before anything is sent.
    for ratio, minutes in ((10_000, 1), (1, 525_601), (-3, 1), (-0.5, 1), (1, -3)):
        with pytest.raises(ValueError, match="must be -2"):
            await client.set_share_limits(
                [MAGNET_HASH], ratio_limit=ratio, seeding_time_limit=minutes
            )
    assert (await _raw_torrent(client, MAGNET_HASH))["ratio_limit"] == -1

    # 5.2+ also keep what to do at the limit; changing the limits keeps it.
    if "share_limit_action" in torrent:
        await client._run(
            lambda dialect: dialect.post(
                "/api/v2/torrents/setShareLimits",
                {
                    "hashes": MAGNET_HASH,
                    "ratioLimit": "2",
                    "seedingTimeLimit": "-2",
                    "inactiveSeedingTimeLimit": "-2",
                    "shareLimitAction": "Stop",
                    "shareLimitsMode": "Default",
                },
            )
        )
        await client.set_share_limits(
            [MAGNET_HASH], ratio_limit=3, seeding_time_limit=-1
        )
        torrent = await _raw_torrent(client, MAGNET_HASH)
        assert (torrent["ratio_limit"], torrent["share_limit_action"]) == (3, "Stop")


async def test_contract_torrent_settings(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)
    await client.sync()
    content, info_hash = torrent_file("contract settings")
    await client.add_torrent_files([content], AddTorrentOptions(stopped=True))
    await wait_for(client, lambda r: info_hash in r.data.torrents)

    await client.set_auto_management([info_hash], True)
    assert (await _raw_torrent(client, info_hash))["auto_tmm"] is True
    await client.set_auto_management([info_hash], False)
    assert (await _raw_torrent(client, info_hash))["auto_tmm"] is False

    if not server.at_least("4.4"):
        with pytest.raises(QBittorrentUnsupportedOperationError, match=r"4\.4\.0"):
            await client.set_download_path([info_hash], "/srv/incomplete")
    else:
        await client.set_download_path([info_hash], "/srv/incomplete")
        for _ in range(50):
            torrent = await _raw_torrent(client, info_hash)
            if torrent["download_path"]:
                break
            await asyncio.sleep(0.1)
        assert torrent["download_path"].rstrip("/") == "/srv/incomplete"

    # Set to a value, whatever the state before: twice the same is no flip.
    for enabled in (True, True, False):
        await client.set_sequential_download([info_hash], enabled)
        await client.set_first_last_piece_priority([info_hash], enabled)
        await client.set_super_seeding([info_hash], enabled)
        torrent = (await client.get_torrents(hashes=[info_hash]))[0]
        assert torrent.sequential_download is enabled
        assert torrent.first_last_piece_priority is enabled

    await client.rename_torrent(info_hash, "renamed in contract")
    renamed = await wait_for(
        client, lambda r: r.data.torrents[info_hash].name == "renamed in contract"
    )
    assert renamed.data.torrents[info_hash].name == "renamed in contract"

    await client.set_file_priority(info_hash, [0], 0)
    await client.set_file_priority(info_hash, [0], 7)
    with pytest.raises(QBittorrentUnexpectedResponseError) as caught:
        await client.set_file_priority(info_hash, [5], 1)
    assert caught.value.status == 409  # "File ID is not valid"


async def test_contract_torrent_details(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)
    await client.sync()
    content, info_hash = torrent_file("contract details")
    await client.add_torrent_files([content], AddTorrentOptions(stopped=True))
    await wait_for(client, lambda r: info_hash in r.data.torrents)

    details = await client.get_torrent_details(info_hash.upper())
    assert details.properties["save_path"]
    assert details.properties["total_size"] > 0
    assert details.files
    assert [file["index"] for file in details.files] == list(range(len(details.files)))
    assert (
        sum(file["size"] for file in details.files) == details.properties["total_size"]
    )
    urls = [tracker["url"] for tracker in details.trackers]
    assert "** [DHT] **" in urls
    assert any(url.startswith("http") for url in urls)
    assert details.peers == {}

    with pytest.raises(QBittorrentUnexpectedResponseError) as caught:
        await client.get_torrent_details("d" * 40)
    assert caught.value.status == 404


# What Home Assistant's set_preferences action may change (its allowlist), with
# a value unlike each default: every server keeps each as given.
ALLOWED_PREFERENCES = {
    "listen_port": 51413,
    "max_connec": 300,
    "max_connec_per_torrent": 80,
    "max_uploads": 30,
    "max_uploads_per_torrent": 5,
    "queueing_enabled": False,
    "max_active_downloads": 4,
    "max_active_uploads": 6,
    "max_active_torrents": 9,
    "dont_count_slow_torrents": True,
    "max_ratio_enabled": True,
    "max_ratio": 2.5,
    "max_seeding_time_enabled": True,
    "max_seeding_time": 1440,
    "dht": True,
    "pex": False,
    "lsd": True,
    "upnp": False,
    "save_path": "/srv/downloads",
    "temp_path_enabled": True,
    "temp_path": "/srv/incomplete",
}


async def test_contract_allowed_preferences_round_trip(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)
    before = await client.get_preferences()
    assert set(ALLOWED_PREFERENCES) <= set(before)

    await client.set_preferences(ALLOWED_PREFERENCES)
    after = await client.get_preferences()
    assert {key: after[key] for key in ALLOWED_PREFERENCES} == ALLOWED_PREFERENCES | {
        key: value.rstrip("/") + "/"
        for key, value in ALLOWED_PREFERENCES.items()
        if isinstance(value, str) and after[key].endswith("/")
    }


async def test_contract_export_torrent(
    server: Server, client_factory: ClientFactory
) -> None:
    client = client_factory(server.url)
    await client.sync()
    content, info_hash = torrent_file("contract export")
    await client.add_torrent_files([content], AddTorrentOptions(stopped=True))
    await _stopped_magnet(client)

    if not server.at_least("4.5"):
        with pytest.raises(QBittorrentUnsupportedOperationError, match=r"4\.5\.0"):
            await client.export_torrent(info_hash)
        return
    if server.kind == "real" and not server.at_least("5.3"):
        # Real 4.5.2 and 5.1.0 refuse to export this synthetic one-piece
        # torrent (libtorrent: "missing or invalid 'hash' entry"); 5.3.0 does.
        with pytest.raises(QBittorrentUnexpectedResponseError) as refused:
            await client.export_torrent(info_hash)
        assert refused.value.status == 409
        assert "'hash' entry" in refused.value.body_excerpt
    else:
        exported = await client.export_torrent(info_hash)
        assert torrent_file_hash_and_name(exported) == (info_hash, "contract export")

    # Without metadata there is nothing to export, on every version.
    with pytest.raises(QBittorrentUnexpectedResponseError) as caught:
        await client.export_torrent(MAGNET_HASH)
    assert caught.value.status == 409
    assert "Missing metadata" in caught.value.body_excerpt


async def test_contract_rss(server: Server, client_factory: ClientFactory) -> None:
    client = client_factory(server.url)
    feed_url = "http://127.0.0.1:9/feed.xml"  # nothing listens: never fetched

    await client.add_rss_folder("Linux")
    await client.add_rss_feed(feed_url, "Linux\\Debian")
    items = await client.get_rss_items()
    assert items["Linux"]["Debian"]["url"] == feed_url
    with_data = await client.get_rss_items(with_data=True)
    assert with_data["Linux"]["Debian"]["articles"] == []
    await client.refresh_rss_item("Linux\\Debian")

    # Taken paths and URLs are refused.
    for call in (
        lambda: client.add_rss_folder("Linux"),
        lambda: client.add_rss_feed(feed_url, "Other"),
        lambda: client.remove_rss_item("No such item"),
    ):
        with pytest.raises(QBittorrentUnexpectedResponseError) as caught:
            await call()
        assert caught.value.status == 409

    await client.set_rss_rule(
        "ISOs",
        {"enabled": True, "mustContain": "netinst", "affectedFeeds": [feed_url]},
    )
    rule = (await client.get_rss_rules())["ISOs"]
    assert (rule["enabled"], rule["mustContain"], rule["affectedFeeds"]) == (
        True,
        "netinst",
        [feed_url],
    )
    await client.remove_rss_rule("ISOs")
    await client.remove_rss_rule("No such rule")
    assert await client.get_rss_rules() == {}

    await client.remove_rss_item("Linux")
    assert await client.get_rss_items() == {}


async def test_contract_search(server: Server, client_factory: ClientFactory) -> None:
    client = client_factory(server.url)
    if server.kind == "real" and not server.at_least("5.3"):
        # The Debian 4.5.2 and 5.1.0 roots here have no Python: 409, nothing runs.
        with pytest.raises(QBittorrentUnexpectedResponseError) as refused:
            await client.start_search("debian", category="all")
        assert refused.value.status == 409
        assert "Python must be installed" in refused.value.body_excerpt
        with pytest.raises(QBittorrentUnexpectedResponseError) as caught:
            await client.get_search_results(1)
        assert caught.value.status == 404
        return
    search_id = await client.start_search("debian", category="all")
    results = await client.get_search_results(search_id, limit=10)
    assert (results["results"], results["total"]) == ([], 0)
    assert results["status"] in {"Running", "Stopped"}
    await client.stop_search(search_id)
    await client.delete_search(search_id)
    with pytest.raises(QBittorrentUnexpectedResponseError) as caught:
        await client.get_search_results(search_id)
    assert caught.value.status == 404
