"""What every WebUI generation's dialect shares: the base class and helpers.

A dialect speaks one generation's endpoints (``_digest``, ``_legacy``,
``_modern``); ``_detect`` picks one. The helpers here read JSON answers,
decode large ones off the event loop and filter torrent lists on the client.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
import asyncio
from dataclasses import dataclass
import re
import traceback
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

from ._parse import (
    as_int,
    as_limit,
    kept_torrent_fields,
    preferences_from_api,
    torrent_from_api,
)
from .exceptions import (
    QBittorrentAddTorrentError,
    QBittorrentError,
    QBittorrentUnexpectedResponseError,
    QBittorrentUnsupportedOperationError,
)
from .models import (
    OPERATION_REQUIREMENTS,
    AddTorrentOptions,
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

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ._http import HttpResponse, Transport
    from ._sync import SyncEngine

type Version = tuple[int, ...]

# Bodies larger than this are decoded and turned into models in a worker
# thread: a first sync of 10,000 torrents is ~15 MiB and ~0.5 s of CPU that
# the event loop must not spend. Steady-state deltas are far smaller and cost
# less inline than the thread hop.
OFF_LOOP_THRESHOLD_BYTES = 256 * 1024

# 409: 5.2+ added nothing (duplicate or invalid link); 415: not a .torrent file.
_ADD_REFUSED_STATUSES = frozenset({409, 415})
_ADD_REFUSED_MESSAGE = (
    "qBittorrent refused to add the torrent: it is already added, or the link "
    "or .torrent file is invalid"
)

QUEUE_ACTIONS = {
    QueueMove.INCREASE: "increasePrio",
    QueueMove.DECREASE: "decreasePrio",
    QueueMove.TOP: "topPrio",
    QueueMove.BOTTOM: "bottomPrio",
}


def parse_version(text: str) -> Version | None:
    """Read ``"v4.6.7"``, ``"2.11.4"`` or ``"5.3.0alpha1"`` as a tuple."""
    match = re.match(r"\s*v?(\d+(?:\.\d+)*)", text)
    if match is None:
        return None
    return tuple(int(part) for part in match[1].split("."))


def version_text(version: Version | None) -> str | None:
    return ".".join(map(str, version)) if version else None


def join_hashes(hashes: Sequence[str]) -> str:
    return "|".join(hash_.lower() for hash_ in hashes)


def flag(value: bool) -> str:  # noqa: FBT001
    return "true" if value else "false"


def form_value(value: object) -> str:
    return flag(value) if isinstance(value, bool) else str(value)


def require(info: ServerInfo, operation: str) -> None:
    """Refuse ``operation`` unless the server has the capability it needs.

    Operations not in :data:`OPERATION_REQUIREMENTS`, or needing no flag,
    pass: every generation has them, or the dialect checks its API level.
    """
    requirement = OPERATION_REQUIREMENTS.get(operation)
    if requirement is None or requirement.capability is None:
        return
    if not getattr(info.capabilities, requirement.capability):
        raise_unsupported(info, operation)


def raise_unsupported(info: ServerInfo, operation: str) -> NoReturn:
    """Raise the error naming the first version with ``operation``."""
    raise QBittorrentUnsupportedOperationError(
        operation,
        server_version=info.app_version,
        minimum_version=OPERATION_REQUIREMENTS[operation].minimum_version,
    )


@dataclass(frozen=True, slots=True)
class ListQuery:
    """Parameters of a torrent list request."""

    status_filter: TorrentFilter | None
    category: str | None
    tag: str | None
    sort: TorrentSort | None
    reverse: bool
    limit: int | None
    offset: int | None
    hashes: Sequence[str] | None

    def apply(self, torrents: list[Torrent]) -> list[Torrent]:
        """Filter, sort and slice on the client (for servers that cannot)."""
        wanted = {hash_.lower() for hash_ in self.hashes} if self.hashes else None
        selected = [
            torrent
            for torrent in torrents
            if (self.status_filter is None or self.status_filter.matches(torrent))
            and (self.category is None or (torrent.category or "") == self.category)
            and (self.tag is None or self.tag in torrent.tags)
            and (wanted is None or torrent.hash in wanted)
        ]
        if self.sort is not None:
            key = self.sort.value
            present = [t for t in selected if getattr(t, key) is not None]
            missing = [t for t in selected if getattr(t, key) is None]
            present.sort(key=lambda t: getattr(t, key), reverse=self.reverse)
            selected = present + missing
        elif self.reverse:
            selected.reverse()
        start = self.offset or 0
        if start < 0:
            start = max(len(selected) + start, 0)
        end = start + self.limit if self.limit is not None and self.limit > 0 else None
        return selected[start:end]


class OptionalOperations(Protocol):
    """The operations of :data:`OPERATION_REQUIREMENTS` that some generations lack.

    A generation's dialect defines those its servers can have, with these
    signatures (the library's tests compare them); the client calls them
    only after :func:`require` found the server's capability.
    """

    async def get_alternative_speed_limits_enabled(self) -> bool:
        """Return whether alternative limits are active."""
        ...

    async def set_alternative_speed_limits_enabled(self, enabled: bool) -> None:  # noqa: FBT001
        """Switch alternative limits on or off."""
        ...

    async def set_force_start(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """Force-start torrents, or stop forcing."""
        ...

    async def toggle_sequential_download(self, hashes: list[str]) -> None:
        """Flip sequential downloading."""
        ...

    async def toggle_first_last_piece_priority(self, hashes: list[str]) -> None:
        """Flip first/last piece priority."""
        ...

    async def set_super_seeding(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """Switch super seeding."""
        ...

    async def set_category(self, hashes: list[str], category: str) -> None:
        """Assign a category."""
        ...

    async def create_category(self, name: str, save_path: str) -> None:
        """Create a category."""
        ...

    async def remove_categories(self, names: list[str]) -> None:
        """Remove categories."""
        ...

    async def set_location(self, hashes: list[str], location: str) -> None:
        """Move torrent data."""
        ...

    async def rename_torrent(self, torrent_hash: str, name: str) -> None:
        """Rename a torrent."""
        ...

    async def reannounce_torrents(self, hashes: list[str]) -> None:
        """Announce torrents to their trackers now."""
        ...

    async def pause_session(self) -> None:
        """Pause the whole BitTorrent session."""
        ...

    async def resume_session(self) -> None:
        """Resume the whole BitTorrent session."""
        ...

    # Tags.

    async def add_tags(self, hashes: list[str], tags: list[str]) -> None:
        """Tag torrents."""
        ...

    async def remove_tags(self, hashes: list[str], tags: list[str]) -> None:
        """Untag torrents."""
        ...

    async def create_tags(self, tags: list[str]) -> None:
        """Create tags."""
        ...

    async def delete_tags(self, tags: list[str]) -> None:
        """Delete tags."""
        ...

    # Categories and share limits.

    async def edit_category(self, name: str, save_path: str) -> None:
        """Change a category's save path."""
        ...

    async def set_share_limits(
        self,
        hashes: list[str],
        ratio_limit: float,
        seeding_time_limit: int,
        inactive_seeding_time_limit: int | None,
    ) -> None:
        """Set share limits."""
        ...

    # Per-torrent settings.

    async def set_auto_management(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """Switch automatic torrent management."""
        ...

    async def set_download_path(self, hashes: list[str], path: str) -> None:
        """Set the incomplete-data directory."""
        ...

    async def get_torrent_details(self, torrent_hash: str) -> TorrentDetails:
        """Read a torrent's properties, files, trackers and peers."""
        ...

    async def export_torrent(self, torrent_hash: str) -> bytes:
        """Return a torrent's .torrent file."""
        ...

    # RSS.

    async def add_rss_folder(self, path: str) -> None:
        """Create an RSS folder."""
        ...

    async def add_rss_feed(self, url: str, path: str) -> None:
        """Subscribe to an RSS feed."""
        ...

    async def remove_rss_item(self, path: str) -> None:
        """Remove an RSS feed or folder."""
        ...

    async def refresh_rss_item(self, path: str) -> None:
        """Refresh an RSS feed or folder."""
        ...

    async def get_rss_items(self, *, with_data: bool) -> dict[str, Any]:
        """Return the RSS tree."""
        ...

    async def set_rss_rule(self, name: str, definition: dict[str, Any]) -> None:
        """Create or replace an auto-download rule."""
        ...

    async def remove_rss_rule(self, name: str) -> None:
        """Remove an auto-download rule."""
        ...

    async def get_rss_rules(self) -> dict[str, Any]:
        """Return the auto-download rules."""
        ...

    # Search.

    async def start_search(self, pattern: str, plugins: str, category: str) -> int:
        """Start a search job."""
        ...

    async def get_search_results(
        self, search_id: int, limit: int, offset: int
    ) -> dict[str, Any]:
        """Return a search job's status and results."""
        ...

    async def stop_search(self, search_id: int) -> None:
        """Stop a search job."""
        ...

    async def delete_search(self, search_id: int) -> None:
        """Delete a search job."""
        ...


class Dialect(ABC):
    """One generation's endpoints for the client's operations.

    The abstract methods are what every generation offers. A generation also
    defines the operations of :data:`OPERATION_REQUIREMENTS` that its servers
    can have, under the same names as the client's methods; the client calls
    them only after :func:`require` found the server's capability.
    """

    def __init__(self, transport: Transport, info: ServerInfo) -> None:
        """Bind the dialect to a transport and the detected server."""
        self.transport = transport
        self.info = info

    def unsupported(self, operation: str) -> NoReturn:
        """Raise the error for an operation this server lacks."""
        raise_unsupported(self.info, operation)

    async def get_json(self, path: str, params: dict[str, str] | None = None) -> Any:
        """GET a JSON document."""
        return (await self.transport.request("GET", path, params=params)).json()

    async def get_converted[T](
        self,
        path: str,
        convert: Callable[[Any], T],
        params: dict[str, str] | None = None,
    ) -> T:
        """GET a JSON document and ``convert`` it, off the event loop if large."""
        return await decode_off_loop_if_large(
            await self.transport.request("GET", path, params=params), convert
        )

    async def post(self, path: str, form: dict[str, str] | None = None) -> HttpResponse:
        """POST a form (non-idempotent: never retried)."""
        return await self.transport.request("POST", path, form=form or {})

    async def post_read(
        self, path: str, form: dict[str, str] | None = None
    ) -> HttpResponse:
        """POST a request that only reads (safe to retry on a dropped connection)."""
        return await self.transport.request(
            "POST", path, form=form or {}, idempotent=True
        )

    async def post_add(
        self,
        path: str,
        *,
        form: dict[str, str] | None = None,
        multipart_fields: dict[str, str] | None = None,
        files: list[tuple[str, bytes]] | None = None,
    ) -> None:
        """POST an add request; raise ``QBittorrentAddTorrentError`` on refusal.

        Refusal is 409/415, or ``Fails.`` (4.0-5.1); older servers answer the
        same whatever happened.
        """
        try:
            if form is not None:
                response = await self.post(path, form)
            else:
                response = await self.transport.request(
                    "POST", path, multipart_fields=multipart_fields, files=files
                )
        except QBittorrentUnexpectedResponseError as err:
            if err.status in _ADD_REFUSED_STATUSES:
                raise QBittorrentAddTorrentError(_ADD_REFUSED_MESSAGE) from None
            raise
        if response.text.strip() == "Fails.":
            raise QBittorrentAddTorrentError(_ADD_REFUSED_MESSAGE)

    async def read_torrent_limits(self, path: str, hashes: list[str]) -> dict[str, int]:
        """POST a query for several torrents' limits, answered by hash (API 2+)."""
        response = await self.post_read(path, {"hashes": join_hashes(hashes)})
        payload = ensure_dict(response.json(), "torrent limits")
        return {key.lower(): as_limit(value) or 0 for key, value in payload.items()}

    async def post_each(
        self, path: str, hashes: Sequence[str], extra: dict[str, str] | None = None
    ) -> None:
        """POST once per torrent with a single ``hash`` field (older servers)."""
        for hash_ in hashes:
            await self.post(path, {"hash": hash_.lower(), **(extra or {})})

    # What every generation offers. An operation only some have is defined
    # by the generations that do, and named in OPERATION_REQUIREMENTS.

    @abstractmethod
    async def sync(self, engine: SyncEngine) -> SyncResult:
        """Fetch changes and merge them into ``engine``."""

    @abstractmethod
    async def get_transfer_info(self) -> ServerState:
        """Return global transfer figures."""

    @abstractmethod
    async def list_all(self) -> list[Torrent]:
        """Return every torrent (used for client-side filtering)."""

    async def get_torrents(self, **query: Any) -> list[Torrent]:
        """List torrents; filtered on the client by default."""
        list_query = ListQuery(**query)
        if list_query.tag is not None and not self.info.capabilities.tags:
            self.unsupported("get_torrents(tag=...)")
        return list_query.apply(await self.list_all())

    @abstractmethod
    async def get_global_limit(self, *, download: bool) -> int:
        """Return a global limit."""

    @abstractmethod
    async def set_global_limit(self, limit: int, *, download: bool) -> None:
        """Set a global limit."""

    @abstractmethod
    async def pause_all(self) -> None:
        """Pause everything."""

    @abstractmethod
    async def resume_all(self) -> None:
        """Resume everything."""

    @abstractmethod
    async def pause(self, hashes: list[str]) -> None:
        """Pause torrents."""

    @abstractmethod
    async def resume(self, hashes: list[str]) -> None:
        """Resume torrents."""

    @abstractmethod
    async def add_urls(
        self, urls: list[str], options: AddTorrentOptions | None
    ) -> None:
        """Add by URL."""

    @abstractmethod
    async def add_files(
        self, files: list[bytes], options: AddTorrentOptions | None
    ) -> None:
        """Add by file."""

    @abstractmethod
    async def delete(self, hashes: list[str], *, delete_files: bool) -> None:
        """Delete torrents."""

    @abstractmethod
    async def recheck(self, hashes: list[str]) -> None:
        """Recheck torrents."""

    @abstractmethod
    async def move_in_queue(self, hashes: list[str], move: QueueMove) -> None:
        """Move torrents in the queue."""

    @abstractmethod
    async def get_torrent_limits(
        self, hashes: list[str], *, download: bool
    ) -> dict[str, int]:
        """Return per-torrent limits."""

    @abstractmethod
    async def set_torrent_limit(
        self, hashes: list[str], limit: int, *, download: bool
    ) -> None:
        """Set per-torrent limits."""

    @abstractmethod
    async def add_trackers(self, torrent_hash: str, urls: list[str]) -> None:
        """Add trackers."""

    @abstractmethod
    async def set_file_priority(
        self, torrent_hash: str, file_ids: list[int], priority: int
    ) -> None:
        """Set file priorities."""

    @abstractmethod
    async def get_preferences(self) -> dict[str, Any]:
        """Return preferences."""

    @abstractmethod
    async def set_preferences(self, preferences: dict[str, Any]) -> None:
        """Set preferences."""

    @abstractmethod
    async def shutdown(self) -> None:
        """Quit qBittorrent."""

    @property
    def preferences_limits_in_kib(self) -> bool:
        """Whether the preferences give limits in KiB/s rather than B/s."""
        return False

    async def get_alternative_limits(self) -> SpeedLimits:
        """Read the alternative limits from the preferences, in B/s."""
        preferences = await self.get_preferences()
        return SpeedLimits(
            download=self.limit_from_preferences(preferences.get("alt_dl_limit")),
            upload=self.limit_from_preferences(preferences.get("alt_up_limit")),
        )

    async def get_server_preferences(self) -> Preferences:
        """Read the server-wide settings, alternative limits in B/s."""
        raw = await self.get_preferences()
        return preferences_from_api(
            raw,
            SpeedLimits(
                download=self.limit_from_preferences(raw.get("alt_dl_limit")),
                upload=self.limit_from_preferences(raw.get("alt_up_limit")),
            ),
        )

    async def set_alternative_limit(self, limit: int, *, download: bool) -> None:
        """Write an alternative limit given in B/s to the preferences."""
        key = "alt_dl_limit" if download else "alt_up_limit"
        await self.set_preferences({key: self._limit_for_preferences(limit)})

    def limit_from_preferences(self, value: object) -> int | None:
        """Return a limit of the preferences in B/s, ``None`` if not a number."""
        limit = as_limit(value)
        if limit is None or not self.preferences_limits_in_kib:
            return limit
        return limit * 1024

    def _limit_for_preferences(self, limit: int) -> int:
        limit = max(limit, 0)
        if not self.preferences_limits_in_kib:
            return limit
        # Rounded up below 1 KiB/s, as qBittorrent does: 0 would mean unlimited.
        return max(limit // 1024, 1) if limit else 0


def ensure_dict(payload: Any, what: str) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise QBittorrentUnexpectedResponseError(
            f"The server's {what} was not a JSON object",
            status=200,
            body_excerpt=str(payload)[:120],
        )
    return payload


def ensure_list(payload: Any, what: str) -> list[Any]:
    if not isinstance(payload, list):
        raise QBittorrentUnexpectedResponseError(
            f"The server's {what} was not a JSON list",
            status=200,
            body_excerpt=str(payload)[:120],
        )
    return payload


def int_body(response: HttpResponse, what: str) -> int:
    value = as_int(response.text.strip())
    if value is None:
        raise QBittorrentUnexpectedResponseError(
            f"The server's {what} was not a number",
            status=response.status,
            body_excerpt=response.excerpt,
        )
    return value


# Shared by the generations with ``/sync/maindata`` and numeric torrent
# fields (legacy and modern).


def with_alternative(state: ServerState, enabled: bool) -> ServerState:  # noqa: FBT001
    fields = {name: getattr(state, name) for name in ServerState.__dataclass_fields__}
    fields["alternative_speed_limits_enabled"] = enabled
    return ServerState(**fields)


async def maindata_sync(dialect: Dialect, path: str, engine: SyncEngine) -> SyncResult:
    # The response is not bound here, so decoding it can free it.
    return await decode_off_loop_if_large(
        await _maindata_request(dialect, path, engine),
        lambda payload: engine.apply_maindata(ensure_dict(payload, "sync data")),
        each_torrent=kept_torrent,
    )


async def _maindata_request(
    dialect: Dialect, path: str, engine: SyncEngine
) -> HttpResponse:
    engine.follow_session(dialect.transport.session_generation)
    response = await dialect.transport.request(
        "GET", path, params={"rid": str(engine.rid)}
    )
    # A re-login during the request starts a new server session.
    engine.follow_session(dialect.transport.session_generation)
    return response


def kept_torrent(raw: Any) -> Any:
    return kept_torrent_fields(raw) if isinstance(raw, dict) else raw


async def decode_off_loop_if_large[T](
    response: HttpResponse,
    convert: Callable[[Any], T],
    *,
    each_torrent: Callable[[Any], Any] | None = None,
) -> T:
    """Decode the body as JSON and ``convert`` it, off the event loop if large.

    The caller hands ``response`` over: its body is freed once decoded,
    before ``convert`` runs, and an error does not keep it alive (Home
    Assistant holds on to the last error).
    """
    size = len(response.body)
    handed_over = [response]
    del response

    def decode_and_convert() -> T:
        return convert(handed_over.pop().json(each_torrent=each_torrent))

    try:
        return await off_loop_if_large(size, decode_and_convert)
    except QBittorrentError as err:
        traceback.clear_frames(err.__traceback__)
        raise


async def off_loop_if_large[T](size: int, work: Callable[[], T]) -> T:
    """Run ``work`` inline for small bodies, in the default executor for large ones.

    The caller holds the client's sync lock, so at most one merge runs at a
    time. If the caller is cancelled, the thread cannot be stopped: the lock
    is kept until it finishes, so the next sync never sees a half merge.
    """
    if size <= OFF_LOOP_THRESHOLD_BYTES:
        return work()
    future = asyncio.get_running_loop().run_in_executor(None, work)
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError:
        await asyncio.wait([future])
        raise


def api_torrents(payload: Any) -> list[Torrent]:
    return [
        torrent_from_api(str(raw.get("hash", "")), raw)
        for raw in ensure_list(payload, "torrent list")
        if isinstance(raw, dict)
    ]
