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

from .conftest import DIGEST_SERVER_INFO, SERVER_INFO, setup_entry, snapshot_platform

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import entity_registry as er
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
