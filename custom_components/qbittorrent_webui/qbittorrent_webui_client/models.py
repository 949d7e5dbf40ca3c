"""Value objects returned and accepted by the qBittorrent WebUI client.

Every model is a frozen, slotted dataclass that compares by value, so two
polls that saw the same server state produce equal objects. Numbers the server
did not report, or that could not be parsed, are ``None``: unknown beats wrong.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import InitVar, dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from datetime import datetime

MAX_SPEED_LIMIT = 2_147_482_624
"""The highest speed limit in B/s that every qBittorrent keeps as given.

qBittorrent reads limits as a 32-bit int of B/s and keeps global limits in
whole KiB/s: 2,097,151 KiB/s. Larger values wrap around (2**31 B/s becomes
unlimited, 2**32 + 1024 becomes 1 KiB/s), so the client refuses them.
"""

KIBIBYTE = 1024
"""Bytes in a KiB: qBittorrent's own interface shows speeds in KiB/s."""

MAX_SPEED_LIMIT_KIBIBYTES = MAX_SPEED_LIMIT // KIBIBYTE
"""The highest speed limit in KiB/s (see :data:`MAX_SPEED_LIMIT`)."""

SHARE_LIMIT_GLOBAL = -2
"""A share limit that follows the global one."""
SHARE_LIMIT_NONE = -1
"""A share limit that never stops seeding."""
MAX_SHARE_RATIO = 9999
"""The highest ratio limit 4.x and 5.1 keep (larger ones are capped to it)."""
MAX_SEEDING_MINUTES = 525_600
"""The highest seeding time limit 4.x and 5.1 keep: one year, in minutes."""


def kibibytes_to_bytes(rate: float) -> int:
    """Return a rate given in KiB/s in whole B/s."""
    return round(rate * KIBIBYTE)


def bytes_to_kibibytes(rate: int) -> float:
    """Return a rate given in B/s in KiB/s."""
    return rate / KIBIBYTE


class Generation(StrEnum):
    """The three WebUI API generations, each spoken by its own dialect."""

    DIGEST = "digest"
    """qBittorrent 3.1.x: HTTP Digest, ``/json/*`` and translated strings."""

    LEGACY = "legacy"
    """qBittorrent 3.2.0 to 4.0.4: cookie login, ``/query/*``, legacy API 2-17."""

    MODERN = "modern"
    """qBittorrent 4.1 and later: ``/api/v2/*``."""


class TorrentStatus(StrEnum):
    """Normalized torrent status, independent of the server's state names."""

    DOWNLOADING = "downloading"
    SEEDING = "seeding"
    STALLED_DOWNLOADING = "stalled_downloading"
    STALLED_SEEDING = "stalled_seeding"
    STOPPED = "stopped"
    """Paused or stopped (``pausedUP``, ``pausedDL``, ``stoppedUP``, ``stoppedDL``)."""
    QUEUED = "queued"
    CHECKING = "checking"
    METADATA = "metadata"
    MOVING = "moving"
    ERROR = "error"
    MISSING_FILES = "missing_files"
    UNKNOWN = "unknown"


PROGRESS_UNKNOWN_STATUSES = frozenset(
    {
        TorrentStatus.CHECKING,
        TorrentStatus.METADATA,
        TorrentStatus.MOVING,
        TorrentStatus.ERROR,
        TorrentStatus.MISSING_FILES,
        TorrentStatus.UNKNOWN,
    }
)
"""Statuses whose progress numbers say nothing about the download.

While qBittorrent loads, checks, allocates or moves a torrent, fetches its
metadata, or has it in error, ``progress`` and ``amount_left`` are those of
that work (or placeholders), not of the download: 5.3.0 lists every torrent
as ``checkingResumeData`` with progress 0 for about a second after a
restart, and a recheck climbs from 0 again. An unknown state cannot be read
either. In these statuses :attr:`Torrent.is_complete` is ``None``.
"""


