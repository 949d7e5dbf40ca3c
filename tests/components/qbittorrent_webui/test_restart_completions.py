"""No "download finished" events when qBittorrent restarts with finished torrents.

For about 1.4 s after its WebUI answers, qBittorrent 5.3.0 lists every
torrent as ``checkingResumeData`` with progress 0; a poll landing there used
to turn each finished torrent into a new ``torrent_completed`` event.
"""

import asyncio
from typing import TYPE_CHECKING

from homeassistant.const import CONF_URL
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.qbittorrent_webui.const import DOMAIN
from qbittorrent_tooling.emulator import QBittorrentEmulator
from qbittorrent_tooling.torrent_files import seed_finished_torrents

from .conftest import (
    ENTRY_DATA,
    MAX_POLLS,
    poll_now,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from homeassistant.core import HomeAssistant

    from custom_components.qbittorrent_webui.qbittorrent_webui_client import MainData
    from qbittorrent_tooling.real_servers import QBittorrentProcess

COMPLETED = f"{DOMAIN}_torrent_completed"
# A restart does not always land a poll in the window (three in four with 20
# torrents): restart a few times, each followed by polls until all are back.
MAX_RESTARTS = 5
FINISHED_COUNT = 20


async def _set_up(hass: HomeAssistant, url: str) -> MockConfigEntry:
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="qBittorrent",
        unique_id=url,
        data=ENTRY_DATA | {CONF_URL: url},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


def _data(entry: MockConfigEntry) -> MainData:
    data: MainData = entry.runtime_data.coordinator.data
    return data


async def test_emulated_restart_fires_no_completion(
    hass: HomeAssistant, socket_enabled: None
) -> None:
    emulator = QBittorrentEmulator("5.3.0", torrent_count=12)
    finished = {h for h, t in emulator.torrents.items() if t["progress"] >= 1}
    async with emulator.serve() as url:
        entry = await _set_up(hass, url)
        completed = async_capture_events(hass, COMPLETED)

        emulator.restart(resume_check_seconds=None)
        await poll_now(hass)
        loading = _data(entry).torrents.values()
        emulator.finish_resume_check()
        await poll_now(hass)
        await poll_now(hass)

        assert {t.state for t in loading} == {"checkingResumeData"}
        assert completed == []
        assert {h for h, t in _data(entry).torrents.items() if t.is_complete} == (
            finished
        )

        # A download that really finishes still gives exactly one event.
        emulator.churn(completed=1)
        await poll_now(hass)
        await poll_now(hass)
        assert len(completed) == 1
        assert completed[0].data["hash"] not in finished
        await hass.config_entries.async_unload(entry.entry_id)


@pytest.mark.real_server
@pytest.mark.slow
async def test_real_restart_fires_no_completion(
    hass: HomeAssistant,
    qbittorrent_process_factory: Callable[..., Awaitable[QBittorrentProcess]],
) -> None:
    server = await qbittorrent_process_factory("5.3.0")
    finished = await seed_finished_torrents(server, FINISHED_COUNT)
    entry = await _set_up(hass, server.url)
    assert set(_data(entry).torrents) == set(finished)
    completed = async_capture_events(hass, COMPLETED)

    landed_in_window = False
    for _ in range(MAX_RESTARTS):
        await server.async_restart()
        for _ in range(MAX_POLLS):
            await poll_now(hass)
            torrents = _data(entry).torrents.values()
            loading = [t for t in torrents if t.state == "checkingResumeData"]
            if any(t.progress == 0 for t in loading):
                landed_in_window = True
            if not loading and all(t.is_complete for t in torrents):
                break
            await asyncio.sleep(0.2)
        if landed_in_window:
            break

    assert landed_in_window, f"no poll landed in the window of {MAX_RESTARTS} restarts"
    assert completed == []
    torrents = _data(entry).torrents
    assert set(torrents) == set(finished)
    assert all(t.is_complete for t in torrents.values())
    await hass.config_entries.async_unload(entry.entry_id)
