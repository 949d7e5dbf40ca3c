"""The asynchronous qBittorrent WebUI client facade.

One :class:`QBittorrentClient` talks to one qBittorrent server of any WebUI
generation (3.1.x Digest, 3.2.0-4.0.4 legacy cookie API, 4.1+ ``/api/v2``).
It detects the generation on first use and forwards every operation to the
matching dialect, so the caller sees the same signatures everywhere.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, Self, cast

import aiohttp

from ._detect import dialect_for
from ._dialect import require
from ._http import DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_REQUEST_TIMEOUT, Transport
from ._sync import SyncEngine
from .exceptions import (
    QBittorrentConnectionError,
    QBittorrentError,
    QBittorrentUnexpectedResponseError,
)
from .models import (
    MAX_SEEDING_MINUTES,
    MAX_SHARE_RATIO,
    MAX_SPEED_LIMIT,
    SHARE_LIMIT_GLOBAL,
    SHARE_LIMIT_NONE,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Mapping, Sequence
    from types import TracebackType

    from ._dialect import Dialect, OptionalOperations
    from .models import (
        AddTorrentOptions,
        Ban,
        Preferences,
        QueueMove,
        ServerInfo,
        ServerState,
        SpeedLimits,
        SyncResult,
        Torrent,
        TorrentDetails,
        TorrentFilter,
        TorrentSort,
    )

_LOGGER = logging.getLogger(__name__)

# What an endpoint of the current dialect answers when qBittorrent was
# replaced by another generation: unknown path (404), method no longer
# allowed (405), or a 3.1.x Digest challenge (401, see Transport.check).
_SERVER_CHANGED_STATUSES = frozenset({401, 404, 405})


# The speed limits among the preferences.
_PREFERENCES_LIMITS = ("dl_limit", "up_limit", "alt_dl_limit", "alt_up_limit")


def _check_limit(name: str, limit: int | None) -> None:
    """Refuse a limit qBittorrent would wrap around instead of storing.

    Raises:
        ValueError: ``limit`` is above :data:`MAX_SPEED_LIMIT`.
    """
    if limit is not None and limit > MAX_SPEED_LIMIT:
        msg = (
            f"The {name} of {limit} B/s is above {MAX_SPEED_LIMIT} B/s "
            "(2,097,151 KiB/s), the highest qBittorrent can store"
        )
        raise ValueError(msg)


def _check_share_limit(name: str, limit: float, maximum: float) -> None:
    """Refuse a share limit qBittorrent would cap or misread.

    Raises:
        ValueError: ``limit`` is not -2 (global), -1 (none) or 0 to ``maximum``.
    """
    if limit not in (SHARE_LIMIT_GLOBAL, SHARE_LIMIT_NONE) and not (
        0 <= limit <= maximum
    ):
        msg = (
            f"The {name} {limit} must be {SHARE_LIMIT_GLOBAL} (global), "
            f"{SHARE_LIMIT_NONE} (no limit) or between 0 and {maximum}"
        )
        raise ValueError(msg)


def _check_add_options(options: AddTorrentOptions | None) -> None:
    if options is not None:
        _check_limit("download limit", options.download_limit)
        _check_limit("upload limit", options.upload_limit)


def _options_requirement(options: AddTorrentOptions | None) -> str | None:
    return None if options is None or options.is_default else "add options"


class QBittorrentClient:
    """Asynchronous client for the qBittorrent WebUI, every generation.

    Without a ``session`` the client creates its own, so it must be created
    in a running event loop, and closes it in :meth:`close` (or at the end of
    ``async with``). An injected session is never closed by the client; for
    cookie based generations give each server its own session with
    ``aiohttp.CookieJar(unsafe=True, quote_cookie=False)``: the default jar
    drops cookies from IP addresses and quotes values that 3.2.0-3.3.12 cannot
    read.

    Hashes are accepted in any case; torrents are reported with lower-case
    hashes. Speeds and limits are in B/s, ``0`` meaning unlimited.
    """

    def __init__(
        self,
        url: str,
        session: aiohttp.ClientSession | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        api_key: str | None = None,
        verify_ssl: bool = True,
        request_timeout: float = DEFAULT_REQUEST_TIMEOUT,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        """Create a client; no request is made until the first operation.

        Args:
            url: WebUI base URL, possibly with a path prefix
                (``https://proxy.example/qbt``).
            session: The aiohttp session to use; it stays owned by the caller.
                Without one the client creates its own and closes it in
                :meth:`close`.
            username: WebUI user name.
            password: WebUI password.
            api_key: API key (qBittorrent 5.2+); replaces username/password.
            verify_ssl: Verify the server's TLS certificate.
            request_timeout: Seconds allowed for each HTTP request.
            max_response_bytes: Larger responses are refused.
        """
        own_session = None
        if session is None:
            own_session = session = aiohttp.ClientSession(
                cookie_jar=aiohttp.CookieJar(unsafe=True, quote_cookie=False)
            )
        try:
            self._transport = Transport(
                url,
                session,
                username=username,
                password=password,
                api_key=api_key,
                verify_ssl=verify_ssl,
                request_timeout=request_timeout,
                max_response_bytes=max_response_bytes,
            )
        except ValueError:
            if own_session is not None:
                # Never used, so nothing to close: just mark it closed.
                own_session.detach()
            raise
        self._own_session = own_session
        self._dialect: Dialect | None = None
        self._detect_lock = asyncio.Lock()
        self._server_may_have_changed = False
        # Transport session in which the dialect was detected: a later
        # session means qBittorrent forgot ours, possibly by restarting.
        self._detected_in_session = 0
        self._sync_lock = asyncio.Lock()
        self._sync_engine = SyncEngine()

    async def __aenter__(self) -> Self:
        """Use the client in ``async with``; it is closed at the end."""
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the client."""
        await self.close()

    async def close(self) -> None:
        """Close the session the client created; an injected one stays open."""
        if self._own_session is not None:
            await self._own_session.close()

    def __repr__(self) -> str:
        """Describe the client without credentials."""
        return f"{type(self).__name__}(url={self._transport.display_url!r})"

    @property
    def url(self) -> str:
        """The base URL the client talks to."""
        return self._transport.display_url

    @property
    def server_info(self) -> ServerInfo | None:
        """What the latest detection found, or ``None`` before detection.

        Operations detect again by themselves when the server may have been
        replaced (restart after an upgrade or downgrade), so this can change
        between two calls; compare it to notice a new version or generation.
        """
        return self._dialect.info if self._dialect else None

    # --- connection and authentication -------------------------------------

    async def detect(self) -> ServerInfo:
        """Identify the server's generation, versions and capabilities.

        Logs in when the server requires it (at most once). The result is
        cached; call again to re-detect (e.g. after the server was upgraded).

        Returns:
            The detected server information.

        Raises:
            QBittorrentConnectionError: The server is unreachable.
            QBittorrentAuthenticationError: The credentials were rejected.
            QBittorrentBannedError: The server banned this IP address.
            QBittorrentRequestRejectedError: Host-header or CSRF check failed.
            QBittorrentUnsupportedVersionError: Not a qBittorrent WebUI.
        """
        async with self._detect_lock:
            return await self._detect_locked()

    async def _detect_locked(self) -> ServerInfo:
        previous = self._dialect.info if self._dialect else None
        try:
            self._dialect = await dialect_for(self._transport)
        except QBittorrentError:
            # Detection may have half-configured the transport: detect again
            # before the next operation rather than trust the old dialect.
            self._server_may_have_changed = True
            raise
        self._server_may_have_changed = False
        self._detected_in_session = self._transport.session_generation
        if self._dialect.info != previous:
            # Another server: restart sync at a full update, which is diffed
            # against the last snapshot.
            self._sync_engine.reset_session()
        return self._dialect.info

    @property
    def ban(self) -> Ban | None:
        """The server's ban of this IP address being waited out, if any.

        While it lasts every operation raises :class:`QBittorrentBannedError`
        without contacting the server; afterwards the client logs in again.
        """
        return self._transport.ban

    def restore_ban(self, ban: Ban) -> None:
        """Wait out a ban that an earlier client for this server met.

        A new client knows nothing of a ban; without this its first
        operation would log in while banned.
        """
        self._transport.restore_ban(ban)

    async def login(self) -> None:
        """Log in explicitly, even after an earlier authentication failure.

        This also ends the wait for a ban: the login is sent at once.

        Detects the server first if that has not happened yet. On 3.1.x
        (Digest) and with an API key this verifies the credentials instead,
        as there is no session to start.

        Raises:
            QBittorrentAuthenticationError: The credentials were rejected.
            QBittorrentBannedError: The server banned this IP address.
        """
        self._transport.allow_login()
        if self._dialect is None:
            await self._ready()
            return
        await self._transport.login(explicit=True)
        # A session the caller asked for says nothing about a server change.
        self._detected_in_session = self._transport.session_generation

    async def logout(self) -> None:
        """End the server session (a no-op on 3.1.x and with an API key)."""
        await self._transport.logout()

    def set_credentials(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        api_key: str | None = None,
    ) -> None:
        """Replace the credentials and allow automatic logins again."""
        self._transport.set_credentials(
            username=username, password=password, api_key=api_key
        )

    async def _ready(self) -> Dialect:
        dialect = self._dialect
        if dialect is None or self._server_may_have_changed:
            async with self._detect_lock:
                # Concurrent calls detect once.
                if self._dialect is None or self._server_may_have_changed:
                    await self._detect_locked()
                dialect = self._dialect
        if dialect is None:  # pragma: no cover - detection sets it or raises
            raise QBittorrentError("qBittorrent detection did not complete")
        return dialect

    async def _run[T](
        self,
        operation: Callable[[Dialect], Awaitable[T]],
        *,
        needs: str | None = None,
    ) -> T:
        """Run ``operation`` with the current dialect, following server changes.

        ``needs`` names an entry of :data:`OPERATION_REQUIREMENTS`: a server
        without it is refused before any request.

        A broken connection may mean qBittorrent restarted as another version,
        so the next call detects again first. An endpoint the dialect relies
        on answering 404/405 (or a Digest challenge) means it already did:
        detect once more and, if the server changed, retry once.
        """
        dialect = await self._ready()
        try:
            if needs is not None:
                require(dialect.info, needs)
            result = await operation(dialect)
        except QBittorrentConnectionError:
            self._server_may_have_changed = True
            raise
        except QBittorrentUnexpectedResponseError as error:
            if error.status not in _SERVER_CHANGED_STATUSES:
                raise
            current = await self._redetect_after(dialect)
            if current.info == dialect.info:
                raise
        else:
            if self._transport.session_generation != self._detected_in_session:
                await self._redetect_after_new_session(dialect)
            return result
        _LOGGER.info(
            "qBittorrent at %s changed from %s to %s; continuing with the new one",
            self.url,
            dialect.info.app_version,
            current.info.app_version,
        )
        if needs is not None:
            require(current.info, needs)
        return await operation(current)

    async def _run_if_supported[T](
        self, name: str, operation: Callable[[OptionalOperations], Awaitable[T]]
    ) -> T:
        """Run ``operation``, named ``name`` in OPERATION_REQUIREMENTS.

        Only the generations whose servers can have it define it; the
        capability is checked before the dialect is used as one that does.
        """
        return await self._run(
            lambda dialect: operation(cast("OptionalOperations", dialect)),
            needs=name,
        )

    async def _redetect_after_new_session(self, dialect: Dialect) -> None:
        """Detect again after the server forgot our session (maybe a restart).

        The operation already succeeded, so a failure here is only noted:
        the next operation detects first.
        """
        try:
            await self._redetect_after(dialect)
        except QBittorrentError as error:
            _LOGGER.debug("Detection after a new session failed: %s", error)

    async def _redetect_after(self, failed: Dialect) -> Dialect:
        """Detect again unless a concurrent call already replaced ``failed``."""
        async with self._detect_lock:
            if self._dialect is failed:
                await self._detect_locked()
            current = self._dialect
        if current is None:  # pragma: no cover - detection sets it or raises
            raise QBittorrentError("qBittorrent detection did not complete")
        return current

    # --- state --------------------------------------------------------------

    async def sync(self) -> SyncResult:
        """Fetch what changed and return the current snapshot with the changes.

        Calls are serialized per client. The first sync of a client is the
        baseline: it reports no torrent as added, removed or completed.
        Incremental ``sync/maindata`` is used where the server has it; on
        3.1.x full lists are diffed to the same effect.
        """
        async with self._sync_lock:
            return await self._run(lambda dialect: dialect.sync(self._sync_engine))

    async def get_transfer_info(self) -> ServerState:
        """Return global speeds, session totals, limits and connection state."""
        return await self._run(lambda dialect: dialect.get_transfer_info())

    async def get_torrents(
        self,
        *,
        status_filter: TorrentFilter | None = None,
        category: str | None = None,
        tag: str | None = None,
        sort: TorrentSort | None = None,
        reverse: bool = False,
        limit: int | None = None,
        offset: int | None = None,
        hashes: Sequence[str] | None = None,
    ) -> list[Torrent]:
        """List torrents, filtered and sorted (by the server where it can).

        Args:
            status_filter: Keep torrents in this state group.
            category: Keep torrents of this category (``""`` = uncategorized).
            tag: Keep torrents carrying this tag.
            sort: Sort by this key.
            reverse: Reverse the order.
            limit: Return at most this many.
            offset: Skip this many first (negative counts from the end).
            hashes: Keep only these torrents.
        """
        return await self._run(
            lambda dialect: dialect.get_torrents(
                status_filter=status_filter,
                category=category,
                tag=tag,
                sort=sort,
                reverse=reverse,
                limit=limit,
                offset=offset,
                hashes=hashes,
            )
        )

    # --- global transfer ----------------------------------------------------

    async def get_alternative_speed_limits_enabled(self) -> bool:
        """Return whether the alternative speed limits are active."""
        return await self._run_if_supported(
            "get_alternative_speed_limits_enabled",
            lambda dialect: dialect.get_alternative_speed_limits_enabled(),
        )

    async def set_alternative_speed_limits_enabled(self, enabled: bool) -> None:  # noqa: FBT001
        """Switch the alternative speed limits on or off."""
        await self._run_if_supported(
            "set_alternative_speed_limits_enabled",
            lambda dialect: dialect.set_alternative_speed_limits_enabled(enabled),
        )

    async def get_global_download_limit(self) -> int:
        """Return the global download limit in B/s (``0`` = unlimited)."""
        return await self._run(lambda dialect: dialect.get_global_limit(download=True))

    async def get_global_upload_limit(self) -> int:
        """Return the global upload limit in B/s (``0`` = unlimited)."""
        return await self._run(lambda dialect: dialect.get_global_limit(download=False))

    async def set_global_download_limit(self, limit: int) -> None:
        """Set the global download limit in B/s (``0`` = unlimited).

        While alternative limits are active the server applies this to them.
        qBittorrent keeps it in whole KiB/s (rounded down, at least 1 KiB/s).

        Raises:
            ValueError: ``limit`` is above :data:`MAX_SPEED_LIMIT`.
        """
        _check_limit("download limit", limit)
        await self._run(lambda dialect: dialect.set_global_limit(limit, download=True))

    async def set_global_upload_limit(self, limit: int) -> None:
        """Set the global upload limit in B/s (``0`` = unlimited).

        While alternative limits are active the server applies this to them.
        qBittorrent keeps it in whole KiB/s (rounded down, at least 1 KiB/s).

        Raises:
            ValueError: ``limit`` is above :data:`MAX_SPEED_LIMIT`.
        """
        _check_limit("upload limit", limit)
        await self._run(lambda dialect: dialect.set_global_limit(limit, download=False))

    async def get_alternative_speed_limits(self) -> SpeedLimits:
        """Return the alternative global limits in B/s (``0`` = unlimited).

        They are read from the preferences, whatever mode is in force; 3.1.x
        to 3.3.7 keep them in KiB/s there, later versions in B/s.
        """
        return await self._run(lambda dialect: dialect.get_alternative_limits())

    async def set_alternative_download_limit(self, limit: int) -> None:
        """Set the alternative global download limit in B/s (``0`` = unlimited).

        Raises:
            ValueError: ``limit`` is above :data:`MAX_SPEED_LIMIT`.
        """
        _check_limit("alternative download limit", limit)
        await self._run(
            lambda dialect: dialect.set_alternative_limit(limit, download=True)
        )

    async def set_alternative_upload_limit(self, limit: int) -> None:
        """Set the alternative global upload limit in B/s (``0`` = unlimited).

        Raises:
            ValueError: ``limit`` is above :data:`MAX_SPEED_LIMIT`.
        """
        _check_limit("alternative upload limit", limit)
        await self._run(
            lambda dialect: dialect.set_alternative_limit(limit, download=False)
        )

    async def pause_all(self) -> None:
        """Pause (stop) every torrent."""
        await self._run(lambda dialect: dialect.pause_all())

    async def resume_all(self) -> None:
        """Resume (start) every torrent."""
        await self._run(lambda dialect: dialect.resume_all())

    # --- adding -------------------------------------------------------------

    async def add_torrent_urls(
        self, urls: Sequence[str], options: AddTorrentOptions | None = None
    ) -> None:
        """Add torrents from magnet links or HTTP(S) URLs, all in one request.

        Raises:
            QBittorrentAddTorrentError: qBittorrent reported that it added
                nothing (duplicate or invalid link); 3.1.x-3.3.x report nothing,
                and before 4.5 a duplicate is no error (its trackers are merged).
            ValueError: A limit in ``options`` is above :data:`MAX_SPEED_LIMIT`.
        """
        _check_add_options(options)
        await self._run(
            lambda dialect: dialect.add_urls(list(urls), options),
            needs=_options_requirement(options),
        )

    async def add_torrent_files(
        self, files: Sequence[bytes], options: AddTorrentOptions | None = None
    ) -> None:
        """Add torrents from ``.torrent`` file contents.

        Raises:
            QBittorrentAddTorrentError: qBittorrent reported that it added
                nothing (duplicate or invalid file); before 4.1 it reports
                only invalid files, if anything, and before 4.5 a duplicate
                is no error (its trackers are merged).
            ValueError: A limit in ``options`` is above :data:`MAX_SPEED_LIMIT`.
        """
        _check_add_options(options)
        await self._run(
            lambda dialect: dialect.add_files(list(files), options),
            needs=_options_requirement(options),
        )

    # --- per torrent ----------------------------------------------------------

    async def pause_torrents(self, hashes: Sequence[str]) -> None:
        """Pause (stop) the given torrents."""
        await self._run(lambda dialect: dialect.pause(list(hashes)))

    async def resume_torrents(self, hashes: Sequence[str]) -> None:
        """Resume (start) the given torrents."""
        await self._run(lambda dialect: dialect.resume(list(hashes)))

    async def delete_torrents(
        self,
        hashes: Sequence[str],
        *,
        delete_files: bool,
    ) -> None:
        """Remove torrents, with their downloaded data when ``delete_files``."""
        await self._run(
            lambda dialect: dialect.delete(list(hashes), delete_files=delete_files)
        )

    async def recheck_torrents(self, hashes: Sequence[str]) -> None:
        """Verify the downloaded data of the given torrents."""
        await self._run(lambda dialect: dialect.recheck(list(hashes)))

    async def reannounce_torrents(self, hashes: Sequence[str]) -> None:
        """Announce the given torrents to their trackers now."""
        await self._run_if_supported(
            "reannounce_torrents",
            lambda dialect: dialect.reannounce_torrents(list(hashes)),
        )

    async def pause_session(self) -> None:
        """Pause the whole BitTorrent session (5.3.0+).

        Unlike :meth:`pause_all`, the torrents keep their own states, and
        :meth:`resume_session` brings back exactly those that ran.
        """
        await self._run_if_supported(
            "pause_session", lambda dialect: dialect.pause_session()
        )

    async def resume_session(self) -> None:
        """Resume the BitTorrent session paused by :meth:`pause_session`."""
        await self._run_if_supported(
            "resume_session", lambda dialect: dialect.resume_session()
        )

    async def reannounce_all(self) -> None:
        """Announce every torrent to its trackers now."""
        await self._run_if_supported(
            "reannounce_torrents",
            # qBittorrent reads the hash list "all" as every torrent.
            lambda dialect: dialect.reannounce_torrents(["all"]),
        )

    async def set_force_start(self, hashes: Sequence[str], enabled: bool) -> None:  # noqa: FBT001
        """Force-start the given torrents (ignore queueing), or stop forcing."""
        await self._run_if_supported(
            "set_force_start",
            lambda dialect: dialect.set_force_start(list(hashes), enabled),
        )

    async def move_in_queue(self, hashes: Sequence[str], move: QueueMove) -> None:
        """Increase, decrease, top or bottom the queue priority of torrents.

        Raises:
            QBittorrentUnexpectedResponseError: Queueing is disabled (HTTP 409).
        """
        await self._run(lambda dialect: dialect.move_in_queue(list(hashes), move))

    async def get_torrent_download_limits(
        self, hashes: Sequence[str]
    ) -> dict[str, int]:
        """Return each torrent's download limit in B/s (``0`` = unlimited)."""
        return await self._run(
            lambda dialect: dialect.get_torrent_limits(list(hashes), download=True)
        )

    async def get_torrent_upload_limits(self, hashes: Sequence[str]) -> dict[str, int]:
        """Return each torrent's upload limit in B/s (``0`` = unlimited)."""
        return await self._run(
            lambda dialect: dialect.get_torrent_limits(list(hashes), download=False)
        )

    async def set_torrent_download_limit(
        self, hashes: Sequence[str], limit: int
    ) -> None:
        """Set the download limit of torrents in B/s (``0`` = unlimited).

        Raises:
            ValueError: ``limit`` is above :data:`MAX_SPEED_LIMIT`.
        """
        _check_limit("download limit", limit)
        await self._run(
            lambda dialect: dialect.set_torrent_limit(
                list(hashes), limit, download=True
            )
        )

    async def set_torrent_upload_limit(self, hashes: Sequence[str], limit: int) -> None:
        """Set the upload limit of torrents in B/s (``0`` = unlimited).

        Raises:
            ValueError: ``limit`` is above :data:`MAX_SPEED_LIMIT`.
        """
        _check_limit("upload limit", limit)
        await self._run(
            lambda dialect: dialect.set_torrent_limit(
                list(hashes), limit, download=False
            )
        )

    async def set_category(self, hashes: Sequence[str], category: str) -> None:
        """Assign a category to torrents (``""`` removes it)."""
        await self._run_if_supported(
            "set_category", lambda dialect: dialect.set_category(list(hashes), category)
        )

    async def create_category(self, name: str, save_path: str = "") -> None:
        """Create a category, optionally with its own save path."""
        await self._run_if_supported(
            "create_category", lambda dialect: dialect.create_category(name, save_path)
        )

    async def remove_categories(self, names: Sequence[str]) -> None:
        """Delete categories (their torrents become uncategorized)."""
        await self._run_if_supported(
            "remove_categories", lambda dialect: dialect.remove_categories(list(names))
        )

    async def set_location(self, hashes: Sequence[str], location: str) -> None:
        """Move torrents' data to another directory."""
        await self._run_if_supported(
            "set_location", lambda dialect: dialect.set_location(list(hashes), location)
        )

    async def rename_torrent(self, torrent_hash: str, name: str) -> None:
        """Give a torrent a new display name."""
        await self._run_if_supported(
            "rename_torrent", lambda dialect: dialect.rename_torrent(torrent_hash, name)
        )

    async def add_trackers(self, torrent_hash: str, urls: Sequence[str]) -> None:
        """Add tracker URLs to a torrent."""
        await self._run(lambda dialect: dialect.add_trackers(torrent_hash, list(urls)))

    async def set_file_priority(
        self, torrent_hash: str, file_ids: Sequence[int], priority: int
    ) -> None:
        """Set the download priority (0 = skip, 1 normal, 6 high, 7 max) of files."""
        await self._run(
            lambda dialect: dialect.set_file_priority(
                torrent_hash, list(file_ids), priority
            )
        )

    async def toggle_sequential_download(self, hashes: Sequence[str]) -> None:
        """Flip sequential downloading of torrents."""
        await self._run_if_supported(
            "toggle_sequential_download",
            lambda dialect: dialect.toggle_sequential_download(list(hashes)),
        )

    async def toggle_first_last_piece_priority(self, hashes: Sequence[str]) -> None:
        """Flip first/last piece priority of torrents."""
        await self._run_if_supported(
            "toggle_first_last_piece_priority",
            lambda dialect: dialect.toggle_first_last_piece_priority(list(hashes)),
        )

    async def set_super_seeding(self, hashes: Sequence[str], enabled: bool) -> None:  # noqa: FBT001
        """Switch super seeding of torrents on or off."""
        await self._run_if_supported(
            "set_super_seeding",
            lambda dialect: dialect.set_super_seeding(list(hashes), enabled),
        )

    # --- application ----------------------------------------------------------

    async def get_preferences(self) -> dict[str, Any]:
        """Return the server's preferences as it reports them."""
        return await self._run(lambda dialect: dialect.get_preferences())

    async def set_preferences(self, preferences: Mapping[str, Any]) -> None:
        """Change server preferences (only the given keys).

        The limits among them are in the server's unit: KiB/s up to 3.3.7,
        B/s from 3.3.8 on.

        Raises:
            ValueError: A limit is above :data:`MAX_SPEED_LIMIT`.
        """
        changes = dict(preferences)

        async def apply(dialect: Dialect) -> None:
            for key in _PREFERENCES_LIMITS:
                _check_limit(key, dialect.limit_from_preferences(changes.get(key)))
            await dialect.set_preferences(changes)

        await self._run(apply)

    async def get_server_preferences(self) -> Preferences:
        """Return the server-wide settings of the preferences, in one request."""
        return await self._run(lambda dialect: dialect.get_server_preferences())

    async def set_share_ratio_limit(self, ratio: float) -> None:
        """Set the global share ratio limit; a negative ``ratio`` removes it.

        Sent with its switch: up to 5.1 qBittorrent ignores ``max_ratio``
        given alone (5.3.0 turns the switch on by itself).
        """
        limited = ratio >= 0
        await self.set_preferences(
            {"max_ratio_enabled": limited, "max_ratio": ratio if limited else -1}
        )

    async def set_seeding_time_limit(self, minutes: int) -> None:
        """Set the global seeding time limit; a negative value removes it.

        Sent with its switch, like :meth:`set_share_ratio_limit`.
        """
        limited = minutes >= 0
        await self.set_preferences(
            {
                "max_seeding_time_enabled": limited,
                "max_seeding_time": minutes if limited else -1,
            }
        )

    async def shutdown(self) -> None:
        """Quit qBittorrent."""
        await self._run(lambda dialect: dialect.shutdown())

    # --- tags -----------------------------------------------------------------

    async def add_tags(self, hashes: Sequence[str], tags: Sequence[str]) -> None:
        """Tag torrents; tags that do not exist yet are created."""
        await self._run_if_supported(
            "add_tags", lambda dialect: dialect.add_tags(list(hashes), list(tags))
        )

    async def remove_tags(
        self, hashes: Sequence[str], tags: Sequence[str] = ()
    ) -> None:
        """Take tags off torrents; without ``tags``, every tag they carry."""
        await self._run_if_supported(
            "remove_tags",
            lambda dialect: dialect.remove_tags(list(hashes), list(tags)),
        )

    async def create_tags(self, tags: Sequence[str]) -> None:
        """Create tags (existing ones are left as they are)."""
        await self._run_if_supported(
            "create_tags", lambda dialect: dialect.create_tags(list(tags))
        )

    async def delete_tags(self, tags: Sequence[str]) -> None:
        """Delete tags, also from every torrent carrying them."""
        await self._run_if_supported(
            "delete_tags", lambda dialect: dialect.delete_tags(list(tags))
        )

    # --- categories -----------------------------------------------------------

    async def edit_category(self, name: str, save_path: str) -> None:
        """Change a category's save path (``""``: the default save path).

        Raises:
            QBittorrentUnexpectedResponseError: No such category (409 up to
                5.1, 404 on 5.3).
        """
        await self._run_if_supported(
            "edit_category", lambda dialect: dialect.edit_category(name, save_path)
        )

    # --- share limits ---------------------------------------------------------

    async def set_share_limits(
        self,
        hashes: Sequence[str],
        *,
        ratio_limit: float,
        seeding_time_limit: int,
        inactive_seeding_time_limit: int | None = None,
    ) -> None:
        """Set when torrents stop seeding: ratio, minutes seeding, minutes inactive.

        :data:`SHARE_LIMIT_GLOBAL` (-2) follows the global limit,
        :data:`SHARE_LIMIT_NONE` (-1) means no limit. Without
        ``inactive_seeding_time_limit`` (4.6.0+) servers that know it follow
        the global one. What qBittorrent 5.2+ does when a limit is reached is
        kept as each torrent has it.

        Raises:
            ValueError: A limit is below -2 or above :data:`MAX_SHARE_RATIO` /
                :data:`MAX_SEEDING_MINUTES`, what 4.x and 5.1 silently cap at.
        """
        _check_share_limit("ratio limit", ratio_limit, MAX_SHARE_RATIO)
        _check_share_limit(
            "seeding time limit", seeding_time_limit, MAX_SEEDING_MINUTES
        )
        if inactive_seeding_time_limit is not None:
            _check_share_limit(
                "inactive seeding time limit",
                inactive_seeding_time_limit,
                MAX_SEEDING_MINUTES,
            )
        await self._run_if_supported(
            "set_share_limits",
            lambda dialect: dialect.set_share_limits(
                list(hashes),
                ratio_limit,
                seeding_time_limit,
                inactive_seeding_time_limit,
            ),
        )

    # --- per-torrent settings -------------------------------------------------

    async def set_auto_management(self, hashes: Sequence[str], enabled: bool) -> None:  # noqa: FBT001
        """Switch automatic torrent management (paths from the category) on or off."""
        await self._run_if_supported(
            "set_auto_management",
            lambda dialect: dialect.set_auto_management(list(hashes), enabled),
        )

    async def set_download_path(self, hashes: Sequence[str], path: str) -> None:
        """Set where torrents keep their data until complete."""
        await self._run_if_supported(
            "set_download_path",
            lambda dialect: dialect.set_download_path(list(hashes), path),
        )

    async def set_sequential_download(
        self,
        hashes: Sequence[str],
        enabled: bool,  # noqa: FBT001
    ) -> None:
        """Switch sequential downloading on or off.

        qBittorrent can only flip it: the torrents are read first and only
        those in the other state are flipped.
        """
        await self._run(
            lambda dialect: _set_by_toggling(
                dialect,
                list(hashes),
                enabled=enabled,
                current=lambda torrent: torrent.sequential_download,
                toggle=lambda optional, changed: optional.toggle_sequential_download(
                    changed
                ),
            ),
            needs="toggle_sequential_download",
        )

    async def set_first_last_piece_priority(
        self,
        hashes: Sequence[str],
        enabled: bool,  # noqa: FBT001
    ) -> None:
        """Download the first and last pieces first, or stop doing so.

        Read then flipped where needed, like :meth:`set_sequential_download`.
        """
        await self._run(
            lambda dialect: _set_by_toggling(
                dialect,
                list(hashes),
                enabled=enabled,
                current=lambda torrent: torrent.first_last_piece_priority,
                toggle=lambda optional, changed: (
                    optional.toggle_first_last_piece_priority(changed)
                ),
            ),
            needs="toggle_first_last_piece_priority",
        )

    async def get_torrent_details(self, torrent_hash: str) -> TorrentDetails:
        """Read one torrent's properties, files, trackers and peers.

        Raises:
            QBittorrentUnexpectedResponseError: No such torrent (404).
        """
        return await self._run_if_supported(
            "get_torrent_details",
            lambda dialect: dialect.get_torrent_details(torrent_hash),
        )

    async def export_torrent(self, torrent_hash: str) -> bytes:
        """Return the torrent's .torrent file.

        Raises:
            QBittorrentUnexpectedResponseError: No such torrent (404), or
                qBittorrent could not export it (409, e.g. a magnet link
                whose metadata has not arrived).
        """
        return await self._run_if_supported(
            "export_torrent", lambda dialect: dialect.export_torrent(torrent_hash)
        )

    # --- RSS ------------------------------------------------------------------
    # Paths name feeds and folders from the root, separated by backslashes
    # ("Linux\Debian"); "" is the root.

    async def add_rss_folder(self, path: str) -> None:
        """Create an RSS folder.

        Raises:
            QBittorrentUnexpectedResponseError: It exists already (409).
        """
        await self._run_if_supported(
            "add_rss_folder", lambda dialect: dialect.add_rss_folder(path)
        )

    async def add_rss_feed(self, url: str, path: str = "") -> None:
        """Subscribe to a feed, at ``path`` (default: named by the feed, at the root).

        Raises:
            QBittorrentUnexpectedResponseError: The URL or path exists (409).
        """
        await self._run_if_supported(
            "add_rss_feed", lambda dialect: dialect.add_rss_feed(url, path)
        )

    async def remove_rss_item(self, path: str) -> None:
        """Remove a feed or a folder with everything in it.

        Raises:
            QBittorrentUnexpectedResponseError: No such item (409).
        """
        await self._run_if_supported(
            "remove_rss_item", lambda dialect: dialect.remove_rss_item(path)
        )

    async def refresh_rss_item(self, path: str) -> None:
        """Fetch a feed, or every feed of a folder, now."""
        await self._run_if_supported(
            "refresh_rss_item", lambda dialect: dialect.refresh_rss_item(path)
        )

    async def get_rss_items(self, *, with_data: bool = False) -> dict[str, Any]:
        """Return the feeds and folders, with articles when ``with_data``."""
        return await self._run_if_supported(
            "get_rss_items",
            lambda dialect: dialect.get_rss_items(with_data=with_data),
        )

    async def set_rss_rule(self, name: str, definition: Mapping[str, Any]) -> None:
        """Create or replace an auto-download rule (qBittorrent's field names).

        qBittorrent takes any definition, even one it cannot read (then it
        stores a rule with defaults): check it before.
        """
        await self._run_if_supported(
            "set_rss_rule",
            lambda dialect: dialect.set_rss_rule(name, dict(definition)),
        )

    async def remove_rss_rule(self, name: str) -> None:
        """Remove an auto-download rule (an unknown one is ignored)."""
        await self._run_if_supported(
            "remove_rss_rule", lambda dialect: dialect.remove_rss_rule(name)
        )

    async def get_rss_rules(self) -> dict[str, Any]:
        """Return the auto-download rules by name."""
        return await self._run_if_supported(
            "get_rss_rules", lambda dialect: dialect.get_rss_rules()
        )

    # --- search ---------------------------------------------------------------

    async def start_search(
        self,
        pattern: str,
        *,
        plugins: Sequence[str] = (),
        category: str = "all",
    ) -> int:
        """Start a search with the given (default: all enabled) plugins; return its id.

        Raises:
            QBittorrentUnexpectedResponseError: 409 when the server's machine
                has no Python (qBittorrent's search engine needs it) or too
                many searches run.
        """
        names = "|".join(plugins) if plugins else "enabled"
        return await self._run_if_supported(
            "start_search",
            lambda dialect: dialect.start_search(pattern, names, category),
        )

    async def get_search_results(
        self, search_id: int, *, limit: int = 0, offset: int = 0
    ) -> dict[str, Any]:
        """Return ``{results, status, total}`` of a search (``limit`` 0: all)."""
        return await self._run_if_supported(
            "get_search_results",
            lambda dialect: dialect.get_search_results(search_id, limit, offset),
        )

    async def stop_search(self, search_id: int) -> None:
        """Stop a running search."""
        await self._run_if_supported(
            "stop_search", lambda dialect: dialect.stop_search(search_id)
        )

    async def delete_search(self, search_id: int) -> None:
        """Delete a search and its results."""
        await self._run_if_supported(
            "delete_search", lambda dialect: dialect.delete_search(search_id)
        )


async def _set_by_toggling(
    dialect: Dialect,
    hashes: list[str],
    *,
    enabled: bool,
    current: Callable[[Torrent], bool | None],
    toggle: Callable[[OptionalOperations, list[str]], Awaitable[None]],
) -> None:
    """Flip a setting on the torrents where the server reports the other state."""
    torrents = await dialect.get_torrents(
        status_filter=None,
        category=None,
        tag=None,
        sort=None,
        reverse=False,
        limit=None,
        offset=None,
        hashes=hashes,
    )
    changed = [torrent.hash for torrent in torrents if current(torrent) is not enabled]
    if changed:
        await toggle(cast("OptionalOperations", dialect), changed)
