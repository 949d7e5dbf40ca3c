"""The service device that stands for one qBittorrent server: its name and its lookup."""

from typing import TYPE_CHECKING

from homeassistant.helpers import device_registry as dr

from .const import DOMAIN

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

APPLICATION = "qBittorrent"


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
