"""Checks of what actions and voice commands pass on to qBittorrent."""

import os
from pathlib import Path
import re
from typing import TYPE_CHECKING, Final

from homeassistant.exceptions import ServiceValidationError
from yarl import URL

from .const import ATTR_TAGS, ATTR_TRACKERS, DOMAIN
from .qbittorrent_webui_client import (
    MAX_SEEDING_MINUTES,
    MAX_SHARE_RATIO,
    MAX_SPEED_LIMIT_KIBIBYTES,
    SHARE_LIMIT_GLOBAL,
    SHARE_LIMIT_NONE,
    kibibytes_to_bytes,
)

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant, ServiceCall

URL_SCHEMES: Final = ("http://", "https://", "magnet:")
TRACKER_SCHEMES: Final = frozenset({"http", "https", "udp"})
# Line breaks split one value into two on the server (its lists are
# newline-separated), and no name or path qBittorrent keeps needs the others.
CONTROL_CHARACTERS: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# qBittorrent's own rule for category names (4.5.2 and 5.3.0 answer 409 else).
CATEGORY_SLASHES: Final = re.compile(r"^/|/$|//|\\")
# qBittorrent's WebUI reads requests of at most 64 MiB (4.5.2-5.3.0 answer a
# bare 400 or drop the connection above it); the rest is room for the fields.
MEBIBYTE: Final = 1024 * 1024
MAX_TORRENT_FILE_BYTES: Final = 63 * MEBIBYTE

# The preferences set_preferences may change, each with the kind of value it
# takes (checked before anything is sent). Speed limits have set_speed_limits.
PREFERENCE_KINDS: Final = {
    "listen_port": "port",
    "max_connec": "count",
    "max_connec_per_torrent": "count",
    "max_uploads": "count",
    "max_uploads_per_torrent": "count",
    "max_active_downloads": "count",
    "max_active_uploads": "count",
    "max_active_torrents": "count",
    "queueing_enabled": "flag",
    "dont_count_slow_torrents": "flag",
    "max_ratio_enabled": "flag",
    "max_ratio": "ratio",
    "max_seeding_time_enabled": "flag",
    "max_seeding_time": "minutes",
    "dht": "flag",
    "pex": "flag",
    "lsd": "flag",
    "upnp": "flag",
    "save_path": "path",
    "temp_path_enabled": "flag",
    "temp_path": "path",
}
MAX_PORT: Final = 65535


def visible(value: str) -> str:
    """Show line breaks and other control characters as escapes."""
    return "".join(
        ascii(character)[1:-1] if CONTROL_CHARACTERS.match(character) else character
        for character in value
    )


def field_placeholders(field: str, value: str) -> dict[str, str]:
    """Name the field of a refused value and show the value."""
    return {"field": field, "value": visible(value)}


def check_url(url: str) -> str:
    """Refuse what is no http(s) or magnet link, or carries a line break."""
    if not url.lower().startswith(URL_SCHEMES) or CONTROL_CHARACTERS.search(url):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_torrent_url",
            translation_placeholders={"url": visible(url)},
        )
    return url


def check_path(field: str, path: str) -> str:
    """Refuse a directory that climbs out with ``..`` or carries a line break."""
    if CONTROL_CHARACTERS.search(path) or ".." in re.split(r"[/\\]", path):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_path",
            translation_placeholders=field_placeholders(field, path),
        )
    return path


def check_category(field: str, category: str) -> str:
    """Refuse what qBittorrent would refuse or store as a broken name."""
    if CONTROL_CHARACTERS.search(category) or CATEGORY_SLASHES.search(category):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_category",
            translation_placeholders=field_placeholders(field, category),
        )
    return category


def check_tag(tag: str) -> str:
    """One tag: a comma would make two, and qBittorrent drops empty ones."""
    if "," in tag or CONTROL_CHARACTERS.search(tag) or not tag.strip():
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_tag",
            translation_placeholders=field_placeholders(ATTR_TAGS, tag),
        )
    return tag


def check_tracker(tracker: str) -> str:
    """One announce URL that qBittorrent can use, with nothing to split it."""
    try:
        url = URL(tracker)
    except ValueError:
        url = None
    if (
        url is None
        or url.scheme not in TRACKER_SCHEMES
        or not url.host
        or re.search(r"\s", tracker)
        or CONTROL_CHARACTERS.search(tracker)
    ):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_tracker",
            translation_placeholders=field_placeholders(ATTR_TRACKERS, tracker),
        )
    return tracker


