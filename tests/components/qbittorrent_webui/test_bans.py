"""A ban of Home Assistant's address, through the emulator over real HTTP.

A ban is no credential problem: no reauth flow, no login while it lasts, a
repair issue while it does, and the entry comes back by itself once the ban
has lifted. The clock is frozen: the emulator times bans with the same
``time.monotonic`` as the client.
"""

from datetime import timedelta
from typing import TYPE_CHECKING

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.qbittorrent_webui.const import DOMAIN, UPDATE_INTERVAL
from qbittorrent_tooling.traffic import fail_logins, logins

from .conftest import setup_entry

if TYPE_CHECKING:
    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import issue_registry as ir
    from pytest_homeassistant_custom_component.common import MockConfigEntry

    from qbittorrent_tooling.emulator import QBittorrentEmulator

BAN_SECONDS = 60


async def _advance(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta
) -> None:
    freezer.tick(delta)
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


def _torrents_state(hass: HomeAssistant, entry: MockConfigEntry) -> str:
    entity_id = er.async_get(hass).async_get_entity_id(
        "sensor", DOMAIN, f"{entry.unique_id}_torrents_total"
    )
    assert entity_id is not None
    state = hass.states.get(entity_id)
    assert state is not None
    return state.state


@pytest.fixture
def emulator_bans(emulator: QBittorrentEmulator) -> QBittorrentEmulator:
    emulator.faults.ban_after = 2
    emulator.faults.ban_seconds = BAN_SECONDS
    return emulator


@pytest.mark.parametrize("emulator_version", ["4.6.7", "5.3.0"])
async def test_ban_mid_run_is_waited_out_without_reauth(
    hass: HomeAssistant,
    *,
    emulator_bans: QBittorrentEmulator,
    emulator_url: str,
    emulator_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    freezer: FrozenDateTimeFactory,
) -> None:
    emulator = emulator_bans
    await setup_entry(hass, emulator_entry)
    await fail_logins(emulator_url, 2)
    emulator.expire_sessions()
    emulator.requests.clear()

    await _advance(hass, freezer, UPDATE_INTERVAL)

    issue_id = f"ip_banned_{emulator_entry.entry_id}"
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert _torrents_state(hass, emulator_entry) == STATE_UNAVAILABLE

    for _ in range(4):
        await _advance(hass, freezer, UPDATE_INTERVAL)
    assert not hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert logins(emulator.requests) == 1
    # The length was read from the preferences while logged in.
    assert issue.translation_key == "ip_banned"
    assert issue.translation_placeholders["minutes"] == "1"

    await _advance(hass, freezer, timedelta(seconds=BAN_SECONDS))

    assert _torrents_state(hass, emulator_entry) == str(len(emulator.torrents))
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert logins(emulator.requests) == 2
    assert not hass.config_entries.flow.async_progress_by_handler(DOMAIN)


async def test_setup_retries_send_nothing_while_banned(
    hass: HomeAssistant,
    *,
    emulator_bans: QBittorrentEmulator,
    emulator_url: str,
    emulator_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Setup retries keep the ban: one login per doubling wait (60 s, 120 s)."""
    emulator = emulator_bans
    emulator.faults.ban_seconds = 100
    await fail_logins(emulator_url, 2)
    emulator.requests.clear()
    emulator_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(emulator_entry.entry_id)
    await hass.async_block_till_done()

    assert emulator_entry.state is ConfigEntryState.SETUP_RETRY
    issue_id = f"ip_banned_{emulator_entry.entry_id}"
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_key == "ip_banned_unknown_duration"
    assert logins(emulator.requests) == 1

    # Home Assistant retries the setup 5, 10, 20, 40, 80 and 160 s apart.
    for _ in range(5):
        await _advance(hass, freezer, timedelta(seconds=10))
    assert emulator_entry.state is ConfigEntryState.SETUP_RETRY
    assert logins(emulator.requests) == 1

    for _ in range(30):
        await _advance(hass, freezer, timedelta(seconds=10))

    assert emulator_entry.state is ConfigEntryState.LOADED
    # The retry at 75 s met the ban (a probe after 60 s); the first retry
    # 120 s after that (at 315 s) logged in.
    assert logins(emulator.requests) == 3
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert not hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert await hass.config_entries.async_unload(emulator_entry.entry_id)
