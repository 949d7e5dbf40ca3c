"""Tests of the numbers (global and alternative speed limits)."""

from dataclasses import replace
from typing import TYPE_CHECKING

from homeassistant.components.number import (
    ATTR_VALUE,
    DOMAIN as NUMBER_DOMAIN,
    SERVICE_SET_VALUE,
)
from homeassistant.config_entries import SOURCE_REAUTH
from homeassistant.const import ATTR_ENTITY_ID, Platform
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    Preferences,
    QBittorrentAuthenticationError,
    QBittorrentConnectionError,
    QBittorrentUnsupportedOperationError,
    SpeedLimits,
)

from .conftest import (
    DIGEST_SERVER_INFO,
    PREFERENCES,
    SERVER_INFO,
    setup_entry,
    snapshot_platform,
)

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry
    from syrupy.assertion import SnapshotAssertion

    from qbittorrent_tooling.emulator import QBittorrentEmulator

DOWNLOAD_LIMIT = "number.qbittorrent_max_download"
ALT_DOWNLOAD_LIMIT = "number.qbittorrent_alt_max_download"


@pytest.fixture
def platforms() -> list[Platform]:
    """Set up the number platform only."""
    return [Platform.NUMBER]


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_entities(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    mock_config_entry: MockConfigEntry,
) -> None:
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


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
    mock_client.get_server_preferences.return_value = Preferences(
        alternative_limits=SpeedLimits(download=64 * 1024, upload=50 * 1024)
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
    mock_client.get_server_preferences.return_value = Preferences(
        alternative_limits=SpeedLimits(download=None, upload=50 * 1024)
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


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_preferences_failures(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Alternative limits go unavailable, or start reauth, on their own poll."""
    mock_client.get_server_preferences.side_effect = QBittorrentConnectionError(
        "refused"
    )
    freezer.tick(600)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass.states.get(ALT_DOWNLOAD_LIMIT).state == "unavailable"
    assert hass.states.get(DOWNLOAD_LIMIT).state == "0.0"

    mock_client.get_server_preferences.side_effect = QBittorrentAuthenticationError(
        "no"
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


LISTEN_PORT = "number.qbittorrent_listening_port"
MAX_ACTIVE_DOWNLOADS = "number.qbittorrent_max_active_downloads"
MAX_CONNECTIONS = "number.qbittorrent_max_connections"
SHARE_RATIO_LIMIT = "number.qbittorrent_share_ratio_limit"
SEEDING_TIME_LIMIT = "number.qbittorrent_seeding_time_limit"


async def _set(hass: HomeAssistant, entity_id: str, value: float) -> None:
    await hass.services.async_call(
        NUMBER_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: entity_id, ATTR_VALUE: value},
        blocking=True,
    )


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
@pytest.mark.parametrize(
    ("entity_id", "value", "preferences"),
    [
        (LISTEN_PORT, 51413, {"listen_port": 51413}),
        (MAX_ACTIVE_DOWNLOADS, 0, {"max_active_downloads": 0}),
        (MAX_ACTIVE_DOWNLOADS, -1, {"max_active_downloads": -1}),
        (MAX_CONNECTIONS, 250, {"max_connec": 250}),
    ],
)
async def test_setting_numbers(
    hass: HomeAssistant,
    mock_client: MagicMock,
    entity_id: str,
    value: float,
    preferences: dict[str, int],
) -> None:
    """Counts and the port go to the preferences as integers."""
    await _set(hass, entity_id, value)
    mock_client.set_preferences.assert_awaited_once_with(preferences)
    (sent,) = mock_client.set_preferences.await_args.args
    assert all(type(number) is int for number in sent.values())


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_share_limits_and_read_back(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    assert hass.states.get(SHARE_RATIO_LIMIT).state == "2.0"
    assert hass.states.get(SEEDING_TIME_LIMIT).state == "-1"
    assert hass.states.get(SEEDING_TIME_LIMIT).attributes["unit_of_measurement"] == (
        "min"
    )
    mock_client.get_server_preferences.return_value = replace(
        PREFERENCES, share_ratio_limit=1.5, seeding_time_limit=90
    )

    await _set(hass, SHARE_RATIO_LIMIT, 1.5)
    mock_client.set_share_ratio_limit.assert_awaited_once_with(1.5)
    await _set(hass, SEEDING_TIME_LIMIT, 90)
    mock_client.set_seeding_time_limit.assert_awaited_once_with(90)

    assert hass.states.get(SHARE_RATIO_LIMIT).state == "1.5"
    assert hass.states.get(SEEDING_TIME_LIMIT).state == "90"


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
@pytest.mark.parametrize(
    ("entity_id", "value"),
    [
        (LISTEN_PORT, 70000),
        (LISTEN_PORT, -1),
        (MAX_ACTIVE_DOWNLOADS, -2),
        (SHARE_RATIO_LIMIT, 9999),
        (SEEDING_TIME_LIMIT, 525601),
    ],
)
async def test_setting_out_of_range_is_refused(
    hass: HomeAssistant, mock_client: MagicMock, entity_id: str, value: float
) -> None:
    """Refused before any request (qBittorrent would store a port of 70000)."""
    before = hass.states.get(entity_id).state
    with pytest.raises(ServiceValidationError) as caught:
        await _set(hass, entity_id, value)
    assert caught.value.translation_key == "out_of_range"
    mock_client.set_preferences.assert_not_awaited()
    mock_client.set_share_ratio_limit.assert_not_awaited()
    mock_client.set_seeding_time_limit.assert_not_awaited()
    assert hass.states.get(entity_id).state == before


@pytest.mark.usefixtures("init_integration")
async def test_settings_enabled_by_default(
    hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> None:
    """The port, queue and share limits show; connection tuning is opt-in."""
    for entity_id in (
        LISTEN_PORT,
        MAX_ACTIVE_DOWNLOADS,
        SHARE_RATIO_LIMIT,
        SEEDING_TIME_LIMIT,
    ):
        assert hass.states.get(entity_id) is not None, entity_id
    entry = entity_registry.async_get(MAX_CONNECTIONS)
    assert entry is not None
    assert entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION


@pytest.mark.parametrize("server_info", [DIGEST_SERVER_INFO])
@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_settings_only_where_checked(hass: HomeAssistant) -> None:
    """Before 4.1 the preferences' keys were never checked on a real server."""
    assert hass.states.get(LISTEN_PORT) is None
    assert hass.states.get(SHARE_RATIO_LIMIT) is None
