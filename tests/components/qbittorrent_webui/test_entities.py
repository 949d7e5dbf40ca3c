"""Tests of what the switches, numbers and the event entity do."""

from dataclasses import replace
from typing import TYPE_CHECKING

from homeassistant.components.button import DOMAIN as BUTTON_DOMAIN, SERVICE_PRESS
from homeassistant.components.diagnostics import REDACTED
from homeassistant.components.number import (
    ATTR_VALUE,
    DOMAIN as NUMBER_DOMAIN,
    SERVICE_SET_VALUE,
)
from homeassistant.components.switch import DOMAIN as SWITCH_DOMAIN
from homeassistant.config_entries import SOURCE_REAUTH
from homeassistant.const import (
    ATTR_ENTITY_ID,
    CONF_API_KEY,
    SERVICE_TURN_OFF,
    SERVICE_TURN_ON,
    STATE_OFF,
    STATE_ON,
)
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)

from custom_components.qbittorrent_webui.const import (
    CONF_ENABLE_EVENTS,
    DOMAIN,
    UPDATE_INTERVAL,
)
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentAuthenticationError,
    QBittorrentConnectionError,
    QBittorrentUnsupportedOperationError,
    SpeedLimits,
    SyncResult,
    TorrentStatus,
)

from .conftest import (
    DIGEST_SERVER_INFO,
    ENTRY_DATA,
    MAIN_DATA,
    SERVER_INFO,
    TORRENTS,
    make_main_data,
    make_torrent,
    setup_entry,
)

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import entity_registry as er
    from syrupy.assertion import SnapshotAssertion

    from qbittorrent_tooling.emulator import QBittorrentEmulator

ALT_SPEED = "switch.qbittorrent_alternative_speed_limits"
TORRENTS_SWITCH = "switch.qbittorrent_torrents"
PAUSE_ALL = "button.qbittorrent_pause_all"
RESUME_ALL = "button.qbittorrent_resume_all"
DOWNLOAD_LIMIT = "number.qbittorrent_max_download"
ALT_DOWNLOAD_LIMIT = "number.qbittorrent_alt_max_download"
TORRENT_EVENT = "event.qbittorrent_torrent_activity"