async def async_read_torrent_file(hass: HomeAssistant, path: str) -> bytes:
    """Read a .torrent file Home Assistant may read and qBittorrent can take."""
    if not hass.config.is_allowed_path(path):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="torrent_file_not_allowed",
            translation_placeholders={"path": path},
        )
    try:
        content = await hass.async_add_executor_job(_read_bounded, Path(path))
    except OSError as error:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="torrent_file_unreadable",
            translation_placeholders={"path": path, "error": error.strerror or ""},
        ) from error
    if content is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="torrent_file_too_large",
            translation_placeholders={
                "path": path,
                "limit": str(MAX_TORRENT_FILE_BYTES // MEBIBYTE),
            },
        )
    return content


def _read_bounded(path: Path) -> bytes | None:
    """Read the file, or return ``None`` when qBittorrent could not take it.

    The size is checked before reading, and the read stops past the limit in
    case the file grows meanwhile: a huge file never lands in memory.
    """
    with path.open("rb") as file:
        if os.fstat(file.fileno()).st_size > MAX_TORRENT_FILE_BYTES:
            return None
        content = file.read(MAX_TORRENT_FILE_BYTES + 1)
    return None if len(content) > MAX_TORRENT_FILE_BYTES else content


def limit_bytes(call: ServiceCall, key: str) -> int | None:
    """Return a limit given in KiB/s in B/s; refuse what qBittorrent would wrap."""
    value: int | None = call.data.get(key)
    if value is None:
        return None
    if value > MAX_SPEED_LIMIT_KIBIBYTES:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="limit_too_high",
            translation_placeholders={
                "field": key,
                "value": f"{value:,}",
                "maximum": f"{MAX_SPEED_LIMIT_KIBIBYTES:,}",
            },
        )
    return kibibytes_to_bytes(value)


def category_name(field: str, category: str) -> str:
    """A category name that is given and that qBittorrent would keep as it is."""
    if not category.strip():
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="category_required",
            translation_placeholders={"field": field},
        )
    return check_category(field, category)


def share_limit[T: (int, float)](field: str, value: T, maximum: int) -> T:
    """-2 (the global limit), -1 (no limit), or what qBittorrent keeps as given."""
    if value not in (SHARE_LIMIT_GLOBAL, SHARE_LIMIT_NONE) and not (
        0 <= value <= maximum
    ):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_share_limit",
            translation_placeholders={
                "field": field,
                "value": f"{value:g}",
                "maximum": f"{maximum:,}",
            },
        )
    return value


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _preference_error(kind: str, value: object) -> str | None:
    """The translation key refusing ``value`` for ``kind``, or None if it fits."""
    number = float(value) if _is_number(value) else None  # type: ignore[arg-type]
    whole = number is not None and number.is_integer()
    if kind == "flag":
        key = "invalid_preference_flag"
        fits = isinstance(value, bool)
    elif kind == "path":
        key = "invalid_preference_path"
        fits = isinstance(value, str) and bool(value.strip())
    elif kind == "ratio":
        key = "invalid_preference_ratio"
        fits = number is not None and (
            number == SHARE_LIMIT_NONE or 0 <= number <= MAX_SHARE_RATIO
        )
    elif kind == "port":
        key = "invalid_preference_port"
        fits = whole and number is not None and 1 <= number <= MAX_PORT
    elif kind == "minutes":
        key = "invalid_preference_minutes"
        fits = (
            whole
            and number is not None
            and (number == SHARE_LIMIT_NONE or 0 <= number <= MAX_SEEDING_MINUTES)
        )
    else:  # a count, -1 for unlimited
        key = "invalid_preference_count"
        fits = whole and number is not None and number >= SHARE_LIMIT_NONE
    if fits:
        return None
    return key


def checked_preferences(preferences: dict[str, object]) -> dict[str, object]:
    """Refuse none, or one set_preferences may not change or set so."""
    if not preferences:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="no_preferences_given"
        )
    for key, value in preferences.items():
        kind = PREFERENCE_KINDS.get(key)
        if kind is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="preference_not_allowed",
                translation_placeholders={
                    "key": visible(key),
                    "allowed": ", ".join(PREFERENCE_KINDS),
                },
            )
        error_key = _preference_error(kind, value)
        if error_key is not None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key=error_key,
                translation_placeholders={"key": key, "value": visible(str(value))},
            )
        if kind == "path":
            check_path(key, str(value))
    return preferences
