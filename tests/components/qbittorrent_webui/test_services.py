"""Tests of the actions, with a mocked client."""

import asyncio
import tracemalloc
from typing import TYPE_CHECKING, Any

from homeassistant.components.switch import DOMAIN as SWITCH_DOMAIN
from homeassistant.config_entries import SOURCE_REAUTH
from homeassistant.const import ATTR_ENTITY_ID, SERVICE_TURN_OFF, SERVICE_TURN_ON
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.service import async_get_all_descriptions
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    async_capture_events,
    async_fire_time_changed,
)
import voluptuous as vol

from custom_components.qbittorrent_webui import validation
from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.coordinator import FOLLOW_UP_DELAY
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    AddTorrentOptions,
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentConnectionError,
    QBittorrentUnexpectedResponseError,
    QBittorrentUnsupportedOperationError,
    QueueMove,
    SyncResult,
    TorrentDetails,
)

from .conftest import (
    MAIN_DATA,
    MAINDATA_ANSWER,
    TORRENTS,
    make_main_data,
    make_torrent,
    stopped_answer,
    torrent_answer,
)

if TYPE_CHECKING:
    from pathlib import Path
    from unittest.mock import MagicMock

    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry

pytestmark = pytest.mark.usefixtures("init_integration")

HASH_1 = TORRENTS[0].hash
HASH_3 = TORRENTS[2].hash
ALL_STOPPED = make_main_data(*(stopped_answer(number) for number in range(1, 4)))
NEW_TORRENT_ANSWER = torrent_answer(11, name="added-since")
NEW_TORRENT = make_torrent(11, name="added-since")


async def _call(
    hass: HomeAssistant, entry: MockConfigEntry, action: str, **data: Any
) -> Any:
    return await hass.services.async_call(
        DOMAIN,
        action,
        {"config_entry_id": entry.entry_id, **data},
        blocking=True,
        return_response=action
        in {"get_torrents", "get_torrent", "get_rss", "get_search_results"},
    )


@pytest.mark.parametrize(
    ("action", "data", "method", "expected"),
    [
        (
            "pause_torrents",
            {"torrent_hashes": [HASH_1.upper()]},
            "pause_torrents",
            (([HASH_1],), {}),
        ),
        ("pause_torrents", {"all_torrents": True}, "pause_all", ((), {})),
        (
            "resume_torrents",
            {"torrent_names": ["torrent-3"]},
            "resume_torrents",
            (([HASH_3],), {}),
        ),
        ("resume_torrents", {"all_torrents": True}, "resume_all", ((), {})),
        (
            "remove_torrents",
            {"torrent_hashes": [HASH_1], "delete_files": True},
            "delete_torrents",
            (([HASH_1],), {"delete_files": True}),
        ),
        (
            "remove_torrents",
            {"torrent_names": ["torrent-1"]},
            "delete_torrents",
            (([HASH_1],), {"delete_files": False}),
        ),
        (
            "recheck_torrents",
            {"torrent_hashes": [HASH_1, HASH_3]},
            "recheck_torrents",
            (([HASH_1, HASH_3],), {}),
        ),
        (
            "reannounce_torrents",
            {"all_torrents": True},
            "reannounce_torrents",
            (([torrent.hash for torrent in TORRENTS],), {}),
        ),
        (
            "set_category",
            {"torrent_hashes": [HASH_1], "category": "iso"},
            "set_category",
            (([HASH_1], "iso"), {}),
        ),
        (
            "set_location",
            {"torrent_names": ["torrent-1"], "location": "/done"},
            "set_location",
            (([HASH_1], "/done"), {}),
        ),
        (
            "set_priority",
            {"torrent_hashes": [HASH_1], "priority": "top"},
            "move_in_queue",
            (([HASH_1], QueueMove.TOP), {}),
        ),
        (
            "set_force_start",
            {"torrent_hashes": [HASH_1], "force_start": False},
            "set_force_start",
            (([HASH_1], False), {}),
        ),
        (
            "set_speed_limits",
            {"download_limit": 100, "upload_limit": 0},
            "set_global_download_limit",
            ((102_400,), {}),
        ),
        (
            "set_speed_limits",
            {"upload_limit": 10},
            "set_global_upload_limit",
            ((10_240,), {}),
        ),
        (
            "set_speed_limits",
            {"download_limit": 7},
            "set_global_download_limit",
            ((7168,), {}),
        ),
        (
            "set_speed_limits",
            {"torrent_hashes": [HASH_1], "download_limit": 1},
            "set_torrent_download_limit",
            (([HASH_1], 1024), {}),
        ),
        (
            "set_speed_limits",
            {"torrent_names": ["torrent-1"], "upload_limit": 2},
            "set_torrent_upload_limit",
            (([HASH_1], 2048), {}),
        ),
    ],
)
async def test_torrent_actions(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    *,
    action: str,
    data: dict[str, Any],
    method: str,
    expected: tuple[tuple[Any, ...], dict[str, Any]],
) -> None:
    await _call(hass, mock_config_entry, action, **data)
    getattr(mock_client, method).assert_awaited_once_with(*expected[0], **expected[1])