async def _poll(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    freezer.tick(UPDATE_INTERVAL)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize(
    ("service", "enabled"), [(SERVICE_TURN_ON, True), (SERVICE_TURN_OFF, False)]
)
async def test_alternative_speed_switch(
    hass: HomeAssistant, mock_client: MagicMock, service: str, *, enabled: bool
) -> None:
    await hass.services.async_call(
        SWITCH_DOMAIN, service, {ATTR_ENTITY_ID: ALT_SPEED}, blocking=True
    )
    mock_client.set_alternative_speed_limits_enabled.assert_awaited_once_with(enabled)


@pytest.mark.usefixtures("init_integration")
async def test_torrents_switch(
    hass: HomeAssistant, mock_client: MagicMock, freezer: FrozenDateTimeFactory
) -> None:
    """On while anything runs: off stops all torrents, on resumes them."""
    assert hass.states.get(TORRENTS_SWITCH).state == STATE_ON
    assert hass.states.get(TORRENTS_SWITCH).name == "qBittorrent Torrents"

    await hass.services.async_call(
        SWITCH_DOMAIN,
        SERVICE_TURN_OFF,
        {ATTR_ENTITY_ID: TORRENTS_SWITCH},
        blocking=True,
    )
    mock_client.pause_all.assert_awaited_once()

    stopped = [make_torrent(number, TorrentStatus.STOPPED) for number in range(1, 4)]
    mock_client.sync.return_value = SyncResult(data=make_main_data(*stopped))
    await _poll(hass, freezer)
    assert hass.states.get(TORRENTS_SWITCH).state == STATE_OFF

    await hass.services.async_call(
        SWITCH_DOMAIN, SERVICE_TURN_ON, {ATTR_ENTITY_ID: TORRENTS_SWITCH}, blocking=True
    )
    mock_client.resume_all.assert_awaited_once()


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize(
    ("button", "command"), [(PAUSE_ALL, "pause_all"), (RESUME_ALL, "resume_all")]
)
async def test_pause_and_resume_all_buttons(
    hass: HomeAssistant, mock_client: MagicMock, button: str, command: str
) -> None:
    await hass.services.async_call(
        BUTTON_DOMAIN, SERVICE_PRESS, {ATTR_ENTITY_ID: button}, blocking=True
    )
    getattr(mock_client, command).assert_awaited_once_with()
    other = ({"pause_all", "resume_all"} - {command}).pop()
    getattr(mock_client, other).assert_not_awaited()
    # Pressed, so the refresh that shows the result was asked for.
    assert mock_client.sync.await_count == 2


@pytest.mark.usefixtures("init_integration")
async def test_button_failure_is_reported(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    mock_client.pause_all.side_effect = QBittorrentConnectionError("refused")
    with pytest.raises(HomeAssistantError) as caught:
        await hass.services.async_call(
            BUTTON_DOMAIN, SERVICE_PRESS, {ATTR_ENTITY_ID: PAUSE_ALL}, blocking=True
        )
    assert caught.value.translation_key == "cannot_connect"


async def test_pause_all_switch_of_earlier_versions_is_removed(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    entity_registry: er.EntityRegistry,
) -> None:
    """Its meaning is inverted by the new switch, so it must not linger."""
    mock_config_entry.add_to_hass(hass)
    old = entity_registry.async_get_or_create(
        SWITCH_DOMAIN,
        DOMAIN,
        f"{mock_config_entry.unique_id}_pause_all",
        config_entry=mock_config_entry,
        suggested_object_id="qbittorrent_127_0_0_1_8080_pause_all",
    )

    await setup_entry(hass, mock_config_entry)

    assert entity_registry.async_get(old.entity_id) is None
    assert hass.states.get(old.entity_id) is None
    assert hass.states.get(PAUSE_ALL) is not None


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_global_limit_number(hass: HomeAssistant, mock_client: MagicMock) -> None:
    await hass.services.async_call(
        NUMBER_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: DOWNLOAD_LIMIT, ATTR_VALUE: 512},
        blocking=True,
    )
    mock_client.set_global_download_limit.assert_awaited_once_with(524_288)


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_alternative_limit_number(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    assert hass.states.get(ALT_DOWNLOAD_LIMIT).state == "100.0"
    mock_client.get_alternative_speed_limits.return_value = SpeedLimits(
        download=64 * 1024, upload=50 * 1024
    )

    await hass.services.async_call(
        NUMBER_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: ALT_DOWNLOAD_LIMIT, ATTR_VALUE: 64},
        blocking=True,
    )
    await hass.async_block_till_done()

    # The client takes B/s; the preferences' unit is its business.
    mock_client.set_alternative_download_limit.assert_awaited_once_with(64 * 1024)
    assert hass.states.get(ALT_DOWNLOAD_LIMIT).state == "64.0"


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_alternative_limit_unknown_when_not_reported(
    hass: HomeAssistant, mock_client: MagicMock, freezer: FrozenDateTimeFactory
) -> None:
    mock_client.get_alternative_speed_limits.return_value = SpeedLimits(
        download=None, upload=50 * 1024
    )
    freezer.tick(600)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass.states.get(ALT_DOWNLOAD_LIMIT).state == "unknown"


@pytest.mark.parametrize(
    ("server_info", "message"),
    [
        (
            SERVER_INFO,
            (
                "download_limit is not available on qBittorrent 5.3.0; it needs "
                "qBittorrent 9.0 or later"
            ),
        ),
        (
            # 3.1.x has no WebUI API version; its error must not say "none".
            DIGEST_SERVER_INFO,
            (
                "download_limit is not available on qBittorrent 3.1.12; it needs "
                "qBittorrent 9.0 or later"
            ),
        ),
        (
            replace(DIGEST_SERVER_INFO, app_version=None),
            (
                "download_limit is not available on this qBittorrent version; it "
                "needs qBittorrent 9.0 or later"
            ),
        ),
    ],
    ids=["modern", "digest", "unknown_version"],
)
@pytest.mark.usefixtures("init_integration")
async def test_number_the_version_lacks(
    hass: HomeAssistant, mock_client: MagicMock, message: str
) -> None:
    mock_client.set_global_download_limit.side_effect = (
        QBittorrentUnsupportedOperationError(
            "set_global_download_limit", server_version="5.3.0", minimum_version="9.0"
        )
    )
    with pytest.raises(ServiceValidationError) as caught:
        await hass.services.async_call(
            NUMBER_DOMAIN,
            SERVICE_SET_VALUE,
            {ATTR_ENTITY_ID: DOWNLOAD_LIMIT, ATTR_VALUE: 1},
            blocking=True,
        )
    assert str(caught.value) == message


@pytest.mark.usefixtures("init_integration")
async def test_torrent_events(
    hass: HomeAssistant, mock_client: MagicMock, freezer: FrozenDateTimeFactory
) -> None:
    added = make_torrent(11, TorrentStatus.DOWNLOADING, tags=frozenset({"b", "a"}))
    completed = make_torrent(3, TorrentStatus.SEEDING)
    removed = TORRENTS[0]
    bus_events = {
        event_type: async_capture_events(hass, f"qbittorrent_webui_{event_type}")
        for event_type in ("torrent_added", "torrent_completed", "torrent_removed")
    }
    mock_client.sync.return_value = SyncResult(
        data=MAIN_DATA, added=(added,), completed=(completed,), removed=(removed,)
    )

    await _poll(hass, freezer)

    state = hass.states.get(TORRENT_EVENT)
    assert state.attributes["event_type"] == "torrent_removed"
    assert state.attributes["hash"] == removed.hash
    assert state.attributes["name"] == removed.name
    added_event = bus_events["torrent_added"][0].data
    assert added_event == {
        "config_entry_id": hass.config_entries.async_entries()[0].entry_id,
        "hash": added.hash,
        "name": "torrent-11",
        "category": "linux",
        "tags": ["a", "b"],
        "save_path": "/downloads",
    }
    assert [event.data["name"] for event in bus_events["torrent_completed"]] == [
        "torrent-3"
    ]
    assert len(bus_events["torrent_removed"]) == 1


async def test_events_turned_off(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    freezer: FrozenDateTimeFactory,
) -> None:
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry, options={CONF_ENABLE_EVENTS: False}
    )
    await setup_entry(hass, mock_config_entry)
    added = async_capture_events(hass, "qbittorrent_webui_torrent_added")
    mock_client.sync.return_value = SyncResult(
        data=MAIN_DATA, added=(make_torrent(12, TorrentStatus.DOWNLOADING),)
    )

    await _poll(hass, freezer)

    assert hass.states.get(TORRENT_EVENT) is None
    assert added == []


