"""Snapshot tests of every platform, with fixed data from a mocked client."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from homeassistant.const import CONF_URL, Platform
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.device import find_entry_device

from .conftest import DIGEST_SERVER_INFO, ENTRY_DATA, URL, make_main_data, setup_entry

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from homeassistant.core import HomeAssistant
    from syrupy.assertion import SnapshotAssertion

# What the integration decides about an entity or its device. The registries'
# own bookkeeping (ids, config entry links, aliases, labels, what the user set)
# changes shape between Home Assistant releases, so one snapshot set would not
# hold on both the minimum and the latest; it is left out.
ENTITY_FIELDS = (
    "entity_id",
    "unique_id",
    "platform",
    "has_entity_name",
    "translation_key",
    "original_name",
    "original_device_class",
    "original_icon",
    "entity_category",
    "disabled_by",
    "capabilities",
    "supported_features",
    "unit_of_measurement",
    "options",
)
DEVICE_FIELDS = (
    "identifiers",
    "connections",
    "entry_type",
    "name",
    "manufacturer",
    "model",
    "model_id",
    "hw_version",
    "sw_version",
    "serial_number",
    "configuration_url",
    "via_device_id",
)


async def _snapshot_platform(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    config_entry_id: str,
) -> None:
    """Snapshot each entity's registry entry (ENTITY_FIELDS) and state."""
    entries = er.async_entries_for_config_entry(entity_registry, config_entry_id)
    assert entries
    assert len({entry.domain for entry in entries}) == 1, "load one platform"
    for entry in entries:
        fields = {name: _plain(getattr(entry, name)) for name in ENTITY_FIELDS}
        assert fields == snapshot(name=f"{entry.entity_id}-entry")
        state = hass.states.get(entry.entity_id)
        assert state is not None
        assert {
            "state": state.state,
            "attributes": _plain(state.attributes),
        } == snapshot(name=f"{entry.entity_id}-state")


def _plain(value: object) -> object:
    """Mappings as dicts with plain string keys (newer releases key by StrEnum)."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


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
    await _snapshot_platform(
        hass, entity_registry, snapshot, mock_config_entry.entry_id
    )


@pytest.mark.usefixtures("init_integration")
async def test_service_device(
    device_registry: dr.DeviceRegistry,
    snapshot: SnapshotAssertion,
    mock_config_entry: MockConfigEntry,
) -> None:
    device = find_entry_device(
        device_registry, mock_config_entry.entry_id, (DOMAIN, URL)
    )
    assert device is not None
    assert {name: getattr(device, name) for name in DEVICE_FIELDS} == snapshot


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
    mock_client.get_alternative_speed_limits.assert_not_awaited()


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
