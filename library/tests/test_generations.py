"""Each generation's dialect against the emulator of a representative version."""

from __future__ import annotations

import pytest

from qbittorrent_tooling.pytest_plugin import (
    EMULATED_VERSIONS,
    ClientFactory,
    EmulatorStarter,
)
from qbittorrent_webui_client import (
    AddTorrentOptions,
    Generation,
    QBittorrentUnsupportedOperationError,
    QueueMove,
    TorrentStatus,
)

MAGNET_HASH = "0123456789abcdef0123456789abcdef01234567"
MAGNET = f"magnet:?xt=urn:btih:{MAGNET_HASH}&dn=Added%20by%20test"

EXPECTED_GENERATION = {
    "3.1.12": Generation.DIGEST,
    "3.2.0": Generation.LEGACY,
    "3.3.16": Generation.LEGACY,
    "4.0.4": Generation.LEGACY,
}


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_detect_identifies_generation_and_versions(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)

    info = await client.detect()

    assert info.generation is EXPECTED_GENERATION.get(version, Generation.MODERN)
    assert info.app_version == version
    if info.generation is Generation.MODERN:
        assert info.api_version == emulator.profile.webapi_text
    elif info.generation is Generation.LEGACY:
        assert info.api_version == str(emulator.profile.legacy_api)
    else:
        assert info.api_version is None
    assert client.server_info == info


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_sync_reports_added_completed_removed(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version, torrent_count=6)
    client = client_factory(url)

    baseline = await client.sync()
    assert baseline.baseline
    assert (baseline.added, baseline.removed, baseline.completed) == ((), (), ())
    assert set(baseline.data.torrents) == set(emulator.torrents)

    before = set(emulator.torrents)
    emulator.churn(added=2, removed=1, completed=1)
    after = set(emulator.torrents)
    result = await client.sync()

    assert not result.baseline
    assert {t.hash for t in result.added} == after - before
    assert {t.hash for t in result.removed} == before - after
    assert len(result.completed) == 1
    assert result.completed[0].is_complete
    assert set(result.data.torrents) == after
    for torrent_hash, torrent in result.data.torrents.items():
        assert torrent.name == emulator.torrents[torrent_hash]["name"]
        assert torrent.state == emulator.torrents[torrent_hash]["state"]


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_pause_and_resume_all_use_the_versions_names(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)

    await client.pause_all()
    paused = await client.get_torrents()
    assert paused
    assert all(t.status is TorrentStatus.STOPPED for t in paused)

    await client.resume_all()
    resumed = await client.get_torrents()
    assert all(t.status is not TorrentStatus.STOPPED for t in resumed)
    paths = {path for _, path in emulator.requests}
    if version == "3.1.12":
        assert {"/command/pauseall", "/command/resumeall"} <= paths
    elif version < "4.1":
        assert {"/command/pauseAll", "/command/resumeAll"} <= paths
    elif version >= "5":
        assert {"/api/v2/torrents/stop", "/api/v2/torrents/start"} <= paths
    else:
        assert {"/api/v2/torrents/pause", "/api/v2/torrents/resume"} <= paths


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_add_magnet_then_delete(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    await client.sync()

    await client.add_torrent_urls([MAGNET])
    added = await client.sync()
    assert [t.hash for t in added.added] == [MAGNET_HASH]

    await client.delete_torrents([MAGNET_HASH.upper()], delete_files=True)
    removed = await client.sync()
    assert [t.hash for t in removed.removed] == [MAGNET_HASH]
    assert MAGNET_HASH not in emulator.torrents


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_global_limits_round_trip(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)

    await client.set_global_download_limit(200 * 1024)
    await client.set_global_upload_limit(100 * 1024)

    assert await client.get_global_download_limit() == 200 * 1024
    assert await client.get_global_upload_limit() == 100 * 1024
    assert (emulator.download_limit, emulator.upload_limit) == (200 * 1024, 100 * 1024)
    state = await client.get_transfer_info()
    assert state.download_rate_limit == 200 * 1024


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_alternative_speed_limits(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    await client.detect()

    if version == "3.1.12":
        with pytest.raises(QBittorrentUnsupportedOperationError, match=r"3\.2\.0"):
            await client.set_alternative_speed_limits_enabled(True)
        return
    for wanted in (True, True, False):
        await client.set_alternative_speed_limits_enabled(wanted)
        assert await client.get_alternative_speed_limits_enabled() is wanted
        assert emulator.alt_speed_enabled is wanted


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_categories(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()
    first = next(iter(emulator.torrents))

    if not info.capabilities.categories:
        with pytest.raises(QBittorrentUnsupportedOperationError):
            await client.create_category("Linux ISOs")
        return
    await client.create_category("Linux ISOs")
    await client.set_category([first], "Linux ISOs")
    result = await client.sync()
    assert "Linux ISOs" in result.data.categories
    assert result.data.torrents[first].category == "Linux ISOs"

    await client.remove_categories(["Linux ISOs"])
    assert "Linux ISOs" not in (await client.sync()).data.categories


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_per_torrent_operations(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()
    first = next(iter(emulator.torrents))

    await client.pause_torrents([first])
    assert (await client.get_torrents(hashes=[first]))[
        0
    ].status is TorrentStatus.STOPPED
    await client.resume_torrents([first])
    assert (await client.get_torrents(hashes=[first]))[0].status is not (
        TorrentStatus.STOPPED
    )
    await client.set_torrent_download_limit([first], 50 * 1024)
    if info.generation is Generation.MODERN:
        # The emulator lacks torrents/downloadLimit; the real servers are
        # checked in test_contract.py. The torrent list carries the limit.
        torrent = (await client.get_torrents(hashes=[first]))[0]
        assert torrent.download_limit == 50 * 1024
    else:
        assert await client.get_torrent_download_limits([first]) == {first: 50 * 1024}
    await client.recheck_torrents([first])
    await client.move_in_queue([first], QueueMove.TOP)
    if info.capabilities.force_start:
        await client.set_force_start([first], True)
        assert (await client.get_torrents(hashes=[first]))[0].force_start in {
            True,
            None,
        }
    else:
        with pytest.raises(QBittorrentUnsupportedOperationError):
            await client.set_force_start([first], True)
    if info.capabilities.reannounce:
        await client.reannounce_torrents([first])
        assert emulator.reannounced == [first]
        await client.reannounce_all()
        assert sorted(emulator.reannounced[1:]) == sorted(emulator.torrents)
    else:
        with pytest.raises(QBittorrentUnsupportedOperationError, match=r"4\.1\.2"):
            await client.reannounce_torrents([first])
        with pytest.raises(QBittorrentUnsupportedOperationError, match=r"4\.1\.2"):
            await client.reannounce_all()


@pytest.mark.parametrize("version", ["3.3.16", "4.0.4", "4.6.7", "5.3.0"])
async def test_add_with_options(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)

    await client.add_torrent_urls(
        [MAGNET], AddTorrentOptions(save_path="/data/my films", stopped=True)
    )

    fields = emulator.torrents[MAGNET_HASH]
    assert fields["save_path"].rstrip("/") == "/data/my films"
    torrent = (await client.get_torrents(hashes=[MAGNET_HASH]))[0]
    assert torrent.status is TorrentStatus.STOPPED


async def test_add_options_refused_by_3_1(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory("3.1.12")
    client = client_factory(url)

    with pytest.raises(QBittorrentUnsupportedOperationError, match=r"3\.3\.1"):
        await client.add_torrent_urls([MAGNET], AddTorrentOptions(category="x"))
    assert MAGNET_HASH not in emulator.torrents


def close_to(parsed: int | None, actual: int) -> bool:
    """3.1.x prints one decimal of the largest unit: allow that rounding."""
    if parsed is None:
        return False
    unit = 1
    while actual >= unit * 1024 and unit < 1024**4:
        unit *= 1024
    return abs(parsed - actual) <= (0.05 * unit if unit > 1 else 0) + 1


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_digest_translated_strings(
    locale: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory("3.1.12", torrent_count=12, locale=locale)
    client = client_factory(url)

    result = await client.sync()

    for torrent_hash, torrent in result.data.torrents.items():
        fields = emulator.torrents[torrent_hash]
        if fields["has_metadata"]:
            assert close_to(torrent.size, fields["size"])
        else:
            assert torrent.size is None  # "Unknown": never a made-up number
        assert close_to(torrent.download_speed, fields["dlspeed"])
        assert close_to(torrent.upload_speed, fields["upspeed"])
        if fields["ratio"] > 100:
            assert torrent.ratio is None
        else:
            assert torrent.ratio == pytest.approx(fields["ratio"], abs=0.051)
    speed_down, speed_up = emulator.speeds()
    state = result.data.server_state
    assert close_to(state.download_speed, speed_down)
    assert close_to(state.upload_speed, speed_up)
    assert state.alltime_downloaded is None  # 3.1.x does not report it


@pytest.mark.parametrize(
    ("version", "options"),
    [
        ("4.6.7", {"cookie_name": "MY_QBT_SESSION"}),
        # 5.2+ names the cookie after qBittorrent's own port, not the URL's.
        ("5.3.0", {"webui_port": 8080}),
    ],
)
async def test_session_cookie_of_any_name(
    version: str,
    options: dict[str, object],
    emulator_factory: EmulatorStarter,
    client_factory: ClientFactory,
) -> None:
    emulator, url = await emulator_factory(version, **options)
    client = client_factory(url)

    await client.sync()
    emulator.churn(added=1)
    result = await client.sync()

    assert emulator.cookie_name in {"MY_QBT_SESSION", "QBT_SID_8080"}
    assert len(result.added) == 1
    assert sum(1 for _, path in emulator.requests if path == "/api/v2/auth/login") == 1


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_server_preferences_of_every_generation(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    """One request gives the alternative limits (in B/s) and the settings."""
    _emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()
    preferences = await client.get_server_preferences()
    assert preferences.alternative_limits == await client.get_alternative_speed_limits()
    assert preferences.queueing is True
    # The settings were checked on real 4.1+ servers, which the emulator follows;
    # it does not invent them for older ones.
    modern = info.generation is Generation.MODERN
    assert (preferences.dht is not None) is modern
    assert (preferences.max_connections is not None) is modern
