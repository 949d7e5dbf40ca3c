"""End to end against real qbittorrent-nox servers (skipped where not installed).

Set up through the config flow, add a torrent with the action, see the counts
change and a second add of it refused, stop everything with the Pause all
button and see qBittorrent report it, restart qBittorrent and see the entities recover without
reauthentication.
"""

from typing import TYPE_CHECKING

import aiohttp
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.aiohttp_client import async_create_clientsession
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.device import find_entry_device
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentClient,
)

from .conftest import (
    POLL_STEP,
    configure_entry,
    poll_until,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from qbittorrent_tooling.real_servers import QBittorrentProcess


pytestmark = [pytest.mark.real_server, pytest.mark.slow]

MAGNET = "magnet:?xt=urn:btih:{}&dn=home-assistant-e2e"
STOPPED_STATES = {"pausedUP", "pausedDL", "stoppedUP", "stoppedDL"}


def _entity_id(hass: HomeAssistant, entry: ConfigEntry, platform: str, key: str) -> str:
    entity_id = er.async_get(hass).async_get_entity_id(
        platform, DOMAIN, f"{entry.unique_id}_{key}"
    )
    assert entity_id is not None, key
    return entity_id


@pytest.mark.parametrize("version", ["5.3.0", "4.5.2", "4.2.5"])
async def test_end_to_end(
    hass: HomeAssistant,
    qbittorrent_process_factory: Callable[..., Awaitable[QBittorrentProcess]],
    version: str,
) -> None:
    server = await qbittorrent_process_factory(version)
    entry = await configure_entry(hass, server.url)

    total = _entity_id(hass, entry, "sensor", "torrents_total")
    torrents_switch = _entity_id(hass, entry, "switch", "torrents")
    # The first server's device is plain "qBittorrent", named after the app.
    assert total == "sensor.qbittorrent_total_torrents"
    assert torrents_switch == "switch.qbittorrent_torrents"
    device = find_entry_device(
        dr.async_get(hass), entry.entry_id, (DOMAIN, str(entry.unique_id))
    )
    assert device is not None
    assert (device.name, device.model, device.sw_version) == (
        "qBittorrent",
        "qBittorrent",
        version,
    )
    assert hass.states.get(total).state == "0"

    await hass.services.async_call(
        DOMAIN,
        "add_torrent",
        {
            "config_entry_id": entry.entry_id,
            "urls": [MAGNET.format("c" * 40), MAGNET.format("d" * 40)],
            "category": "e2e",
        },
        blocking=True,
    )
    await poll_until(hass, lambda: hass.states.get(total).state == "2")

    # qBittorrent refuses a torrent it already has (5.2+: 409, 4.5-5.1:
    # Fails.); before 4.5 it merges the duplicate's trackers and succeeds.
    add_again = hass.services.async_call(
        DOMAIN,
        "add_torrent",
        {"config_entry_id": entry.entry_id, "urls": [MAGNET.format("c" * 40)]},
        blocking=True,
    )
    if version >= "4.5":
        with pytest.raises(HomeAssistantError) as caught:
            await add_again
        assert caught.value.translation_key == "add_torrent_refused"
    else:
        await add_again

    await hass.services.async_call(
        "button",
        "press",
        {"entity_id": _entity_id(hass, entry, "button", "pause_all")},
        blocking=True,
    )
    await poll_until(hass, lambda: hass.states.get(torrents_switch).state == "off")

    # Ask qBittorrent itself, through a session of its own.
    witness = QBittorrentClient(
        server.url,
        async_create_clientsession(
            hass, cookie_jar=aiohttp.CookieJar(unsafe=True, quote_cookie=False)
        ),
        username="admin",
        password="adminadmin",
    )
    torrents = await witness.get_torrents()
    assert {torrent.state for torrent in torrents} <= STOPPED_STATES
    assert {torrent.category for torrent in torrents} == {"e2e"}
    await witness.logout()

    await server.async_restart()
    async_fire_time_changed(hass, dt_util.utcnow() + POLL_STEP)
    await hass.async_block_till_done(wait_background_tasks=True)
    await poll_until(
        hass,
        lambda: hass.states.get(total).state not in {STATE_UNAVAILABLE, "unknown"},
    )

    assert hass.states.get(total).state == "2"
    assert hass.states.get(torrents_switch).state == "off"
    assert not hass.config_entries.flow.async_progress_by_handler(DOMAIN)