class StatusGroup(StrEnum):
    """What a torrent is doing, by its normalized status.

    Every status but :attr:`TorrentStatus.UNKNOWN` is in exactly one group, so
    the groups' counts add up. Unlike the server's filters of the same names
    (:class:`TorrentFilter`), downloading and seeding hold only torrents that
    may transfer now: stopped, queued and checking ones have groups of their own.
    """

    DOWNLOADING = "downloading"
    SEEDING = "seeding"
    STOPPED = "stopped"
    CHECKING = "checking"
    QUEUED = "queued"
    ERRORED = "errored"
    MOVING = "moving"

    @property
    def statuses(self) -> frozenset[TorrentStatus]:
        """The statuses in this group."""
        return _GROUP_STATUSES[self]

    def matches(self, torrent: Torrent) -> bool:
        """Whether ``torrent`` is in this group."""
        return torrent.status in _GROUP_STATUSES[self]


_GROUP_STATUSES: Mapping[StatusGroup, frozenset[TorrentStatus]] = MappingProxyType(
    {
        StatusGroup.DOWNLOADING: frozenset(
            {
                TorrentStatus.DOWNLOADING,
                TorrentStatus.STALLED_DOWNLOADING,
                TorrentStatus.METADATA,
            }
        ),
        StatusGroup.SEEDING: frozenset(
            {TorrentStatus.SEEDING, TorrentStatus.STALLED_SEEDING}
        ),
        StatusGroup.STOPPED: frozenset({TorrentStatus.STOPPED}),
        StatusGroup.CHECKING: frozenset({TorrentStatus.CHECKING}),
        StatusGroup.QUEUED: frozenset({TorrentStatus.QUEUED}),
        StatusGroup.ERRORED: frozenset(
            {TorrentStatus.ERROR, TorrentStatus.MISSING_FILES}
        ),
        StatusGroup.MOVING: frozenset({TorrentStatus.MOVING}),
    }
)


class ConnectionStatus(StrEnum):
    """Network connection status reported by the server."""

    CONNECTED = "connected"
    FIREWALLED = "firewalled"
    DISCONNECTED = "disconnected"


class TorrentFilter(StrEnum):
    """State filters for :meth:`QBittorrentClient.get_torrents`.

    qBittorrent's own filters, sent by name to servers that know them and
    matched by :meth:`matches` for those that do not. Its downloading and
    seeding follow the server's raw states, so they also hold stopped
    (downloading only), queued and checking torrents; see :class:`StatusGroup`.
    """

    ALL = "all"
    DOWNLOADING = "downloading"
    SEEDING = "seeding"
    COMPLETED = "completed"
    STOPPED = "stopped"
    RUNNING = "running"
    ACTIVE = "active"
    INACTIVE = "inactive"
    STALLED = "stalled"
    ERRORED = "errored"

    def matches(self, torrent: Torrent) -> bool:
        """Whether ``torrent`` passes this filter, as the server decides it."""
        return _FILTER_CHECKS[self](torrent)


# The server's raw states its downloading and seeding filters take.
_SERVER_DOWNLOADING_STATES = frozenset(
    {
        "downloading",
        "metaDL",
        "forcedMetaDL",
        "forcedDL",
        "stalledDL",
        "checkingDL",
        "pausedDL",
        "stoppedDL",
        "queuedDL",
    }
)
_SERVER_SEEDING_STATES = frozenset(
    {"uploading", "stalledUP", "checkingUP", "queuedUP", "forcedUP"}
)
_STALLED_STATUSES = frozenset(
    {TorrentStatus.STALLED_DOWNLOADING, TorrentStatus.STALLED_SEEDING}
)
_FILTER_CHECKS: Mapping[TorrentFilter, Callable[[Torrent], bool]] = MappingProxyType(
    {
        TorrentFilter.ALL: lambda _torrent: True,
        TorrentFilter.DOWNLOADING: lambda torrent: (
            torrent.state in _SERVER_DOWNLOADING_STATES
        ),
        TorrentFilter.SEEDING: lambda torrent: torrent.state in _SERVER_SEEDING_STATES,
        TorrentFilter.COMPLETED: lambda torrent: torrent.is_complete is True,
        TorrentFilter.STOPPED: StatusGroup.STOPPED.matches,
        TorrentFilter.RUNNING: lambda torrent: not StatusGroup.STOPPED.matches(torrent),
        TorrentFilter.ACTIVE: lambda torrent: torrent.is_active,
        TorrentFilter.INACTIVE: lambda torrent: not torrent.is_active,
        TorrentFilter.STALLED: lambda torrent: torrent.status in _STALLED_STATUSES,
        TorrentFilter.ERRORED: StatusGroup.ERRORED.matches,
    }
)


