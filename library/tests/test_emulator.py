"""Emulator behaviour for the legacy generations, big populations and faults."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import aiohttp
import pytest

from qbittorrent_tooling.emulator import QBittorrentEmulator

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from freezegun.api import FrozenDateTimeFactory

REALM = "Web UI Access"


def digest_header(method: str, uri: str, password: str = "adminadmin") -> str:  # noqa: S107
    """An RFC 2069 digest with a self-made nonce (3.1.x does not track nonces)."""
    ha1 = hashlib.md5(
        f"admin:{REALM}:{password}".encode(), usedforsecurity=False
    ).hexdigest()
    ha2 = hashlib.md5(f"{method}:{uri}".encode(), usedforsecurity=False).hexdigest()
    nonce = "abc123"
    response = hashlib.md5(
        f"{ha1}:{nonce}:{ha2}".encode(), usedforsecurity=False
    ).hexdigest()
    return (
        f'Digest username="admin", realm="{REALM}", nonce="{nonce}", '
        f'uri="{uri}", response="{response}"'
    )


@pytest.fixture
async def served(
    request: pytest.FixtureRequest, socket_enabled: None
) -> AsyncIterator[tuple[QBittorrentEmulator, str]]:
    version, locale = request.param
    emulator = QBittorrentEmulator(version, torrent_count=10, seed=3, locale=locale)
    async with emulator.serve() as url:
        yield emulator, url


@pytest.mark.parametrize("served", [("3.1.12", "en")], indirect=True)
async def test_digest_generation(
    served: tuple[QBittorrentEmulator, str], http: aiohttp.ClientSession
) -> None:
    emulator, url = served
    async with http.get(f"{url}/json/torrents") as response:
        assert response.status == 401
        challenge = response.headers["WWW-Authenticate"]
        assert challenge.startswith('Digest realm="Web UI Access", nonce="')
        assert 'stale="false", algorithm="MD5", qop="auth"' in challenge
    headers = {"Authorization": digest_header("GET", "/json/torrents")}
    async with http.get(f"{url}/json/torrents", headers=headers) as response:
        assert response.status == 200
        assert response.content_type == "text/javascript"
        assert response.headers.get("Connection", "").lower() == "close"
        rows = await response.json(content_type=None)
    assert {row["hash"] for row in rows} == set(emulator.torrents)
    assert all(
        row["size"].split(" ")[1] in {"B", "KiB", "MiB", "GiB", "TiB"} for row in rows
    )
    # aiohttp's own digest middleware (qop=auth) works too.
    middleware = aiohttp.DigestAuthMiddleware("admin", "adminadmin")
    async with http.get(f"{url}/about.html", middlewares=(middleware,)) as response:
        assert "qBittorrent v3.1.12 (Web UI)" in await response.text()
    async with http.post(
        f"{url}/command/pauseAll",
        headers={"Authorization": digest_header("POST", "/x")},
    ) as response:
        assert response.status == 200  # wrong case: silent no-op
    async with http.post(
        f"{url}/command/pauseall",
        headers={"Authorization": digest_header("POST", "/x")},
    ) as response:
        assert response.status == 200
    assert all(
        t["state"] in {"pausedUP", "pausedDL"} for t in emulator.torrents.values()
    )
    async with http.get(
        f"{url}/api/v2/app/version",
        headers={"Authorization": digest_header("GET", "/")},
    ) as response:
        assert response.status == 404


@pytest.mark.parametrize("served", [("3.1.12", "ru")], indirect=True)
async def test_digest_russian_strings_and_ban(
    served: tuple[QBittorrentEmulator, str], http: aiohttp.ClientSession
) -> None:
    _emulator, url = served
    headers = {"Authorization": digest_header("GET", "/json/transferInfo")}
    async with http.get(f"{url}/json/transferInfo", headers=headers) as response:
        info = await response.json(content_type=None)
    assert info["dl_info"].startswith("Приём: ")
    assert "/с/с - Передано: " in info["dl_info"]  # noqa: RUF001 - Russian
    async with http.get(
        f"{url}/json/torrents",
        headers={"Authorization": digest_header("GET", "/json/torrents")},
    ) as response:
        rows = await response.json(content_type=None)
    assert all(
        row["size"].split(" ")[1] in {"Б", "КиБ", "МиБ", "ГиБ", "ТиБ"} for row in rows
    )
    bad = {"Authorization": digest_header("GET", "/", password="wrong")}
    for _ in range(5):
        async with http.get(f"{url}/json/torrents", headers=bad) as response:
            assert response.status == 401
    async with http.get(f"{url}/json/torrents", headers=headers) as response:
        assert response.status == 403
        assert "banned" in await response.text()


@pytest.mark.parametrize(
    "served", [("3.2.0", "en"), ("3.3.16", "en"), ("4.0.4", "en")], indirect=True
)
async def test_legacy_cookie_generation(
    served: tuple[QBittorrentEmulator, str], http: aiohttp.ClientSession
) -> None:
    emulator, url = served
    async with http.get(f"{url}/version/api") as response:
        api = int(await response.text())
    assert api == emulator.profile.legacy_api
    async with http.get(f"{url}/api/v2/app/webapiVersion") as response:
        assert response.status == 404
    async with http.get(f"{url}/query/torrents") as response:
        assert response.status == 403
    async with http.post(
        f"{url}/login", data={"username": "admin", "password": "x"}
    ) as response:
        assert (response.status, await response.text()) == (200, "Fails.")
    async with http.post(
        f"{url}/login", data={"username": "admin", "password": "adminadmin"}
    ) as response:
        assert (response.status, await response.text()) == (200, "Ok.")
        assert response.cookies["SID"]["httponly"]
    async with http.get(f"{url}/sync/maindata", params={"rid": 0}) as response:
        full = await response.json(content_type=None)
        assert response.headers.get("Connection", "").lower() == "close"
    assert full["full_update"] is True
    assert set(full["torrents"]) == set(emulator.torrents)
    category_key = "labels" if api < 10 else "categories"
    assert isinstance(full[category_key], list)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    async with http.post(f"{url}/command/pauseAll") as response:
        # aiohttp's empty POST is application/octet-stream: 3.2.0-3.3.3 answer 400.
        assert response.status == (400 if emulator.profile.version < (3, 3, 4) else 200)
    async with http.post(f"{url}/command/pauseall", headers=form) as response:
        assert response.status == 404  # lower-case is a 3.1 name
    async with http.post(f"{url}/command/pauseAll", data={"extra": "1"}) as response:
        assert response.status == 400  # exact parameter set
    async with http.post(
        f"{url}/command/pauseAll",
        data={},
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    ) as response:
        assert response.status == 200
    async with http.post(
        f"{url}/command/toggleAlternativeSpeedLimits",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    ) as response:
        assert response.status == 200
    async with http.post(
        f"{url}/command/alternativeSpeedLimitsEnabled",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    ) as response:
        assert await response.text() == "1"
    async with http.get(
        f"{url}/sync/maindata", params={"rid": full["rid"]}
    ) as response:
        diff = await response.json(content_type=None)
    assert diff["server_state"]["use_alt_speed_limits"] is True
    assert all(
        set(t)
        == {
            "state",
            "dlspeed",
            "upspeed",
            "num_seeds",
            "num_leechs",
            "eta",
            "force_start",
        }
        & set(t)
        for t in diff.get("torrents", {}).values()
    )


@pytest.mark.parametrize("served", [("3.2.0", "en")], indirect=True)
async def test_quoted_cookie_not_seen_by_3_2(
    served: tuple[QBittorrentEmulator, str], socket_enabled: None
) -> None:
    _emulator, url = served
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as http:
        async with http.post(
            f"{url}/login", data={"username": "admin", "password": "adminadmin"}
        ) as response:
            sid = response.cookies["SID"].value
        async with http.get(
            f"{url}/query/transferInfo", headers={"Cookie": f'SID="{sid}"'}
        ) as response:
            assert response.status == 403
        async with http.get(
            f"{url}/query/transferInfo", headers={"Cookie": f"SID={sid}"}
        ) as response:
            assert response.status == 200
            assert response.content_type == "text/javascript"


async def test_50000_torrents_diff_only_changed(
    socket_enabled: None, http: aiohttp.ClientSession
) -> None:
    emulator = QBittorrentEmulator("5.3.0", torrent_count=50_000, seed=1)
    assert len(emulator.torrents) == 50_000
    assert all(len(h) == 40 for h in emulator.torrents)
    async with emulator.serve() as url:
        await http.post(
            f"{url}/api/v2/auth/login",
            data={"username": "admin", "password": "adminadmin"},
        )
        async with http.get(f"{url}/api/v2/sync/maindata") as response:
            full = await response.json()
        assert len(full["torrents"]) == 50_000
        before = set(emulator.torrents)
        emulator.churn(added=2, removed=1, completed=1, changed=10)
        added = set(emulator.torrents) - before
        removed = before - set(emulator.torrents)
        async with http.get(
            f"{url}/api/v2/sync/maindata", params={"rid": full["rid"]}
        ) as response:
            diff = await response.json()
    assert added <= set(diff["torrents"])
    assert len(diff["torrents"]) <= 2 + 1 + 10
    assert (
        diff["torrents_removed"] == sorted(removed)
        or set(diff["torrents_removed"]) == removed
    )
    for torrent_hash, fields in diff["torrents"].items():
        if torrent_hash not in added:
            assert len(fields) < len(full["torrents"][next(iter(full["torrents"]))])


async def test_deterministic_population() -> None:
    first = QBittorrentEmulator("4.6.7", torrent_count=50, seed=7)
    second = QBittorrentEmulator("4.6.7", torrent_count=50, seed=7)
    assert list(first.torrents) == list(second.torrents)
    states = {t["state"] for t in first.torrents.values()}
    assert "pausedUP" in states or "pausedDL" in states
    assert not states & {"stoppedUP", "stoppedDL"}


async def test_faults(socket_enabled: None, http: aiohttp.ClientSession) -> None:
    emulator = QBittorrentEmulator("5.3.0", torrent_count=3)
    async with emulator.serve() as url:
        await http.post(
            f"{url}/api/v2/auth/login",
            data={"username": "admin", "password": "adminadmin"},
        )
        emulator.faults.server_errors = 2
        for _ in range(2):
            async with http.get(f"{url}/api/v2/transfer/info") as response:
                assert response.status == 500
        emulator.faults.truncated_json = True
        async with http.get(f"{url}/api/v2/transfer/info") as response:
            with pytest.raises(ValueError):
                await response.json()
        emulator.faults.truncated_json = False
        emulator.faults.malformed_json = True
        async with http.get(f"{url}/api/v2/transfer/info") as response:
            with pytest.raises(ValueError):
                __import__("json").loads(await response.text())
        emulator.faults.malformed_json = False
        emulator.faults.down = True
        with pytest.raises(aiohttp.ClientError):
            async with http.get(f"{url}/api/v2/transfer/info") as response:
                await response.read()
        emulator.faults.down = False
        emulator.expire_sessions()
        async with http.get(f"{url}/api/v2/transfer/info") as response:
            assert response.status == 403
        await http.post(
            f"{url}/api/v2/auth/login",
            data={"username": "admin", "password": "adminadmin"},
        )
        async with http.get(
            f"{url}/api/v2/transfer/info", headers={"Referer": "http://evil.example:1/"}
        ) as response:
            assert response.status == 401
            assert "WWW-Authenticate" not in response.headers
        async with http.get(f"{url}/api/v2/transfer/info") as response:
            assert response.status == 200
    assert ("GET", "/api/v2/transfer/info") in emulator.requests


async def test_chunked_json_fault(
    socket_enabled: None, http: aiohttp.ClientSession
) -> None:
    emulator = QBittorrentEmulator("5.3.0", torrent_count=300)
    async with emulator.serve() as url:
        await http.post(
            f"{url}/api/v2/auth/login",
            data={"username": "admin", "password": "adminadmin"},
        )
        async with http.get(f"{url}/api/v2/torrents/info") as response:
            assert response.content_length is not None
            expected = await response.json()
        emulator.faults.chunked_json = True
        async with http.get(f"{url}/api/v2/torrents/info") as response:
            assert response.status == 200
            assert "Content-Length" not in response.headers
            assert response.headers["Transfer-Encoding"] == "chunked"
            assert await response.json() == expected
        # Only JSON is chunked: plain text answers keep their length.
        async with http.get(f"{url}/api/v2/app/version") as response:
            assert response.content_length is not None


async def test_session_idles_by_the_frozen_clock(
    freezer: FrozenDateTimeFactory, http: aiohttp.ClientSession
) -> None:
    # 4.6.7: a 3600 s idle timeout and a cookie without expiry, so only the
    # server decides when the session ends.
    emulator = QBittorrentEmulator("4.6.7", torrent_count=0)
    async with emulator.serve() as url:
        async with http.post(
            f"{url}/api/v2/auth/login",
            data={"username": "admin", "password": "adminadmin"},
        ) as response:
            assert await response.text() == "Ok."
        for _ in range(2):  # each request restarts the idle timer
            freezer.tick(3599)
            async with http.get(f"{url}/api/v2/app/version") as response:
                assert response.status == 200
        freezer.tick(3601)
        async with http.get(f"{url}/api/v2/app/version") as response:
            assert response.status == 403
