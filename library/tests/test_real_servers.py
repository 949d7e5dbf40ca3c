"""The real-server fixtures give working, password-protected qBittorrent servers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import ClientSession, CookieJar

if TYPE_CHECKING:
    from qbittorrent_tooling.pytest_plugin import ProcessFactory
    from qbittorrent_tooling.real_servers import QBittorrentProcess


async def test_version_reachable_after_login(
    real_qbittorrent: QBittorrentProcess,
) -> None:
    """Each server reports its own version once logged in, and only then."""
    async with ClientSession(cookie_jar=CookieJar(unsafe=True)) as session:
        async with session.get(
            f"{real_qbittorrent.url}/api/v2/app/version"
        ) as response:
            assert response.status == 403
        async with session.post(
            f"{real_qbittorrent.url}/api/v2/auth/login",
            data={"username": "admin", "password": "adminadmin"},
        ) as response:
            assert response.status in (200, 204)
        async with session.get(
            f"{real_qbittorrent.url}/api/v2/app/version"
        ) as response:
            assert response.status == 200
            assert await response.text() == f"v{real_qbittorrent.version}"


async def test_wrong_password_is_refused(real_qbittorrent: QBittorrentProcess) -> None:
    """Loopback gets no authentication bypass: a wrong password fails."""
    async with ClientSession(cookie_jar=CookieJar(unsafe=True)) as session:
        async with session.post(
            f"{real_qbittorrent.url}/api/v2/auth/login",
            data={"username": "admin", "password": "wrong"},
        ) as response:
            body = await response.text()
            assert (response.status, body) in ((200, "Fails."), (401, "Unauthorized"))
        async with session.get(
            f"{real_qbittorrent.url}/api/v2/app/version"
        ) as response:
            assert response.status == 403


async def test_restart_keeps_port_and_credentials(
    qbittorrent_process_factory: ProcessFactory,
) -> None:
    """A restarted server answers on the same URL with the same password."""
    server = await qbittorrent_process_factory("5.3.0", password="another-secret")
    url = server.url
    await server.async_restart()
    assert server.url == url
    async with (
        ClientSession(cookie_jar=CookieJar(unsafe=True)) as session,
        session.post(
            f"{url}/api/v2/auth/login",
            data={"username": "admin", "password": "another-secret"},
        ) as response,
    ):
        assert response.status == 204
