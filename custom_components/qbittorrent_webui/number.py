"""Numbers of the qBittorrent WebUI integration: speed limits and server settings."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from homeassistant.components.number import (
    NumberDeviceClass,
    NumberEntity,
    NumberEntityDescription,
    NumberMode,
)
from homeassistant.const import EntityCategory, UnitOfDataRate, UnitOfTime

from .coordinator import (
    QBittorrentConfigEntry,
    QBittorrentCoordinator,
    QBittorrentDataUpdateCoordinator,
    QBittorrentPreferencesCoordinator,
)
from .entity import QBittorrentEntity, QBittorrentPreferencesEntity
from .qbittorrent_webui_client import (
    MAX_SPEED_LIMIT_KIBIBYTES,
    Generation,
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


@dataclass(frozen=True, kw_only=True)
class QBittorrentSettingEntityDescription(NumberEntityDescription):
    """Describes a number over a server setting of the preferences.

    ``-1`` is qBittorrent's "no limit" for every one that has a lower bound
    of ``-1``.
    """

    entity_category: EntityCategory = EntityCategory.CONFIG
    mode: NumberMode = NumberMode.BOX
    native_min_value: float = -1
    native_max_value: float = 65535
    native_step: float = 1
    value_fn: Callable[[Preferences], float | None]
    set_fn: Callable[[QBittorrentClient, float], Coroutine[Any, Any, None]]


def _count(
    key: str,
    preference: str,
    value_fn: Callable[[Preferences], int | None],
    *,
    enabled: bool = True,
) -> QBittorrentSettingEntityDescription:
    """Describe a count stored under ``preference``, -1 meaning unlimited."""
    return QBittorrentSettingEntityDescription(
        key=key,
        translation_key=key,
        entity_registry_enabled_default=enabled,
        value_fn=value_fn,
        set_fn=lambda client, value: client.set_preferences({preference: int(value)}),
    )


# Ranges and stored values checked on real 4.5.2, 5.1.0 and 5.3.0; older
# generations are left out.
SETTINGS: tuple[QBittorrentSettingEntityDescription, ...] = (
    # qBittorrent stores any port unchecked; only these exist.
    QBittorrentSettingEntityDescription(
        key="listen_port",
        translation_key="listen_port",
        native_min_value=0,
        value_fn=lambda preferences: preferences.listen_port,
        set_fn=lambda client, value: client.set_preferences(
            {"listen_port": int(value)}
        ),
    ),
    _count(
        "max_active_downloads",
        "max_active_downloads",
        lambda preferences: preferences.max_active_downloads,
    ),
    _count(
        "max_active_uploads",
        "max_active_uploads",
        lambda preferences: preferences.max_active_uploads,
    ),
    _count(
        "max_active_torrents",
        "max_active_torrents",
        lambda preferences: preferences.max_active_torrents,
    ),
    # qBittorrent stores 0 connections or upload slots as -1 (unlimited).
    _count(
        "max_connections",
        "max_connec",
        lambda preferences: preferences.max_connections,
        enabled=False,
    ),
    _count(
        "max_connections_per_torrent",
        "max_connec_per_torrent",
        lambda preferences: preferences.max_connections_per_torrent,
        enabled=False,
    ),
    _count(
        "max_uploads",
        "max_uploads",
        lambda preferences: preferences.max_uploads,
        enabled=False,
    ),
    _count(
        "max_uploads_per_torrent",
        "max_uploads_per_torrent",
        lambda preferences: preferences.max_uploads_per_torrent,
        enabled=False,
    ),
    # qBittorrent's own settings dialog stops at 9998.
    QBittorrentSettingEntityDescription(
        key="share_ratio_limit",
        translation_key="share_ratio_limit",
        native_max_value=9998,
        native_step=0.01,
        value_fn=lambda preferences: preferences.share_ratio_limit,
        set_fn=lambda client, value: client.set_share_ratio_limit(value),
    ),
    # At most a year, as qBittorrent's settings dialog allows.
    QBittorrentSettingEntityDescription(
        key="seeding_time_limit",
        translation_key="seeding_time_limit",
        native_max_value=525600,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        value_fn=lambda preferences: preferences.seeding_time_limit,
        set_fn=lambda client, value: client.set_seeding_time_limit(int(value)),
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
    if runtime.server_info.generation is Generation.MODERN:
        entities.extend(
            QBittorrentSettingEntity(
                entry=entry,
                coordinator=runtime.preferences_coordinator,
                description=description,
            )
            for description in SETTINGS
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
        """Read the preferences when the first such entity appears."""
        await super().async_added_to_hass()
        await self.coordinator.async_read_once()

    async def async_set_native_value(self, value: float) -> None:
        """Change the limit, then read the preferences back."""
        await super().async_set_native_value(value)
        # Read back at once: the debounced refresh could lag by its cooldown.
        await self.coordinator.async_refresh()


class QBittorrentSettingEntity(QBittorrentPreferencesEntity, NumberEntity):
    """A server setting of qBittorrent's preferences."""

    entity_description: QBittorrentSettingEntityDescription

    @property
    def native_value(self) -> float | None:
        """Return the setting as last read."""
        return self.entity_description.value_fn(self.coordinator.data)

    async def async_set_native_value(self, value: float) -> None:
        """Change the setting, then read the preferences back."""
        await self.async_change(
            self.entity_description.set_fn(self.coordinator.client, value)
        )
