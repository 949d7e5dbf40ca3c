"""Faults, web sessions, bans, the per-session sync state and stored limits."""

from __future__ import annotations

from dataclasses import dataclass, field
import secrets
import time
from typing import Any

# What every generation answers a banned address, with 403.
BAN_TEXT = (
    "Your IP address has been banned after too many failed authentication attempts."
)
# libtorrent's "unlimited" for a torrent: its largest 32-bit int.
TORRENT_UNLIMITED = 2**31 - 1


def as_int32(value: int) -> int:
    """What qBittorrent's 32-bit int makes of ``value``: it wraps around."""
    return (value + 2**31) % 2**32 - 2**31


def stored_torrent_limit(limit: int, unlimited: int = 0) -> int:
    """A per-torrent limit in B/s as qBittorrent keeps it: to the byte, 32-bit.

    Seen on 4.2.5, 4.5.2, 5.1.0 and 5.3.0: 2**31 - 2 is kept, 2**31 - 1
    becomes ``unlimited`` (the version's reading of "no limit"), 2**31 and
    negative limits 0, 2**32 + 1024 becomes 1024.
    """
    limit = as_int32(limit)
    return unlimited if limit == TORRENT_UNLIMITED else max(limit, 0)


def added_torrent_limit(text: str | None, unlimited: int = 0) -> int:
    """The limit of a torrent added with ``dlLimit``/``upLimit`` = ``text``.

    Seen on 4.2.5, 4.5.2, 5.1.0 and 5.3.0: a number beyond 32 bits is not
    read (the torrent is unlimited) instead of wrapping; without a positive
    limit the torrent has none.
    """
    try:
        limit = int(text or 0)
    except ValueError:
        return unlimited
    if limit <= 0 or as_int32(limit) != limit:
        return unlimited
    return stored_torrent_limit(limit, unlimited)


@dataclass(slots=True)
class Faults:
    """Failure modes to inject; change them while the emulator runs.

    Attributes:
        down: Drop every connection without an answer.
        delay: Seconds to wait before answering each request.
        server_errors: Answer this many next requests with 500.
        malformed_json: Replace JSON bodies with text that is not JSON.
        truncated_json: Cut JSON bodies in half.
        chunked_json: Send JSON bodies in chunked transfer encoding without a
            ``Content-Length``, as some reverse proxies do.
        check_host: Validate Host/Origin/Referer (``None``: as the version does).
        require_referer: Reject requests lacking Referer and Origin
            (``None``: as the version does, i.e. only 3.3.13).
        ban_after: Failed logins (or digests) before the client IP is banned;
            0 disables bans.
        ban_seconds: How long a ban lasts.
        stale_nonces: 3.1.x only: treat every Digest nonce issued before the
            flag was set as expired. A correct digest with such a nonce gets
            401 with ``stale="true"`` and a fresh nonce, which is then accepted.
        maindata_sections: 4.1+: sections put into every ``sync/maindata``
            answer as given, e.g. ``{"torrents": []}`` for a confused type.
    """

    down: bool = False
    delay: float = 0.0
    server_errors: int = 0
    malformed_json: bool = False
    truncated_json: bool = False
    chunked_json: bool = False
    check_host: bool | None = None
    require_referer: bool | None = None
    ban_after: int = 5
    ban_seconds: float = 3600.0
    stale_nonces: bool = False
    maindata_sections: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Snapshot:
    """What one ``sync/maindata`` answer was based on."""

    revision: int
    server_state: dict[str, Any]
    categories: dict[str, Any]
    tags: frozenset[str]


@dataclass(slots=True)
class SyncState:
    """qBittorrent's SyncController state: last sent and last accepted answers."""

    restart_on_zero: bool = False
    last_rid: int = 0
    last: Snapshot | None = None
    accepted_rid: int = 0
    accepted: Snapshot | None = None

    def base_for(self, rid: int) -> Snapshot | None:
        """The snapshot a request with ``rid`` diffs against (None: full update).

        On 4.x ``rid=0`` starts the numbering again (the answer carries rid 1,
        seen on the real 4.5.2); 5.x keeps counting (seen on 5.1.0 and 5.3.0).
        """
        if not rid and self.restart_on_zero:
            self.last_rid, self.last = 0, None
            self.accepted_rid, self.accepted = 0, None
            return None
        if rid and rid == self.last_rid and self.last is not None:
            self.accepted_rid, self.accepted = self.last_rid, self.last
            return self.last
        if rid and rid == self.accepted_rid and self.accepted is not None:
            return self.accepted
        return None

    def record(self, snapshot: Snapshot) -> int:
        """Remember what was sent and return its rid (cycling at 1,000,000)."""
        self.last_rid = self.last_rid % 1_000_000 + 1
        self.last = snapshot
        return self.last_rid


def _monotonic_now() -> float:
    """``time.monotonic`` looked up per call, so a patched clock (freezegun) is seen."""
    return time.monotonic()


@dataclass(slots=True)
class WebSession:
    """One logged-in client."""

    sid: str
    last_seen: float = field(default_factory=_monotonic_now)
    sync: SyncState = field(default_factory=SyncState)

    def __repr__(self) -> str:
        """Keep the session id out of logs."""
        return f"WebSession(last_seen={self.last_seen:.0f})"


def new_sid() -> str:
    """A qBittorrent-like SID: 24 random bytes in base64 (32 characters)."""
    return secrets.token_urlsafe(24).replace("-", "+").replace("_", "/")


@dataclass(slots=True)
class BanList:
    """Failed authentication counts and bans per client IP."""

    failures: dict[str, int] = field(default_factory=dict)
    banned_until: dict[str, float] = field(default_factory=dict)

    def is_banned(self, ip: str) -> bool:
        """Whether ``ip`` is banned now."""
        until = self.banned_until.get(ip)
        if until is None:
            return False
        if time.monotonic() >= until:
            del self.banned_until[ip]
            return False
        return True

    def fail(self, ip: str, faults: Faults) -> None:
        """Count a failure; ban the IP once it reaches ``faults.ban_after``."""
        if faults.ban_after <= 0:
            return
        count = self.failures.get(ip, 0) + 1
        if count >= faults.ban_after:
            self.failures.pop(ip, None)
            self.banned_until[ip] = time.monotonic() + faults.ban_seconds
        else:
            self.failures[ip] = count

    def succeed(self, ip: str) -> None:
        """Forget earlier failures after a success."""
        self.failures.pop(ip, None)
