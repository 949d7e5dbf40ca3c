"""Tests of the devices for single torrents (an option, off by default).

The mocked client answers through the real sync engine, so each poll reports
the torrents it added, updated and removed as a server's deltas would.
"""

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from unittest.mock import patch

import aiohttp
from homeassistant.const import Platform
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.qbittorrent_webui.const import (
    CONF_TORRENT_DEVICES,
    CONF_TORRENT_FILTER,
    CONF_TORRENT_FILTER_VALUE,
    CONF_TORRENT_LIMIT,
    DOMAIN,
)
from custom_components.qbittorrent_webui.device import find_entry_device
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentConnectionError,
)
from custom_components.qbittorrent_webui.qbittorrent_webui_client._sync import (
    SyncEngine,
)
from qbittorrent_tooling.torrent_files import (
    login,
    seed_finished_torrents,
    torrents_info,
)

from .conftest import (
    ENTRY_DATA,
    MAINDATA_ANSWER,
    URL,
    maindata_answer,
    poll_until,
    setup_entry,
    snapshot_entities,
    torrent_answer,
    torrent_hash,
)
from .test_emulator import VERSIONS

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
    from unittest.mock import MagicMock

    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant
    from syrupy.assertion import SnapshotAssertion

    from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
        SyncResult,
    )
    from qbittorrent_tooling.emulator import QBittorrentEmulator
    from qbittorrent_tooling.real_servers import QBittorrentProcess

    type Factory = Callable[..., Awaitable[QBittorrentProcess]]

PLATFORMS = [Platform.BUTTON, Platform.SENSOR, Platform.SWITCH]
# Torrent-11, newer than the fixture's ten (added 2026-01-01 ... 01-10).
NEWEST_ADDED = int(datetime(2026, 1, 11, tzinfo=UTC).timestamp())


def devices_on(
    limit: int = 20, torrent_filter: str = "all", value: str | None = None
) -> dict[str, Any]:
    """The options that turn the torrent devices on."""
    options: dict[str, Any] = {
        CONF_TORRENT_DEVICES: True,
        CONF_TORRENT_FILTER: torrent_filter,
        CONF_TORRENT_LIMIT: limit,
    }
    if value is not None:
        options[CONF_TORRENT_FILTER_VALUE] = value
    return options


class Server:
    """Answers the mocked client's syncs through a real sync engine."""

    def __init__(self, answer: Mapping[str, Any]) -> None:
        """Start from a full answer."""
        self.engine = SyncEngine()
        self._next: Mapping[str, Any] = answer

    def send(self, answer: Mapping[str, Any]) -> None:
        """Answer the next sync with ``answer`` (a delta or a full update)."""
        self._next = answer

    def restart(self, answer: Mapping[str, Any]) -> None:
        """A new client (Home Assistant restarted): its first sync is a baseline."""
        self.engine = SyncEngine()
        self._next = answer

    async def sync(self) -> SyncResult:
        answer, self._next = self._next, {}
        return self.engine.apply_maindata(answer)


@pytest.fixture
def server(mock_client: MagicMock) -> Server:
    """The fixture's ten torrents, served through the sync engine."""
    fake = Server(MAINDATA_ANSWER)
    mock_client.sync.side_effect = fake.sync
    return fake


async def set_up(
    hass: HomeAssistant, options: dict[str, Any] | None = None
) -> MockConfigEntry:
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="127.0.0.1:8080",
        unique_id=URL,
        data=ENTRY_DATA,
        options=options or {},
    )
    with patch("custom_components.qbittorrent_webui.PLATFORMS", PLATFORMS):
        await setup_entry(hass, entry)
    return entry


async def poll(hass: HomeAssistant, entry: ConfigEntry) -> None:
    await entry.runtime_data.coordinator.async_refresh_now()
    await hass.async_block_till_done()