class TorrentSort(StrEnum):
    """Sort keys for :meth:`QBittorrentClient.get_torrents`.

    Values are the attribute names of :class:`Torrent`.
    """

    NAME = "name"
    SIZE = "size"
    PROGRESS = "progress"
    DOWNLOAD_SPEED = "download_speed"
    UPLOAD_SPEED = "upload_speed"
    RATIO = "ratio"
    ETA = "eta"
    PRIORITY = "priority"
    STATE = "state"
    ADDED_ON = "added_on"
    COMPLETION_ON = "completion_on"


class QueueMove(StrEnum):
    """Ways to move torrents in the download queue."""

    INCREASE = "increase"
    DECREASE = "decrease"
    TOP = "top"
    BOTTOM = "bottom"


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What the connected server supports; derived from its version.

    :data:`OPERATION_REQUIREMENTS` names the flag each operation needs: when
    it is ``False`` the client method raises
    :class:`~.exceptions.QBittorrentUnsupportedOperationError`.
    """

    alternative_speed_get: bool = False
    alternative_speed_set: bool = False
    alternative_speed_toggle_only: bool = False
    """The server can only toggle alternative limits; setting reads then toggles."""
    categories: bool = False
    tags: bool = False
    reannounce: bool = False
    force_start: bool = False
    per_torrent_limits: bool = False
    set_location: bool = False
    rename: bool = False
    super_seeding: bool = False
    sequential_download: bool = False
    queue_priority: bool = False
    add_trackers: bool = False
    file_priority: bool = False
    incremental_sync: bool = False
    """The server offers ``sync/maindata`` (otherwise full lists are diffed)."""
    add_options: bool = False
    """Adding accepts options (save path, category, start stopped...)."""
    shutdown: bool = False
    api_key: bool = False
    stop_start_naming: bool = False
    """The server names pause/resume ``stop``/``start`` (API 2.11+)."""
    session_pause: bool = False
    """The whole BitTorrent session can be paused (``transfer/pauseSession``)."""
    edit_category: bool = False
    share_limits: bool = False
    auto_management: bool = False
    download_path: bool = False
    torrent_details: bool = False
    export: bool = False
    rss: bool = False
    search: bool = False


@dataclass(frozen=True, slots=True)
class OperationRequirement:
    """What a server needs for an operation that not every generation has.

    Attributes:
        minimum_version: First qBittorrent version offering the operation.
        capability: The :class:`Capabilities` flag that is true on servers
            offering it, checked before any request; ``None`` when only the
            server's API level tells (an option or argument of an operation
            that older versions have without it).
    """

    minimum_version: str
    capability: str | None = None


OPERATION_REQUIREMENTS: Mapping[str, OperationRequirement] = MappingProxyType(
    {
        # Client methods the 3.1.x WebUI lacks.
        "get_alternative_speed_limits_enabled": OperationRequirement(
            "3.2.0", "alternative_speed_get"
        ),
        "set_alternative_speed_limits_enabled": OperationRequirement(
            "3.2.0", "alternative_speed_set"
        ),
        "set_force_start": OperationRequirement("3.2.0", "force_start"),
        "toggle_sequential_download": OperationRequirement(
            "3.2.0", "sequential_download"
        ),
        "toggle_first_last_piece_priority": OperationRequirement(
            "3.2.0", "sequential_download"
        ),
        "set_super_seeding": OperationRequirement("3.2.0", "super_seeding"),
        "set_category": OperationRequirement("3.3.5", "categories"),
        "create_category": OperationRequirement("3.3.5", "categories"),
        "remove_categories": OperationRequirement("3.3.5", "categories"),
        "set_location": OperationRequirement("3.3.11", "set_location"),
        "rename_torrent": OperationRequirement("3.3.11", "rename"),
        "reannounce_torrents": OperationRequirement("4.1.2", "reannounce"),
        # Absent on real 5.1.0, present on real 5.3.0 (5.2 was not checked).
        "pause_session": OperationRequirement("5.3.0", "session_pause"),
        "resume_session": OperationRequirement("5.3.0", "session_pause"),
        # Arguments and options of methods every generation has.
        "add options": OperationRequirement("3.3.1", "add_options"),
        "add option stopped": OperationRequirement("3.3.13"),
        "add option skip_checking": OperationRequirement("3.3.13"),
        "add option sequential_download": OperationRequirement("4.0.0"),
        "add option first_last_piece_priority": OperationRequirement("4.0.0"),
        "add option download_limit": OperationRequirement("4.0.0"),
        "add option upload_limit": OperationRequirement("4.0.0"),
        "add option rename": OperationRequirement("4.0.0"),
        "add option tags": OperationRequirement("4.3.2"),
        "create_category(save_path=...)": OperationRequirement("4.1.0"),
        "get_torrents(tag=...)": OperationRequirement("4.4.0"),
        # Tags.
        "add_tags": OperationRequirement("4.2.0", "tags"),
        "remove_tags": OperationRequirement("4.2.0", "tags"),
        "create_tags": OperationRequirement("4.2.0", "tags"),
        "delete_tags": OperationRequirement("4.2.0", "tags"),
        # Categories and share limits.
        "edit_category": OperationRequirement("4.1.3", "edit_category"),
        "set_share_limits": OperationRequirement("4.1.1", "share_limits"),
        "set_share_limits(inactive_seeding_time_limit=...)": OperationRequirement(
            "4.6.0"
        ),
        # Per-torrent settings.
        "set_auto_management": OperationRequirement("4.1.0", "auto_management"),
        "set_download_path": OperationRequirement("4.4.0", "download_path"),
        "get_torrent_details": OperationRequirement("4.1.0", "torrent_details"),
        "export_torrent": OperationRequirement("4.5.0", "export"),
        # RSS.
        "add_rss_folder": OperationRequirement("4.1.0", "rss"),
        "add_rss_feed": OperationRequirement("4.1.0", "rss"),
        "remove_rss_item": OperationRequirement("4.1.0", "rss"),
        "refresh_rss_item": OperationRequirement("4.1.0", "rss"),
        "get_rss_items": OperationRequirement("4.1.0", "rss"),
        "set_rss_rule": OperationRequirement("4.1.0", "rss"),
        "remove_rss_rule": OperationRequirement("4.1.0", "rss"),
        "get_rss_rules": OperationRequirement("4.1.0", "rss"),
        # Search (needs Python and search plugins on the server's machine).
        "start_search": OperationRequirement("4.1.4", "search"),
        "get_search_results": OperationRequirement("4.1.4", "search"),
        "stop_search": OperationRequirement("4.1.4", "search"),
        "delete_search": OperationRequirement("4.1.4", "search"),
    }
)
"""The first qBittorrent version of each operation that older ones lack.

