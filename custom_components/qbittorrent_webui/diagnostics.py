"""Diagnostics of the qBittorrent WebUI integration."""

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.const import CONF_API_KEY, CONF_PASSWORD, CONF_USERNAME

from .qbittorrent_webui_client import StatusGroup

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

    from .coordinator import QBittorrentConfigEntry

TO_REDACT = {CONF_API_KEY, CONF_PASSWORD, CONF_USERNAME, "cookie", "cookies", "sid"}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant,  # noqa: ARG001
    entry: QBittorrentConfigEntry,
) -> dict[str, Any]:
    """Return what helps to debug a server, without secrets or torrent names."""
    runtime = entry.runtime_data
    data = runtime.coordinator.data
    return {
        "entry": {
            "data": async_redact_data(dict(entry.data), TO_REDACT),
            "options": dict(entry.options),
        },
        "server_info": asdict(runtime.server_info),
        "server_state": asdict(data.server_state),
        "torrents": {
            "total": len(data.torrents),
            "active": data.summary.active,
            **{
                group.value: data.summary.count(*group.statuses)
                for group in StatusGroup
            },
            "raw_states": sorted({torrent.state for torrent in data.torrents.values()}),
        },
        "categories": len(data.categories),
        "tags": len(data.tags),
        "last_update_success": runtime.coordinator.last_update_success,
    }
