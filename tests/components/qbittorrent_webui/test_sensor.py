"""Tests of the sensors."""

from typing import TYPE_CHECKING

from homeassistant.const import Platform
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.qbittorrent_webui.const import UPDATE_INTERVAL
from custom_components.qbittorrent_webui.qbittorrent_webui_client import SyncResult

from .conftest import (
    DIGEST_MAIN_DATA,
    DIGEST_SERVER_INFO,
    MAIN_DATA,
    make_main_data,
    snapshot_platform,
    stopped_answer,
    torrent_answer,
)

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


@pytest.fixture(autouse=True)
def fixed_time(freezer: FrozenDateTimeFactory) -> None:
    """Start at a fixed time: the next finish is a timestamp from now."""
    freezer.move_to("2026-12-02T12:00:10+00:00")


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


NEXT_FINISH = "sensor.qbittorrent_next_download_finish"


@pytest.mark.usefixtures("init_integration")
async def test_next_finish_is_the_soonest_download(
    hass: HomeAssistant, mock_client: MagicMock, freezer: FrozenDateTimeFactory
) -> None:
    """To the minute; a seeding torrent's ETA (to its share limit) does not count."""
    mock_client.sync.return_value = SyncResult(
        data=make_main_data(
            torrent_answer(1, eta=3600),
            torrent_answer(11, eta=600),
            torrent_answer(3, eta=60),
            stopped_answer(5),
        )
    )
    freezer.tick(UPDATE_INTERVAL)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass.states.get(NEXT_FINISH).state == "2026-12-02T12:10:00+00:00"

    mock_client.sync.return_value = SyncResult(
        data=make_main_data(torrent_answer(3, eta=60), stopped_answer(5))
    )
    freezer.tick(UPDATE_INTERVAL)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass.states.get(NEXT_FINISH).state == "unknown"


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_peers_categories_and_tags(hass: HomeAssistant) -> None:
    assert hass.states.get("sensor.qbittorrent_connected_peers").state == "6"
    assert hass.states.get("sensor.qbittorrent_categories").state == str(
        len(MAIN_DATA.categories)
    )
    assert hass.states.get("sensor.qbittorrent_tags").state == str(len(MAIN_DATA.tags))


@pytest.mark.parametrize(
    ("server_info", "main_data"), [(DIGEST_SERVER_INFO, DIGEST_MAIN_DATA)]
)
@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_sensors_the_generation_lacks(hass: HomeAssistant) -> None:
    """3.1.x reports no peer count and has neither categories nor tags."""
    assert hass.states.get("sensor.qbittorrent_connected_peers") is None
    assert hass.states.get("sensor.qbittorrent_categories") is None
    assert hass.states.get("sensor.qbittorrent_tags") is None
    assert hass.states.get(NEXT_FINISH) is not None
