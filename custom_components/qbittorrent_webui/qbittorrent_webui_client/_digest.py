"""The HTTP Digest generation (qBittorrent 3.1.x): ``/json/*``, translated strings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._commands import CommandDialect
from ._dialect import decode_off_loop_if_large, ensure_dict, ensure_list, int_body
from ._parse import server_state_from_digest, torrent_from_digest
from .models import Capabilities

if TYPE_CHECKING:
    from ._sync import SyncEngine
    from .models import AddTorrentOptions, ServerState, SyncResult, Torrent


class DigestDialect(CommandDialect):
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
        state = ensure_dict(await self.get_json("/json/transferInfo"), "transfer info")
        return server_state_from_digest(
            state,
            download_limit=await self.get_global_limit(download=True),
            upload_limit=await self.get_global_limit(download=False),
        )

    async def pause_all(self) -> None:
        """3.1.x spells it in lower case (other casings are silent no-ops)."""
        await self.post("/command/pauseall")

    async def resume_all(self) -> None:
        """3.1.x spells it in lower case (other casings are silent no-ops)."""
        await self.post("/command/resumeall")

    async def add_urls(
        self, urls: list[str], options: AddTorrentOptions | None
    ) -> None:
        """Newline-separated URLs; 3.1.x takes no options (refused before)."""
        del options
        await self.post_add("/command/download", form={"urls": "\n".join(urls)})

    async def add_files(
        self, files: list[bytes], options: AddTorrentOptions | None
    ) -> None:
        """Multipart upload, one file per request; no options (refused before)."""
        del options
        for index, content in enumerate(files):
            await self.post_add(
                "/command/upload", files=[(f"upload{index}.torrent", content)]
            )

    async def get_torrent_limits(
        self, hashes: list[str], *, download: bool
    ) -> dict[str, int]:
        """One request per torrent (singular command names in 3.1.x)."""
        name = "getTorrentDlLimit" if download else "getTorrentUpLimit"
        limits = {}
        for hash_ in hashes:
            response = await self.post_read(f"/command/{name}", {"hash": hash_.lower()})
            limits[hash_.lower()] = max(int_body(response, name), 0)
        return limits

    async def set_torrent_limit(
        self, hashes: list[str], limit: int, *, download: bool
    ) -> None:
        """One request per torrent."""
        name = "setTorrentDlLimit" if download else "setTorrentUpLimit"
        await self.post_each(f"/command/{name}", hashes, {"limit": str(max(limit, 0))})

    async def get_preferences(self) -> dict[str, Any]:
        """``/json/preferences``."""
        return ensure_dict(await self.get_json("/json/preferences"), "preferences")


def _digest_torrents(payload: Any) -> list[Torrent]:
    return [
        torrent_from_digest(raw)
        for raw in ensure_list(payload, "torrent list")
        if isinstance(raw, dict)
    ]


def digest_capabilities() -> Capabilities:
    """What 3.1.x offers."""
    return Capabilities(
        per_torrent_limits=True,
        queue_priority=True,
        add_trackers=True,
        file_priority=True,
        shutdown=True,
    )
