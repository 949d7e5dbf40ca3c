"""Switches of the qBittorrent WebUI integration."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription
from homeassistant.const import EntityCategory, Platform
from homeassistant.helpers import entity_registry as er

from .const import DOMAIN
from .coordinator import QBittorrentConfigEntry, QBittorrentDataUpdateCoordinator
from .entity import (
    QBittorrentEntity,
    QBittorrentPreferencesEntity,
    QBittorrentTorrentEntity,
    async_add_torrent_entities,
)
from .qbittorrent_webui_client import (
    Generation,
    MainData,
    Preferences,
    QBittorrentClient,
    ServerInfo,
    StatusGroup,
    Torrent,
    TorrentStatus,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine

    from homeassistant.core import HomeAssistant
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

# One command at a time per server keeps qBittorrent's answers in order.
PARALLEL_UPDATES = 1


@dataclass(frozen=True, kw_only=True)
class QBittorrentSwitchEntityDescription(SwitchEntityDescription):
    """Describes a qBittorrent switch."""

    is_on_fn: Callable[[MainData], bool | None]
    turn_on_fn: Callable[[QBittorrentClient], Coroutine[Any, Any, None]]
    turn_off_fn: Callable[[QBittorrentClient], Coroutine[Any, Any, None]]
    exists_fn: Callable[[ServerInfo, MainData], bool]
    voice_alias: bool = False
    """Known to Assist by its own name too (see QBittorrentEntity)."""


@dataclass(frozen=True, kw_only=True)
class QBittorrentPreferenceSwitchEntityDescription(SwitchEntityDescription):
    """Describes a switch over a boolean of qBittorrent's preferences."""

    entity_category: EntityCategory = EntityCategory.CONFIG
    preference: str
    is_on_fn: Callable[[Preferences], bool | None]


@dataclass(frozen=True, kw_only=True)
class QBittorrentTorrentSwitchEntityDescription(SwitchEntityDescription):
    """Describes a switch of one torrent's device."""

    is_on_fn: Callable[[Torrent], bool | None]
    turn_on_fn: Callable[[QBittorrentClient, str], Coroutine[Any, Any, None]]
    turn_off_fn: Callable[[QBittorrentClient, str], Coroutine[Any, Any, None]]


def any_running(data: MainData) -> bool:
    """Whether any torrent is not stopped (downloading, seeding, queued...)."""
    summary = data.summary
    return summary.count(*StatusGroup.STOPPED.statuses) < summary.total


SWITCHES: tuple[QBittorrentSwitchEntityDescription, ...] = (
    QBittorrentSwitchEntityDescription(
        key="alternative_speed_limits",
        translation_key="alternative_speed_limits",
        voice_alias=True,
        is_on_fn=lambda data: data.server_state.alternative_speed_limits_enabled,
        turn_on_fn=lambda client: client.set_alternative_speed_limits_enabled(
            enabled=True
        ),
        turn_off_fn=lambda client: client.set_alternative_speed_limits_enabled(
            enabled=False
        ),
        exists_fn=lambda info, _data: (
            info.capabilities.alternative_speed_get
            and (
                info.capabilities.alternative_speed_set
                or info.capabilities.alternative_speed_toggle_only
            )
        ),
    ),
    # On while something runs, so it reads without a double negative, and
    # "turn off qBittorrent torrents" stops everything by voice (English
    # Assist has no sentence that presses a button).
    QBittorrentSwitchEntityDescription(
        key="torrents",
        translation_key="torrents",
        voice_alias=True,
        is_on_fn=any_running,
        turn_on_fn=lambda client: client.resume_all(),
        turn_off_fn=lambda client: client.pause_all(),
        exists_fn=lambda _info, _data: True,
    ),
    # 5.3.0 pauses the whole session and keeps each torrent's state, so
    # turning it back on resumes exactly what ran.
    QBittorrentSwitchEntityDescription(
        key="session",
        translation_key="session",
        voice_alias=True,
        is_on_fn=lambda data: (
            None if (paused := data.server_state.session_paused) is None else not paused
        ),
        turn_on_fn=lambda client: client.resume_session(),
        turn_off_fn=lambda client: client.pause_session(),
        exists_fn=lambda info, data: (
            info.capabilities.session_pause
            and data.server_state.session_paused is not None
        ),
    ),
    # Maindata reports it, so it needs no preferences request.
    QBittorrentSwitchEntityDescription(
        key="queueing",
        translation_key="queueing",
        entity_category=EntityCategory.CONFIG,
        is_on_fn=lambda data: data.server_state.queueing,
        turn_on_fn=lambda client: client.set_preferences({"queueing_enabled": True}),
        turn_off_fn=lambda client: client.set_preferences({"queueing_enabled": False}),
        exists_fn=lambda _info, data: data.server_state.queueing is not None,
    ),
)