def torrent_devices(
    hass: HomeAssistant, entry: ConfigEntry
) -> dict[str, dr.DeviceEntry]:
    """The entry's torrent devices by torrent name."""
    registry = dr.async_get(hass)
    prefix = f"{entry.unique_id}_"
    return {
        str(device.name): device
        for device in dr.async_entries_for_config_entry(registry, entry.entry_id)
        if any(identifier.startswith(prefix) for _, identifier in device.identifiers)
    }


def names(*numbers: int) -> set[str]:
    return {f"torrent-{number}" for number in numbers}


def torrent_entity_ids(hass: HomeAssistant, number: int) -> list[str]:
    """The entity ids registered for torrent-<number>'s device."""
    prefix = f"{URL}_{torrent_hash(number)}_"
    return [
        entity.entity_id
        for entity in er.async_get(hass).entities.values()
        if entity.unique_id.startswith(prefix)
    ]


@pytest.mark.usefixtures("server")
async def test_off_by_default(hass: HomeAssistant) -> None:
    entry = await set_up(hass)

    assert torrent_devices(hass, entry) == {}
    assert torrent_entity_ids(hass, 10) == []


@pytest.mark.usefixtures("server")
async def test_turning_the_option_on_reloads_with_the_devices(
    hass: HomeAssistant,
) -> None:
    entry = await set_up(hass)
    result = await hass.config_entries.options.async_init(entry.entry_id)

    with patch("custom_components.qbittorrent_webui.PLATFORMS", PLATFORMS):
        await hass.config_entries.options.async_configure(
            result["flow_id"], devices_on(limit=2, torrent_filter="tag", value="iso")
        )
        await hass.async_block_till_done()

    assert set(torrent_devices(hass, entry)) == names(9, 6)


@pytest.mark.usefixtures("server", "entity_registry_enabled_by_default")
async def test_torrent_device_and_its_entities(
    hass: HomeAssistant, entity_registry: er.EntityRegistry, snapshot: SnapshotAssertion
) -> None:
    """The newest torrent's device, under the server's, with nine entities."""
    entry = await set_up(hass, devices_on(limit=1))

    devices = torrent_devices(hass, entry)
    assert set(devices) == names(10)
    server_device = find_entry_device(dr.async_get(hass), entry.entry_id, (DOMAIN, URL))
    assert server_device is not None
    device = devices["torrent-10"]
    assert device.via_device_id == server_device.id
    assert device.identifiers == {(DOMAIN, f"{URL}_{torrent_hash(10)}")}
    entities = er.async_entries_for_device(entity_registry, device.id)
    assert len(entities) == 9
    snapshot_entities(hass, snapshot, entities)


@pytest.mark.usefixtures("server")
async def test_cap_keeps_the_most_recently_added(hass: HomeAssistant) -> None:
    entry = await set_up(hass, devices_on(limit=3))

    assert set(torrent_devices(hass, entry)) == names(10, 9, 8)


@pytest.mark.usefixtures("server")
@pytest.mark.parametrize(
    ("torrent_filter", "value", "expected"),
    [
        ("category", "linux", names(1, 3, 5, 7, 9)),
        ("tag", "iso", names(3, 6, 9)),
        ("active", None, names(1, 3)),
        ("all", None, names(*range(1, 11))),
    ],
)
async def test_filters(
    hass: HomeAssistant, torrent_filter: str, value: str | None, expected: set[str]
) -> None:
    entry = await set_up(hass, devices_on(torrent_filter=torrent_filter, value=value))

    assert set(torrent_devices(hass, entry)) == expected


