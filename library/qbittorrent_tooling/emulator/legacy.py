"""The legacy cookie generation (qBittorrent 3.2.0 - 4.0.4).

Paths ``/login``, ``/query/*``, ``/sync/maindata``, ``/command/*`` and the
public ``/version/*``; integer API level; exact parameter sets per command.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
import json
import re
from typing import TYPE_CHECKING, Any

from aiohttp import BodyPartReader, web

from .addition import AddRequest, add_torrents
from .state import BAN_TEXT, stored_torrent_limit

if TYPE_CHECKING:
    from .server import Server
    from .state import WebSession

type Params = Mapping[str, str]
type Handler = Callable[[Server, Params], web.Response]

_SID = re.compile(r"(?:^|;\s*)SID=([^;]*)")


def text(body: str = "", status: int = 200) -> web.Response:
    """A plain-text reply."""
    return web.Response(
        status=status, text=body, content_type="text/plain", charset="UTF-8"
    )


def json_reply(server: Server, payload: Any) -> web.Response:
    """JSON with the version's content type (``text/javascript`` up to API 3)."""
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return web.Response(
        body=body.encode(), content_type=server.profile.json_content_type
    )


@dataclass(frozen=True, slots=True)
class Command:
    """A ``/command/<name>`` with its parameter set and first API level."""

    handler: Handler
    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    since: int = 2


def _hashes(server: Server, params: Params, key: str = "hashes") -> list[str]:
    return [t.hash for t in server.resolve_hashes(params[key])]


def _each(
    action: Callable[[Server, str, Params], None], key: str = "hashes"
) -> Handler:
    def handler(server: Server, params: Params) -> web.Response:
        for torrent_hash in _hashes(server, params, key):
            action(server, torrent_hash, params)
        return text()

    return handler


def _pause(server: Server, torrent_hash: str, _p: Params) -> None:
    server.population.pause(torrent_hash)


def _resume(server: Server, torrent_hash: str, _p: Params) -> None:
    if server.population.torrents[torrent_hash].fields["state"] in (
        server.profile.stopped_states
    ):
        server.population.resume(torrent_hash)


def _all(action: Callable[[Server, str, Params], None]) -> Handler:
    def handler(server: Server, params: Params) -> web.Response:
        for torrent_hash in list(server.population.torrents):
            action(server, torrent_hash, params)
        return text()

    return handler


def _remove(server: Server, torrent_hash: str, _p: Params) -> None:
    server.population.remove(torrent_hash)


def _recheck(server: Server, torrent_hash: str, _p: Params) -> None:
    server.population.recheck(torrent_hash)


def _toggle(name: str) -> Callable[[Server, str, Params], None]:
    def action(server: Server, torrent_hash: str, _p: Params) -> None:
        fields = server.population.torrents[torrent_hash].fields
        server.population.update(torrent_hash, **{name: not fields[name]})

    return action


def _set_bool(name: str) -> Callable[[Server, str, Params], None]:
    def action(server: Server, torrent_hash: str, params: Params) -> None:
        value = params["value"].lower() == "true"
        if name == "force_start":
            population = server.population
            if value:
                population.resume(torrent_hash, forced=True)
            elif population.torrents[torrent_hash].fields["force_start"]:
                population.resume(torrent_hash)
            return
        server.population.update(torrent_hash, **{name: value})

    return action


def _set_limit(name: str) -> Callable[[Server, str, Params], None]:
    def action(server: Server, torrent_hash: str, params: Params) -> None:
        server.population.update(
            torrent_hash, **{name: stored_torrent_limit(_int(params["limit"]))}
        )

    return action


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0


def _get_torrent_limits(name: str) -> Handler:
    def handler(server: Server, params: Params) -> web.Response:
        torrents = server.population.torrents
        return json_reply(
            server, {h: torrents[h].fields[name] for h in _hashes(server, params)}
        )

    return handler


def _global_limit(*, download: bool) -> Handler:
    def handler(server: Server, _p: Params) -> web.Response:
        limits = server.effective_limits()
        return text(str(limits[0] if download else limits[1]))

    return handler


def _set_global_limit(*, download: bool) -> Handler:
    def handler(server: Server, params: Params) -> web.Response:
        server.set_global_limit(download=download, limit=_int(params["limit"]))
        return text()

    return handler


