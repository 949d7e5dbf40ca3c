"""Tests of the connectivity binary sensor."""

from typing import TYPE_CHECKING

from homeassistant.const import STATE_OFF, STATE_ON, Platform
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.qbittorrent_webui.const import UPDATE_INTERVAL
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentConnectionError,
)

from .conftest import snapshot_platform

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import entity_registry as er
    from pytest_homeassistant_custom_component.common import MockConfigEntry
    from syrupy.assertion import SnapshotAssertion

CONNECTIVITY = "binary_sensor.qbittorrent_server_connection"
DOWNLOAD_SPEED = "sensor.qbittorrent_download_speed"


@pytest.fixture
def platforms() -> list[Platform]:
    """Set up the binary sensor platform only."""
    return [Platform.BINARY_SENSOR]


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_entities(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    mock_config_entry: MockConfigEntry,
) -> None:
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


@pytest.mark.parametrize("platforms", [[Platform.BINARY_SENSOR, Platform.SENSOR]])
@pytest.mark.usefixtures("init_integration")
async def test_outage_turns_it_off_and_keeps_it_available(
    hass: HomeAssistant, mock_client: MagicMock, freezer: FrozenDateTimeFactory
) -> None:
    """Down, the other entities go unavailable; this one reports the outage."""
    assert hass.states.get(CONNECTIVITY).state == STATE_ON

    mock_client.sync.side_effect = QBittorrentConnectionError("refused")
    freezer.tick(UPDATE_INTERVAL)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass.states.get(CONNECTIVITY).state == STATE_OFF
    assert hass.states.get(DOWNLOAD_SPEED).state == "unavailable"

    mock_client.sync.side_effect = None
    freezer.tick(UPDATE_INTERVAL)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass.states.get(CONNECTIVITY).state == STATE_ON
