"""A live torrent feed for dashboards, over Home Assistant's websocket.

``qbittorrent_webui/torrents/subscribe`` sends the torrents of one server and
then, after each poll, only what changed: torrents added to or removed from
the subscriber's view and the fields that changed in the others. Everything
comes from the coordinator's snapshots; the feed sends no request to
qBittorrent and writes nothing to the state machine.

The sync engine rebuilds only the torrents a poll changed, so a torrent object
that is the same object in two snapshots is unchanged: finding the changes is
an identity check per torrent, and only changed torrents are compared field by
field. A subscriber holds the previous snapshot (shared with the coordinator
and the other subscribers) and, when it asked for a limit, the hashes of its
window: its memory is bounded by its view, never by the messages sent.
"""

from dataclasses import asdict
import heapq
from itertools import islice
from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.websocket_api import async_register_command
from homeassistant.components.websocket_api.const import ERR_NOT_FOUND
from homeassistant.components.websocket_api.decorators import websocket_command
from homeassistant.components.websocket_api.messages import event_message
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
import voluptuous as vol

from .const import ATTR_CONFIG_ENTRY_ID, DOMAIN
from .services import GET_TORRENTS_STATES, SORT_KEYS
from .torrents import matches_state, sort_torrents, torrent_as_dict

if TYPE_CHECKING:
    from homeassistant.components.websocket_api.connection import ActiveConnection

    from .coordinator import (
        QBittorrentConfigEntry,
        QBittorrentDataUpdateCoordinator,
    )
    from .qbittorrent_webui_client import MainData, Torrent

SUBSCRIBE_TORRENTS: Final = f"{DOMAIN}/torrents/subscribe"

# The server values a torrent view shows in its header.
SERVER_FIELDS: Final = (
    "download_speed",
    "upload_speed",
    "download_rate_limit",
    "upload_rate_limit",
    "alternative_speed_limits_enabled",
    "connection_status",
    "free_space_on_disk",
)


@callback
def async_setup_websocket_api(hass: HomeAssistant) -> None:
    """Register the integration's websocket commands."""
    async_register_command(hass, websocket_subscribe_torrents)