# Checked on real 4.5.2, 5.1.0 and 5.3.0; older generations are left out.
PREFERENCE_SWITCHES: tuple[QBittorrentPreferenceSwitchEntityDescription, ...] = (
    QBittorrentPreferenceSwitchEntityDescription(
        key="dht",
        translation_key="dht",
        preference="dht",
        is_on_fn=lambda preferences: preferences.dht,
    ),
    QBittorrentPreferenceSwitchEntityDescription(
        key="pex",
        translation_key="pex",
        entity_registry_enabled_default=False,
        preference="pex",
        is_on_fn=lambda preferences: preferences.pex,
    ),
    QBittorrentPreferenceSwitchEntityDescription(
        key="lsd",
        translation_key="lsd",
        entity_registry_enabled_default=False,
        preference="lsd",
        is_on_fn=lambda preferences: preferences.lsd,
    ),
)

# On while the torrent runs (downloading, seeding, queued...), off while it is
# paused (stopped from qBittorrent 5.0 on).
TORRENT_SWITCHES: tuple[QBittorrentTorrentSwitchEntityDescription, ...] = (
    QBittorrentTorrentSwitchEntityDescription(
        key="run",
        translation_key="torrent_run",
        is_on_fn=lambda torrent: torrent.status is not TorrentStatus.STOPPED,
        turn_on_fn=lambda client, torrent_hash: client.resume_torrents([torrent_hash]),
        turn_off_fn=lambda client, torrent_hash: client.pause_torrents([torrent_hash]),
    ),
)

# "Pause all" was a switch that was on while everything was stopped; the
# switch above replaces it with the opposite meaning, under a new unique id.
REPLACED_KEYS = ("pause_all",)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: QBittorrentConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the switches the server's generation supports."""
    runtime = entry.runtime_data
    registry = er.async_get(hass)
    for key in REPLACED_KEYS:
        if entity_id := registry.async_get_entity_id(
            Platform.SWITCH, DOMAIN, f"{entry.unique_id}_{key}"
        ):
            registry.async_remove(entity_id)
    entities: list[SwitchEntity] = [
        QBittorrentSwitchEntity(
            entry=entry, coordinator=runtime.coordinator, description=description
        )
        for description in SWITCHES
        if description.exists_fn(runtime.server_info, runtime.coordinator.data)
    ]
    if runtime.server_info.generation is Generation.MODERN:
        entities.extend(
            QBittorrentPreferenceSwitchEntity(
                entry=entry,
                coordinator=runtime.preferences_coordinator,
                description=description,
            )
            for description in PREFERENCE_SWITCHES
        )
    async_add_entities(entities)
    async_add_torrent_entities(
        entry, QBittorrentTorrentSwitchEntity, TORRENT_SWITCHES, async_add_entities
    )


class QBittorrentSwitchEntity(
    QBittorrentEntity[QBittorrentDataUpdateCoordinator], SwitchEntity
):
    """A switch over a global qBittorrent setting."""

    entity_description: QBittorrentSwitchEntityDescription

    @property
    def is_on(self) -> bool | None:
        """Return the switch state as qBittorrent reports it."""
        return self.entity_description.is_on_fn(self.coordinator.data)

    async def async_turn_on(self, **kwargs: Any) -> None:  # noqa: ARG002
        """Turn the switch on."""
        await self._async_run(self.entity_description.turn_on_fn)

    async def async_turn_off(self, **kwargs: Any) -> None:  # noqa: ARG002
        """Turn the switch off."""
        await self._async_run(self.entity_description.turn_off_fn)

    async def _async_run(
        self, request: Callable[[QBittorrentClient], Coroutine[Any, Any, None]]
    ) -> None:
        await self.coordinator.async_run_action(
            self.entity_description.key, request(self.coordinator.client)
        )


class QBittorrentPreferenceSwitchEntity(QBittorrentPreferencesEntity, SwitchEntity):
    """A switch over a boolean of qBittorrent's preferences."""

    entity_description: QBittorrentPreferenceSwitchEntityDescription

    @property
    def is_on(self) -> bool | None:
        """Return the preference as last read."""
        return self.entity_description.is_on_fn(self.coordinator.data)

    async def async_turn_on(self, **kwargs: Any) -> None:  # noqa: ARG002
        """Turn the preference on."""
        await self._async_set(enabled=True)

    async def async_turn_off(self, **kwargs: Any) -> None:  # noqa: ARG002
        """Turn the preference off."""
        await self._async_set(enabled=False)

    async def _async_set(self, *, enabled: bool) -> None:
        await self.async_change(
            self.coordinator.client.set_preferences(
                {self.entity_description.preference: enabled}
            )
        )


class QBittorrentTorrentSwitchEntity(QBittorrentTorrentEntity, SwitchEntity):
    """A switch of one torrent."""

    entity_description: QBittorrentTorrentSwitchEntityDescription

    @property
    def is_on(self) -> bool | None:
        """Return the switch state as qBittorrent reports the torrent."""
        return self.entity_description.is_on_fn(self.torrent)

    async def async_turn_on(self, **kwargs: Any) -> None:  # noqa: ARG002
        """Turn the switch on."""
        await self._async_run(self.entity_description.turn_on_fn)

    async def async_turn_off(self, **kwargs: Any) -> None:  # noqa: ARG002
        """Turn the switch off."""
        await self._async_run(self.entity_description.turn_off_fn)

    async def _async_run(
        self,
        request: Callable[[QBittorrentClient, str], Coroutine[Any, Any, None]],
    ) -> None:
        await self.coordinator.async_run_action(
            self.entity_description.key,
            request(self.coordinator.client, self.torrent_hash),
        )
