"""A real qbittorrent-nox holding torrents for the card's end-to-end check.

Every torrent is made from local files, so nothing leaves the machine: some
complete and seeding, some partly on disk (the server checks them and shows
their progress, stalled without peers), one stopped, and one downloading for
real from a second server over loopback, slowed by a per-torrent limit so it
is still in flight while the browser looks. No Home Assistant imports.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
import hashlib
from http import HTTPStatus
import os
import time
from typing import TYPE_CHECKING, Any

import aiohttp

from qbittorrent_tooling.real_servers import (
    Installation,
    QBittorrentProcess,
    find_installations,
)
from qbittorrent_tooling.torrent_files import bencode

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from pathlib import Path

VERSION = "5.3.0"
MIB = 1024 * 1024
PIECE_LENGTH = 64 * 1024
# The limit of the transfers between the two servers (bytes/s).
LIVE_LIMIT = 300 * 1024
READY_TIMEOUT = 60.0
# The share on disk is whole pieces: the server's progress is this close to it.
PROGRESS_TOLERANCE = 0.02
# The first major version with torrents/stop (before: torrents/pause).
STOP_MAJOR = 5
STOPPED_STATES = frozenset({"pausedUP", "pausedDL", "stoppedUP", "stoppedDL"})
CHECKING_STATES = frozenset(
    {"checkingUP", "checkingDL", "checkingResumeData", "allocating", "metaDL"}
)


@dataclass(frozen=True, slots=True)
class DemoTorrent:
    """One torrent of the demo: its file, how much of it is on disk, labels."""

    name: str
    mib: int
    on_disk: float = 1.0
    category: str = ""
    tags: str = ""
    stopped: bool = False
    # "seeds": the second server seeds it to this one; "leeches": it downloads
    # it from this one. Either way slowed by a limit, to last the whole check.
    peer: str = ""


DEMO_TORRENTS = (
    DemoTorrent(
        "debian-12.8.0-amd64-netinst.iso", 40, 1.0, "linux", "iso", peer="leeches"
    ),
    DemoTorrent("ubuntu-24.04.1-live-server-amd64.iso", 12, 0.62, "linux", "iso"),
    DemoTorrent("archlinux-2024.12.01-x86_64.iso", 7, category="linux", tags="iso"),
    DemoTorrent(
        "fedora-41-workstation-x86_64.iso", 64, 0.0, "linux", "iso", peer="seeds"
    ),
    DemoTorrent("Big Buck Bunny (2008) 1080p.mkv", 11, category="movies"),
    DemoTorrent("Sintel (2010) 4K.mkv", 10, 0.35, "movies", stopped=True),
    DemoTorrent("Tears of Steel (2012).mkv", 8, 0.5, "movies"),
    DemoTorrent("LibreOffice_24.8.3_Linux_x86-64_deb.tar.gz", 5, category="software"),
)


def write_torrent(
    torrent: DemoTorrent, directory: Path, complete_in: Path | None = None
) -> tuple[bytes, str]:
    """Write the torrent's file (its missing share as zeros); metainfo and hash.

    ``complete_in`` gets the whole file too, for a peer that seeds it.
    """
    data = bytearray(os.urandom(torrent.mib * MIB))
    pieces = [
        hashlib.sha1(data[start : start + PIECE_LENGTH], usedforsecurity=False).digest()
        for start in range(0, len(data), PIECE_LENGTH)
    ]
    if complete_in is not None:
        (complete_in / torrent.name).write_bytes(data)
    if torrent.on_disk > 0:
        kept = round(len(pieces) * torrent.on_disk) * PIECE_LENGTH
        data[kept:] = bytes(len(data) - kept)
        (directory / torrent.name).write_bytes(data)
    info = {
        "name": torrent.name,
        "length": torrent.mib * MIB,
        "piece length": PIECE_LENGTH,
        "pieces": b"".join(pieces),
    }
    info_hash = hashlib.sha1(bencode(info), usedforsecurity=False).hexdigest()
    return bencode({"info": info}), info_hash


class WebUI:
    """A logged-in session of one server's WebUI API."""

    def __init__(self, http: aiohttp.ClientSession, server: QBittorrentProcess) -> None:
        """Talk to ``server`` through ``http``."""
        self.http = http
        self.url = f"{server.url}/api/v2"
        self.server = server

    async def login(self) -> None:
        """Log in with the launcher's credentials."""
        await self.post("auth/login", username="admin", password="adminadmin")

    async def post(self, path: str, **fields: str) -> None:
        """POST a form; fail on an error status."""
        async with self.http.post(f"{self.url}/{path}", data=fields) as response:
            assert response.ok, (path, response.status, await response.text())

    async def add(self, metainfo: bytes, name: str, **fields: str) -> None:
        """Add a .torrent with the given options."""
        form = aiohttp.FormData()
        form.add_field(
            "torrents",
            metainfo,
            filename=f"{name}.torrent",
            content_type="application/x-bittorrent",
        )
        form.add_field("savepath", self.server.download_dir_for_server)
        for key, value in fields.items():
            form.add_field(key, value)
        async with self.http.post(f"{self.url}/torrents/add", data=form) as response:
            assert response.status == HTTPStatus.OK, await response.text()

    async def torrents(self) -> dict[str, dict[str, Any]]:
        """``torrents/info`` by hash."""
        async with self.http.get(f"{self.url}/torrents/info") as response:
            assert response.status == HTTPStatus.OK, response.status
            return {torrent["hash"]: torrent for torrent in await response.json()}

    async def listen_port(self) -> int:
        """The port the server takes peers on."""
        async with self.http.get(f"{self.url}/app/preferences") as response:
            return int((await response.json())["listen_port"])


