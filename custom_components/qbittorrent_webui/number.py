"""Numbers of the qBittorrent WebUI integration: global speed limits."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from homeassistant.components.number import (
    NumberDeviceClass,
    NumberEntity,
    NumberEntityDescription,
    NumberMode,
)
from homeassistant.const import EntityCategory, UnitOfDataRate

from .coordinator import (
    QBittorrentConfigEntry,
    QBittorrentCoordinator,
    QBittorrentDataUpdateCoordinator,
    QBittorrentPreferencesCoordinator,
)
from .entity import QBittorrentEntity
from .qbittorrent_webui_client import (
    MAX_SPEED_LIMIT_KIBIBYTES,
    bytes_to_kibibytes,
    kibibytes_to_bytes,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine

    from homeassistant.core import HomeAssistant
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

    from .qbittorrent_webui_client import MainData, Preferences, QBittorrentClient

# One command at a time per server keeps qBittorrent's answers in order.
PARALLEL_UPDATES = 1


@dataclass(frozen=True, kw_only=True)
class QBittorrentLimitEntityDescription[DataT](NumberEntityDescription):
    """Describes a speed limit number (shown in KiB/s, kept in B/s).

    ``DataT`` is the data of the coordinator the limit is read from.
    """

    device_class: NumberDeviceClass = NumberDeviceClass.DATA_RATE
    entity_category: EntityCategory = EntityCategory.CONFIG
    mode: NumberMode = NumberMode.BOX
    native_min_value: float = 0
    native_max_value: float = MAX_SPEED_LIMIT_KIBIBYTES
    native_step: float = 1
    native_unit_of_measurement: str = UnitOfDataRate.KIBIBYTES_PER_SECOND
    value_fn: Callable[[DataT], int | None]
    set_fn: Callable[[QBittorrentClient, int], Coroutine[Any, Any, None]]


GLOBAL_LIMITS: tuple[QBittorrentLimitEntityDescription[MainData], ...] = (
    QBittorrentLimitEntityDescription(
        key="download_limit",
        translation_key="download_limit",
        value_fn=lambda data: data.server_state.download_rate_limit,
        set_fn=lambda client, limit: client.set_global_download_limit(limit),
    ),
    QBittorrentLimitEntityDescription(
        key="upload_limit",
        translation_key="upload_limit",
        value_fn=lambda data: data.server_state.upload_rate_limit,
        set_fn=lambda client, limit: client.set_global_upload_limit(limit),
    ),
)

ALTERNATIVE_LIMITS: tuple[QBittorrentLimitEntityDescription[Preferences], ...] = (
    QBittorrentLimitEntityDescription(
        key="alt_download_limit",
        translation_key="alt_download_limit",
        entity_registry_enabled_default=False,
        value_fn=lambda preferences: preferences.alternative_limits.download,
        set_fn=lambda client, limit: client.set_alternative_download_limit(limit),
    ),
    QBittorrentLimitEntityDescription(
        key="alt_upload_limit",
        translation_key="alt_upload_limit",
        entity_registry_enabled_default=False,
        value_fn=lambda preferences: preferences.alternative_limits.upload,
        set_fn=lambda client, limit: client.set_alternative_upload_limit(limit),
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,  # noqa: ARG001
    entry: QBittorrentConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the limits the server's generation can change."""
    runtime = entry.runtime_data
    # Where the server reports no limits, a number could never show its value;
    # the set_speed_limits action still sets them.
    entities: list[NumberEntity] = [
        QBittorrentGlobalLimitEntity(
            entry=entry, coordinator=runtime.coordinator, description=description
        )
        for description in GLOBAL_LIMITS
        if description.value_fn(runtime.coordinator.data) is not None
    ]
    # Where qBittorrent has no alternative speed mode, it has no limits for it.
    if runtime.server_info.capabilities.alternative_speed_get:
        entities.extend(
            QBittorrentAlternativeLimitEntity(
                entry=entry,
                coordinator=runtime.preferences_coordinator,
                description=description,
            )
            for description in ALTERNATIVE_LIMITS
        )
    async_add_entities(entities)


class QBittorrentLimitEntity[CoordinatorT: QBittorrentCoordinator[Any]](
    QBittorrentEntity[CoordinatorT], NumberEntity
):
    """A speed limit, read from the data of its coordinator."""

    entity_description: QBittorrentLimitEntityDescription[Any]

    @property
    def native_value(self) -> float | None:
        """Return the limit in KiB/s."""
        value = self.entity_description.value_fn(self.coordinator.data)
        return None if value is None else bytes_to_kibibytes(value)

    async def async_set_native_value(self, value: float) -> None:
        """Change the limit."""
        # Every action runs through the torrent coordinator, which reads back
        # what it changed; alternative limits read back below as well.
        await self.entry.runtime_data.coordinator.async_run_action(
            self.entity_description.key,
            self.entity_description.set_fn(
                self.coordinator.client, kibibytes_to_bytes(value)
            ),
        )


class QBittorrentGlobalLimitEntity(
    QBittorrentLimitEntity[QBittorrentDataUpdateCoordinator]
):
    """A global limit that applies to the active speed mode."""


class QBittorrentAlternativeLimitEntity(
    QBittorrentLimitEntity[QBittorrentPreferencesCoordinator]
):
    """An alternative limit, stored in qBittorrent's preferences."""

    async def async_added_to_hass(self) -> None:
        """Read the preferences when such an entity appears.

        The refresh is debounced, so both alternative limits share one request.
        """
        await super().async_added_to_hass()
        await self.coordinator.async_request_refresh()

    async def async_set_native_value(self, value: float) -> None:
        """Change the limit, then read the preferences back."""
        await super().async_set_native_value(value)
        # Read back at once: the debounced refresh could lag by its cooldown.
        await self.coordinator.async_refresh()
