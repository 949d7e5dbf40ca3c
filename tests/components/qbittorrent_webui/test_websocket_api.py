"""Tests of the live torrent feed on the websocket."""

from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigEntryState
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentConnectionError,
)
from custom_components.qbittorrent_webui.qbittorrent_webui_client._sync import (
    SyncEngine,
)
from custom_components.qbittorrent_webui.torrents import sort_torrents, torrent_as_dict
from custom_components.qbittorrent_webui.websocket_api import TorrentView

from .conftest import (
    MAINDATA_ANSWER,
    configure_entry,
    make_main_data,
    poll_frozen,
    poll_now,
    stopped_answer,
    torrent_answer,
    torrent_hash,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable
    from unittest.mock import MagicMock

    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.const import Platform
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.typing import (
        MockHAClientWebSocket,
    )

    from qbittorrent_tooling.emulator import QBittorrentEmulator

    type WebSocketGenerator = Callable[..., Awaitable[MockHAClientWebSocket]]

SUBSCRIBE = "qbittorrent_webui/torrents/subscribe"


@pytest.fixture
def platforms() -> list[Platform]:
    """The feed needs no entity platform."""
    return []


class Server:
    """The mocked client's answers, from a real sync engine.

    Snapshots share the torrents a poll did not change, as the client's do.
    """

    def __init__(
        self,
        hass: HomeAssistant,
        freezer: FrozenDateTimeFactory,
        mock_client: MagicMock,
    ) -> None:
        """Answer the first sync with the fixture's torrents."""
        self.hass = hass
        self.freezer = freezer
        self.client = mock_client
        self.engine = SyncEngine()
        mock_client.sync.return_value = self.engine.apply_maindata(MAINDATA_ANSWER)

    async def sync(self, delta: dict[str, Any]) -> None:
        """Let the next poll read ``delta`` from the server."""
        self.client.sync.return_value = self.engine.apply_maindata({"rid": 2} | delta)
        await poll_frozen(self.hass, self.freezer)


@pytest.fixture
def server(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, mock_client: MagicMock
) -> Server:
    """The mocked server, answering through a real sync engine."""
    return Server(hass, freezer, mock_client)


async def subscribe(
    client: MockHAClientWebSocket, entry_id: str, **options: Any
) -> dict[str, Any]:
    """Subscribe and return the first event (everything in view)."""
    await client.send_json_auto_id(
        {"type": SUBSCRIBE, "config_entry_id": entry_id} | options
    )
    result = await client.receive_json()
    assert result["success"], result
    event = await client.receive_json()
    assert event["event"]["full"] is True
    return event["event"]


async def next_event(client: MockHAClientWebSocket) -> dict[str, Any]:
    """The next event of the subscription."""
    message = await client.receive_json()
    assert message["type"] == "event", message
    return message["event"]


def apply(view: dict[str, dict[str, Any]], event: dict[str, Any]) -> None:
    """Apply an event to a subscriber's view, as the card does."""
    if event.get("full"):
        view.clear()
    for torrent in event.get("torrents", []) + event.get("added", []):
        view[torrent["hash"]] = torrent
    for torrent, fields in event.get("changed", {}).items():
        view[torrent] |= fields
    for torrent in event.get("removed", []):
        del view[torrent]


async def test_sends_current_then_changes(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    server: Server,
    init_integration: MockConfigEntry,
) -> None:
    client = await hass_ws_client(hass)
    first = await subscribe(client, init_integration.entry_id)

    assert [t["name"] for t in first["torrents"]] == sorted(
        (f"torrent-{n}" for n in range(1, 11)), key=str.casefold
    )
    assert first["torrents"][0] == torrent_as_dict(
        init_integration.runtime_data.coordinator.data.torrents[torrent_hash(1)]
    )
    assert first["available"] is True
    assert first["categories"] == ["linux"]
    assert first["tags"] == ["iso"]
    assert first["server"]["download_speed"] == 2_097_152
    assert first["server"]["connection_status"] == "connected"

    await server.sync(
        {
            "torrents": torrent_answer(11)
            | {torrent_hash(1): {"dlspeed": 1024, "progress": 0.75}},
            "torrents_removed": [torrent_hash(2)],
            "server_state": {"dl_info_speed": 1024},
            "tags": ["new"],
            "categories": {"films": {"savePath": "/downloads/films"}},
        },
    )

    event = await next_event(client)
    assert [t["name"] for t in event.pop("added")] == ["torrent-11"]
    assert event == {
        "removed": [torrent_hash(2)],
        "changed": {
            torrent_hash(1): {"download_speed": 1024, "progress": 0.75},
        },
        "server": {"download_speed": 1024},
        "tags": ["iso", "new"],
        "categories": ["films", "linux"],
    }


async def test_unchanged_poll_sends_nothing(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    server: Server,
    init_integration: MockConfigEntry,
) -> None:
    client = await hass_ws_client(hass)
    await subscribe(client, init_integration.entry_id)

    await server.sync({})
    # A torrent named with unchanged values is rebuilt but shows no change.
    await server.sync({"torrents": {torrent_hash(3): {}}})
    await server.sync(
        {"torrents": {torrent_hash(4): {"num_seeds": 9}}},
    )

    # The first event after subscribing is the one that changed something.
    assert await next_event(client) == {"changed": {torrent_hash(4): {"seeds": 9}}}


async def test_state_filter(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    server: Server,
    init_integration: MockConfigEntry,
) -> None:
    client = await hass_ws_client(hass)
    first = await subscribe(client, init_integration.entry_id, state="stopped")
    assert [t["name"] for t in first["torrents"]] == ["torrent-5"]

    # Torrent-1 stops (enters the view), torrent-5 resumes (leaves it),
    # torrent-3 changes outside the view; torrent-7, queued, is removed.
    await server.sync(
        {
            "torrents": stopped_answer(1)
            | {torrent_hash(5): {"state": "downloading"}}
            | {torrent_hash(3): {"upspeed": 1}},
            "torrents_removed": [torrent_hash(7)],
        },
    )
    event = await next_event(client)
    assert [t["name"] for t in event["added"]] == ["torrent-1"]
    assert event["removed"] == [torrent_hash(5)]
    assert "changed" not in event

    # A removed torrent in view is removed from it.
    await server.sync({"torrents_removed": [torrent_hash(1)]})
    assert await next_event(client) == {"removed": [torrent_hash(1)]}


async def test_sorted_window(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    server: Server,
    init_integration: MockConfigEntry,
) -> None:
    client = await hass_ws_client(hass)
    first = await subscribe(
        client, init_integration.entry_id, sort="name", reverse=True, limit=2
    )
    assert [t["name"] for t in first["torrents"]] == ["torrent-9", "torrent-8"]

    # Torrent-91 sorts first and pushes torrent-8 out of the window.
    await server.sync(
        {
            "torrents": torrent_answer(91)
            | {torrent_hash(9): {"ratio": 2.5}}
            | {torrent_hash(1): {"ratio": 2.5}},
        },
    )
    event = await next_event(client)
    assert [t["name"] for t in event.pop("added")] == ["torrent-91"]
    assert event == {
        "removed": [torrent_hash(8)],
        "changed": {torrent_hash(9): {"ratio": 2.5}},
    }


async def test_unavailable_and_back(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    server: Server,
    init_integration: MockConfigEntry,
) -> None:
    client = await hass_ws_client(hass)
    await subscribe(client, init_integration.entry_id)
    server.client.sync.side_effect = QBittorrentConnectionError("gone")

    await server.sync({})
    assert await next_event(client) == {"available": False}

    server.client.sync.side_effect = None
    await server.sync({})
    assert await next_event(client) == {"available": True}


@pytest.mark.usefixtures("server")
async def test_unsubscribe_stops_the_feed(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    init_integration: MockConfigEntry,
) -> None:
    coordinator = init_integration.runtime_data.coordinator
    listeners = len(coordinator._listeners)
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {"type": SUBSCRIBE, "config_entry_id": init_integration.entry_id}
    )
    subscription = (await client.receive_json())["id"]
    await next_event(client)
    assert len(coordinator._listeners) == listeners + 1

    await client.send_json_auto_id(
        {"type": "unsubscribe_events", "subscription": subscription}
    )
    assert (await client.receive_json())["success"]
    assert len(coordinator._listeners) == listeners

    # Closing the connection ends a subscription as well.
    await subscribe(client, init_integration.entry_id)
    assert len(coordinator._listeners) == listeners + 1
    await client.close()
    await hass.async_block_till_done()
    assert len(coordinator._listeners) == listeners


