"""A ban of the client's IP address is waited out, then left by itself.

Real 4.2.5, 4.5.2, 5.1.0 and 5.3.0 refuse only the logins of a banned IP (403 with
a text); a live session keeps working, a request without one gets the plain
403 of an expired session, logins during the ban do not extend it, and no
header says when it ends. The length is ``web_ui_ban_duration`` in the
preferences, readable while logged in. So the client reads it at detection,
sends nothing while banned and logs in again once the ban has lifted; a ban
of unknown length is probed with one login after doubling waits.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import pytest

from qbittorrent_tooling.forwarder import Forwarder
from qbittorrent_tooling.pytest_plugin import REAL_VERSIONS
from qbittorrent_tooling.traffic import (
    PASSWORD,
    USERNAME,
    fail_logins,
    logins,
    new_session,
)
from qbittorrent_webui_client import QBittorrentBannedError, _auth

if TYPE_CHECKING:
    from qbittorrent_tooling.pytest_plugin import (
        ClientFactory,
        EmulatorStarter,
        ProcessFactory,
    )

BAN_SECONDS = 6
SESSION_SECONDS = 2


async def wait_out(error: QBittorrentBannedError) -> None:
    assert error.retry_after is not None
    await asyncio.sleep(error.retry_after + 0.2)


@pytest.mark.real_server
@pytest.mark.parametrize("version", REAL_VERSIONS)
async def test_real_ban_mid_run_is_waited_out(
    version: str,
    qbittorrent_process_factory: ProcessFactory,
    client_factory: ClientFactory,
) -> None:
    server = await qbittorrent_process_factory(
        version,
        extra_config={
            "Preferences": {
                "WebUI\\MaxAuthenticationFailCount": "2",
                "WebUI\\BanDuration": str(BAN_SECONDS),
                "WebUI\\SessionTimeout": str(SESSION_SECONDS),
                # The forwarder changes the port.
                "WebUI\\HostHeaderValidation": "false",
            }
        },
    )
    forwarder = Forwarder(server.port)
    async with forwarder.serve() as url:
        client = client_factory(url)
        await client.sync()
        await fail_logins(server.url, 2)
        # Our session times out; the next call must log in, while banned.
        await asyncio.sleep(SESSION_SECONDS + 1)

        with pytest.raises(QBittorrentBannedError) as banned:
            await client.sync()
        assert banned.value.ban_duration == BAN_SECONDS
        sent = len(forwarder.requests)
        for _ in range(3):
            with pytest.raises(QBittorrentBannedError):
                await client.get_transfer_info()
        assert len(forwarder.requests) == sent

        await wait_out(banned.value)
        await client.sync()
        assert logins(forwarder.requests[sent:]) == 1
        assert client.ban is None


async def test_emulated_ban_mid_run_is_waited_out(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    """The emulator agrees: the known length, nothing sent, one login after."""
    emulator, url = await emulator_factory("5.3.0")
    emulator.faults.ban_after = 2
    emulator.faults.ban_seconds = 1
    client = client_factory(url)
    await client.sync()
    await fail_logins(url, 2)
    emulator.expire_sessions()

    with pytest.raises(QBittorrentBannedError) as banned:
        await client.sync()
    assert banned.value.ban_duration == 1
    sent = len(emulator.requests)
    with pytest.raises(QBittorrentBannedError):
        await client.pause_all()
    assert len(emulator.requests) == sent

    await wait_out(banned.value)
    await client.sync()
    assert logins(emulator.requests[sent:]) == 1


async def test_ban_of_unknown_length_backs_off(
    monkeypatch: pytest.MonkeyPatch,
    emulator_factory: EmulatorStarter,
    client_factory: ClientFactory,
) -> None:
    """Banned before any login told the length: one login per doubling wait."""
    monkeypatch.setattr(_auth, "BAN_FIRST_WAIT", 0.3)
    emulator, url = await emulator_factory("4.6.7")
    emulator.faults.ban_after = 2
    await fail_logins(url, 2)
    client = client_factory(url)

    with pytest.raises(QBittorrentBannedError) as first:
        await client.detect()
    assert first.value.ban_duration is None
    assert logins(emulator.requests) == 3  # two wrong ones, then ours
    sent = len(emulator.requests)
    with pytest.raises(QBittorrentBannedError):
        await client.sync()
    assert len(emulator.requests) == sent

    await wait_out(first.value)
    with pytest.raises(QBittorrentBannedError) as second:
        await client.sync()
    assert logins(emulator.requests[sent:]) == 1
    assert client.ban is not None
    assert client.ban.wait == 0.6

    emulator.bans.banned_until.clear()
    await wait_out(second.value)
    assert (await client.sync()).baseline
    assert client.ban is None


async def test_new_client_inherits_the_ban(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    """A client built for a setup retry does not log in during its predecessor's ban."""
    emulator, url = await emulator_factory("5.3.0")
    emulator.faults.ban_after = 2
    await fail_logins(url, 2)
    first = client_factory(url)
    with pytest.raises(QBittorrentBannedError):
        await first.detect()
    assert first.ban is not None
    sent = len(emulator.requests)

    second = client_factory(url)
    second.restore_ban(first.ban)
    with pytest.raises(QBittorrentBannedError):
        await second.detect()

    assert len(emulator.requests) == sent


