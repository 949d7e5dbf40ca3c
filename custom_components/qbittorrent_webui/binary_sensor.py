"""Binary sensors of the qBittorrent WebUI integration: whether the server answers."""

from typing import TYPE_CHECKING

# Defined here up to the minimum Home Assistant, re-exported from .const since.
from homeassistant.components.binary_sensor import (  # type: ignore[attr-defined, unused-ignore]
    BinarySensorDeviceClass,
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.const import EntityCategory

from .coordinator import QBittorrentConfigEntry, QBittorrentDataUpdateCoordinator
from .entity import QBittorrentEntity

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

# Read-only: the coordinator makes the only request.
PARALLEL_UPDATES = 0

CONNECTIVITY = BinarySensorEntityDescription(
    key="connectivity",
    translation_key="connectivity",
    device_class=BinarySensorDeviceClass.CONNECTIVITY,
    entity_category=EntityCategory.DIAGNOSTIC,
)


async def async_setup_entry(
    hass: HomeAssistant,  # noqa: ARG001
    entry: QBittorrentConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the connectivity sensor; every generation can be reached or not."""
    async_add_entities(
        [
            QBittorrentConnectivityEntity(
                entry=entry,
                coordinator=entry.runtime_data.coordinator,
                description=CONNECTIVITY,
            )
        ]
    )


class QBittorrentConnectivityEntity(
    QBittorrentEntity[QBittorrentDataUpdateCoordinator], BinarySensorEntity
):
    """On while the last poll reached qBittorrent.

    It stays available during an outage (unlike every other entity), so an
    automation can react to the server going down.
    """

    @property
    def available(self) -> bool:
        """Always available: being off is what it reports."""
        return True

    @property
    def is_on(self) -> bool:
        """Return whether the last poll succeeded."""
        return self.coordinator.last_update_success