def _alt_enabled(server: Server, _p: Params) -> web.Response:
    return text("1" if server.alt_speed_enabled else "0")


def _alt_toggle(server: Server, _p: Params) -> web.Response:
    server.alt_speed_enabled = not server.alt_speed_enabled
    return text()


def _queue(kind: str) -> Handler:
    def handler(server: Server, params: Params) -> web.Response:
        population = server.population
        for torrent_hash in _hashes(server, params):
            priority = population.torrents[torrent_hash].fields["priority"]
            if priority <= 0:
                continue
            new = {
                "increasePrio": max(priority - 1, 1),
                "decreasePrio": priority + 1,
                "topPrio": 1,
                "bottomPrio": priority + 1000,
            }[kind]
            population.update(torrent_hash, priority=new)
        return text()

    return handler


def _set_category(server: Server, params: Params) -> web.Response:
    category = params["category"].strip()
    population = server.population
    if category and category not in population.categories:
        population.add_category(category, "")
    for torrent_hash in _hashes(server, params):
        population.update(torrent_hash, category=category)
    return text()


def _add_category(server: Server, params: Params) -> web.Response:
    if category := params["category"].strip():
        server.population.add_category(category, "")
    return text()


def _remove_categories(server: Server, params: Params) -> web.Response:
    for name in params["categories"].split("\n"):
        server.population.remove_category(name.strip())
    return text()


def _set_location(server: Server, torrent_hash: str, params: Params) -> None:
    server.population.update(torrent_hash, save_path=params["location"])


def _rename(server: Server, params: Params) -> web.Response:
    torrent_hash = params["hash"].lower()
    name = params["name"].strip()
    if torrent_hash not in server.population.torrents or not name:
        return web.Response(status=400, reason="Incorrect torrent hash or name")
    server.population.update(torrent_hash, name=name)
    return text()


def _no_change(_e: Server, _p: Params) -> web.Response:
    return text()


def _shutdown(server: Server, _p: Params) -> web.Response:
    server.shutdown_requested = True
    return text()


def _set_preferences(server: Server, params: Params) -> web.Response:
    try:
        changes = json.loads(params["json"])
    except ValueError:
        return text(status=400)
    if not isinstance(changes, dict):
        return text()
    # Before API 11 (3.3.8) the limits are in KiB/s, -1 meaning unlimited.
    scale = 1024 if server.profile.legacy_api < 11 else 1
    for key, attribute in (
        ("dl_limit", "download_limit"),
        ("up_limit", "upload_limit"),
        ("alt_dl_limit", "alt_download_limit"),
        ("alt_up_limit", "alt_upload_limit"),
    ):
        if isinstance(value := changes.pop(key, None), int):
            setattr(server, attribute, server.stored_global_limit(value * scale))
    server.preferences.update(changes)
    return text()


def _add_trackers(server: Server, params: Params) -> web.Response:
    torrent = server.population.torrents.get(params["hash"].lower())
    if torrent is not None:
        urls = [url for url in params["urls"].split("\n") if url.strip()]
        server.population.update(
            torrent.hash, trackers_count=torrent.fields["trackers_count"] + len(urls)
        )
    return text()


def _download_options(api: int) -> frozenset[str]:
    """Optional fields of ``/command/download`` and ``/command/upload`` per API."""
    options: set[str] = set()
    if api >= 7:
        options |= {"savepath", "cookie", "label" if api < 10 else "category"}
    if api >= 14:
        options |= {"skip_checking", "paused"}
    if api >= 16:
        options |= {
            "root_folder",
            "rename",
            "uplimit",
            "dllimit",
            "sequentialdownload",
            "firstlastpiecepriority",
            "upLimit",
            "dlLimit",
            "sequentialDownload",
            "firstLastPiecePrio",
        }
    return frozenset(options)


def _add(
    server: Server, params: Params, files: list[tuple[str, bytes]]
) -> web.Response:
    fields = dict(params)
    if "label" in fields:
        fields["category"] = fields.pop("label")
    outcome = add_torrents(server.population, AddRequest(fields=fields, files=files))
    if server.profile.version >= (4, 0, 0) and not files:
        accepted = outcome.added or outcome.pending or outcome.merged
        return text("Ok." if accepted else "Fails.")
    return text()