async def test_live_session_survives_a_ban_of_its_address(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    """As on the real servers: the ban refuses logins, not sessions."""
    emulator, url = await emulator_factory("5.3.0")
    emulator.faults.ban_after = 2
    client = client_factory(url)
    await client.sync()
    await fail_logins(url, 2)

    await client.sync()

    assert client.ban is None


@pytest.mark.real_server
@pytest.mark.parametrize("kind", ["emulator", "real"])
@pytest.mark.parametrize("version", REAL_VERSIONS)
async def test_what_a_banned_address_gets(
    kind: str,
    version: str,
    qbittorrent_process_factory: ProcessFactory,
    emulator_factory: EmulatorStarter,
) -> None:
    """Contract: only logins are refused, and logins do not extend the ban."""
    if kind == "real":
        server = await qbittorrent_process_factory(
            version,
            extra_config={
                "Preferences": {
                    "WebUI\\MaxAuthenticationFailCount": "2",
                    "WebUI\\BanDuration": "2",
                }
            },
        )
        url = server.url
    else:
        emulator, url = await emulator_factory(version)
        emulator.faults.ban_after = 2
        emulator.faults.ban_seconds = 2
    async with new_session() as logged_in, new_session() as other:
        login = {"username": USERNAME, "password": PASSWORD}
        async with logged_in.post(f"{url}/api/v2/auth/login", data=login) as r:
            assert r.status in {200, 204}
        async with logged_in.get(f"{url}/api/v2/app/preferences") as r:
            assert (await r.json())["web_ui_ban_duration"] == 2
        await fail_logins(url, 2)

        answers = []
        for method, path, session in [
            ("GET", "/api/v2/app/version", logged_in),
            ("GET", "/api/v2/sync/maindata", other),
            ("POST", "/api/v2/auth/login", other),
        ]:
            body = login if method == "POST" else None
            async with session.request(method, url + path, data=body) as r:
                answers.append((r.status, (await r.text()).strip()))
                assert "Retry-After" not in r.headers
        # Logins while banned (every 0.2 s) do not extend the ban.
        attempts = 0
        while True:
            attempts += 1
            async with other.post(f"{url}/api/v2/auth/login", data=login) as r:
                if r.status != 403:
                    break
            assert attempts < 30  # 6 s: three times the ban
            await asyncio.sleep(0.2)

    assert answers[0][0] == 200
    # An error without a message of its own has an empty body before 4.3.
    assert answers[1] == (403, "Forbidden" if version >= "4.3" else "")
    assert answers[2] == (
        403,
        "Your IP address has been banned after too many failed authentication attempts.",
    )
