"""The qBittorrent WebUI integration."""

import contextlib
from typing import TYPE_CHECKING, Any

import aiohttp
from homeassistant.const import (
    CONF_API_KEY,
    CONF_PASSWORD,
    CONF_URL,
    CONF_USERNAME,
    CONF_VERIFY_SSL,
    Platform,
)
from homeassistant.exceptions import (
    ConfigEntryAuthFailed,
    ConfigEntryNotReady,
)
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.aiohttp_client import async_create_clientsession
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN
from .coordinator import (
    QBittorrentConfigEntry,
    QBittorrentDataUpdateCoordinator,
    QBittorrentPreferencesCoordinator,
    QBittorrentRuntimeData,
    raise_ban_issue,
)
from .helpers import translated_error
from .qbittorrent_webui_client import (
    Ban,
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentClient,
    QBittorrentError,
)
from .services import async_setup_services

if TYPE_CHECKING:
    from collections.abc import Mapping

    from homeassistant.core import HomeAssistant
    from homeassistant.helpers.typing import ConfigType

PLATFORMS = [
    Platform.BUTTON,
    Platform.EVENT,
    Platform.NUMBER,
    Platform.SENSOR,
    Platform.SWITCH,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)

# Bans being waited out, by entry id: every setup attempt and reload builds a
# new client, which would otherwise log in while banned.
DATA_BANS: HassKey[dict[str, Ban]] = HassKey(f"{DOMAIN}_bans")


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:  # noqa: ARG001
    """Register the integration's actions."""
    async_setup_services(hass)
    return True


def create_client(
    hass: HomeAssistant, data: Mapping[str, Any], *, auto_cleanup: bool = True
) -> tuple[QBittorrentClient, aiohttp.ClientSession]:
    """Create a client with its own session, so its cookies stay its own.

    Created during entry setup, Home Assistant detaches the session when the
    entry unloads. Elsewhere pass ``auto_cleanup=False`` and ``detach()`` it
    when done, or it stays registered until Home Assistant stops.
    """
    verify_ssl = bool(data[CONF_VERIFY_SSL])
    # Unsafe: cookies from IP-address hosts; unquoted: 3.2.0-3.3.12 read raw SIDs.
    session = async_create_clientsession(
        hass,
        verify_ssl=verify_ssl,
        cookie_jar=aiohttp.CookieJar(unsafe=True, quote_cookie=False),
        auto_cleanup=auto_cleanup,
    )
    client = QBittorrentClient(
        data[CONF_URL],
        session,
        username=_optional_text(data.get(CONF_USERNAME)),
        password=_optional_text(data.get(CONF_PASSWORD)),
        api_key=_optional_text(data.get(CONF_API_KEY)),
        verify_ssl=verify_ssl,
    )
    return client, session


def forget_ban(hass: HomeAssistant, entry_id: str) -> None:
    """Drop the ban remembered for an entry: a login just succeeded."""
    hass.data.get(DATA_BANS, {}).pop(entry_id, None)


def _remember_ban(hass: HomeAssistant, entry_id: str, ban: Ban | None) -> None:
    if ban is not None:
        hass.data.setdefault(DATA_BANS, {})[entry_id] = ban


def _optional_text(value: object) -> str | None:
    """Return the text, or ``None`` for a field left empty."""
    return str(value) if value else None


async def async_setup_entry(hass: HomeAssistant, entry: QBittorrentConfigEntry) -> bool:
    """Connect to qBittorrent and set up its entities."""
    client, _session = create_client(hass, entry.data)
    if (ban := hass.data.get(DATA_BANS, {}).pop(entry.entry_id, None)) is not None:
        client.restore_ban(ban)
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
            _remember_ban(hass, entry.entry_id, client.ban)
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
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(
    hass: HomeAssistant, entry: QBittorrentConfigEntry
) -> bool:
    """Unload the entities of a qBittorrent server and end its session."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        _remember_ban(hass, entry.entry_id, entry.runtime_data.client.ban)
        # qBittorrent 5.3 keeps at most 15 sessions; do not leave ours behind.
        with contextlib.suppress(QBittorrentError):
            await entry.runtime_data.client.logout()
    return unloaded
