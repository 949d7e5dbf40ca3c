"""Data update coordinators for the qBittorrent WebUI integration."""

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_URL
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers import device_registry as dr, issue_registry as ir
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed

from .const import (
    ATTR_CATEGORY,
    ATTR_CONFIG_ENTRY_ID,
    ATTR_HASH,
    ATTR_NAME,
    ATTR_SAVE_PATH,
    ATTR_TAGS,
    CONF_ENABLE_EVENTS,
    DEFAULT_ENABLE_EVENTS,
    DOMAIN,
    EVENT_TORRENT_ADDED,
    EVENT_TORRENT_COMPLETED,
    EVENT_TORRENT_REMOVED,
    ISSUE_IP_BANNED,
    LOGGER,
    UPDATE_INTERVAL,
)
from .helpers import ban_translation, device_model, translated_error
from .webui import (
    MainData,
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentClient,
    QBittorrentError,
    ServerInfo,
    Torrent,
)

if TYPE_CHECKING:
    from collections.abc import Callable

# Alternative limits live in the preferences, which maindata does not carry;
# they change rarely, so they are read on their own slow schedule, and only
# while an entity that shows them is enabled.
PREFERENCES_INTERVAL = timedelta(minutes=5)


@dataclass(frozen=True, kw_only=True)
class TorrentEvent:
    """A torrent lifecycle change found by a poll."""

    event_type: str
    torrent: Torrent

    def as_event_data(self) -> dict[str, Any]:
        """Return the data carried by the event entity and the bus event."""
        return {
            ATTR_HASH: self.torrent.hash,
            ATTR_NAME: self.torrent.name,
            ATTR_CATEGORY: self.torrent.category,
            ATTR_TAGS: sorted(self.torrent.tags),
            ATTR_SAVE_PATH: self.torrent.save_path,
        }


@dataclass(kw_only=True)
class QBittorrentRuntimeData:
    """Everything a loaded entry holds."""

    client: QBittorrentClient
    server_info: ServerInfo
    coordinator: QBittorrentDataUpdateCoordinator
    preferences_coordinator: QBittorrentPreferencesCoordinator


type QBittorrentConfigEntry = ConfigEntry[QBittorrentRuntimeData]


def ban_issue_id(entry: QBittorrentConfigEntry) -> str:
    """Return the id of the repair issue that explains a ban of this entry."""
    return f"{ISSUE_IP_BANNED}_{entry.entry_id}"


def raise_ban_issue(
    hass: HomeAssistant, entry: QBittorrentConfigEntry, error: QBittorrentBannedError
) -> None:
    """Explain a ban in a repair issue; the next successful poll removes it."""
    key, placeholders = ban_translation(error)
    ir.async_create_issue(
        hass,
        DOMAIN,
        ban_issue_id(entry),
        is_fixable=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key=key,
        translation_placeholders={"url": entry.data[CONF_URL]} | placeholders,
    )


class QBittorrentCoordinator[DataT](DataUpdateCoordinator[DataT]):
    """Reads one server through its client; subclasses say what and how often."""

    config_entry: QBittorrentConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        entry: QBittorrentConfigEntry,
        client: QBittorrentClient,
        *,
        name: str,
        update_interval: timedelta,
    ) -> None:
        """Initialize the coordinator for one server."""
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name=name,
            update_interval=update_interval,
            always_update=False,
        )
        self.client = client

    def _update_error(
        self, error: QBittorrentError
    ) -> ConfigEntryAuthFailed | UpdateFailed:
        """Translate a client error into the coordinator's failure.

        A rejected login makes the coordinator start the reauth flow; the client
        will not log in again by itself, so no login storm follows. A ban is
        no credential problem: the next poll waits until the client tries again.
        """
        url = self.config_entry.data[CONF_URL]
        if isinstance(error, QBittorrentAuthenticationError):
            return translated_error(ConfigEntryAuthFailed, error, url)
        failure = translated_error(UpdateFailed, error, url)
        if isinstance(error, QBittorrentBannedError):
            failure.retry_after = error.retry_after
        return failure


