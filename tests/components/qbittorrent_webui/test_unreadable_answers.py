"""A type-confused maindata answer is one clear error, not a traceback per poll."""

import logging
from typing import TYPE_CHECKING

from homeassistant.const import CONF_URL, STATE_UNAVAILABLE
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
)

from custom_components.qbittorrent_webui.const import DOMAIN
from qbittorrent_tooling.emulator import QBittorrentEmulator

from .conftest import (
    ENTRY_DATA,
    poll_now,
)

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    import pytest


async def test_torrents_as_a_list_logs_one_error_and_recovers(
    hass: HomeAssistant, socket_enabled: None, caplog: pytest.LogCaptureFixture
) -> None:
    emulator = QBittorrentEmulator("5.3.0", torrent_count=4)
    async with emulator.serve() as url:
        entry = MockConfigEntry(
            domain=DOMAIN,
            title="qBittorrent",
            unique_id=url,
            data=ENTRY_DATA | {CONF_URL: url},
        )
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
        total = er.async_get(hass).async_get_entity_id(
            "sensor", DOMAIN, f"{url}_torrents_total"
        )
        assert total is not None
        caplog.clear()

        emulator.faults.maindata_sections = {"torrents": []}
        for _ in range(3):
            await poll_now(hass)
        state = hass.states.get(total)
        assert state is not None
        assert state.state == STATE_UNAVAILABLE
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert len(errors) == 1
        assert errors[0].exc_info is None
        assert "'torrents'" in errors[0].getMessage()

        emulator.faults.maindata_sections = {}
        await poll_now(hass)
        state = hass.states.get(total)
        assert state is not None
        assert state.state == "4"
        await hass.config_entries.async_unload(entry.entry_id)
