"""Buttons of the qBittorrent WebUI integration: commands to the server or a torrent."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.const import EntityCategory

from .coordinator import QBittorrentConfigEntry, QBittorrentDataUpdateCoordinator
from .entity import (
    QBittorrentEntity,
    QBittorrentTorrentEntity,
    async_add_torrent_entities,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine

    from homeassistant.core import HomeAssistant
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

    from .qbittorrent_webui_client import QBittorrentClient, ServerInfo

# One command at a time per server keeps qBittorrent's answers in order.
PARALLEL_UPDATES = 1


@dataclass(frozen=True, kw_only=True)
class QBittorrentButtonEntityDescription(ButtonEntityDescription):
    """Describes a qBittorrent button."""

    press_fn: Callable[[QBittorrentClient], Coroutine[Any, Any, None]]
    exists_fn: Callable[[ServerInfo], bool] = lambda _info: True


@dataclass(frozen=True, kw_only=True)
class QBittorrentTorrentButtonEntityDescription(ButtonEntityDescription):
    """Describes a button of one torrent's device."""

    press_fn: Callable[[QBittorrentClient, str], Coroutine[Any, Any, None]]
    exists_fn: Callable[[ServerInfo], bool] = lambda _info: True


BUTTONS: tuple[QBittorrentButtonEntityDescription, ...] = (
    QBittorrentButtonEntityDescription(
        key="pause_all",
        translation_key="pause_all",
        press_fn=lambda client: client.pause_all(),
    ),
    QBittorrentButtonEntityDescription(
        key="resume_all",
        translation_key="resume_all",
        press_fn=lambda client: client.resume_all(),
    ),
    QBittorrentButtonEntityDescription(
        key="reannounce_all",
        translation_key="reannounce_all",
        press_fn=lambda client: client.reannounce_all(),
        exists_fn=lambda info: info.capabilities.reannounce,
    ),
    # Quitting qBittorrent cannot be undone from Home Assistant: opt in.
    QBittorrentButtonEntityDescription(
        key="shutdown",
        translation_key="shutdown",
        entity_category=EntityCategory.CONFIG,
        entity_registry_enabled_default=False,
        press_fn=lambda client: client.shutdown(),
        exists_fn=lambda info: info.capabilities.shutdown,
    ),
)


TORRENT_BUTTONS: tuple[QBittorrentTorrentButtonEntityDescription, ...] = (
    QBittorrentTorrentButtonEntityDescription(
        key="recheck",
        translation_key="torrent_recheck",
        press_fn=lambda client, torrent_hash: client.recheck_torrents([torrent_hash]),
    ),
    QBittorrentTorrentButtonEntityDescription(
        key="reannounce",
        translation_key="torrent_reannounce",
        press_fn=lambda client, torrent_hash: client.reannounce_torrents(
            [torrent_hash]
        ),
        exists_fn=lambda info: info.capabilities.reannounce,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,  # noqa: ARG001
    entry: QBittorrentConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the buttons the server's generation supports."""
    runtime = entry.runtime_data
    async_add_entities(
        QBittorrentButtonEntity(
            entry=entry, coordinator=runtime.coordinator, description=description
        )
        for description in BUTTONS
        if description.exists_fn(runtime.server_info)
    )
    async_add_torrent_entities(
        entry,
        QBittorrentTorrentButtonEntity,
        (
            description
            for description in TORRENT_BUTTONS
            if description.exists_fn(runtime.server_info)
        ),
        async_add_entities,
    )


class QBittorrentButtonEntity(
    QBittorrentEntity[QBittorrentDataUpdateCoordinator], ButtonEntity
):
    """A command to every torrent of the server."""

    entity_description: QBittorrentButtonEntityDescription

    async def async_press(self) -> None:
        """Send the command."""
        await self.coordinator.async_run_action(
            self.entity_description.key,
            self.entity_description.press_fn(self.coordinator.client),
        )


class QBittorrentTorrentButtonEntity(QBittorrentTorrentEntity, ButtonEntity):
    """A command to one torrent."""

    entity_description: QBittorrentTorrentButtonEntityDescription

    async def async_press(self) -> None:
        """Send the command."""
        await self.coordinator.async_run_action(
            self.entity_description.key,
            self.entity_description.press_fn(
                self.coordinator.client, self.torrent_hash
            ),
        )
