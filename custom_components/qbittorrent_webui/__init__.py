"""The qBittorrent WebUI integration."""

import contextlib
from typing import TYPE_CHECKING

from homeassistant.const import CONF_URL, Platform
from homeassistant.exceptions import ConfigEntryAuthFailed, ConfigEntryNotReady
from homeassistant.helpers import config_validation as cv

from .client import create_client, remember_ban, restore_ban
from .const import CONF_VOICE_SENTENCES, DEFAULT_VOICE_SENTENCES, DOMAIN
from .coordinator import (
    QBittorrentConfigEntry,
    QBittorrentDataUpdateCoordinator,
    QBittorrentPreferencesCoordinator,
    QBittorrentRuntimeData,
)
from .dashboard import async_register_card
from .errors import raise_ban_issue, translated_error
from .qbittorrent_webui_client import (
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentError,
)
from .sentences import async_offer_sentences
from .services import async_setup_services
from .torrent_devices import (
    TorrentDeviceManager,
    TorrentSelection,
    async_remove_stale_torrent_devices,
)
from .websocket_api import async_setup_websocket_api

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers.typing import ConfigType

PLATFORMS = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.EVENT,
    Platform.NUMBER,
    Platform.SENSOR,
    Platform.SWITCH,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:  # noqa: ARG001
    """Register the integration's actions, torrent feed and card."""
    async_setup_services(hass)
    async_setup_websocket_api(hass)
    await async_register_card(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: QBittorrentConfigEntry) -> bool:
    """Connect to qBittorrent and set up its entities."""
    client, _session = create_client(hass, entry.data)
    restore_ban(hass, entry.entry_id, client)
    try:
        server_info = await client.detect()
    except QBittorrentAuthenticationError as error:
        raise translated_error(
            ConfigEntryAuthFailed, error, entry.data[CONF_URL]
        ) from error
    except QBittorrentError as error:
        # Unreachable, banned, rejected or not understood: each may be fixed
        # on the server side, so retry in the background.
        if isinstance(error, QBittorrentBannedError):
            remember_ban(hass, entry.entry_id, client.ban)
            raise_ban_issue(hass, entry, error)
        raise translated_error(
            ConfigEntryNotReady, error, entry.data[CONF_URL]
        ) from error

    coordinator = QBittorrentDataUpdateCoordinator(hass, entry, client)
    entry.runtime_data = QBittorrentRuntimeData(
        client=client,
        server_info=server_info,
        coordinator=coordinator,
        preferences_coordinator=QBittorrentPreferencesCoordinator(hass, entry, client),
    )
    await coordinator.async_config_entry_first_refresh()
    if (selection := TorrentSelection.from_options(entry.options)) is None:
        async_remove_stale_torrent_devices(hass, entry, keep=())
    else:
        manager = entry.runtime_data.torrent_devices = TorrentDeviceManager(
            hass, entry, selection
        )
        manager.async_start()
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    if entry.options.get(CONF_VOICE_SENTENCES, DEFAULT_VOICE_SENTENCES):
        await async_offer_sentences(hass, entry)
    return True


async def async_unload_entry(
    hass: HomeAssistant, entry: QBittorrentConfigEntry
) -> bool:
    """Unload the entities of a qBittorrent server and end its session."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        remember_ban(hass, entry.entry_id, entry.runtime_data.client.ban)
        # qBittorrent 5.3 keeps at most 15 sessions; do not leave ours behind.
        with contextlib.suppress(QBittorrentError):
            await entry.runtime_data.client.logout()
    return unloaded
