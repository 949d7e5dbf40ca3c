"""The ``/api/v2`` generation (qBittorrent 4.1.0 and later)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
import json
import re
from typing import TYPE_CHECKING, Any

from aiohttp import BodyPartReader, web

from qbittorrent_tooling.torrent_files import bencode

from .addition import AddRequest, add_torrents, torrent_file_hash_and_name
from .state import BAN_TEXT, WebSession, stored_torrent_limit
from .views import population_categories

if TYPE_CHECKING:
    from .server import Server

type VersionTuple = tuple[int, ...]
type Params = Mapping[str, str]
type Handler = Callable[[Server, WebSession, Params], web.Response]

TEXT = "text/plain"
_PATH = re.compile(r"^/api/v2/(?P<scope>\w+)/(?P<action>\w+)$")


def text(body: str = "", status: int = 200) -> web.Response:
    """A plain-text reply as qBittorrent sends it."""
    return web.Response(status=status, text=body, content_type=TEXT, charset="UTF-8")


def error_reply(server: Server, status: HTTPStatus) -> web.Response:
    """An HTTP error without a message of its own, as the version words it."""
    body = status.phrase if server.profile.error_body_is_status_text else ""
    return text(body, status)


def json_reply(payload: Any, status: int = 200) -> web.Response:
    """A compact JSON reply."""
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return web.Response(
        status=status, body=body.encode(), content_type="application/json"
    )


class BadParams(Exception):  # noqa: N818 - named after qBittorrent's APIError type
    """A 400 answer."""


def required(params: Params, *names: str) -> list[str]:
    """Fetch required parameters or raise ``BadParams`` listing the missing."""
    missing = [name for name in names if name not in params]
    if missing:
        raise BadParams(", ".join(missing))
    return [params[name] for name in names]


def parse_bool(value: str | None) -> bool:
    """QBittorrent's lenient boolean."""
    return (value or "").strip().lower() == "true"


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One ``scope/action`` and the versions/methods it answers to."""

    handler: Handler
    since: VersionTuple = (2, 0, 0)
    until: VersionTuple | None = None
    mutating: bool = False
    early_post_only: bool = False  # already POST-only in 4.4.4


# --- auth ----------------------------------------------------------------------


def _set_cookie(server: Server, response: web.Response, sid: str) -> None:
    profile = server.profile
    name = server.cookie_name
    if profile.version >= (5, 2, 0):
        expires = datetime.now(UTC) + timedelta(seconds=profile.session_timeout)
        stamp = expires.strftime("%a, %d-%b-%Y %H:%M:%S GMT")
        value = f"{name}={sid}; HttpOnly; SameSite=Lax; expires={stamp}; path=/"
    elif profile.version >= (5, 0, 0):
        value = f"{name}={sid}; HttpOnly; SameSite=Strict; path=/"
    elif profile.version >= (4, 2, 0):
        value = f"{name}={sid}; HttpOnly; path=/; SameSite=Strict"
    else:
        value = f"{name}={sid}; HttpOnly; path=/"
    response.headers.add("Set-Cookie", value)


def login(
    server: Server,
    request: web.Request,
    session: WebSession | None,
    params: Params,
) -> web.Response:
    """``auth/login``: Ok./Fails. (<=5.1) or 204/401 (5.2+), 403 when banned."""
    profile = server.profile
    ip = server.client_ip(request)
    if server.bans.is_banned(ip):
        return text(BAN_TEXT, 403)
    if session is not None:
        return text(status=204) if profile.login_uses_status_codes else text("Ok.")
    username = params.get("username", "")
    password = params.get("password", "")
    if not server.check_password(username, password):
        server.bans.fail(ip, server.faults)
        if profile.login_uses_status_codes:
            return text("Unauthorized", 401)
        return text("Fails.")
    server.bans.succeed(ip)
    new_session = server.start_session()
    response = text(status=204) if profile.login_uses_status_codes else text("Ok.")
    _set_cookie(server, response, new_session.sid)
    return response


def logout(
    server: Server,
    session: WebSession,
    _params: Params,
) -> web.Response:
    """``auth/logout``: end the session and clear the cookie."""
    server.end_session(session)
    response = text()
    past = (datetime.now(UTC) - timedelta(days=1)).strftime("%a, %d-%b-%Y %H:%M:%S GMT")
    response.headers.add("Set-Cookie", f"{server.cookie_name}=; expires={past}; path=/")
    return response


# --- app --------------------------------------------------------------------------


def app_version(server: Server, _s: WebSession, _p: Params) -> web.Response:
    """``app/version``."""
    return text(f"v{server.version}")


def app_webapi_version(server: Server, _s: WebSession, _p: Params) -> web.Response:
    """``app/webapiVersion``."""
    return text(server.profile.webapi_text)


def app_build_info(_e: Server, _s: WebSession, _p: Params) -> web.Response:
    """``app/buildInfo``."""
    return json_reply(
        {
            "bitness": 64,
            "boost": "1.83.0",
            "libtorrent": "2.0.11.0",
            "openssl": "3.5.0",
            "qt": "6.8.2",
            "zlib": "1.3.1",
        }
    )


# Server-wide settings of the preferences as a fresh qBittorrent has them
# (keys and values seen on real 4.5.2, 5.1.0 and 5.3.0; the port is random
# there). The share limits are kept as one value, -1 meaning none; their
# ``*_enabled`` switches are reported from it, as qBittorrent does.
SESSION_PREFERENCES: dict[str, Any] = {
    "dht": True,
    "pex": True,
    "lsd": True,
    "listen_port": 6881,
    "max_active_downloads": 3,
    "max_active_uploads": 3,
    "max_active_torrents": 5,
    "max_connec": 500,
    "max_connec_per_torrent": 100,
    "max_uploads": 20,
    "max_uploads_per_torrent": 4,
    "max_ratio": -1,
    "max_seeding_time": -1,
    "dont_count_slow_torrents": False,
    "upnp": True,
    "temp_path_enabled": False,
    "temp_path": "/downloads/temp",
}
# Counts where real servers store 0 (and any negative value) as -1 (unlimited).
_COUNTS_WITHOUT_ZERO = (
    "max_connec",
    "max_connec_per_torrent",
    "max_uploads",
    "max_uploads_per_torrent",
)
# Counts where 0 is a value and anything below -1 reads -1.
_COUNTS_WITH_ZERO = (
    "max_active_downloads",
    "max_active_uploads",
    "max_active_torrents",
)
_SHARE_LIMITS = (
    ("max_ratio", "max_ratio_enabled"),
    ("max_seeding_time", "max_seeding_time_enabled"),
)


def app_preferences(server: Server, _s: WebSession, _p: Params) -> web.Response:
    """``app/preferences`` (the subset that matters to clients)."""
    stopped_key = (
        "add_stopped_enabled"
        if server.profile.uses_stop_start
        else "start_paused_enabled"
    )
    preferences: dict[str, Any] = {
        "alt_dl_limit": server.alt_download_limit,
        "alt_up_limit": server.alt_upload_limit,
        "dl_limit": server.download_limit,
        "up_limit": server.upload_limit,
        "locale": server.locale,
        "queueing_enabled": server.queueing_enabled,
        "save_path": server.population.save_path,
        "scheduler_enabled": False,
        "web_ui_address": "*",
        "web_ui_port": server.webui_port or server.port or 8080,
        "web_ui_username": server.username,
        stopped_key: False,
    }
    if server.profile.configurable_ban:
        preferences["web_ui_max_auth_fail_count"] = server.faults.ban_after
        preferences["web_ui_ban_duration"] = int(server.faults.ban_seconds)
    preferences.update(SESSION_PREFERENCES)
    preferences.update(server.preferences)
    for value_key, switch_key in _SHARE_LIMITS:
        preferences[switch_key] = preferences[value_key] >= 0
    return json_reply(dict(sorted(preferences.items())))


def _set_session_preferences(server: Server, changes: dict[str, Any]) -> None:
    """Store the server-wide settings the way real servers do."""
    for key in _COUNTS_WITHOUT_ZERO:
        if isinstance(value := changes.get(key), int):
            changes[key] = value if value > 0 else -1
    for key in _COUNTS_WITH_ZERO:
        if isinstance(value := changes.get(key), int):
            changes[key] = max(value, -1)
    for value_key, switch_key in _SHARE_LIMITS:
        enabled = changes.pop(switch_key, None)
        value = changes.pop(value_key, None)
        if enabled is False:
            server.preferences[value_key] = -1
        # Up to 5.1 the value counts only with its switch on in the same
        # request; 5.3.0 takes it alone (and turns the switch on).
        elif isinstance(value, int | float) and (
            enabled is True or server.profile.version >= (5, 3, 0)
        ):
            server.preferences[value_key] = value if value >= 0 else -1


def app_set_preferences(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``app/setPreferences`` with ``json=``."""
    (raw,) = required(params, "json")
    try:
        changes = json.loads(raw)
    except ValueError:
        raise BadParams("json") from None
    if not isinstance(changes, dict):
        raise BadParams("json")
    # The limits are in B/s, kept like the transfer/setDownloadLimit ones.
    for key, attribute in (
        ("dl_limit", "download_limit"),
        ("up_limit", "upload_limit"),
        ("alt_dl_limit", "alt_download_limit"),
        ("alt_up_limit", "alt_upload_limit"),
    ):
        if isinstance(value := changes.pop(key, None), int):
            setattr(server, attribute, server.stored_global_limit(value))
    if "queueing_enabled" in changes:
        server.queueing_enabled = changes.pop("queueing_enabled")
    _set_session_preferences(server, changes)
    server.preferences.update(changes)
    return text()