@websocket_command(
    {
        vol.Required("type"): SUBSCRIBE_TORRENTS,
        vol.Required(ATTR_CONFIG_ENTRY_ID): str,
        vol.Optional("state", default="all"): vol.In(GET_TORRENTS_STATES),
        vol.Optional("sort", default="name"): vol.In(SORT_KEYS),
        vol.Optional("reverse", default=False): bool,
        vol.Optional("limit"): vol.All(int, vol.Range(min=1)),
    }
)
@callback
def websocket_subscribe_torrents(
    hass: HomeAssistant,
    connection: ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Send a server's torrents, then what changed after each poll.

    Any user may read: the feed shows what the entities and actions show.
    """
    entry: QBittorrentConfigEntry | None = hass.config_entries.async_get_entry(
        msg[ATTR_CONFIG_ENTRY_ID]
    )
    if entry is None or entry.domain != DOMAIN:
        connection.send_error(msg["id"], ERR_NOT_FOUND, "No such qBittorrent server")
        return
    if entry.state is not ConfigEntryState.LOADED:
        connection.send_error(
            msg["id"],
            ERR_NOT_FOUND,
            "The qBittorrent server is not loaded",
        )
        return
    subscription = TorrentSubscription(
        connection,
        msg["id"],
        entry,
        TorrentView(
            state=msg["state"],
            sort=msg["sort"],
            reverse=msg["reverse"],
            limit=msg.get("limit"),
        ),
    )
    connection.subscriptions[msg["id"]] = subscription.start()
    connection.send_result(msg["id"])
    subscription.send_current()


class TorrentView:
    """Which torrents a subscriber sees: a state, and a sorted window."""

    def __init__(
        self, *, state: str, sort: str, reverse: bool, limit: int | None
    ) -> None:
        """Keep the subscriber's choice."""
        self.state = state
        self.sort = sort
        self.reverse = reverse
        self.limit = limit

    def includes(self, torrent: Torrent) -> bool:
        """Whether ``torrent`` passes the state filter."""
        return matches_state(torrent, self.state)

    def window(self, data: MainData) -> list[Torrent]:
        """The torrents in view, sorted as ``sort_torrents``, at most ``limit``."""
        selected = [t for t in data.torrents.values() if self.includes(t)]
        if self.limit is None:
            return sort_torrents(selected, self.sort, reverse=self.reverse)
        # The first few of a large population without sorting all of it;
        # heapq's picks equal a stable sort's first ``limit``.
        known = [t for t in selected if getattr(t, self.sort) is not None]
        pick = heapq.nlargest if self.reverse else heapq.nsmallest
        first = pick(self.limit, known, key=self._sort_value)
        unknown = (t for t in selected if getattr(t, self.sort) is None)
        return first + list(islice(unknown, self.limit - len(first)))

    def _sort_value(self, torrent: Torrent) -> Any:
        value = getattr(torrent, self.sort)
        return value.casefold() if isinstance(value, str) else value


def server_as_dict(data: MainData) -> dict[str, Any]:
    """The server values of the header."""
    state = asdict(data.server_state)
    return {name: state[name] for name in SERVER_FIELDS}


def changed_fields(before: Torrent, after: Torrent) -> dict[str, Any]:
    """The fields of ``after`` that differ from ``before``."""
    old = torrent_as_dict(before)
    return {
        name: value
        for name, value in torrent_as_dict(after).items()
        if old[name] != value
    }


class TorrentSubscription:
    """One subscriber's feed of one server."""

    def __init__(
        self,
        connection: ActiveConnection,
        msg_id: int,
        entry: QBittorrentConfigEntry,
        view: TorrentView,
    ) -> None:
        """Follow ``entry``'s coordinator for ``connection``."""
        self._connection = connection
        self._msg_id = msg_id
        self._entry = entry
        self._coordinator: QBittorrentDataUpdateCoordinator = (
            entry.runtime_data.coordinator
        )
        self._view = view
        self._data: MainData = self._coordinator.data
        self._available = self._coordinator.last_update_success
        self._window: set[str] = set()
        self._unsubscribers: list[CALLBACK_TYPE] = []

    def start(self) -> CALLBACK_TYPE:
        """Follow the polls; returns what ends the subscription."""
        self._unsubscribers = [
            self._coordinator.async_add_listener(self._async_polled),
            self._entry.async_on_state_change(self._async_entry_changed),
        ]
        return self._async_stop

    @callback
    def _async_stop(self) -> None:
        while self._unsubscribers:
            self._unsubscribers.pop()()

    @callback
    def _async_entry_changed(self) -> None:
        """Tell the subscriber its server went away (unloaded or reloading).

        Subscribed while loaded, so any change of state is leaving that state.
        """
        self._async_stop()
        self._connection.subscriptions.pop(self._msg_id, None)
        self._send({"ended": True})

    def send_current(self) -> None:
        """Send everything in view."""
        torrents = self._view.window(self._data)
        if self._view.limit is not None:
            self._window = {torrent.hash for torrent in torrents}
        self._send(
            {
                "full": True,
                "available": self._available,
                "server": server_as_dict(self._data),
                "categories": sorted(self._data.categories),
                "tags": sorted(self._data.tags),
                "torrents": [torrent_as_dict(torrent) for torrent in torrents],
            }
        )

    @callback
    def _async_polled(self) -> None:
        """Send what the poll changed in view, if anything."""
        before, after = self._data, self._coordinator.data
        self._data = after
        delta: dict[str, Any] = {}
        available = self._coordinator.last_update_success
        if available != self._available:
            self._available = delta["available"] = available
        if after is not before:
            self._add_data_delta(before, after, delta)
        if delta:
            self._send(delta)

    def _add_data_delta(
        self, before: MainData, after: MainData, delta: dict[str, Any]
    ) -> None:
        old_server, new_server = server_as_dict(before), server_as_dict(after)
        if server := {
            name: value
            for name, value in new_server.items()
            if old_server[name] != value
        }:
            delta["server"] = server
        if after.categories.keys() != before.categories.keys():
            delta["categories"] = sorted(after.categories)
        if after.tags != before.tags:
            delta["tags"] = sorted(after.tags)
        if self._view.limit is None:
            added, removed, changed = self._filtered_changes(before, after)
        else:
            added, removed, changed = self._window_changes(before, after)
        if added:
            delta["added"] = added
        if removed:
            delta["removed"] = removed
        if changed:
            delta["changed"] = changed

    def _filtered_changes(
        self, before: MainData, after: MainData
    ) -> tuple[list[dict[str, Any]], list[str], dict[str, dict[str, Any]]]:
        added: list[dict[str, Any]] = []
        removed: list[str] = []
        changed: dict[str, dict[str, Any]] = {}
        includes = self._view.includes
        for torrent_hash, torrent in after.torrents.items():
            previous = before.torrents.get(torrent_hash)
            if previous is torrent:
                continue
            was_shown = previous is not None and includes(previous)
            if not includes(torrent):
                if was_shown:
                    removed.append(torrent_hash)
            elif previous is None or not was_shown:
                added.append(torrent_as_dict(torrent))
            elif fields := changed_fields(previous, torrent):
                changed[torrent_hash] = fields
        removed.extend(
            torrent_hash
            for torrent_hash in before.torrents.keys() - after.torrents.keys()
            if includes(before.torrents[torrent_hash])
        )
        return added, removed, changed

    def _window_changes(
        self, before: MainData, after: MainData
    ) -> tuple[list[dict[str, Any]], list[str], dict[str, dict[str, Any]]]:
        window = {torrent.hash for torrent in self._view.window(after)}
        previous_window, self._window = self._window, window
        added = [
            torrent_as_dict(after.torrents[torrent_hash])
            for torrent_hash in window - previous_window
        ]
        changed: dict[str, dict[str, Any]] = {}
        for torrent_hash in window & previous_window:
            previous, torrent = (
                before.torrents[torrent_hash],
                after.torrents[torrent_hash],
            )
            if previous is not torrent and (
                fields := changed_fields(previous, torrent)
            ):
                changed[torrent_hash] = fields
        return added, sorted(previous_window - window), changed

    def _send(self, payload: dict[str, Any]) -> None:
        self._connection.send_message(event_message(self._msg_id, payload))
