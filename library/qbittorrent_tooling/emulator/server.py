"""One emulated qBittorrent: its state and the rules every generation shares.

The per-generation handlers (``digest``, ``legacy``, ``modern``) read and
change a :class:`Server`; the :class:`~.emulator.QBittorrentEmulator` above
them is a ``Server`` that also listens on HTTP and routes each request to its
generation's handler. Nothing here imports a handler or the emulator.
"""

from __future__ import annotations

from dataclasses import dataclass
import hashlib
import time
from typing import TYPE_CHECKING, Any

from yarl import URL

from .state import BanList, Faults, Snapshot, WebSession, as_int32, new_sid
from .torrents import Population
from .versions import Generation, VersionProfile
from .views import TorrentView, population_categories, server_state, transfer_info

if TYPE_CHECKING:
    from aiohttp import web

    from .torrents import Torrent

DEFAULT_ALT_LIMIT = 10240
# How long real 4.5.2, 5.1.0 and 5.3.0 list torrents as checkingResumeData
# after their WebUI answers (1.35-1.6 s seen with 8-22 small torrents).
RESUME_CHECK_SECONDS = 1.4
FREE_SPACE = 512 * 1024**3


@dataclass(slots=True)
class Speeds:
    """Global rates, cached per population revision."""

    revision: int
    download: int
    upload: int


