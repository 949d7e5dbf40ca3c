"""The ``/command/*`` endpoints that 3.1.x and 3.2.0-4.0.4 both answer alike."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ._dialect import QUEUE_ACTIONS, Dialect, int_body, join_hashes

if TYPE_CHECKING:
    from .models import QueueMove


class CommandDialect(Dialect):
    """Operations with the same ``/command/*`` request on 3.1.x and legacy servers.

    The digest and legacy dialects build on it; each overrides what its
    generation names or shapes differently.
    """

    async def get_global_limit(self, *, download: bool) -> int:
        """``/command/getGlobalDlLimit`` answers a plain number."""
        name = "getGlobalDlLimit" if download else "getGlobalUpLimit"
        return max(int_body(await self.post_read(f"/command/{name}"), name), 0)

    async def set_global_limit(self, limit: int, *, download: bool) -> None:
        """Set a global limit in B/s."""
        name = "setGlobalDlLimit" if download else "setGlobalUpLimit"
        await self.post(f"/command/{name}", {"limit": str(max(limit, 0))})

    async def pause(self, hashes: list[str]) -> None:
        """One request per torrent."""
        await self.post_each("/command/pause", hashes)

    async def resume(self, hashes: list[str]) -> None:
        """One request per torrent."""
        await self.post_each("/command/resume", hashes)

    async def delete(self, hashes: list[str], *, delete_files: bool) -> None:
        """``delete`` or ``deletePerm`` (with data)."""
        name = "deletePerm" if delete_files else "delete"
        await self.post(f"/command/{name}", {"hashes": join_hashes(hashes)})

    async def recheck(self, hashes: list[str]) -> None:
        """One request per torrent."""
        await self.post_each("/command/recheck", hashes)

    async def move_in_queue(self, hashes: list[str], move: QueueMove) -> None:
        """``increasePrio`` and friends take several hashes."""
        await self.post(
            f"/command/{QUEUE_ACTIONS[move]}", {"hashes": join_hashes(hashes)}
        )

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

    async def set_preferences(self, preferences: dict[str, Any]) -> None:
        """``/command/setPreferences`` with a ``json`` field."""
        await self.post("/command/setPreferences", {"json": json.dumps(preferences)})

    async def shutdown(self) -> None:
        """``/command/shutdown``."""
        await self.transport.request("GET", "/command/shutdown", idempotent=False)
