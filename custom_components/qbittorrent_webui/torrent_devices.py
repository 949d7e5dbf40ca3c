"""Devices for single torrents (opt-in): which torrents get one, kept per poll.

The option picks the torrents by a filter (all, active, a category or a tag)
and caps their number; past the cap the most recently added ones win, the
hash breaking ties, so the choice does not depend on the server's order.

A poll costs what it changed, not the size of the library: the sync engine
names the torrents each poll added, updated or removed, and only those are
judged again. The manager keeps the torrents that pass the filter (the
candidates) and the chosen ones; a torrent taking a free place or displacing
the least recent chosen one costs one pass over the chosen ones (the cap). Only
when a chosen torrent leaves while others wait are the waiting candidates
ranked again, and a full update (a new session) judges every torrent once.

The platforms hand in how to build a torrent's entities; the manager adds them
for each newly chosen torrent and removes the devices (and with them their
entities) of torrents no longer chosen. At setup the devices left over from
before (the torrent gone, the option off, another filter) are removed too.
"""

from dataclasses import dataclass
import heapq
from typing import TYPE_CHECKING, Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr

from .const import (
    CONF_TORRENT_DEVICES,
    CONF_TORRENT_FILTER,
    CONF_TORRENT_FILTER_VALUE,
    CONF_TORRENT_LIMIT,
    DEFAULT_TORRENT_DEVICES,
    DEFAULT_TORRENT_FILTER,
    DEFAULT_TORRENT_LIMIT,
    DOMAIN,
    TORRENT_FILTER_ACTIVE,
    TORRENT_FILTER_ALL,
    TORRENT_FILTER_CATEGORY,
)
from .device import server_device_info, torrent_device_info

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Mapping

    from homeassistant.helpers.device_registry import DeviceInfo
    from homeassistant.helpers.entity import Entity
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

    from .coordinator import QBittorrentConfigEntry
    from .qbittorrent_webui_client import SyncResult, Torrent

    type EntityFactory = Callable[[Torrent, DeviceInfo], Iterable[Entity]]

# Torrents whose server gives no time of addition rank as the oldest.
_UNKNOWN_ADDITION = float("-inf")


@dataclass(frozen=True, kw_only=True)
class TorrentSelection:
    """Which torrents get a device: the filter and the cap from the options."""

    filter: str
    value: str
    limit: int

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> TorrentSelection | None:
        """The options' selection, or ``None`` while the option is off."""
        if not options.get(CONF_TORRENT_DEVICES, DEFAULT_TORRENT_DEVICES):
            return None
        return cls(
            filter=options.get(CONF_TORRENT_FILTER, DEFAULT_TORRENT_FILTER),
            value=options.get(CONF_TORRENT_FILTER_VALUE, "").strip(),
            limit=int(options.get(CONF_TORRENT_LIMIT, DEFAULT_TORRENT_LIMIT)),
        )

    def matches(self, torrent: Torrent) -> bool:
        """Whether ``torrent`` passes the filter."""
        if self.filter == TORRENT_FILTER_ALL:
            return True
        if self.filter == TORRENT_FILTER_ACTIVE:
            return torrent.is_active
        if self.filter == TORRENT_FILTER_CATEGORY:
            return torrent.category == self.value
        return self.value in torrent.tags


def _rank(torrent: Torrent) -> tuple[float, str]:
    """Most recently added first; the hash makes the order total.

    The hash comes last, so the least of the ranks names its torrent.
    """
    added = torrent.added_on
    return (added.timestamp() if added else _UNKNOWN_ADDITION, torrent.hash)


@callback
def async_remove_stale_torrent_devices(
    hass: HomeAssistant, entry: QBittorrentConfigEntry, keep: Collection[str]
) -> None:
    """Remove the entry's torrent devices whose torrent is not in ``keep``.

    Taking the entry off a device removes the entry's entities on it, and the
    device itself when no other entry holds it.
    """
    registry = dr.async_get(hass)
    prefix = f"{entry.unique_id}_"
    for device in dr.async_entries_for_config_entry(registry, entry.entry_id):
        for domain, identifier in device.identifiers:
            if (
                domain == DOMAIN
                and identifier.startswith(prefix)
                and identifier.removeprefix(prefix) not in keep
            ):
                registry.async_update_device(
                    device.id, remove_config_entry_id=entry.entry_id
                )
                break


