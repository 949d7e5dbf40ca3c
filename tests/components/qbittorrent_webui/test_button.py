"""Tests of the buttons."""

from typing import TYPE_CHECKING

from homeassistant.components.button import DOMAIN as BUTTON_DOMAIN, SERVICE_PRESS
from homeassistant.const import ATTR_ENTITY_ID, Platform
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
import pytest

from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentConnectionError,
)

from .conftest import DIGEST_MAIN_DATA, DIGEST_SERVER_INFO, snapshot_platform

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry
    from syrupy.assertion import SnapshotAssertion

PAUSE_ALL = "button.qbittorrent_pause_all"
RESUME_ALL = "button.qbittorrent_resume_all"
REANNOUNCE_ALL = "button.qbittorrent_reannounce_all"
SHUTDOWN = "button.qbittorrent_shut_down_qbittorrent"


@pytest.fixture
def platforms() -> list[Platform]:
    """Set up the button platform only."""
    return [Platform.BUTTON]


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


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
@pytest.mark.parametrize(
    ("button", "command"),
    [(REANNOUNCE_ALL, "reannounce_all"), (SHUTDOWN, "shutdown")],
)
async def test_server_wide_commands(
    hass: HomeAssistant, mock_client: MagicMock, button: str, command: str
) -> None:
    await hass.services.async_call(
        BUTTON_DOMAIN, SERVICE_PRESS, {ATTR_ENTITY_ID: button}, blocking=True
    )
    getattr(mock_client, command).assert_awaited_once_with()


@pytest.mark.usefixtures("init_integration")
async def test_shutdown_is_disabled_by_default(
    hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> None:
    entry = entity_registry.async_get(SHUTDOWN)
    assert entry is not None
    assert entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION
    assert hass.states.get(SHUTDOWN) is None
    assert hass.states.get(REANNOUNCE_ALL) is not None


@pytest.mark.parametrize(
    ("server_info", "main_data"), [(DIGEST_SERVER_INFO, DIGEST_MAIN_DATA)]
)
@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_generation_without_reannounce(hass: HomeAssistant) -> None:
    """Reannouncing came with 4.1.2: no button for it on 3.1.x."""
    assert hass.states.get(REANNOUNCE_ALL) is None
    assert hass.states.get(PAUSE_ALL) is not None