@pytest.mark.usefixtures("server")
async def test_unload_ends_the_feed(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    init_integration: MockConfigEntry,
) -> None:
    client = await hass_ws_client(hass)
    await subscribe(client, init_integration.entry_id)

    await hass.config_entries.async_unload(init_integration.entry_id)
    await hass.async_block_till_done()

    assert init_integration.state is ConfigEntryState.NOT_LOADED
    assert await next_event(client) == {"ended": True}
    await client.send_json_auto_id(
        {"type": SUBSCRIBE, "config_entry_id": init_integration.entry_id}
    )
    error = await client.receive_json()
    assert error["error"]["code"] == "not_found"


@pytest.mark.usefixtures("server")
async def test_non_admin_may_read(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    init_integration: MockConfigEntry,
    hass_read_only_access_token: str,
) -> None:
    client = await hass_ws_client(hass, hass_read_only_access_token)
    first = await subscribe(client, init_integration.entry_id)
    assert len(first["torrents"]) == 10


@pytest.mark.usefixtures("init_integration")
async def test_unknown_entry(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator
) -> None:
    other = MockConfigEntry(domain="other")
    other.add_to_hass(hass)
    client = await hass_ws_client(hass)
    for entry_id in ("nope", other.entry_id):
        await client.send_json_auto_id({"type": SUBSCRIBE, "config_entry_id": entry_id})
        error = await client.receive_json()
        assert error["success"] is False
        assert error["error"]["code"] == "not_found"

    await client.send_json_auto_id(
        {"type": SUBSCRIBE, "config_entry_id": "nope", "state": "sleeping"}
    )
    assert (await client.receive_json())["error"]["code"] == "invalid_format"