class TorrentDeviceManager:
    """Chooses the torrents that get a device and keeps their devices."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: QBittorrentConfigEntry,
        selection: TorrentSelection,
    ) -> None:
        """Prepare the manager; :meth:`async_start` makes the first choice."""
        self._hass = hass
        self._entry = entry
        self._selection = selection
        self._coordinator = entry.runtime_data.coordinator
        # The torrents that pass the filter, each with its rank.
        self._candidates: dict[str, tuple[float, str]] = {}
        self._chosen: set[str] = set()
        self._platforms: list[tuple[EntityFactory, AddConfigEntryEntitiesCallback]] = []
        # What the syncs since the last look at the data changed.
        self._touched: set[str] = set()
        self._full = False
        self._server_device_id = ""

    @callback
    def async_start(self) -> None:
        """Choose from the first poll's data and follow the later polls.

        Called before the platforms are set up, so the manager sees each poll
        before the entities do.
        The server's device is registered first: the torrents' devices name
        it as their parent by its id.
        """
        self._server_device_id = (
            dr.async_get(self._hass)
            .async_get_or_create(
                config_entry_id=self._entry.entry_id,
                **server_device_info(self._hass, self._entry),
            )
            .id
        )
        self._choose_all(self._coordinator.data.torrents)
        async_remove_stale_torrent_devices(self._hass, self._entry, self._chosen)
        self._entry.async_on_unload(
            self._coordinator.async_add_sync_listener(self._async_synced)
        )
        self._entry.async_on_unload(
            self._coordinator.async_add_listener(self._async_polled)
        )

    @callback
    def async_add_platform(
        self, factory: EntityFactory, add_entities: AddConfigEntryEntitiesCallback
    ) -> None:
        """Build a platform's entities for each chosen torrent, now and later."""
        self._platforms.append((factory, add_entities))
        self._add_entities(self._chosen, [(factory, add_entities)])

    @callback
    def _async_synced(self, result: SyncResult) -> None:
        """Note what a sync changed; it is judged once the data is published."""
        if result.full_update:
            # Every torrent is judged again: what it names says nothing.
            self._full = True
        for torrents in (result.added, result.updated, result.removed):
            self._touched.update(torrent.hash for torrent in torrents)

    @callback
    def _async_polled(self) -> None:
        """Judge the changed torrents again; add and remove devices to match."""
        if not self._full and not self._touched:
            return
        torrents = self._coordinator.data.torrents
        before = set(self._chosen)
        if self._full:
            self._choose_all(torrents)
        else:
            self._choose_again(torrents, self._touched)
        self._full = False
        self._touched.clear()
        if before - self._chosen:
            async_remove_stale_torrent_devices(self._hass, self._entry, self._chosen)
        if new := self._chosen - before:
            self._add_entities(new, self._platforms)

    def _add_entities(
        self,
        hashes: Iterable[str],
        platforms: Iterable[tuple[EntityFactory, AddConfigEntryEntitiesCallback]],
    ) -> None:
        torrents = self._coordinator.data.torrents
        chosen = [torrents[torrent_hash] for torrent_hash in sorted(hashes)]
        for factory, add_entities in platforms:
            add_entities(
                [
                    entity
                    for torrent in chosen
                    for entity in factory(
                        torrent,
                        torrent_device_info(
                            self._entry, torrent, self._server_device_id
                        ),
                    )
                ]
            )

    def _choose_all(self, torrents: Mapping[str, Torrent]) -> None:
        """Judge every torrent (at setup and after a full update)."""
        matches = self._selection.matches
        self._candidates = {
            torrent_hash: _rank(torrent)
            for torrent_hash, torrent in torrents.items()
            if matches(torrent)
        }
        self._chosen = set(
            heapq.nlargest(
                self._selection.limit,
                self._candidates,
                key=self._candidates.__getitem__,
            )
        )

    def _choose_again(
        self, torrents: Mapping[str, Torrent], touched: Iterable[str]
    ) -> None:
        """Judge the touched torrents; the others keep their place.

        Leavers go first and their places are refilled, so the chosen ones
        are again the first candidates by rank before the joiners are offered
        one by one (a torrent's rank, its addition, never changes).
        """
        candidates, chosen = self._candidates, self._chosen
        matches, limit = self._selection.matches, self._selection.limit
        joining: list[Torrent] = []
        left_chosen = False
        for torrent_hash in touched:
            torrent = torrents.get(torrent_hash)
            if torrent is not None and matches(torrent):
                if torrent_hash not in candidates:
                    joining.append(torrent)
            elif candidates.pop(torrent_hash, None) and torrent_hash in chosen:
                chosen.discard(torrent_hash)
                left_chosen = True
        if left_chosen and len(candidates) > len(chosen):
            chosen.update(
                heapq.nlargest(
                    limit - len(chosen),
                    candidates.keys() - chosen,
                    key=candidates.__getitem__,
                )
            )
        # The least recent chosen one, found again only after it was displaced.
        least: tuple[float, str] | None = None
        for torrent in joining:
            rank = candidates[torrent.hash] = _rank(torrent)
            if len(chosen) < limit:
                chosen.add(torrent.hash)
                continue
            if least is None:
                least = min(candidates[chosen_hash] for chosen_hash in chosen)
            if rank > least:
                chosen.discard(least[1])
                chosen.add(torrent.hash)
                least = None
