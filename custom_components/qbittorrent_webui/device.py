"""The devices: the service device of one qBittorrent server, and its torrents'."""

from typing import TYPE_CHECKING, Any, cast

from homeassistant.const import CONF_URL
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo

from .const import DOMAIN

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from .coordinator import QBittorrentConfigEntry
    from .qbittorrent_webui_client import Torrent

APPLICATION = "qBittorrent"

# Newer Home Assistant names a device's parent by its device id and deprecates
# naming it by identifiers (via_device); the oldest supported knows only that.
PARENT_BY_DEVICE_ID = "via_device_id" in DeviceInfo.__annotations__


def device_name(hass: HomeAssistant, entry: ConfigEntry) -> str:
    """Name a server's device "qBittorrent", adding the entry title only if needed.

    The oldest entry of the domain is plain "qBittorrent", so entity ids and
    voice commands read naturally; a further server is told apart by its entry
    title. Entries keep their order across restarts, so the names are stable.
    """
    entries = hass.config_entries.async_entries(DOMAIN, include_ignore=False)
    if entries and entries[0].entry_id != entry.entry_id:
        return f"{APPLICATION} {entry.title}"
    return APPLICATION


def find_entry_device(
    registry: dr.DeviceRegistry, entry_id: str, identifier: tuple[str, str]
) -> dr.DeviceEntry | None:
    """Return the config entry's device that carries the identifier, if any.

    Looked up through the entry: from Home Assistant 2026.8 identifiers are
    unique only per entry, and the lookups made for that do not exist in 2026.3.
    """
    return next(
        (
            device
            for device in dr.async_entries_for_config_entry(registry, entry_id)
            if identifier in device.identifiers
        ),
        None,
    )


def server_device_info(
    hass: HomeAssistant, entry: QBittorrentConfigEntry
) -> DeviceInfo:
    """The service device of the entry's server."""
    info = entry.runtime_data.server_info
    return DeviceInfo(
        configuration_url=entry.data[CONF_URL],
        entry_type=DeviceEntryType.SERVICE,
        identifiers={(DOMAIN, str(entry.unique_id))},
        manufacturer="qBittorrent project",
        # The WebUI API level is in the diagnostics; users know the app.
        model=info.model,
        name=device_name(hass, entry),
        sw_version=info.app_version,
    )


def torrent_identifier(entry: ConfigEntry, torrent_hash: str) -> tuple[str, str]:
    """The device identifier of one torrent of the entry's server."""
    return (DOMAIN, f"{entry.unique_id}_{torrent_hash}")


def torrent_device_info(
    entry: ConfigEntry, torrent: Torrent, server_device_id: str
) -> DeviceInfo:
    """A torrent's device, named like the torrent, under the server's device."""
    info: dict[str, Any] = {
        "identifiers": {torrent_identifier(entry, torrent.hash)},
        "name": torrent.name,
    }
    if PARENT_BY_DEVICE_ID:
        info["via_device_id"] = server_device_id
    else:
        info["via_device"] = (DOMAIN, str(entry.unique_id))
    # Either key is missing from one of the supported versions' type.
    return cast("DeviceInfo", info)