@pytest.mark.parametrize("emulator_version", ["5.3.0", "4.1.0", "3.1.12"])
async def test_emulator_churn(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    emulator: QBittorrentEmulator,
    emulator_url: str,
) -> None:
    # Replaying the deltas gives what a new subscriber is sent, after each poll.
    entry = await configure_entry(hass, emulator_url)
    client = await hass_ws_client(hass)
    view: dict[str, dict[str, Any]] = {}
    apply(view, await subscribe(client, entry.entry_id))
    assert len(view) == len(emulator.torrents)

    for _ in range(3):
        emulator.churn(added=2, removed=1, completed=1, changed=3)
        await poll_now(hass)
        apply(view, await next_event(client))
        fresh = await hass_ws_client(hass)
        current = await subscribe(fresh, entry.entry_id)
        await fresh.close()
        assert view == {t["hash"]: t for t in current["torrents"]}
        assert set(view) == set(emulator.torrents)
    await hass.config_entries.async_unload(entry.entry_id)


async def test_feed_sends_no_request(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    emulator: QBittorrentEmulator,
    emulator_url: str,
) -> None:
    entry = await configure_entry(hass, emulator_url)
    emulator.requests.clear()
    client = await hass_ws_client(hass)
    await subscribe(client, entry.entry_id)
    await subscribe(client, entry.entry_id, state="downloading", limit=3)
    assert emulator.requests == []
    await hass.config_entries.async_unload(entry.entry_id)


@pytest.mark.parametrize("sort", ["name", "eta", "ratio", "category", "added_on"])
@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("limit", [1, 4, 9, 20])
def test_window_is_the_sorted_list_cut(sort: str, *, reverse: bool, limit: int) -> None:
    # Unknown values last, ties in the snapshot's order, as get_torrents sorts.
    data = make_main_data(
        *(torrent_answer(number) for number in range(1, 11)),
        torrent_answer(11, eta=8_640_000, ratio=-1, category=""),
    )
    view = TorrentView(state="all", sort=sort, reverse=reverse, limit=limit)
    expected = sort_torrents(list(data.torrents.values()), sort, reverse=reverse)
    assert view.window(data) == expected[:limit]