_H = frozenset({"hash"})
_HS = frozenset({"hashes"})


def commands(api: int) -> dict[str, Command]:
    """The ``/command/*`` set of a legacy API level."""
    label = api < 10
    table: dict[str, Command] = {
        "shutdown": Command(_shutdown),
        "addTrackers": Command(_add_trackers, frozenset({"hash", "urls"})),
        "resumeAll": Command(_all(_resume)),
        "pauseAll": Command(_all(_pause)),
        "resume": Command(_each(_resume, "hash"), _H),
        "pause": Command(_each(_pause, "hash"), _H),
        "setPreferences": Command(_set_preferences, frozenset({"json"})),
        "setFilePrio": Command(_no_change, frozenset({"hash", "id", "priority"})),
        "getGlobalUpLimit": Command(_global_limit(download=False)),
        "getGlobalDlLimit": Command(_global_limit(download=True)),
        "setGlobalUpLimit": Command(
            _set_global_limit(download=False), frozenset({"limit"})
        ),
        "setGlobalDlLimit": Command(
            _set_global_limit(download=True), frozenset({"limit"})
        ),
        "getTorrentsUpLimit": Command(_get_torrent_limits("up_limit"), _HS),
        "getTorrentsDlLimit": Command(_get_torrent_limits("dl_limit"), _HS),
        "setTorrentsUpLimit": Command(
            _each(_set_limit("up_limit")), frozenset({"hashes", "limit"})
        ),
        "setTorrentsDlLimit": Command(
            _each(_set_limit("dl_limit")), frozenset({"hashes", "limit"})
        ),
        "alternativeSpeedLimitsEnabled": Command(_alt_enabled),
        "toggleAlternativeSpeedLimits": Command(_alt_toggle),
        "toggleSequentialDownload": Command(_each(_toggle("seq_dl")), _HS),
        "toggleFirstLastPiecePrio": Command(_each(_toggle("f_l_piece_prio")), _HS),
        "setSuperSeeding": Command(
            _each(_set_bool("super_seeding")), frozenset({"hashes", "value"})
        ),
        "setForceStart": Command(
            _each(_set_bool("force_start")), frozenset({"hashes", "value"})
        ),
        "delete": Command(_each(_remove), _HS),
        "deletePerm": Command(_each(_remove), _HS),
        "increasePrio": Command(_queue("increasePrio"), _HS),
        "decreasePrio": Command(_queue("decreasePrio"), _HS),
        "topPrio": Command(_queue("topPrio"), _HS),
        "bottomPrio": Command(_queue("bottomPrio"), _HS),
        "recheck": Command(_each(_recheck, "hash"), _H),
        "setLocation": Command(
            _each(_set_location), frozenset({"hashes", "location"}), since=12
        ),
        "rename": Command(_rename, frozenset({"hash", "name"}), since=12),
        "setAutoTMM": Command(_no_change, frozenset({"hashes", "enable"}), since=11),
    }
    if not label:
        table["setCategory"] = Command(
            _set_category, frozenset({"hashes", "category"}), since=10
        )
        table["addCategory"] = Command(_add_category, frozenset({"category"}), since=10)
        table["removeCategories"] = Command(
            _remove_categories, frozenset({"categories"}), since=10
        )
    return {name: command for name, command in table.items() if api >= command.since}


# --- queries --------------------------------------------------------------------


def _matches(server: Server, fields: Mapping[str, Any], name: str) -> bool:
    stopped = fields["state"] in server.profile.stopped_states
    finished = fields["progress"] >= 1
    active = fields["dlspeed"] > 0 or fields["upspeed"] > 0
    checks: dict[str, bool] = {
        "downloading": not finished and not stopped,
        "seeding": finished and not stopped,
        "completed": finished,
        "paused": stopped,
        "resumed": not stopped,
        "active": active,
        "inactive": not active,
    }
    return checks.get(name, True)


