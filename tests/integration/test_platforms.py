"""Snapshot tests of every platform, with fixed data from a mocked client."""

from typing import TYPE_CHECKING

from homeassistant.const import CONF_URL, Platform
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)

from custom_components.qbittorrent_webui.const import DOMAIN

from .conftest import DIGEST_SERVER_INFO, ENTRY_DATA, URL, make_main_data, setup_entry

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from homeassistant.core import HomeAssistant
    from syrupy.assertion import SnapshotAssertion


@pytest.mark.parametrize(
    "platforms",
    [
        [Platform.SENSOR],
        [Platform.SWITCH],
        [Platform.NUMBER],
        [Platform.EVENT],
        [Platform.BUTTON],
    ],
    ids=["sensor", "switch", "number", "event", "button"],
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
    """Without alternative speed mode or reported limits: no entities for them."""
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
    mock_client.get_preferences.assert_not_awaited()


async def test_second_server_is_told_apart_and_names_stay(
    hass: HomeAssistant,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
) -> None:
    """The first server is plain "qBittorrent"; a second one adds its title."""
    second = MockConfigEntry(
        domain=DOMAIN,
        title="nas:8080",
        unique_id="http://nas:8080",
        data=ENTRY_DATA | {CONF_URL: "http://nas:8080"},
    )
    await setup_entry(hass, mock_config_entry)
    await setup_entry(hass, second)

    def names() -> list[str | None]:
        return [
            device.name
            for entry in (mock_config_entry, second)
            for device in dr.async_entries_for_config_entry(
                device_registry, entry.entry_id
            )
        ]

    assert names() == ["qBittorrent", "qBittorrent nas:8080"]
    speeds = sorted(
        entry.entity_id
        for entry in entity_registry.entities.values()
        if entry.unique_id.endswith("_download_speed")
    )
    assert speeds == [
        "sensor.qbittorrent_download_speed",
        "sensor.qbittorrent_nas_8080_download_speed",
    ]

    # Reloading either, in either order, changes no name.
    for entry in (second, mock_config_entry):
        assert await hass.config_entries.async_reload(entry.entry_id)
        await hass.async_block_till_done()
    assert names() == ["qBittorrent", "qBittorrent nas:8080"]
