"""Event entity of the qBittorrent WebUI integration: torrent lifecycle."""

from typing import TYPE_CHECKING

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.core import HomeAssistant, callback

from .const import EVENT_TYPES
from .coordinator import (
    QBittorrentConfigEntry,
    QBittorrentDataUpdateCoordinator,
    TorrentEvent,
)
from .entity import QBittorrentEntity

if TYPE_CHECKING:
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

# Fed by the coordinator; it makes no requests.
PARALLEL_UPDATES = 0

TORRENT_EVENTS = EventEntityDescription(
    key="torrent",
    translation_key="torrent",
    event_types=list(EVENT_TYPES),
)


async def async_setup_entry(
    hass: HomeAssistant,  # noqa: ARG001
    entry: QBittorrentConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the torrent event entity unless events are turned off."""
    coordinator = entry.runtime_data.coordinator
    if coordinator.events_enabled:
        async_add_entities(
            [
                QBittorrentTorrentEventEntity(
                    entry=entry, coordinator=coordinator, description=TORRENT_EVENTS
                )
            ]
        )


class QBittorrentTorrentEventEntity(
    QBittorrentEntity[QBittorrentDataUpdateCoordinator], EventEntity
):
    """Fires when a torrent is added, completes or is removed."""

    async def async_added_to_hass(self) -> None:
        """Listen for the coordinator's torrent events."""
        await super().async_added_to_hass()
        self.async_on_remove(
            self.coordinator.async_add_event_listener(self._handle_torrent_event)
        )

    @callback
    def _handle_torrent_event(self, event: TorrentEvent) -> None:
        self._trigger_event(event.event_type, event.as_event_data())
        self.async_write_ha_state()