async def test_turning_events_off_removes_the_event_entity(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    entity_registry: er.EntityRegistry,
) -> None:
    """Nothing would feed it: it would stay unavailable for good."""
    await setup_entry(hass, mock_config_entry)
    assert entity_registry.async_get(TORRENT_EVENT) is not None

    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_ENABLE_EVENTS: False}
    )
    await hass.async_block_till_done()

    assert entity_registry.async_get(TORRENT_EVENT) is None
    assert hass.states.get(TORRENT_EVENT) is None

    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_ENABLE_EVENTS: True}
    )
    await hass.async_block_till_done()
    assert hass.states.get(TORRENT_EVENT).state == "unknown"


@pytest.mark.parametrize(
    "entry_data",
    [ENTRY_DATA | {CONF_API_KEY: "qbt_0123456789abcdefghijklmnopqrstu"}],
    ids=["with_api_key"],
)
@pytest.mark.usefixtures("init_integration")
async def test_diagnostics(
    hass: HomeAssistant,
    hass_client: object,
    mock_config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    diagnostics = await get_diagnostics_for_config_entry(
        hass, hass_client, mock_config_entry
    )
    assert diagnostics["entry"]["data"]["password"] == REDACTED
    assert diagnostics["entry"]["data"]["username"] == REDACTED
    assert diagnostics["entry"]["data"]["api_key"] == REDACTED
    assert "adminadmin" not in str(diagnostics)
    assert "qbt_0123" not in str(diagnostics)
    assert "torrent-1" not in str(diagnostics)
    assert diagnostics == snapshot


@pytest.mark.parametrize(
    ("speeds", "status"),
    [
        ({"download_speed": 0, "upload_speed": 0}, "idle"),
        ({"download_speed": 5, "upload_speed": 0}, "downloading"),
        ({"download_speed": 0, "upload_speed": 5}, "seeding"),
        ({"download_speed": 5, "upload_speed": 5}, "up_down"),
        ({"download_speed": None, "upload_speed": 5}, "unknown"),
    ],
)
@pytest.mark.usefixtures("init_integration")
async def test_status_sensor(
    hass: HomeAssistant,
    mock_client: MagicMock,
    freezer: FrozenDateTimeFactory,
    speeds: dict[str, int | None],
    status: str,
) -> None:
    mock_client.sync.return_value = SyncResult(data=make_main_data(**speeds))
    await _poll(hass, freezer)
    assert hass.states.get("sensor.qbittorrent_status").state == status


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_preferences_failures(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Alternative limits go unavailable, or start reauth, on their own poll."""
    mock_client.get_alternative_speed_limits.side_effect = QBittorrentConnectionError(
        "refused"
    )
    freezer.tick(600)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass.states.get(ALT_DOWNLOAD_LIMIT).state == "unavailable"
    assert hass.states.get(DOWNLOAD_LIMIT).state == "0.0"

    mock_client.get_alternative_speed_limits.side_effect = (
        QBittorrentAuthenticationError("no")
    )
    freezer.tick(600)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == [SOURCE_REAUTH]


@pytest.mark.parametrize("emulator_version", ["3.1.12"])
@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_digest_server_shows_its_limits(
    hass: HomeAssistant,
    emulator: QBittorrentEmulator,
    emulator_entry: MockConfigEntry,
) -> None:
    """3.1.x answers getGlobalDlLimit: its limits get a sensor and a number."""
    emulator.download_limit = 300 * 1024
    emulator.upload_limit = 0
    await setup_entry(hass, emulator_entry)

    assert hass.states.get(DOWNLOAD_LIMIT).state == "300.0"
    limit = hass.states.get("sensor.qbittorrent_current_download_limit")
    assert float(limit.state) == pytest.approx(300 / 1024)
    assert hass.states.get("sensor.qbittorrent_current_upload_limit").state == "0.0"

    await hass.services.async_call(
        NUMBER_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: DOWNLOAD_LIMIT, ATTR_VALUE: 50},
        blocking=True,
    )
    assert emulator.download_limit == 50 * 1024
    assert hass.states.get(DOWNLOAD_LIMIT).state == "50.0"
    await hass.config_entries.async_unload(emulator_entry.entry_id)
