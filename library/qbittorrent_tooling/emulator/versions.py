"""What each emulated qBittorrent version looks like from the WebUI.

The tables come from the project's research notes (which cite the qBittorrent
source per release tag) and were checked against real 4.2.5, 4.5.2, 5.1.0 and
5.3.0 servers where those are available.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
import re

type VersionTuple = tuple[int, ...]


class Generation(StrEnum):
    """The three WebUI API generations."""

    DIGEST = "digest"  # 3.1.x: HTTP Digest, /json/*, translated strings
    LEGACY = "legacy"  # 3.2.0-4.0.4: cookie login, /query/*, integer API level
    MODERN = "modern"  # 4.1.0+: /api/v2/*


# (first version, legacy API level, legacy API_MIN) from webapplication.cpp per tag.
_LEGACY_API_LEVELS: tuple[tuple[VersionTuple, int, int], ...] = (
    ((3, 2, 0), 2, 2),
    ((3, 2, 1), 3, 2),
    ((3, 2, 2), 4, 2),
    ((3, 2, 4), 5, 2),
    ((3, 3, 0), 6, 2),
    ((3, 3, 1), 7, 2),
    ((3, 3, 2), 8, 8),
    ((3, 3, 4), 9, 8),
    ((3, 3, 5), 10, 10),
    ((3, 3, 8), 11, 11),
    ((3, 3, 11), 12, 11),
    ((3, 3, 12), 13, 13),
    ((3, 3, 13), 14, 14),
    ((3, 3, 14), 15, 15),
    ((4, 0, 0), 16, 15),
    ((4, 0, 1), 17, 15),
)

# (first version, webapiVersion string) from webapplication.h per tag.
_WEBAPI_VERSIONS: tuple[tuple[VersionTuple, str], ...] = (
    ((4, 1, 0), "2.0"),
    ((4, 1, 1), "2.0.1"),
    ((4, 1, 2), "2.0.2"),
    ((4, 1, 3), "2.1"),
    ((4, 1, 4), "2.1.1"),
    ((4, 1, 5), "2.2"),
    ((4, 1, 9), "2.2.1"),
    ((4, 2, 0), "2.3"),
    ((4, 2, 1), "2.4"),
    ((4, 2, 2), "2.4.1"),
    ((4, 2, 4), "2.5"),
    ((4, 2, 5), "2.5.1"),
    ((4, 3, 0), "2.6"),
    ((4, 3, 1), "2.6.1"),
    ((4, 3, 2), "2.7"),
    ((4, 3, 4), "2.8.1"),
    ((4, 3, 5), "2.8.2"),
    ((4, 4, 0), "2.8.4"),
    ((4, 4, 1), "2.8.5"),
    ((4, 5, 0), "2.8.18"),
    ((4, 5, 1), "2.8.19"),
    ((4, 6, 0), "2.9.2"),
    ((4, 6, 1), "2.9.3"),
    ((5, 0, 0), "2.11.2"),
    ((5, 1, 0), "2.11.4"),
    ((5, 2, 0), "2.15.1"),
    ((5, 3, 0), "2.16.2"),  # what the real 5.3.0 binary reports
)

SUPPORTED_VERSIONS = (
    "3.1.12",
    "3.2.0",
    "3.3.16",
    "4.0.4",
    "4.1.9",
    "4.2.5",
    "4.5.2",
    "4.6.7",
    "5.1.0",
    "5.3.0",
)


def parse_version(text: str) -> VersionTuple:
    """Turn ``"4.6.7"`` (optionally ``"v4.6.7"``) into ``(4, 6, 7)``."""
    match = re.fullmatch(r"v?(\d+)\.(\d+)(?:\.(\d+))?", text.strip())
    if match is None:
        msg = f"not a qBittorrent version: {text!r}"
        raise ValueError(msg)
    return tuple(int(part or 0) for part in match.groups())


def _last_at_or_below[T](
    table: tuple[tuple[VersionTuple, T], ...], version: VersionTuple
) -> T:
    chosen = table[0][1]
    for first, value in table:
        if version >= first:
            chosen = value
    return chosen


@dataclass(frozen=True, slots=True)
class VersionProfile:
    """Everything about one qBittorrent version that changes WebUI behaviour."""

    version: VersionTuple

    @classmethod
    def of(cls, text: str) -> VersionProfile:
        """Build the profile of a version string such as ``"5.3.0"``."""
        version = parse_version(text)
        if version < (3, 1, 0):
            msg = f"qBittorrent {text} predates the emulated WebUI generations"
            raise ValueError(msg)
        return cls(version)

    @property
    def text(self) -> str:
        """The version as qBittorrent prints it, without the ``v``."""
        return ".".join(map(str, self.version))

    @property
    def generation(self) -> Generation:
        """Which API generation this version speaks."""
        if self.version < (3, 2, 0):
            return Generation.DIGEST
        if self.version < (4, 1, 0):
            return Generation.LEGACY
        return Generation.MODERN

    @property
    def legacy_api(self) -> int:
        """The integer ``/version/api`` level (legacy generation only)."""
        levels = tuple((first, level) for first, level, _ in _LEGACY_API_LEVELS)
        return _last_at_or_below(levels, self.version)

    @property
    def legacy_api_min(self) -> int:
        """The integer ``/version/api_min`` level (legacy generation only)."""
        levels = tuple((first, minimum) for first, _, minimum in _LEGACY_API_LEVELS)
        return _last_at_or_below(levels, self.version)

    @property
    def webapi_text(self) -> str:
        """The ``app/webapiVersion`` string (modern generation only)."""
        return _last_at_or_below(_WEBAPI_VERSIONS, self.version)

    @property
    def webapi(self) -> VersionTuple:
        """The web API version as a tuple padded to three parts."""
        parts = tuple(int(part) for part in self.webapi_text.split("."))
        return ((*parts, 0, 0, 0))[:3]

    # --- behaviour switches -------------------------------------------------

    @property
    def uses_stop_start(self) -> bool:
        """``torrents/stop|start`` instead of ``pause|resume`` (API 2.11.0)."""
        return self.generation is Generation.MODERN and self.webapi >= (2, 11, 0)

    @property
    def stopped_states(self) -> tuple[str, str]:
        """The (finished, unfinished) names of a paused torrent's state."""
        if self.version >= (5, 0, 0):
            return ("stoppedUP", "stoppedDL")
        return ("pausedUP", "pausedDL")

    @property
    def login_uses_status_codes(self) -> bool:
        """Login answers 204/401 instead of 200 ``Ok.``/``Fails.`` (5.2.0)."""
        return self.version >= (5, 2, 0)

    @property
    def no_content_actions(self) -> bool:
        """Actions that return nothing answer 204 (API 2.11.8 / 5.2.0)."""
        return self.version >= (5, 2, 0)

    @property
    def api_keys(self) -> bool:
        """``Authorization: Bearer`` API keys and Basic auth (5.2.0)."""
        return self.version >= (5, 2, 0)

    @property
    def post_only_all(self) -> bool:
        """Every mutating endpoint is POST-only (4.5.0)."""
        return self.version >= (4, 5, 0)

    @property
    def post_only_some(self) -> bool:
        """The first POST-only endpoints (login, add, ...) appeared in 4.4.4."""
        return self.version >= (4, 4, 4)

    @property
    def has_tags(self) -> bool:
        """Tags exist in the API (2.3.0 / 4.2.0)."""
        return self.generation is Generation.MODERN and self.webapi >= (2, 3, 0)

    @property
    def categories_as_object(self) -> bool:
        """``sync/maindata`` categories are an object keyed by name (2.1.0)."""
        return self.generation is Generation.MODERN and self.webapi >= (2, 1, 0)

    @property
    def label_naming(self) -> bool:
        """Legacy API 2-9 calls categories "labels" (renamed at API 10 / 3.3.5)."""
        return self.generation is Generation.LEGACY and self.legacy_api < 10

    @property
    def json_content_type(self) -> str:
        """Content type of JSON replies (``text/javascript`` up to API 3)."""
        if self.generation is Generation.DIGEST or (
            self.generation is Generation.LEGACY and self.legacy_api < 4
        ):
            return "text/javascript"
        return "application/json"

    @property
    def closes_connections(self) -> bool:
        """Up to 4.0.x the socket is closed after every response."""
        return self.version < (4, 1, 0)

    @property
    def raw_cookie_parsing(self) -> bool:
        """3.2.0-3.3.12 look for ``SID=`` raw, so a quoted value is not seen."""
        return self.generation is Generation.LEGACY and self.version < (3, 3, 13)

    @property
    def requires_referer(self) -> bool:
        """3.3.13 rejects requests without Referer or Origin."""
        return self.version == (3, 3, 13)

    @property
    def validates_origin(self) -> bool:
        """3.3.13+ checks a present Origin/Referer against Host."""
        return self.version >= (3, 3, 13)

    @property
    def validates_host(self) -> bool:
        """3.3.14+ checks the Host header's port against the listening port."""
        return self.version >= (3, 3, 14)

    @property
    def session_timeout(self) -> float:
        """Default idle session lifetime in seconds."""
        return 900.0 if self.version < (4, 2, 0) else 3600.0

    @property
    def configurable_ban(self) -> bool:
        """Ban count and duration come from preferences (4.2.2)."""
        return self.version >= (4, 2, 2)

    @property
    def cookie_name_configurable(self) -> bool:
        r"""``WebAPI\\SessionCookieName`` exists (4.6.0 - 5.1.x)."""
        return (4, 6, 0) <= self.version < (5, 2, 0)

    @property
    def lists_resume_check(self) -> bool:
        """After a restart, torrents are ``checkingResumeData`` for a moment.

        Seen on real 4.5.2, 5.1.0 and 5.3.0; the state is documented from the
        ``/api/v2`` WebUI (4.1) on, so older versions restart without it.
        """
        return self.generation is Generation.MODERN

    @property
    def resume_check_hides_progress(self) -> bool:
        """Just after a restart, ``checkingResumeData`` shows progress 0.

        Seen on real 5.3.0; 4.5.2 and 5.1.0 keep the real progress then.
        """
        return self.version >= (5, 3, 0)

    @property
    def sessions_count_limit(self) -> int | None:
        """At most this many sessions are kept, LRU evicted (5.3.0)."""
        return 15 if self.version >= (5, 3, 0) else None

    @property
    def error_body_is_status_text(self) -> bool:
        """An HTTP error without a message of its own has its status text as body.

        From 4.3.0 (403 ``Forbidden``, 404 ``Not Found``...); before, such an
        answer has an empty body (seen on real 4.2.5).
        """
        return self.version >= (4, 3, 0)

    @property
    def endpoint_missing_body(self) -> str:
        """Body of a 404 for an unknown ``/api/v2`` endpoint."""
        if self.version >= (5, 2, 0):
            return "Endpoint does not exist"
        return "Not Found" if self.error_body_is_status_text else ""

    @property
    def unlimited_torrent_limit(self) -> int:
        """What a per-torrent limit reads when the torrent has none.

        Before 4.5.0 the API shows libtorrent's own value, -1, for a torrent
        added without a limit or set to libtorrent's maximum (seen on real
        4.2.5; a limit set to 0 reads 0); from 4.5.0 qBittorrent keeps the
        limit itself and shows 0.
        """
        if self.generation is Generation.MODERN and self.version < (4, 5, 0):
            return -1
        return 0

    @property
    def merges_duplicate_adds(self) -> bool:
        """Adding a torrent that is already there merges its trackers: ``Ok.``.

        Before 4.5.0 (qBittorrent's source from 3.x to 4.4.5, seen on real
        4.2.5), unless the torrent is private; from 4.5.0 the add is refused.
        """
        return self.version < (4, 5, 0)
