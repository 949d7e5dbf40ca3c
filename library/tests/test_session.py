"""The client's HTTP session: its own when none is given, the caller's otherwise."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING
import warnings

import pytest

from qbittorrent_tooling.traffic import PASSWORD, USERNAME, logins, new_session
from qbittorrent_webui_client import QBittorrentClient

if TYPE_CHECKING:
    from qbittorrent_tooling.pytest_plugin import EmulatorStarter


# 3.2.0 cannot read quoted cookies; the emulator's URL is an IP address, whose
# cookies the default jar drops: a session the client creates must keep both.
@pytest.mark.parametrize("version", ["3.1.12", "3.2.0", "4.6.7", "5.3.0"])
async def test_client_creates_its_own_session_and_closes_it(
    version: str, emulator_factory: EmulatorStarter
) -> None:
    emulator, url = await emulator_factory(version)

    async with QBittorrentClient(url, username=USERNAME, password=PASSWORD) as client:
        await client.sync()
        await client.sync()
        session = client._own_session
        assert session is not None
        assert not session.closed

    assert session.closed
    assert logins(emulator.requests) <= 1


async def test_close_closes_the_clients_own_session(
    emulator_factory: EmulatorStarter,
) -> None:
    _, url = await emulator_factory("5.3.0")
    client = QBittorrentClient(url, username=USERNAME, password=PASSWORD)
    await client.detect()
    session = client._own_session
    assert session is not None

    await client.close()

    assert session.closed


async def test_an_injected_session_is_never_closed(
    emulator_factory: EmulatorStarter,
) -> None:
    _, url = await emulator_factory("5.3.0")
    session = new_session()
    try:
        async with QBittorrentClient(
            url, session, username=USERNAME, password=PASSWORD
        ) as client:
            await client.sync()
            assert client._own_session is None
        await client.close()

        assert not session.closed
        async with QBittorrentClient(
            url, session, username=USERNAME, password=PASSWORD
        ) as again:
            await again.sync()
    finally:
        await session.close()


async def test_a_bad_url_leaves_no_session_open() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ValueError, match="Invalid qBittorrent URL"):
            QBittorrentClient("ftp://example.invalid")
        gc.collect()

    assert not [w for w in caught if "Unclosed" in str(w.message)]
