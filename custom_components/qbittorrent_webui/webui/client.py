"""The asynchronous qBittorrent WebUI client facade.

One :class:`QBittorrentClient` talks to one qBittorrent server of any WebUI
generation (3.1.x Digest, 3.2.0-4.0.4 legacy cookie API, 4.1+ ``/api/v2``).
It detects the generation on first use and forwards every operation to the
matching dialect, so the caller sees the same signatures everywhere.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from ._dialects import Dialect, dialect_for
from ._http import DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_REQUEST_TIMEOUT, Transport
from ._sync import SyncEngine
from .exceptions import QBittorrentError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    import aiohttp

    from .models import (
        AddTorrentOptions,
        QueueMove,
        ServerInfo,
        ServerState,
        SyncResult,
        Torrent,
        TorrentFilter,
        TorrentSort,
    )


class QBittorrentClient:
    """Asynchronous client for the qBittorrent WebUI, every generation.

    The ``session`` is injected and never closed by the client. For cookie
    based generations give each server its own session with
    ``aiohttp.CookieJar(unsafe=True, quote_cookie=False)``: the default jar
    drops cookies from IP addresses and quotes values that 3.2.0-3.3.12 cannot
    read.

    Hashes are accepted in any case; torrents are reported with lower-case
    hashes. Speeds and limits are in B/s, ``0`` meaning unlimited.
    """

    def __init__(
        self,
        url: str,
        session: aiohttp.ClientSession,
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
            username: WebUI user name.
            password: WebUI password.
            api_key: API key (qBittorrent 5.2+); replaces username/password.
            verify_ssl: Verify the server's TLS certificate.
            request_timeout: Seconds allowed for each HTTP request.
            max_response_bytes: Larger responses are refused.
        """
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
        self._dialect: Dialect | None = None
        self._detect_lock = asyncio.Lock()
        self._sync_lock = asyncio.Lock()
        self._sync_engine = SyncEngine()

    def __repr__(self) -> str:
        """Describe the client without credentials."""
        return f"{type(self).__name__}(url={self._transport.display_url!r})"

    @property
    def url(self) -> str:
        """The base URL the client talks to."""
        return self._transport.display_url

    @property
    def server_info(self) -> ServerInfo | None:
        """What :meth:`detect` found, or ``None`` before detection."""
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
        self._dialect = await dialect_for(self._transport)
        self._sync_engine.reset_session()
        return self._dialect.info

    async def login(self) -> None:
        """Log in explicitly, even after an earlier authentication failure.

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
        if dialect is None:
            async with self._detect_lock:
                # Concurrent first calls detect once.
                if self._dialect is None:
                    await self._detect_locked()
                dialect = self._dialect
        if dialect is None:  # pragma: no cover - detection sets it or raises
            raise QBittorrentError("qBittorrent detection did not complete")
        return dialect

    # --- state --------------------------------------------------------------

    async def sync(self) -> SyncResult:
        """Fetch what changed and return the current snapshot with the changes.

        Calls are serialized per client. The first sync of a client is the
        baseline: it reports no torrent as added, removed or completed.
        Incremental ``sync/maindata`` is used where the server has it; on
        3.1.x full lists are diffed to the same effect.
        """
        async with self._sync_lock:
            dialect = await self._ready()
            return await dialect.sync(self._sync_engine)

    async def get_transfer_info(self) -> ServerState:
        """Return global speeds, session totals, limits and connection state."""
        return await (await self._ready()).get_transfer_info()

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
        return await (await self._ready()).get_torrents(
            status_filter=status_filter,
            category=category,
            tag=tag,
            sort=sort,
            reverse=reverse,
            limit=limit,
            offset=offset,
            hashes=hashes,
        )

    # --- global transfer ----------------------------------------------------

    async def get_alternative_speed_limits_enabled(self) -> bool:
        """Return whether the alternative speed limits are active."""
        return await (await self._ready()).get_alternative_speed_limits_enabled()

    async def set_alternative_speed_limits_enabled(self, enabled: bool) -> None:  # noqa: FBT001
        """Switch the alternative speed limits on or off."""
        await (await self._ready()).set_alternative_speed_limits_enabled(enabled)

    async def get_global_download_limit(self) -> int:
        """Return the global download limit in B/s (``0`` = unlimited)."""
        return await (await self._ready()).get_global_limit(download=True)

    async def get_global_upload_limit(self) -> int:
        """Return the global upload limit in B/s (``0`` = unlimited)."""
        return await (await self._ready()).get_global_limit(download=False)

    async def set_global_download_limit(self, limit: int) -> None:
        """Set the global download limit in B/s (``0`` = unlimited).

        While alternative limits are active the server applies this to them.
        """
        await (await self._ready()).set_global_limit(limit, download=True)

    async def set_global_upload_limit(self, limit: int) -> None:
        """Set the global upload limit in B/s (``0`` = unlimited).

        While alternative limits are active the server applies this to them.
        """
        await (await self._ready()).set_global_limit(limit, download=False)

    async def pause_all(self) -> None:
        """Pause (stop) every torrent."""
        await (await self._ready()).pause_all()

    async def resume_all(self) -> None:
        """Resume (start) every torrent."""
        await (await self._ready()).resume_all()

    # --- adding -------------------------------------------------------------

    async def add_torrent_urls(
        self, urls: Sequence[str], options: AddTorrentOptions | None = None
    ) -> None:
        """Add torrents from magnet links or HTTP(S) URLs, all in one request.

        Raises:
            QBittorrentAddTorrentError: qBittorrent reported that it added
                nothing (duplicate or invalid link); 3.1.x-3.3.x report nothing.
        """
        await (await self._ready()).add_urls(list(urls), options)

    async def add_torrent_files(
        self, files: Sequence[bytes], options: AddTorrentOptions | None = None
    ) -> None:
        """Add torrents from ``.torrent`` file contents.

        Raises:
            QBittorrentAddTorrentError: qBittorrent reported that it added
                nothing (duplicate or invalid file); before 4.1 it reports
                only invalid files, if anything.
        """
        await (await self._ready()).add_files(list(files), options)

    # --- per torrent ----------------------------------------------------------

    async def pause_torrents(self, hashes: Sequence[str]) -> None:
        """Pause (stop) the given torrents."""
        await (await self._ready()).pause(list(hashes))

    async def resume_torrents(self, hashes: Sequence[str]) -> None:
        """Resume (start) the given torrents."""
        await (await self._ready()).resume(list(hashes))

    async def delete_torrents(
        self,
        hashes: Sequence[str],
        *,
        delete_files: bool,
    ) -> None:
        """Remove torrents, with their downloaded data when ``delete_files``."""
        await (await self._ready()).delete(list(hashes), delete_files=delete_files)

    async def recheck_torrents(self, hashes: Sequence[str]) -> None:
        """Verify the downloaded data of the given torrents."""
        await (await self._ready()).recheck(list(hashes))

    async def reannounce_torrents(self, hashes: Sequence[str]) -> None:
        """Announce the given torrents to their trackers now."""
        await (await self._ready()).reannounce(list(hashes))

    async def set_force_start(self, hashes: Sequence[str], enabled: bool) -> None:  # noqa: FBT001
        """Force-start the given torrents (ignore queueing), or stop forcing."""
        await (await self._ready()).set_force_start(list(hashes), enabled)

    async def move_in_queue(self, hashes: Sequence[str], move: QueueMove) -> None:
        """Increase, decrease, top or bottom the queue priority of torrents.

        Raises:
            QBittorrentUnexpectedResponseError: Queueing is disabled (HTTP 409).
        """
        await (await self._ready()).move_in_queue(list(hashes), move)

    async def get_torrent_download_limits(
        self, hashes: Sequence[str]
    ) -> dict[str, int]:
        """Return each torrent's download limit in B/s (``0`` = unlimited)."""
        return await (await self._ready()).get_torrent_limits(
            list(hashes), download=True
        )

    async def get_torrent_upload_limits(self, hashes: Sequence[str]) -> dict[str, int]:
        """Return each torrent's upload limit in B/s (``0`` = unlimited)."""
        return await (await self._ready()).get_torrent_limits(
            list(hashes), download=False
        )

    async def set_torrent_download_limit(
        self, hashes: Sequence[str], limit: int
    ) -> None:
        """Set the download limit of torrents in B/s (``0`` = unlimited)."""
        await (await self._ready()).set_torrent_limit(
            list(hashes), limit, download=True
        )

    async def set_torrent_upload_limit(self, hashes: Sequence[str], limit: int) -> None:
        """Set the upload limit of torrents in B/s (``0`` = unlimited)."""
        await (await self._ready()).set_torrent_limit(
            list(hashes), limit, download=False
        )

    async def set_category(self, hashes: Sequence[str], category: str) -> None:
        """Assign a category to torrents (``""`` removes it)."""
        await (await self._ready()).set_category(list(hashes), category)

    async def create_category(self, name: str, save_path: str = "") -> None:
        """Create a category, optionally with its own save path."""
        await (await self._ready()).create_category(name, save_path)

    async def remove_categories(self, names: Sequence[str]) -> None:
        """Delete categories (their torrents become uncategorized)."""
        await (await self._ready()).remove_categories(list(names))

    async def set_location(self, hashes: Sequence[str], location: str) -> None:
        """Move torrents' data to another directory."""
        await (await self._ready()).set_location(list(hashes), location)

    async def rename_torrent(self, torrent_hash: str, name: str) -> None:
        """Give a torrent a new display name."""
        await (await self._ready()).rename(torrent_hash, name)

    async def add_trackers(self, torrent_hash: str, urls: Sequence[str]) -> None:
        """Add tracker URLs to a torrent."""
        await (await self._ready()).add_trackers(torrent_hash, list(urls))

    async def set_file_priority(
        self, torrent_hash: str, file_ids: Sequence[int], priority: int
    ) -> None:
        """Set the download priority (0 = skip, 1 normal, 6 high, 7 max) of files."""
        await (await self._ready()).set_file_priority(
            torrent_hash, list(file_ids), priority
        )

    async def toggle_sequential_download(self, hashes: Sequence[str]) -> None:
        """Flip sequential downloading of torrents."""
        await (await self._ready()).toggle_sequential_download(list(hashes))

    async def toggle_first_last_piece_priority(self, hashes: Sequence[str]) -> None:
        """Flip first/last piece priority of torrents."""
        await (await self._ready()).toggle_first_last_piece_priority(list(hashes))

    async def set_super_seeding(self, hashes: Sequence[str], enabled: bool) -> None:  # noqa: FBT001
        """Switch super seeding of torrents on or off."""
        await (await self._ready()).set_super_seeding(list(hashes), enabled)

    # --- application ----------------------------------------------------------

    async def get_preferences(self) -> dict[str, Any]:
        """Return the server's preferences as it reports them."""
        return await (await self._ready()).get_preferences()

    async def set_preferences(self, preferences: Mapping[str, Any]) -> None:
        """Change server preferences (only the given keys)."""
        await (await self._ready()).set_preferences(dict(preferences))

    async def shutdown(self) -> None:
        """Quit qBittorrent."""
        await (await self._ready()).shutdown()