def app_shutdown(server: Server, _s: WebSession, _p: Params) -> web.Response:
    """``app/shutdown``: recorded, the emulator keeps running."""
    server.shutdown_requested = True
    return text()


# --- transfer -----------------------------------------------------------------------


def transfer_info(server: Server, _s: WebSession, _p: Params) -> web.Response:
    """``transfer/info``."""
    return json_reply(server.transfer_info())


def speed_limits_mode(server: Server, _s: WebSession, _p: Params) -> web.Response:
    """``transfer/speedLimitsMode``: "1" or "0"."""
    return text("1" if server.alt_speed_enabled else "0")


def toggle_speed_limits_mode(
    server: Server, _s: WebSession, _p: Params
) -> web.Response:
    """``transfer/toggleSpeedLimitsMode``."""
    server.alt_speed_enabled = not server.alt_speed_enabled
    return text()


def _session_pauser(*, paused: bool) -> Handler:
    """``transfer/pauseSession`` or ``resumeSession`` (5.3.0), answering 204."""

    def handler(server: Server, _s: WebSession, _p: Params) -> web.Response:
        server.session_paused = paused
        return text(status=204)

    return handler


def set_speed_limits_mode(
    server: Server, _s: WebSession, params: Params
) -> web.Response:
    """``transfer/setSpeedLimitsMode`` (4.5.0+), ``mode`` an integer."""
    (mode,) = required(params, "mode")
    try:
        value = int(mode)
    except ValueError:
        return text("'mode': invalid argument", 400)
    server.alt_speed_enabled = value != 0
    return text()


def _limit_getter(download: bool) -> Handler:  # noqa: FBT001
    def handler(server: Server, _s: WebSession, _p: Params) -> web.Response:
        limits = server.effective_limits()
        return text(str(limits[0] if download else limits[1]))

    return handler


def _limit_setter(download: bool) -> Handler:  # noqa: FBT001
    def handler(server: Server, _s: WebSession, params: Params) -> web.Response:
        (limit,) = required(params, "limit")
        try:
            value = int(limit)
        except ValueError:
            raise BadParams("limit") from None
        server.set_global_limit(download=download, limit=value)
        return text()

    return handler


