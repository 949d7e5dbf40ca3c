"""The less common operations, on every emulated generation."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from qbittorrent_tooling.emulator import modern
from qbittorrent_tooling.pytest_plugin import (
    EMULATED_VERSIONS,
    ClientFactory,
    EmulatorStarter,
)
from qbittorrent_tooling.torrent_files import torrent_file
from qbittorrent_webui_client import (
    OPERATION_REQUIREMENTS,
    Generation,
    QBittorrentAddTorrentError,
    QBittorrentUnexpectedResponseError,
    QBittorrentUnsupportedOperationError,
    TorrentFilter,
    TorrentSort,
)

if TYPE_CHECKING:
    from collections.abc import Coroutine

    from qbittorrent_tooling.emulator import QBittorrentEmulator


async def assert_refused(
    emulator: QBittorrentEmulator, calls: dict[str, Coroutine[Any, Any, object]]
) -> None:
    """Each call is refused, naming its operation's first version; nothing is sent."""
    sent = len(emulator.requests)
    for operation, call in calls.items():
        first = OPERATION_REQUIREMENTS[operation].minimum_version
        with pytest.raises(
            QBittorrentUnsupportedOperationError, match=re.escape(first)
        ):
            await call
    assert len(emulator.requests) == sent


def version_tuple(operation: str) -> tuple[int, ...]:
    """The first version offering ``operation``, as the emulator's profile holds it."""
    first = OPERATION_REQUIREMENTS[operation].minimum_version
    return tuple(int(part) for part in first.split("."))


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_add_torrent_files(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    await client.sync()
    (first, first_hash), (second, second_hash) = (
        torrent_file("one"),
        torrent_file("two"),
    )

    await client.add_torrent_files([first, second])
    result = await client.sync()

    assert {t.hash for t in result.added} == {first_hash, second_hash}
    assert {first_hash, second_hash} <= set(emulator.torrents)


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_location_and_rename(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()
    first = next(iter(emulator.torrents))

    if not info.capabilities.set_location:
        await assert_refused(
            emulator,
            {
                "set_location": client.set_location([first], "/srv/moved"),
                "rename_torrent": client.rename_torrent(first, "Renamed"),
            },
        )
        return
    await client.set_location([first], "/srv/moved here")
    await client.rename_torrent(first, "Renamed torrent")

    torrent = (await client.sync()).data.torrents[first]
    assert torrent.name == "Renamed torrent"
    assert torrent.save_path is not None
    assert torrent.save_path.rstrip("/") == "/srv/moved here"


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_torrent_toggles(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()
    first = next(iter(emulator.torrents))

    if info.generation is Generation.DIGEST:
        await assert_refused(
            emulator,
            {
                "toggle_sequential_download": client.toggle_sequential_download(
                    [first]
                ),
                "toggle_first_last_piece_priority": (
                    client.toggle_first_last_piece_priority([first])
                ),
                "set_super_seeding": client.set_super_seeding([first], True),
            },
        )
        return
    before = emulator.torrents[first]
    sequential, first_last = before["seq_dl"], before["f_l_piece_prio"]

    await client.toggle_sequential_download([first])
    await client.toggle_first_last_piece_priority([first])
    await client.set_super_seeding([first], True)

    after = (await client.get_torrents(hashes=[first]))[0]
    assert after.sequential_download is (not sequential)
    assert after.first_last_piece_priority is (not first_last)
    assert emulator.torrents[first]["super_seeding"] is True


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_trackers_files_preferences_shutdown(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    first = next(iter(emulator.torrents))

    await client.add_trackers(first, ["http://a.invalid/announce"])
    await client.set_file_priority(first, [0, 1], 0)
    await client.set_preferences({"max_connec": 123})
    preferences = await client.get_preferences()
    assert "save_path" in preferences
    assert preferences["max_connec"] == 123

    await client.shutdown()
    assert emulator.shutdown_requested


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_torrent_list_sort_and_slice(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version, torrent_count=8)
    client = client_factory(url)
    names = sorted(fields["name"] for fields in emulator.torrents.values())

    listed = await client.get_torrents(sort=TorrentSort.NAME, limit=3, offset=1)
    backwards = await client.get_torrents(sort=TorrentSort.NAME, reverse=True)

    assert [t.name for t in listed] == names[1:4]
    assert [t.name for t in backwards] == names[::-1]


async def test_3_1_preferences_set_limits_in_kib(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    _emulator, url = await emulator_factory("3.1.12")
    client = client_factory(url)

    await client.set_preferences(
        {"dl_limit": 300, "queueing_enabled": False, "save_path": "/srv/new"}
    )

    assert await client.get_global_download_limit() == 300 * 1024
    preferences = await client.get_preferences()
    assert preferences["dl_limit"] == 300
    assert preferences["queueing_enabled"] is False
    assert preferences["save_path"] == "/srv/new"


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_refused_add_has_its_own_error(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()
    existing = next(iter(emulator.torrents))
    passkey = "&tr=http://t.invalid/SECRETPASSKEY"
    duplicate = f"magnet:?xt=urn:btih:{existing}{passkey}"
    unreadable = f"magnet:?xt=urn:btih:not-a-hash{passkey}"
    content, file_hash = torrent_file("twice")
    await client.add_torrent_files([content])
    count = len(emulator.torrents)
    # 4.0.x is the first to answer "Fails." to a link; 3.x answers the same
    # whatever happened. Files are reported from 4.1 on. Before 4.5 adding a
    # torrent that is already there merges its trackers and succeeds.
    reports_links = info.generation is Generation.MODERN or version == "4.0.4"
    reports_files = info.generation is Generation.MODERN
    refuses_duplicates = emulator.profile.version >= (4, 5, 0)

    if reports_links:
        with pytest.raises(QBittorrentAddTorrentError) as refused:
            await client.add_torrent_urls([unreadable])
        assert "SECRETPASSKEY" not in str(refused.value)
    if refuses_duplicates:
        with pytest.raises(QBittorrentAddTorrentError) as refused:
            await client.add_torrent_urls([duplicate])
        assert "already added" in str(refused.value)
        assert "SECRETPASSKEY" not in str(refused.value)
        with pytest.raises(QBittorrentAddTorrentError):
            await client.add_torrent_files([content])
    else:
        await client.add_torrent_urls([duplicate])
        await client.add_torrent_files([content])
    if reports_files:
        with pytest.raises(QBittorrentAddTorrentError):
            await client.add_torrent_files([b"not a torrent"])

    assert len(emulator.torrents) == count
    assert file_hash in emulator.torrents


@pytest.mark.parametrize("version", ["4.1.9", "4.6.7", "5.3.0"])
async def test_filter_unknown_to_the_server_is_applied_by_the_client(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    # 4.1.9 (API 2.2.1) takes "stalled" for "all"; 4.6.7 and 5.3.0 know it.
    emulator, url = await emulator_factory(version, torrent_count=40, seed=5)
    client = client_factory(url)
    stalled = {
        torrent_hash
        for torrent_hash, fields in emulator.torrents.items()
        if fields["state"] in {"stalledUP", "stalledDL"}
    }
    assert 0 < len(stalled) < len(emulator.torrents)

    listed = await client.get_torrents(status_filter=TorrentFilter.STALLED)
    first_two = await client.get_torrents(
        status_filter=TorrentFilter.STALLED, sort=TorrentSort.NAME, limit=2
    )

    assert {t.hash for t in listed} == stalled
    names = sorted(emulator.torrents[h]["name"] for h in stalled)
    assert [t.name for t in first_two] == names[:2]


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_tags(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()
    first = next(iter(emulator.torrents))

    if not info.capabilities.tags:
        await assert_refused(
            emulator,
            {
                "add_tags": client.add_tags([first], ["new"]),
                "remove_tags": client.remove_tags([first], ["new"]),
                "create_tags": client.create_tags(["new"]),
                "delete_tags": client.delete_tags(["new"]),
            },
        )
        return
    await client.remove_tags([first])
    await client.create_tags(["spare"])
    await client.add_tags([first], ["one", "two"])
    await client.remove_tags([first], ["two"])
    await client.delete_tags(["spare"])

    result = await client.sync()
    assert result.data.torrents[first].tags == {"one"}
    assert "spare" not in result.data.tags
    assert {"one", "two"} <= result.data.tags


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_edit_category(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()

    if not info.capabilities.edit_category:
        await assert_refused(
            emulator, {"edit_category": client.edit_category("movies", "/srv/movies")}
        )
        return
    await client.create_category("documentaries", "/srv/films")
    await client.edit_category("documentaries", "/srv/docs")
    categories = (await client.sync()).data.categories
    assert categories["documentaries"].save_path == "/srv/docs"


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_share_limits(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()
    first = next(iter(emulator.torrents))

    if not info.capabilities.share_limits:
        await assert_refused(
            emulator,
            {
                "set_share_limits": client.set_share_limits(
                    [first], ratio_limit=2, seeding_time_limit=5
                )
            },
        )
        return
    inactive_limit = "set_share_limits(inactive_seeding_time_limit=...)"
    if emulator.profile.version < version_tuple(inactive_limit):
        await assert_refused(
            emulator,
            {
                inactive_limit: client.set_share_limits(
                    [first],
                    ratio_limit=2,
                    seeding_time_limit=5,
                    inactive_seeding_time_limit=1,
                )
            },
        )
    else:
        await client.set_share_limits(
            [first], ratio_limit=2, seeding_time_limit=5, inactive_seeding_time_limit=1
        )
        assert emulator.torrents[first]["inactive_seeding_time_limit"] == 1
    await client.set_share_limits([first], ratio_limit=0.25, seeding_time_limit=-1)
    fields = emulator.torrents[first]
    assert (fields["ratio_limit"], fields["seeding_time_limit"]) == (0.25, -1)


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_torrent_settings(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()
    first = next(iter(emulator.torrents))

    if info.capabilities.auto_management:
        await client.set_auto_management([first], True)
        assert emulator.torrents[first]["auto_tmm"] is True
    else:
        await assert_refused(
            emulator,
            {"set_auto_management": client.set_auto_management([first], True)},
        )
    if info.capabilities.download_path:
        await client.set_download_path([first], "/srv/incomplete")
        assert emulator.torrents[first]["download_path"] == "/srv/incomplete"
    else:
        await assert_refused(
            emulator,
            {"set_download_path": client.set_download_path([first], "/srv/incomplete")},
        )
    if not info.capabilities.sequential_download:
        # Setting (not toggling) is built on the toggles the table names.
        await assert_refused(
            emulator,
            {
                "toggle_sequential_download": client.set_sequential_download(
                    [first], True
                ),
                "toggle_first_last_piece_priority": (
                    client.set_first_last_piece_priority([first], True)
                ),
            },
        )
        return
    for enabled in (True, True, False, False, True):
        await client.set_sequential_download([first], enabled)
        await client.set_first_last_piece_priority([first], enabled)
        assert emulator.torrents[first]["seq_dl"] is enabled
        assert emulator.torrents[first]["f_l_piece_prio"] is enabled


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_torrent_details(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()
    first = next(iter(emulator.torrents))

    if not info.capabilities.torrent_details:
        await assert_refused(
            emulator, {"get_torrent_details": client.get_torrent_details(first)}
        )
        return
    details = await client.get_torrent_details(first)
    assert details.properties["name"] == emulator.torrents[first]["name"]
    assert [file["index"] for file in details.files] == [0, 1]
    assert details.trackers[0]["url"] == "** [DHT] **"
    assert details.peers == {}


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_export_torrent(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()

    if not info.capabilities.export:
        first = next(iter(emulator.torrents))
        await assert_refused(emulator, {"export_torrent": client.export_torrent(first)})
        return
    content, info_hash = torrent_file("exported")
    await client.add_torrent_files([content])
    assert await client.export_torrent(info_hash) == content


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_rss(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()

    if not info.capabilities.rss:
        await assert_refused(
            emulator,
            {
                "add_rss_feed": client.add_rss_feed("http://example.org/feed"),
                "get_rss_items": client.get_rss_items(),
                "set_rss_rule": client.set_rss_rule("rule", {}),
            },
        )
        return
    await client.add_rss_feed("http://example.org/feed")
    assert await client.get_rss_items() == {
        "http://example.org/feed": {
            "uid": "{00000000}",
            "url": "http://example.org/feed",
        }
    }
    await client.set_rss_rule("rule", {"mustContain": "x"})
    assert (await client.get_rss_rules())["rule"]["mustContain"] == "x"


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_search(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    info = await client.detect()

    if not info.capabilities.search:
        await assert_refused(emulator, {"start_search": client.start_search("debian")})
        return
    search_id = await client.start_search("debian", plugins=["one", "two"])
    assert (await client.get_search_results(search_id))["status"] == "Running"
    await client.stop_search(search_id)
    await client.delete_search(search_id)
    assert emulator.searches == {}


async def test_search_start_naming_no_job_is_refused(
    emulator_factory: EmulatorStarter,
    client_factory: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(
        modern.ENDPOINTS,
        ("search", "start"),
        modern.Endpoint(lambda *_: modern.json_reply({"id": "not a number"})),
    )
    _emulator, url = await emulator_factory("5.3.0")
    client = client_factory(url)
    with pytest.raises(QBittorrentUnexpectedResponseError, match="named no job"):
        await client.start_search("debian")
