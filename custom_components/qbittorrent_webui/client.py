"""Creating clients, for entry setup and the config flow, and the bans they wait out."""

from typing import TYPE_CHECKING, Any

import aiohttp
from homeassistant.const import (
    CONF_API_KEY,
    CONF_PASSWORD,
    CONF_URL,
    CONF_USERNAME,
    CONF_VERIFY_SSL,
)
from homeassistant.helpers.aiohttp_client import async_create_clientsession
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN
from .qbittorrent_webui_client import Ban, QBittorrentClient

if TYPE_CHECKING:
    from collections.abc import Mapping

    from homeassistant.core import HomeAssistant

# Bans being waited out, by entry id: every setup attempt and reload builds a
# new client, which would otherwise log in while banned.
DATA_BANS: HassKey[dict[str, Ban]] = HassKey(f"{DOMAIN}_bans")


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


def _optional_text(value: object) -> str | None:
    """Return the text, or ``None`` for a field left empty."""
    return str(value) if value else None


def remember_ban(hass: HomeAssistant, entry_id: str, ban: Ban | None) -> None:
    """Keep a client's ban for the entry's next client."""
    if ban is not None:
        hass.data.setdefault(DATA_BANS, {})[entry_id] = ban


def restore_ban(hass: HomeAssistant, entry_id: str, client: QBittorrentClient) -> None:
    """Hand the ban remembered for an entry to its new client."""
    if (ban := hass.data.get(DATA_BANS, {}).pop(entry_id, None)) is not None:
        client.restore_ban(ban)


def forget_ban(hass: HomeAssistant, entry_id: str) -> None:
    """Drop the ban remembered for an entry: a login just succeeded."""
    hass.data.get(DATA_BANS, {}).pop(entry_id, None)
