"""One dialect per WebUI generation, and the probe that picks one.

Detection probe sequence (documented in ``docs/compatibility.md``):

1. ``GET /api/v2/app/webapiVersion`` without credentials (or with the API key).
   * 200: modern, already authorized (API key or auth bypass).
   * 403: modern, log in at ``/api/v2/auth/login``.
   * 401 with a ``Digest realm="Web UI Access"`` challenge: 3.1.x.
   * 401 without challenge: retried once with a ``Referer`` naming the server
     (3.3.13 needs one); still 401 means a Host/CSRF rejection (or a bad API
     key when one is configured).
   * 404: step 2.
2. ``GET /version/api``: an integer means legacy (3.2.0-4.0.4). Otherwise
   ``GET /json/transferInfo``: JSON with ``dl_info`` means 3.1.x with the
   local-auth bypass. Anything else is not a qBittorrent WebUI.
3. Versions: modern ``app/version`` + ``app/webapiVersion``; legacy
   ``/version/qbittorrent``; 3.1.x ``/about.html`` (``qBittorrent v3.1.12``).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
import json
import re
import traceback
from typing import TYPE_CHECKING, Any, NoReturn

from ._http import FIXED_BAN_SECONDS, AuthMode, HttpResponse, Transport
from ._parse import (
    as_int,
    as_limit,
    kept_torrent_fields,
    server_state_from_api,
    server_state_from_digest,
    torrent_from_api,
    torrent_from_digest,
)
from .exceptions import (
    QBittorrentAddTorrentError,
    QBittorrentError,
    QBittorrentUnexpectedResponseError,
    QBittorrentUnsupportedOperationError,
    QBittorrentUnsupportedVersionError,
)
from .models import (
    AddTorrentOptions,
    Capabilities,
    Generation,
    QueueMove,
    ServerInfo,
    ServerState,
    SpeedLimits,
    SyncResult,
    Torrent,
    TorrentFilter,
    TorrentSort,
    TorrentStatus,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ._sync import SyncEngine

type Version = tuple[int, ...]

# First web API version knowing each ``torrents/info`` filter newer than
# 2.0 (stalled: changelog 2.4.1; errored is listed alongside it, assumed the
# same). Older servers would answer every torrent for them.
_FILTERS_SINCE: dict[TorrentFilter, Version] = {
    TorrentFilter.STALLED: (2, 4, 1),
    TorrentFilter.ERRORED: (2, 4, 1),
}

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

_DOWNLOADING_STATES = frozenset(
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
_SEEDING_STATES = frozenset(
    {"uploading", "stalledUP", "checkingUP", "queuedUP", "forcedUP"}
)
_SERVER_SORT_KEYS = {
    TorrentSort.NAME: "name",
    TorrentSort.SIZE: "size",
    TorrentSort.PROGRESS: "progress",
    TorrentSort.DOWNLOAD_SPEED: "dlspeed",
    TorrentSort.UPLOAD_SPEED: "upspeed",
    TorrentSort.RATIO: "ratio",
    TorrentSort.ETA: "eta",
    TorrentSort.PRIORITY: "priority",
    TorrentSort.STATE: "state",
    TorrentSort.ADDED_ON: "added_on",
    TorrentSort.COMPLETION_ON: "completion_on",
}
_QUEUE_ACTIONS = {
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


def _version_text(version: Version | None) -> str | None:
    return ".".join(map(str, version)) if version else None


def _join_hashes(hashes: Sequence[str]) -> str:
    return "|".join(hash_.lower() for hash_ in hashes)


def _flag(value: bool) -> str:  # noqa: FBT001
    return "true" if value else "false"


def _form_value(value: object) -> str:
    return _flag(value) if isinstance(value, bool) else str(value)


def _matches_filter(torrent: Torrent, status_filter: TorrentFilter) -> bool:
    active = bool(torrent.download_speed) or bool(torrent.upload_speed)
    checks: dict[TorrentFilter, Callable[[], bool]] = {
        TorrentFilter.ALL: lambda: True,
        TorrentFilter.DOWNLOADING: lambda: torrent.state in _DOWNLOADING_STATES,
        TorrentFilter.SEEDING: lambda: torrent.state in _SEEDING_STATES,
        TorrentFilter.COMPLETED: lambda: torrent.is_complete is True,
        TorrentFilter.STOPPED: lambda: torrent.status is TorrentStatus.STOPPED,
        TorrentFilter.RUNNING: lambda: torrent.status is not TorrentStatus.STOPPED,
        TorrentFilter.ACTIVE: lambda: active,
        TorrentFilter.INACTIVE: lambda: not active,
        TorrentFilter.STALLED: lambda: (
            torrent.status
            in {TorrentStatus.STALLED_DOWNLOADING, TorrentStatus.STALLED_SEEDING}
        ),
        TorrentFilter.ERRORED: lambda: (
            torrent.status in {TorrentStatus.ERROR, TorrentStatus.MISSING_FILES}
        ),
    }
    return checks[status_filter]()


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
            if (
                self.status_filter is None
                or _matches_filter(torrent, self.status_filter)
            )
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


class Dialect:
    """Operations common to every generation; unsupported ones raise.

    Subclasses override what their generation offers. Every method not
    overridden raises :class:`QBittorrentUnsupportedOperationError` naming the
    first qBittorrent version that has it.
    """

    def __init__(self, transport: Transport, info: ServerInfo) -> None:
        """Bind the dialect to a transport and the detected server."""
        self.transport = transport
        self.info = info

    def unsupported(self, operation: str, minimum_version: str) -> NoReturn:
        """Raise the error for an operation this server lacks."""
        raise QBittorrentUnsupportedOperationError(
            operation,
            server_version=self.info.app_version,
            minimum_version=minimum_version,
        )

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
        response = await self.post_read(path, {"hashes": _join_hashes(hashes)})
        payload = _ensure_dict(response.json(), "torrent limits")
        return {key.lower(): as_limit(value) or 0 for key, value in payload.items()}

    async def post_each(
        self, path: str, hashes: Sequence[str], extra: dict[str, str] | None = None
    ) -> None:
        """POST once per torrent with a single ``hash`` field (older servers)."""
        for hash_ in hashes:
            await self.post(path, {"hash": hash_.lower(), **(extra or {})})

    # Every operation below is overridden where the generation supports it.

    async def sync(self, engine: SyncEngine) -> SyncResult:
        """Fetch changes and merge them into ``engine``."""
        raise NotImplementedError

    async def get_transfer_info(self) -> ServerState:
        """Return global transfer figures."""
        raise NotImplementedError

    async def list_all(self) -> list[Torrent]:
        """Return every torrent (used for client-side filtering)."""
        raise NotImplementedError

    async def get_torrents(self, **query: Any) -> list[Torrent]:
        """List torrents; filtered on the client by default."""
        list_query = ListQuery(**query)
        if list_query.tag is not None and not self.info.capabilities.tags:
            self.unsupported("get_torrents(tag=...)", "4.2.0")
        return list_query.apply(await self.list_all())

    async def get_alternative_speed_limits_enabled(self) -> bool:
        """Return whether alternative limits are active."""
        self.unsupported("get_alternative_speed_limits_enabled", "3.2.0")

    async def set_alternative_speed_limits_enabled(self, enabled: bool) -> None:  # noqa: FBT001
        """Switch alternative limits."""
        del enabled
        self.unsupported("set_alternative_speed_limits_enabled", "3.2.0")

    async def get_global_limit(self, *, download: bool) -> int:
        """Return a global limit."""
        raise NotImplementedError

    async def set_global_limit(self, limit: int, *, download: bool) -> None:
        """Set a global limit."""
        raise NotImplementedError

    async def pause_all(self) -> None:
        """Pause everything."""
        raise NotImplementedError

    async def resume_all(self) -> None:
        """Resume everything."""
        raise NotImplementedError

    async def pause(self, hashes: list[str]) -> None:
        """Pause torrents."""
        raise NotImplementedError

    async def resume(self, hashes: list[str]) -> None:
        """Resume torrents."""
        raise NotImplementedError

    async def add_urls(
        self, urls: list[str], options: AddTorrentOptions | None
    ) -> None:
        """Add by URL."""
        raise NotImplementedError

    async def add_files(
        self, files: list[bytes], options: AddTorrentOptions | None
    ) -> None:
        """Add by file."""
        raise NotImplementedError

    async def delete(self, hashes: list[str], *, delete_files: bool) -> None:
        """Delete torrents."""
        raise NotImplementedError

    async def recheck(self, hashes: list[str]) -> None:
        """Recheck torrents."""
        raise NotImplementedError

    async def reannounce(self, hashes: list[str]) -> None:
        """Reannounce torrents."""
        del hashes
        self.unsupported("reannounce_torrents", "4.1.2")

    async def set_force_start(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """Force-start torrents."""
        del hashes, enabled
        self.unsupported("set_force_start", "3.2.0")

    async def move_in_queue(self, hashes: list[str], move: QueueMove) -> None:
        """Move torrents in the queue."""
        raise NotImplementedError

    async def get_torrent_limits(
        self, hashes: list[str], *, download: bool
    ) -> dict[str, int]:
        """Return per-torrent limits."""
        raise NotImplementedError

    async def set_torrent_limit(
        self, hashes: list[str], limit: int, *, download: bool
    ) -> None:
        """Set per-torrent limits."""
        raise NotImplementedError

    async def set_category(self, hashes: list[str], category: str) -> None:
        """Assign a category."""
        del hashes, category
        self.unsupported("set_category", "3.3.5")

    async def create_category(self, name: str, save_path: str) -> None:
        """Create a category."""
        del name, save_path
        self.unsupported("create_category", "3.3.5")

    async def remove_categories(self, names: list[str]) -> None:
        """Remove categories."""
        del names
        self.unsupported("remove_categories", "3.3.5")

    async def set_location(self, hashes: list[str], location: str) -> None:
        """Move torrent data."""
        del hashes, location
        self.unsupported("set_location", "3.3.11")

    async def rename(self, torrent_hash: str, name: str) -> None:
        """Rename a torrent."""
        del torrent_hash, name
        self.unsupported("rename_torrent", "3.3.11")

    async def add_trackers(self, torrent_hash: str, urls: list[str]) -> None:
        """Add trackers."""
        raise NotImplementedError

    async def set_file_priority(
        self, torrent_hash: str, file_ids: list[int], priority: int
    ) -> None:
        """Set file priorities."""
        raise NotImplementedError

    async def toggle_sequential_download(self, hashes: list[str]) -> None:
        """Toggle sequential download."""
        del hashes
        self.unsupported("toggle_sequential_download", "3.2.0")

    async def toggle_first_last_piece_priority(self, hashes: list[str]) -> None:
        """Toggle first/last piece priority."""
        del hashes
        self.unsupported("toggle_first_last_piece_priority", "3.2.0")

    async def set_super_seeding(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """Toggle super seeding."""
        del hashes, enabled
        self.unsupported("set_super_seeding", "3.2.0")

    async def get_preferences(self) -> dict[str, Any]:
        """Return preferences."""
        raise NotImplementedError

    async def set_preferences(self, preferences: dict[str, Any]) -> None:
        """Set preferences."""
        raise NotImplementedError

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

    async def shutdown(self) -> None:
        """Quit qBittorrent."""
        raise NotImplementedError


def _ensure_dict(payload: Any, what: str) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise QBittorrentUnexpectedResponseError(
            f"The server's {what} was not a JSON object",
            status=200,
            body_excerpt=str(payload)[:120],
        )
    return payload


def _ensure_list(payload: Any, what: str) -> list[Any]:
    if not isinstance(payload, list):
        raise QBittorrentUnexpectedResponseError(
            f"The server's {what} was not a JSON list",
            status=200,
            body_excerpt=str(payload)[:120],
        )
    return payload


def _int_body(response: HttpResponse, what: str) -> int:
    value = as_int(response.text.strip())
    if value is None:
        raise QBittorrentUnexpectedResponseError(
            f"The server's {what} was not a number",
            status=response.status,
            body_excerpt=response.excerpt,
        )
    return value


class DigestDialect(Dialect):
    """qBittorrent 3.1.x: Digest auth, ``/json/*``, translated strings."""

    @property
    def preferences_limits_in_kib(self) -> bool:
        """3.1.x keeps the preferences' limits in KiB/s."""
        return True

    async def sync(self, engine: SyncEngine) -> SyncResult:
        """Diff full lists: 3.1.x has no incremental endpoint.

        Transfer info has no limits, so they are asked for on each poll too.
        """
        state = await self.get_transfer_info()
        return await decode_off_loop_if_large(
            await self.transport.request("GET", "/json/torrents"),
            lambda payload: engine.apply_full_lists(_digest_torrents(payload), state),
        )

    async def list_all(self) -> list[Torrent]:
        """Return every torrent from ``/json/torrents``."""
        return await self.get_converted("/json/torrents", _digest_torrents)

    async def get_transfer_info(self) -> ServerState:
        """Parse the translated transfer strings; limits come from commands."""
        state = _ensure_dict(await self.get_json("/json/transferInfo"), "transfer info")
        return server_state_from_digest(
            state,
            download_limit=await self.get_global_limit(download=True),
            upload_limit=await self.get_global_limit(download=False),
        )

    async def get_global_limit(self, *, download: bool) -> int:
        """``/command/getGlobalDlLimit`` answers a plain number."""
        name = "getGlobalDlLimit" if download else "getGlobalUpLimit"
        return max(_int_body(await self.post_read(f"/command/{name}"), name), 0)

    async def set_global_limit(self, limit: int, *, download: bool) -> None:
        """Set a global limit in B/s."""
        name = "setGlobalDlLimit" if download else "setGlobalUpLimit"
        await self.post(f"/command/{name}", {"limit": str(max(limit, 0))})

    async def pause_all(self) -> None:
        """3.1.x spells it in lower case (other casings are silent no-ops)."""
        await self.post("/command/pauseall")

    async def resume_all(self) -> None:
        """3.1.x spells it in lower case (other casings are silent no-ops)."""
        await self.post("/command/resumeall")

    async def pause(self, hashes: list[str]) -> None:
        """One request per torrent."""
        await self.post_each("/command/pause", hashes)

    async def resume(self, hashes: list[str]) -> None:
        """One request per torrent."""
        await self.post_each("/command/resume", hashes)

    async def add_urls(
        self, urls: list[str], options: AddTorrentOptions | None
    ) -> None:
        """Newline-separated URLs; 3.1.x takes no options."""
        self._refuse_options(options)
        await self.post_add("/command/download", form={"urls": "\n".join(urls)})

    async def add_files(
        self, files: list[bytes], options: AddTorrentOptions | None
    ) -> None:
        """Multipart upload, one file per request."""
        self._refuse_options(options)
        for index, content in enumerate(files):
            await self.post_add(
                "/command/upload", files=[(f"upload{index}.torrent", content)]
            )

    def _refuse_options(self, options: AddTorrentOptions | None) -> None:
        if options is not None and not options.is_default:
            self.unsupported("add options", "3.3.1")

    async def delete(self, hashes: list[str], *, delete_files: bool) -> None:
        """``delete`` or ``deletePerm`` (with data)."""
        name = "deletePerm" if delete_files else "delete"
        await self.post(f"/command/{name}", {"hashes": _join_hashes(hashes)})

    async def recheck(self, hashes: list[str]) -> None:
        """One request per torrent."""
        await self.post_each("/command/recheck", hashes)

    async def move_in_queue(self, hashes: list[str], move: QueueMove) -> None:
        """``increasePrio`` and friends take several hashes."""
        await self.post(
            f"/command/{_QUEUE_ACTIONS[move]}", {"hashes": _join_hashes(hashes)}
        )

    async def get_torrent_limits(
        self, hashes: list[str], *, download: bool
    ) -> dict[str, int]:
        """One request per torrent (singular command names in 3.1.x)."""
        name = "getTorrentDlLimit" if download else "getTorrentUpLimit"
        limits = {}
        for hash_ in hashes:
            response = await self.post_read(f"/command/{name}", {"hash": hash_.lower()})
            limits[hash_.lower()] = max(_int_body(response, name), 0)
        return limits

    async def set_torrent_limit(
        self, hashes: list[str], limit: int, *, download: bool
    ) -> None:
        """One request per torrent."""
        name = "setTorrentDlLimit" if download else "setTorrentUpLimit"
        await self.post_each(f"/command/{name}", hashes, {"limit": str(max(limit, 0))})

    async def add_trackers(self, torrent_hash: str, urls: list[str]) -> None:
        """Newline-separated tracker URLs."""
        await self.post(
            "/command/addTrackers",
            {"hash": torrent_hash.lower(), "urls": "\n".join(urls)},
        )

    async def set_file_priority(
        self, torrent_hash: str, file_ids: list[int], priority: int
    ) -> None:
        """One request per file."""
        for file_id in file_ids:
            await self.post(
                "/command/setFilePrio",
                {
                    "hash": torrent_hash.lower(),
                    "id": str(file_id),
                    "priority": str(priority),
                },
            )

    async def get_preferences(self) -> dict[str, Any]:
        """``/json/preferences``."""
        return _ensure_dict(await self.get_json("/json/preferences"), "preferences")

    async def set_preferences(self, preferences: dict[str, Any]) -> None:
        """``/command/setPreferences`` with a ``json`` field."""
        await self.post("/command/setPreferences", {"json": json.dumps(preferences)})

    async def shutdown(self) -> None:
        """``/command/shutdown``."""
        await self.transport.request("GET", "/command/shutdown", idempotent=False)


class LegacyDialect(DigestDialect):
    """qBittorrent 3.2.0-4.0.4: cookie login, ``/query/*``, API level 2-17.

    Shares the 3.1.x command set where the names are the same; these servers
    check parameter sets exactly, so no extra field is ever sent.
    """

    @property
    def api(self) -> int:
        """The integer legacy API level."""
        return int(self.info.api_version or "2")

    @property
    def preferences_limits_in_kib(self) -> bool:
        """Up to API 10 (3.3.7) the preferences give limits in KiB/s."""
        return self.api < 11  # noqa: PLR2004

    async def sync(self, engine: SyncEngine) -> SyncResult:
        """``/sync/maindata`` with the last ``rid``."""
        return await _maindata_sync(self, "/sync/maindata", engine)

    async def list_all(self) -> list[Torrent]:
        """``/query/torrents`` (numeric fields)."""
        return await self.get_converted("/query/torrents", _api_torrents)

    async def get_transfer_info(self) -> ServerState:
        """``/query/transferInfo`` plus the alternative-limits flag."""
        state = _ensure_dict(
            await self.get_json("/query/transferInfo"), "transfer info"
        )
        info = server_state_from_api(state)
        alternative = await self.get_alternative_speed_limits_enabled()
        return _with_alternative(info, alternative)

    async def get_alternative_speed_limits_enabled(self) -> bool:
        """``alternativeSpeedLimitsEnabled`` answers ``1`` or ``0``."""
        response = await self.post_read("/command/alternativeSpeedLimitsEnabled")
        return _int_body(response, "alternative speed limits state") == 1

    async def set_alternative_speed_limits_enabled(self, enabled: bool) -> None:  # noqa: FBT001
        """Only a toggle exists: read, then toggle if needed."""
        if await self.get_alternative_speed_limits_enabled() != enabled:
            await self.post("/command/toggleAlternativeSpeedLimits")

    async def pause_all(self) -> None:
        """CamelCase from 3.2.0 on (lower case answers 404)."""
        await self.post("/command/pauseAll")

    async def resume_all(self) -> None:
        """CamelCase from 3.2.0 on (lower case answers 404)."""
        await self.post("/command/resumeAll")

    async def add_urls(
        self, urls: list[str], options: AddTorrentOptions | None
    ) -> None:
        """Before API 7 only ``urls`` is accepted; later multipart with options."""
        if self.api < 7:  # noqa: PLR2004
            self._refuse_options(options)
            await self.post_add("/command/download", form={"urls": "\n".join(urls)})
            return
        await self.post_add(
            "/command/download",
            multipart_fields={"urls": "\n".join(urls), **self._add_fields(options)},
        )

    async def add_files(
        self, files: list[bytes], options: AddTorrentOptions | None
    ) -> None:
        """Multipart; several files per request from API 8 (3.3.2)."""
        fields = self._add_fields(options) if self.api >= 7 else {}  # noqa: PLR2004
        if self.api < 7:  # noqa: PLR2004
            self._refuse_options(options)
        named = [
            (f"upload{index}.torrent", content) for index, content in enumerate(files)
        ]
        batches = [named] if self.api >= 8 else [[item] for item in named]  # noqa: PLR2004
        for batch in batches:
            await self.post_add("/command/upload", files=batch, multipart_fields=fields)

    def _add_fields(self, options: AddTorrentOptions | None) -> dict[str, str]:
        if options is None:
            return {}
        if options.tags:
            self.unsupported("add with tags", "4.3.2")
        category_field = "label" if self.api < 10 else "category"  # noqa: PLR2004
        # (field, value, first legacy API level, first qBittorrent version)
        table: tuple[tuple[str, object, int, str], ...] = (
            ("savepath", options.save_path, 7, "3.3.1"),
            (category_field, options.category, 7, "3.3.1"),
            ("paused", options.stopped, 14, "3.3.13"),
            ("skip_checking", options.skip_checking, 14, "3.3.13"),
            ("sequentialDownload", options.sequential_download, 16, "4.0.0"),
            ("firstLastPiecePrio", options.first_last_piece_priority, 16, "4.0.0"),
            ("dlLimit", options.download_limit, 16, "4.0.0"),
            ("upLimit", options.upload_limit, 16, "4.0.0"),
            ("rename", options.rename, 16, "4.0.0"),
        )
        fields: dict[str, str] = {}
        for name, value, minimum_api, minimum in table:
            if value is None:
                continue
            if self.api < minimum_api:
                self.unsupported(f"add option {name}", minimum)
            fields[name] = _form_value(value)
        return fields

    async def set_force_start(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """``setForceStart`` with ``hashes`` and ``value``."""
        await self.post(
            "/command/setForceStart",
            {"hashes": _join_hashes(hashes), "value": _flag(enabled)},
        )

    async def get_torrent_limits(
        self, hashes: list[str], *, download: bool
    ) -> dict[str, int]:
        """Plural command names since API 2; answers a JSON object."""
        name = "getTorrentsDlLimit" if download else "getTorrentsUpLimit"
        return await self.read_torrent_limits(f"/command/{name}", hashes)

    async def set_torrent_limit(
        self, hashes: list[str], limit: int, *, download: bool
    ) -> None:
        """Plural command names since API 2."""
        name = "setTorrentsDlLimit" if download else "setTorrentsUpLimit"
        await self.post(
            f"/command/{name}",
            {"hashes": _join_hashes(hashes), "limit": str(max(limit, 0))},
        )

    async def set_category(self, hashes: list[str], category: str) -> None:
        """``setCategory`` (API 10, 3.3.5)."""
        self._require_categories("set_category")
        await self.post(
            "/command/setCategory",
            {"hashes": _join_hashes(hashes), "category": category},
        )

    async def create_category(self, name: str, save_path: str) -> None:
        """``addCategory``; legacy servers have no per-category save path."""
        self._require_categories("create_category")
        if save_path:
            self.unsupported("create_category(save_path=...)", "4.1.0")
        await self.post("/command/addCategory", {"category": name})

    async def remove_categories(self, names: list[str]) -> None:
        """``removeCategories`` takes newline-separated names."""
        self._require_categories("remove_categories")
        await self.post("/command/removeCategories", {"categories": "\n".join(names)})

    def _require_categories(self, operation: str) -> None:
        if not self.info.capabilities.categories:
            self.unsupported(operation, "3.3.5")

    async def set_location(self, hashes: list[str], location: str) -> None:
        """``setLocation`` (API 12, 3.3.11)."""
        if not self.info.capabilities.set_location:
            self.unsupported("set_location", "3.3.11")
        await self.post(
            "/command/setLocation",
            {"hashes": _join_hashes(hashes), "location": location},
        )

    async def rename(self, torrent_hash: str, name: str) -> None:
        """``rename`` (API 12, 3.3.11)."""
        if not self.info.capabilities.rename:
            self.unsupported("rename_torrent", "3.3.11")
        await self.post("/command/rename", {"hash": torrent_hash.lower(), "name": name})

    async def toggle_sequential_download(self, hashes: list[str]) -> None:
        """``toggleSequentialDownload``."""
        await self.post(
            "/command/toggleSequentialDownload", {"hashes": _join_hashes(hashes)}
        )

    async def toggle_first_last_piece_priority(self, hashes: list[str]) -> None:
        """``toggleFirstLastPiecePrio``."""
        await self.post(
            "/command/toggleFirstLastPiecePrio", {"hashes": _join_hashes(hashes)}
        )

    async def set_super_seeding(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """``setSuperSeeding``."""
        await self.post(
            "/command/setSuperSeeding",
            {"hashes": _join_hashes(hashes), "value": _flag(enabled)},
        )

    async def get_preferences(self) -> dict[str, Any]:
        """``/query/preferences``."""
        return _ensure_dict(await self.get_json("/query/preferences"), "preferences")


def _with_alternative(state: ServerState, enabled: bool) -> ServerState:  # noqa: FBT001
    fields = {name: getattr(state, name) for name in ServerState.__dataclass_fields__}
    fields["alternative_speed_limits_enabled"] = enabled
    return ServerState(**fields)


async def _maindata_sync(dialect: Dialect, path: str, engine: SyncEngine) -> SyncResult:
    # The response is not bound here, so decoding it can free it.
    return await decode_off_loop_if_large(
        await _maindata_request(dialect, path, engine),
        lambda payload: engine.apply_maindata(_ensure_dict(payload, "sync data")),
        each_torrent=_kept_torrent,
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


def _kept_torrent(raw: Any) -> Any:
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


def _api_torrents(payload: Any) -> list[Torrent]:
    return [
        torrent_from_api(str(raw.get("hash", "")), raw)
        for raw in _ensure_list(payload, "torrent list")
        if isinstance(raw, dict)
    ]


def _digest_torrents(payload: Any) -> list[Torrent]:
    return [
        torrent_from_digest(raw)
        for raw in _ensure_list(payload, "torrent list")
        if isinstance(raw, dict)
    ]


class ModernDialect(Dialect):
    """qBittorrent 4.1 and later: ``/api/v2/*``."""

    @property
    def api(self) -> Version:
        """The web API version, padded to three parts."""
        version = parse_version(self.info.api_version or "2.0") or (2, 0)
        return (*version, 0, 0)[:3]

    @property
    def _stop_start(self) -> bool:
        return self.info.capabilities.stop_start_naming

    async def sync(self, engine: SyncEngine) -> SyncResult:
        """``sync/maindata`` with the last ``rid``."""
        return await _maindata_sync(self, "/api/v2/sync/maindata", engine)

    async def list_all(self) -> list[Torrent]:
        """``torrents/info`` without parameters."""
        return await self.get_torrents(
            status_filter=None,
            category=None,
            tag=None,
            sort=None,
            reverse=False,
            limit=None,
            offset=None,
            hashes=None,
        )

    async def get_torrents(self, **query: Any) -> list[Torrent]:
        """Filter on the server; filter names follow the API version.

        A server takes a filter name it does not know for ``all``; such a
        filter is applied here instead, with the sorting and slicing that
        must follow it.
        """
        list_query = ListQuery(**query)
        status = list_query.status_filter
        if status is None or self.api >= _FILTERS_SINCE.get(status, (2, 0, 0)):
            return await self.get_converted(
                "/api/v2/torrents/info", _api_torrents, self._info_params(list_query)
            )
        server_part = replace(
            list_query,
            status_filter=None,
            sort=None,
            reverse=False,
            limit=None,
            offset=None,
        )
        torrents = await self.get_converted(
            "/api/v2/torrents/info", _api_torrents, self._info_params(server_part)
        )
        client_part = replace(list_query, category=None, tag=None, hashes=None)
        return client_part.apply(torrents)

    def _info_params(self, list_query: ListQuery) -> dict[str, str]:
        if list_query.tag is not None and self.api < (2, 8, 3):
            self.unsupported("get_torrents(tag=...)", "4.4.0")
        status = list_query.status_filter
        name = status.value if status is not None else None
        if name is not None and not self._stop_start:
            name = {"stopped": "paused", "running": "resumed"}.get(name, name)
        values = {
            "filter": name,
            "category": list_query.category,
            "tag": list_query.tag,
            "sort": _SERVER_SORT_KEYS[list_query.sort] if list_query.sort else None,
            "reverse": "true" if list_query.reverse else None,
            "limit": list_query.limit,
            "offset": list_query.offset,
            "hashes": _join_hashes(list_query.hashes)
            if list_query.hashes is not None
            else None,
        }
        return {key: str(value) for key, value in values.items() if value is not None}

    async def get_transfer_info(self) -> ServerState:
        """``transfer/info`` plus the alternative-limits flag."""
        state = _ensure_dict(
            await self.get_json("/api/v2/transfer/info"), "transfer info"
        )
        info = server_state_from_api(state)
        return _with_alternative(
            info, await self.get_alternative_speed_limits_enabled()
        )

    async def get_alternative_speed_limits_enabled(self) -> bool:
        """``transfer/speedLimitsMode`` answers ``1`` or ``0``."""
        response = await self.transport.request(
            "GET", "/api/v2/transfer/speedLimitsMode"
        )
        return _int_body(response, "alternative speed limits state") == 1

    async def set_alternative_speed_limits_enabled(self, enabled: bool) -> None:  # noqa: FBT001
        """``setSpeedLimitsMode`` from API 2.8.14 (4.5.0), else read and toggle."""
        if self.info.capabilities.alternative_speed_toggle_only:
            if await self.get_alternative_speed_limits_enabled() != enabled:
                await self.post("/api/v2/transfer/toggleSpeedLimitsMode")
            return
        await self.post(
            "/api/v2/transfer/setSpeedLimitsMode", {"mode": "1" if enabled else "0"}
        )

    async def get_global_limit(self, *, download: bool) -> int:
        """``transfer/downloadLimit`` / ``uploadLimit``."""
        name = "downloadLimit" if download else "uploadLimit"
        response = await self.transport.request("GET", f"/api/v2/transfer/{name}")
        return max(_int_body(response, name), 0)

    async def set_global_limit(self, limit: int, *, download: bool) -> None:
        """``transfer/setDownloadLimit`` / ``setUploadLimit``."""
        name = "setDownloadLimit" if download else "setUploadLimit"
        await self.post(f"/api/v2/transfer/{name}", {"limit": str(max(limit, 0))})

    async def pause_all(self) -> None:
        """``hashes=all``."""
        await self.pause(["all"])

    async def resume_all(self) -> None:
        """``hashes=all``."""
        await self.resume(["all"])

    async def pause(self, hashes: list[str]) -> None:
        """``torrents/pause`` before API 2.11, ``torrents/stop`` after."""
        action = "stop" if self._stop_start else "pause"
        await self._torrents_action(action, hashes)

    async def resume(self, hashes: list[str]) -> None:
        """``torrents/resume`` before API 2.11, ``torrents/start`` after."""
        action = "start" if self._stop_start else "resume"
        await self._torrents_action(action, hashes)

    async def _torrents_action(
        self, action: str, hashes: list[str], extra: dict[str, str] | None = None
    ) -> None:
        await self.post(
            f"/api/v2/torrents/{action}",
            {"hashes": _join_hashes(hashes), **(extra or {})},
        )

    async def add_urls(
        self, urls: list[str], options: AddTorrentOptions | None
    ) -> None:
        """``torrents/add`` multipart with newline-separated ``urls``."""
        await self._add({"urls": "\n".join(urls)}, [], options)

    async def add_files(
        self, files: list[bytes], options: AddTorrentOptions | None
    ) -> None:
        """``torrents/add`` multipart; unique file names (4.1+ key by name)."""
        named = [
            (f"upload{index}.torrent", content) for index, content in enumerate(files)
        ]
        await self._add({}, named, options)

    async def _add(
        self,
        fields: dict[str, str],
        files: list[tuple[str, bytes]],
        options: AddTorrentOptions | None,
    ) -> None:
        await self.post_add(
            "/api/v2/torrents/add",
            multipart_fields={**fields, **self._add_fields(options)},
            files=files or None,
        )

    def _add_fields(self, options: AddTorrentOptions | None) -> dict[str, str]:
        if options is None:
            return {}
        if options.tags and self.api < (2, 6, 2):
            self.unsupported("add with tags", "4.3.2")
        # Renamed fields are sent under both names (paused/stopped in 2.11,
        # skip_checking/seedMode in 2.16): each server ignores the other one.
        values: dict[tuple[str, ...], object] = {
            ("savepath",): options.save_path,
            ("category",): options.category,
            ("tags",): ",".join(options.tags) if options.tags else None,
            ("paused", "stopped"): options.stopped,
            ("skip_checking", "seedMode"): options.skip_checking,
            ("dlLimit",): options.download_limit,
            ("upLimit",): options.upload_limit,
            ("sequentialDownload",): options.sequential_download,
            ("firstLastPiecePrio",): options.first_last_piece_priority,
            ("rename",): options.rename,
        }
        return {
            name: _form_value(value)
            for names, value in values.items()
            if value is not None
            for name in names
        }

    async def delete(self, hashes: list[str], *, delete_files: bool) -> None:
        """``deleteFiles`` is required."""
        await self._torrents_action(
            "delete", hashes, {"deleteFiles": _flag(delete_files)}
        )

    async def recheck(self, hashes: list[str]) -> None:
        """``torrents/recheck``."""
        await self._torrents_action("recheck", hashes)

    async def reannounce(self, hashes: list[str]) -> None:
        """``torrents/reannounce`` (API 2.0.2, 4.1.2)."""
        if not self.info.capabilities.reannounce:
            self.unsupported("reannounce_torrents", "4.1.2")
        await self._torrents_action("reannounce", hashes)

    async def set_force_start(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """``torrents/setForceStart``."""
        await self._torrents_action("setForceStart", hashes, {"value": _flag(enabled)})

    async def move_in_queue(self, hashes: list[str], move: QueueMove) -> None:
        """``torrents/increasePrio`` and friends (409 when queueing is off)."""
        await self._torrents_action(_QUEUE_ACTIONS[move], hashes)

    async def get_torrent_limits(
        self, hashes: list[str], *, download: bool
    ) -> dict[str, int]:
        """``torrents/downloadLimit`` answers a JSON object by hash."""
        name = "downloadLimit" if download else "uploadLimit"
        return await self.read_torrent_limits(f"/api/v2/torrents/{name}", hashes)

    async def set_torrent_limit(
        self, hashes: list[str], limit: int, *, download: bool
    ) -> None:
        """``torrents/setDownloadLimit`` / ``setUploadLimit``."""
        name = "setDownloadLimit" if download else "setUploadLimit"
        await self._torrents_action(name, hashes, {"limit": str(max(limit, 0))})

    async def set_category(self, hashes: list[str], category: str) -> None:
        """``torrents/setCategory``."""
        await self._torrents_action("setCategory", hashes, {"category": category})

    async def create_category(self, name: str, save_path: str) -> None:
        """``torrents/createCategory``."""
        await self.post(
            "/api/v2/torrents/createCategory", {"category": name, "savePath": save_path}
        )

    async def remove_categories(self, names: list[str]) -> None:
        """``torrents/removeCategories`` takes newline-separated names."""
        await self.post(
            "/api/v2/torrents/removeCategories", {"categories": "\n".join(names)}
        )

    async def set_location(self, hashes: list[str], location: str) -> None:
        """``torrents/setLocation``."""
        await self._torrents_action("setLocation", hashes, {"location": location})

    async def rename(self, torrent_hash: str, name: str) -> None:
        """``torrents/rename``."""
        await self.post(
            "/api/v2/torrents/rename", {"hash": torrent_hash.lower(), "name": name}
        )

    async def add_trackers(self, torrent_hash: str, urls: list[str]) -> None:
        """``torrents/addTrackers``."""
        await self.post(
            "/api/v2/torrents/addTrackers",
            {"hash": torrent_hash.lower(), "urls": "\n".join(urls)},
        )

    async def set_file_priority(
        self, torrent_hash: str, file_ids: list[int], priority: int
    ) -> None:
        """``torrents/filePrio``; several ids at once from API 2.2."""
        groups = (
            [file_ids] if self.api >= (2, 2, 0) else [[file_id] for file_id in file_ids]
        )
        for group in groups:
            await self.post(
                "/api/v2/torrents/filePrio",
                {
                    "hash": torrent_hash.lower(),
                    "id": "|".join(map(str, group)),
                    "priority": str(priority),
                },
            )

    async def toggle_sequential_download(self, hashes: list[str]) -> None:
        """``torrents/toggleSequentialDownload``."""
        await self._torrents_action("toggleSequentialDownload", hashes)

    async def toggle_first_last_piece_priority(self, hashes: list[str]) -> None:
        """``torrents/toggleFirstLastPiecePrio``."""
        await self._torrents_action("toggleFirstLastPiecePrio", hashes)

    async def set_super_seeding(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """``torrents/setSuperSeeding``."""
        await self._torrents_action(
            "setSuperSeeding", hashes, {"value": _flag(enabled)}
        )

    async def get_preferences(self) -> dict[str, Any]:
        """``app/preferences``."""
        return _ensure_dict(
            await self.get_json("/api/v2/app/preferences"), "preferences"
        )

    async def set_preferences(self, preferences: dict[str, Any]) -> None:
        """``app/setPreferences`` with a ``json`` field."""
        await self.post("/api/v2/app/setPreferences", {"json": json.dumps(preferences)})

    async def shutdown(self) -> None:
        """``app/shutdown``."""
        await self.post("/api/v2/app/shutdown")


# --- detection -----------------------------------------------------------------


def digest_capabilities() -> Capabilities:
    """What 3.1.x offers."""
    return Capabilities(
        per_torrent_limits=True,
        queue_priority=True,
        add_trackers=True,
        file_priority=True,
        shutdown=True,
    )


def legacy_capabilities(api: int) -> Capabilities:
    """What a legacy API level offers."""
    return Capabilities(
        alternative_speed_get=True,
        alternative_speed_set=True,
        alternative_speed_toggle_only=True,
        categories=api >= 10,  # noqa: PLR2004
        force_start=True,
        per_torrent_limits=True,
        set_location=api >= 12,  # noqa: PLR2004
        rename=api >= 12,  # noqa: PLR2004
        super_seeding=True,
        sequential_download=True,
        queue_priority=True,
        add_trackers=True,
        file_priority=True,
        incremental_sync=True,
        add_options=api >= 7,  # noqa: PLR2004
        shutdown=True,
    )


def modern_capabilities(api: Version, app: Version | None) -> Capabilities:
    """What a web API version offers."""
    padded = (*api, 0, 0)[:3]
    return Capabilities(
        alternative_speed_get=True,
        alternative_speed_set=True,
        alternative_speed_toggle_only=padded < (2, 8, 14),
        categories=True,
        tags=padded >= (2, 3, 0),
        reannounce=padded >= (2, 0, 2),
        force_start=True,
        per_torrent_limits=True,
        set_location=True,
        rename=True,
        super_seeding=True,
        sequential_download=True,
        queue_priority=True,
        add_trackers=True,
        file_priority=True,
        incremental_sync=True,
        add_options=True,
        shutdown=True,
        api_key=app is not None and app >= (5, 2, 0),
        stop_start_naming=padded >= (2, 11, 0),
    )


async def dialect_for(transport: Transport) -> Dialect:
    """Run the probe sequence and return the dialect for the server."""
    previous_mode = transport.auth_mode
    if transport.has_api_key:
        transport.auth_mode = AuthMode.API_KEY
    # The mode stays until the answers say otherwise: requests running while
    # the client detects again (after a new session) keep authenticating.
    probe = await transport.probe("GET", "/api/v2/app/webapiVersion")
    modern = probe.status in {200, 403}
    if previous_mode is (AuthMode.LEGACY_COOKIE if modern else AuthMode.MODERN_COOKIE):
        # The server changed generation: its cookie no longer opens anything.
        transport.forget_session()
    dialect = await _detect(transport, probe)
    if isinstance(dialect, LegacyDialect) and not transport.logged_in:
        # Log in now so bad credentials surface during detection.
        await transport.login(explicit=False)
    return dialect


async def _detect(transport: Transport, probe: HttpResponse) -> Dialect:
    """Pick the dialect from the first probe's answer (and further probes)."""
    challenge = probe.digest_challenge
    if probe.status == 403 and probe.text.strip() not in {"", "Forbidden"}:  # noqa: PLR2004
        await _raise_if_banned_everywhere(transport)
    if probe.status in {200, 403}:
        return await _detect_modern(transport, probe)
    if probe.status == 401 and challenge is not None:  # noqa: PLR2004
        transport.configure_digest(challenge)
        return await _detect_digest(transport)
    if probe.status == 401:  # noqa: PLR2004
        transport.check(probe)
    if probe.status == 404:  # noqa: PLR2004
        legacy = await transport.probe("GET", "/version/api")
        if legacy.status == 200 and as_int(legacy.text.strip()) is not None:  # noqa: PLR2004
            return await _detect_legacy(transport, legacy)
        bypass = await transport.probe("GET", "/json/transferInfo")
        if bypass.status == 200 and "dl_info" in bypass.text:  # noqa: PLR2004
            transport.auth_mode = AuthMode.NONE
            transport.close_connections = True
            return await _detect_digest(transport)
    if probe.status in {401, 403} or probe.status >= 500:  # noqa: PLR2004
        transport.check(probe)
    raise QBittorrentUnsupportedVersionError(
        f"{transport.display_url} does not answer like a qBittorrent WebUI "
        f"(HTTP {probe.status}). Check the URL, the port and any reverse-proxy "
        "path prefix."
    )


async def _raise_if_banned_everywhere(transport: Transport) -> None:
    """Tell a ban of 3.1.x-4.0.4 (every path refused) from a modern 403.

    Modern servers answer ``/version/api`` (200 on 4.1.x, 404 later); a
    banned old server refuses it as well.
    """
    legacy = await transport.probe("GET", "/version/api")
    if legacy.status == 403:  # noqa: PLR2004
        transport.auth_mode = AuthMode.LEGACY_COOKIE
        transport.check(legacy)


async def _detect_modern(transport: Transport, probe: HttpResponse) -> Dialect:
    if transport.auth_mode is not AuthMode.API_KEY:
        transport.auth_mode = AuthMode.MODERN_COOKIE
        transport.login_path = "/api/v2/auth/login"
        transport.logout_path = "/api/v2/auth/logout"
        transport.close_connections = False
    if probe.status == 200:  # noqa: PLR2004
        api_text = probe.text.strip()
    else:
        if transport.auth_mode is AuthMode.API_KEY:
            transport.check(probe)
        api_text = (
            await transport.request("GET", "/api/v2/app/webapiVersion")
        ).text.strip()
    app_text = (await transport.request("GET", "/api/v2/app/version")).text.strip()
    api = parse_version(api_text)
    if api is None:
        raise QBittorrentUnsupportedVersionError(
            f"qBittorrent reported an unreadable API version {api_text[:40]!r}"
        )
    app = parse_version(app_text)
    if transport.auth_mode is AuthMode.MODERN_COOKIE and transport.logged_in:
        transport.ban_duration = await _ban_duration(transport)
    info = ServerInfo(
        generation=Generation.MODERN,
        app_version=_version_text(app),
        api_version=api_text,
        capabilities=modern_capabilities(api, app),
    )
    return ModernDialect(transport, info)


async def _ban_duration(transport: Transport) -> float | None:
    r"""Read how long the server bans an IP, while a session allows it.

    4.2+ reports its ``WebUI\BanDuration`` setting in the preferences;
    4.1 bans for a fixed hour and reports nothing.
    """
    try:
        response = await transport.request("GET", "/api/v2/app/preferences")
        preferences = response.json()
    except QBittorrentUnexpectedResponseError:
        return None
    if not isinstance(preferences, dict):
        return None
    if "web_ui_ban_duration" not in preferences:
        return FIXED_BAN_SECONDS
    seconds = as_int(preferences["web_ui_ban_duration"])
    return float(seconds) if seconds is not None and seconds > 0 else None


async def _detect_legacy(transport: Transport, probe: HttpResponse) -> Dialect:
    api = as_int(probe.text.strip()) or 2
    transport.auth_mode = AuthMode.LEGACY_COOKIE
    transport.login_path = "/login"
    transport.logout_path = "/logout"
    transport.close_connections = True
    app_response = await transport.probe("GET", "/version/qbittorrent")
    app = parse_version(app_response.text) if app_response.status == 200 else None  # noqa: PLR2004
    info = ServerInfo(
        generation=Generation.LEGACY,
        app_version=_version_text(app),
        api_version=str(api),
        capabilities=legacy_capabilities(api),
    )
    return LegacyDialect(transport, info)


async def _detect_digest(transport: Transport) -> Dialect:
    # Proves the credentials (401 = rejected, 403 = banned) and the dialect.
    await transport.request("GET", "/json/transferInfo")
    about = await transport.request("GET", "/about.html")
    match = re.search(r"qBittorrent\s+v?(\d+(?:\.\d+)+)", about.text)
    info = ServerInfo(
        generation=Generation.DIGEST,
        app_version=match[1] if match else None,
        api_version=None,
        capabilities=digest_capabilities(),
    )
    return DigestDialect(transport, info)