# --- sync -----------------------------------------------------------------------------


def maindata(server: Server, session: WebSession, params: Params) -> web.Response:
    """``sync/maindata?rid=``."""
    try:
        rid = int(params.get("rid", "0"))
    except ValueError:
        rid = 0
    return json_reply(server.maindata(session, rid) | server.faults.maindata_sections)


# --- torrents ---------------------------------------------------------------------------

_FILTERS_OLD = {"paused", "resumed"}
_FILTERS_NEW = {"stopped", "running"}


def _matches_filter(server: Server, fields: Mapping[str, Any], name: str) -> bool:
    state = fields["state"]
    stopped = state in server.profile.stopped_states
    finished = fields["progress"] >= 1
    active = fields["dlspeed"] > 0 or fields["upspeed"] > 0
    checks: dict[str, bool] = {
        "downloading": not finished and not stopped,
        "seeding": finished and not stopped,
        "completed": finished,
        "active": active,
        "inactive": not active,
        "checking": state.startswith("checking"),
        "moving": state == "moving",
    }
    if server.profile.webapi >= (2, 4, 1):  # stalled*: changelog 2.4.1
        checks.update(
            stalled=state in {"stalledUP", "stalledDL"},
            stalled_uploading=state == "stalledUP",
            stalled_downloading=state == "stalledDL",
            errored=state in {"error", "missingFiles"},
        )
    if server.profile.uses_stop_start:
        checks.update(stopped=stopped, running=not stopped)
    else:
        checks.update(paused=stopped, resumed=not stopped)
    # An unknown filter name means "all" in TorrentFilter::setTypeByName.
    return checks.get(name, True)


