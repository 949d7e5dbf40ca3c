"""The ``/api/v2`` generation (qBittorrent 4.1 and later)."""

from __future__ import annotations

from dataclasses import replace
import json
from typing import TYPE_CHECKING, Any

from ._dialect import (
    QUEUE_ACTIONS,
    Dialect,
    ListQuery,
    Version,
    api_torrents,
    ensure_dict,
    ensure_list,
    flag,
    form_value,
    int_body,
    join_hashes,
    maindata_sync,
    parse_version,
    with_alternative,
)
from ._parse import server_state_from_api
from .exceptions import QBittorrentUnexpectedResponseError
from .models import (
    SHARE_LIMIT_GLOBAL,
    Capabilities,
    TorrentDetails,
    TorrentFilter,
    TorrentSort,
)

if TYPE_CHECKING:
    from ._sync import SyncEngine
    from .models import AddTorrentOptions, QueueMove, ServerState, SyncResult, Torrent

# First web API version knowing each ``torrents/info`` filter newer than
# 2.0 (stalled: changelog 2.4.1; errored is listed alongside it, assumed the
# same). Older servers would answer every torrent for them.
# What a torrent does at its share limit (5.2+ require it when setting them):
# the torrents/info field and the setShareLimits parameter.
_SHARE_LIMIT_BEHAVIOUR = (
    ("share_limit_action", "shareLimitAction"),
    ("share_limits_mode", "shareLimitsMode"),
)
_SHARE_LIMIT_ACTION_SINCE: Version = (2, 12, 0)

