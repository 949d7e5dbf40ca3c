"""Base entity of the qBittorrent WebUI integration."""

from typing import TYPE_CHECKING, Any

from homeassistant.core import callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.update_coordinator import (
    CoordinatorEntity,
    DataUpdateCoordinator,
)

from .coordinator import (
    QBittorrentDataUpdateCoordinator,
    QBittorrentPreferencesCoordinator,
)
from .device import server_device_info

if TYPE_CHECKING:
    from collections.abc import Awaitable, Iterable

    from homeassistant.helpers.device_registry import DeviceInfo
    from homeassistant.helpers.entity import EntityDescription
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

    from .coordinator import QBittorrentConfigEntry
    from .qbittorrent_webui_client import Torrent


class QBittorrentEntity[CoordinatorT: DataUpdateCoordinator[Any]](
    CoordinatorEntity[CoordinatorT]
):
    """An entity of one qBittorrent server, on the server's service device."""

    _attr_has_entity_name = True
    # What the last state write showed; a poll that changes none of it writes
    # nothing (a poll of a large library changes a few entities at most).
    _written: tuple[Any, ...] | None = None

    def __init__(
        self,
        *,
        entry: QBittorrentConfigEntry,
        coordinator: CoordinatorT,
        description: EntityDescription,
    ) -> None:
        """Initialize the entity from its description."""
        super().__init__(coordinator)
        self.entry = entry
        self.entity_description = description
        self._attr_unique_id = f"{entry.unique_id}_{description.key}"
        self._attr_device_info = server_device_info(coordinator.hass, entry)
        # Only an entity the registry does not know yet gets the alias: the
        # user's aliases, or their removal of ours, are left alone.
        self._add_voice_alias = getattr(description, "voice_alias", False) and not any(
            registered.unique_id == self._attr_unique_id
            for registered in er.async_entries_for_config_entry(
                er.async_get(coordinator.hass), entry.entry_id
            )
        )

    async def async_added_to_hass(self) -> None:
        """Give a new entity its own name as an alias, for Assist."""
        await super().async_added_to_hass()
        if self._add_voice_alias:
            self._async_add_voice_alias()

    @callback
    def _async_add_voice_alias(self) -> None:
        """Let Assist know the entity without the device's name.

        Assist knows it as "qBittorrent Alternative speed limits" only; "turn on
        alternative speed limits" names it too with its own name as an alias.
        Deleted entities come back with their aliases: those stay.
        """
        entry = self.registry_entry
        if entry is None or not isinstance(name := self.name, str):
            return
        # Newer Home Assistant keeps the aliases in a list where COMPUTED_NAME
        # stands for the entity's full name; older, a set of the extra names.
        computed_name = getattr(er, "COMPUTED_NAME", None)
        aliases: Any
        if computed_name is None:
            if entry.aliases:
                return
            aliases = {name}
        else:
            if list(entry.aliases) not in ([], [computed_name]):
                return
            aliases = [computed_name, name]
        er.async_get(self.hass).async_update_entity(self.entity_id, aliases=aliases)

    def _shown(self) -> tuple[Any, ...]:
        """What a state write would show that can change from poll to poll."""
        if not self.available:
            return (False,)
        return (True, self.state, self.state_attributes, self.extra_state_attributes)

    @callback
    def _async_write_shown_state(self) -> None:
        """Write the state, remembering what it showed."""
        self._written = self._shown()
        self.async_write_ha_state()

    @callback
    def _handle_coordinator_update(self) -> None:
        """Write the state only when what the entity shows changed."""
        if self._shown() != self._written:
            self._async_write_shown_state()


class QBittorrentPreferencesEntity(
    QBittorrentEntity[QBittorrentPreferencesCoordinator]
):
    """An entity that shows a setting of qBittorrent's preferences."""

    async def async_added_to_hass(self) -> None:
        """Read the preferences when the first such entity appears."""
        await super().async_added_to_hass()
        await self.coordinator.async_read_once()

    async def async_change(self, request: Awaitable[None]) -> None:
        """Send a change, then read the preferences back.

        Through the torrent coordinator, like every action (translated errors,
        reauth); read back at once, where the debounced refresh could lag.
        """
        await self.entry.runtime_data.coordinator.async_run_action(
            self.entity_description.key, request
        )
        await self.coordinator.async_refresh()


class QBittorrentTorrentEntity(QBittorrentEntity[QBittorrentDataUpdateCoordinator]):
    """An entity of one torrent, on that torrent's device (see torrent_devices)."""

    def __init__(
        self,
        *,
        entry: QBittorrentConfigEntry,
        coordinator: QBittorrentDataUpdateCoordinator,
        description: EntityDescription,
        torrent: Torrent,
        device_info: DeviceInfo,
    ) -> None:
        """Initialize the entity of ``torrent`` from its description."""
        super().__init__(entry=entry, coordinator=coordinator, description=description)
        self.torrent_hash = torrent.hash
        self._attr_unique_id = f"{entry.unique_id}_{torrent.hash}_{description.key}"
        self._attr_device_info = device_info
        # Availability and the torrent object at the last poll's look.
        self._seen: tuple[bool, Torrent | None] = (False, None)

    @callback
    def _handle_coordinator_update(self) -> None:
        """Look at the torrent only when the poll changed it.

        The sync engine keeps an unchanged torrent's object, so with a few of
        many torrents changed most polls end at the identity check.
        """
        seen = (
            self.coordinator.last_update_success,
            self.coordinator.data.torrents.get(self.torrent_hash),
        )
        if seen[0] == self._seen[0] and seen[1] is self._seen[1]:
            return
        self._seen = seen
        super()._handle_coordinator_update()

    @property
    def torrent(self) -> Torrent:
        """The torrent as last read.

        Read only while available (Home Assistant reads no state otherwise),
        so the torrent is there.
        """
        return self.coordinator.data.torrents[self.torrent_hash]

    @property
    def available(self) -> bool:
        """Available while the server is read and still lists the torrent."""
        return super().available and self.torrent_hash in self.coordinator.data.torrents


@callback
def async_add_torrent_entities(
    entry: QBittorrentConfigEntry,
    entity_class: type[QBittorrentTorrentEntity],
    descriptions: Iterable[EntityDescription],
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Give each torrent device (while the option is on) an entity per description."""
    if (torrent_devices := entry.runtime_data.torrent_devices) is None:
        return
    coordinator = entry.runtime_data.coordinator
    descriptions = list(descriptions)
    torrent_devices.async_add_platform(
        lambda torrent, device_info: (
            entity_class(
                entry=entry,
                coordinator=coordinator,
                description=description,
                torrent=torrent,
                device_info=device_info,
            )
            for description in descriptions
        ),
        async_add_entities,
    )
