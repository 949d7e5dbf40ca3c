"""Actions against real qbittorrent-nox servers (skipped where not installed).

Real servers answer a pause or resume before they show it (0-1.5 s later on
4.2.5-5.3.0), refuse to set a category that does not exist (409) and read
requests of at most 64 MiB: what Home Assistant shows after an action, a new
category and the torrent file cap are checked here, where they come from.
"""

import asyncio
from typing import TYPE_CHECKING

import aiohttp
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.aiohttp_client import async_create_clientsession
import pytest
from pytest_homeassistant_custom_component.common import async_capture_events

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentClient,
    SyncResult,
)
from custom_components.qbittorrent_webui.validation import MAX_TORRENT_FILE_BYTES

from .conftest import configure_entry

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable
    from pathlib import Path

    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from qbittorrent_tooling.real_servers import QBittorrentProcess

    type Factory = Callable[..., Awaitable[QBittorrentProcess]]

pytestmark = [
    pytest.mark.real_server,
    pytest.mark.slow,
    pytest.mark.parametrize("version", ["5.3.0", "5.1.0", "4.5.2", "4.2.5"]),
]

MAGNETS = [f"magnet:?xt=urn:btih:{digit * 40}&dn=action-{digit}" for digit in "ab"]
# Bounded real-time wait for the follow-up read (due 1.75 s after an action).
MAX_WAITS = 100


class ReadCounter:
    """Counts the coordinator's reads of qBittorrent."""

    def __init__(self, client: QBittorrentClient) -> None:
        self.count = 0
        self._sync = client.sync
        client.sync = self._counting_sync  # type: ignore[method-assign]

    async def _counting_sync(self) -> SyncResult:
        self.count += 1
        return await self._sync()

    async def wait_for(self, hass: HomeAssistant, count: int) -> None:
        for _ in range(MAX_WAITS):
            await hass.async_block_till_done(wait_background_tasks=True)
            if self.count >= count:
                return
            await asyncio.sleep(0.05)
        msg = f"{self.count} reads, expected {count}"
        raise AssertionError(msg)


def _state(hass: HomeAssistant, entry: ConfigEntry, platform: str, key: str) -> str:
    entity_id = er.async_get(hass).async_get_entity_id(
        platform, DOMAIN, f"{entry.unique_id}_{key}"
    )
    assert entity_id is not None, key
    state = hass.states.get(entity_id)
    assert state is not None
    return state.state


async def test_every_action_shows_after_its_follow_up_read(
    hass: HomeAssistant, qbittorrent_process_factory: Factory, version: str
) -> None:
    """Added torrents and pause all on/off/on, each within its two reads.

    The regular poll (10 s) never comes in between: each action is followed
    by exactly one read at once and one follow-up.
    """
    server = await qbittorrent_process_factory(version)
    entry = await configure_entry(hass, server.url)
    reads = ReadCounter(entry.runtime_data.client)
    added = async_capture_events(hass, f"{DOMAIN}_torrent_added")

    await hass.services.async_call(
        DOMAIN,
        "add_torrent",
        {"config_entry_id": entry.entry_id, "urls": MAGNETS},
        blocking=True,
    )
    await reads.wait_for(hass, 2)
    assert reads.count == 2
    assert _state(hass, entry, "sensor", "torrents_total") == "2"
    assert sorted(event.data["name"] for event in added) == ["action-a", "action-b"]

    torrents_switch = er.async_get(hass).async_get_entity_id(
        "switch", DOMAIN, f"{entry.unique_id}_torrents"
    )
    for service, expected in (
        ("turn_off", "off"),
        ("turn_on", "on"),
        ("turn_off", "off"),
    ):
        before = reads.count
        await hass.services.async_call(
            "switch", service, {"entity_id": torrents_switch}, blocking=True
        )
        assert reads.count == before + 1
        await reads.wait_for(hass, before + 2)
        assert reads.count == before + 2
        assert _state(hass, entry, "switch", "torrents") == expected, service


async def test_set_category_creates_a_new_one(
    hass: HomeAssistant, qbittorrent_process_factory: Factory, version: str
) -> None:
    """Real servers answer 409 to setCategory with an unknown name."""
    server = await qbittorrent_process_factory(version)
    entry = await configure_entry(hass, server.url)
    reads = ReadCounter(entry.runtime_data.client)
    await hass.services.async_call(
        DOMAIN,
        "add_torrent",
        {"config_entry_id": entry.entry_id, "urls": MAGNETS[:1]},
        blocking=True,
    )
    # A name is matched against what Home Assistant has read: the torrent
    # may show only in the follow-up read.
    await reads.wait_for(hass, 2)
    assert _state(hass, entry, "sensor", "torrents_total") == "1"

    await hass.services.async_call(
        DOMAIN,
        "set_category",
        {
            "config_entry_id": entry.entry_id,
            "torrent_names": ["action-a"],
            "category": "brand-new",
        },
        blocking=True,
    )

    witness = QBittorrentClient(
        server.url,
        async_create_clientsession(
            hass, cookie_jar=aiohttp.CookieJar(unsafe=True, quote_cookie=False)
        ),
        username="admin",
        password="adminadmin",
    )
    torrents = await witness.get_torrents()
    assert [torrent.category for torrent in torrents] == ["brand-new"]
    await witness.logout()

    # A category that exists by now (created by the call above) is kept.
    await hass.services.async_call(
        DOMAIN,
        "set_category",
        {
            "config_entry_id": entry.entry_id,
            "all_torrents": True,
            "category": "brand-new",
        },
        blocking=True,
    )


async def test_torrent_file_cap_is_what_qbittorrent_reads(
    hass: HomeAssistant,
    qbittorrent_process_factory: Factory,
    version: str,
    tmp_path: Path,
) -> None:
    """A file at the cap reaches qBittorrent; one byte more is refused here.

    At the cap qBittorrent reads the upload and judges its content (415, not
    a torrent); above 64 MiB it would answer a bare 400 or drop the
    connection.
    """
    server = await qbittorrent_process_factory(version)
    entry = await configure_entry(hass, server.url)
    hass.config.allowlist_external_dirs = {str(tmp_path)}
    at_cap = tmp_path / "at-cap.torrent"
    at_cap.write_bytes(b"x" * MAX_TORRENT_FILE_BYTES)
    above = tmp_path / "above.torrent"
    above.write_bytes(b"x" * (MAX_TORRENT_FILE_BYTES + 1))

    # Tags on an add came with 4.3.2; older versions are not sent any.
    tags = {"tags": ["t" * 200]} if version >= "4.3.2" else {}
    with pytest.raises(HomeAssistantError) as caught:
        await hass.services.async_call(
            DOMAIN,
            "add_torrent",
            {
                "config_entry_id": entry.entry_id,
                "torrent_file": str(at_cap),
                "save_path": "/downloads/" + "long-name/" * 100,
                "category": "c" * 200,
            }
            | tags,
            blocking=True,
        )
    assert caught.value.translation_key == "add_torrent_refused"

    with pytest.raises(ServiceValidationError) as refused:
        await hass.services.async_call(
            DOMAIN,
            "add_torrent",
            {"config_entry_id": entry.entry_id, "torrent_file": str(above)},
            blocking=True,
        )
    assert refused.value.translation_key == "torrent_file_too_large"