def torrents_info(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/info`` with filter, category, tag, sort, reverse, limit, offset, hashes."""
    torrents = list(server.population.torrents.values())
    if "hashes" in params:
        torrents = server.resolve_hashes(params["hashes"])
    filter_name = params.get("filter", "all")
    if filter_name != "all":
        torrents = [
            t for t in torrents if _matches_filter(server, t.fields, filter_name)
        ]
    if "category" in params:
        torrents = [t for t in torrents if t.fields["category"] == params["category"]]
    if "tag" in params and server.profile.has_tags:
        tag = params["tag"]
        torrents = [
            t
            for t in torrents
            if (tag in t.fields["tags"].split(",") if tag else not t.fields["tags"])
        ]
    rows = [server.view.full(t, with_hash=True) for t in torrents]
    if (key := params.get("sort")) and rows and key in rows[0]:
        rows.sort(key=lambda row: row[key], reverse=parse_bool(params.get("reverse")))
    offset = int(params.get("offset", "0") or 0)
    if offset < 0:
        offset = max(len(rows) + offset, 0)
    rows = rows[offset:]
    if (limit := int(params.get("limit", "0") or 0)) > 0:
        rows = rows[:limit]
    return json_reply(rows)


def torrents_count(server: Server, _s: WebSession, _p: Params) -> web.Response:
    """``torrents/count`` (2.10.0)."""
    return text(str(len(server.population.torrents)))


def _each(action: Callable[[Server, str, Params], None]) -> Handler:
    """An endpoint applying ``action`` to every torrent in ``hashes``."""

    def handler(server: Server, _s: WebSession, params: Params) -> web.Response:
        (hashes,) = required(params, "hashes")
        for torrent in server.resolve_hashes(hashes):
            action(server, torrent.hash, params)
        return text()

    return handler


def _pause(server: Server, torrent_hash: str, _p: Params) -> None:
    server.population.pause(torrent_hash)


def _resume(server: Server, torrent_hash: str, _p: Params) -> None:
    population = server.population
    if (
        population.torrents[torrent_hash].fields["state"]
        in server.profile.stopped_states
    ):
        population.resume(torrent_hash)


def _recheck(server: Server, torrent_hash: str, _p: Params) -> None:
    server.population.recheck(torrent_hash)


def _reannounce(server: Server, torrent_hash: str, _p: Params) -> None:
    """Nothing visible changes; recorded for tests."""
    server.reannounced.append(torrent_hash)


def _force_start(server: Server, torrent_hash: str, params: Params) -> None:
    forced = parse_bool(params.get("value"))
    population = server.population
    if forced:
        population.resume(torrent_hash, forced=True)
    elif population.torrents[torrent_hash].fields["force_start"]:
        population.resume(torrent_hash)


def _field_setter(
    field_name: str, param: str, convert: Callable[[str], Any]
) -> Callable[[Server, str, Params], None]:
    def action(server: Server, torrent_hash: str, params: Params) -> None:
        (value,) = required(params, param)
        server.population.update(torrent_hash, **{field_name: convert(value)})

    return action


def _torrent_limit_setter(field_name: str) -> Callable[[Server, str, Params], None]:
    """A per-torrent limit in B/s, kept exactly (unlike the global limits)."""

    def action(server: Server, torrent_hash: str, params: Params) -> None:
        (value,) = required(params, "limit")
        try:
            limit = int(value)
        except ValueError:
            raise BadParams("limit") from None
        unlimited = server.profile.unlimited_torrent_limit
        server.population.update(
            torrent_hash, **{field_name: stored_torrent_limit(limit, unlimited)}
        )

    return action


def _torrent_limits(field_name: str) -> Handler:
    """``torrents/downloadLimit``/``uploadLimit``: a JSON object hash -> B/s."""

    def handler(server: Server, _s: WebSession, params: Params) -> web.Response:
        (hashes,) = required(params, "hashes")
        if hashes == "all":  # real servers answer one entry named "all"
            return json_reply({"all": -1})
        return json_reply(
            {
                torrent.hash: torrent.fields[field_name]
                for torrent in server.resolve_hashes(hashes)
            }
        )

    return handler


def _toggle(field_name: str) -> Callable[[Server, str, Params], None]:
    def action(server: Server, torrent_hash: str, _p: Params) -> None:
        current = server.population.torrents[torrent_hash].fields[field_name]
        server.population.update(torrent_hash, **{field_name: not current})

    return action


def torrents_delete(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/delete``; ``deleteFiles`` is required."""
    hashes, _delete_files = required(params, "hashes", "deleteFiles")
    for torrent in server.resolve_hashes(hashes):
        server.population.remove(torrent.hash)
    return text()


def _queue_move(kind: str) -> Handler:
    def handler(server: Server, _s: WebSession, params: Params) -> web.Response:
        (hashes,) = required(params, "hashes")
        if not server.queueing_enabled:
            return text("Torrent queueing must be enabled", 409)
        population = server.population
        for torrent in server.resolve_hashes(hashes):
            priority = torrent.fields["priority"]
            if priority <= 0:
                continue
            new = {
                "increasePrio": max(priority - 1, 1),
                "decreasePrio": priority + 1,
                "topPrio": 1,
                "bottomPrio": max(priority, 1) + 1000,
            }[kind]
            population.update(torrent.hash, priority=new)
        return text()

    return handler


def set_category(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/setCategory``: 409 for an unknown category."""
    hashes, category = required(params, "hashes", "category")
    if category and category not in server.population.categories:
        return text("Incorrect category name", 409)
    for torrent in server.resolve_hashes(hashes):
        server.population.update(torrent.hash, category=category)
    return text()


def create_category(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/createCategory``: 409 when it exists or the name is bad."""
    (category,) = required(params, "category")
    if not category.strip() or not server.population.add_category(
        category, params.get("savePath", "")
    ):
        return text("Unable to create category", 409)
    return text()


def edit_category(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/editCategory``: an unknown one is 409 up to 5.1.0, 404 on 5.3.0."""
    category, save_path = required(params, "category", "savePath")
    if category not in server.population.categories:
        if server.profile.version >= (5, 3, 0):
            return text("Category does not exist", 404)
        return text("Unable to edit category", 409)
    server.population.edit_category(category, save_path)
    return text()


def remove_categories(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/removeCategories`` (newline separated)."""
    (categories,) = required(params, "categories")
    for name in categories.split("\n"):
        server.population.remove_category(name.strip())
    return text()


def set_share_limits(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/setShareLimits``, with the parameters each version requires.

    4.6.0 added ``inactiveSeedingTimeLimit`` (5.1.0 answers 400 without it),
    5.2 ``shareLimitAction`` and 5.3 ``shareLimitsMode`` (5.3.0 names them as
    missing). Up to 5.1 ratios above 9999 and times above a year are capped.
    """
    version = server.profile.version
    names = ["hashes", "ratioLimit", "seedingTimeLimit"]
    if version >= (4, 6, 0):
        names.append("inactiveSeedingTimeLimit")
    if version >= (5, 2, 0):
        names.append("shareLimitAction")
    if version >= (5, 3, 0):
        names.append("shareLimitsMode")
    values = dict(zip(names, required(params, *names), strict=True))
    capped = version < (5, 3, 0)
    try:
        ratio = float(values["ratioLimit"])
        seeding = int(values["seedingTimeLimit"])
        inactive = int(values.get("inactiveSeedingTimeLimit", "-2"))
    except ValueError:
        raise BadParams("ratioLimit") from None
    if capped:
        ratio, seeding = min(ratio, 9999), min(seeding, 525_600)
    # The max_* fields show the limit in force: -2 (global) reads as the
    # default global limit, none.
    changes: dict[str, Any] = {
        "ratio_limit": ratio,
        "max_ratio": ratio if ratio != -2 else -1,
        "seeding_time_limit": seeding,
        "max_seeding_time": seeding if seeding != -2 else -1,
    }
    if version >= (4, 6, 0):
        changes["inactive_seeding_time_limit"] = inactive
        changes["max_inactive_seeding_time"] = inactive if inactive != -2 else -1
    for field, name in (
        ("share_limit_action", "shareLimitAction"),
        ("share_limits_mode", "shareLimitsMode"),
    ):
        if name in values:
            changes[field] = values[name]
    for torrent in server.resolve_hashes(values["hashes"]):
        server.population.update(torrent.hash, **changes)
    return text()


def set_download_path(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/setDownloadPath``: the torrents are named ``id``, not ``hashes``."""
    hashes, path = required(params, "id", "path")
    for torrent in server.resolve_hashes(hashes):
        server.population.update(torrent.hash, download_path=path)
    return text()


def _known_torrent(server: Server, params: Params) -> dict[str, Any] | None:
    (torrent_hash,) = required(params, "hash")
    torrent = server.population.torrents.get(torrent_hash.lower())
    return None if torrent is None else torrent.fields


def torrent_properties(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/properties`` (a subset of the real fields), 404 if unknown."""
    fields = _known_torrent(server, params)
    if fields is None:
        return text("Not Found", 404)
    return json_reply(
        {
            "addition_date": fields["added_on"],
            "comment": fields["comment"],
            "completion_date": fields["completion_on"],
            "dl_limit": fields["dl_limit"] or -1,
            "dl_speed": fields["dlspeed"],
            "download_path": fields["download_path"],
            "eta": fields["eta"],
            "hash": params["hash"].lower(),
            "name": fields["name"],
            "nb_connections": 0,
            "peers": fields["num_leechs"],
            "save_path": fields["save_path"],
            "seeding_time": fields["seeding_time"],
            "seeds": fields["num_seeds"],
            "share_ratio": fields["ratio"],
            "total_downloaded": fields["downloaded"],
            "total_size": fields["total_size"],
            "total_uploaded": fields["uploaded"],
            "up_limit": fields["up_limit"] or -1,
            "up_speed": fields["upspeed"],
        }
    )


def torrent_files(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/files``: two halves of the torrent (see ``file_prio``)."""
    fields = _known_torrent(server, params)
    if fields is None:
        return text("Not Found", 404)
    if fields["size"] <= 0:
        return json_reply([])
    half = fields["size"] // 2
    files: list[dict[str, Any]] = [
        {
            "availability": 0,
            "index": index,
            "is_seed": fields["progress"] >= 1,
            "name": f"{fields['name']}/part {index + 1}",
            "piece_range": [0, 0],
            "priority": 1,
            "progress": fields["progress"],
            "size": size,
        }
        for index, size in enumerate((half, fields["size"] - half))
    ]
    if server.profile.webapi < (2, 8, 2):
        # The index came with API 2.8.2; real 4.2.5 lists the files without it.
        for file in files:
            del file["index"]
    return json_reply(files)


def torrent_trackers(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/trackers``: DHT, PeX and LSD rows, then the torrent's tracker."""
    fields = _known_torrent(server, params)
    if fields is None:
        return text("Not Found", 404)
    rows = [
        {
            "msg": "",
            "num_downloaded": 0,
            "num_leeches": 0,
            "num_peers": 0,
            "num_seeds": 0,
            "status": 0,
            "tier": -1,
            "url": f"** [{name}] **",
        }
        for name in ("DHT", "PeX", "LSD")
    ]
    if url := fields.get("announce") or fields["tracker"]:
        rows.append(
            {
                "msg": "",
                "num_downloaded": -1,
                "num_leeches": -1,
                "num_peers": -1,
                "num_seeds": -1,
                "status": 1,
                "tier": 0,
                "url": url,
            }
        )
    return json_reply(rows)


def torrent_peers(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``sync/torrentPeers``: always a full update without peers."""
    if _known_torrent(server, params) is None:
        return text("Not Found", 404)
    return json_reply({"full_update": True, "peers": {}, "rid": 1, "show_flags": False})


def torrent_export(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/export``: a .torrent of the torrent; 409 without metadata."""
    fields = _known_torrent(server, params)
    if fields is None:
        return text("Not Found", 404)
    if fields["size"] <= 0:
        return text("Unable to export torrent file. Error: Missing metadata", 409)
    content = fields.get("metainfo") or bencode(
        {
            "announce": fields.get("announce") or fields["tracker"],
            "info": {
                "length": fields["size"],
                "name": fields["name"],
                "piece length": 16384,
                "pieces": bytes(20),
            },
        }
    )
    return web.Response(body=content, content_type="application/x-bittorrent")


_RSS_RULE_DEFAULTS: dict[str, Any] = {
    "addPaused": None,
    "affectedFeeds": [],
    "assignedCategory": "",
    "enabled": True,
    "episodeFilter": "",
    "ignoreDays": 0,
    "lastMatch": "",
    "mustContain": "",
    "mustNotContain": "",
    "previouslyMatchedEpisodes": [],
    "savePath": "",
    "smartFilter": False,
    "torrentContentLayout": None,
    "useRegex": False,
}


def _rss_parent(server: Server, path: str) -> tuple[dict[str, Any], str] | None:
    """The folder holding ``path`` and the item's own name, if the folder exists."""
    *folders, name = path.split("\\")
    parent = server.rss_tree
    for folder in folders:
        child = parent.get(folder)
        if not isinstance(child, dict) or "uid" in child:
            return None
        parent = child
    return parent, name


def _rss_feeds(tree: dict[str, Any]) -> list[dict[str, Any]]:
    feeds: list[dict[str, Any]] = []
    for item in tree.values():
        feeds.extend([item] if "uid" in item else _rss_feeds(item))
    return feeds


def rss_add_folder(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``rss/addFolder``: 409 when the path exists or its folder does not."""
    (path,) = required(params, "path")
    found = _rss_parent(server, path)
    if found is None or found[1] in found[0] or not found[1]:
        return text(f"RSS item with given path already exists: {path}.", 409)
    found[0][found[1]] = {}
    return text()


def rss_add_feed(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``rss/addFeed``: 409 for a URL already subscribed or a taken path."""
    (url,) = required(params, "url")
    path = params.get("path") or url
    if any(feed["url"] == url for feed in _rss_feeds(server.rss_tree)):
        return text(f"RSS feed with given URL already exists: {url}.", 409)
    found = _rss_parent(server, path)
    if found is None or found[1] in found[0]:
        return text(f"RSS item with given path already exists: {path}.", 409)
    found[0][found[1]] = {
        "uid": f"{{{len(_rss_feeds(server.rss_tree)):08x}}}",
        "url": url,
    }
    return text()


def rss_remove_item(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``rss/removeItem``: 409 for an unknown path."""
    (path,) = required(params, "path")
    found = _rss_parent(server, path)
    if found is None or found[1] not in found[0]:
        return text(f"Item doesn't exist: {path}.", 409)
    del found[0][found[1]]
    return text()


def rss_refresh_item(_e: Server, _s: WebSession, params: Params) -> web.Response:
    """``rss/refreshItem``: the emulator fetches nothing; unknown paths pass."""
    required(params, "itemPath")
    return text()


def _rss_with_data(tree: dict[str, Any]) -> dict[str, Any]:
    return {
        name: (
            {
                **item,
                "articles": [],
                "hasError": True,
                "isLoading": False,
                "lastBuildDate": "",
                "title": "",
            }
            if "uid" in item
            else _rss_with_data(item)
        )
        for name, item in tree.items()
    }


def rss_items(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``rss/items``; ``withData`` adds each feed's (here: no) articles."""
    if parse_bool(params.get("withData")):
        return json_reply(_rss_with_data(server.rss_tree))
    return json_reply(server.rss_tree)


def rss_set_rule(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``rss/setRule``: a definition it cannot read leaves the defaults."""
    name, raw = required(params, "ruleName", "ruleDef")
    try:
        definition = json.loads(raw)
    except ValueError:
        definition = {}
    if not isinstance(definition, dict):
        definition = {}
    server.rss_rules[name] = {
        key: definition.get(key, default) for key, default in _RSS_RULE_DEFAULTS.items()
    }
    return text()


def rss_remove_rule(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``rss/removeRule``: an unknown rule is ignored."""
    (name,) = required(params, "ruleName")
    server.rss_rules.pop(name, None)
    return text()


def rss_rules(server: Server, _s: WebSession, _p: Params) -> web.Response:
    """``rss/rules``."""
    return json_reply(server.rss_rules)


def search_start(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``search/start``: a job that runs with no plugin, so finds nothing."""
    pattern, plugins, category = required(params, "pattern", "plugins", "category")
    search_id = 1_000_000 + len(server.searches)
    server.searches[search_id] = {
        "category": category,
        "id": search_id,
        "pattern": pattern,
        "plugins": [],
        "status": "Running",
        "total": 0,
    }
    del plugins  # no plugin is installed
    return json_reply({"id": search_id})


def _search_job(server: Server, params: Params) -> dict[str, Any] | None:
    (raw,) = required(params, "id")
    try:
        return server.searches.get(int(raw))
    except ValueError:
        return None


def search_results(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``search/results``: 404 for an unknown id."""
    job = _search_job(server, params)
    if job is None:
        return text("Not Found", 404)
    return json_reply({"results": [], "status": job["status"], "total": 0})


def search_stop(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``search/stop``: 5.3.0 still reports the job as running afterwards."""
    if _search_job(server, params) is None:
        return text("Not Found", 404)
    return text()


def search_delete(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``search/delete``: 404 for an unknown id."""
    job = _search_job(server, params)
    if job is None:
        return text("Not Found", 404)
    del server.searches[job["id"]]
    return text()


def _tag_names(raw: str) -> list[str]:
    return [tag.strip() for tag in raw.split(",") if tag.strip()]


def add_tags(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/addTags``: creates missing tags."""
    hashes, raw = required(params, "hashes", "tags")
    population = server.population
    names = _tag_names(raw)
    for tag in names:
        population.add_tag(tag)
    for torrent in server.resolve_hashes(hashes):
        current = [t for t in torrent.fields["tags"].split(",") if t]
        merged = sorted(set(current) | set(names))
        population.update(torrent.hash, tags=",".join(merged))
    return text()


def remove_tags(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/removeTags`` (empty ``tags`` removes all)."""
    (hashes,) = required(params, "hashes")
    names = set(_tag_names(params.get("tags", "")))
    for torrent in server.resolve_hashes(hashes):
        current = [t for t in torrent.fields["tags"].split(",") if t]
        kept = [t for t in current if names and t not in names]
        server.population.update(torrent.hash, tags=",".join(kept))
    return text()


def create_tags(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/createTags``."""
    (raw,) = required(params, "tags")
    for tag in _tag_names(raw):
        server.population.add_tag(tag)
    return text()


def delete_tags(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/deleteTags``."""
    (raw,) = required(params, "tags")
    for tag in _tag_names(raw):
        server.population.remove_tag(tag)
    return text()


def tags_list(server: Server, _s: WebSession, _p: Params) -> web.Response:
    """``torrents/tags``."""
    return json_reply(sorted(server.population.tags))


def categories_list(server: Server, _s: WebSession, _p: Params) -> web.Response:
    """``torrents/categories``."""
    return json_reply(population_categories(server.profile, server.population))


def set_location(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/setLocation``."""
    hashes, location = required(params, "hashes", "location")
    if not location:
        return text("Save path cannot be empty", 400)
    for torrent in server.resolve_hashes(hashes):
        server.population.update(
            torrent.hash,
            save_path=location,
            content_path=f"{location}/{torrent.fields['name']}",
        )
    return text()


def rename(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/rename``."""
    torrent_hash, name = required(params, "hash", "name")
    torrent = server.population.torrents.get(torrent_hash.lower())
    if torrent is None:
        return error_reply(server, HTTPStatus.NOT_FOUND)
    if not name.strip():
        return text("Incorrect torrent name", 409)
    server.population.update(torrent.hash, name=name)
    return text()


def add_trackers(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/addTrackers``."""
    torrent_hash, urls = required(params, "hash", "urls")
    torrent = server.population.torrents.get(torrent_hash.lower())
    if torrent is None:
        return error_reply(server, HTTPStatus.NOT_FOUND)
    new_urls = [u for u in urls.split("\n") if u.strip()]
    server.population.update(
        torrent.hash,
        trackers_count=torrent.fields["trackers_count"] + len(new_urls),
        tracker=torrent.fields["tracker"] or (new_urls[0] if new_urls else ""),
    )
    return text()


def file_prio(server: Server, _s: WebSession, params: Params) -> web.Response:
    """``torrents/filePrio``: checks the torrent, priority and file ids (see ``torrent_files``)."""
    torrent_hash, ids, priority = required(params, "hash", "id", "priority")
    torrent = server.population.torrents.get(torrent_hash.lower())
    if torrent is None:
        return error_reply(server, HTTPStatus.NOT_FOUND)
    if priority not in {"0", "1", "6", "7"}:
        return text("Priority is not valid", 400)
    # Every emulated torrent with metadata has two files, indexes 0 and 1.
    files = 2 if torrent.fields["size"] > 0 else 0
    if any(not part.isdigit() or int(part) >= files for part in ids.split("|")):
        return text("File ID is not valid", 409)
    return text()


def torrents_add(server: Server, request_data: AddRequest) -> web.Response:
    """``torrents/add``: Ok./Fails. (<=5.1) or JSON/202/409 (5.2+).

    Any file that is not a torrent gets 415 before anything is added (4.5.2
    and 5.3.0 alike).
    """
    for filename, data in request_data.files:
        if torrent_file_hash_and_name(data) is None:
            return text(f"Error: '{filename}' is not a valid torrent file.", 415)
    outcome = add_torrents(server.population, request_data)
    if not server.profile.no_content_actions:
        accepted = outcome.added or outcome.pending or outcome.merged
        return text("Ok." if accepted else "Fails.")
    if not outcome.added and not outcome.pending:
        return text("Conflict", 409)
    payload = {
        "added_torrent_ids": outcome.added,
        "failure_count": outcome.failed,
        "pending_count": outcome.pending,
        "success_count": len(outcome.added),
    }
    return json_reply(payload, 202 if outcome.pending else 200)


ENDPOINTS: dict[tuple[str, str], Endpoint] = {
    ("auth", "logout"): Endpoint(logout, mutating=True, early_post_only=True),
    ("app", "version"): Endpoint(app_version),
    ("app", "webapiVersion"): Endpoint(app_webapi_version),
    ("app", "buildInfo"): Endpoint(app_build_info, since=(2, 3, 0)),
    ("app", "preferences"): Endpoint(app_preferences),
    ("app", "setPreferences"): Endpoint(
        app_set_preferences, mutating=True, early_post_only=True
    ),
    ("app", "shutdown"): Endpoint(app_shutdown, mutating=True, early_post_only=True),
    ("transfer", "info"): Endpoint(transfer_info),
    ("transfer", "speedLimitsMode"): Endpoint(speed_limits_mode),
    ("transfer", "toggleSpeedLimitsMode"): Endpoint(
        toggle_speed_limits_mode, mutating=True
    ),
    ("transfer", "setSpeedLimitsMode"): Endpoint(
        set_speed_limits_mode, since=(2, 8, 14), mutating=True
    ),
    ("transfer", "pauseSession"): Endpoint(
        _session_pauser(paused=True), since=(2, 16, 2), mutating=True
    ),
    ("transfer", "resumeSession"): Endpoint(
        _session_pauser(paused=False), since=(2, 16, 2), mutating=True
    ),
    ("transfer", "downloadLimit"): Endpoint(_limit_getter(download=True)),
    ("transfer", "uploadLimit"): Endpoint(_limit_getter(download=False)),
    ("transfer", "setDownloadLimit"): Endpoint(
        _limit_setter(download=True), mutating=True
    ),
    ("transfer", "setUploadLimit"): Endpoint(
        _limit_setter(download=False), mutating=True
    ),
    ("sync", "maindata"): Endpoint(maindata),
    ("torrents", "info"): Endpoint(torrents_info),
    ("torrents", "count"): Endpoint(torrents_count, since=(2, 10, 0)),
    ("torrents", "pause"): Endpoint(_each(_pause), until=(2, 11, 0), mutating=True),
    ("torrents", "resume"): Endpoint(_each(_resume), until=(2, 11, 0), mutating=True),
    ("torrents", "stop"): Endpoint(_each(_pause), since=(2, 11, 0), mutating=True),
    ("torrents", "start"): Endpoint(_each(_resume), since=(2, 11, 0), mutating=True),
    ("torrents", "recheck"): Endpoint(_each(_recheck), mutating=True),
    ("torrents", "reannounce"): Endpoint(
        _each(_reannounce), since=(2, 0, 2), mutating=True
    ),
    ("torrents", "delete"): Endpoint(torrents_delete, mutating=True),
    ("torrents", "setForceStart"): Endpoint(_each(_force_start), mutating=True),
    ("torrents", "increasePrio"): Endpoint(_queue_move("increasePrio"), mutating=True),
    ("torrents", "decreasePrio"): Endpoint(_queue_move("decreasePrio"), mutating=True),
    ("torrents", "topPrio"): Endpoint(_queue_move("topPrio"), mutating=True),
    ("torrents", "bottomPrio"): Endpoint(_queue_move("bottomPrio"), mutating=True),
    ("torrents", "setCategory"): Endpoint(set_category, mutating=True),
    ("torrents", "categories"): Endpoint(categories_list),
    ("torrents", "createCategory"): Endpoint(create_category, mutating=True),
    ("torrents", "editCategory"): Endpoint(
        edit_category, since=(2, 1, 0), mutating=True
    ),
    ("torrents", "removeCategories"): Endpoint(remove_categories, mutating=True),
    ("torrents", "addTags"): Endpoint(add_tags, since=(2, 3, 0), mutating=True),
    ("torrents", "removeTags"): Endpoint(remove_tags, since=(2, 3, 0), mutating=True),
    ("torrents", "tags"): Endpoint(tags_list, since=(2, 3, 0)),
    ("torrents", "createTags"): Endpoint(create_tags, since=(2, 3, 0), mutating=True),
    ("torrents", "deleteTags"): Endpoint(delete_tags, since=(2, 3, 0), mutating=True),
    ("torrents", "setLocation"): Endpoint(set_location, mutating=True),
    ("torrents", "rename"): Endpoint(rename, mutating=True),
    ("torrents", "addTrackers"): Endpoint(
        add_trackers, mutating=True, early_post_only=True
    ),
    ("torrents", "filePrio"): Endpoint(file_prio, mutating=True),
    ("torrents", "toggleSequentialDownload"): Endpoint(
        _each(_toggle("seq_dl")), mutating=True
    ),
    ("torrents", "toggleFirstLastPiecePrio"): Endpoint(
        _each(_toggle("f_l_piece_prio")), mutating=True
    ),
    ("torrents", "setSuperSeeding"): Endpoint(
        _each(_field_setter("super_seeding", "value", parse_bool)), mutating=True
    ),
    ("torrents", "downloadLimit"): Endpoint(_torrent_limits("dl_limit")),
    ("torrents", "uploadLimit"): Endpoint(_torrent_limits("up_limit")),
    ("torrents", "setDownloadLimit"): Endpoint(
        _each(_torrent_limit_setter("dl_limit")), mutating=True
    ),
    ("torrents", "setUploadLimit"): Endpoint(
        _each(_torrent_limit_setter("up_limit")), mutating=True
    ),
    ("torrents", "setShareLimits"): Endpoint(
        set_share_limits, since=(2, 0, 1), mutating=True
    ),
    ("torrents", "setAutoManagement"): Endpoint(
        _each(_field_setter("auto_tmm", "enable", parse_bool)), mutating=True
    ),
    ("torrents", "setDownloadPath"): Endpoint(
        set_download_path, since=(2, 8, 4), mutating=True
    ),
    ("torrents", "properties"): Endpoint(torrent_properties),
    ("torrents", "files"): Endpoint(torrent_files),
    ("torrents", "trackers"): Endpoint(torrent_trackers),
    ("sync", "torrentPeers"): Endpoint(torrent_peers),
    ("torrents", "export"): Endpoint(torrent_export, since=(2, 8, 14)),
    ("rss", "addFolder"): Endpoint(rss_add_folder, mutating=True),
    ("rss", "addFeed"): Endpoint(rss_add_feed, mutating=True),
    ("rss", "removeItem"): Endpoint(rss_remove_item, mutating=True),
    ("rss", "refreshItem"): Endpoint(rss_refresh_item, mutating=True),
    ("rss", "items"): Endpoint(rss_items),
    ("rss", "setRule"): Endpoint(rss_set_rule, mutating=True),
    ("rss", "removeRule"): Endpoint(rss_remove_rule, mutating=True),
    ("rss", "rules"): Endpoint(rss_rules),
    ("search", "start"): Endpoint(search_start, since=(2, 1, 1), mutating=True),
    ("search", "results"): Endpoint(search_results, since=(2, 1, 1)),
    ("search", "stop"): Endpoint(search_stop, since=(2, 1, 1), mutating=True),
    ("search", "delete"): Endpoint(search_delete, since=(2, 1, 1), mutating=True),
}
_ADD = ("torrents", "add")
_LOGIN = ("auth", "login")


def _available(server: Server, key: tuple[str, str]) -> Endpoint | None:
    endpoint = ENDPOINTS.get(key)
    if endpoint is None:
        return None
    webapi = server.profile.webapi
    if webapi < endpoint.since or (
        endpoint.until is not None and webapi >= endpoint.until
    ):
        return None
    return endpoint


def _post_only(server: Server, key: tuple[str, str], endpoint: Endpoint | None) -> bool:
    profile = server.profile
    early = key in {_ADD, _LOGIN} or (endpoint is not None and endpoint.early_post_only)
    if profile.post_only_all:
        return key in {_ADD, _LOGIN} or (endpoint is not None and endpoint.mutating)
    return profile.post_only_some and early


def _session_from_request(
    server: Server, request: web.Request
) -> tuple[WebSession | None, web.Response | None]:
    """Find the caller's session: API key, Basic credentials or cookie."""
    profile = server.profile
    authorization = request.headers.get("Authorization", "")
    if profile.api_keys and authorization.startswith("Bearer "):
        if server.check_api_key(authorization.removeprefix("Bearer ").strip()):
            return server.api_key_session, None
        return None, text("Unauthorized", 401)
    session = server.find_session(request.cookies.get(server.cookie_name))
    if session is None and profile.api_keys and authorization.startswith("Basic "):
        ip = server.client_ip(request)
        if server.bans.is_banned(ip):
            return None, text(BAN_TEXT, 403)
        try:
            decoded = base64.b64decode(authorization[6:], validate=True).decode()
        except binascii.Error, UnicodeDecodeError:
            decoded = ""
        username, _, password = decoded.partition(":")
        if not server.check_password(username, password):
            server.bans.fail(ip, server.faults)
            return None, text("Unauthorized", 401)
        return server.start_session(), None
    return session, None


async def _params(request: web.Request) -> tuple[dict[str, str], AddRequest]:
    """Parameters: query string for GET, body only for POST (like qBittorrent)."""
    add = AddRequest()
    if request.method != "POST":
        return dict(request.query), add
    params: dict[str, str] = {}
    if request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader) or part.name is None:
                continue
            if part.filename:
                add.files.append((part.filename, bytes(await part.read())))
            else:
                params[part.name] = await part.text()
    else:
        params = {k: v for k, v in (await request.post()).items() if isinstance(v, str)}
    return params, add


async def handle(server: Server, request: web.Request) -> web.Response:  # noqa: C901, PLR0911 - qBittorrent's check order
    """Answer one request the way a 4.1+ qBittorrent would."""
    profile = server.profile
    if server.origin_rejected(request):
        return error_reply(server, HTTPStatus.UNAUTHORIZED)
    match = _PATH.match(request.path)
    if match is None:
        return _non_api(server, request)
    key = (match["scope"], match["action"])
    session, failure = _session_from_request(server, request)
    if failure is not None:
        return failure
    endpoint = _available(server, key)
    if request.method != "POST" and _post_only(server, key, endpoint):
        return error_reply(server, HTTPStatus.METHOD_NOT_ALLOWED)
    params, add = await _params(request)
    if key == _LOGIN:
        return login(server, request, session, params)
    if session is None:
        return error_reply(server, HTTPStatus.FORBIDDEN)
    try:
        if key == _ADD:
            add.fields = params
            return torrents_add(server, add)
        if endpoint is None:
            return text(profile.endpoint_missing_body, 404)
        return endpoint.handler(server, session, params)
    except BadParams as error:
        if profile.version >= (5, 2, 0):
            return text(f"Missing required parameters: {error}", 400)
        return error_reply(server, HTTPStatus.BAD_REQUEST)


def _non_api(server: Server, request: web.Request) -> web.Response:
    """Paths outside ``/api/v2/<scope>/<action>``: the static WebUI."""
    path = request.path
    if server.profile.version < (4, 2, 0) and path in {
        "/version/api",
        "/version/api_min",
        "/version/qbittorrent",
    }:
        # 4.1.x kept the legacy version endpoints (compat API 18-24).
        compat = {"/version/api": "24", "/version/api_min": "23"}
        return text(compat.get(path, f"v{server.version}"))
    if path in {"/", "/index.html"}:
        return web.Response(
            text="<!DOCTYPE html><html><head><title>qBittorrent WebUI</title></head>"
            "<body></body></html>",
            content_type="text/html",
        )
    return error_reply(server, HTTPStatus.NOT_FOUND)
