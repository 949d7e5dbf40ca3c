"""Fixtures for the Home Assistant integration tests."""

import asyncio
from collections.abc import Mapping
from datetime import timedelta
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from unittest.mock import AsyncMock, MagicMock, PropertyMock, patch

from homeassistant.config_entries import SOURCE_USER
from homeassistant.const import (
    CONF_PASSWORD,
    CONF_URL,
    CONF_USERNAME,
    CONF_VERIFY_SSL,
    Platform,
)
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.syrupy import (
    HomeAssistantSnapshotExtension,
)

from custom_components.qbittorrent_webui.const import DOMAIN, UPDATE_INTERVAL
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    Capabilities,
    Generation,
    MainData,
    Preferences,
    ServerInfo,
    SpeedLimits,
    SyncResult,
    Torrent,
)
from custom_components.qbittorrent_webui.qbittorrent_webui_client._parse import (
    as_limit,
    preferences_from_api,
    server_state_from_digest,
)
from custom_components.qbittorrent_webui.qbittorrent_webui_client._sync import (
    SyncEngine,
)
from qbittorrent_tooling.emulator import QBittorrentEmulator

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable, Iterable, Iterator

    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant
    from syrupy.assertion import SnapshotAssertion

URL = "http://127.0.0.1:8080"
ENTRY_DATA = {
    CONF_URL: URL,
    CONF_USERNAME: "admin",
    CONF_PASSWORD: "adminadmin",
    CONF_VERIFY_SSL: True,
}

ALL_CAPABILITIES = Capabilities(
    **dict.fromkeys(
        (
            name
            for name in Capabilities.__dataclass_fields__
            if name != "alternative_speed_toggle_only"
        ),
        True,
    )
)
# What detection finds from the servers' version answers (plain text, no JSON).
SERVER_INFO = ServerInfo(
    generation=Generation.MODERN,
    app_version="5.3.0",
    api_version="2.16.2",
    capabilities=ALL_CAPABILITIES,
)
DIGEST_SERVER_INFO = ServerInfo(
    generation=Generation.DIGEST,
    app_version="3.1.12",
    api_version=None,
    capabilities=Capabilities(),
)

FIXTURES = Path(__file__).parent / "fixtures"


def load_json_fixture(filename: str) -> Any:
    """Return the JSON of ``fixtures/<filename>``."""
    return json.loads((FIXTURES / filename).read_text(encoding="utf-8"))


# qBittorrent 5.3.0's answers, as its WebUI sends them: a full sync/maindata
# with one torrent in each status (torrent-1 ... torrent-10) and the
# preferences. The mocked client returns what the client's own parser and
# sync engine make of them, so the mocked path reads real JSON too.
MAINDATA_ANSWER: dict[str, Any] = load_json_fixture("sync_maindata.json")
PREFERENCES_ANSWER: dict[str, Any] = load_json_fixture("app_preferences.json")
# What 3.1.12 sends on /json/transferInfo: translated text, no limits.
DIGEST_TRANSFER_INFO_ANSWER: dict[str, Any] = load_json_fixture(
    "json_transfer_info.json"
)


def torrent_hash(number: int) -> str:
    """The fixture's info hash of torrent-<number>: the SHA-1 of its name."""
    return hashlib.sha1(f"torrent-{number}".encode(), usedforsecurity=False).hexdigest()


def torrent_answer(number: int, **fields: Any) -> dict[str, dict[str, Any]]:
    """``{hash: fields}`` of torrent-<number> as maindata lists it, ``fields`` changed.

    Torrents 1 to 10 are the fixture's; a higher number is a new torrent,
    downloading like torrent-1 under its own name and hash.
    """
    torrent = torrent_hash(number)
    raw = MAINDATA_ANSWER["torrents"].get(torrent)
    if raw is None:
        raw = MAINDATA_ANSWER["torrents"][torrent_hash(1)] | {
            "name": f"torrent-{number}",
            "infohash_v1": torrent,
            "magnet_uri": f"magnet:?xt=urn:btih:{torrent}&dn=torrent-{number}",
            "content_path": f"/downloads/torrent-{number}",
        }
    return {torrent: raw | fields}


def stopped_answer(number: int) -> dict[str, dict[str, Any]]:
    """Torrent-<number> as listed after a stop: no transfer, stopped state."""
    (raw,) = torrent_answer(number).values()
    state = "stoppedUP" if raw["amount_left"] == 0 else "stoppedDL"
    return torrent_answer(number, state=state, dlspeed=0, upspeed=0, eta=8_640_000)


