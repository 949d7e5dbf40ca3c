# Russian unit and state words are the data parsed here, not look-alikes.
# ruff: noqa: RUF001, RUF002
"""Turn server JSON (numbers or 3.1.x translated strings) into models.

Every parser returns ``None`` for a value it cannot read with certainty:
reporting "unknown" is better than reporting a wrong number.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
import functools
import math
from operator import attrgetter
import re
import sys
from typing import TYPE_CHECKING, Any

from .models import (
    ConnectionStatus,
    Preferences,
    ServerState,
    SpeedLimits,
    Torrent,
    TorrentStatus,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

# qBittorrent reports "infinite" ETAs as 100 days (MAX_ETA).
MAX_ETA_SECONDS = 8_640_000
# Completion dates meaning "never": -1, 0 and 2**32 - 1 (unsigned -1 on 4.x).
_UNSET_TIMESTAMPS = {-1, 0, 0xFFFFFFFF}

_STATUS_BY_STATE: dict[str, TorrentStatus] = {
    "downloading": TorrentStatus.DOWNLOADING,
    "forcedDL": TorrentStatus.DOWNLOADING,
    "uploading": TorrentStatus.SEEDING,
    "forcedUP": TorrentStatus.SEEDING,
    "stalledDL": TorrentStatus.STALLED_DOWNLOADING,
    "stalledUP": TorrentStatus.STALLED_SEEDING,
    "pausedDL": TorrentStatus.STOPPED,
    "pausedUP": TorrentStatus.STOPPED,
    "stoppedDL": TorrentStatus.STOPPED,
    "stoppedUP": TorrentStatus.STOPPED,
    "queuedDL": TorrentStatus.QUEUED,
    "queuedUP": TorrentStatus.QUEUED,
    "checkingDL": TorrentStatus.CHECKING,
    "checkingUP": TorrentStatus.CHECKING,
    "checkingResumeData": TorrentStatus.CHECKING,
    "allocating": TorrentStatus.CHECKING,
    "metaDL": TorrentStatus.METADATA,
    "forcedMetaDL": TorrentStatus.METADATA,
    "moving": TorrentStatus.MOVING,
    "error": TorrentStatus.ERROR,
    "missingFiles": TorrentStatus.MISSING_FILES,
}

# First letter of a (possibly translated) binary unit -> power of 1024.
_UNIT_POWERS = {
    "": 0,
    "K": 1,
    "К": 1,
    "M": 2,
    "М": 2,
    "G": 3,
    "Г": 3,
    "T": 4,
    "Т": 4,
    "P": 5,
    "П": 5,
    "E": 6,
    "Э": 6,
}
_GROUPING_CHARS = " \u00a0\u202f'"
_QUANTITY = re.compile(
    r"(?P<number>\d[\d\u00a0\u202f' .,]*?)\s*"
    r"(?P<prefix>[KMGTPEКМГТПЭ]?)(?:i|и)?(?P<byte>[BБ])(?![A-Za-zА-Яа-я])",
)
_DURATION_PART = re.compile(r"(\d+)\s*([A-Za-zА-Яа-я]+)")
_DURATION_UNITS = {"d": 86400, "д": 86400, "h": 3600, "ч": 3600, "m": 60, "м": 60}
_INFINITY = "∞"


def status_of(state: str) -> TorrentStatus:
    """Normalize a raw qBittorrent state string."""
    return _STATUS_BY_STATE.get(state, TorrentStatus.UNKNOWN)


def parse_localized_number(text: str) -> float | None:
    """Read a number formatted by any locale, e.g. ``1,234.5`` or ``1.234,5``.

    qBittorrent prints at most one or two decimals, so a lone separator
    followed by exactly three digits is a thousands separator.
    """
    cleaned = text.strip()
    for char in _GROUPING_CHARS:
        cleaned = cleaned.replace(char, "")
    if not cleaned or not re.fullmatch(r"\d[\d.,]*", cleaned):
        return None
    if "." in cleaned and "," in cleaned:
        decimal = "." if cleaned.rfind(".") > cleaned.rfind(",") else ","
        grouping = "," if decimal == "." else "."
        cleaned = cleaned.replace(grouping, "").replace(decimal, ".")
    else:
        separator = "." if "." in cleaned else "," if "," in cleaned else None
        if separator is not None:
            parts = cleaned.split(separator)
            if len(parts) > 2 or len(parts[-1]) == 3:  # noqa: PLR2004
                if any(len(part) != 3 for part in parts[1:]):  # noqa: PLR2004
                    return None
                cleaned = "".join(parts)
            else:
                cleaned = cleaned.replace(separator, ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_size(text: object) -> int | None:
    """Parse ``"1.8 GiB"``, ``"1,8 ГиБ"``, ``"0 Б/с"`` into bytes (or B/s).

    Returns:
        The value, or ``None`` for "Unknown" (in any language) and anything
        else that is not exactly one quantity with a binary unit.
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        return text if text >= 0 else None
    if isinstance(text, float):
        return int(text) if math.isfinite(text) and text >= 0 else None
    if not isinstance(text, str):
        return None
    matches = list(_QUANTITY.finditer(text))
    if len(matches) != 1:
        return None
    return _quantity_value(matches[0])