async def test_devices_follow_the_torrents(hass: HomeAssistant, server: Server) -> None:
    """A removed torrent's device goes, the next one takes its place; a newer
    torrent displaces the least recently added one.
    """
    entry = await set_up(hass, devices_on(limit=3))
    gone = torrent_entity_ids(hass, 9)
    assert len(gone) == 9

    server.send({"rid": 2, "torrents_removed": [torrent_hash(9), torrent_hash(1)]})
    await poll(hass, entry)

    assert set(torrent_devices(hass, entry)) == names(10, 8, 7)
    assert torrent_entity_ids(hass, 9) == []
    assert all(hass.states.get(entity_id) is None for entity_id in gone)
    assert len(torrent_entity_ids(hass, 7)) == 9

    server.send({"rid": 3, "torrents": torrent_answer(11, added_on=NEWEST_ADDED)})
    await poll(hass, entry)

    assert set(torrent_devices(hass, entry)) == names(11, 10, 8)
    assert torrent_entity_ids(hass, 7) == []

    # Older than every chosen one: no device.
    old = NEWEST_ADDED - 10**8
    server.send(
        {
            "rid": 4,
            "torrents": torrent_answer(12, added_on=old)
            | torrent_answer(13, added_on=old),
        }
    )
    await poll(hass, entry)

    assert set(torrent_devices(hass, entry)) == names(11, 10, 8)


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_renamed_torrent_renames_its_device(
    hass: HomeAssistant, server: Server
) -> None:
    """The device and its entities follow a rename; the user's name stays."""
    entry = await set_up(hass, devices_on(limit=2))
    assert set(torrent_devices(hass, entry)) == names(10, 9)

    server.send({"rid": 2, "torrents": {torrent_hash(10): {"name": "Sintel 4K"}}})
    await poll(hass, entry)

    assert set(torrent_devices(hass, entry)) == {"Sintel 4K", "torrent-9"}
    progress = er.async_get(hass).async_get_entity_id(
        "sensor", DOMAIN, f"{URL}_{torrent_hash(10)}_progress"
    )
    assert progress is not None
    state = hass.states.get(progress)
    assert state is not None
    assert state.attributes["friendly_name"] == "Sintel 4K Progress"

    device = torrent_devices(hass, entry)["torrent-9"]
    dr.async_get(hass).async_update_device(device.id, name_by_user="Big Buck Bunny")
    server.send({"rid": 3, "torrents": {torrent_hash(9): {"name": "bbb-1080p"}}})
    await poll(hass, entry)

    renamed = dr.async_get(hass).async_get(device.id)
    assert renamed is not None
    assert (renamed.name, renamed.name_by_user) == ("bbb-1080p", "Big Buck Bunny")


async def test_choice_holds_through_many_changes(
    hass: HomeAssistant, server: Server
) -> None:
    """Leavers, waiting torrents gone and joiners, the choice stays the newest.

    The heap of waiting torrents is rebuilt as soon as it holds stale entries.
    """
    entry = await set_up(hass, devices_on(limit=1))

    with patch("custom_components.qbittorrent_webui.torrent_devices._HEAP_SLACK", 0):
        server.send({"rid": 2, "torrents_removed": [torrent_hash(10), torrent_hash(9)]})
        await poll(hass, entry)
        assert set(torrent_devices(hass, entry)) == names(8)

        server.send(
            {"rid": 3, "torrents_removed": [torrent_hash(n) for n in range(1, 7)]}
        )
        await poll(hass, entry)
        assert set(torrent_devices(hass, entry)) == names(8)

        old = NEWEST_ADDED - 10**8
        server.send({"rid": 4, "torrents": torrent_answer(12, added_on=old)})
        await poll(hass, entry)
        assert set(torrent_devices(hass, entry)) == names(8)

        server.send({"rid": 5, "torrents_removed": [torrent_hash(8)]})
        await poll(hass, entry)
        assert set(torrent_devices(hass, entry)) == names(7)

        server.send({"rid": 6, "torrents_removed": [torrent_hash(7)]})
        await poll(hass, entry)
        assert set(torrent_devices(hass, entry)) == names(12)