async def wait_until(webui: WebUI, ready: Any, what: str) -> dict[str, dict[str, Any]]:
    """Poll ``torrents/info`` until ``ready(torrents)`` holds."""
    started = time.monotonic()
    while time.monotonic() - started < READY_TIMEOUT:
        torrents = await webui.torrents()
        if ready(torrents):
            return torrents
        await asyncio.sleep(0.2)
    seen = sorted((t["name"], t["state"], t["progress"]) for t in torrents.values())
    msg = f"qbittorrent-nox {webui.server.version}: {what} never happened: {seen}"
    raise AssertionError(msg)


def pick_installation() -> Installation:
    """5.3.0, else the newest 5.x found (``torrents/stop`` needs 5.0)."""
    installations = find_installations()
    if VERSION in installations:
        return installations[VERSION]
    newer = sorted(
        (tuple(map(int, version.split("."))), installation)
        for version, installation in installations.items()
        if int(version.split(".")[0]) >= STOP_MAJOR
    )
    if not newer:
        msg = f"qbittorrent-nox {VERSION} is missing (run scripts/setup)"
        raise RuntimeError(msg)
    print(f"qbittorrent-nox {VERSION} is missing; using {newer[-1][1].version}")
    return newer[-1][1]


@contextlib.asynccontextmanager
async def demo_server() -> AsyncIterator[QBittorrentProcess]:
    """A qbittorrent-nox holding DEMO_TORRENTS, transferring with a peer."""
    installation = pick_installation()
    # No queue: every torrent active, as the demo shows them.
    no_queue = {"BitTorrent": {"Session\\QueueingSystemEnabled": "false"}}
    server = QBittorrentProcess(installation, extra_config=no_queue)
    peer = QBittorrentProcess(installation, extra_config=no_queue)
    try:
        await asyncio.gather(server.async_start(), peer.async_start())
        jar = aiohttp.CookieJar(unsafe=True, quote_cookie=False)
        peer_jar = aiohttp.CookieJar(unsafe=True, quote_cookie=False)
        async with (
            aiohttp.ClientSession(cookie_jar=jar) as http,
            aiohttp.ClientSession(cookie_jar=peer_jar) as peer_http,
        ):
            await populate(WebUI(http, server), WebUI(peer_http, peer))
        yield server
    finally:
        await asyncio.gather(
            asyncio.to_thread(server.remove), asyncio.to_thread(peer.remove)
        )


async def populate(webui: WebUI, peer: WebUI) -> None:
    """Add the demo torrents and wait until each shows what it should."""
    await asyncio.gather(webui.login(), peer.login())
    for category in sorted({t.category for t in DEMO_TORRENTS if t.category}):
        await webui.post("torrents/createCategory", category=category)
    hashes: dict[DemoTorrent, str] = {}
    for torrent in DEMO_TORRENTS:
        metainfo, info_hash = await asyncio.to_thread(
            write_torrent,
            torrent,
            webui.server.download_dir,
            peer.server.download_dir if torrent.peer == "seeds" else None,
        )
        hashes[torrent] = info_hash
        labels = {"category": torrent.category, "tags": torrent.tags}
        if torrent.peer == "seeds":
            await peer.add(metainfo, torrent.name, skip_checking="true")
            await webui.add(metainfo, torrent.name, dlLimit=str(LIVE_LIMIT), **labels)
        elif torrent.peer == "leeches":
            await peer.add(metainfo, torrent.name)
            await webui.add(
                metainfo,
                torrent.name,
                skip_checking="true",
                upLimit=str(LIVE_LIMIT),
                **labels,
            )
        else:
            complete = {"skip_checking": "true"} if torrent.on_disk == 1 else {}
            await webui.add(metainfo, torrent.name, **labels, **complete)

    def checked(torrents: dict[str, dict[str, Any]]) -> bool:
        return all(
            h in torrents
            and torrents[h]["state"] not in CHECKING_STATES
            and abs(torrents[h]["progress"] - t.on_disk) < PROGRESS_TOLERANCE
            for t, h in hashes.items()
        )

    await wait_until(webui, checked, "the check of every torrent")
    port = await peer.listen_port()
    live = [h for t, h in hashes.items() if t.peer]
    await webui.post(
        "torrents/addPeers", hashes="|".join(live), peers=f"127.0.0.1:{port}"
    )
    await wait_until(
        webui,
        lambda torrents: all(
            torrents[h]["dlspeed"] + torrents[h]["upspeed"] > 0 for h in live
        ),
        "the transfers with the peer",
    )
    stopped = "|".join(h for t, h in hashes.items() if t.stopped)
    await webui.post("torrents/stop", hashes=stopped)
    await wait_until(
        webui,
        lambda torrents: all(
            torrents[h]["state"] in STOPPED_STATES for h in stopped.split("|")
        ),
        "the stop of the stopped torrents",
    )


async def torrent_state(url: str, info_hash: str) -> str:
    """The state qBittorrent (or the emulator) at ``url`` reports for a torrent."""
    jar = aiohttp.CookieJar(unsafe=True, quote_cookie=False)
    async with aiohttp.ClientSession(cookie_jar=jar) as http:
        async with http.post(
            f"{url}/api/v2/auth/login",
            data={"username": "admin", "password": "adminadmin"},
        ) as response:
            assert response.ok, response.status
        async with http.get(
            f"{url}/api/v2/torrents/info", params={"hashes": info_hash}
        ) as response:
            return str((await response.json())[0]["state"])