def maindata_answer(
    *torrents: Mapping[str, dict[str, Any]], **server_state: Any
) -> dict[str, Any]:
    """The fixture's full maindata answer with other torrents and server values.

    ``torrents`` (``{hash: fields}`` mappings) replace the fixture's, and the
    tracker section follows them; none leaves both out, as 5.x does for empty
    lists. A server value of ``None`` leaves that field out.
    """
    answer = {key: value for key, value in MAINDATA_ANSWER.items() if key != "torrents"}
    answer["server_state"] = {
        key: value
        for key, value in (MAINDATA_ANSWER["server_state"] | server_state).items()
        if value is not None
    }
    answer.pop("trackers", None)
    if merged := {key: raw for answers in torrents for key, raw in answers.items()}:
        answer["torrents"] = merged
        trackers: dict[str, list[str]] = {}
        for key, raw in merged.items():
            if raw["tracker"]:
                trackers.setdefault(raw["tracker"], []).append(key)
        answer["trackers"] = trackers
    return answer


def sync_result(answer: Mapping[str, Any]) -> SyncResult:
    """What the client's sync returns for ``answer`` as its first sync."""
    return SyncEngine().apply_maindata(answer)


def make_main_data(
    *torrents: Mapping[str, dict[str, Any]], **server_state: Any
) -> MainData:
    """The parsed snapshot of :func:`maindata_answer`."""
    return sync_result(maindata_answer(*torrents, **server_state)).data


def make_torrent(number: int, **fields: Any) -> Torrent:
    """Torrent-<number> as the parser reads it (see :func:`torrent_answer`)."""
    return make_main_data(torrent_answer(number, **fields)).torrents[
        torrent_hash(number)
    ]


MAIN_DATA = sync_result(MAINDATA_ANSWER).data
TORRENTS = tuple(MAIN_DATA.torrents.values())
ALTERNATIVE_SPEED_LIMITS = SpeedLimits(
    download=as_limit(PREFERENCES_ANSWER["alt_dl_limit"]),
    upload=as_limit(PREFERENCES_ANSWER["alt_up_limit"]),
)
PREFERENCES: Preferences = preferences_from_api(
    PREFERENCES_ANSWER, ALTERNATIVE_SPEED_LIMITS
)
DIGEST_MAIN_DATA = (
    SyncEngine()
    .apply_full_lists((), server_state_from_digest(DIGEST_TRANSFER_INFO_ANSWER))
    .data
)


# What the integration decides about an entity. The registry's own bookkeeping
# (ids, config entry links, aliases, labels, what the user set) changes shape
# between Home Assistant releases, so one snapshot set would not hold on both
# the minimum and the latest; it is left out.
ENTITY_FIELDS = (
    "entity_id",
    "unique_id",
    "platform",
    "has_entity_name",
    "translation_key",
    "original_name",
    "original_device_class",
    "original_icon",
    "entity_category",
    "disabled_by",
    "capabilities",
    "supported_features",
    "unit_of_measurement",
    "options",
)


async def snapshot_platform(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    config_entry_id: str,
) -> None:
    """Snapshot each entity's registry entry (ENTITY_FIELDS) and state."""
    entries = er.async_entries_for_config_entry(entity_registry, config_entry_id)
    assert entries
    assert len({entry.domain for entry in entries}) == 1, "load one platform"
    snapshot_entities(hass, snapshot, entries)


def snapshot_entities(
    hass: HomeAssistant,
    snapshot: SnapshotAssertion,
    entries: Iterable[er.RegistryEntry],
) -> None:
    """Snapshot the registry entry (ENTITY_FIELDS) and state of each entity."""
    for entry in entries:
        fields = {name: plain(getattr(entry, name)) for name in ENTITY_FIELDS}
        assert fields == snapshot(name=f"{entry.entity_id}-entry")
        state = hass.states.get(entry.entity_id)
        assert state is not None
        assert {
            "state": state.state,
            "attributes": plain(state.attributes),
        } == snapshot(name=f"{entry.entity_id}-state")


def plain(value: object) -> object:
    """Mappings as dicts with plain string keys (newer releases key by StrEnum)."""
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    return value


class IntegrationSnapshotExtension(HomeAssistantSnapshotExtension):
    """Keeps the snapshots in snapshots/ beside the tests."""

    snapshot_dirname = "snapshots"


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Return the snapshot fixture storing under ``snapshots/``."""
    return snapshot.use_extension(IntegrationSnapshotExtension)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load the integration from custom_components."""


@pytest.fixture
def entry_data() -> dict[str, Any]:
    """Return the data of the mocked entry; parametrize to change it."""
    return ENTRY_DATA