async def test_active_devices_follow_the_activity(
    hass: HomeAssistant, server: Server
) -> None:
    entry = await set_up(hass, devices_on(torrent_filter="active"))
    assert set(torrent_devices(hass, entry)) == names(1, 3)

    server.send(
        {
            "rid": 2,
            "torrents": {
                torrent_hash(2): {"dlspeed": 1000},
                torrent_hash(1): {"dlspeed": 0, "upspeed": 0},
                torrent_hash(4): {"num_seeds": 3},
            },
        }
    )
    await poll(hass, entry)

    assert set(torrent_devices(hass, entry)) == names(2, 3)


async def test_entities_unavailable_while_the_server_is(
    hass: HomeAssistant, server: Server, mock_client: MagicMock
) -> None:
    entry = await set_up(hass, devices_on(limit=1))
    (run,) = (
        entity_id
        for entity_id in torrent_entity_ids(hass, 10)
        if entity_id.startswith("switch.")
    )
    mock_client.sync.side_effect = QBittorrentConnectionError("refused")
    await poll(hass, entry)

    assert (state := hass.states.get(run)) is not None
    assert state.state == "unavailable"
    assert set(torrent_devices(hass, entry)) == names(10)

    mock_client.sync.side_effect = server.sync
    await poll(hass, entry)

    assert (state := hass.states.get(run)) is not None
    assert state.state == "on"


async def test_full_update_chooses_again(hass: HomeAssistant, server: Server) -> None:
    """After a new session every torrent is judged again."""
    entry = await set_up(hass, devices_on(limit=2))

    server.send(
        maindata_answer(*(torrent_answer(number) for number in range(1, 6)))
        | {"rid": 2, "full_update": True}
    )
    await poll(hass, entry)

    assert set(torrent_devices(hass, entry)) == names(5, 4)


async def test_entities_show_the_torrent_and_write_only_changes(
    hass: HomeAssistant, server: Server
) -> None:
    entry = await set_up(hass, devices_on(limit=1))
    progress = next(
        entity_id
        for entity_id in torrent_entity_ids(hass, 10)
        if entity_id.endswith("_progress")
    )
    server.send({"rid": 2, "torrents": torrent_answer(1, dlspeed=2)})
    await poll(hass, entry)
    state = hass.states.get(progress)
    assert state is not None
    written = state.last_reported

    server.send({"rid": 3, "torrents": torrent_answer(1, dlspeed=1)})
    await poll(hass, entry)
    state = hass.states.get(progress)
    assert state is not None
    assert state.last_reported == written

    server.send({"rid": 4, "torrents": {torrent_hash(10): {"progress": 0.5}}})
    await poll(hass, entry)
    state = hass.states.get(progress)
    assert state is not None
    assert state.state == "50.0"


async def test_stale_devices_are_removed_at_setup(
    hass: HomeAssistant, server: Server
) -> None:
    """Torrents gone, or the option turned off, while Home Assistant was stopped."""
    entry = await set_up(hass, devices_on(limit=3))
    assert set(torrent_devices(hass, entry)) == names(10, 9, 8)
    await hass.config_entries.async_unload(entry.entry_id)

    server.restart(
        maindata_answer(*(torrent_answer(number) for number in range(1, 10)))
    )
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert set(torrent_devices(hass, entry)) == names(9, 8, 7)
    assert torrent_entity_ids(hass, 10) == []
    await hass.config_entries.async_unload(entry.entry_id)

    hass.config_entries.async_update_entry(entry, options={})
    server.restart(MAINDATA_ANSWER)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert torrent_devices(hass, entry) == {}
    assert torrent_entity_ids(hass, 9) == []


# --- against the emulator, over HTTP -----------------------------------------


