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
    from .emulator import QBittorrentEmulator
    from .state import WebSession

type Params = Mapping[str, str]
type Handler = Callable[[QBittorrentEmulator, Params], web.Response]

_SID = re.compile(r"(?:^|;\s*)SID=([^;]*)")


def text(body: str = "", status: int = 200) -> web.Response:
    """A plain-text reply."""
    return web.Response(
        status=status, text=body, content_type="text/plain", charset="UTF-8"
    )


def json_reply(emulator: QBittorrentEmulator, payload: Any) -> web.Response:
    """JSON with the version's content type (``text/javascript`` up to API 3)."""
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return web.Response(
        body=body.encode(), content_type=emulator.profile.json_content_type
    )


@dataclass(frozen=True, slots=True)
class Command:
    """A ``/command/<name>`` with its parameter set and first API level."""

    handler: Handler
    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    since: int = 2


def _hashes(
    emulator: QBittorrentEmulator, params: Params, key: str = "hashes"
) -> list[str]:
    return [t.hash for t in emulator.resolve_hashes(params[key])]


def _each(
    action: Callable[[QBittorrentEmulator, str, Params], None], key: str = "hashes"
) -> Handler:
    def handler(emulator: QBittorrentEmulator, params: Params) -> web.Response:
        for torrent_hash in _hashes(emulator, params, key):
            action(emulator, torrent_hash, params)
        return text()

    return handler


def _pause(emulator: QBittorrentEmulator, torrent_hash: str, _p: Params) -> None:
    emulator.population.pause(torrent_hash)


def _resume(emulator: QBittorrentEmulator, torrent_hash: str, _p: Params) -> None:
    if emulator.population.torrents[torrent_hash].fields["state"] in (
        emulator.profile.stopped_states
    ):
        emulator.population.resume(torrent_hash)


def _all(action: Callable[[QBittorrentEmulator, str, Params], None]) -> Handler:
    def handler(emulator: QBittorrentEmulator, params: Params) -> web.Response:
        for torrent_hash in list(emulator.population.torrents):
            action(emulator, torrent_hash, params)
        return text()

    return handler


def _remove(emulator: QBittorrentEmulator, torrent_hash: str, _p: Params) -> None:
    emulator.population.remove(torrent_hash)


def _recheck(emulator: QBittorrentEmulator, torrent_hash: str, _p: Params) -> None:
    emulator.population.recheck(torrent_hash)


def _toggle(name: str) -> Callable[[QBittorrentEmulator, str, Params], None]:
    def action(emulator: QBittorrentEmulator, torrent_hash: str, _p: Params) -> None:
        fields = emulator.population.torrents[torrent_hash].fields
        emulator.population.update(torrent_hash, **{name: not fields[name]})

    return action


def _set_bool(name: str) -> Callable[[QBittorrentEmulator, str, Params], None]:
    def action(
        emulator: QBittorrentEmulator, torrent_hash: str, params: Params
    ) -> None:
        value = params["value"].lower() == "true"
        if name == "force_start":
            population = emulator.population
            if value:
                population.resume(torrent_hash, forced=True)
            elif population.torrents[torrent_hash].fields["force_start"]:
                population.resume(torrent_hash)
            return
        emulator.population.update(torrent_hash, **{name: value})

    return action


def _set_limit(name: str) -> Callable[[QBittorrentEmulator, str, Params], None]:
    def action(
        emulator: QBittorrentEmulator, torrent_hash: str, params: Params
    ) -> None:
        emulator.population.update(
            torrent_hash, **{name: stored_torrent_limit(_int(params["limit"]))}
        )

    return action


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0


def _get_torrent_limits(name: str) -> Handler:
    def handler(emulator: QBittorrentEmulator, params: Params) -> web.Response:
        torrents = emulator.population.torrents
        return json_reply(
            emulator, {h: torrents[h].fields[name] for h in _hashes(emulator, params)}
        )

    return handler


def _global_limit(*, download: bool) -> Handler:
    def handler(emulator: QBittorrentEmulator, _p: Params) -> web.Response:
        limits = emulator.effective_limits()
        return text(str(limits[0] if download else limits[1]))

    return handler


def _set_global_limit(*, download: bool) -> Handler:
    def handler(emulator: QBittorrentEmulator, params: Params) -> web.Response:
        emulator.set_global_limit(download=download, limit=_int(params["limit"]))
        return text()

    return handler


def _alt_enabled(emulator: QBittorrentEmulator, _p: Params) -> web.Response:
    return text("1" if emulator.alt_speed_enabled else "0")


def _alt_toggle(emulator: QBittorrentEmulator, _p: Params) -> web.Response:
    emulator.alt_speed_enabled = not emulator.alt_speed_enabled
    return text()


def _queue(kind: str) -> Handler:
    def handler(emulator: QBittorrentEmulator, params: Params) -> web.Response:
        population = emulator.population
        for torrent_hash in _hashes(emulator, params):
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


