"""Finished torrents on a real qbittorrent-nox: local files, their .torrent, seeding.

The data is written into the server's download folder and the torrents are
added with ``skip_checking``, so the server seeds them at once (progress 1,
``completion_on`` set) without any peer. No Home Assistant imports.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
import hashlib
import os
from typing import TYPE_CHECKING, Any

import aiohttp

if TYPE_CHECKING:
    from qbittorrent_tooling.real_servers import QBittorrentProcess

PIECE_LENGTH = 16384
SEEDING_STATES = frozenset({"stalledUP", "uploading", "queuedUP", "forcedUP"})
# Bounded wait for the server to list every added torrent as seeding (5.3.0
# checks some of them despite skip_checking: ~20 s for 20 on a busy machine).
MAX_POLLS = 600
POLL_PAUSE = 0.1


def bencode(value: object) -> bytes:
    """Encode ints, bytes, strings and dicts (keys sorted) as bencode."""
    if isinstance(value, int):
        return b"i%de" % value
    if isinstance(value, bytes):
        return b"%d:%s" % (len(value), value)
    if isinstance(value, str):
        return bencode(value.encode())
    if isinstance(value, dict):
        items = sorted((key.encode(), item) for key, item in value.items())
        return b"d" + b"".join(bencode(k) + bencode(v) for k, v in items) + b"e"
    raise TypeError(value)


def torrent_file(name: str) -> tuple[bytes, str]:
    """A minimal single-file .torrent and its info-hash."""
    info = {"name": name, "length": 1024, "piece length": 16384, "pieces": b"\0" * 20}
    info_hash = hashlib.sha1(bencode(info), usedforsecurity=False).hexdigest()
    return bencode({"announce": "http://tracker.invalid/announce", "info": info}), (
        info_hash
    )


@dataclass(frozen=True, slots=True)
class FinishedTorrent:
    """A .torrent whose data is complete in the server's download folder."""

    name: str
    size: int
    metainfo: bytes
    info_hash: str


def write_finished_torrent(
    server: QBittorrentProcess, name: str, size: int
) -> FinishedTorrent:
    """Write ``size`` random bytes as ``name`` and build the torrent of that file."""
    data = os.urandom(size)
    (server.download_dir / name).write_bytes(data)
    pieces = b"".join(
        hashlib.sha1(data[start : start + PIECE_LENGTH], usedforsecurity=False).digest()
        for start in range(0, size, PIECE_LENGTH)
    )
    info = {
        "name": name,
        "length": size,
        "piece length": PIECE_LENGTH,
        "pieces": pieces,
    }
    info_hash = hashlib.sha1(bencode(info), usedforsecurity=False).hexdigest()
    return FinishedTorrent(name, size, bencode({"info": info}), info_hash)


async def login(http: aiohttp.ClientSession, server: QBittorrentProcess) -> None:
    """Log in with the launcher's default credentials."""
    async with http.post(
        f"{server.url}/api/v2/auth/login",
        data={"username": "admin", "password": "adminadmin"},
    ) as response:
        assert response.status in {200, 204}, response.status


async def torrents_info(http: aiohttp.ClientSession, url: str) -> list[dict[str, Any]]:
    """``torrents/info`` of a logged-in session."""
    async with http.get(f"{url}/api/v2/torrents/info") as response:
        assert response.status == 200, response.status
        torrents: list[dict[str, Any]] = await response.json()
        return torrents


async def seed_finished_torrents(
    server: QBittorrentProcess, count: int
) -> dict[str, dict[str, Any]]:
    """Add ``count`` finished torrents and wait until all seed; hash -> fields."""
    torrents = [
        write_finished_torrent(server, f"finished-{number}.bin", 40_000 + number)
        for number in range(count)
    ]
    form = aiohttp.FormData()
    for torrent in torrents:
        form.add_field(
            "torrents",
            torrent.metainfo,
            filename=f"{torrent.name}.torrent",
            content_type="application/x-bittorrent",
        )
    form.add_field("skip_checking", "true")
    jar = aiohttp.CookieJar(unsafe=True, quote_cookie=False)
    async with aiohttp.ClientSession(cookie_jar=jar) as http:
        await login(http, server)
        async with http.post(
            f"{server.url}/api/v2/torrents/add", data=form
        ) as response:
            assert response.status == 200, await response.text()
        wanted = {torrent.info_hash for torrent in torrents}
        for _ in range(MAX_POLLS):
            listed = {t["hash"]: t for t in await torrents_info(http, server.url)}
            if set(listed) >= wanted and all(
                listed[h]["state"] in SEEDING_STATES and listed[h]["progress"] == 1
                for h in wanted
            ):
                return {h: listed[h] for h in wanted}
            await asyncio.sleep(POLL_PAUSE)
    seen = sorted({(t["state"], t["progress"]) for t in listed.values()})
    msg = f"qbittorrent-nox {server.version} did not seed the finished torrents: {seen}"
    raise AssertionError(msg)