_FILTERS_SINCE: dict[TorrentFilter, Version] = {
    TorrentFilter.STALLED: (2, 4, 1),
    TorrentFilter.ERRORED: (2, 4, 1),
}

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
        return await maindata_sync(self, "/api/v2/sync/maindata", engine)

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
                "/api/v2/torrents/info", api_torrents, self._info_params(list_query)
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
            "/api/v2/torrents/info", api_torrents, self._info_params(server_part)
        )
        client_part = replace(list_query, category=None, tag=None, hashes=None)
        return client_part.apply(torrents)

    def _info_params(self, list_query: ListQuery) -> dict[str, str]:
        if list_query.tag is not None and self.api < (2, 8, 3):
            self.unsupported("get_torrents(tag=...)")
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
            "hashes": join_hashes(list_query.hashes)
            if list_query.hashes is not None
            else None,
        }
        return {key: str(value) for key, value in values.items() if value is not None}

    async def get_transfer_info(self) -> ServerState:
        """``transfer/info`` plus the alternative-limits flag."""
        state = ensure_dict(
            await self.get_json("/api/v2/transfer/info"), "transfer info"
        )
        info = server_state_from_api(state)
        return with_alternative(info, await self.get_alternative_speed_limits_enabled())

    async def get_alternative_speed_limits_enabled(self) -> bool:
        """``transfer/speedLimitsMode`` answers ``1`` or ``0``."""
        response = await self.transport.request(
            "GET", "/api/v2/transfer/speedLimitsMode"
        )
        return int_body(response, "alternative speed limits state") == 1

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
        return max(int_body(response, name), 0)

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
            {"hashes": join_hashes(hashes), **(extra or {})},
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
            self.unsupported("add option tags")
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
            name: form_value(value)
            for names, value in values.items()
            if value is not None
            for name in names
        }

    async def delete(self, hashes: list[str], *, delete_files: bool) -> None:
        """``deleteFiles`` is required."""
        await self._torrents_action(
            "delete", hashes, {"deleteFiles": flag(delete_files)}
        )

    async def recheck(self, hashes: list[str]) -> None:
        """``torrents/recheck``."""
        await self._torrents_action("recheck", hashes)

    async def reannounce_torrents(self, hashes: list[str]) -> None:
        """``torrents/reannounce`` (API 2.0.2, 4.1.2)."""
        await self._torrents_action("reannounce", hashes)

    async def set_force_start(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """``torrents/setForceStart``."""
        await self._torrents_action("setForceStart", hashes, {"value": flag(enabled)})

    async def move_in_queue(self, hashes: list[str], move: QueueMove) -> None:
        """``torrents/increasePrio`` and friends (409 when queueing is off)."""
        await self._torrents_action(QUEUE_ACTIONS[move], hashes)

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

    async def rename_torrent(self, torrent_hash: str, name: str) -> None:
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
        await self._torrents_action("setSuperSeeding", hashes, {"value": flag(enabled)})

    async def add_tags(self, hashes: list[str], tags: list[str]) -> None:
        """``torrents/addTags`` takes comma-separated tags (API 2.3)."""
        await self._torrents_action("addTags", hashes, {"tags": ",".join(tags)})

    async def remove_tags(self, hashes: list[str], tags: list[str]) -> None:
        """``torrents/removeTags``; empty ``tags`` removes them all."""
        await self._torrents_action("removeTags", hashes, {"tags": ",".join(tags)})

    async def create_tags(self, tags: list[str]) -> None:
        """``torrents/createTags``."""
        await self.post("/api/v2/torrents/createTags", {"tags": ",".join(tags)})

    async def delete_tags(self, tags: list[str]) -> None:
        """``torrents/deleteTags``."""
        await self.post("/api/v2/torrents/deleteTags", {"tags": ",".join(tags)})

    async def edit_category(self, name: str, save_path: str) -> None:
        """``torrents/editCategory`` (API 2.1)."""
        await self.post(
            "/api/v2/torrents/editCategory", {"category": name, "savePath": save_path}
        )

    async def set_share_limits(
        self,
        hashes: list[str],
        ratio_limit: float,
        seeding_time_limit: int,
        inactive_seeding_time_limit: int | None,
    ) -> None:
        """``torrents/setShareLimits`` (API 2.0.1).

        From 4.6.0 (API 2.9.2) ``inactiveSeedingTimeLimit`` is required (5.1.0
        answers 400 without it). 5.2+ also require what to do at the limit
        (``shareLimitAction``; 5.3 ``shareLimitsMode`` too): each torrent's
        own, read first, is sent back so that a limit change keeps it.
        """
        has_inactive_limit = self.api >= (2, 9, 2)
        if inactive_seeding_time_limit is not None and not has_inactive_limit:
            self.unsupported("set_share_limits(inactive_seeding_time_limit=...)")
        form = {
            "ratioLimit": str(ratio_limit),
            "seedingTimeLimit": str(seeding_time_limit),
        }
        if has_inactive_limit:
            form["inactiveSeedingTimeLimit"] = str(
                SHARE_LIMIT_GLOBAL
                if inactive_seeding_time_limit is None
                else inactive_seeding_time_limit
            )
        if self.api < _SHARE_LIMIT_ACTION_SINCE:
            await self._torrents_action("setShareLimits", hashes, form)
            return
        answer = await self.post_read(
            "/api/v2/torrents/info", {"hashes": join_hashes(hashes)}
        )
        groups: dict[tuple[tuple[str, str], ...], list[str]] = {}
        for torrent in ensure_list(answer.json(), "torrents"):
            behaviour = tuple(
                (form_name, str(torrent[field]))
                for field, form_name in _SHARE_LIMIT_BEHAVIOUR
                if isinstance(torrent, dict) and field in torrent
            )
            if isinstance(torrent, dict) and isinstance(torrent.get("hash"), str):
                groups.setdefault(behaviour, []).append(torrent["hash"])
        for behaviour, group in groups.items():
            await self._torrents_action(
                "setShareLimits", group, {**form, **dict(behaviour)}
            )

    async def set_auto_management(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """``torrents/setAutoManagement``."""
        await self._torrents_action(
            "setAutoManagement", hashes, {"enable": flag(enabled)}
        )

    async def set_download_path(self, hashes: list[str], path: str) -> None:
        """``torrents/setDownloadPath`` (API 2.8.4) names the torrents ``id``."""
        await self.post(
            "/api/v2/torrents/setDownloadPath",
            {"id": join_hashes(hashes), "path": path},
        )

    async def get_torrent_details(self, torrent_hash: str) -> TorrentDetails:
        """``torrents/properties``, ``files``, ``trackers``, ``sync/torrentPeers``.

        Read by POST like the WebUI: every version answers it (4.5.2-5.3.0),
        404 for an unknown hash.
        """
        form = {"hash": torrent_hash.lower()}
        properties = ensure_dict(
            (await self.post_read("/api/v2/torrents/properties", form)).json(),
            "torrent properties",
        )
        files = ensure_list(
            (await self.post_read("/api/v2/torrents/files", form)).json(),
            "torrent files",
        )
        trackers = ensure_list(
            (await self.post_read("/api/v2/torrents/trackers", form)).json(),
            "torrent trackers",
        )
        peers = ensure_dict(
            (
                await self.post_read("/api/v2/sync/torrentPeers", {**form, "rid": "0"})
            ).json(),
            "torrent peers",
        ).get("peers")
        return TorrentDetails(
            properties=properties,
            # Before API 2.8.2 (4.4) files carry no index: their position is their id.
            files=[
                {"index": position, **item}
                for position, item in enumerate(files)
                if isinstance(item, dict)
            ],
            trackers=[item for item in trackers if isinstance(item, dict)],
            peers={
                key: value
                for key, value in (peers if isinstance(peers, dict) else {}).items()
                if isinstance(value, dict)
            },
        )

    async def export_torrent(self, torrent_hash: str) -> bytes:
        """``torrents/export`` (API 2.8.14); 409 without metadata."""
        response = await self.post_read(
            "/api/v2/torrents/export", {"hash": torrent_hash.lower()}
        )
        return bytes(response.body)

    async def add_rss_folder(self, path: str) -> None:
        """``rss/addFolder`` (409 when it exists)."""
        await self.post("/api/v2/rss/addFolder", {"path": path})

    async def add_rss_feed(self, url: str, path: str) -> None:
        """``rss/addFeed`` (409 when the URL or path exists)."""
        form = {"url": url, **({"path": path} if path else {})}
        await self.post("/api/v2/rss/addFeed", form)

    async def remove_rss_item(self, path: str) -> None:
        """``rss/removeItem`` (409 when it does not exist)."""
        await self.post("/api/v2/rss/removeItem", {"path": path})

    async def refresh_rss_item(self, path: str) -> None:
        """``rss/refreshItem`` (an unknown path is ignored)."""
        await self.post("/api/v2/rss/refreshItem", {"itemPath": path})

    async def get_rss_items(self, *, with_data: bool) -> dict[str, Any]:
        """``rss/items``: folders nest, feeds carry ``url`` (and articles)."""
        return ensure_dict(
            await self.get_json("/api/v2/rss/items", {"withData": flag(with_data)}),
            "RSS items",
        )

    async def set_rss_rule(self, name: str, definition: dict[str, Any]) -> None:
        """``rss/setRule`` with the rule as JSON (fields left out: defaults)."""
        await self.post(
            "/api/v2/rss/setRule",
            {"ruleName": name, "ruleDef": json.dumps(definition)},
        )

    async def remove_rss_rule(self, name: str) -> None:
        """``rss/removeRule`` (an unknown rule is ignored)."""
        await self.post("/api/v2/rss/removeRule", {"ruleName": name})

    async def get_rss_rules(self) -> dict[str, Any]:
        """``rss/rules``."""
        return ensure_dict(await self.get_json("/api/v2/rss/rules"), "RSS rules")

    async def start_search(self, pattern: str, plugins: str, category: str) -> int:
        """``search/start`` answers ``{"id": ...}``; 409 without Python."""
        answer = ensure_dict(
            (
                await self.post(
                    "/api/v2/search/start",
                    {"pattern": pattern, "plugins": plugins, "category": category},
                )
            ).json(),
            "search start",
        )
        search_id = answer.get("id")
        if not isinstance(search_id, int):
            raise QBittorrentUnexpectedResponseError(
                "The server's search start named no job",
                status=200,
                body_excerpt=str(answer)[:120],
            )
        return search_id

    async def get_search_results(
        self, search_id: int, limit: int, offset: int
    ) -> dict[str, Any]:
        """``search/results``: ``{results, status, total}``; 404 if unknown."""
        return ensure_dict(
            (
                await self.post_read(
                    "/api/v2/search/results",
                    {"id": str(search_id), "limit": str(limit), "offset": str(offset)},
                )
            ).json(),
            "search results",
        )

    async def stop_search(self, search_id: int) -> None:
        """``search/stop`` (404 if unknown)."""
        await self.post("/api/v2/search/stop", {"id": str(search_id)})

    async def delete_search(self, search_id: int) -> None:
        """``search/delete`` (404 if unknown)."""
        await self.post("/api/v2/search/delete", {"id": str(search_id)})

    async def get_preferences(self) -> dict[str, Any]:
        """``app/preferences``."""
        return ensure_dict(
            await self.get_json("/api/v2/app/preferences"), "preferences"
        )

    async def set_preferences(self, preferences: dict[str, Any]) -> None:
        """``app/setPreferences`` with a ``json`` field."""
        await self.post("/api/v2/app/setPreferences", {"json": json.dumps(preferences)})

    async def shutdown(self) -> None:
        """``app/shutdown``."""
        await self.post("/api/v2/app/shutdown")

    async def pause_session(self) -> None:
        """``transfer/pauseSession`` (5.3.0)."""
        await self.post("/api/v2/transfer/pauseSession")

    async def resume_session(self) -> None:
        """``transfer/resumeSession`` (5.3.0)."""
        await self.post("/api/v2/transfer/resumeSession")


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
        # Real 5.3.0 (API 2.16.2) has it, 5.1.0 (2.11.4) not.
        session_pause=padded >= (2, 16, 2),
        edit_category=padded >= (2, 1, 0),
        share_limits=padded >= (2, 0, 1),
        auto_management=True,
        download_path=padded >= (2, 8, 4),
        torrent_details=True,
        export=padded >= (2, 8, 14),
        rss=True,
        search=padded >= (2, 1, 1),
    )
