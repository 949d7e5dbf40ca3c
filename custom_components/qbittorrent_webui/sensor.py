"""Sensors of the qBittorrent WebUI integration."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import (
    PERCENTAGE,
    EntityCategory,
    UnitOfDataRate,
    UnitOfInformation,
    UnitOfTime,
)
from homeassistant.util import dt as dt_util

from .const import STATUS_DOWNLOADING, STATUS_IDLE, STATUS_SEEDING, STATUS_UP_DOWN
from .coordinator import QBittorrentConfigEntry, QBittorrentDataUpdateCoordinator
from .entity import (
    QBittorrentEntity,
    QBittorrentTorrentEntity,
    async_add_torrent_entities,
)
from .qbittorrent_webui_client import (
    ConnectionStatus,
    MainData,
    ServerInfo,
    StatusGroup,
    Torrent,
    TorrentStatus,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from homeassistant.core import HomeAssistant
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
    from homeassistant.helpers.typing import StateType

# Read-only: the coordinator makes the only request.
PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class QBittorrentSensorEntityDescription(SensorEntityDescription):
    """Describes a qBittorrent sensor."""

    value_fn: Callable[[MainData], StateType | datetime]
    exists_fn: Callable[[MainData, ServerInfo], bool] = lambda _data, _info: True
    voice_alias: bool = False
    """Known to Assist by its own name too (see QBittorrentEntity)."""


@dataclass(frozen=True, kw_only=True)
class QBittorrentTorrentSensorEntityDescription(SensorEntityDescription):
    """Describes a sensor of one torrent's device."""

    value_fn: Callable[[Torrent], StateType]


def transfer_status(data: MainData) -> str | None:
    """Summarize the global transfer as idle, downloading, seeding or both."""
    state = data.server_state
    if state.download_speed is None or state.upload_speed is None:
        return None
    if state.download_speed and state.upload_speed:
        return STATUS_UP_DOWN
    if state.download_speed:
        return STATUS_DOWNLOADING
    if state.upload_speed:
        return STATUS_SEEDING
    return STATUS_IDLE


def next_finish(data: MainData) -> datetime | None:
    """When the first downloading torrent should complete, to the minute.

    Whole minutes keep the state from changing with every poll's ETA jitter.
    """
    seconds = data.summary.soonest_finish
    if seconds is None:
        return None
    finish = dt_util.utcnow() + timedelta(seconds=seconds, minutes=0.5)
    return finish.replace(second=0, microsecond=0)


def _rate(
    key: str,
    value_fn: Callable[[MainData], int | None],
    *,
    translation_key: str | None = None,
    diagnostic: bool = False,
    voice_alias: bool = False,
) -> QBittorrentSensorEntityDescription:
    """Describe a speed or limit in B/s, present only where reported.

    Diagnostic ones start disabled.
    """
    return QBittorrentSensorEntityDescription(
        key=key,
        translation_key=translation_key or key,
        device_class=SensorDeviceClass.DATA_RATE,
        state_class=SensorStateClass.MEASUREMENT,
        native_unit_of_measurement=UnitOfDataRate.BYTES_PER_SECOND,
        suggested_unit_of_measurement=UnitOfDataRate.MEBIBYTES_PER_SECOND,
        suggested_display_precision=2,
        entity_category=EntityCategory.DIAGNOSTIC if diagnostic else None,
        entity_registry_enabled_default=not diagnostic,
        value_fn=value_fn,
        exists_fn=lambda data, _info: value_fn(data) is not None,
        voice_alias=voice_alias,
    )


def _amount(
    key: str,
    value_fn: Callable[[MainData], int | None],
    *,
    unit: UnitOfInformation = UnitOfInformation.GIBIBYTES,
    state_class: SensorStateClass = SensorStateClass.TOTAL_INCREASING,
    entity_category: EntityCategory | None = None,
) -> QBittorrentSensorEntityDescription:
    """Describe an amount of data in bytes, present only where reported.

    Shown in ``unit``: whole MiB, or GiB to two decimals.
    """
    return QBittorrentSensorEntityDescription(
        key=key,
        translation_key=key,
        device_class=SensorDeviceClass.DATA_SIZE,
        state_class=state_class,
        native_unit_of_measurement=UnitOfInformation.BYTES,
        suggested_unit_of_measurement=unit,
        suggested_display_precision=0 if unit is UnitOfInformation.MEBIBYTES else 2,
        entity_category=entity_category,
        value_fn=value_fn,
        exists_fn=lambda data, _info: value_fn(data) is not None,
    )


