"""qBittorrent upgraded on the same port while Home Assistant keeps running."""

from typing import TYPE_CHECKING

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import CONF_URL
from homeassistant.helpers import device_registry as dr, entity_registry as er
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
)
from yarl import URL

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.device import find_entry_device
from qbittorrent_tooling.emulator import QBittorrentEmulator

from .conftest import (
    ENTRY_DATA,
    poll_now,
)

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

STOPPED_STATES = {"pausedUP", "pausedDL", "stoppedUP", "stoppedDL"}


def _emulator(version: str) -> QBittorrentEmulator:
    return QBittorrentEmulator(
        version, username="admin", password="adminadmin", torrent_count=4
    )


async def test_upgrade_updates_device_and_keeps_pause_all_working(
    hass: HomeAssistant, socket_enabled: None
) -> None:
    old = _emulator("4.6.7")
    async with old.serve() as url:
        entry = MockConfigEntry(
            domain=DOMAIN,
            title="emulator",
            unique_id=url,
            data=ENTRY_DATA | {CONF_URL: url},
        )
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
    device = find_entry_device(dr.async_get(hass), entry.entry_id, (DOMAIN, url))
    assert device is not None
    assert device.sw_version == "4.6.7"

    new = _emulator("5.3.0")
    async with new.serve(port=URL(url).port or 0):
        await poll_now(hass)
        device = find_entry_device(dr.async_get(hass), entry.entry_id, (DOMAIN, url))
        assert device is not None
        assert device.sw_version == "5.3.0"
        assert device.model == "qBittorrent"
        assert entry.runtime_data.server_info.api_version == "2.16.2"
        assert entry.state is ConfigEntryState.LOADED
        assert entry.runtime_data.server_info.app_version == "5.3.0"

        registry = er.async_get(hass)
        button_id = registry.async_get_entity_id("button", DOMAIN, f"{url}_pause_all")
        switch_id = registry.async_get_entity_id("switch", DOMAIN, f"{url}_torrents")
        assert button_id is not None
        assert switch_id is not None
        await hass.services.async_call(
            "button", "press", {"entity_id": button_id}, blocking=True
        )
        await hass.async_block_till_done(wait_background_tasks=True)
        assert {t["state"] for t in new.torrents.values()} <= STOPPED_STATES
        state = hass.states.get(switch_id)
        assert state is not None
        assert state.state == "off"

        # The capabilities changed, so the entry was reloaded once, not again.
        detections = [p for _, p in new.requests].count("/api/v2/app/version")
        await poll_now(hass)
        await poll_now(hass)
        assert [p for _, p in new.requests].count("/api/v2/app/version") == detections
        assert detections == 2
        await hass.config_entries.async_unload(entry.entry_id)


async def test_restart_of_the_same_version_changes_nothing(
    hass: HomeAssistant, socket_enabled: None
) -> None:
    old = _emulator("5.3.0")
    async with old.serve() as url:
        entry = MockConfigEntry(
            domain=DOMAIN,
            title="emulator",
            unique_id=url,
            data=ENTRY_DATA | {CONF_URL: url},
        )
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
    client = entry.runtime_data.client

    new = _emulator("5.3.0")
    async with new.serve(port=URL(url).port or 0):
        await poll_now(hass)
        await poll_now(hass)
        # Same client (no reload), one login, detection once after the restart.
        assert entry.runtime_data.client is client
        paths = [p for _, p in new.requests]
        assert paths.count("/api/v2/auth/login") == 1
        assert paths.count("/api/v2/app/version") == 1
        await hass.config_entries.async_unload(entry.entry_id)