class QBittorrentDataUpdateCoordinator(QBittorrentCoordinator[MainData]):
    """Polls ``sync/maindata`` (or its 3.1.x equivalent) once per interval."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: QBittorrentConfigEntry,
        client: QBittorrentClient,
    ) -> None:
        """Initialize the coordinator for one server."""
        super().__init__(
            hass,
            entry,
            client,
            name=f"qBittorrent {entry.title}",
            update_interval=UPDATE_INTERVAL,
        )
        self.events_enabled: bool = entry.options.get(
            CONF_ENABLE_EVENTS, DEFAULT_ENABLE_EVENTS
        )
        self._event_listeners: list[Callable[[TorrentEvent], None]] = []

    @callback
    def async_add_event_listener(
        self, listener: Callable[[TorrentEvent], None]
    ) -> CALLBACK_TYPE:
        """Call ``listener`` for every torrent event; returns the unsubscriber."""
        self._event_listeners.append(listener)

        @callback
        def remove_listener() -> None:
            self._event_listeners.remove(listener)

        return remove_listener

    async def _async_update_data(self) -> MainData:
        """Fetch the changes since the previous poll."""
        try:
            result = await self.client.sync()
        except QBittorrentError as error:
            if isinstance(error, QBittorrentBannedError):
                raise_ban_issue(self.hass, self.config_entry, error)
            raise self._update_error(error) from error
        ir.async_delete_issue(self.hass, DOMAIN, ban_issue_id(self.config_entry))
        self._follow_server_change()
        if self.events_enabled:
            self._dispatch_events(
                [
                    TorrentEvent(event_type=EVENT_TORRENT_ADDED, torrent=torrent)
                    for torrent in result.added
                ]
                + [
                    TorrentEvent(event_type=EVENT_TORRENT_COMPLETED, torrent=torrent)
                    for torrent in result.completed
                ]
                + [
                    TorrentEvent(event_type=EVENT_TORRENT_REMOVED, torrent=torrent)
                    for torrent in result.removed
                ]
            )
        return result.data

    def _follow_server_change(self) -> None:
        """Adopt what the client found after qBittorrent was upgraded or downgraded.

        The device shows the new version and API generation. Which entities
        exist depends on the capabilities, so when those changed the entry
        is reloaded (once: the reload detects the same server again).
        """
        runtime = self.config_entry.runtime_data
        info = self.client.server_info
        if info is None or info == runtime.server_info:
            return
        previous, runtime.server_info = runtime.server_info, info
        LOGGER.info(
            "qBittorrent at %s is now version %s (was %s)",
            self.config_entry.data[CONF_URL],
            info.app_version,
            previous.app_version,
        )
        registry = dr.async_get(self.hass)
        device = registry.async_get_device_by_identifier(
            (DOMAIN, str(self.config_entry.unique_id)), self.config_entry.entry_id
        )
        if device is not None:
            registry.async_update_device(
                device.id, sw_version=info.app_version, model=device_model(info)
            )
        if info.capabilities != previous.capabilities:
            self.hass.config_entries.async_schedule_reload(self.config_entry.entry_id)

    def _dispatch_events(self, events: list[TorrentEvent]) -> None:
        for event in events:
            self.hass.bus.async_fire(
                f"{DOMAIN}_{event.event_type}",
                {ATTR_CONFIG_ENTRY_ID: self.config_entry.entry_id}
                | event.as_event_data(),
            )
            for listener in list(self._event_listeners):
                listener(event)


@dataclass(frozen=True, kw_only=True)
class AlternativeLimits:
    """Alternative global limits in B/s, ``0`` meaning unlimited."""

    download: int | None
    upload: int | None


class QBittorrentPreferencesCoordinator(QBittorrentCoordinator[AlternativeLimits]):
    """Reads the alternative speed limits from the preferences, slowly.

    Its limits are unknown until an entity that shows them asks for a refresh.
    """

    def __init__(
        self,
        hass: HomeAssistant,
        entry: QBittorrentConfigEntry,
        client: QBittorrentClient,
    ) -> None:
        """Initialize the coordinator for one server."""
        super().__init__(
            hass,
            entry,
            client,
            name=f"qBittorrent {entry.title} preferences",
            update_interval=PREFERENCES_INTERVAL,
        )
        self.data = AlternativeLimits(download=None, upload=None)

    async def _async_update_data(self) -> AlternativeLimits:
        """Fetch the preferences and keep the alternative limits."""
        try:
            preferences = await self.client.get_preferences()
        except QBittorrentError as error:
            raise self._update_error(error) from error
        return AlternativeLimits(
            download=_kibibytes_to_bytes(preferences.get("alt_dl_limit")),
            upload=_kibibytes_to_bytes(preferences.get("alt_up_limit")),
        )


def _kibibytes_to_bytes(value: object) -> int | None:
    """Convert a preferences limit (KiB/s, ``-1`` or ``0`` = unlimited) to B/s."""
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    return max(value, 0) * 1024