def _query_torrents(server: Server, params: Params) -> web.Response:
    torrents = list(server.population.torrents.values())
    if "hashes" in params:
        torrents = server.resolve_hashes(params["hashes"])
    if (name := params.get("filter", "all")) != "all":
        torrents = [t for t in torrents if _matches(server, t.fields, name)]
    category_key = "label" if server.profile.label_naming else "category"
    if category_key in params:
        torrents = [t for t in torrents if t.fields["category"] == params[category_key]]
    rows = [server.view.full(t, with_hash=True) for t in torrents]
    if (key := params.get("sort")) and rows and key in rows[0]:
        rows.sort(key=lambda row: row[key], reverse=params.get("reverse") == "true")
    offset = _int(params.get("offset", "0"))
    if offset < 0:
        offset = max(len(rows) + offset, 0)
    rows = rows[offset:]
    if (limit := _int(params.get("limit", "0"))) > 0:
        rows = rows[:limit]
    return json_reply(server, rows)


def _properties_general(server: Server, torrent_hash: str) -> web.Response:
    torrent = server.population.torrents.get(torrent_hash.lower())
    if torrent is None:
        return web.Response(body=b"", content_type=server.profile.json_content_type)
    fields = torrent.fields
    payload = {
        "addition_date": fields["added_on"],
        "comment": "",
        "completion_date": fields["completion_on"],
        "created_by": "",
        "creation_date": fields["added_on"],
        "dl_limit": fields["dl_limit"] or -1,
        "dl_speed": fields["dlspeed"],
        "dl_speed_avg": fields["dlspeed"],
        "eta": fields["eta"],
        "last_seen": fields["last_activity"],
        "nb_connections": fields["num_seeds"] + fields["num_leechs"],
        "nb_connections_limit": 100,
        "peers": fields["num_leechs"],
        "peers_total": fields["num_incomplete"],
        "piece_size": 4 * 1024**2,
        "pieces_have": int(fields["progress"] * max(fields["size"] // 4194304, 1)),
        "pieces_num": max(fields["size"] // 4194304, 1),
        "reannounce": 600,
        "save_path": fields["save_path"],
        "seeding_time": fields["seeding_time"],
        "seeds": fields["num_seeds"],
        "seeds_total": fields["num_complete"],
        "share_ratio": fields["ratio"],
        "time_elapsed": fields["time_active"],
        "total_downloaded": fields["downloaded"],
        "total_downloaded_session": fields["downloaded_session"],
        "total_size": fields["size"],
        "total_uploaded": fields["uploaded"],
        "total_uploaded_session": fields["uploaded_session"],
        "total_wasted": 0,
        "up_limit": fields["up_limit"] or -1,
        "up_speed": fields["upspeed"],
        "up_speed_avg": fields["upspeed"],
    }
    return json_reply(server, payload)


def _query_preferences(server: Server) -> web.Response:
    # Before API 11 (3.3.8) the limits were in KiB/s, -1 meaning unlimited.
    in_kib = server.profile.legacy_api < 11

    def limit(value: int) -> int:
        return (value // 1024 or -1) if in_kib else value

    payload: dict[str, Any] = {
        "alt_dl_limit": limit(server.alt_download_limit),
        "alt_up_limit": limit(server.alt_upload_limit),
        "dl_limit": limit(server.download_limit),
        "up_limit": limit(server.upload_limit),
        "locale": server.locale,
        "queueing_enabled": server.queueing_enabled,
        "save_path": server.population.save_path,
        "web_ui_port": server.port or 8080,
        "web_ui_username": server.username,
    }
    payload.update(server.preferences)
    return json_reply(server, payload)


# --- request handling -------------------------------------------------------------


def _sid(server: Server, request: web.Request) -> str | None:
    """The SID cookie; 3.2.0-3.3.12 read it raw, so quotes stay part of it."""
    if server.profile.raw_cookie_parsing:
        match = _SID.search(request.headers.get("Cookie", ""))
        return match.group(1) if match else None
    return request.cookies.get("SID")


async def _read_params(
    server: Server, request: web.Request
) -> tuple[dict[str, str], list[tuple[str, bytes]]] | None:
    """Query and body parameters (None: a body this version cannot parse)."""
    params: dict[str, str] = dict(request.query)
    files: list[tuple[str, bytes]] = []
    if request.method != "POST":
        return params, files
    content_type = request.content_type
    if content_type.startswith("multipart/"):
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader) or part.name is None:
                continue
            if part.filename:
                files.append((part.filename, bytes(await part.read())))
            else:
                params[part.name] = await part.text()
    elif content_type == "application/x-www-form-urlencoded":
        # Up to 4.0.4 urlencoded keys are lower-cased by the request parser.
        for key, value in (await request.post()).items():
            if isinstance(value, str):
                params[key.lower()] = value
    elif server.profile.version < (3, 3, 4):
        # 3.2.0-3.3.3 try to parse any body, even an empty one: unknown type -> 400.
        return None
    return params, files


def _check(command: Command, params: Params, files: list[tuple[str, bytes]]) -> bool:
    names = set(params) | ({"torrents"} if files else set())
    return command.required <= names <= command.required | command.optional


async def handle(server: Server, request: web.Request) -> web.Response:  # noqa: C901, PLR0911 - one branch per legacy scope
    """Answer one request the way a 3.2.0-4.0.4 qBittorrent would."""
    profile = server.profile
    ip = server.client_ip(request)
    if server.bans.is_banned(ip):
        return text(BAN_TEXT, 403)
    if server.origin_rejected(request):
        return text("Unauthorized", 401)
    path = request.path
    if path.startswith("/version/"):
        versions = {
            "/version/api": str(profile.legacy_api),
            "/version/api_min": str(profile.legacy_api_min),
            "/version/qbittorrent": f"v{server.version}",
        }
        return text(versions[path]) if path in versions else text("Not Found", 404)
    parsed = await _read_params(server, request)
    if parsed is None:
        return text("Bad Request", 400)
    params, files = parsed
    session = server.find_session(_sid(server, request))
    if path == "/login":
        return _login(server, request, session, params)
    if path == "/logout":
        if session is not None:
            server.end_session(session)
        return text()
    scope, _, rest = path.removeprefix("/").partition("/")
    if scope not in {"query", "sync", "command"}:
        return _static(path)
    if session is None:
        return web.Response(status=403)
    if scope == "command":
        return await _command(server, rest, params, files)
    if scope == "sync":
        if rest != "maindata":
            return text("Not Found", 404)
        return json_reply(
            server, server.maindata(session, _int(params.get("rid", "0")))
        )
    return _query(server, rest, params)


def _static(path: str) -> web.Response:
    if path in {"/", "/index.html"}:
        return web.Response(
            text="<!DOCTYPE html><html><head><title>qBittorrent Web UI</title></head></html>",
            content_type="text/html",
        )
    return text("Not Found", 404)


def _login(
    server: Server,
    request: web.Request,
    session: WebSession | None,
    params: Params,
) -> web.Response:
    if session is not None and server.profile.version >= (4, 0, 0):
        return text("Ok.")
    ip = server.client_ip(request)
    if not server.check_password(
        params.get("username", ""), params.get("password", "")
    ):
        server.bans.fail(ip, server.faults)
        return text("Fails.")
    server.bans.succeed(ip)
    new_session = server.start_session()
    response = text("Ok.")
    response.headers.add("Set-Cookie", f"SID={new_session.sid}; HttpOnly; path=/")
    return response


async def _command(
    server: Server,
    name: str,
    params: dict[str, str],
    files: list[tuple[str, bytes]],
) -> web.Response:
    api = server.profile.legacy_api
    if name in {"download", "upload"}:
        # ``upload`` needs at least one ``torrents`` file part.
        allowed = Command(
            _no_change,
            frozenset({"urls"} if name == "download" else {"torrents"}),
            _download_options(api),
        )
        if not _check(allowed, params, files):
            return text("Bad Request", 400)
        return _add(server, params, files)
    command = commands(api).get(name)
    if command is None:
        return text("Not Found", 404)
    if not _check(command, params, files):
        return text("Bad Request", 400)
    return command.handler(server, params)


def _query(server: Server, rest: str, params: Params) -> web.Response:
    if rest == "torrents":
        return _query_torrents(server, params)
    if rest == "transferInfo":
        return json_reply(server, server.transfer_info())
    if rest == "preferences":
        return _query_preferences(server)
    if rest.startswith("propertiesGeneral/"):
        return _properties_general(server, rest.removeprefix("propertiesGeneral/"))
    return text("Not Found", 404)