def _set_category(emulator: QBittorrentEmulator, params: Params) -> web.Response:
    category = params["category"].strip()
    population = emulator.population
    if category and category not in population.categories:
        population.add_category(category, "")
    for torrent_hash in _hashes(emulator, params):
        population.update(torrent_hash, category=category)
    return text()


def _add_category(emulator: QBittorrentEmulator, params: Params) -> web.Response:
    if category := params["category"].strip():
        emulator.population.add_category(category, "")
    return text()


def _remove_categories(emulator: QBittorrentEmulator, params: Params) -> web.Response:
    for name in params["categories"].split("\n"):
        emulator.population.remove_category(name.strip())
    return text()


def _set_location(
    emulator: QBittorrentEmulator, torrent_hash: str, params: Params
) -> None:
    emulator.population.update(torrent_hash, save_path=params["location"])


def _rename(emulator: QBittorrentEmulator, params: Params) -> web.Response:
    torrent_hash = params["hash"].lower()
    name = params["name"].strip()
    if torrent_hash not in emulator.population.torrents or not name:
        return web.Response(status=400, reason="Incorrect torrent hash or name")
    emulator.population.update(torrent_hash, name=name)
    return text()


def _no_change(_e: QBittorrentEmulator, _p: Params) -> web.Response:
    return text()


def _shutdown(emulator: QBittorrentEmulator, _p: Params) -> web.Response:
    emulator.shutdown_requested = True
    return text()


def _set_preferences(emulator: QBittorrentEmulator, params: Params) -> web.Response:
    try:
        changes = json.loads(params["json"])
    except ValueError:
        return text(status=400)
    if not isinstance(changes, dict):
        return text()
    # Before API 11 (3.3.8) the limits are in KiB/s, -1 meaning unlimited.
    scale = 1024 if emulator.profile.legacy_api < 11 else 1
    for key, attribute in (
        ("dl_limit", "download_limit"),
        ("up_limit", "upload_limit"),
        ("alt_dl_limit", "alt_download_limit"),
        ("alt_up_limit", "alt_upload_limit"),
    ):
        if isinstance(value := changes.pop(key, None), int):
            setattr(emulator, attribute, emulator.stored_global_limit(value * scale))
    emulator.preferences.update(changes)
    return text()


def _add_trackers(emulator: QBittorrentEmulator, params: Params) -> web.Response:
    torrent = emulator.population.torrents.get(params["hash"].lower())
    if torrent is not None:
        urls = [url for url in params["urls"].split("\n") if url.strip()]
        emulator.population.update(
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
    emulator: QBittorrentEmulator, params: Params, files: list[tuple[str, bytes]]
) -> web.Response:
    fields = dict(params)
    if "label" in fields:
        fields["category"] = fields.pop("label")
    outcome = add_torrents(emulator, AddRequest(fields=fields, files=files))
    if emulator.profile.version >= (4, 0, 0) and not files:
        return text("Ok." if outcome.added or outcome.pending else "Fails.")
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


def _matches(
    emulator: QBittorrentEmulator, fields: Mapping[str, Any], name: str
) -> bool:
    stopped = fields["state"] in emulator.profile.stopped_states
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


def _query_torrents(emulator: QBittorrentEmulator, params: Params) -> web.Response:
    torrents = list(emulator.population.torrents.values())
    if "hashes" in params:
        torrents = emulator.resolve_hashes(params["hashes"])
    if (name := params.get("filter", "all")) != "all":
        torrents = [t for t in torrents if _matches(emulator, t.fields, name)]
    category_key = "label" if emulator.profile.label_naming else "category"
    if category_key in params:
        torrents = [t for t in torrents if t.fields["category"] == params[category_key]]
    rows = [emulator.view.full(t, with_hash=True) for t in torrents]
    if (key := params.get("sort")) and rows and key in rows[0]:
        rows.sort(key=lambda row: row[key], reverse=params.get("reverse") == "true")
    offset = _int(params.get("offset", "0"))
    if offset < 0:
        offset = max(len(rows) + offset, 0)
    rows = rows[offset:]
    if (limit := _int(params.get("limit", "0"))) > 0:
        rows = rows[:limit]
    return json_reply(emulator, rows)


def _properties_general(
    emulator: QBittorrentEmulator, torrent_hash: str
) -> web.Response:
    torrent = emulator.population.torrents.get(torrent_hash.lower())
    if torrent is None:
        return web.Response(body=b"", content_type=emulator.profile.json_content_type)
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
    return json_reply(emulator, payload)


