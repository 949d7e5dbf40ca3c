"""The HTTP Digest generation (qBittorrent 3.1.x).

Every request carries ``Authorization: Digest`` (realm ``Web UI Access``,
MD5, RFC 2069 or qop=auth; the nonce is not checked).  JSON goes out as
``text/javascript`` with sizes, speeds, ratios and ETAs as translated strings.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from typing import TYPE_CHECKING, Any

from aiohttp import BodyPartReader, web

from .addition import AddRequest, add_torrents
from .state import BAN_TEXT
from .translations import (
    friendly_eta,
    friendly_ratio,
    friendly_size,
    friendly_speed,
    language,
    transfer_line,
)

if TYPE_CHECKING:
    from .server import Server
    from .torrents import Torrent

REALM = "Web UI Access"
JAVASCRIPT = "text/javascript"
_STATES_3_1 = {
    "metaDL": "downloading",
    "forcedMetaDL": "downloading",
    "forcedDL": "downloading",
    "forcedUP": "uploading",
}


def _field(header: str, name: str, pattern: str = r"[^\",]+") -> str | None:
    # qBittorrent 3.1 searches each field with a regex and takes the first
    # hit, so "nonce=" also matches inside a "cnonce=" placed before it.
    match = re.search(rf'{name}="?({pattern})', header)
    return match.group(1) if match else None


def _md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def digest_valid(server: Server, method: str, header: str) -> bool:
    """Check an ``Authorization: Digest`` header like 3.1.12 does."""
    if not header.startswith("Digest "):
        return False
    username = _field(header, "username")
    nonce = _field(header, "nonce", r"[\w=]+")
    uri = _field(header, "uri")
    response = _field(header, "response", r"\w+")
    if not (username and nonce and uri and response):
        return False
    ha1 = server.digest_ha1(REALM)
    ha2 = _md5(f"{method}:{uri}")
    qop = _field(header, "qop", r"[\w-]+")
    if qop == "auth":
        nc = _field(header, "nc", r"\w+")
        cnonce = _field(header, "cnonce", r"[\w=]+")
        if nc is None or cnonce is None:
            return False
        expected = _md5(f"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}")
    else:
        expected = _md5(f"{ha1}:{nonce}:{ha2}")
    return secrets.compare_digest(expected, response) and username == server.username


def challenge(nonce: str | None = None, *, stale: bool = False) -> web.Response:
    """The 401 with a Digest challenge (a fresh nonce unless one is given)."""
    nonce = nonce or secrets.token_hex(16)
    opaque = secrets.token_hex(16)
    response = web.Response(status=401, text="Unauthorized", content_type="text/html")
    response.headers["WWW-Authenticate"] = (
        f'Digest realm="{REALM}", nonce="{nonce}", opaque="{opaque}", '
        f'stale="{"true" if stale else "false"}", algorithm="MD5", qop="auth"'
    )
    return response


def _stale(server: Server, header: str) -> web.Response | None:
    """A stale challenge when ``faults.stale_nonces`` expires this nonce."""
    if not server.faults.stale_nonces:
        return None
    if _field(header, "nonce", r"[\w=]+") in server.fresh_nonces:
        return None
    nonce = secrets.token_hex(16)
    server.fresh_nonces.add(nonce)
    return challenge(nonce, stale=True)


def _javascript(payload: Any) -> web.Response:
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return web.Response(body=body.encode(), content_type=JAVASCRIPT)


def torrent_row(server: Server, torrent: Torrent) -> dict[str, Any]:
    """One ``/json/torrents`` entry with translated strings."""
    lang = language(server.locale)
    fields = torrent.fields
    seeding = torrent.finished
    queued = server.queueing_enabled and not seeding and fields["priority"] > 0
    return {
        "hash": torrent.hash,
        "name": fields["name"],
        "size": friendly_size(lang, fields["size"] if fields["has_metadata"] else -1),
        "progress": fields["progress"],
        "dlspeed": friendly_speed(lang, fields["dlspeed"]),
        "upspeed": friendly_speed(lang, fields["upspeed"]),
        "priority": str(fields["priority"]) if queued else "*",
        "num_seeds": str(fields["num_seeds"]),
        "num_leechs": str(fields["num_leechs"]),
        "ratio": friendly_ratio(fields["ratio"]),
        "eta": friendly_eta(lang, 8640000 if seeding else fields["eta"]),
        "state": _STATES_3_1.get(fields["state"], fields["state"]),
    }


def _properties_general(server: Server, torrent_hash: str) -> web.Response:
    torrent = server.population.torrents.get(torrent_hash.lower())
    if torrent is None:
        return web.Response(body=b"", content_type=JAVASCRIPT)
    lang = language(server.locale)
    fields = torrent.fields
    unlimited = "∞"
    payload = {
        "save_path": fields["save_path"],
        "creation_date": str(fields["added_on"]),
        "piece_size": friendly_size(lang, 4 * 1024**2),
        "comment": "",
        "total_wasted": friendly_size(lang, 0),
        "total_uploaded": lang.session_suffix.format(
            total=friendly_size(lang, fields["uploaded"]),
            session=friendly_size(lang, fields["uploaded_session"]),
        ),
        "total_downloaded": lang.session_suffix.format(
            total=friendly_size(lang, fields["downloaded"]),
            session=friendly_size(lang, fields["downloaded_session"]),
        ),
        "up_limit": friendly_speed(lang, fields["up_limit"])
        if fields["up_limit"]
        else unlimited,
        "dl_limit": friendly_speed(lang, fields["dl_limit"])
        if fields["dl_limit"]
        else unlimited,
        "time_elapsed": lang.seeded_for.format(
            elapsed=friendly_eta(lang, fields["time_active"])
            if fields["time_active"]
            else "0",
            seeding=friendly_eta(lang, fields["seeding_time"])
            if fields["seeding_time"]
            else "0",
        ),
        "nb_connections": lang.max_connections.format(
            count=fields["num_seeds"] + fields["num_leechs"], limit=100
        ),
        "share_ratio": friendly_ratio(fields["ratio"]),
    }
    return _javascript(payload)


def _transfer_info(server: Server) -> web.Response:
    lang = language(server.locale)
    download, upload = server.speeds()
    double = server.profile.version >= (3, 1, 10)
    return _javascript(
        {
            "dl_info": transfer_line(
                lang,
                lang.download_info,
                download,
                server.session_data[0],
                double_suffix=double,
            ),
            "up_info": transfer_line(
                lang,
                lang.upload_info,
                upload,
                server.session_data[1],
                double_suffix=double,
            ),
        }
    )


def _preferences(server: Server) -> web.Response:
    # KiB/s; an unlimited global limit reads -1, an alternative one 10 (the
    # 3.1.x preferences know no unlimited alternative limit).
    return _javascript(
        {
            "locale": server.locale,
            "save_path": server.population.save_path,
            "queueing_enabled": server.queueing_enabled,
            "dl_limit": server.download_limit // 1024 or -1,
            "up_limit": server.upload_limit // 1024 or -1,
            "alt_dl_limit": server.alt_download_limit // 1024 or 10,
            "alt_up_limit": server.alt_upload_limit // 1024 or 10,
            "web_ui_port": server.port or 8080,
            "web_ui_username": server.username,
            "bypass_local_auth": False,
            **server.preferences,
        }
    )


def _plain(body: str = "") -> web.Response:
    return web.Response(text=body, content_type="text/html")


async def _command(  # noqa: C901, PLR0912 - one branch per 3.1 command
    server: Server, name: str, request: web.Request
) -> web.Response:
    params: dict[str, str] = {}
    files: list[tuple[str, bytes]] = []
    if request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if isinstance(part, BodyPartReader) and part.filename:
                files.append((part.filename, bytes(await part.read())))
    elif request.content_type == "application/x-www-form-urlencoded":
        params = {k: v for k, v in (await request.post()).items() if isinstance(v, str)}
    population = server.population
    hashes = params.get("hashes", "")
    single = params.get("hash", "").lower()
    match name:
        case "download":
            add_torrents(
                server.population, AddRequest(fields={"urls": params.get("urls", "")})
            )
        case "upload":
            add_torrents(server.population, AddRequest(files=files))
            return _plain(
                '<script type="text/javascript">window.parent.hideAll();</script>'
            )
        case "pauseall":
            for torrent_hash in list(population.torrents):
                population.pause(torrent_hash)
        case "resumeall":
            for torrent in list(population.torrents.values()):
                if torrent.fields["state"] in server.profile.stopped_states:
                    population.resume(torrent.hash)
        case "pause" if single in population.torrents:
            population.pause(single)
        case "resume" if single in population.torrents:
            population.resume(single)
        case "recheck" if single in population.torrents:
            population.recheck(single)
        case "delete" | "deletePerm":
            for torrent in server.resolve_hashes(hashes):
                population.remove(torrent.hash)
        case "getGlobalDlLimit" | "getGlobalUpLimit":
            limits = server.effective_limits()
            return _plain(str(limits[0] if name == "getGlobalDlLimit" else limits[1]))
        case "setGlobalDlLimit" | "setGlobalUpLimit":
            server.set_global_limit(
                download=name == "setGlobalDlLimit",
                limit=_int(params.get("limit", "0")),
            )
        case "getTorrentDlLimit" | "getTorrentUpLimit" if single in population.torrents:
            key = "dl_limit" if name == "getTorrentDlLimit" else "up_limit"
            return _plain(str(population.torrents[single].fields[key]))
        case "setTorrentDlLimit" | "setTorrentUpLimit" if single in population.torrents:
            key = "dl_limit" if name == "setTorrentDlLimit" else "up_limit"
            population.update(single, **{key: max(_int(params.get("limit", "0")), 0)})
        case "setPreferences":
            _set_preferences(server, params.get("json", ""))
        case "shutdown":
            server.shutdown_requested = True
        case _:
            # Unknown or mis-cased commands are a silent 200 in 3.1.x.
            pass
    return _plain()


def _set_preferences(server: Server, raw: str) -> None:
    """Apply ``json=`` like 3.1.x: limits in KiB/s, -1 = none, bad JSON ignored."""
    try:
        changes = json.loads(raw)
    except ValueError:
        return
    if not isinstance(changes, dict):
        return
    for key, attribute in (
        ("dl_limit", "download_limit"),
        ("up_limit", "upload_limit"),
        ("alt_dl_limit", "alt_download_limit"),
        ("alt_up_limit", "alt_upload_limit"),
    ):
        if isinstance(value := changes.pop(key, None), int):
            setattr(server, attribute, server.stored_global_limit(value * 1024))
    if isinstance(queueing := changes.pop("queueing_enabled", None), bool):
        server.queueing_enabled = queueing
    if isinstance(save_path := changes.pop("save_path", None), str):
        server.population.save_path = save_path
    server.preferences.update(changes)


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0


async def handle(server: Server, request: web.Request) -> web.Response:  # noqa: C901, PLR0911 - one branch per 3.1 path
    """Answer one request the way qBittorrent 3.1.x would."""
    ip = server.client_ip(request)
    if server.bans.is_banned(ip):
        return web.Response(status=403, text=BAN_TEXT, content_type="text/plain")
    header = request.headers.get("Authorization")
    if header is None:
        return challenge()
    if not digest_valid(server, request.method, header):
        server.bans.fail(ip, server.faults)
        return challenge()
    server.bans.succeed(ip)
    if (stale := _stale(server, header)) is not None:
        return stale
    path = request.path
    if path.startswith("/command/"):
        return await _command(server, path.removeprefix("/command/"), request)
    if path == "/json/torrents":
        rows = [torrent_row(server, t) for t in server.population.torrents.values()]
        return _javascript(rows)
    if path == "/json/transferInfo":
        return _transfer_info(server)
    if path == "/json/preferences":
        return _preferences(server)
    if path.startswith("/json/propertiesGeneral/"):
        return _properties_general(server, path.rsplit("/", 1)[1])
    if path.startswith(("/json/propertiesTrackers/", "/json/propertiesFiles/")):
        known = path.rsplit("/", 1)[1].lower() in server.population.torrents
        return (
            _javascript([])
            if known
            else web.Response(body=b"", content_type=JAVASCRIPT)
        )
    if path == "/about.html":
        return _plain(f"<p>qBittorrent v{server.version} (Web UI)</p>")
    if path in {"/", "/index.html"}:
        return _plain("<html><head><title>qBittorrent Web UI</title></head></html>")
    return web.Response(status=404, text="File not found", content_type="text/plain")