Keyed by the name :class:`~.exceptions.QBittorrentUnsupportedOperationError`
reports; every other operation works on every generation (3.1.x on).
"""


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """Identity of the connected server, found by :meth:`QBittorrentClient.detect`.

    Attributes:
        generation: The WebUI API generation.
        app_version: Application version without the leading ``v``
            (``"5.3.0"``, ``"3.1.12"``), or ``None`` if the server did not say.
        api_version: ``"2.11.4"`` on modern servers, the legacy integer as a
            string (``"17"``) on legacy ones, ``None`` on 3.1.x.
        capabilities: Derived capability flags.
    """

    generation: Generation
    app_version: str | None
    api_version: str | None
    capabilities: Capabilities

    @property
    def model(self) -> str:
        """The product, as a device label names it (the version stands apart)."""
        return "qBittorrent"

    @property
    def reports_global_ratio(self) -> bool:
        """Whether the server state always carries the global share ratio.

        4.1+ does; its ratio is ``None`` only until there is one ("-").
        Older servers report it, if at all, only where they can compute it.
        """
        return self.generation is Generation.MODERN


@dataclass(frozen=True, slots=True)
class ServerState:
    """Global transfer state. Speeds and limits in B/s, amounts in bytes.

    Rate limits are ``0`` when unlimited. Every field is ``None`` when the
    server does not report it or its value could not be parsed.
    """

    download_speed: int | None = None
    upload_speed: int | None = None
    session_downloaded: int | None = None
    session_uploaded: int | None = None
    alltime_downloaded: int | None = None
    alltime_uploaded: int | None = None
    global_ratio: float | None = None
    download_rate_limit: int | None = None
    upload_rate_limit: int | None = None
    connection_status: ConnectionStatus | None = None
    dht_nodes: int | None = None
    free_space_on_disk: int | None = None
    alternative_speed_limits_enabled: bool | None = None
    queueing: bool | None = None
    """Torrent queueing is on (maindata, 3.2+)."""
    peer_connections: int | None = None
    """Peers connected over all torrents (maindata, 4.1+)."""
    session_paused: bool | None = None
    """The whole BitTorrent session is paused (5.3.0+, ``session_state``)."""


@dataclass(frozen=True, slots=True)
class SpeedLimits:
    """A download and an upload limit in B/s, ``0`` meaning unlimited.

    A limit is ``None`` when the server does not report it or its value could
    not be parsed.
    """

    download: int | None = None
    upload: int | None = None


@dataclass(frozen=True, slots=True)
class Preferences:
    """The server-wide settings read from the preferences in one request.

    A field is ``None`` where the server does not report it. Counts and the
    limits of share ratio (a ratio) and seeding time (minutes) are as
    qBittorrent reports them: ``-1`` means no limit. Real 4.5.2-5.3.0 store
    ``-1`` for a connection or upload-slot count of ``0``.

    Attributes:
        alternative_limits: The alternative speed limits, in B/s.
        dht: Find peers on the DHT network.
        pex: Find peers by peer exchange.
        lsd: Find peers on the local network.
        queueing: Torrent queueing is on (the max active counts apply).
        listen_port: The port incoming connections arrive on.
    """

    alternative_limits: SpeedLimits = SpeedLimits()
    dht: bool | None = None
    pex: bool | None = None
    lsd: bool | None = None
    queueing: bool | None = None
    listen_port: int | None = None
    max_active_downloads: int | None = None
    max_active_uploads: int | None = None
    max_active_torrents: int | None = None
    max_connections: int | None = None
    max_connections_per_torrent: int | None = None
    max_uploads: int | None = None
    max_uploads_per_torrent: int | None = None
    share_ratio_limit: float | None = None
    seeding_time_limit: int | None = None


@dataclass(frozen=True, slots=True)
class Torrent:
    """One torrent. Sizes in bytes, speeds and limits in B/s, times as UTC.

    Attributes:
        hash: Info hash, lower case; the key used by every operation.
        state: The server's raw state string (``"pausedUP"``, ``"stoppedDL"``...).
        status: Normalized status.
        progress: Completion between 0 and 1.
        eta: Seconds to completion, ``None`` when unknown or infinite.
        priority: Queue position, ``None`` when queueing is off or seeding.
        limits: ``0`` means unlimited.
    """

    hash: str
    name: str
    state: str
    status: TorrentStatus
    progress: float | None = None
    size: int | None = None
    downloaded: int | None = None
    uploaded: int | None = None
    amount_left: int | None = None
    download_speed: int | None = None
    upload_speed: int | None = None
    ratio: float | None = None
    eta: int | None = None
    seeds: int | None = None
    leechers: int | None = None
    category: str | None = None
    tags: frozenset[str] = frozenset()
    save_path: str | None = None
    added_on: datetime | None = None
    completion_on: datetime | None = None
    priority: int | None = None
    force_start: bool | None = None
    sequential_download: bool | None = None
    first_last_piece_priority: bool | None = None
    super_seeding: bool | None = None
    download_limit: int | None = None
    upload_limit: int | None = None
    tracker: str | None = None

    @property
    def is_complete(self) -> bool | None:
        """Whether all wanted data is present; ``None`` when the server cannot say.

        Unknown while the status carries no download progress (see
        :data:`PROGRESS_UNKNOWN_STATUSES`) or the numbers are missing.
        """
        if self.status in PROGRESS_UNKNOWN_STATUSES:
            return None
        if self.amount_left is not None:
            return self.amount_left == 0 and self.progress != 0
        if self.progress is None:
            return None
        return self.progress >= 1

    @property
    def is_active(self) -> bool:
        """Whether the torrent transfers data right now."""
        return bool(self.download_speed) or bool(self.upload_speed)

    @property
    def finishes_in(self) -> int | None:
        """Seconds until its download completes, if incomplete with a known ETA.

        A complete torrent's ETA counts down to its share limit instead.
        """
        return self.eta if self.is_complete is False else None


@dataclass(frozen=True, slots=True)
class Category:
    """A torrent category (called label on qBittorrent 3.3.1-3.3.4)."""

    name: str
    save_path: str | None = None


def _empty_mapping() -> Mapping[str, object]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class TorrentSummary:
    """Counts over every torrent of a snapshot, readable without iterating.

    Attributes:
        total: Number of torrents.
        active: Torrents that transfer data right now (see
            :attr:`Torrent.is_active`).
        status_counts: Number of torrents per status; statuses no torrent has
            are absent, so equal populations give equal summaries.
        soonest_finish: Seconds until the first incomplete torrent with a
            known ETA finishes downloading; ``None`` without one.
    """

    total: int = 0
    active: int = 0
    status_counts: Mapping[TorrentStatus, int] = field(default_factory=_empty_mapping)  # type: ignore[arg-type]
    soonest_finish: int | None = None

    @classmethod
    def of(cls, torrents: Iterable[Torrent]) -> TorrentSummary:
        """Count ``torrents`` from scratch."""
        status_counts: Counter[TorrentStatus] = Counter()
        active = 0
        finishes: list[int] = []
        for torrent in torrents:
            status_counts[torrent.status] += 1
            active += torrent.is_active
            if (eta := torrent.finishes_in) is not None:
                finishes.append(eta)
        return cls(
            total=status_counts.total(),
            active=active,
            status_counts=MappingProxyType(dict(status_counts)),
            soonest_finish=min(finishes, default=None),
        )

    @property
    def inactive(self) -> int:
        """Torrents that transfer nothing right now."""
        return self.total - self.active

    def count(self, *statuses: TorrentStatus) -> int:
        """Number of torrents whose status is one of ``statuses``."""
        return sum(self.status_counts.get(status, 0) for status in set(statuses))


@dataclass(frozen=True, slots=True)
class MainData:
    """A full snapshot of the server as the client knows it.

    ``torrents`` is keyed by hash, ``categories`` by name. The mappings are
    read-only views; do not rely on them being ``dict``.

    Attributes:
        summary: Counts over ``torrents``. The sync engine keeps them up to
            date as it merges, touching only changed torrents, and hands them
            in as ``known_summary``; without it they are counted here.
    """

    server_state: ServerState = field(default_factory=ServerState)
    torrents: Mapping[str, Torrent] = field(default_factory=_empty_mapping)  # type: ignore[arg-type]
    categories: Mapping[str, Category] = field(default_factory=_empty_mapping)  # type: ignore[arg-type]
    tags: frozenset[str] = frozenset()
    known_summary: InitVar[TorrentSummary | None] = None
    summary: TorrentSummary = field(init=False)

    def __post_init__(self, known_summary: TorrentSummary | None) -> None:
        """Take the summary the caller maintains, or count ``torrents``."""
        if known_summary is None:
            known_summary = TorrentSummary.of(self.torrents.values())
        # Frozen: the one assignment goes around the generated __setattr__.
        object.__setattr__(self, "summary", known_summary)


@dataclass(frozen=True, slots=True)
class SyncResult:
    """Outcome of :meth:`QBittorrentClient.sync`.

    Attributes:
        data: The current snapshot.
        added: Torrents that appeared since the previous sync.
        updated: Torrents known before whose fields a delta changed. Left
            empty by a full update, which may have changed any torrent.
        removed: Torrents that disappeared (their last known values).
        completed: Torrents that became complete since the previous sync.
        full_update: The server (or the client) replaced the whole state.
        baseline: This was the first sync of this client; ``added``,
            ``removed`` and ``completed`` are empty by definition.
    """

    data: MainData
    added: tuple[Torrent, ...] = ()
    updated: tuple[Torrent, ...] = ()
    removed: tuple[Torrent, ...] = ()
    completed: tuple[Torrent, ...] = ()
    full_update: bool = False
    baseline: bool = False


@dataclass(frozen=True, slots=True)
class AddTorrentOptions:
    """Options for adding torrents. ``None`` leaves the server's default.

    Servers older than 3.3.1 accept no options; the client then raises
    :class:`~.exceptions.QBittorrentUnsupportedOperationError` if any is set.

    Attributes:
        download_limit: B/s, ``0`` for unlimited.
        upload_limit: B/s, ``0`` for unlimited.
    """

    save_path: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    stopped: bool | None = None
    skip_checking: bool | None = None
    download_limit: int | None = None
    upload_limit: int | None = None
    sequential_download: bool | None = None
    first_last_piece_priority: bool | None = None
    rename: str | None = None

    @property
    def is_default(self) -> bool:
        """Whether no option is set."""
        return self == AddTorrentOptions()


@dataclass(frozen=True, slots=True)
class Ban:
    """A ban of this client's IP address, as far as the client knows it.

    Kept apart from rejected credentials: a ban ends by itself, so the client
    waits (sending nothing to the server) and then logs in again. Hand it to
    :meth:`QBittorrentClient.restore_ban` of a new client for the same server
    so the wait survives the old client.

    Attributes:
        retry_at: ``time.monotonic()`` from which the client tries again.
        wait: Seconds waited before ``retry_at``; for a ban of unknown length
            the wait doubles each time the ban is still in force.
        duration: The ban's length in seconds when known (qBittorrent up to
            4.1 bans for a fixed hour; 4.2+ reports its setting in the
            preferences, which the client reads while logged in).
    """

    retry_at: float
    wait: float
    duration: float | None


@dataclass(frozen=True, slots=True)
class TorrentDetails:
    """One torrent's details, each part as the server reports it (raw JSON).

    Attributes:
        properties: ``torrents/properties`` (sizes, times, connections...).
        files: ``torrents/files``, in the torrent's order (index from 0).
        trackers: ``torrents/trackers``, including DHT, PeX and LSD entries.
        peers: ``sync/torrentPeers``' peers, keyed by ``ip:port``.
    """

    properties: Mapping[str, Any]
    files: Sequence[Mapping[str, Any]]
    trackers: Sequence[Mapping[str, Any]]
    peers: Mapping[str, Mapping[str, Any]]