def _query_preferences(emulator: QBittorrentEmulator) -> web.Response:
    # Before API 11 (3.3.8) the limits were in KiB/s, -1 meaning unlimited.
    in_kib = emulator.profile.legacy_api < 11

    def limit(value: int) -> int:
        return (value // 1024 or -1) if in_kib else value

    payload: dict[str, Any] = {
        "alt_dl_limit": limit(emulator.alt_download_limit),
        "alt_up_limit": limit(emulator.alt_upload_limit),
        "dl_limit": limit(emulator.download_limit),
        "up_limit": limit(emulator.upload_limit),
        "locale": emulator.locale,
        "queueing_enabled": emulator.queueing_enabled,
        "save_path": emulator.population.save_path,
        "web_ui_port": emulator.port or 8080,
        "web_ui_username": emulator.username,
    }
    payload.update(emulator.preferences)
    return json_reply(emulator, payload)


# --- request handling -------------------------------------------------------------


def _sid(emulator: QBittorrentEmulator, request: web.Request) -> str | None:
    """The SID cookie; 3.2.0-3.3.12 read it raw, so quotes stay part of it."""
    if emulator.profile.raw_cookie_parsing:
        match = _SID.search(request.headers.get("Cookie", ""))
        return match.group(1) if match else None
    return request.cookies.get("SID")


async def _read_params(
    emulator: QBittorrentEmulator, request: web.Request
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
    elif emulator.profile.version < (3, 3, 4):
        # 3.2.0-3.3.3 try to parse any body, even an empty one: unknown type -> 400.
        return None
    return params, files


def _check(command: Command, params: Params, files: list[tuple[str, bytes]]) -> bool:
    names = set(params) | ({"torrents"} if files else set())
    return command.required <= names <= command.required | command.optional


async def handle(emulator: QBittorrentEmulator, request: web.Request) -> web.Response:  # noqa: C901, PLR0911 - one branch per legacy scope
    """Answer one request the way a 3.2.0-4.0.4 qBittorrent would."""
    profile = emulator.profile
    ip = emulator.client_ip(request)
    if emulator.bans.is_banned(ip):
        return text(BAN_TEXT, 403)
    if emulator.origin_rejected(request):
        return text("Unauthorized", 401)
    path = request.path
    if path.startswith("/version/"):
        versions = {
            "/version/api": str(profile.legacy_api),
            "/version/api_min": str(profile.legacy_api_min),
            "/version/qbittorrent": f"v{emulator.version}",
        }
        return text(versions[path]) if path in versions else text("Not Found", 404)
    parsed = await _read_params(emulator, request)
    if parsed is None:
        return text("Bad Request", 400)
    params, files = parsed
    session = emulator.find_session(_sid(emulator, request))
    if path == "/login":
        return _login(emulator, request, session, params)
    if path == "/logout":
        if session is not None:
            emulator.end_session(session)
        return text()
    scope, _, rest = path.removeprefix("/").partition("/")
    if scope not in {"query", "sync", "command"}:
        return _static(path)
    if session is None:
        return web.Response(status=403)
    if scope == "command":
        return await _command(emulator, rest, params, files)
    if scope == "sync":
        if rest != "maindata":
            return text("Not Found", 404)
        return json_reply(
            emulator, emulator.maindata(session, _int(params.get("rid", "0")))
        )
    return _query(emulator, rest, params)


def _static(path: str) -> web.Response:
    if path in {"/", "/index.html"}:
        return web.Response(
            text="<!DOCTYPE html><html><head><title>qBittorrent Web UI</title></head></html>",
            content_type="text/html",
        )
    return text("Not Found", 404)


def _login(
    emulator: QBittorrentEmulator,
    request: web.Request,
    session: WebSession | None,
    params: Params,
) -> web.Response:
    if session is not None and emulator.profile.version >= (4, 0, 0):
        return text("Ok.")
    ip = emulator.client_ip(request)
    if not emulator.check_password(
        params.get("username", ""), params.get("password", "")
    ):
        emulator.bans.fail(ip, emulator.faults)
        return text("Fails.")
    emulator.bans.succeed(ip)
    new_session = emulator.start_session()
    response = text("Ok.")
    response.headers.add("Set-Cookie", f"SID={new_session.sid}; HttpOnly; path=/")
    return response


async def _command(
    emulator: QBittorrentEmulator,
    name: str,
    params: dict[str, str],
    files: list[tuple[str, bytes]],
) -> web.Response:
    api = emulator.profile.legacy_api
    if name in {"download", "upload"}:
        # ``upload`` needs at least one ``torrents`` file part.
        allowed = Command(
            _no_change,
            frozenset({"urls"} if name == "download" else {"torrents"}),
            _download_options(api),
        )
        if not _check(allowed, params, files):
            return text("Bad Request", 400)
        return _add(emulator, params, files)
    command = commands(api).get(name)
    if command is None:
        return text("Not Found", 404)
    if not _check(command, params, files):
        return text("Bad Request", 400)
    return command.handler(emulator, params)


def _query(emulator: QBittorrentEmulator, rest: str, params: Params) -> web.Response:
    if rest == "torrents":
        return _query_torrents(emulator, params)
    if rest == "transferInfo":
        return json_reply(emulator, emulator.transfer_info())
    if rest == "preferences":
        return _query_preferences(emulator)
    if rest.startswith("propertiesGeneral/"):
        return _properties_general(emulator, rest.removeprefix("propertiesGeneral/"))
    return text("Not Found", 404)