@pytest.fixture
async def emulated_entry(
    hass: HomeAssistant, emulator_url: str
) -> AsyncIterator[ConfigEntry]:
    """The emulator's server with a device for its newest torrent."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="emulator",
        unique_id=emulator_url,
        data=ENTRY_DATA | {"url": emulator_url},
        options=devices_on(limit=1),
    )
    await setup_entry(hass, entry)
    yield entry
    await hass.config_entries.async_unload(entry.entry_id)


def newest(emulator: QBittorrentEmulator) -> str:
    return max(
        emulator.torrents,
        key=lambda key: (emulator.torrents[key]["added_on"], key),
    )


def entity_of(hass: HomeAssistant, entry: ConfigEntry, platform: str, key: str) -> str:
    ((_, torrent_key),) = [
        identifier
        for device in torrent_devices(hass, entry).values()
        for identifier in device.identifiers
    ]
    entity_id = er.async_get(hass).async_get_entity_id(
        platform, DOMAIN, f"{torrent_key}_{key}"
    )
    assert entity_id is not None
    return entity_id


@pytest.mark.parametrize("emulator_version", [v for v in VERSIONS if v >= "4.6"])
async def test_run_switch_pauses_and_resumes_on_the_server(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulated_entry: ConfigEntry
) -> None:
    key = newest(emulator)
    stopped = {"pausedUP", "pausedDL", "stoppedUP", "stoppedDL"}
    assert set(torrent_devices(hass, emulated_entry)) == {
        emulator.torrents[key]["name"]
    }
    run = entity_of(hass, emulated_entry, "switch", "run")

    await hass.services.async_call(
        "switch", "turn_off", {"entity_id": run}, blocking=True
    )
    assert emulator.torrents[key]["state"] in stopped
    assert (state := hass.states.get(run)) is not None
    assert state.state == "off"

    await hass.services.async_call(
        "switch", "turn_on", {"entity_id": run}, blocking=True
    )
    assert emulator.torrents[key]["state"] not in stopped
    assert (state := hass.states.get(run)) is not None
    assert state.state == "on"


@pytest.mark.parametrize("emulator_version", [v for v in VERSIONS if v >= "4.6"])
async def test_buttons_reach_the_server(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulated_entry: ConfigEntry
) -> None:
    key = newest(emulator)

    await hass.services.async_call(
        "button",
        "press",
        {"entity_id": entity_of(hass, emulated_entry, "button", "reannounce")},
        blocking=True,
    )
    assert emulator.reannounced == [key]

    await hass.services.async_call(
        "button",
        "press",
        {"entity_id": entity_of(hass, emulated_entry, "button", "recheck")},
        blocking=True,
    )
    assert emulator.torrents[key]["state"].startswith("checking")
    state = hass.states.get(entity_of(hass, emulated_entry, "sensor", "state"))
    assert state is not None
    assert state.state == "checking"


# --- against real qbittorrent-nox (skipped where not installed) --------------


@pytest.mark.real_server
@pytest.mark.slow
@pytest.mark.parametrize("version", ["5.3.0", "4.2.5"])
async def test_run_switch_pauses_a_real_torrent(
    hass: HomeAssistant, qbittorrent_process_factory: Factory, version: str
) -> None:
    server = await qbittorrent_process_factory(version)
    (key,) = await seed_finished_torrents(server, 1)
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="real",
        unique_id=server.url,
        data=ENTRY_DATA | {"url": server.url},
        options=devices_on(limit=1),
    )
    await setup_entry(hass, entry)
    run = entity_of(hass, entry, "switch", "run")
    assert (state := hass.states.get(run)) is not None
    assert state.state == "on"

    await hass.services.async_call(
        "switch", "turn_off", {"entity_id": run}, blocking=True
    )
    await poll_until(hass, lambda: hass.states.get(run).state == "off")  # type: ignore[union-attr]

    jar = aiohttp.CookieJar(unsafe=True, quote_cookie=False)
    async with aiohttp.ClientSession(cookie_jar=jar) as http:
        await login(http, server)
        (listed,) = await torrents_info(http, server.url)
    assert listed["hash"] == key
    assert listed["state"] in {"pausedUP", "stoppedUP"}
    await hass.config_entries.async_unload(entry.entry_id)
