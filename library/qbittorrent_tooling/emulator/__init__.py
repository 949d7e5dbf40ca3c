"""A faithful qBittorrent WebUI emulator for every API generation.

No Home Assistant imports: tests, benchmarks and ``scripts/develop`` use it.

Usage::

    from qbittorrent_tooling.emulator import QBittorrentEmulator

    emulator = QBittorrentEmulator(
        version="5.3.0", username="admin", password="adminadmin",
        torrent_count=100, seed=0, locale="en",
    )
    async with emulator.serve(host="127.0.0.1", port=0) as url:
        ...  # url == "http://127.0.0.1:<port>"
        emulator.faults.down = True          # drop connections unanswered
        emulator.faults.delay = 2.0          # seconds before each answer
        emulator.faults.server_errors = 3    # next 3 requests -> 500
        emulator.faults.malformed_json = True
        emulator.faults.truncated_json = True
        emulator.faults.chunked_json = True  # no Content-Length
        emulator.faults.check_host = True    # None = as the version does
        emulator.faults.require_referer = True
        emulator.faults.ban_after = 5        # failed logins before a ban
        emulator.faults.ban_seconds = 3600
        emulator.faults.stale_nonces = True  # 3.1.x: earlier nonces expire
        emulator.expire_sessions()
        emulator.restart()                   # sessions end; checkingResumeData
        emulator.restart(resume_check_seconds=None)  # ... until:
        emulator.finish_resume_check()
        emulator.churn(added=2, removed=1, completed=1, changed=10)
        emulator.torrents            # hash -> fields, for assertions
        emulator.alt_speed_enabled   # and download_limit, upload_limit, ...
        emulator.categories, emulator.tags
        emulator.requests            # [(method, path), ...]
        emulator.cookie_name         # "SID", a configured name, "QBT_SID_<port>"

``make_app()`` returns the aiohttp application for aiohttp's test client.
``python -m qbittorrent_tooling.emulator --version 4.6.7 --port 8080 --torrents 100``
serves one from the command line and prints its URL.

Modules, bottom to top: ``versions`` (the per-version switches), ``state``,
``torrents``, ``views``, ``translations`` and ``addition`` (data and its wire
shapes), ``server`` (the state and rules every generation shares), one module
per generation (``digest``, ``legacy``, ``modern``) that reads and changes a
``Server``, and ``emulator``, which serves a ``Server`` over HTTP and routes
each request to its generation's module. None imports a module above it. A
new generation is a new module beside those three, its ``Generation`` in
``versions`` and one branch in ``QBittorrentEmulator._generation_handler``.

Generations (see ``versions.py`` for the per-version switches):

* 3.1.x: HTTP Digest on every request (realm ``Web UI Access``, MD5,
  RFC 2069 or qop=auth, nonce not checked), ``/json/*`` with translated
  strings (``en``, ``ru``), ``/command/*`` with 3.1 names (unknown -> 200
  no-op), ``/about.html``; 5 bad digests ban the IP for every request.
* 3.2.0-4.0.4: ``POST /login`` -> ``Ok.``/``Fails.`` and a ``SID`` cookie
  (raw cookie parsing before 3.3.13, so a quoted value is not seen),
  ``/version/*``, ``/query/*``, ``/sync/maindata``, camelCase ``/command/*``
  with the API level each appeared in and an exact parameter check (400),
  CSRF/Host checks from 3.3.13, bans on every request, socket closed after
  each response, ``/api/v2/*`` -> 404.
* 4.1+: ``/api/v2``; see ``modern.py`` for endpoints and the versions that
  have them.

What the real servers (4.2.5, 4.5.2, 5.1.0, 5.3.0, checked by
``library/tests/test_emulator_against_real_servers.py``) did that the documents
did not say:

* 4.2.5 accepts GET on every action; errors without a message of their own
  (403, 404, 400, 401) have an empty body before 4.3.0; an unlimited
  per-torrent limit reads -1 before 4.5.0; a duplicate add answers ``Ok.``
  (trackers merged) before 4.5.0; no ``trackers_count`` before 4.3.0.

* 5.3.0 reports webapiVersion ``2.16.2``.
* ``sync/maindata?rid=0`` on 4.5.2 restarts the numbering (answer rid 1);
  5.1.0 and 5.3.0 keep counting (answer rid 3 after rids 1 and 2).
* 5.2+/5.3.0 actions still answer 200 with an empty body (toggle, stop,
  createCategory, setDownloadLimit, delete, logout), not 204; only login
  answers 204.
* 5.3.0 add: 200 JSON ``{"added_torrent_ids", "failure_count",
  "pending_count", "success_count"}`` for a magnet; a duplicate gives
  409 ``Conflict`` (text); 4.5.2 answers a duplicate with 200 ``Fails.``.
  A file that is not a torrent gets 415 ``Error: '<name>' is not a valid
  torrent file.`` on both.
* 5.3.0: an unknown action in a known scope -> 404 ``Endpoint does not
  exist``, but a path that is not ``/api/v2/<scope>/<action>`` -> 404
  ``Not Found``; missing parameters -> 400 ``Missing required parameters:
  deleteFiles`` (4.5.2 and 5.1.0: ``Bad Request``; 404 body ``Not Found``).
* Not logged in -> 403 body ``Forbidden`` on 4.5.2 too.
* The ban starts once the failure count reaches ``MaxAuthenticationFailCount``
  (the N-th failure still answers Fails./401; the next login, even with the
  right password, gets 403 and the ban text).
* Cookie attributes: 4.5.2 ``SID=..; HttpOnly; path=/; SameSite=Strict``;
  5.1.0 ``SID=..; HttpOnly; SameSite=Strict; path=/``; 5.3.0
  ``QBT_SID_<port>=..; HttpOnly; SameSite=Lax; expires=..; path=/``.
* 5.x full ``sync/maindata`` leaves out empty ``torrents``/``categories``/
  ``tags``/``trackers``; 4.5.2 sends them empty. Torrents in maindata have
  no ``hash`` key; ``completion_on``/``seen_complete`` are 0 for "never" on
  4.5.2 and -1 on 5.x; 5.3.0 categories carry share-limit fields.
* Per-torrent limits are kept to the byte (``torrents/downloadLimit`` reads
  back 123456 after setting 123456), unlike the KiB/s global limits;
  ``hashes=all`` answers ``{"all": -1}``.
* ``app/preferences`` gives ``dl_limit``, ``up_limit``, ``alt_dl_limit`` and
  ``alt_up_limit`` in B/s (not KiB/s as the wiki says), as ``transfer/info``
  does; default alternative limits are 10240 B/s. Toggling alt mode changes
  ``dl_rate_limit``/``up_rate_limit`` in ``server_state``; ``setDownloadLimit``
  in alt mode changes ``alt_dl_limit``.
* Global limits (set either way) are kept in whole KiB/s: 1 to 1024 B/s
  become 1024, above that rounded down. Every limit is a 32-bit int of B/s
  that wraps without an error: 2**31 becomes unlimited, 2**32 + 1024 becomes
  1024, 10,240,000,000 becomes 1,650,065,408. A per-torrent limit of
  2**31 - 1 is unlimited; ``torrents/add`` ignores a ``dlLimit`` beyond
  32 bits.
* For about 1.4 s after a restart's WebUI answers, every torrent (stopped
  ones too) is ``checkingResumeData``; 5.3.0 shows progress 0,
  ``amount_left`` = size and ``completed`` 0 meanwhile, with
  ``completion_on`` kept; 4.5.2 and 5.1.0 keep progress 1 / amount_left 0.
* ``setSpeedLimitsMode`` with a non-integer mode -> 400
  ``'mode': invalid argument``.
"""

from .emulator import QBittorrentEmulator
from .state import Faults
from .versions import SUPPORTED_VERSIONS, Generation, VersionProfile

__all__ = [
    "SUPPORTED_VERSIONS",
    "Faults",
    "Generation",
    "QBittorrentEmulator",
    "VersionProfile",
]