def _count(
    key: str,
    value_fn: Callable[[MainData], int],
    *,
    enabled: bool = True,
    voice_alias: bool = False,
) -> QBittorrentSensorEntityDescription:
    return QBittorrentSensorEntityDescription(
        key=f"torrents_{key}",
        translation_key=f"torrents_{key}",
        state_class=SensorStateClass.MEASUREMENT,
        entity_registry_enabled_default=enabled,
        value_fn=value_fn,
        voice_alias=voice_alias,
    )


def _count_group(
    group: StatusGroup, *, enabled: bool = True, voice_alias: bool = False
) -> QBittorrentSensorEntityDescription:
    """Count the torrents of a status group (from the summary: no iteration)."""
    return _count(
        group,
        lambda data: data.summary.count(*group.statuses),
        enabled=enabled,
        voice_alias=voice_alias,
    )


SENSORS: tuple[QBittorrentSensorEntityDescription, ...] = (
    # What Assist is asked most ("what is the download speed"): by own name too.
    _rate(
        "download_speed",
        lambda data: data.server_state.download_speed,
        voice_alias=True,
    ),
    _rate(
        "upload_speed", lambda data: data.server_state.upload_speed, voice_alias=True
    ),
    # A session often moves less than a GiB: "80 MiB", not "0.08 GiB".
    _amount(
        "session_downloaded",
        lambda data: data.server_state.session_downloaded,
        unit=UnitOfInformation.MEBIBYTES,
    ),
    _amount(
        "session_uploaded",
        lambda data: data.server_state.session_uploaded,
        unit=UnitOfInformation.MEBIBYTES,
    ),
    _amount("alltime_downloaded", lambda data: data.server_state.alltime_downloaded),
    _amount("alltime_uploaded", lambda data: data.server_state.alltime_uploaded),
    QBittorrentSensorEntityDescription(
        key="global_ratio",
        translation_key="global_ratio",
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=2,
        value_fn=lambda data: data.server_state.global_ratio,
        # "-" (no ratio yet) reads as None, so the server's kind decides.
        exists_fn=lambda data, info: (
            info.reports_global_ratio or data.server_state.global_ratio is not None
        ),
    ),
    # The limit in force (the alternative one while that mode is on); the
    # numbers that set it are named apart.
    _rate(
        "download_limit",
        lambda data: data.server_state.download_rate_limit,
        translation_key="current_download_limit",
        diagnostic=True,
    ),
    _rate(
        "upload_limit",
        lambda data: data.server_state.upload_rate_limit,
        translation_key="current_upload_limit",
        diagnostic=True,
    ),
    QBittorrentSensorEntityDescription(
        key="connection_status",
        translation_key="connection_status",
        device_class=SensorDeviceClass.ENUM,
        options=[status.value for status in ConnectionStatus],
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda data: (
            status.value
            if (status := data.server_state.connection_status) is not None
            else None
        ),
        exists_fn=lambda data, _info: data.server_state.connection_status is not None,
    ),
    QBittorrentSensorEntityDescription(
        key="dht_nodes",
        translation_key="dht_nodes",
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
        entity_registry_enabled_default=False,
        value_fn=lambda data: data.server_state.dht_nodes,
        exists_fn=lambda data, _info: data.server_state.dht_nodes is not None,
    ),
    _amount(
        "free_disk_space",
        lambda data: data.server_state.free_space_on_disk,
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
    ),
    QBittorrentSensorEntityDescription(
        key="status",
        translation_key="status",
        device_class=SensorDeviceClass.ENUM,
        options=[STATUS_IDLE, STATUS_DOWNLOADING, STATUS_SEEDING, STATUS_UP_DOWN],
        value_fn=transfer_status,
    ),
    _count("total", lambda data: data.summary.total, voice_alias=True),
    _count_group(StatusGroup.DOWNLOADING, voice_alias=True),
    _count_group(StatusGroup.SEEDING),
    _count_group(StatusGroup.STOPPED),
    _count("active", lambda data: data.summary.active),
    _count("inactive", lambda data: data.summary.inactive, enabled=False),
    _count_group(StatusGroup.CHECKING, enabled=False),
    _count_group(StatusGroup.QUEUED, enabled=False),
    _count_group(StatusGroup.ERRORED),
    _count_group(StatusGroup.MOVING, enabled=False),
    QBittorrentSensorEntityDescription(
        key="peer_connections",
        translation_key="peer_connections",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda data: data.server_state.peer_connections,
        exists_fn=lambda data, _info: data.server_state.peer_connections is not None,
    ),
    QBittorrentSensorEntityDescription(
        key="next_finish",
        translation_key="next_finish",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=next_finish,
    ),
    QBittorrentSensorEntityDescription(
        key="categories",
        translation_key="categories",
        state_class=SensorStateClass.MEASUREMENT,
        entity_registry_enabled_default=False,
        value_fn=lambda data: len(data.categories),
        exists_fn=lambda _data, info: info.capabilities.categories,
    ),
    QBittorrentSensorEntityDescription(
        key="tags",
        translation_key="tags",
        state_class=SensorStateClass.MEASUREMENT,
        entity_registry_enabled_default=False,
        value_fn=lambda data: len(data.tags),
        exists_fn=lambda _data, info: info.capabilities.tags,
    ),
)