async def test_add_trackers_to_each_torrent(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    trackers = ["udp://tracker.example.org:1337/announce"]
    await _call(
        hass,
        mock_config_entry,
        "add_trackers",
        torrent_hashes=[HASH_1, HASH_3],
        trackers=trackers,
    )
    assert [call.args for call in mock_client.add_trackers.await_args_list] == [
        (HASH_1, trackers),
        (HASH_3, trackers),
    ]


async def test_add_torrent_urls_with_options(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    magnet = "magnet:?xt=urn:btih:" + "a" * 40
    await _call(
        hass,
        mock_config_entry,
        "add_torrent",
        urls=[magnet, "https://example.org/a.torrent"],
        save_path="/downloads/linux",
        category="linux",
        tags=["iso", "debian"],
        start_stopped=True,
        skip_checking=False,
        download_limit=100,
        upload_limit=50,
    )
    mock_client.add_torrent_urls.assert_awaited_once_with(
        [magnet, "https://example.org/a.torrent"],
        AddTorrentOptions(
            save_path="/downloads/linux",
            category="linux",
            tags=("iso", "debian"),
            stopped=True,
            skip_checking=False,
            download_limit=102_400,
            upload_limit=51_200,
        ),
    )
    mock_client.add_torrent_files.assert_not_awaited()


async def test_add_torrent_file_from_allowed_path(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    tmp_path: Path,
) -> None:
    torrent_file = tmp_path / "debian.torrent"
    torrent_file.write_bytes(b"d4:infod4:name6:debianee")
    hass.config.allowlist_external_dirs = {str(tmp_path)}

    await _call(hass, mock_config_entry, "add_torrent", torrent_file=str(torrent_file))

    mock_client.add_torrent_files.assert_awaited_once_with(
        [b"d4:infod4:name6:debianee"], AddTorrentOptions()
    )


async def _validation_error(
    hass: HomeAssistant, entry: MockConfigEntry, action: str, **data: Any
) -> ServiceValidationError:
    with pytest.raises(ServiceValidationError) as caught:
        await _call(hass, entry, action, **data)
    return caught.value


@pytest.mark.parametrize(
    ("action", "data", "key"),
    [
        ("add_torrent", {}, "no_torrent_source"),
        ("add_torrent", {"urls": ["file:///etc/passwd"]}, "invalid_torrent_url"),
        ("add_torrent", {"torrent_file": "/etc/passwd"}, "torrent_file_not_allowed"),
        ("pause_torrents", {}, "no_torrents_selected"),
        ("pause_torrents", {"torrent_hashes": ["f" * 40]}, "torrent_not_found"),
        (
            "remove_torrents",
            {"torrent_names": ["no such torrent"]},
            "torrent_not_found",
        ),
        ("set_speed_limits", {}, "no_limit_given"),
        (
            "set_speed_limits",
            {"torrent_hashes": [], "download_limit": 5},
            "no_torrents_selected",
        ),
        # Above 2,097,151 KiB/s qBittorrent's 32-bit B/s would wrap around.
        (
            "set_speed_limits",
            {"all_torrents": True, "upload_limit": 2_097_152},
            "limit_too_high",
        ),
        (
            "add_torrent",
            {"urls": ["magnet:?xt=urn:btih:" + "a" * 40], "upload_limit": 2_097_152},
            "limit_too_high",
        ),
        (
            "add_torrent",
            {"urls": ["ftp://example.org/a.torrent"]},
            "invalid_torrent_url",
        ),
        (
            "add_torrent",
            {"urls": ["magnet:?xt=urn:btih:" + "a" * 40 + "\nhttp://example.org/b"]},
            "invalid_torrent_url",
        ),
        (
            "set_location",
            {"torrent_hashes": [HASH_1], "location": ""},
            "location_required",
        ),
    ],
)
async def test_bad_input_is_refused(
    hass: HomeAssistant,
    *,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    action: str,
    data: dict[str, Any],
    key: str,
) -> None:
    error = await _validation_error(hass, mock_config_entry, action, **data)
    assert error.translation_key == key
    # Only the reads of setup (the preferences for their switches and numbers).
    assert not [
        call
        for call in mock_client.mock_calls
        if call[0] not in {"detect", "sync", "get_server_preferences"}
    ]


MAGNET = "magnet:?xt=urn:btih:" + "a" * 40


@pytest.mark.parametrize(
    ("action", "data", "key", "field", "shown"),
    [
        (
            "add_torrent",
            {"urls": [MAGNET], "save_path": "/downloads/../../etc"},
            "invalid_path",
            "save_path",
            "/downloads/../../etc",
        ),
        (
            "add_torrent",
            {"urls": [MAGNET], "save_path": "..\\outside"},
            "invalid_path",
            "save_path",
            "..\\outside",
        ),
        (
            "add_torrent",
            {"urls": [MAGNET], "save_path": "/downloads/a\nb"},
            "invalid_path",
            "save_path",
            "/downloads/a\\nb",
        ),
        (
            "set_location",
            {"torrent_hashes": [HASH_1], "location": "/downloads/../.."},
            "invalid_path",
            "location",
            "/downloads/../..",
        ),
        (
            "set_location",
            {"torrent_hashes": [HASH_1], "location": "/done\r\nx"},
            "invalid_path",
            "location",
            "/done\\r\\nx",
        ),
        (
            "add_torrent",
            {"urls": [MAGNET], "category": "linux\nevil"},
            "invalid_category",
            "category",
            "linux\\nevil",
        ),
        (
            "set_category",
            {"torrent_hashes": [HASH_1], "category": "a\nb"},
            "invalid_category",
            "category",
            "a\\nb",
        ),
        (
            "set_category",
            {"torrent_hashes": [HASH_1], "category": "linux//iso"},
            "invalid_category",
            "category",
            "linux//iso",
        ),
        (
            "set_category",
            {"torrent_hashes": [HASH_1], "category": "/linux"},
            "invalid_category",
            "category",
            "/linux",
        ),
        (
            "add_torrent",
            {"urls": [MAGNET], "tags": ["iso", "a,b"]},
            "invalid_tag",
            "tags",
            "a,b",
        ),
        (
            "add_torrent",
            {"urls": [MAGNET], "tags": ["a\tb"]},
            "invalid_tag",
            "tags",
            "a\\tb",
        ),
        ("add_torrent", {"urls": [MAGNET], "tags": [" "]}, "invalid_tag", "tags", " "),
        (
            "add_trackers",
            {"torrent_hashes": [HASH_1], "trackers": ["ftp://tracker.example.org/a"]},
            "invalid_tracker",
            "trackers",
            "ftp://tracker.example.org/a",
        ),
        (
            "add_trackers",
            {"torrent_hashes": [HASH_1], "trackers": ["not a tracker"]},
            "invalid_tracker",
            "trackers",
            "not a tracker",
        ),
        (
            "add_trackers",
            {
                "torrent_hashes": [HASH_1],
                "trackers": ["udp://a.example.org:1337\nhttp://b.example.org/announce"],
            },
            "invalid_tracker",
            "trackers",
            "udp://a.example.org:1337\\nhttp://b.example.org/announce",
        ),
        (
            "add_trackers",
            {"torrent_hashes": [HASH_1], "trackers": ["http:///announce"]},
            "invalid_tracker",
            "trackers",
            "http:///announce",
        ),
    ],
)
async def test_input_the_server_would_misread_is_refused(
    hass: HomeAssistant,
    *,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    action: str,
    data: dict[str, Any],
    key: str,
    field: str,
    shown: str,
) -> None:
    """Paths that climb out, line breaks, commas in a tag, trackers that are no URL.

    The error names the field and shows the value with its control characters
    escaped; nothing reaches the server.
    """
    mock_client.reset_mock()
    error = await _validation_error(hass, mock_config_entry, action, **data)
    assert error.translation_key == key
    assert error.translation_placeholders == {"field": field, "value": shown}
    assert field in str(error)
    assert not mock_client.mock_calls


async def test_ftp_is_not_claimed(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    error = await _validation_error(
        hass, mock_config_entry, "add_torrent", urls=["ftp://example.org/a.torrent"]
    )
    assert str(error).startswith(
        "ftp://example.org/a.torrent is not an http(s) URL or a magnet link;"
    )


async def test_valid_inputs_pass(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    """Subcategories, relative paths, names with dots and every tracker scheme."""
    await _call(
        hass,
        mock_config_entry,
        "add_torrent",
        urls=[MAGNET],
        save_path="/downloads/linux..iso/v1.2",
        category="linux/debian",
        tags=["iso 13", "é"],
    )
    mock_client.add_torrent_urls.assert_awaited_once()
    trackers = [
        "udp://tracker.example.org:1337/announce",
        "http://tracker.example.org/announce?passkey=x",
        "https://tracker.example.org/announce",
    ]
    await _call(
        hass,
        mock_config_entry,
        "add_trackers",
        torrent_hashes=[HASH_1],
        trackers=trackers,
    )
    mock_client.add_trackers.assert_awaited_once_with(HASH_1, trackers)


async def test_torrent_file_above_the_upload_cap_is_not_read(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    tmp_path: Path,
) -> None:
    """A 1 GiB file is refused from its size: memory does not grow by it."""
    huge = tmp_path / "huge.torrent"
    with huge.open("wb") as file:
        file.truncate(1024**3)  # sparse: takes no disk space
    hass.config.allowlist_external_dirs = {str(tmp_path)}

    tracemalloc.start()
    try:
        error = await _validation_error(
            hass, mock_config_entry, "add_torrent", torrent_file=str(huge)
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert error.translation_key == "torrent_file_too_large"
    assert error.translation_placeholders == {"path": str(huge), "limit": "63"}
    assert "63 MiB" in str(error)
    assert peak < 16 * 1024**2
    mock_client.add_torrent_files.assert_not_awaited()


async def test_special_file_is_read_only_up_to_the_cap(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """/dev/zero has no size to check: the read stops just past the cap."""
    monkeypatch.setattr(validation, "MAX_TORRENT_FILE_BYTES", 1024)
    hass.config.allowlist_external_dirs = {"/dev"}
    error = await _validation_error(
        hass, mock_config_entry, "add_torrent", torrent_file="/dev/zero"
    )
    assert error.translation_key == "torrent_file_too_large"
    mock_client.add_torrent_files.assert_not_awaited()


@pytest.mark.parametrize("created_since", [False, True])
async def test_set_category_creates_a_missing_one(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    *,
    created_since: bool,
) -> None:
    """Created unless the last poll knows it; one created since is used as is."""
    if created_since:
        mock_client.create_category.side_effect = QBittorrentUnexpectedResponseError(
            "refused", status=409, body_excerpt="Unable to create category"
        )
    await _call(
        hass, mock_config_entry, "set_category", torrent_hashes=[HASH_1], category="iso"
    )
    mock_client.create_category.assert_awaited_once_with("iso")
    mock_client.set_category.assert_awaited_once_with([HASH_1], "iso")


async def test_set_category_known_or_empty_is_not_created(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    for category in ("linux", ""):
        await _call(
            hass,
            mock_config_entry,
            "set_category",
            torrent_hashes=[HASH_1],
            category=category,
        )
    mock_client.create_category.assert_not_awaited()
    assert mock_client.set_category.await_count == 2


async def test_set_category_creation_failure_is_reported(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    mock_client.create_category.side_effect = QBittorrentUnexpectedResponseError(
        "refused", status=400, body_excerpt="Bad Request"
    )
    with pytest.raises(HomeAssistantError) as caught:
        await _call(
            hass,
            mock_config_entry,
            "set_category",
            torrent_hashes=[HASH_1],
            category="new",
        )
    assert caught.value.translation_key == "unexpected_error"
    mock_client.set_category.assert_not_awaited()


async def test_unreadable_torrent_file(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, tmp_path: Path
) -> None:
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    error = await _validation_error(
        hass, mock_config_entry, "add_torrent", torrent_file=str(tmp_path / "gone")
    )
    assert error.translation_key == "torrent_file_unreadable"


async def test_not_found_names_every_missing_torrent(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    error = await _validation_error(
        hass,
        mock_config_entry,
        "recheck_torrents",
        torrent_hashes=[HASH_1, "b" * 40],
        torrent_names=["torrent-1", "nope"],
    )
    assert error.translation_placeholders == {
        "server": "127.0.0.1:8080",
        "missing": f"{'b' * 40}, nope",
    }


async def test_many_unknown_torrents_are_counted_not_listed(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    unknown = [f"{number:040x}" for number in range(100, 10_100)]
    error = await _validation_error(
        hass, mock_config_entry, "pause_torrents", torrent_hashes=unknown
    )
    assert error.translation_key == "torrent_not_found_more"
    assert error.translation_placeholders == {
        "server": "127.0.0.1:8080",
        "missing": ", ".join(unknown[:5]),
        "more": "9995",
    }
    assert str(error).endswith(" and 9995 more")
    assert len(str(error)) < 500


async def test_schema_refuses_unknown_priority(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    with pytest.raises(Exception, match="priority"):
        await _call(
            hass,
            mock_config_entry,
            "set_priority",
            torrent_hashes=[HASH_1],
            priority="sideways",
        )


async def test_action_the_version_lacks(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    mock_client.reannounce_torrents.side_effect = QBittorrentUnsupportedOperationError(
        "reannounce_torrents", server_version="5.3.0", minimum_version="4.1.2"
    )
    error = await _validation_error(
        hass, mock_config_entry, "reannounce_torrents", torrent_hashes=[HASH_1]
    )
    assert error.translation_key == "action_unsupported"
    assert error.translation_placeholders == {
        "action": "reannounce_torrents",
        "version": "5.3.0",
        "minimum": "4.1.2",
    }


@pytest.mark.parametrize(
    ("error", "key"),
    [
        (QBittorrentConnectionError("refused"), "cannot_connect"),
        (QBittorrentBannedError("banned", ban_duration=60), "ip_banned"),
        (QBittorrentBannedError("banned"), "ip_banned_unknown_duration"),
        (
            QBittorrentUnexpectedResponseError("odd", status=409, body_excerpt="no"),
            "unexpected_error",
        ),
    ],
)
async def test_server_failure_is_reported(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    error: Exception,
    key: str,
) -> None:
    mock_client.recheck_torrents.side_effect = error
    with pytest.raises(HomeAssistantError) as caught:
        await _call(
            hass, mock_config_entry, "recheck_torrents", torrent_hashes=[HASH_1]
        )
    assert caught.value.translation_key == key
    assert not isinstance(caught.value, ServiceValidationError)


async def test_rejected_credentials_start_reauth(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    mock_client.pause_all.side_effect = QBittorrentAuthenticationError("wrong")
    with pytest.raises(HomeAssistantError) as caught:
        await _call(hass, mock_config_entry, "pause_torrents", all_torrents=True)
    assert caught.value.translation_key == "authentication_failed"
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == [SOURCE_REAUTH]


async def test_get_torrents_filters_sorts_and_limits(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    response = await _call(
        hass,
        mock_config_entry,
        "get_torrents",
        state="errored",
        sort="size",
        reverse=True,
    )
    assert [torrent["name"] for torrent in response["torrents"]] == [
        "torrent-9",
        "torrent-8",
    ]
    assert response["count"] == 2
    first = response["torrents"][0]
    assert first["size"] == 9000
    assert first["progress"] == 0.5
    assert first["tags"] == ["iso"]
    assert first["added_on"] == "2026-01-09T00:00:00+00:00"


@pytest.mark.parametrize(
    ("data", "names"),
    [
        ({"state": "seeding"}, ["torrent-3", "torrent-4"]),
        ({"state": "completed"}, ["torrent-3", "torrent-4"]),
        ({"state": "active"}, ["torrent-1", "torrent-3"]),
        ({"state": "inactive", "limit": 2}, ["torrent-10", "torrent-2"]),
        ({"category": "linux", "tag": "iso"}, ["torrent-3", "torrent-9"]),
        ({"category": "", "state": "stopped"}, []),
        ({"category": "", "state": "downloading"}, ["torrent-2"]),
        ({"sort": "category", "limit": 3}, ["torrent-1", "torrent-3", "torrent-5"]),
    ],
)
async def test_get_torrents_filters(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    data: dict[str, Any],
    names: list[str],
) -> None:
    response = await _call(hass, mock_config_entry, "get_torrents", **data)
    assert [torrent["name"] for torrent in response["torrents"]] == names


async def test_action_for_unloaded_entry(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
    with pytest.raises(ServiceValidationError):
        await _call(hass, mock_config_entry, "pause_torrents", all_torrents=True)


async def test_every_action_is_described(hass: HomeAssistant) -> None:
    """services.yaml and the translations cover every registered action."""
    descriptions = (await async_get_all_descriptions(hass))[DOMAIN]
    assert set(descriptions) == set(hass.services.async_services_for_domain(DOMAIN))
    for action, description in descriptions.items():
        assert "config_entry_id" in description["fields"], action
        assert description["fields"]["config_entry_id"]["required"] is True


@pytest.mark.parametrize("main_data", [make_main_data()])
async def test_all_torrents_of_an_empty_server(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    """Nothing to act on is not an error, and sends nothing."""
    await _call(hass, mock_config_entry, "recheck_torrents", all_torrents=True)
    mock_client.recheck_torrents.assert_not_awaited()


async def test_per_torrent_download_limit_only(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    await _call(
        hass,
        mock_config_entry,
        "set_speed_limits",
        all_torrents=True,
        download_limit=3,
    )
    mock_client.set_torrent_download_limit.assert_awaited_once()
    mock_client.set_torrent_upload_limit.assert_not_awaited()
    mock_client.set_global_download_limit.assert_not_awaited()


# --- What an action shows: current data, at once -----------------------------
#
# qBittorrent answers a command before it has applied it (a pause shows up to
# 1.5 s later on 4.5.2-5.3.0), so an action reads the server at once and once
# more after a short delay, without waiting for the debouncer's cooldown; and
# an action that reads torrents never answers from an older poll.


def _torrents_switch(hass: HomeAssistant, entry: MockConfigEntry) -> str:
    entity_id = er.async_get(hass).async_get_entity_id(
        SWITCH_DOMAIN, DOMAIN, f"{entry.unique_id}_torrents"
    )
    assert entity_id is not None
    return entity_id


async def _switch(hass: HomeAssistant, service: str, entity_id: str) -> None:
    await hass.services.async_call(
        SWITCH_DOMAIN, service, {ATTR_ENTITY_ID: entity_id}, blocking=True
    )


async def _follow_up(hass: HomeAssistant) -> None:
    async_fire_time_changed(hass, dt_util.utcnow() + FOLLOW_UP_DELAY)
    await hass.async_block_till_done()


async def test_a_change_qbittorrent_applies_late_shows_after_the_follow_up(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    """The read right after still sees the old state; the follow-up the new."""
    torrents = _torrents_switch(hass, mock_config_entry)
    before = mock_client.sync.await_count
    mock_client.sync.side_effect = [
        SyncResult(data=MAIN_DATA),
        SyncResult(data=ALL_STOPPED),
    ]

    await _switch(hass, SERVICE_TURN_OFF, torrents)
    assert mock_client.sync.await_count == before + 1
    assert hass.states.get(torrents).state == "on"

    await _follow_up(hass)
    assert mock_client.sync.await_count == before + 2
    assert hass.states.get(torrents).state == "off"

    # Nothing more until the regular poll.
    await _follow_up(hass)
    assert mock_client.sync.await_count == before + 2


async def test_a_second_action_shows_at_once_too(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    """No cooldown: the debouncer would hold this refresh for ten seconds."""
    torrents = _torrents_switch(hass, mock_config_entry)
    mock_client.sync.return_value = SyncResult(data=ALL_STOPPED)
    await _switch(hass, SERVICE_TURN_OFF, torrents)
    assert hass.states.get(torrents).state == "off"

    mock_client.sync.return_value = SyncResult(data=MAIN_DATA)
    await _switch(hass, SERVICE_TURN_ON, torrents)
    assert hass.states.get(torrents).state == "on"


async def test_concurrent_actions_share_their_reads(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    gate = asyncio.Event()

    async def slow_sync() -> SyncResult:
        await gate.wait()
        return SyncResult(data=ALL_STOPPED)

    mock_client.sync.side_effect = slow_sync
    before = mock_client.sync.await_count
    calls = [
        hass.async_create_task(
            _call(
                hass, mock_config_entry, "pause_torrents", torrent_hashes=[torrent.hash]
            )
        )
        for torrent in TORRENTS
    ]
    # Let every call reach the server and the first read wait for its answer.
    for _ in range(20):
        await asyncio.sleep(0)
    gate.set()
    await asyncio.gather(*calls)
    await _follow_up(hass)

    assert mock_client.pause_torrents.await_count == len(TORRENTS)
    # At most one read running and one queued behind it, then one follow-up.
    assert mock_client.sync.await_count - before <= 3
    assert hass.states.get(_torrents_switch(hass, mock_config_entry)).state == "off"


async def test_torrent_added_since_the_last_poll_is_found_and_announced(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    """A name the last poll did not know is looked up on the server first.

    The lookup goes through the coordinator, so its torrent_added still fires.
    """
    added = async_capture_events(hass, f"{DOMAIN}_torrent_added")
    newer = make_main_data(MAINDATA_ANSWER["torrents"], NEW_TORRENT_ANSWER)
    mock_client.sync.side_effect = [
        SyncResult(data=newer, added=(NEW_TORRENT,)),
        SyncResult(data=newer),
    ]

    await _call(
        hass, mock_config_entry, "pause_torrents", torrent_names=["added-since"]
    )

    mock_client.pause_torrents.assert_awaited_once_with([NEW_TORRENT.hash])
    assert [event.data["name"] for event in added] == ["added-since"]


async def test_get_torrents_reads_qbittorrent_now(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    mock_client.sync.return_value = SyncResult(
        data=make_main_data(MAINDATA_ANSWER["torrents"], NEW_TORRENT_ANSWER),
        added=(NEW_TORRENT,),
    )

    response = await _call(hass, mock_config_entry, "get_torrents", state="all")

    assert response["count"] == len(TORRENTS) + 1
    assert "added-since" in [torrent["name"] for torrent in response["torrents"]]


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("get_torrents", {}),
        ("pause_torrents", {"torrent_names": ["added-since"]}),
        ("recheck_torrents", {"all_torrents": True}),
    ],
)
async def test_no_answer_from_old_data_while_qbittorrent_is_down(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    action: str,
    data: dict[str, Any],
) -> None:
    """The last poll's torrents are not presented as current: the call fails."""
    mock_client.sync.side_effect = QBittorrentConnectionError("connection refused")

    with pytest.raises(HomeAssistantError) as caught:
        await _call(hass, mock_config_entry, action, **data)

    assert not isinstance(caught.value, ServiceValidationError)
    assert caught.value.translation_key == "cannot_connect"
    assert "connection refused" in str(caught.value)
    mock_client.pause_torrents.assert_not_awaited()
    mock_client.recheck_torrents.assert_not_awaited()


async def test_an_unexpected_read_failure_is_reported(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    mock_client.sync.side_effect = RuntimeError("boom")

    with pytest.raises(HomeAssistantError) as caught:
        await _call(hass, mock_config_entry, "get_torrents")

    assert caught.value.translation_key == "unexpected_error"
    assert caught.value.translation_placeholders["error"] == "boom"


async def test_unloading_cancels_the_follow_up(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    await _switch(hass, SERVICE_TURN_OFF, _torrents_switch(hass, mock_config_entry))
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
    reads = mock_client.sync.await_count

    await _follow_up(hass)

    assert mock_client.sync.await_count == reads


@pytest.mark.parametrize(
    ("action", "data", "method", "expected"),
    [
        (
            "add_tags",
            {"torrent_hashes": [HASH_1], "tags": ["iso", "debian 13"]},
            "add_tags",
            (([HASH_1], ["iso", "debian 13"]), {}),
        ),
        (
            "remove_tags",
            {"torrent_names": ["torrent-1"], "tags": "iso"},
            "remove_tags",
            (([HASH_1], ["iso"]), {}),
        ),
        (
            "remove_tags",
            {"torrent_hashes": [HASH_3]},
            "remove_tags",
            (([HASH_3], []), {}),
        ),
        ("create_tags", {"tags": ["a", "b"]}, "create_tags", ((["a", "b"],), {})),
        ("delete_tags", {"tags": "a"}, "delete_tags", ((["a"],), {})),
        (
            "create_category",
            {"category": "linux/debian", "save_path": "/srv/debian"},
            "create_category",
            (("linux/debian", "/srv/debian"), {}),
        ),
        ("create_category", {"category": "tv"}, "create_category", (("tv", ""), {})),
        (
            "edit_category",
            {"category": "linux", "save_path": "/srv/linux"},
            "edit_category",
            (("linux", "/srv/linux"), {}),
        ),
        (
            "edit_category",
            {"category": "linux", "save_path": ""},
            "edit_category",
            (("linux", ""), {}),
        ),
        (
            "remove_categories",
            {"categories": ["linux", "tv"]},
            "remove_categories",
            ((["linux", "tv"],), {}),
        ),
        (
            "set_share_limits",
            {"torrent_hashes": [HASH_1], "ratio_limit": 1.5, "seeding_time_limit": 60},
            "set_share_limits",
            (
                ([HASH_1],),
                {
                    "ratio_limit": 1.5,
                    "seeding_time_limit": 60,
                    "inactive_seeding_time_limit": None,
                },
            ),
        ),
        (
            "set_share_limits",
            {
                "torrent_names": ["torrent-3"],
                "ratio_limit": -1,
                "seeding_time_limit": -2,
                "inactive_seeding_time_limit": 525_600,
            },
            "set_share_limits",
            (
                ([HASH_3],),
                {
                    "ratio_limit": -1,
                    "seeding_time_limit": -2,
                    "inactive_seeding_time_limit": 525_600,
                },
            ),
        ),
        *(
            (
                action,
                {"torrent_hashes": [HASH_1], "enabled": enabled},
                action,
                (([HASH_1], enabled), {}),
            )
            for action, enabled in (
                ("set_auto_management", True),
                ("set_super_seeding", False),
                ("set_sequential_download", True),
                ("set_first_last_piece_priority", False),
            )
        ),
        (
            "set_download_path",
            {"torrent_names": ["torrent-1"], "download_path": "/incomplete"},
            "set_download_path",
            (([HASH_1], "/incomplete"), {}),
        ),
        (
            "rename_torrent",
            {"torrent_hashes": [HASH_3], "name": "Debian 13"},
            "rename_torrent",
            ((HASH_3, "Debian 13"), {}),
        ),
        (
            "set_file_priority",
            {"torrent_names": ["torrent-1"], "file_ids": ["0", 2], "priority": "skip"},
            "set_file_priority",
            ((HASH_1, [0, 2], 0), {}),
        ),
        (
            "set_file_priority",
            {"torrent_hashes": [HASH_1], "file_ids": 1, "priority": "maximum"},
            "set_file_priority",
            ((HASH_1, [1], 7), {}),
        ),
    ],
)
async def test_control_actions(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    *,
    action: str,
    data: dict[str, Any],
    method: str,
    expected: tuple[tuple[Any, ...], dict[str, Any]],
) -> None:
    await _call(hass, mock_config_entry, action, **data)
    getattr(mock_client, method).assert_awaited_once_with(*expected[0], **expected[1])


@pytest.mark.parametrize(
    ("action", "data", "key", "field"),
    [
        ("add_tags", {"torrent_hashes": [HASH_1], "tags": []}, "no_tags_given", "tags"),
        (
            "add_tags",
            {"torrent_hashes": [HASH_1], "tags": ["a,b"]},
            "invalid_tag",
            "tags",
        ),
        ("add_tags", {"tags": ["a"]}, "no_torrents_selected", None),
        (
            "remove_tags",
            {"torrent_hashes": [HASH_1], "tags": [" "]},
            "invalid_tag",
            "tags",
        ),
        ("create_tags", {"tags": []}, "no_tags_given", "tags"),
        ("create_tags", {"tags": ["line\nbreak"]}, "invalid_tag", "tags"),
        ("delete_tags", {"tags": []}, "no_tags_given", "tags"),
        ("create_category", {"category": " "}, "category_required", "category"),
        ("create_category", {"category": "a//b"}, "invalid_category", "category"),
        (
            "create_category",
            {"category": "tv", "save_path": "/srv/../etc"},
            "invalid_path",
            "save_path",
        ),
        (
            "edit_category",
            {"category": "linux", "save_path": "bad\npath"},
            "invalid_path",
            "save_path",
        ),
        (
            "edit_category",
            {"category": "unknown", "save_path": "/srv"},
            "category_not_found",
            None,
        ),
        ("remove_categories", {"categories": []}, "category_required", "categories"),
        (
            "remove_categories",
            {"categories": ["ok", "/bad"]},
            "invalid_category",
            "categories",
        ),
        *(
            (
                "set_share_limits",
                {
                    "torrent_hashes": [HASH_1],
                    "ratio_limit": 1,
                    "seeding_time_limit": 1,
                    **bad,
                },
                "invalid_share_limit",
                next(iter(bad)),
            )
            for bad in (
                {"ratio_limit": 10_000},
                {"ratio_limit": -0.5},
                {"ratio_limit": -3},
                {"seeding_time_limit": 525_601},
                {"seeding_time_limit": -5},
                {"inactive_seeding_time_limit": -3},
            )
        ),
        (
            "set_download_path",
            {"torrent_hashes": [HASH_1], "download_path": " "},
            "path_required",
            "download_path",
        ),
        (
            "set_download_path",
            {"torrent_hashes": [HASH_1], "download_path": "/a/../b"},
            "invalid_path",
            "download_path",
        ),
        (
            "rename_torrent",
            {"torrent_hashes": [HASH_1], "name": ""},
            "invalid_torrent_name",
            "name",
        ),
        (
            "rename_torrent",
            {"torrent_hashes": [HASH_1], "name": "two\nlines"},
            "invalid_torrent_name",
            "name",
        ),
        (
            "rename_torrent",
            {"torrent_hashes": [HASH_1, HASH_3], "name": "one"},
            "one_torrent_required",
            None,
        ),
        (
            "rename_torrent",
            {"all_torrents": True, "name": "x"},
            "one_torrent_required",
            None,
        ),
        (
            "set_file_priority",
            {"torrent_hashes": [HASH_1], "file_ids": [], "priority": "high"},
            "file_ids_required",
            "file_ids",
        ),
        (
            "set_file_priority",
            {"torrent_hashes": [HASH_1, HASH_3], "file_ids": [0], "priority": "high"},
            "one_torrent_required",
            None,
        ),
    ],
)
async def test_control_actions_refuse_bad_input(
    hass: HomeAssistant,
    *,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    action: str,
    data: dict[str, Any],
    key: str,
    field: str | None,
) -> None:
    """A translated error naming the field; nothing but a read reaches the server."""
    mock_client.reset_mock()
    error = await _validation_error(hass, mock_config_entry, action, **data)
    assert error.translation_key == key
    if field is not None:
        assert error.translation_placeholders["field"] == field
        assert field in str(error)
    assert [call for call in mock_client.mock_calls if call[0] != "sync"] == []


@pytest.mark.parametrize(
    "data",
    [
        {"file_ids": [-1], "priority": "high"},
        {"file_ids": ["first"], "priority": "high"},
        {"file_ids": [0], "priority": "3"},
    ],
)
async def test_file_priority_schema_refuses(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    data: dict[str, Any],
) -> None:
    mock_client.reset_mock()
    with pytest.raises(vol.Invalid):
        await _call(
            hass,
            mock_config_entry,
            "set_file_priority",
            torrent_hashes=[HASH_1],
            **data,
        )
    assert not mock_client.mock_calls


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("add_tags", {"torrent_hashes": [HASH_1]}),
        ("create_tags", {}),
        ("delete_tags", {}),
    ],
)
async def test_tags_are_required(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    action: str,
    data: dict[str, Any],
) -> None:
    mock_client.reset_mock()
    with pytest.raises(vol.Invalid, match="tags"):
        await _call(hass, mock_config_entry, action, **data)
    assert not mock_client.mock_calls


async def test_get_torrent_details_are_bounded(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    mock_client.get_torrent_details.return_value = TorrentDetails(
        properties={"save_path": "/downloads", "total_size": 1024},
        files=[{"index": index, "name": f"f{index}"} for index in range(600)],
        trackers=[{"url": "** [DHT] **"}],
        peers={f"10.0.0.{n}:6881": {"client": "x"} for n in range(250)},
    )
    refreshes = mock_client.sync.await_count

    response = await _call(
        hass, mock_config_entry, "get_torrent", torrent_names=["torrent-1"]
    )

    mock_client.get_torrent_details.assert_awaited_once_with(HASH_1)
    assert response["torrent"]["hash"] == HASH_1
    assert response["properties"] == {"save_path": "/downloads", "total_size": 1024}
    assert (len(response["files"]), response["files_total"]) == (500, 600)
    assert response["files"][0] == {"index": 0, "name": "f0"}
    assert response["trackers"] == [{"url": "** [DHT] **"}]
    assert response["trackers_total"] == 1
    assert (len(response["peers"]), response["peers_total"]) == (200, 250)
    assert response["peers"][0] == {"address": "10.0.0.0:6881", "client": "x"}
    # Only read: no refresh after it.
    assert mock_client.sync.await_count == refreshes


@pytest.mark.parametrize(
    "data",
    [{"torrent_hashes": [HASH_1, HASH_3]}, {"all_torrents": True}, {}],
)
async def test_get_torrent_needs_one_torrent(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    data: dict[str, Any],
) -> None:
    error = await _validation_error(hass, mock_config_entry, "get_torrent", **data)
    assert error.translation_key in {"one_torrent_required", "no_torrents_selected"}
    mock_client.get_torrent_details.assert_not_awaited()


async def test_set_preferences_sends_the_allowed_ones(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    preferences = {
        "listen_port": 51413,
        "max_active_downloads": -1,
        "max_ratio": 1.5,
        "max_seeding_time": 1440,
        "dht": False,
        "save_path": "/downloads/done",
    }
    await _call(hass, mock_config_entry, "set_preferences", preferences=preferences)
    mock_client.set_preferences.assert_awaited_once_with(preferences)


@pytest.mark.parametrize(
    ("preferences", "key"),
    [
        ({}, "no_preferences_given"),
        ({"web_ui_password": "x"}, "preference_not_allowed"),
        ({"dl_limit": 100}, "preference_not_allowed"),
        ({"listen_port": 0}, "invalid_preference_port"),
        ({"listen_port": 65536}, "invalid_preference_port"),
        ({"listen_port": "8999"}, "invalid_preference_port"),
        ({"max_connec": -2}, "invalid_preference_count"),
        ({"max_connec": 1.5}, "invalid_preference_count"),
        ({"max_uploads": True}, "invalid_preference_count"),
        ({"dht": "yes"}, "invalid_preference_flag"),
        ({"max_ratio": 10_000}, "invalid_preference_ratio"),
        ({"max_ratio": -2}, "invalid_preference_ratio"),
        ({"max_seeding_time": 525_601}, "invalid_preference_minutes"),
        ({"save_path": ""}, "invalid_preference_path"),
        ({"temp_path": "/a/../etc"}, "invalid_path"),
        # One bad key refuses the whole call: nothing is sent.
        ({"dht": False, "pex": 1}, "invalid_preference_flag"),
    ],
)
async def test_set_preferences_refuses_what_is_not_allowed(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    preferences: dict[str, Any],
    key: str,
) -> None:
    mock_client.reset_mock()
    error = await _validation_error(
        hass, mock_config_entry, "set_preferences", preferences=preferences
    )
    assert error.translation_key == key
    if key.startswith("invalid_preference"):
        assert error.translation_placeholders["key"] in str(error)
    assert not mock_client.mock_calls


async def test_export_torrents_into_an_allowed_folder(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    tmp_path: Path,
) -> None:
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    mock_client.export_torrent.side_effect = lambda torrent_hash: (
        f"d4:name{len(torrent_hash)}:{torrent_hash}e".encode()
    )
    refreshes = mock_client.sync.await_count

    await _call(
        hass,
        mock_config_entry,
        "export_torrents",
        torrent_hashes=[HASH_1, HASH_3],
        folder=str(tmp_path),
    )

    for torrent_hash in (HASH_1, HASH_3):
        assert (tmp_path / f"{torrent_hash}.torrent").read_bytes() == (
            f"d4:name40:{torrent_hash}e".encode()
        )
    assert mock_client.sync.await_count == refreshes


@pytest.mark.parametrize(
    ("folder", "key"),
    [("/etc", "folder_not_allowed"), ("missing", "folder_not_found")],
)
async def test_export_torrents_refuses_a_folder(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    tmp_path: Path,
    *,
    folder: str,
    key: str,
) -> None:
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    target = folder if folder.startswith("/") else str(tmp_path / folder)
    error = await _validation_error(
        hass,
        mock_config_entry,
        "export_torrents",
        torrent_hashes=[HASH_1],
        folder=target,
    )
    assert error.translation_key == key
    assert error.translation_placeholders["field"] == "folder"
    mock_client.export_torrent.assert_not_awaited()


@pytest.mark.parametrize(
    ("action", "data", "method", "expected"),
    [
        (
            "rss_add_feed",
            {"url": "https://example.org/a.rss", "path": "Linux\\Debian"},
            "add_rss_feed",
            ("https://example.org/a.rss", "Linux\\Debian"),
        ),
        (
            "rss_add_feed",
            {"url": "http://example.org/a.rss"},
            "add_rss_feed",
            ("http://example.org/a.rss", ""),
        ),
        ("rss_add_folder", {"path": "Linux"}, "add_rss_folder", ("Linux",)),
        ("rss_remove_item", {"path": "Linux"}, "remove_rss_item", ("Linux",)),
        ("rss_refresh", {"path": "Linux"}, "refresh_rss_item", ("Linux",)),
        (
            "rss_set_rule",
            {
                "name": "ISOs",
                "rule": {
                    "enabled": True,
                    "mustContain": "netinst",
                    "affectedFeeds": ["https://example.org/a.rss"],
                    "ignoreDays": 0,
                    "addPaused": None,
                },
            },
            "set_rss_rule",
            (
                "ISOs",
                {
                    "enabled": True,
                    "mustContain": "netinst",
                    "affectedFeeds": ["https://example.org/a.rss"],
                    "ignoreDays": 0,
                    "addPaused": None,
                },
            ),
        ),
        ("rss_remove_rule", {"name": "ISOs"}, "remove_rss_rule", ("ISOs",)),
    ],
)
async def test_rss_actions(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    *,
    action: str,
    data: dict[str, Any],
    method: str,
    expected: tuple[Any, ...],
) -> None:
    await _call(hass, mock_config_entry, action, **data)
    getattr(mock_client, method).assert_awaited_once_with(*expected)


@pytest.mark.parametrize(
    ("action", "data", "key"),
    [
        ("rss_add_feed", {"url": "ftp://example.org/a.rss"}, "invalid_feed_url"),
        ("rss_add_feed", {"url": "http://a b"}, "invalid_feed_url"),
        (
            "rss_add_feed",
            {"url": "http://example.org/a.rss", "path": "Linux\\"},
            "invalid_rss_path",
        ),
        ("rss_add_folder", {"path": " "}, "invalid_rss_path"),
        ("rss_remove_item", {"path": "a\nb"}, "invalid_rss_path"),
        ("rss_refresh", {"path": ""}, "invalid_rss_path"),
        ("rss_set_rule", {"name": "", "rule": {}}, "invalid_rss_rule_name"),
        (
            "rss_set_rule",
            {"name": "r", "rule": {"torrentParams": {}}},
            "rss_rule_field_not_allowed",
        ),
        (
            "rss_set_rule",
            {"name": "r", "rule": {"enabled": "yes"}},
            "invalid_rss_rule_value",
        ),
        (
            "rss_set_rule",
            {"name": "r", "rule": {"ignoreDays": True}},
            "invalid_rss_rule_value",
        ),
        (
            "rss_set_rule",
            {"name": "r", "rule": {"ignoreDays": -1}},
            "invalid_rss_rule_value",
        ),
        (
            "rss_set_rule",
            {"name": "r", "rule": {"affectedFeeds": [1]}},
            "invalid_rss_rule_value",
        ),
        ("rss_remove_rule", {"name": "\t"}, "invalid_rss_rule_name"),
    ],
)
async def test_rss_actions_refuse_bad_input(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    *,
    action: str,
    data: dict[str, Any],
    key: str,
) -> None:
    mock_client.reset_mock()
    error = await _validation_error(hass, mock_config_entry, action, **data)
    assert error.translation_key == key
    assert not mock_client.mock_calls


async def test_get_rss_bounds_the_articles(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    articles = [{"title": f"item {n}"} for n in range(60)]
    mock_client.get_rss_items.return_value = {
        "Linux": {"Debian": {"uid": "{1}", "url": "http://a", "articles": articles}},
        "Plain": {"uid": "{2}", "url": "http://b"},
        "not an item": 1,
    }
    mock_client.get_rss_rules.return_value = {"ISOs": {"enabled": True}}

    response = await _call(hass, mock_config_entry, "get_rss")

    feed = response["items"]["Linux"]["Debian"]
    assert (len(feed["articles"]), feed["articles_total"]) == (50, 60)
    assert response["items"]["Plain"] == {"uid": "{2}", "url": "http://b"}
    assert "not an item" not in response["items"]
    assert response["rules"] == {"ISOs": {"enabled": True}}
    mock_client.get_rss_items.assert_awaited_once_with(with_data=True)


async def test_search_actions(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    mock_client.start_search.return_value = 42
    mock_client.get_search_results.return_value = {
        "results": [{"fileName": "debian.iso"}],
        "status": "Stopped",
        "total": 1,
    }

    started = await hass.services.async_call(
        DOMAIN,
        "start_search",
        {
            "config_entry_id": mock_config_entry.entry_id,
            "pattern": "debian",
            "plugins": ["one"],
        },
        blocking=True,
        return_response=True,
    )
    results = await _call(
        hass, mock_config_entry, "get_search_results", search_id=42, limit=10
    )
    await _call(hass, mock_config_entry, "stop_search", search_id=42, delete=True)

    assert started == {"search_id": 42}
    mock_client.start_search.assert_awaited_once_with(
        "debian", plugins=["one"], category="all"
    )
    mock_client.get_search_results.assert_awaited_once_with(42, limit=10, offset=0)
    assert results == {
        "results": [{"fileName": "debian.iso"}],
        "status": "Stopped",
        "total": 1,
    }
    mock_client.stop_search.assert_awaited_once_with(42)
    mock_client.delete_search.assert_awaited_once_with(42)

    await _call(hass, mock_config_entry, "stop_search", search_id=43)
    mock_client.stop_search.assert_awaited_with(43)
    mock_client.delete_search.assert_awaited_once_with(42)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"pattern": " "}, "invalid_search_pattern"),
        ({"pattern": "a\nb"}, "invalid_search_pattern"),
        ({"pattern": "debian", "plugins": ["a|b"]}, "invalid_search_plugin"),
        ({"pattern": "debian", "plugins": [""]}, "invalid_search_plugin"),
    ],
)
async def test_start_search_refuses_bad_input(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    data: dict[str, Any],
    key: str,
) -> None:
    mock_client.reset_mock()
    error = await _validation_error(hass, mock_config_entry, "start_search", **data)
    assert error.translation_key == key
    assert not mock_client.mock_calls
