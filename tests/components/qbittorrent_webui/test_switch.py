"""Tests of the switches."""

from typing import TYPE_CHECKING

from homeassistant.components.switch import DOMAIN as SWITCH_DOMAIN
from homeassistant.const import (
    ATTR_ENTITY_ID,
    SERVICE_TURN_OFF,
    SERVICE_TURN_ON,
    STATE_OFF,
    STATE_ON,
    Platform,
)
import pytest

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.qbittorrent_webui_client import SyncResult

from .conftest import (
    make_main_data,
    poll_frozen,
    setup_entry,
    snapshot_platform,
    stopped_answer,
)

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import entity_registry as er
    from pytest_homeassistant_custom_component.common import MockConfigEntry
    from syrupy.assertion import SnapshotAssertion

ALT_SPEED = "switch.qbittorrent_alternative_speed_limits"
TORRENTS_SWITCH = "switch.qbittorrent_torrents"
PAUSE_ALL = "button.qbittorrent_pause_all"


@pytest.fixture
def platforms() -> list[Platform]:
    """Set up the switch platform only."""
    return [Platform.SWITCH]


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_entities(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    mock_config_entry: MockConfigEntry,
) -> None:
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


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

    stopped = [stopped_answer(number) for number in range(1, 4)]
    mock_client.sync.return_value = SyncResult(data=make_main_data(*stopped))
    await poll_frozen(hass, freezer)
    assert hass.states.get(TORRENTS_SWITCH).state == STATE_OFF

    await hass.services.async_call(
        SWITCH_DOMAIN, SERVICE_TURN_ON, {ATTR_ENTITY_ID: TORRENTS_SWITCH}, blocking=True
    )
    mock_client.resume_all.assert_awaited_once()


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