def _quantity_value(match: re.Match[str]) -> int | None:
    number = parse_localized_number(match["number"])
    if number is None:
        return None
    value = number * (1 << (10 * _UNIT_POWERS[match["prefix"]]))
    return round(value) if math.isfinite(value) else None


def parse_transfer_text(text: object) -> tuple[int | None, int | None]:
    """Parse 3.1.x ``dl_info``/``up_info`` into (speed B/s, session bytes).

    Accepts any language, e.g. ``"D: 1.2 MiB/s/s - T: 3.4 GiB"`` or
    ``"Приём: 0 Б/с - Передано: 0 Б"``.
    """
    if not isinstance(text, str):
        return None, None
    matches = list(_QUANTITY.finditer(text))
    if len(matches) != 2:  # noqa: PLR2004
        return None, None
    return _quantity_value(matches[0]), _quantity_value(matches[1])


def parse_ratio(value: object) -> float | None:
    """Parse a ratio number or 3.1.x string; ``∞`` (above 100) is unknown."""
    number = (
        parse_localized_number(value) if isinstance(value, str) else as_float(value)
    )
    return number if number is not None and number >= 0 else None


def parse_eta(value: object) -> int | None:
    """Parse an ETA in seconds, or a 3.1.x ``"1d 2h"``/``"< 1m"`` string.

    Infinite and unparsable ETAs are ``None``; ``"< 1m"`` is ``0`` (minute
    precision, like every other 3.1.x ETA).
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 <= value < MAX_ETA_SECONDS else None
    text = value.strip() if isinstance(value, str) else ""
    if not text or _INFINITY in text:
        return None
    if text.startswith("<"):
        rest = _DURATION_PART.fullmatch(text[1:].strip())
        below_a_minute = rest is not None and rest[1] == "1" and rest[2] in {"m", "м"}
        return 0 if below_a_minute else None
    return _parse_duration(text)


def _parse_duration(text: str) -> int | None:
    if text == "0":
        return 0
    parts = _DURATION_PART.findall(text)
    if not parts or "".join(f"{n}{u}" for n, u in parts) != re.sub(r"\s+", "", text):
        return None
    total = 0
    for number, unit in parts:
        seconds = _DURATION_UNITS.get(unit)
        if seconds is None:
            return None
        total += int(number) * seconds
    return total


def as_int(value: object) -> int | None:
    """Return an integer field, or ``None`` when absent or not numeric."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    if isinstance(value, str):
        number = parse_localized_number(value)
        return int(number) if number is not None and number.is_integer() else None
    return None


