"""A burst of actions just after qBittorrent forgot Home Assistant's session.

Through Home Assistant: 100 concurrent actions after the session expired
(emulator) or qBittorrent restarted (real 5.3.0 behind a TCP forwarder, as
behind a Docker port mapping). One login, every action succeeds, no reauth.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from homeassistant.const import CONF_URL
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.qbittorrent_webui.const import DOMAIN
from qbittorrent_tooling.forwarder import Forwarder
from qbittorrent_tooling.traffic import NO_HOST_CHECK, logins

from .conftest import ENTRY_DATA, setup_entry

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

    from qbittorrent_tooling.emulator import QBittorrentEmulator
    from qbittorrent_tooling.pytest_plugin import ProcessFactory

CONCURRENT_CALLS = 100


async def _burst(hass: HomeAssistant, entry: MockConfigEntry) -> list[object]:
    services = ["pause_torrents", "resume_torrents"]
    return await asyncio.gather(
        *(
            hass.services.async_call(
                DOMAIN,
                services[index % len(services)],
                {"config_entry_id": entry.entry_id, "all_torrents": True},
                blocking=True,
            )
            for index in range(CONCURRENT_CALLS)
        ),
        return_exceptions=True,
    )


def _entry(url: str) -> MockConfigEntry:
    return MockConfigEntry(
        domain=DOMAIN, unique_id=url, data=ENTRY_DATA | {CONF_URL: url}
    )


@pytest.mark.parametrize("emulator_version", ["4.6.7", "5.3.0"])
async def test_actions_after_expired_session_share_one_login(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    entry = _entry(emulator_url)
    await setup_entry(hass, entry)
    emulator.expire_sessions()
    emulator.requests.clear()

    results = await _burst(hass, entry)

    assert [r for r in results if isinstance(r, Exception)] == []
    assert logins(emulator.requests) == 1
    assert not hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert await hass.config_entries.async_unload(entry.entry_id)


@pytest.mark.real_server
async def test_actions_after_real_restart_share_one_login(
    hass: HomeAssistant, qbittorrent_process_factory: ProcessFactory
) -> None:
    server = await qbittorrent_process_factory("5.3.0", extra_config=NO_HOST_CHECK)
    forwarder = Forwarder(server.port)
    async with forwarder.serve() as url:
        entry = _entry(url)
        await setup_entry(hass, entry)
        await server.async_restart()
        sent = len(forwarder.requests)

        results = await _burst(hass, entry)

        assert [r for r in results if isinstance(r, Exception)] == []
        assert logins(forwarder.requests[sent:]) == 1
        assert not hass.config_entries.flow.async_progress_by_handler(DOMAIN)
        assert await hass.config_entries.async_unload(entry.entry_id)
