"""Adding torrents: magnets, URLs and .torrent files, with per-version flags."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
import hashlib
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from .state import added_torrent_limit

if TYPE_CHECKING:
    from .torrents import Population

_HASH_HEX_LENGTH = 40
_HASH_BASE32_LENGTH = 32


@dataclass(slots=True)
class AddRequest:
    """The fields and files of one add request."""

    fields: dict[str, str] = field(default_factory=dict)
    files: list[tuple[str, bytes]] = field(default_factory=list)


@dataclass(slots=True)
class AddOutcome:
    """What an add request did."""

    added: list[str] = field(default_factory=list)
    failed: int = 0
    pending: int = 0
    # Torrents already there, their trackers merged (before 4.5.0).
    merged: int = 0


def magnet_hash_and_name(url: str) -> tuple[str, str] | None:
    """The info-hash (lower-case hex) and display name of a magnet link."""
    parts = urlsplit(url)
    if parts.scheme != "magnet":
        return None
    query = parse_qs(parts.query)
    for topic in query.get("xt", []):
        if not topic.startswith("urn:btih:"):
            continue
        value = topic.removeprefix("urn:btih:")
        if len(value) == _HASH_HEX_LENGTH:
            try:
                bytes.fromhex(value)
            except ValueError:
                return None
            torrent_hash = value.lower()
        elif len(value) == _HASH_BASE32_LENGTH:
            try:
                torrent_hash = base64.b32decode(value.upper()).hex()
            except binascii.Error:
                return None
        else:
            return None
        return torrent_hash, query.get("dn", [torrent_hash])[0]
    return None


def _bencode_end(data: bytes, index: int) -> int:
    """Index just past the bencoded value starting at ``index``."""
    lead = data[index : index + 1]
    if lead == b"i":
        return data.index(b"e", index) + 1
    if lead in {b"l", b"d"}:
        index += 1
        while data[index : index + 1] != b"e":
            index = _bencode_end(data, index)
        return index + 1
    colon = data.index(b":", index)
    return colon + 1 + int(data[index:colon])


def torrent_file_hash_and_name(data: bytes) -> tuple[str, str] | None:
    """SHA-1 of the bencoded ``info`` dictionary, and the torrent's name."""
    try:
        if data[:1] != b"d":
            return None
        index = 1
        while data[index : index + 1] != b"e":
            key_end = _bencode_end(data, index)
            key = data[data.index(b":", index) + 1 : key_end]
            value_end = _bencode_end(data, key_end)
            if key == b"info":
                info = data[key_end:value_end]
                name = b""
                marker = info.find(b"4:name")
                if marker >= 0:
                    start = marker + len(b"4:name")
                    name_end = _bencode_end(info, start)
                    name = info[info.index(b":", start) + 1 : name_end]
                digest = hashlib.sha1(info, usedforsecurity=False).hexdigest()
                return digest, name.decode(errors="replace") or digest
            index = value_end
    except ValueError, IndexError:
        return None
    return None


def torrent_file_announce(data: bytes) -> str:
    """The ``announce`` URL of a .torrent file, or ``""``."""
    marker = data.find(b"8:announce")
    if marker < 0:
        return ""
    try:
        start = marker + len(b"8:announce")
        end = _bencode_end(data, start)
        return data[data.index(b":", start) + 1 : end].decode(errors="replace")
    except ValueError, IndexError:
        return ""


def _flag(fields: dict[str, str], name: str) -> bool:
    return fields.get(name, "").strip().lower() == "true"


def _readable_torrents(
    request: AddRequest, outcome: AddOutcome
) -> list[tuple[str, str, bool, bytes]]:
    """(hash, name, has metadata, file) of each magnet and file; counts the rest."""
    found: list[tuple[str, str, bool, bytes]] = []
    urls = request.fields.get("urls", "").split("\n")
    for url in filter(None, (u.strip() for u in urls)):
        if (magnet := magnet_hash_and_name(url)) is not None:
            found.append((*magnet, False, b""))
        elif url.startswith(("http://", "https://")):
            outcome.pending += 1
        else:
            outcome.failed += 1
    for _filename, data in request.files:
        if (parsed := torrent_file_hash_and_name(data)) is not None:
            found.append((*parsed, True, data))
        else:
            outcome.failed += 1
    return found


def add_torrents(population: Population, request: AddRequest) -> AddOutcome:
    """Add what the request names; flags follow the version's spelling."""
    profile = population.profile
    fields = request.fields
    outcome = AddOutcome()
    # 2.11.0 renamed paused -> stopped and 2.16.0 skip_checking -> seedMode;
    # the old spellings are silently ignored afterwards.
    stopped_flag = "stopped" if profile.uses_stop_start else "paused"
    seed_flag = "seedMode" if profile.webapi >= (2, 16, 0) else "skip_checking"
    paused = _flag(fields, stopped_flag)
    seed_mode = _flag(fields, seed_flag)
    tags = fields.get("tags", "") if profile.has_tags else ""
    options = {
        "save_path": fields.get("savepath") or None,
        "category": fields.get("category", "").strip(),
        "tags": ",".join(t.strip() for t in tags.split(",") if t.strip()),
        "paused": paused,
        "dl_limit": added_torrent_limit(
            fields.get("dlLimit"), profile.unlimited_torrent_limit
        ),
        "up_limit": added_torrent_limit(
            fields.get("upLimit"), profile.unlimited_torrent_limit
        ),
    }
    for torrent_hash, name, has_metadata, metainfo in _readable_torrents(
        request, outcome
    ):
        if torrent_hash in population.torrents:
            # The population has no private torrents, the only duplicates
            # that versions merging trackers still refuse.
            if profile.merges_duplicate_adds:
                outcome.merged += 1
            else:
                outcome.failed += 1
            continue
        population.add(
            torrent_hash=torrent_hash,
            name=name,
            metadata=has_metadata,
            announce=torrent_file_announce(metainfo),
            metainfo=metainfo,
            **options,  # type: ignore[arg-type]
        )
        if seed_mode and has_metadata:
            population.complete(torrent_hash)
            if paused:
                population.pause(torrent_hash)
        outcome.added.append(torrent_hash)
    return outcome
