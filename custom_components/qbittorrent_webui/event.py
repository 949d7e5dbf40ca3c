"""Event entity of the qBittorrent WebUI integration: torrent lifecycle."""

from typing import TYPE_CHECKING

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import entity_registry as er

from .const import DOMAIN, EVENT_TYPES
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

# The key keeps the unique id of entities created as "Torrent".
TORRENT_EVENTS = EventEntityDescription(
    key="torrent",
    translation_key="torrent_activity",
    event_types=list(EVENT_TYPES),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: QBittorrentConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the torrent event entity, or remove it while events are off."""
    coordinator = entry.runtime_data.coordinator
    if coordinator.events_enabled:
        async_add_entities(
            [
                QBittorrentTorrentEventEntity(
                    entry=entry, coordinator=coordinator, description=TORRENT_EVENTS
                )
            ]
        )
        return
    # An entity nothing feeds would stay unavailable for good.
    registry = er.async_get(hass)
    if entity_id := registry.async_get_entity_id(
        Platform.EVENT, DOMAIN, f"{entry.unique_id}_{TORRENT_EVENTS.key}"
    ):
        registry.async_remove(entity_id)


class QBittorrentTorrentEventEntity(
    QBittorrentEntity[QBittorrentDataUpdateCoordinator], EventEntity
):
    """Fires when a torrent is added, completes or is removed.

    Its attributes name the torrent: hash, name, category, tags, save path.
    """

    async def async_added_to_hass(self) -> None:
        """Listen for the coordinator's torrent events."""
        await super().async_added_to_hass()
        self.async_on_remove(
            self.coordinator.async_add_event_listener(self._handle_torrent_event)
        )

    @callback
    def _handle_torrent_event(self, event: TorrentEvent) -> None:
        self._trigger_event(event.event_type, event.as_event_data())
        self._async_write_shown_state()
