"""What an action shows: current data, at once, with the mocked client.

qBittorrent answers a command before it has applied it (a pause shows up to
1.5 s later on 4.5.2-5.3.0), so an action reads the server at once and once
more after a short delay, without waiting for the debouncer's cooldown; and
an action that reads torrents never answers from an older poll.
"""

import asyncio
from typing import TYPE_CHECKING, Any

from homeassistant.components.switch import DOMAIN as SWITCH_DOMAIN
from homeassistant.const import ATTR_ENTITY_ID, SERVICE_TURN_OFF, SERVICE_TURN_ON
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.coordinator import FOLLOW_UP_DELAY
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentConnectionError,
    SyncResult,
    TorrentStatus,
)

from .conftest import MAIN_DATA, TORRENTS, make_main_data, make_torrent

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry

pytestmark = pytest.mark.usefixtures("init_integration")

ALL_STOPPED = make_main_data(
    *(make_torrent(number, TorrentStatus.STOPPED) for number in range(1, 4))
)
NEW_TORRENT = make_torrent(11, TorrentStatus.DOWNLOADING, name="added-since")


def _torrents_switch(hass: HomeAssistant, entry: MockConfigEntry) -> str:
    entity_id = er.async_get(hass).async_get_entity_id(
        SWITCH_DOMAIN, DOMAIN, f"{entry.unique_id}_torrents"
    )
    assert entity_id is not None
    return entity_id


async def _switch(hass: HomeAssistant, service: str, entity_id: str) -> None:
    await hass.services.async_call(
        SWITCH_DOMAIN, service, {ATTR_ENTITY_ID: entity_id}, blocking=True
    )


async def _follow_up(hass: HomeAssistant) -> None:
    async_fire_time_changed(hass, dt_util.utcnow() + FOLLOW_UP_DELAY)
    await hass.async_block_till_done()


async def _call(
    hass: HomeAssistant, entry: MockConfigEntry, action: str, **data: Any
) -> Any:
    return await hass.services.async_call(
        DOMAIN,
        action,
        {"config_entry_id": entry.entry_id, **data},
        blocking=True,
        return_response=action == "get_torrents",
    )


async def test_a_change_qbittorrent_applies_late_shows_after_the_follow_up(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    """The read right after still sees the old state; the follow-up the new."""
    torrents = _torrents_switch(hass, mock_config_entry)
    before = mock_client.sync.await_count
    mock_client.sync.side_effect = [
        SyncResult(data=MAIN_DATA),
        SyncResult(data=ALL_STOPPED),
    ]

    await _switch(hass, SERVICE_TURN_OFF, torrents)
    assert mock_client.sync.await_count == before + 1
    assert hass.states.get(torrents).state == "on"

    await _follow_up(hass)
    assert mock_client.sync.await_count == before + 2
    assert hass.states.get(torrents).state == "off"

    # Nothing more until the regular poll.
    await _follow_up(hass)
    assert mock_client.sync.await_count == before + 2


async def test_a_second_action_shows_at_once_too(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    """No cooldown: the debouncer would hold this refresh for ten seconds."""
    torrents = _torrents_switch(hass, mock_config_entry)
    mock_client.sync.return_value = SyncResult(data=ALL_STOPPED)
    await _switch(hass, SERVICE_TURN_OFF, torrents)
    assert hass.states.get(torrents).state == "off"

    mock_client.sync.return_value = SyncResult(data=MAIN_DATA)
    await _switch(hass, SERVICE_TURN_ON, torrents)
    assert hass.states.get(torrents).state == "on"


async def test_concurrent_actions_share_their_reads(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    gate = asyncio.Event()

    async def slow_sync() -> SyncResult:
        await gate.wait()
        return SyncResult(data=ALL_STOPPED)

    mock_client.sync.side_effect = slow_sync
    before = mock_client.sync.await_count
    calls = [
        hass.async_create_task(
            _call(
                hass, mock_config_entry, "pause_torrents", torrent_hashes=[torrent.hash]
            )
        )
        for torrent in TORRENTS
    ]
    # Let every call reach the server and the first read wait for its answer.
    for _ in range(20):
        await asyncio.sleep(0)
    gate.set()
    await asyncio.gather(*calls)
    await _follow_up(hass)

    assert mock_client.pause_torrents.await_count == len(TORRENTS)
    # At most one read running and one queued behind it, then one follow-up.
    assert mock_client.sync.await_count - before <= 3
    assert hass.states.get(_torrents_switch(hass, mock_config_entry)).state == "off"


async def test_torrent_added_since_the_last_poll_is_found_and_announced(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    """A name the last poll did not know is looked up on the server first.

    The lookup goes through the coordinator, so its torrent_added still fires.
    """
    added = async_capture_events(hass, f"{DOMAIN}_torrent_added")
    newer = make_main_data(*TORRENTS, NEW_TORRENT)
    mock_client.sync.side_effect = [
        SyncResult(data=newer, added=(NEW_TORRENT,)),
        SyncResult(data=newer),
    ]

    await _call(
        hass, mock_config_entry, "pause_torrents", torrent_names=["added-since"]
    )

    mock_client.pause_torrents.assert_awaited_once_with([NEW_TORRENT.hash])
    assert [event.data["name"] for event in added] == ["added-since"]


async def test_get_torrents_reads_qbittorrent_now(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    mock_client.sync.return_value = SyncResult(
        data=make_main_data(*TORRENTS, NEW_TORRENT), added=(NEW_TORRENT,)
    )

    response = await _call(hass, mock_config_entry, "get_torrents", state="all")

    assert response["count"] == len(TORRENTS) + 1
    assert "added-since" in [torrent["name"] for torrent in response["torrents"]]


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("get_torrents", {}),
        ("pause_torrents", {"torrent_names": ["added-since"]}),
        ("recheck_torrents", {"all_torrents": True}),
    ],
)
async def test_no_answer_from_old_data_while_qbittorrent_is_down(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    action: str,
    data: dict[str, Any],
) -> None:
    """The last poll's torrents are not presented as current: the call fails."""
    mock_client.sync.side_effect = QBittorrentConnectionError("connection refused")

    with pytest.raises(HomeAssistantError) as caught:
        await _call(hass, mock_config_entry, action, **data)

    assert not isinstance(caught.value, ServiceValidationError)
    assert caught.value.translation_key == "cannot_connect"
    assert "connection refused" in str(caught.value)
    mock_client.pause_torrents.assert_not_awaited()
    mock_client.recheck_torrents.assert_not_awaited()


async def test_an_unexpected_read_failure_is_reported(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    mock_client.sync.side_effect = RuntimeError("boom")

    with pytest.raises(HomeAssistantError) as caught:
        await _call(hass, mock_config_entry, "get_torrents")

    assert caught.value.translation_key == "unexpected_error"
    assert caught.value.translation_placeholders["error"] == "boom"


async def test_unloading_cancels_the_follow_up(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, mock_client: MagicMock
) -> None:
    await _switch(hass, SERVICE_TURN_OFF, _torrents_switch(hass, mock_config_entry))
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
    reads = mock_client.sync.await_count

    await _follow_up(hass)

    assert mock_client.sync.await_count == reads
