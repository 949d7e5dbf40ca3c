"""Snapshot tests of every platform, with fixed data from a mocked client."""

from typing import TYPE_CHECKING

from homeassistant.const import Platform
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)

from custom_components.qbittorrent_webui.const import DOMAIN

from .conftest import DIGEST_SERVER_INFO, URL, make_main_data

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from homeassistant.core import HomeAssistant
    from syrupy.assertion import SnapshotAssertion


@pytest.mark.parametrize(
    "platforms",
    [[Platform.SENSOR], [Platform.SWITCH], [Platform.NUMBER], [Platform.EVENT]],
    ids=["sensor", "switch", "number", "event"],
)
@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_platform_entities(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    mock_config_entry: MockConfigEntry,
) -> None:
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


@pytest.mark.usefixtures("init_integration")
async def test_service_device(
    device_registry: dr.DeviceRegistry,
    snapshot: SnapshotAssertion,
    mock_config_entry: MockConfigEntry,
) -> None:
    device = device_registry.async_get_device_by_identifier(
        (DOMAIN, URL), mock_config_entry.entry_id
    )
    assert device == snapshot


@pytest.mark.usefixtures("init_integration")
async def test_disabled_by_default(
    entity_registry: er.EntityRegistry, mock_config_entry: MockConfigEntry
) -> None:
    """Noisy or rarely used entities start disabled."""
    disabled = sorted(
        entry.unique_id.removeprefix(f"{URL}_")
        for entry in er.async_entries_for_config_entry(
            entity_registry, mock_config_entry.entry_id
        )
        if entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION
    )
    assert disabled == [
        "alt_download_limit",
        "alt_upload_limit",
        "dht_nodes",
        "download_limit",
        "torrents_checking",
        "torrents_inactive",
        "torrents_moving",
        "torrents_queued",
        "upload_limit",
    ]


@pytest.mark.parametrize(
    ("server_info", "main_data"),
    [
        (
            DIGEST_SERVER_INFO,
            make_main_data(download_rate_limit=None, upload_rate_limit=None),
        )
    ],
)
@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_generation_without_alternative_speed(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
) -> None:
    """3.1.x has no alternative speed mode and reports no limits: no entities."""
    keys = {
        entry.unique_id.removeprefix(f"{URL}_")
        for entry in er.async_entries_for_config_entry(
            entity_registry, mock_config_entry.entry_id
        )
    }
    assert "alternative_speed_limits" not in keys
    assert "alt_download_limit" not in keys
    assert "download_limit" not in keys
    assert {"pause_all", "download_speed", "torrents_total"} <= keys
    mock_client.get_alternative_speed_limits.assert_not_awaited()