def _torrent_rate(
    key: str, value_fn: Callable[[Torrent], int | None]
) -> QBittorrentTorrentSensorEntityDescription:
    return QBittorrentTorrentSensorEntityDescription(
        key=key,
        translation_key=f"torrent_{key}",
        device_class=SensorDeviceClass.DATA_RATE,
        state_class=SensorStateClass.MEASUREMENT,
        native_unit_of_measurement=UnitOfDataRate.BYTES_PER_SECOND,
        suggested_unit_of_measurement=UnitOfDataRate.KIBIBYTES_PER_SECOND,
        suggested_display_precision=0,
        value_fn=value_fn,
    )


TORRENT_SENSORS: tuple[QBittorrentTorrentSensorEntityDescription, ...] = (
    QBittorrentTorrentSensorEntityDescription(
        key="progress",
        translation_key="torrent_progress",
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=1,
        value_fn=lambda torrent: (
            None if torrent.progress is None else round(torrent.progress * 100, 1)
        ),
    ),
    QBittorrentTorrentSensorEntityDescription(
        key="state",
        translation_key="torrent_state",
        device_class=SensorDeviceClass.ENUM,
        options=[status.value for status in TorrentStatus],
        value_fn=lambda torrent: torrent.status.value,
    ),
    _torrent_rate("download_speed", lambda torrent: torrent.download_speed),
    _torrent_rate("upload_speed", lambda torrent: torrent.upload_speed),
    QBittorrentTorrentSensorEntityDescription(
        key="eta",
        translation_key="torrent_eta",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.SECONDS,
        value_fn=lambda torrent: torrent.eta,
    ),
    QBittorrentTorrentSensorEntityDescription(
        key="ratio",
        translation_key="torrent_ratio",
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=2,
        value_fn=lambda torrent: torrent.ratio,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,  # noqa: ARG001
    entry: QBittorrentConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the sensors the server's generation reports."""
    coordinator = entry.runtime_data.coordinator
    async_add_entities(
        QBittorrentSensorEntity(
            entry=entry, coordinator=coordinator, description=description
        )
        for description in SENSORS
        if description.exists_fn(coordinator.data, entry.runtime_data.server_info)
    )
    async_add_torrent_entities(
        entry, QBittorrentTorrentSensorEntity, TORRENT_SENSORS, async_add_entities
    )


class QBittorrentSensorEntity(
    QBittorrentEntity[QBittorrentDataUpdateCoordinator], SensorEntity
):
    """A sensor computed from the server's main data."""

    entity_description: QBittorrentSensorEntityDescription

    @property
    def native_value(self) -> StateType | datetime:
        """Return the sensor's value."""
        return self.entity_description.value_fn(self.coordinator.data)


class QBittorrentTorrentSensorEntity(QBittorrentTorrentEntity, SensorEntity):
    """A sensor of one torrent."""

    entity_description: QBittorrentTorrentSensorEntityDescription

    @property
    def native_value(self) -> StateType:
        """Return the torrent's value."""
        return self.entity_description.value_fn(self.torrent)