class Server:
    """The state of one emulated qBittorrent and the rules all generations share.

    Settings, torrents, limits, sessions, credentials and bans; what the
    handlers of every generation read and change. See the package docstring
    for the behaviour per generation.
    """

    def __init__(
        self,
        version: str = "5.3.0",
        *,
        username: str = "admin",
        password: str = "adminadmin",  # noqa: S107 - qBittorrent's default
        torrent_count: int = 20,
        seed: int = 0,
        locale: str = "en",
        api_key: str | None = None,
        cookie_name: str | None = None,
        webui_port: int | None = None,
        save_path: str = "/downloads",
    ) -> None:
        r"""Prepare the emulated server (nothing listens until it is served).

        Args:
            version: qBittorrent version to behave like, e.g. ``"4.6.7"``.
            username: WebUI user name.
            password: WebUI password.
            torrent_count: Torrents in the scripted population.
            seed: Seed of the population, so runs are reproducible.
            locale: GUI language of 3.1.x strings (``en`` or ``ru``).
            api_key: API key accepted as ``Authorization: Bearer`` (5.2+).
            cookie_name: Session cookie name (``WebAPI\\SessionCookieName``,
                honoured on 4.6.0-5.1.x only).
            webui_port: qBittorrent's own WebUI port, used in the 5.2+ cookie
                name ``QBT_SID_<port>``; defaults to the listening port, set
                it to mimic a Docker port mapping.
            save_path: Default save path of the torrents.
        """
        self.profile = VersionProfile.of(version)
        self.version = self.profile.text
        self.username = username
        self._password = password
        self._api_key = api_key
        self.locale = locale
        self.cookie_name_setting = cookie_name
        self.webui_port = webui_port
        self.faults = Faults()
        self.population = Population(
            self.profile, count=torrent_count, seed=seed, save_path=save_path
        )
        self.view = TorrentView(self.profile)
        self.sessions: dict[str, WebSession] = {}
        self.bans = BanList()
        # (method, path) of every request received, for tests.
        self.requests: list[tuple[str, str]] = []
        self.alt_speed_enabled = False
        self.download_limit = 0
        self.upload_limit = 0
        self.alt_download_limit = DEFAULT_ALT_LIMIT
        self.alt_upload_limit = DEFAULT_ALT_LIMIT
        self.queueing_enabled = True
        self.session_data = [0, 0]
        self.alltime = [0, 0]
        self.shutdown_requested = False
        self.session_paused = False
        # Hashes announced on request, in order, for tests.
        self.reannounced: list[str] = []
        self.preferences: dict[str, Any] = {}
        # RSS: folders are dicts, feeds {"uid", "url"}; rules by name.
        self.rss_tree: dict[str, Any] = {}
        self.rss_rules: dict[str, dict[str, Any]] = {}
        # Search jobs by id; like a machine with Python but no search plugins.
        self.searches: dict[int, dict[str, Any]] = {}
        # Digest nonces handed out in stale challenges (``faults.stale_nonces``).
        self.fresh_nonces: set[str] = set()
        self._speeds = Speeds(-1, 0, 0)
        # Set by the HTTP side while it listens.
        self._port: int | None = None
        self._api_key_session = WebSession(sid="")
        self._resume_check_until: float | None = None

    @property
    def port(self) -> int | None:
        """The port the emulator listens on while serving."""
        return self._port

    # --- lifecycle, scripted by tests ----------------------------------------------

    def expire_sessions(self) -> None:
        """Forget every web session, as an idle timeout would."""
        self.sessions.clear()
        self._api_key_session = WebSession(sid="")

    def restart(
        self, *, resume_check_seconds: float | None = RESUME_CHECK_SECONDS
    ) -> None:
        """Restart qBittorrent in place: same torrents, new sessions.

        Every web session ends and the session totals start at 0. From 4.1
        on, for ``resume_check_seconds`` (``None``: until
        :meth:`finish_resume_check`) every torrent is listed as
        ``checkingResumeData``, on 5.3.0 with progress 0, as the real servers
        do while they load resume data.
        """
        self.expire_sessions()
        self.session_data = [0, 0]
        if self.profile.lists_resume_check:
            self.population.begin_resume_check(
                hide_progress=self.profile.resume_check_hides_progress
            )
        self._resume_check_until = (
            None
            if resume_check_seconds is None
            else time.monotonic() + resume_check_seconds
        )

    def finish_resume_check(self) -> None:
        """End the ``checkingResumeData`` window of :meth:`restart` now."""
        self.population.end_resume_check()
        self._resume_check_until = None

    def _follow_resume_check(self) -> None:
        until = self._resume_check_until
        if until is not None and time.monotonic() >= until:
            self.finish_resume_check()

    def churn(
        self, *, added: int = 0, removed: int = 0, completed: int = 0, changed: int = 0
    ) -> None:
        """Script activity: add, remove, complete and nudge some torrents."""
        self.population.churn(
            added=added, removed=removed, completed=completed, changed=changed
        )
        download, upload = self.speeds()
        self.session_data[0] += download
        self.session_data[1] += upload
        self.alltime[0] += download
        self.alltime[1] += upload

    # --- credentials ----------------------------------------------------------------

    def check_password(self, username: str, password: str) -> bool:
        """Whether the credentials are the configured ones."""
        return username == self.username and password == self._password

    def digest_ha1(self, realm: str) -> str:
        """MD5(username:realm:password), what 3.1.x stores and checks against."""
        material = f"{self.username}:{realm}:{self._password}".encode()
        return hashlib.md5(material, usedforsecurity=False).hexdigest()

    def check_api_key(self, key: str) -> bool:
        """Whether ``key`` is the configured API key."""
        return self._api_key is not None and key == self._api_key

    # --- derived state ----------------------------------------------------------

    def speeds(self) -> tuple[int, int]:
        """Global download and upload rate (sum over torrents)."""
        if self._speeds.revision != self.population.revision:
            torrents = self.population.torrents.values()
            self._speeds = Speeds(
                self.population.revision,
                sum(t.fields["dlspeed"] for t in torrents),
                sum(t.fields["upspeed"] for t in torrents),
            )
        return self._speeds.download, self._speeds.upload

    def effective_limits(self) -> tuple[int, int]:
        """The limits in force: the alternative ones while alt mode is on."""
        if self.alt_speed_enabled:
            return self.alt_download_limit, self.alt_upload_limit
        return self.download_limit, self.upload_limit

    def stored_global_limit(self, limit: int) -> int:
        """A global limit in B/s as qBittorrent keeps it: 32-bit, whole KiB/s.

        Up to 1 KiB/s is kept as 1 KiB/s from 4.2.0 on (before: unlimited).
        """
        limit = as_int32(limit)
        if limit <= 0:
            return 0
        if limit <= 1024 and self.profile.version >= (4, 2, 0):
            return 1024
        return limit // 1024 * 1024

    def set_global_limit(self, *, download: bool, limit: int) -> None:
        """Set a global limit; in alt mode qBittorrent changes the alt limit."""
        limit = self.stored_global_limit(limit)
        if self.alt_speed_enabled:
            if download:
                self.alt_download_limit = limit
            else:
                self.alt_upload_limit = limit
        elif download:
            self.download_limit = limit
        else:
            self.upload_limit = limit

    def transfer_info(self) -> dict[str, Any]:
        """The transfer info object of this version."""
        return transfer_info(
            self.profile,
            speeds=self.speeds(),
            session_data=(self.session_data[0], self.session_data[1]),
            limits=self.effective_limits(),
        )

    def server_state(self) -> dict[str, Any]:
        """The maindata ``server_state`` of this version."""
        return server_state(
            self.profile,
            self.transfer_info(),
            alt_speed=self.alt_speed_enabled,
            alltime=(self.alltime[0], self.alltime[1]),
            queueing=self.queueing_enabled,
            free_space=FREE_SPACE,
            session_paused=self.session_paused,
        )

    def resolve_hashes(self, hashes: str) -> list[Torrent]:
        """Torrents named by a ``a|b`` list or ``all``; unknown ones are skipped."""
        torrents = self.population.torrents
        if hashes == "all":
            return list(torrents.values())
        return [torrents[h] for h in hashes.lower().split("|") if h in torrents]

    # --- sessions -----------------------------------------------------------------

    @property
    def cookie_name(self) -> str:
        """The session cookie's name in this version and configuration."""
        if self.profile.version >= (5, 2, 0):
            return f"QBT_SID_{self.webui_port or self._port or 8080}"
        if self.profile.cookie_name_configurable and self.cookie_name_setting:
            return self.cookie_name_setting
        return "SID"

    def start_session(self) -> WebSession:
        """Create a session, evicting the least recently used past the limit."""
        session = WebSession(sid=new_sid())
        session.sync.restart_on_zero = self.profile.version < (5, 0, 0)
        self.sessions[session.sid] = session
        limit = self.profile.sessions_count_limit
        if limit is not None and len(self.sessions) > limit:
            oldest = min(self.sessions.values(), key=lambda s: s.last_seen)
            del self.sessions[oldest.sid]
        return session

    def find_session(self, sid: str | None) -> WebSession | None:
        """The live session with ``sid``, refreshing its idle timer."""
        if not sid:
            return None
        session = self.sessions.get(sid)
        if session is None:
            return None
        now = time.monotonic()
        if now - session.last_seen > self.profile.session_timeout:
            del self.sessions[sid]
            return None
        session.last_seen = now
        return session

    def end_session(self, session: WebSession) -> None:
        """Log a session out."""
        self.sessions.pop(session.sid, None)

    @property
    def api_key_session(self) -> WebSession:
        """The sync state shared by API-key requests (they have no cookie)."""
        return self._api_key_session

    # --- sync/maindata ---------------------------------------------------------

    def maindata(self, session: WebSession, rid: int) -> dict[str, Any]:  # noqa: C901 - sections of one maindata answer
        """Build a ``sync/maindata`` answer for ``session``."""
        population = self.population
        profile = self.profile
        base = session.sync.base_for(rid)
        categories = population_categories(profile, population)
        tags = frozenset(population.tags)
        state = self.server_state()
        snapshot = Snapshot(population.revision, state, categories, tags)
        new_rid = session.sync.record(snapshot)
        if base is None:
            return self._full_maindata(new_rid, state, categories, tags)
        result: dict[str, Any] = {"rid": new_rid}
        torrents: dict[str, Any] = {}
        for torrent_hash, changed in population.changed_since(base.revision).items():
            torrent = population.torrents[torrent_hash]
            if changed is None:
                torrents[torrent_hash] = self.view.full(torrent, with_hash=False)
            elif partial := self.view.partial(torrent, changed):
                torrents[torrent_hash] = partial
        if torrents:
            result["torrents"] = torrents
        if removed := population.removed_since(base.revision):
            result["torrents_removed"] = removed
        self._category_diff(result, base, categories)
        if profile.has_tags:
            if added_tags := sorted(tags - base.tags):
                result["tags"] = added_tags
            if removed_tags := sorted(base.tags - tags):
                result["tags_removed"] = removed_tags
        if changed_state := {
            k: v for k, v in state.items() if base.server_state.get(k) != v
        }:
            result["server_state"] = changed_state
        return dict(sorted(result.items()))

    def _category_key(self) -> str:
        return "labels" if self.profile.label_naming else "categories"

    def _category_diff(
        self, result: dict[str, Any], base: Snapshot, categories: dict[str, Any]
    ) -> None:
        key = self._category_key()
        if self.profile.categories_as_object:
            if changed := {
                n: c for n, c in categories.items() if base.categories.get(n) != c
            }:
                result[key] = changed
        elif added := [n for n in categories if n not in base.categories]:
            result[key] = added
        if removed := [n for n in base.categories if n not in categories]:
            result[f"{key}_removed"] = removed

    def _full_maindata(
        self,
        rid: int,
        state: dict[str, Any],
        categories: dict[str, Any],
        tags: frozenset[str],
    ) -> dict[str, Any]:
        profile = self.profile
        torrents = {
            h: self.view.full(t, with_hash=False)
            for h, t in self.population.torrents.items()
        }
        category_value: Any = (
            categories if profile.categories_as_object else list(categories)
        )
        result: dict[str, Any] = {
            "full_update": True,
            "rid": rid,
            "server_state": state,
            "torrents": torrents,
            self._category_key(): category_value,
        }
        if profile.has_tags:
            result["tags"] = sorted(tags)
        if profile.generation is Generation.MODERN and profile.version >= (4, 3, 0):
            trackers: dict[str, list[str]] = {}
            for torrent_hash, torrent in self.population.torrents.items():
                if url := torrent.fields["tracker"]:
                    trackers.setdefault(url, []).append(torrent_hash)
            result["trackers"] = trackers
        if profile.version >= (5, 0, 0):
            # 5.x leaves empty collections out of a full update.
            result = {
                k: v for k, v in result.items() if v or k in {"rid", "full_update"}
            }
        return dict(sorted(result.items()))

    # --- shared request checks --------------------------------------------------

    def client_ip(self, request: web.Request) -> str:
        """The peer address (what qBittorrent bans)."""
        return request.remote or "unknown"

    def origin_rejected(self, request: web.Request) -> bool:
        """QBittorrent's CSRF and Host-header checks (401 without challenge)."""
        profile = self.profile
        faults = self.faults
        origin = request.headers.get("Origin") or request.headers.get("Referer")
        require = (
            faults.require_referer
            if faults.require_referer is not None
            else profile.requires_referer
        )
        if require and origin is None and request.path not in {"/", "/favicon.ico"}:
            return True
        check = faults.check_host if faults.check_host is not None else None
        host = request.headers.get("Host", "")
        target = URL(f"http://{host}") if host else None
        if origin is not None and (
            check if check is not None else profile.validates_origin
        ):
            try:
                source = URL(origin)
            except ValueError:
                return True
            if target is None or (source.host, source.explicit_port) != (
                target.host,
                target.explicit_port,
            ):
                return True
        if check if check is not None else profile.validates_host:
            if target is None:
                return True
            port = target.explicit_port
            if port is not None and port != self._port:
                return True
        return False
