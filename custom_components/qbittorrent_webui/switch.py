"""Switches of the qBittorrent WebUI integration."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription

from .coordinator import QBittorrentConfigEntry, QBittorrentDataUpdateCoordinator
from .entity import QBittorrentEntity
from .helpers import async_run_action
from .webui import MainData, QBittorrentClient, ServerInfo, TorrentStatus

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
    set_fn: Callable[[QBittorrentClient, bool], Coroutine[Any, Any, None]]
    exists_fn: Callable[[ServerInfo], bool]


def all_stopped(data: MainData) -> bool:
    """Whether there are torrents and every one of them is stopped."""
    return bool(data.torrents) and all(
        torrent.status is TorrentStatus.STOPPED for torrent in data.torrents.values()
    )


async def _pause_all(client: QBittorrentClient, pause: bool) -> None:  # noqa: FBT001
    if pause:
        await client.pause_all()
    else:
        await client.resume_all()


SWITCHES: tuple[QBittorrentSwitchEntityDescription, ...] = (
    QBittorrentSwitchEntityDescription(
        key="alternative_speed_limits",
        translation_key="alternative_speed_limits",
        is_on_fn=lambda data: data.server_state.alternative_speed_limits_enabled,
        set_fn=lambda client, on: client.set_alternative_speed_limits_enabled(on),
        exists_fn=lambda info: (
            info.capabilities.alternative_speed_get
            and (
                info.capabilities.alternative_speed_set
                or info.capabilities.alternative_speed_toggle_only
            )
        ),
    ),
    QBittorrentSwitchEntityDescription(
        key="pause_all",
        translation_key="pause_all",
        is_on_fn=all_stopped,
        set_fn=_pause_all,
        exists_fn=lambda _info: True,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,  # noqa: ARG001
    entry: QBittorrentConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the switches the server's generation supports."""
    runtime = entry.runtime_data
    async_add_entities(
        QBittorrentSwitchEntity(
            entry=entry, coordinator=runtime.coordinator, description=description
        )
        for description in SWITCHES
        if description.exists_fn(runtime.server_info)
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
        await self._async_set(on=True)

    async def async_turn_off(self, **kwargs: Any) -> None:  # noqa: ARG002
        """Turn the switch off."""
        await self._async_set(on=False)

    async def _async_set(self, *, on: bool) -> None:
        await async_run_action(
            self.entry,
            self.entity_description.key,
            self.entity_description.set_fn(self.coordinator.client, on),
        )