@pytest.fixture
def mock_config_entry(entry_data: dict[str, Any]) -> MockConfigEntry:
    """Return the config entry of a 5.3.0 server."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="127.0.0.1:8080",
        unique_id=URL,
        data=entry_data,
    )


@pytest.fixture
def server_info() -> ServerInfo:
    """Return what the mocked client detects; override per test module."""
    return SERVER_INFO


@pytest.fixture
def main_data() -> MainData:
    """Return what the mocked client syncs; override per test module."""
    return MAIN_DATA


@pytest.fixture
def mock_client_class() -> Iterator[MagicMock]:
    """Patch the client class where the integration creates clients."""
    with patch(
        "custom_components.qbittorrent_webui.client.QBittorrentClient", autospec=True
    ) as client_class:
        yield client_class


@pytest.fixture
def mock_client(
    mock_client_class: MagicMock, server_info: ServerInfo, main_data: MainData
) -> MagicMock:
    """Return the patched client, answering with fixed data."""
    client = mock_client_class.return_value
    client.detect.return_value = server_info
    client.server_info = server_info
    client.sync.return_value = SyncResult(data=main_data, baseline=True)
    client.get_server_preferences.return_value = PREFERENCES
    return client


@pytest.fixture
async def mock_setup_entry(hass: HomeAssistant) -> AsyncIterator[AsyncMock]:
    """Keep the config flow tests from setting the entry up (or unloading it)."""
    with (
        patch(
            "custom_components.qbittorrent_webui.async_setup_entry", return_value=True
        ) as setup_entry,
        patch(
            "custom_components.qbittorrent_webui.async_unload_entry", return_value=True
        ),
    ):
        yield setup_entry
        for entry in hass.config_entries.async_entries(DOMAIN):
            await hass.config_entries.async_unload(entry.entry_id)


async def setup_entry(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Add ``entry`` and set it up."""
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def configure_entry(hass: HomeAssistant, url: str) -> ConfigEntry:
    """Add the server at ``url`` through the config flow, as a user would."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], ENTRY_DATA | {CONF_URL: url}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY, result.get("errors")
    await hass.async_block_till_done(wait_background_tasks=True)
    return result["result"]


@pytest.fixture
def emulator_version() -> str:
    """Return the emulated qBittorrent version; parametrize to change it."""
    return "5.3.0"


@pytest.fixture
def emulator_api_key() -> str | None:
    """Return the API key the emulator accepts (none); parametrize to set one."""
    return None


@pytest.fixture
def emulator(
    emulator_version: str, emulator_api_key: str | None
) -> QBittorrentEmulator:
    """Return an emulated server with a small reproducible population."""
    return QBittorrentEmulator(
        emulator_version,
        username="admin",
        password="adminadmin",
        torrent_count=8,
        api_key=emulator_api_key,
    )


@pytest.fixture
async def emulator_url(
    emulator: QBittorrentEmulator, socket_enabled: None
) -> AsyncIterator[str]:
    """Serve the emulator on loopback and return its URL."""
    async with emulator.serve() as url:
        yield url


@pytest.fixture
def emulator_entry(emulator_url: str, entry_data: dict[str, Any]) -> MockConfigEntry:
    """Return a config entry pointing at the emulator."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="emulator",
        unique_id=emulator_url,
        data=entry_data | {CONF_URL: emulator_url},
    )


@pytest.fixture
def entity_registry_enabled_by_default() -> Iterator[None]:
    """Create every entity enabled, including those disabled by default."""
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        new_callable=PropertyMock,
        return_value=True,
    ):
        yield


@pytest.fixture
def platforms() -> list[Platform]:
    """Return the platforms to set up; parametrize to restrict."""
    return [
        Platform.BINARY_SENSOR,
        Platform.BUTTON,
        Platform.EVENT,
        Platform.NUMBER,
        Platform.SENSOR,
        Platform.SWITCH,
    ]


@pytest.fixture
async def init_integration(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    mock_client: MagicMock,
    platforms: list[Platform],
) -> MockConfigEntry:
    """Set the integration up with the mocked client and chosen platforms."""
    with patch("custom_components.qbittorrent_webui.PLATFORMS", platforms):
        await setup_entry(hass, mock_config_entry)
    return mock_config_entry


# Past the coordinator's next refresh, which carries a sub-second offset.
POLL_STEP = UPDATE_INTERVAL + timedelta(seconds=1)
# Bounded waits for what a real server does asynchronously (adding a magnet,
# coming back after a restart): at most this many polls, half a second apart.
MAX_POLLS = 40


async def poll_frozen(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Move the frozen clock to the next poll and let it finish."""
    freezer.tick(UPDATE_INTERVAL)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def poll_now(hass: HomeAssistant) -> None:
    """Let the next poll happen now, on the real clock.

    The clock is not frozen where a server times sessions with the real one.
    """
    async_fire_time_changed(hass, dt_util.utcnow() + POLL_STEP)
    await hass.async_block_till_done(wait_background_tasks=True)


async def poll_until(hass: HomeAssistant, condition: Callable[[], bool]) -> None:
    """Poll (bounded) until qBittorrent shows what it was told."""
    for _ in range(MAX_POLLS):
        await poll_now(hass)
        if condition():
            return
        await asyncio.sleep(0.5)
    msg = "condition not reached"
    raise AssertionError(msg)
