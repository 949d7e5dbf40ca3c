"""Fixtures for the Home Assistant integration tests."""

from datetime import UTC, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any
from unittest.mock import AsyncMock, MagicMock, PropertyMock, patch

from homeassistant.const import (
    CONF_PASSWORD,
    CONF_URL,
    CONF_USERNAME,
    CONF_VERIFY_SSL,
    Platform,
)
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.syrupy import (
    HomeAssistantSnapshotExtension,
)

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    Capabilities,
    Category,
    ConnectionStatus,
    Generation,
    MainData,
    ServerInfo,
    ServerState,
    SpeedLimits,
    SyncResult,
    Torrent,
    TorrentStatus,
)
from qbittorrent_tooling.emulator import QBittorrentEmulator

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

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


def make_torrent(number: int, status: TorrentStatus, **values: Any) -> Torrent:
    """Build a torrent with a hash and name derived from ``number``."""
    complete = status in {TorrentStatus.SEEDING, TorrentStatus.STALLED_SEEDING}
    return Torrent(
        **{
            "hash": f"{number:040x}",
            "name": f"torrent-{number}",
            "state": status.value,
            "status": status,
            "progress": 1.0 if complete else 0.5,
            "size": 1000 * number,
            "amount_left": 0 if complete else 500 * number,
            "download_speed": 0,
            "upload_speed": 0,
            "category": "linux" if number % 2 else None,
            "tags": frozenset({"iso"}) if number % 3 == 0 else frozenset(),
            "save_path": "/downloads",
            "added_on": datetime(2026, 1, number, tzinfo=UTC),
            **values,
        }
    )


def make_main_data(*torrents: Torrent, **server_values: Any) -> MainData:
    """Build a snapshot with typical server values, overridable."""
    state = {
        "download_speed": 2_097_152,
        "upload_speed": 524_288,
        "session_downloaded": 10_737_418_240,
        "session_uploaded": 5_368_709_120,
        "alltime_downloaded": 1_099_511_627_776,
        "alltime_uploaded": 2_199_023_255_552,
        "global_ratio": 2.0,
        "download_rate_limit": 0,
        "upload_rate_limit": 1_048_576,
        "connection_status": ConnectionStatus.CONNECTED,
        "dht_nodes": 321,
        "free_space_on_disk": 536_870_912_000,
        "alternative_speed_limits_enabled": False,
    } | server_values
    return MainData(
        server_state=ServerState(**state),
        torrents=MappingProxyType({torrent.hash: torrent for torrent in torrents}),
        categories=MappingProxyType({"linux": Category("linux", "/downloads/linux")}),
        tags=frozenset({"iso"}),
    )


TORRENTS = (
    make_torrent(1, TorrentStatus.DOWNLOADING, download_speed=2_097_152),
    make_torrent(2, TorrentStatus.STALLED_DOWNLOADING),
    make_torrent(3, TorrentStatus.SEEDING, upload_speed=524_288),
    make_torrent(4, TorrentStatus.STALLED_SEEDING),
    make_torrent(5, TorrentStatus.STOPPED),
    make_torrent(6, TorrentStatus.CHECKING),
    make_torrent(7, TorrentStatus.QUEUED),
    make_torrent(8, TorrentStatus.ERROR),
    make_torrent(9, TorrentStatus.MISSING_FILES),
    make_torrent(10, TorrentStatus.MOVING),
)
MAIN_DATA = make_main_data(*TORRENTS)


class IntegrationSnapshotExtension(HomeAssistantSnapshotExtension):
    """Keeps the snapshots in tests/integration/snapshots."""

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
    client.get_alternative_speed_limits.return_value = SpeedLimits(
        download=100 * 1024, upload=50 * 1024
    )
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