def as_float(value: object) -> float | None:
    """Return a float field (numbers or numeric strings), else ``None``."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError, OverflowError:  # not a number, or an int beyond floats
        return None
    return number if math.isfinite(number) else None


def as_bool(value: object) -> bool | None:
    """Return a boolean field, else ``None``."""
    return value if isinstance(value, bool) else None


def as_str(value: object) -> str | None:
    """Return a string field, else ``None``."""
    return value if isinstance(value, str) else None


def as_limit(value: object) -> int | None:
    """Return a rate limit in B/s where ``0`` (and negative) mean unlimited."""
    number = as_int(value)
    if number is None:
        return None
    return max(number, 0)


def as_timestamp(value: object) -> datetime | None:
    """Return a UTC time from a Unix timestamp; unset markers give ``None``.

    A timestamp beyond what a date can hold (e.g. ``1e18``) is unknown too.
    """
    number = as_int(value)
    if number is None or number in _UNSET_TIMESTAMPS or number < 0:
        return None
    try:
        return datetime.fromtimestamp(number, UTC)
    except OverflowError, OSError, ValueError:
        return None


def parse_tags(value: object) -> frozenset[str]:
    """Split the ``"a, b"`` tag string of torrents."""
    if not isinstance(value, str):
        return frozenset()
    return _split_tags(value)


@functools.lru_cache(maxsize=1024)
def _split_tags(value: str) -> frozenset[str]:
    # Cached: torrents share a few tag combinations, so they share the sets.
    return frozenset(tag.strip() for tag in value.split(",") if tag.strip())


def parse_queue_position(value: object) -> int | None:
    """Return a queue position; below 1 (``0`` or ``-1``) the torrent is not queued."""
    position = as_int(value)
    return position if position is not None and position > 0 else None


def parse_connection_status(value: object) -> ConnectionStatus | None:
    """Map ``connected``/``firewalled``/``disconnected``; others are unknown."""
    try:
        return ConnectionStatus(value) if isinstance(value, str) else None
    except ValueError:
        return None


# Every key ``torrent_from_api`` reads: the sync engine keeps only these of
# each torrent's ~60 maindata fields to merge later partial updates.
TORRENT_API_FIELDS = frozenset(
    {
        "state",
        "priority",
        "category",
        "label",
        "name",
        "progress",
        "size",
        "downloaded",
        "uploaded",
        "amount_left",
        "dlspeed",
        "upspeed",
        "ratio",
        "eta",
        "num_seeds",
        "num_leechs",
        "tags",
        "save_path",
        "added_on",
        "completion_on",
        "force_start",
        "seq_dl",
        "f_l_piece_prio",
        "super_seeding",
        "dl_limit",
        "up_limit",
        "tracker",
    }
)
# Values shared by many torrents: interned so 10,000 torrents hold one copy.
_SHARED_STRING_FIELDS = frozenset(
    {"state", "category", "label", "tags", "save_path", "tracker"}
)


# One key object per field, whichever decode produced the torrent's keys.
_KEPT_KEYS = {name: name for name in TORRENT_API_FIELDS}


def kept_torrent_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a maindata torrent (or delta) the client uses, strings shared."""
    return {
        _KEPT_KEYS[key]: sys.intern(value)
        if key in _SHARED_STRING_FIELDS and isinstance(value, str)
        else value
        for key, value in raw.items()
        if key in _KEPT_KEYS
    }


def lowered(text: str) -> str:
    """``text`` in lower case, the same object when it already is.

    Hashes are lower case on the wire: keeping the decoded string, not a
    copy, lets the map's key and the torrent's hash share it.
    """
    lower = text.lower()
    return text if lower == text else lower


def torrent_from_api(torrent_hash: str, raw: Mapping[str, Any]) -> Torrent:
    """Build a torrent from legacy or modern JSON (numeric fields)."""
    state = as_str(raw.get("state")) or "unknown"
    category = raw.get("category", raw.get("label"))
    return Torrent(
        hash=lowered(torrent_hash),
        name=as_str(raw.get("name")) or "",
        state=state,
        status=status_of(state),
        progress=as_float(raw.get("progress")),
        size=as_int(raw.get("size")),
        downloaded=as_int(raw.get("downloaded")),
        uploaded=as_int(raw.get("uploaded")),
        amount_left=as_int(raw.get("amount_left")),
        download_speed=as_int(raw.get("dlspeed")),
        upload_speed=as_int(raw.get("upspeed")),
        ratio=parse_ratio(raw.get("ratio")),
        eta=parse_eta(raw.get("eta")),
        seeds=as_int(raw.get("num_seeds")),
        leechers=as_int(raw.get("num_leechs")),
        category=as_str(category) or None,
        tags=parse_tags(raw.get("tags")),
        save_path=as_str(raw.get("save_path")),
        added_on=as_timestamp(raw.get("added_on")),
        completion_on=as_timestamp(raw.get("completion_on")),
        priority=parse_queue_position(raw.get("priority")),
        force_start=as_bool(raw.get("force_start")),
        sequential_download=as_bool(raw.get("seq_dl")),
        first_last_piece_priority=as_bool(raw.get("f_l_piece_prio")),
        super_seeding=as_bool(raw.get("super_seeding")),
        download_limit=as_limit(raw.get("dl_limit")),
        upload_limit=as_limit(raw.get("up_limit")),
        tracker=as_str(raw.get("tracker")) or None,
    )


