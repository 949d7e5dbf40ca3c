"""Tests of the event entity and the torrent events on the bus."""

from typing import TYPE_CHECKING

from homeassistant.const import Platform
import pytest
from pytest_homeassistant_custom_component.common import (
    async_capture_events,
)

from custom_components.qbittorrent_webui.const import (
    CONF_ENABLE_EVENTS,
)
from custom_components.qbittorrent_webui.qbittorrent_webui_client import SyncResult

from .conftest import (
    MAIN_DATA,
    TORRENTS,
    make_torrent,
    poll_frozen,
    setup_entry,
    snapshot_platform,
)

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import entity_registry as er
    from pytest_homeassistant_custom_component.common import MockConfigEntry
    from syrupy.assertion import SnapshotAssertion

TORRENT_EVENT = "event.qbittorrent_torrent_activity"


@pytest.fixture
def platforms() -> list[Platform]:
    """Set up the event platform only."""
    return [Platform.EVENT]


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_entities(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    mock_config_entry: MockConfigEntry,
) -> None:
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


@pytest.mark.usefixtures("init_integration")
async def test_torrent_events(
    hass: HomeAssistant, mock_client: MagicMock, freezer: FrozenDateTimeFactory
) -> None:
    added = make_torrent(11, tags="a, b")
    completed = make_torrent(3)
    removed = TORRENTS[0]
    bus_events = {
        event_type: async_capture_events(hass, f"qbittorrent_webui_{event_type}")
        for event_type in ("torrent_added", "torrent_completed", "torrent_removed")
    }
    mock_client.sync.return_value = SyncResult(
        data=MAIN_DATA, added=(added,), completed=(completed,), removed=(removed,)
    )

    await poll_frozen(hass, freezer)

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
        data=MAIN_DATA, added=(make_torrent(12),)
    )

    await poll_frozen(hass, freezer)

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
