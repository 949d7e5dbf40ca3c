"""Data update coordinators for the qBittorrent WebUI integration."""

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_SCAN_INTERVAL, CONF_URL
from homeassistant.core import CALLBACK_TYPE, HassJob, HomeAssistant, callback
from homeassistant.exceptions import (
    ConfigEntryAuthFailed,
    HomeAssistantError,
    ServiceValidationError,
)
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.event import async_call_later
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
    LOGGER,
    UPDATE_INTERVAL,
)
from .device import device_name, find_entry_device
from .errors import delete_ban_issue, raise_ban_issue, translated_error
from .qbittorrent_webui_client import (
    MainData,
    Preferences,
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentClient,
    QBittorrentError,
    QBittorrentUnsupportedOperationError,
    ServerInfo,
    SyncResult,
    Torrent,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable
    from datetime import datetime

    from .torrent_devices import TorrentDeviceManager

# Alternative limits and server-wide settings live in the preferences, which
# maindata does not carry; they change rarely, so they are read on their own
# slow schedule, and only while an entity that shows them is enabled.
PREFERENCES_INTERVAL = timedelta(minutes=5)

# qBittorrent applies many commands after answering them and publishes torrent
# states on its refresh timer (1.5 s by default; 4.5.2-5.3.0 showed a pause or
# resume 0.0-1.5 s after the answer): the read right after an action can still
# see the old state, a second one this long after it sees the new one.
FOLLOW_UP_DELAY = timedelta(seconds=1.75)


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
    # Present while the per-torrent devices option is on.
    torrent_devices: TorrentDeviceManager | None = None


type QBittorrentConfigEntry = ConfigEntry[QBittorrentRuntimeData]


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
            # Named like the device; the failures it logs name the URL.
            name=device_name(hass, entry),
            update_interval=timedelta(
                seconds=entry.options.get(
                    CONF_SCAN_INTERVAL, UPDATE_INTERVAL.total_seconds()
                )
            ),
        )
        self.events_enabled: bool = entry.options.get(
            CONF_ENABLE_EVENTS, DEFAULT_ENABLE_EVENTS
        )
        self._event_listeners: list[Callable[[TorrentEvent], None]] = []
        self._sync_listeners: list[Callable[[SyncResult], None]] = []
        self._queued_refresh: asyncio.Task[None] | None = None
        self._cancel_follow_up: CALLBACK_TYPE | None = None

    async def async_run_action[T](
        self, action: str, request: Awaitable[T], *, changes: bool = True
    ) -> T:
        """Await a request made for an entity or an action, with translated errors.

        A rejected login starts the reauth flow (a failing action cannot do that by
        raising). Afterwards, unless the request only read (``changes=False``), the
        data is read at once and again shortly after, so the change shows even
        where qBittorrent applies it in the background.

        Raises:
            ServiceValidationError: The server's version lacks the operation.
            HomeAssistantError: The server failed or could not be reached.
        """
        try:
            result = await request
        except QBittorrentUnsupportedOperationError as error:
            placeholders = {"action": action, "minimum": error.minimum_version}
            if version := self.config_entry.runtime_data.server_info.app_version:
                key = "action_unsupported"
                placeholders["version"] = version
            else:
                key = "action_unsupported_unknown_version"
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key=key,
                translation_placeholders=placeholders,
            ) from error
        except QBittorrentError as error:
            if isinstance(error, QBittorrentAuthenticationError):
                self.config_entry.async_start_reauth(self.hass)
            raise translated_error(
                HomeAssistantError, error, self.config_entry.data[CONF_URL]
            ) from error
        if changes:
            await self.async_refresh_after_change()
        return result

    async def async_refresh_after_change(self) -> None:
        """Show what an action changed: read now, and again shortly after.

        Both reads bypass the debouncer, whose cooldown would hold a second
        action's refresh for ten seconds. The follow-up is pushed back by every
        further action, so a burst of actions costs one follow-up.
        """
        await self.async_refresh_now()
        if self._cancel_follow_up is not None:
            self._cancel_follow_up()
        self._cancel_follow_up = async_call_later(
            self.hass,
            FOLLOW_UP_DELAY,
            HassJob(
                self._async_follow_up,
                f"{self.name} follow-up refresh",
                cancel_on_shutdown=True,
            ),
        )

    async def _async_follow_up(self, _now: datetime) -> None:
        self._cancel_follow_up = None
        await self.async_refresh_now()

    async def async_refresh_now(self) -> None:
        """Refresh with a read that starts after this call.

        Calls made while that read waits for a running refresh share it, so
        concurrent actions cost one read, not one each. Through the
        coordinator, so no torrent event is lost.
        """
        queued = self._queued_refresh
        if queued is None:
            queued = self._queued_refresh = self.config_entry.async_create_task(
                self.hass,
                self._async_run_queued_refresh(),
                f"{self.name} refresh now",
                eager_start=False,
            )
        await asyncio.shield(queued)

    async def _async_run_queued_refresh(self) -> None:
        async with self._debounced_refresh.async_lock():
            # From here on a new caller's change may be missed by this read.
            self._queued_refresh = None
            await self._async_refresh(log_failures=True)

    async def async_current_data(self) -> MainData:
        """Return data read now, never an older poll's.

        Raises:
            HomeAssistantError: qBittorrent could not be read; the error says why.
        """
        await self.async_refresh_now()
        if self.last_update_success:
            return self.data
        cause = self.last_exception
        if isinstance(cause, HomeAssistantError) and cause.translation_key:
            raise HomeAssistantError(
                translation_domain=cause.translation_domain,
                translation_key=cause.translation_key,
                translation_placeholders=cause.translation_placeholders,
            ) from cause
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="unexpected_error",
            translation_placeholders={
                "url": self.config_entry.data[CONF_URL],
                "error": str(cause),
            },
        ) from cause

    async def async_shutdown(self) -> None:
        """Cancel a pending follow-up refresh as well."""
        if self._cancel_follow_up is not None:
            self._cancel_follow_up()
            self._cancel_follow_up = None
        await super().async_shutdown()

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

    @callback
    def async_add_sync_listener(
        self, listener: Callable[[SyncResult], None]
    ) -> CALLBACK_TYPE:
        """Call ``listener`` with every successful sync's result.

        It comes before the coordinator's listeners see the data: the torrents
        a poll changed, for those that must not look at all of them.
        """
        self._sync_listeners.append(listener)

        @callback
        def remove_listener() -> None:
            self._sync_listeners.remove(listener)

        return remove_listener

    async def _async_update_data(self) -> MainData:
        """Fetch the changes since the previous poll."""
        try:
            result = await self.client.sync()
        except QBittorrentError as error:
            if isinstance(error, QBittorrentBannedError):
                raise_ban_issue(self.hass, self.config_entry, error)
            raise self._update_error(error) from error
        delete_ban_issue(self.hass, self.config_entry)
        self._follow_server_change()
        for listener in self._sync_listeners:
            listener(result)
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

        The device shows the new version. Which entities
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
        device = find_entry_device(
            registry,
            self.config_entry.entry_id,
            (DOMAIN, str(self.config_entry.unique_id)),
        )
        if device is not None:
            registry.async_update_device(device.id, sw_version=info.app_version)
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


class QBittorrentPreferencesCoordinator(QBittorrentCoordinator[Preferences]):
    """Reads the preferences (alternative limits, server settings), slowly.

    They are unknown until an entity that shows them asks for a refresh.
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
            name=f"{device_name(hass, entry)} preferences",
            update_interval=PREFERENCES_INTERVAL,
        )
        self.data = Preferences()
        self._first_read: asyncio.Task[None] | None = None

    async def async_read_once(self) -> None:
        """Read the preferences unless they were read already.

        Every entity that shows them asks when it appears; those appearing
        together share the one read, which the debouncer would follow with a
        second one after its cooldown.
        """
        if self._first_read is None:
            self._first_read = self.config_entry.async_create_task(
                self.hass, self.async_refresh(), f"{self.name} first read"
            )
        await asyncio.shield(self._first_read)

    async def _async_update_data(self) -> Preferences:
        """Fetch the preferences, limits in B/s."""
        try:
            return await self.client.get_server_preferences()
        except QBittorrentError as error:
            raise self._update_error(error) from error