def _name(value: object) -> str:
    return as_str(value) or ""


def _state(value: object) -> str:
    return as_str(value) or "unknown"


def _optional_text(value: object) -> str | None:
    return as_str(value) or None


# What each maindata field sets, read as torrent_from_api reads it: the
# Torrent attribute and its parser. A delta names only the fields that
# changed, so only those are read again (the sync engine keeps no raw fields).
_DELTA_READERS: dict[str, tuple[str, Callable[[object], object]]] = {
    "name": ("name", _name),
    "state": ("state", _state),
    "progress": ("progress", as_float),
    "size": ("size", as_int),
    "downloaded": ("downloaded", as_int),
    "uploaded": ("uploaded", as_int),
    "amount_left": ("amount_left", as_int),
    "dlspeed": ("download_speed", as_int),
    "upspeed": ("upload_speed", as_int),
    "ratio": ("ratio", parse_ratio),
    "eta": ("eta", parse_eta),
    "num_seeds": ("seeds", as_int),
    "num_leechs": ("leechers", as_int),
    "category": ("category", _optional_text),
    "label": ("category", _optional_text),
    "tags": ("tags", parse_tags),
    "save_path": ("save_path", as_str),
    "added_on": ("added_on", as_timestamp),
    "completion_on": ("completion_on", as_timestamp),
    "priority": ("priority", parse_queue_position),
    "force_start": ("force_start", as_bool),
    "seq_dl": ("sequential_download", as_bool),
    "f_l_piece_prio": ("first_last_piece_priority", as_bool),
    "super_seeding": ("super_seeding", as_bool),
    "dl_limit": ("download_limit", as_limit),
    "up_limit": ("upload_limit", as_limit),
    "tracker": ("tracker", _optional_text),
}
_ATTRIBUTES = tuple(field.name for field in fields(Torrent))
_POSITIONS = {name: position for position, name in enumerate(_ATTRIBUTES)}
_DELTA_POSITIONS = {
    key: (_POSITIONS[attribute], read)
    for key, (attribute, read) in _DELTA_READERS.items()
}
_STATUS_POSITION = _POSITIONS["status"]
_all_values = attrgetter(*_ATTRIBUTES)


def torrent_updated(
    torrent: Torrent, delta: Mapping[str, Any], *, label_applies: bool
) -> Torrent:
    """``torrent`` with the fields a maindata delta changed, read again.

    Equal to :func:`torrent_from_api` of the merged raw fields. Its category
    is ``category`` where the torrent ever had one, else ``label`` (3.3.1 to
    3.3.4): ``label_applies`` tells that the torrent never had ``category``.

    Returns:
        A new torrent, or ``torrent`` itself when the delta names no field
        the model reads.
    """
    values: list[Any] | None = None
    for key, value in delta.items():
        reader = _DELTA_POSITIONS.get(key)
        if reader is None or (
            key == "label" and (not label_applies or "category" in delta)
        ):
            continue
        if values is None:
            values = list(_all_values(torrent))
        position, read = reader
        values[position] = read(value)
        if key == "state":
            values[_STATUS_POSITION] = status_of(values[position])
    return torrent if values is None else Torrent(*values)


