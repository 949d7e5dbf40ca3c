"""Helpers shared by the flow, the coordinator, the entities and the actions."""

from datetime import timedelta
from typing import TYPE_CHECKING

from homeassistant.const import CONF_URL
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import device_registry as dr
from homeassistant.util import dt as dt_util
from yarl import URL

from .const import DOMAIN, ISSUE_IP_BANNED, ISSUE_IP_BANNED_UNKNOWN_DURATION
from .qbittorrent_webui_client import (
    QBittorrentAddTorrentError,
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentCertificateError,
    QBittorrentConnectionError,
    QBittorrentError,
    QBittorrentRequestRejectedError,
    QBittorrentTimeoutError,
    QBittorrentUnsupportedOperationError,
    QBittorrentUnsupportedVersionError,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable

    from homeassistant.core import HomeAssistant

    from .coordinator import QBittorrentConfigEntry

DEFAULT_PORTS = {"http": 80, "https": 443}

APPLICATION = "qBittorrent"


class InvalidUrlError(ValueError):
    """The text is not an http(s) URL with a host."""


def normalize_url(text: str) -> str:
    """Return the canonical form of a WebUI URL, used as the unique id.

    Scheme and host are lower-cased, a default port is left out and a
    trailing slash is dropped, so equivalent spellings give one entry.

    Raises:
        InvalidUrlError: The text is not an http(s) URL with a host.
    """
    try:
        url = URL(text.strip())
    except ValueError as error:
        raise InvalidUrlError(text) from error
    if url.scheme not in DEFAULT_PORTS or not url.host:
        raise InvalidUrlError(text)
    port = url.explicit_port or DEFAULT_PORTS[url.scheme]
    path = url.path.rstrip("/")
    return str(
        URL.build(scheme=url.scheme, host=url.host.lower(), port=port, path=path)
    )


def device_name(hass: HomeAssistant, entry: QBittorrentConfigEntry) -> str:
    """Name a server's device "qBittorrent", adding the entry title only if needed.

    The oldest entry of the domain is plain "qBittorrent", so entity ids and
    voice commands read naturally; a further server is told apart by its entry
    title. Entries keep their order across restarts, so the names are stable.
    """
    entries = hass.config_entries.async_entries(DOMAIN, include_ignore=False)
    if entries and entries[0].entry_id != entry.entry_id:
        return f"{APPLICATION} {entry.title}"
    return APPLICATION


def ban_translation(error: QBittorrentBannedError) -> tuple[str, dict[str, str]]:
    """Return the translation key and placeholders that say when a ban lifts.

    qBittorrent 4.2+ bans for a configurable time that the client reads while
    logged in; a ban met before that has a text of its own.
    """
    if error.ban_duration is None:
        return ISSUE_IP_BANNED_UNKNOWN_DURATION, {}
    remaining = error.ban_duration if error.retry_after is None else error.retry_after
    lifts_at = dt_util.now() + timedelta(seconds=remaining)
    return ISSUE_IP_BANNED, {
        "minutes": str(max(1, round(remaining / 60))),
        "lifts_at": lifts_at.strftime("%H:%M"),
    }


def translated_error[ErrorT: HomeAssistantError](
    error_type: type[ErrorT], error: QBittorrentError, url: str
) -> ErrorT:
    """Return an ``error_type`` that explains a client error in the user's language."""
    placeholders = {"url": url, "error": str(error)}
    if isinstance(error, QBittorrentAuthenticationError):
        key = "authentication_failed"
    elif isinstance(error, QBittorrentAddTorrentError):
        key = "add_torrent_refused"
    elif isinstance(error, QBittorrentBannedError):
        key, ban_placeholders = ban_translation(error)
        placeholders |= ban_placeholders
    elif isinstance(error, QBittorrentRequestRejectedError):
        key = "request_rejected"
    elif isinstance(error, QBittorrentCertificateError):
        key = "invalid_certificate"
    elif isinstance(error, QBittorrentTimeoutError):
        key = "timeout"
    elif isinstance(error, QBittorrentConnectionError):
        key = "cannot_connect"
    elif isinstance(error, QBittorrentUnsupportedVersionError):
        key = "unsupported"
    else:
        key = "unexpected_error"
    return error_type(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=placeholders,
    )


async def async_run_action[T](
    entry: QBittorrentConfigEntry, action: str, request: Awaitable[T]
) -> T:
    """Await a request made for an entity or an action, with translated errors.

    A rejected login starts the reauth flow (a failing action cannot do that by
    raising). Afterwards the data is read at once and again shortly after, so
    the change shows even where qBittorrent applies it in the background.

    Raises:
        ServiceValidationError: The server's version lacks the operation.
        HomeAssistantError: The server failed or could not be reached.
    """
    runtime = entry.runtime_data
    try:
        result = await request
    except QBittorrentUnsupportedOperationError as error:
        placeholders = {"action": action, "minimum": error.minimum_version}
        if version := runtime.server_info.app_version:
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
            entry.async_start_reauth(runtime.coordinator.hass)
        raise translated_error(
            HomeAssistantError, error, entry.data[CONF_URL]
        ) from error
    await runtime.coordinator.async_refresh_after_change()
    return result


def find_entry_device(
    registry: dr.DeviceRegistry, entry_id: str, identifier: tuple[str, str]
) -> dr.DeviceEntry | None:
    """Return the config entry's device that carries the identifier, if any.

    Looked up through the entry: from Home Assistant 2026.8 identifiers are
    unique only per entry, and the lookups made for that do not exist in 2026.3.
    """
    return next(
        (
            device
            for device in dr.async_entries_for_config_entry(registry, entry_id)
            if identifier in device.identifiers
        ),
        None,
    )
