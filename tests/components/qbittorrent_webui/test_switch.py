"""Tests of the switches."""

from dataclasses import replace
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
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
import pytest

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentConnectionError,
    SyncResult,
)

from .conftest import (
    DIGEST_MAIN_DATA,
    DIGEST_SERVER_INFO,
    PREFERENCES,
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


QUEUEING = "switch.qbittorrent_torrent_queueing"
DHT = "switch.qbittorrent_dht"
PEX = "switch.qbittorrent_peer_exchange_pex"
LSD = "switch.qbittorrent_local_peer_discovery"


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize(
    ("service", "enabled"), [(SERVICE_TURN_ON, True), (SERVICE_TURN_OFF, False)]
)
async def test_queueing_switch_reads_maindata(
    hass: HomeAssistant, mock_client: MagicMock, service: str, *, enabled: bool
) -> None:
    assert hass.states.get(QUEUEING).state == STATE_ON
    mock_client.sync.return_value = SyncResult(
        data=make_main_data(queueing=enabled), baseline=False
    )
    await hass.services.async_call(
        SWITCH_DOMAIN, service, {ATTR_ENTITY_ID: QUEUEING}, blocking=True
    )
    mock_client.set_preferences.assert_awaited_once_with({"queueing_enabled": enabled})
    assert hass.states.get(QUEUEING).state == (STATE_ON if enabled else STATE_OFF)


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
@pytest.mark.parametrize(
    ("switch", "preference"), [(DHT, "dht"), (PEX, "pex"), (LSD, "lsd")]
)
async def test_preference_switches(
    hass: HomeAssistant, mock_client: MagicMock, switch: str, preference: str
) -> None:
    """Each sets its preference, and the preferences are read back at once."""
    assert hass.states.get(switch).state == STATE_ON
    mock_client.get_server_preferences.return_value = replace(
        PREFERENCES, **{preference: False}
    )
    await hass.services.async_call(
        SWITCH_DOMAIN, SERVICE_TURN_OFF, {ATTR_ENTITY_ID: switch}, blocking=True
    )
    mock_client.set_preferences.assert_awaited_once_with({preference: False})
    assert hass.states.get(switch).state == STATE_OFF

    await hass.services.async_call(
        SWITCH_DOMAIN, SERVICE_TURN_ON, {ATTR_ENTITY_ID: switch}, blocking=True
    )
    mock_client.set_preferences.assert_awaited_with({preference: True})


@pytest.mark.usefixtures("init_integration")
async def test_peer_source_switches_start_disabled_but_dht(
    hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> None:
    assert hass.states.get(DHT) is not None
    for switch in (PEX, LSD):
        entry = entity_registry.async_get(switch)
        assert entry is not None
        assert entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION


@pytest.mark.usefixtures("init_integration")
async def test_preference_switch_failure_leaves_it_unchanged(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    mock_client.set_preferences.side_effect = QBittorrentConnectionError("refused")
    with pytest.raises(HomeAssistantError) as caught:
        await hass.services.async_call(
            SWITCH_DOMAIN, SERVICE_TURN_OFF, {ATTR_ENTITY_ID: DHT}, blocking=True
        )
    assert caught.value.translation_key == "cannot_connect"
    assert hass.states.get(DHT).state == STATE_ON


@pytest.mark.parametrize(
    ("server_info", "main_data"), [(DIGEST_SERVER_INFO, DIGEST_MAIN_DATA)]
)
@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_generation_without_the_settings(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    """3.1.x reports no queueing in its transfer info; preferences stay unread."""
    for switch in (QUEUEING, DHT, PEX, LSD):
        assert hass.states.get(switch) is None
    mock_client.get_server_preferences.assert_not_awaited()


SESSION = "switch.qbittorrent_bittorrent_session"


@pytest.mark.usefixtures("init_integration")
async def test_session_switch(hass: HomeAssistant, mock_client: MagicMock) -> None:
    """Off pauses the whole session (5.3.0), shown by maindata's session_state."""
    assert hass.states.get(SESSION).state == STATE_ON
    mock_client.sync.return_value = SyncResult(
        data=make_main_data(session_state=True), baseline=False
    )
    await hass.services.async_call(
        SWITCH_DOMAIN, SERVICE_TURN_OFF, {ATTR_ENTITY_ID: SESSION}, blocking=True
    )
    mock_client.pause_session.assert_awaited_once_with()
    mock_client.pause_all.assert_not_awaited()
    assert hass.states.get(SESSION).state == STATE_OFF

    await hass.services.async_call(
        SWITCH_DOMAIN, SERVICE_TURN_ON, {ATTR_ENTITY_ID: SESSION}, blocking=True
    )
    mock_client.resume_session.assert_awaited_once_with()


@pytest.mark.parametrize("main_data", [make_main_data(session_state=None)])
@pytest.mark.usefixtures("init_integration")
async def test_no_session_switch_before_5_3(hass: HomeAssistant) -> None:
    """Servers without session pause report no session_state."""
    assert hass.states.get(SESSION) is None
