"""Tests of the sensors."""

from typing import TYPE_CHECKING

from homeassistant.const import Platform
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.qbittorrent_webui.const import UPDATE_INTERVAL
from custom_components.qbittorrent_webui.qbittorrent_webui_client import SyncResult

from .conftest import make_main_data, snapshot_platform

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import entity_registry as er
    from pytest_homeassistant_custom_component.common import MockConfigEntry
    from syrupy.assertion import SnapshotAssertion


@pytest.fixture
def platforms() -> list[Platform]:
    """Set up the sensor platform only."""
    return [Platform.SENSOR]


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_entities(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    mock_config_entry: MockConfigEntry,
) -> None:
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


@pytest.mark.parametrize(
    ("speeds", "status"),
    [
        ({"dl_info_speed": 0, "up_info_speed": 0}, "idle"),
        ({"dl_info_speed": 5, "up_info_speed": 0}, "downloading"),
        ({"dl_info_speed": 0, "up_info_speed": 5}, "seeding"),
        ({"dl_info_speed": 5, "up_info_speed": 5}, "up_down"),
        ({"dl_info_speed": None, "up_info_speed": 5}, "unknown"),
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
    freezer.tick(UPDATE_INTERVAL)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass.states.get("sensor.qbittorrent_status").state == status
