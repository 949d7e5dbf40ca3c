"""Tests of setup, unload and the coordinator's error handling."""

from datetime import timedelta
import logging
from typing import TYPE_CHECKING
from unittest.mock import patch

from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryState
from homeassistant.const import (
    CONF_API_KEY,
    CONF_PASSWORD,
    CONF_SCAN_INTERVAL,
    CONF_URL,
    CONF_USERNAME,
    STATE_UNAVAILABLE,
)
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.qbittorrent_webui.const import DOMAIN, UPDATE_INTERVAL
from custom_components.qbittorrent_webui.device import find_entry_device
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentConnectionError,
    QBittorrentRequestRejectedError,
    QBittorrentUnexpectedResponseError,
    QBittorrentUnsupportedVersionError,
    SyncResult,
)

from .conftest import (
    DIGEST_MAIN_DATA,
    DIGEST_SERVER_INFO,
    ENTRY_DATA,
    MAIN_DATA,
    URL,
    make_main_data,
    poll_frozen,
    setup_entry,
)

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import issue_registry as ir
    from syrupy.assertion import SnapshotAssertion

    from qbittorrent_tooling.emulator import QBittorrentEmulator

DOWNLOAD_SPEED = "sensor.qbittorrent_download_speed"
# What the integration decides about its device; the registry's bookkeeping is
# left out (see ENTITY_FIELDS).
DEVICE_FIELDS = (
    "identifiers",
    "connections",
    "entry_type",
    "name",
    "manufacturer",
    "model",
    "model_id",
    "hw_version",
    "sw_version",
    "serial_number",
    "configuration_url",
    "via_device_id",
)


