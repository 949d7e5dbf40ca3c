"""Devices for single torrents (opt-in): which torrents get one, kept per poll.

The option picks the torrents by a filter (all, active, a category or a tag)
and caps their number; past the cap the most recently added ones win (the
smaller hash on a tie), so the choice does not depend on the server's order.

A poll costs what it changed, not the size of the library: the sync engine
names the torrents each poll added, updated or removed, and only those are
judged again. The manager keeps the torrents that pass the filter (the
candidates, each with its place in the order, which never changes), the chosen
ones, and a heap of the others: a joining torrent is compared with the last
chosen one (found in one pass over the chosen ones, the cap), and a chosen one
that leaves is replaced from the heap's top. The heap drops the entries of
torrents gone from it when it pops them, and is rebuilt once they outnumber
the live ones. Only a full update (a new session; every poll of 3.1.x, which
has no deltas) judges every torrent.

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
from .device import (
    find_entry_device,
    server_device_info,
    torrent_device_info,
    torrent_identifier,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Mapping

    from homeassistant.helpers.device_registry import DeviceInfo
    from homeassistant.helpers.entity import Entity
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

    from .coordinator import QBittorrentConfigEntry
    from .qbittorrent_webui_client import SyncResult, Torrent

    type EntityFactory = Callable[[Torrent, DeviceInfo], Iterable[Entity]]

# Torrents whose server gives no time of addition come last.
_UNKNOWN_ADDITION = float("inf")
# The heap of waiting torrents is rebuilt when it holds more stale entries
# than this and than live ones.
_HEAP_SLACK = 64


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


type Place = tuple[float, str]


def _place(torrent: Torrent) -> Place:
    """Where a torrent comes in the choice: the smaller, the earlier.

    Most recently added first, the hash making the order total; the hash
    comes last, so a place names its torrent.
    """
    added = torrent.added_on
    return (-added.timestamp() if added else _UNKNOWN_ADDITION, torrent.hash)


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
        # The torrents that pass the filter, each with its place.
        self._candidates: dict[str, Place] = {}
        self._chosen: set[str] = set()
        # The places of the candidates not chosen, and stale ones (see module).
        self._waiting: list[Place] = []
        self._platforms: list[tuple[EntityFactory, AddConfigEntryEntitiesCallback]] = []
        # What the syncs since the last look at the data changed.
        self._touched: set[str] = set()
        # The name each chosen torrent's device was given or last renamed to.
        self._names: dict[str, str] = {}
        self._full = False
        self._server_device_id = ""

    @callback
    def async_start(self) -> None:
        """Choose from the first poll's data and follow the later polls.

        Called before the platforms are set up, so the manager sees each poll
        before the entities do. The server's device is registered first: the
        torrents' devices name it as their parent by its id.
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
            # Any torrent may have changed: every one is judged again.
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
        kept = before & self._chosen
        self._async_rename_devices(
            torrents, kept if self._full else kept & self._touched
        )
        for torrent_hash in before - self._chosen:
            self._names.pop(torrent_hash, None)
        self._full = False
        self._touched.clear()
        if before - self._chosen:
            async_remove_stale_torrent_devices(self._hass, self._entry, self._chosen)
        if new := self._chosen - before:
            self._add_entities(new, self._platforms)

    def _async_rename_devices(
        self, torrents: Mapping[str, Torrent], hashes: Iterable[str]
    ) -> None:
        """Give the devices of renamed torrents the torrents' new names.

        A name the user gave the device stays (it is kept apart in the
        registry and shown instead).
        """
        registry = dr.async_get(self._hass)
        for torrent_hash in hashes:
            name = torrents[torrent_hash].name
            # Most polls change a chosen torrent's speeds, not its name.
            if self._names.get(torrent_hash) == name:
                continue
            self._names[torrent_hash] = name
            device = find_entry_device(
                registry,
                self._entry.entry_id,
                torrent_identifier(self._entry, torrent_hash),
            )
            if device is not None and device.name != name:
                registry.async_update_device(device.id, name=name)

    def _add_entities(
        self,
        hashes: Iterable[str],
        platforms: Iterable[tuple[EntityFactory, AddConfigEntryEntitiesCallback]],
    ) -> None:
        torrents = self._coordinator.data.torrents
        chosen = [torrents[torrent_hash] for torrent_hash in sorted(hashes)]
        self._names.update((torrent.hash, torrent.name) for torrent in chosen)
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
            torrent_hash: _place(torrent)
            for torrent_hash, torrent in torrents.items()
            if matches(torrent)
        }
        self._chosen = set()
        self._rebuild_waiting()
        self._refill()

    def _choose_again(
        self, torrents: Mapping[str, Torrent], touched: Iterable[str]
    ) -> None:
        """Judge the touched torrents; the others keep their place.

        Leavers go first and their places are refilled, so the chosen ones
        are again the first candidates before the joiners are offered one by
        one, each against the last chosen one.
        """
        candidates, chosen = self._candidates, self._chosen
        matches = self._selection.matches
        joining: list[Torrent] = []
        for torrent_hash in touched:
            torrent = torrents.get(torrent_hash)
            if torrent is not None and matches(torrent):
                if torrent_hash not in candidates:
                    joining.append(torrent)
            elif candidates.pop(torrent_hash, None):
                chosen.discard(torrent_hash)
        self._refill()
        # The last chosen one, found again only after it was displaced.
        last: Place | None = None
        for torrent in joining:
            place = candidates[torrent.hash] = _place(torrent)
            if len(chosen) < self._selection.limit:
                chosen.add(torrent.hash)
                continue
            if last is None:
                last = max(candidates[chosen_hash] for chosen_hash in chosen)
            if place < last:
                chosen.discard(last[1])
                chosen.add(torrent.hash)
                place, last = last, None
            self._wait(place)

    def _wait(self, place: Place) -> None:
        """Put a candidate that is not chosen on the heap."""
        heapq.heappush(self._waiting, place)
        if len(self._waiting) > 2 * (
            len(self._candidates) - len(self._chosen) + _HEAP_SLACK
        ):
            self._rebuild_waiting()

    def _rebuild_waiting(self) -> None:
        """The heap of the candidates not chosen, without stale entries."""
        chosen = self._chosen
        self._waiting = [
            place
            for torrent_hash, place in self._candidates.items()
            if torrent_hash not in chosen
        ]
        heapq.heapify(self._waiting)

    def _refill(self) -> None:
        """Choose waiting candidates, first ones first, while places are free."""
        candidates, chosen, waiting = self._candidates, self._chosen, self._waiting
        limit = self._selection.limit
        while len(chosen) < limit and waiting:
            place = heapq.heappop(waiting)
            torrent_hash = place[1]
            # Stale: gone, chosen meanwhile, or pushed twice.
            if candidates.get(torrent_hash) == place and torrent_hash not in chosen:
                chosen.add(torrent_hash)
