"""Every HTTP session the integration opens is released again (no leak per reload)."""

from typing import TYPE_CHECKING, Any
from unittest.mock import patch

from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.const import CONF_PASSWORD, CONF_URL
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers.aiohttp_client import async_create_clientsession
import pytest

from custom_components.qbittorrent_webui.const import DOMAIN

from .conftest import setup_entry

if TYPE_CHECKING:
    from collections.abc import Iterator

    import aiohttp
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry

    from qbittorrent_tooling.emulator import QBittorrentEmulator


@pytest.fixture
def opened_sessions() -> Iterator[list[aiohttp.ClientSession]]:
    """Record the sessions the integration creates (they stay real)."""
    sessions: list[aiohttp.ClientSession] = []

    def create(*args: Any, **kwargs: Any) -> aiohttp.ClientSession:
        session = async_create_clientsession(*args, **kwargs)
        sessions.append(session)
        return session

    with patch(
        "custom_components.qbittorrent_webui.client.async_create_clientsession", create
    ):
        yield sessions


async def test_unload_and_reload_close_their_sessions(
    hass: HomeAssistant,
    emulator_entry: MockConfigEntry,
    opened_sessions: list[aiohttp.ClientSession],
) -> None:
    await setup_entry(hass, emulator_entry)
    assert emulator_entry.state is ConfigEntryState.LOADED
    assert [session.closed for session in opened_sessions] == [False]

    assert await hass.config_entries.async_reload(emulator_entry.entry_id)
    await hass.async_block_till_done()
    assert [session.closed for session in opened_sessions] == [True, False]

    assert await hass.config_entries.async_unload(emulator_entry.entry_id)
    assert all(session.closed for session in opened_sessions)


async def test_failed_setup_closes_its_session(
    hass: HomeAssistant,
    emulator: QBittorrentEmulator,
    emulator_entry: MockConfigEntry,
    opened_sessions: list[aiohttp.ClientSession],
) -> None:
    emulator.faults.down = True
    emulator_entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(emulator_entry.entry_id)
    assert emulator_entry.state is ConfigEntryState.SETUP_RETRY
    assert len(opened_sessions) == 1
    assert opened_sessions[0].closed


async def test_config_flow_closes_every_attempts_session(
    hass: HomeAssistant,
    emulator_url: str,
    opened_sessions: list[aiohttp.ClientSession],
    mock_setup_entry: object,
) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    user_input = {
        CONF_URL: emulator_url,
        "username": "admin",
        CONF_PASSWORD: "wrong",
        "verify_ssl": True,
    }
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], user_input
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_PASSWORD: "invalid_auth"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], user_input | {CONF_PASSWORD: "adminadmin"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert len(opened_sessions) == 2
    assert all(session.closed for session in opened_sessions)