def _logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Return what the integration logged at info level or above."""
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "custom_components.qbittorrent_webui"
        and record.levelno >= logging.INFO
    ]


async def test_setup_and_unload(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    await setup_entry(hass, mock_config_entry)
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert hass.states.get(DOWNLOAD_SPEED) is not None

    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    assert mock_config_entry.state is ConfigEntryState.NOT_LOADED
    mock_client.logout.assert_awaited_once()


async def test_unload_ignores_unreachable_server(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    await setup_entry(hass, mock_config_entry)
    mock_client.logout.side_effect = QBittorrentConnectionError("gone")
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    assert mock_config_entry.state is ConfigEntryState.NOT_LOADED


@pytest.mark.parametrize(
    "error",
    [
        QBittorrentConnectionError("refused"),
        QBittorrentBannedError("banned", ban_duration=600),
        QBittorrentRequestRejectedError("host header"),
        QBittorrentUnsupportedVersionError("not qbittorrent"),
    ],
)
async def test_setup_retries_when_server_fails(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    error: Exception,
) -> None:
    mock_client.detect.side_effect = error
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    assert mock_config_entry.state is ConfigEntryState.SETUP_RETRY


async def test_setup_starts_reauth_on_rejected_credentials(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    mock_client.detect.side_effect = QBittorrentAuthenticationError("wrong")
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    assert mock_config_entry.state is ConfigEntryState.SETUP_ERROR
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == [SOURCE_REAUTH]


async def test_each_poll_syncs_once(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    freezer: FrozenDateTimeFactory,
) -> None:
    await setup_entry(hass, mock_config_entry)
    mock_client.reset_mock()
    mock_client.sync.return_value = SyncResult(
        data=make_main_data(dl_info_speed=1_048_576)
    )

    await poll_frozen(hass, freezer)

    assert mock_client.sync.await_count == 1
    assert [call[0] for call in mock_client.mock_calls] == ["sync"]
    assert hass.states.get(DOWNLOAD_SPEED).state == "1.0"


async def test_unchanged_data_writes_no_state(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    freezer: FrozenDateTimeFactory,
) -> None:
    await setup_entry(hass, mock_config_entry)
    before = hass.states.get(DOWNLOAD_SPEED)
    mock_client.sync.return_value = SyncResult(data=MAIN_DATA)

    await poll_frozen(hass, freezer)

    assert hass.states.get(DOWNLOAD_SPEED).last_reported == before.last_reported


async def test_connection_loss_and_recovery(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await setup_entry(hass, mock_config_entry)
    mock_client.sync.side_effect = QBittorrentConnectionError("refused")

    await poll_frozen(hass, freezer)
    await poll_frozen(hass, freezer)

    assert hass.states.get(DOWNLOAD_SPEED).state == STATE_UNAVAILABLE
    # Once, naming the device and the URL once each.
    assert _logged(caplog) == [
        (
            "Error fetching qBittorrent data: Could not communicate "
            "with qBittorrent at http://127.0.0.1:8080: refused"
        )
    ]

    mock_client.sync.side_effect = None
    await poll_frozen(hass, freezer)
    await poll_frozen(hass, freezer)

    assert hass.states.get(DOWNLOAD_SPEED).state == "2.0"
    assert _logged(caplog)[1:] == ["Fetching qBittorrent data recovered"]


@pytest.mark.parametrize(
    "error",
    [
        QBittorrentRequestRejectedError("host header"),
        QBittorrentUnexpectedResponseError("odd", status=500, body_excerpt="x"),
    ],
)
async def test_other_failures_make_entities_unavailable(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    freezer: FrozenDateTimeFactory,
    error: Exception,
) -> None:
    await setup_entry(hass, mock_config_entry)
    mock_client.sync.side_effect = error
    await poll_frozen(hass, freezer)
    assert hass.states.get(DOWNLOAD_SPEED).state == STATE_UNAVAILABLE
    assert mock_config_entry.state is ConfigEntryState.LOADED


async def test_rejected_credentials_start_one_reauth(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    freezer: FrozenDateTimeFactory,
) -> None:
    await setup_entry(hass, mock_config_entry)
    mock_client.sync.side_effect = QBittorrentAuthenticationError("wrong")

    for _ in range(3):
        await poll_frozen(hass, freezer)

    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == [SOURCE_REAUTH]
    # The integration never logs in by itself; only the client's sync ran.
    mock_client.login.assert_not_awaited()
    assert hass.states.get(DOWNLOAD_SPEED).state == STATE_UNAVAILABLE


async def test_ban_raises_repair_issue_until_lifted(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    await setup_entry(hass, mock_config_entry)
    mock_client.sync.side_effect = QBittorrentBannedError("banned", ban_duration=1800)

    await poll_frozen(hass, freezer)

    issue_id = f"ip_banned_{mock_config_entry.entry_id}"
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_key == "ip_banned"
    assert issue.translation_placeholders["url"] == URL
    assert issue.translation_placeholders["minutes"] == "30"
    assert hass.states.get(DOWNLOAD_SPEED).state == STATE_UNAVAILABLE

    # The client would send nothing during the ban: no poll until it ends.
    mock_client.sync.side_effect = None
    polls = mock_client.sync.await_count
    await poll_frozen(hass, freezer)
    assert mock_client.sync.await_count == polls

    freezer.tick(timedelta(seconds=1800))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()

    assert mock_client.sync.await_count == polls + 1
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert hass.states.get(DOWNLOAD_SPEED).state == "2.0"


async def test_update_interval_shows_changes_within_15_seconds() -> None:
    assert timedelta(seconds=15) - timedelta(seconds=5) >= UPDATE_INTERVAL


async def test_failed_platform_unload_keeps_session(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    await setup_entry(hass, mock_config_entry)
    with patch.object(
        hass.config_entries, "async_unload_platforms", return_value=False
    ):
        assert not await hass.config_entries.async_unload(mock_config_entry.entry_id)
    mock_client.logout.assert_not_awaited()


async def test_ban_during_setup_raises_repair_issue(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    issue_registry: ir.IssueRegistry,
) -> None:
    # Bans of qBittorrent 4.1+ come without their length.
    mock_client.detect.side_effect = QBittorrentBannedError("banned")
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)

    issue_id = f"ip_banned_{mock_config_entry.entry_id}"
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_key == "ip_banned_unknown_duration"
    assert issue.translation_placeholders == {"url": URL}

    mock_client.detect.side_effect = None
    await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


API_KEY = "qbt_0123456789abcdefghijklmnopqrstu"
API_KEY_ENTRY_DATA = ENTRY_DATA | {
    CONF_USERNAME: "",
    CONF_PASSWORD: "",
    CONF_API_KEY: API_KEY,
}


@pytest.mark.parametrize("entry_data", [API_KEY_ENTRY_DATA])
@pytest.mark.parametrize("emulator_api_key", [API_KEY])
async def test_setup_with_api_key(
    hass: HomeAssistant,
    emulator: QBittorrentEmulator,
    emulator_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    """An entry with only an API key polls qBittorrent 5.2+ without a login."""
    await setup_entry(hass, emulator_entry)

    assert emulator_entry.state is ConfigEntryState.LOADED
    entity_id = entity_registry.async_get_entity_id(
        "sensor", DOMAIN, f"{emulator_entry.unique_id}_torrents_total"
    )
    assert entity_id is not None
    state = hass.states.get(entity_id)
    assert state is not None
    assert state.state == str(len(emulator.torrents))
    assert await hass.config_entries.async_unload(emulator_entry.entry_id)


@pytest.mark.parametrize("entry_data", [API_KEY_ENTRY_DATA])
@pytest.mark.parametrize("emulator_api_key", ["qbt_a_newer_key_replaced_the_old"])
async def test_replaced_api_key_starts_reauth(
    hass: HomeAssistant, emulator_entry: MockConfigEntry
) -> None:
    emulator_entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(emulator_entry.entry_id)
    await hass.async_block_till_done()

    assert emulator_entry.state is ConfigEntryState.SETUP_ERROR
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == [SOURCE_REAUTH]


@pytest.mark.usefixtures("init_integration")
async def test_service_device(
    device_registry: dr.DeviceRegistry,
    snapshot: SnapshotAssertion,
    mock_config_entry: MockConfigEntry,
) -> None:
    device = find_entry_device(
        device_registry, mock_config_entry.entry_id, (DOMAIN, URL)
    )
    assert device is not None
    assert {name: getattr(device, name) for name in DEVICE_FIELDS} == snapshot


@pytest.mark.usefixtures("init_integration")
async def test_disabled_by_default(
    entity_registry: er.EntityRegistry, mock_config_entry: MockConfigEntry
) -> None:
    """Noisy or rarely used entities start disabled."""
    disabled = sorted(
        entry.unique_id.removeprefix(f"{URL}_")
        for entry in er.async_entries_for_config_entry(
            entity_registry, mock_config_entry.entry_id
        )
        if entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION
    )
    assert disabled == [
        "alt_download_limit",
        "alt_upload_limit",
        "categories",
        "dht_nodes",
        "download_limit",
        "lsd",
        "max_connections",
        "max_connections_per_torrent",
        "max_uploads",
        "max_uploads_per_torrent",
        "pex",
        "shutdown",
        "tags",
        "torrents_checking",
        "torrents_inactive",
        "torrents_moving",
        "torrents_queued",
        "upload_limit",
    ]


@pytest.mark.parametrize(
    ("server_info", "main_data"),
    [(DIGEST_SERVER_INFO, DIGEST_MAIN_DATA)],
)
@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_generation_without_alternative_speed(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
) -> None:
    """Without alternative speed mode or reported limits: no entities for them."""
    keys = {
        entry.unique_id.removeprefix(f"{URL}_")
        for entry in er.async_entries_for_config_entry(
            entity_registry, mock_config_entry.entry_id
        )
    }
    assert "alternative_speed_limits" not in keys
    assert "alt_download_limit" not in keys
    assert "download_limit" not in keys
    assert {"pause_all", "download_speed", "torrents_total"} <= keys
    mock_client.get_server_preferences.assert_not_awaited()


async def test_second_server_is_told_apart_and_names_stay(
    hass: HomeAssistant,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
) -> None:
    """The first server is plain "qBittorrent"; a second one adds its title."""
    second = MockConfigEntry(
        domain=DOMAIN,
        title="nas:8080",
        unique_id="http://nas:8080",
        data=ENTRY_DATA | {CONF_URL: "http://nas:8080"},
    )
    await setup_entry(hass, mock_config_entry)
    await setup_entry(hass, second)

    def names() -> list[str | None]:
        return [
            device.name
            for entry in (mock_config_entry, second)
            for device in dr.async_entries_for_config_entry(
                device_registry, entry.entry_id
            )
        ]

    assert names() == ["qBittorrent", "qBittorrent nas:8080"]
    speeds = sorted(
        entry.entity_id
        for entry in entity_registry.entities.values()
        if entry.unique_id.endswith("_download_speed")
    )
    assert speeds == [
        "sensor.qbittorrent_download_speed",
        "sensor.qbittorrent_nas_8080_download_speed",
    ]

    # Reloading either, in either order, changes no name.
    for entry in (second, mock_config_entry):
        assert await hass.config_entries.async_reload(entry.entry_id)
        await hass.async_block_till_done()
    assert names() == ["qBittorrent", "qBittorrent nas:8080"]


async def test_poll_interval_option_sets_the_polling(
    hass: HomeAssistant,
    mock_client: MagicMock,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry, options={CONF_SCAN_INTERVAL: 30}
    )
    await setup_entry(hass, mock_config_entry)
    assert mock_client.sync.await_count == 1

    freezer.tick(UPDATE_INTERVAL)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert mock_client.sync.await_count == 1

    freezer.tick(timedelta(seconds=20))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert mock_client.sync.await_count == 2


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_preferences_are_read_once_for_all_their_entities(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Switches and numbers over the preferences share one read, then 5 min."""
    await setup_entry(hass, mock_config_entry)
    assert mock_client.get_server_preferences.await_count == 1
    for _ in range(3):
        await poll_frozen(hass, freezer)
    assert mock_client.get_server_preferences.await_count == 1
    freezer.tick(timedelta(minutes=5))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert mock_client.get_server_preferences.await_count == 2