def torrent_from_digest(raw: Mapping[str, Any]) -> Torrent:
    """Build a torrent from a 3.1.x ``/json/torrents`` entry (strings)."""
    state = as_str(raw.get("state")) or "unknown"
    return Torrent(
        hash=(as_str(raw.get("hash")) or "").lower(),
        name=as_str(raw.get("name")) or "",
        state=state,
        status=status_of(state),
        progress=as_float(raw.get("progress")),
        size=parse_size(raw.get("size")),
        download_speed=parse_size(raw.get("dlspeed")),
        upload_speed=parse_size(raw.get("upspeed")),
        ratio=parse_ratio(raw.get("ratio")),
        eta=parse_eta(raw.get("eta")),
        seeds=as_int(raw.get("num_seeds")),
        leechers=as_int(raw.get("num_leechs")),
        priority=parse_queue_position(raw.get("priority")),
    )


def server_state_from_api(raw: Mapping[str, Any]) -> ServerState:
    """Build the server state from maindata ``server_state``/transfer info."""
    ratio = raw.get("global_ratio")
    return ServerState(
        download_speed=as_int(raw.get("dl_info_speed")),
        upload_speed=as_int(raw.get("up_info_speed")),
        session_downloaded=as_int(raw.get("dl_info_data")),
        session_uploaded=as_int(raw.get("up_info_data")),
        alltime_downloaded=as_int(raw.get("alltime_dl")),
        alltime_uploaded=as_int(raw.get("alltime_ul")),
        global_ratio=as_float(ratio),
        download_rate_limit=as_limit(raw.get("dl_rate_limit")),
        upload_rate_limit=as_limit(raw.get("up_rate_limit")),
        connection_status=parse_connection_status(raw.get("connection_status")),
        dht_nodes=as_int(raw.get("dht_nodes")),
        free_space_on_disk=as_int(raw.get("free_space_on_disk")),
        alternative_speed_limits_enabled=as_bool(raw.get("use_alt_speed_limits")),
        queueing=as_bool(raw.get("queueing")),
        peer_connections=as_int(raw.get("total_peer_connections")),
        session_paused=as_bool(raw.get("session_state")),
    )


def server_state_from_digest(
    raw: Mapping[str, Any],
    *,
    download_limit: int | None = None,
    upload_limit: int | None = None,
) -> ServerState:
    """Build the server state from 3.1.x ``/json/transferInfo``."""
    download_speed, session_downloaded = parse_transfer_text(raw.get("dl_info"))
    upload_speed, session_uploaded = parse_transfer_text(raw.get("up_info"))
    return ServerState(
        download_speed=download_speed,
        upload_speed=upload_speed,
        session_downloaded=session_downloaded,
        session_uploaded=session_uploaded,
        download_rate_limit=download_limit,
        upload_rate_limit=upload_limit,
    )


def preferences_from_api(
    raw: Mapping[str, Any], alternative_limits: SpeedLimits
) -> Preferences:
    """Read the preferences' server-wide settings (limits already in B/s).

    The share ratio and seeding time limits read ``-1`` while their switch
    (``max_ratio_enabled``, ``max_seeding_time_enabled``) is off.
    """
    return Preferences(
        alternative_limits=alternative_limits,
        dht=as_bool(raw.get("dht")),
        pex=as_bool(raw.get("pex")),
        lsd=as_bool(raw.get("lsd")),
        queueing=as_bool(raw.get("queueing_enabled")),
        listen_port=as_int(raw.get("listen_port")),
        max_active_downloads=as_int(raw.get("max_active_downloads")),
        max_active_uploads=as_int(raw.get("max_active_uploads")),
        max_active_torrents=as_int(raw.get("max_active_torrents")),
        max_connections=as_int(raw.get("max_connec")),
        max_connections_per_torrent=as_int(raw.get("max_connec_per_torrent")),
        max_uploads=as_int(raw.get("max_uploads")),
        max_uploads_per_torrent=as_int(raw.get("max_uploads_per_torrent")),
        share_ratio_limit=_switched_limit(
            raw, "max_ratio_enabled", as_float(raw.get("max_ratio"))
        ),
        seeding_time_limit=_switched_limit(
            raw, "max_seeding_time_enabled", as_int(raw.get("max_seeding_time"))
        ),
    )


def _switched_limit[T: (int, float)](
    raw: Mapping[str, Any], switch: str, value: T | None
) -> T | None:
    """A limit that reads -1 (none) while its switch is off."""
    if value is not None and raw.get(switch) is False:
        return type(value)(-1)
    return value
