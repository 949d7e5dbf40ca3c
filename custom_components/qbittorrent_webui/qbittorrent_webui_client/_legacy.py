"""The legacy cookie generation (qBittorrent 3.2.0-4.0.4): ``/query/*``, API 2-17."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._commands import CommandDialect
from ._dialect import (
    api_torrents,
    ensure_dict,
    flag,
    form_value,
    int_body,
    join_hashes,
    maindata_sync,
    with_alternative,
)
from ._parse import server_state_from_api
from .models import Capabilities

if TYPE_CHECKING:
    from ._sync import SyncEngine
    from .models import AddTorrentOptions, ServerState, SyncResult, Torrent


class LegacyDialect(CommandDialect):
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
        return await maindata_sync(self, "/sync/maindata", engine)

    async def list_all(self) -> list[Torrent]:
        """``/query/torrents`` (numeric fields)."""
        return await self.get_converted("/query/torrents", api_torrents)

    async def get_transfer_info(self) -> ServerState:
        """``/query/transferInfo`` plus the alternative-limits flag."""
        state = ensure_dict(await self.get_json("/query/transferInfo"), "transfer info")
        info = server_state_from_api(state)
        alternative = await self.get_alternative_speed_limits_enabled()
        return with_alternative(info, alternative)

    async def get_alternative_speed_limits_enabled(self) -> bool:
        """``alternativeSpeedLimitsEnabled`` answers ``1`` or ``0``."""
        response = await self.post_read("/command/alternativeSpeedLimitsEnabled")
        return int_body(response, "alternative speed limits state") == 1

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
        if self.api < 7:  # noqa: PLR2004 - options were refused before
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
        # Before API 7 options were refused before.
        fields = self._add_fields(options) if self.api >= 7 else {}  # noqa: PLR2004
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
            self.unsupported("add option tags")
        category_field = "label" if self.api < 10 else "category"  # noqa: PLR2004
        # (field, option, value, first legacy API level); API 7 has any options.
        table: tuple[tuple[str, str, object, int], ...] = (
            ("savepath", "save_path", options.save_path, 7),
            (category_field, "category", options.category, 7),
            ("paused", "stopped", options.stopped, 14),
            ("skip_checking", "skip_checking", options.skip_checking, 14),
            (
                "sequentialDownload",
                "sequential_download",
                options.sequential_download,
                16,
            ),
            (
                "firstLastPiecePrio",
                "first_last_piece_priority",
                options.first_last_piece_priority,
                16,
            ),
            ("dlLimit", "download_limit", options.download_limit, 16),
            ("upLimit", "upload_limit", options.upload_limit, 16),
            ("rename", "rename", options.rename, 16),
        )
        fields: dict[str, str] = {}
        for name, option, value, minimum_api in table:
            if value is None:
                continue
            if self.api < minimum_api:
                self.unsupported(f"add option {option}")
            fields[name] = form_value(value)
        return fields

    async def set_force_start(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """``setForceStart`` with ``hashes`` and ``value``."""
        await self.post(
            "/command/setForceStart",
            {"hashes": join_hashes(hashes), "value": flag(enabled)},
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
            {"hashes": join_hashes(hashes), "limit": str(max(limit, 0))},
        )

    async def set_category(self, hashes: list[str], category: str) -> None:
        """``setCategory`` (API 10, 3.3.5)."""
        await self.post(
            "/command/setCategory",
            {"hashes": join_hashes(hashes), "category": category},
        )

    async def create_category(self, name: str, save_path: str) -> None:
        """``addCategory``; legacy servers have no per-category save path."""
        if save_path:
            self.unsupported("create_category(save_path=...)")
        await self.post("/command/addCategory", {"category": name})

    async def remove_categories(self, names: list[str]) -> None:
        """``removeCategories`` takes newline-separated names."""
        await self.post("/command/removeCategories", {"categories": "\n".join(names)})

    async def set_location(self, hashes: list[str], location: str) -> None:
        """``setLocation`` (API 12, 3.3.11)."""
        await self.post(
            "/command/setLocation",
            {"hashes": join_hashes(hashes), "location": location},
        )

    async def rename_torrent(self, torrent_hash: str, name: str) -> None:
        """``rename`` (API 12, 3.3.11)."""
        await self.post("/command/rename", {"hash": torrent_hash.lower(), "name": name})

    async def toggle_sequential_download(self, hashes: list[str]) -> None:
        """``toggleSequentialDownload``."""
        await self.post(
            "/command/toggleSequentialDownload", {"hashes": join_hashes(hashes)}
        )

    async def toggle_first_last_piece_priority(self, hashes: list[str]) -> None:
        """``toggleFirstLastPiecePrio``."""
        await self.post(
            "/command/toggleFirstLastPiecePrio", {"hashes": join_hashes(hashes)}
        )

    async def set_super_seeding(self, hashes: list[str], enabled: bool) -> None:  # noqa: FBT001
        """``setSuperSeeding``."""
        await self.post(
            "/command/setSuperSeeding",
            {"hashes": join_hashes(hashes), "value": flag(enabled)},
        )

    async def get_preferences(self) -> dict[str, Any]:
        """``/query/preferences``."""
        return ensure_dict(await self.get_json("/query/preferences"), "preferences")


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
