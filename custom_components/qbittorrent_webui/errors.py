"""Client errors told in the user's language: exceptions and the ban repair issue."""

from datetime import timedelta
from typing import TYPE_CHECKING

from homeassistant.const import CONF_URL
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util

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
    QBittorrentUnsupportedVersionError,
)

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant


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


def _ban_issue_id(entry: ConfigEntry) -> str:
    """Return the id of the repair issue that explains a ban of this entry."""
    return f"{ISSUE_IP_BANNED}_{entry.entry_id}"


def raise_ban_issue(
    hass: HomeAssistant, entry: ConfigEntry, error: QBittorrentBannedError
) -> None:
    """Explain a ban in a repair issue; the next successful poll removes it."""
    key, placeholders = ban_translation(error)
    ir.async_create_issue(
        hass,
        DOMAIN,
        _ban_issue_id(entry),
        is_fixable=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key=key,
        translation_placeholders={"url": entry.data[CONF_URL]} | placeholders,
    )


def delete_ban_issue(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Remove the entry's ban issue: the server answered again."""
    ir.async_delete_issue(hass, DOMAIN, _ban_issue_id(entry))
