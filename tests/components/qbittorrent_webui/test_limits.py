"""Speed limits as a user sets and reads them, on the emulator and real servers.

The numbers and actions speak KiB/s; qBittorrent keeps B/s in a 32-bit int
(its preferences too, from 3.3.8 on). What the server holds is read back
through a separate client, which ``library/tests/test_contract.py`` checks
against the real servers.
"""

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiohttp
from homeassistant.components.number import (
    ATTR_VALUE,
    DOMAIN as NUMBER_DOMAIN,
    SERVICE_SET_VALUE,
)
from homeassistant.const import ATTR_ENTITY_ID, CONF_URL
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import yaml

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    MAX_SPEED_LIMIT,
    MAX_SPEED_LIMIT_KIBIBYTES,
    QBittorrentClient,
    SpeedLimits,
)
from qbittorrent_tooling.emulator import QBittorrentEmulator
from qbittorrent_tooling.pytest_plugin import REAL_VERSIONS

from .conftest import ENTRY_DATA, setup_entry

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from homeassistant.core import HomeAssistant

    from qbittorrent_tooling.pytest_plugin import ProcessFactory

MAX_KIB = 2_097_151
SERVICES_YAML = (
    Path(__file__).parents[3]
    / "custom_components"
    / "qbittorrent_webui"
    / "services.yaml"
)
TORRENT_HASH = "e" * 40
TORRENT_MAGNET = f"magnet:?xt=urn:btih:{TORRENT_HASH}&dn=limits"

SERVERS = [
    pytest.param(("emulator", "5.3.0"), id="emulator-5.3.0"),
    # 3.3.7 keeps the preferences' limits in KiB/s.
    pytest.param(("emulator", "3.3.7"), id="emulator-3.3.7"),
    *(
        pytest.param(
            ("real", version), id=f"real-{version}", marks=pytest.mark.real_server
        )
        for version in REAL_VERSIONS
    ),
]


@pytest.fixture(params=SERVERS)
async def server_url(
    request: pytest.FixtureRequest,
    qbittorrent_process_factory: ProcessFactory,
    socket_enabled: None,
) -> AsyncIterator[str]:
    """A fresh server: the emulator or a real qbittorrent-nox."""
    kind, version = request.param
    if kind == "real":
        process = await qbittorrent_process_factory(version)
        yield process.url
        return
    emulator = QBittorrentEmulator(
        version, username="admin", password="adminadmin", torrent_count=0
    )
    async with emulator.serve() as url:
        yield url


@pytest.fixture
async def inspector(server_url: str) -> AsyncIterator[QBittorrentClient]:
    """A client of its own that reads what the server holds."""
    jar = aiohttp.CookieJar(unsafe=True, quote_cookie=False)
    async with aiohttp.ClientSession(cookie_jar=jar) as session:
        yield QBittorrentClient(
            server_url, session, username="admin", password="adminadmin"
        )


@pytest.fixture
async def entry(
    hass: HomeAssistant, server_url: str, inspector: QBittorrentClient
) -> AsyncIterator[MockConfigEntry]:
    """The server set up in Home Assistant, with one stopped torrent."""
    await inspector.add_torrent_urls([TORRENT_MAGNET])
    # A real server adds asynchronously.
    for _ in range(50):
        if TORRENT_HASH in (await inspector.sync()).data.torrents:
            break
        await asyncio.sleep(0.1)
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="limits",
        unique_id=server_url,
        data=ENTRY_DATA | {CONF_URL: server_url},
    )
    await setup_entry(hass, entry)
    yield entry
    # Unloaded while the server still answers.
    await hass.config_entries.async_unload(entry.entry_id)


def _number(hass: HomeAssistant, entry: MockConfigEntry, key: str) -> str:
    entity_id = er.async_get(hass).async_get_entity_id(
        NUMBER_DOMAIN, DOMAIN, f"{entry.unique_id}_{key}"
    )
    assert entity_id is not None, key
    return entity_id


async def _set_number(hass: HomeAssistant, entity_id: str, value: float) -> None:
    await hass.services.async_call(
        NUMBER_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: entity_id, ATTR_VALUE: value},
        blocking=True,
    )
    await hass.async_block_till_done()


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_alternative_limit_numbers_show_and_set_kib(
    hass: HomeAssistant, entry: MockConfigEntry, inspector: QBittorrentClient
) -> None:
    download = _number(hass, entry, "alt_download_limit")
    upload = _number(hass, entry, "alt_upload_limit")
    # qBittorrent's default alternative limits are 10 KiB/s.
    assert hass.states.get(download).state == "10.0"
    assert hass.states.get(upload).state == "10.0"

    await _set_number(hass, download, 300)
    await _set_number(hass, upload, MAX_KIB)

    assert await inspector.get_alternative_speed_limits() == SpeedLimits(
        download=300 * 1024, upload=MAX_SPEED_LIMIT
    )
    assert hass.states.get(download).state == "300.0"
    assert hass.states.get(upload).state == f"{MAX_KIB}.0"
    # Once the alternative mode is on they are the limits in force.
    await inspector.set_alternative_speed_limits_enabled(True)
    assert await inspector.get_global_download_limit() == 300 * 1024


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_numbers_stop_at_the_highest_storable_limit(
    hass: HomeAssistant, entry: MockConfigEntry, inspector: QBittorrentClient
) -> None:
    for key in ("download_limit", "alt_download_limit"):
        entity_id = _number(hass, entry, key)
        assert hass.states.get(entity_id).attributes["max"] == MAX_KIB
        with pytest.raises(ServiceValidationError):
            await _set_number(hass, entity_id, MAX_KIB + 1)
    assert await inspector.get_global_download_limit() == 0
    assert (await inspector.get_alternative_speed_limits()).download == 10 * 1024


async def _refused(
    hass: HomeAssistant, entry: MockConfigEntry, action: str, data: dict[str, Any]
) -> ServiceValidationError:
    with pytest.raises(ServiceValidationError) as caught:
        await hass.services.async_call(
            DOMAIN,
            action,
            {"config_entry_id": entry.entry_id, **data},
            blocking=True,
        )
    return caught.value


@pytest.mark.parametrize(
    ("action", "data", "field"),
    [
        ("set_speed_limits", {"download_limit": 3_000_000}, "download_limit"),
        (
            "set_speed_limits",
            {"upload_limit": 5, "download_limit": MAX_KIB + 1},
            "download_limit",
        ),
        (
            "set_speed_limits",
            {"torrent_hashes": [TORRENT_HASH], "upload_limit": 4_194_305},
            "upload_limit",
        ),
        (
            "add_torrent",
            {"urls": ["magnet:?xt=urn:btih:" + "f" * 40], "download_limit": 10_000_000},
            "download_limit",
        ),
    ],
)
async def test_limits_qbittorrent_would_wrap_are_refused(
    hass: HomeAssistant,
    *,
    entry: MockConfigEntry,
    inspector: QBittorrentClient,
    action: str,
    data: dict[str, Any],
    field: str,
) -> None:
    error = await _refused(hass, entry, action, data)

    assert error.translation_key == "limit_too_high"
    assert error.translation_placeholders == {
        "field": field,
        "value": f"{data[field]:,}",
        "maximum": "2,097,151",
    }
    assert "give at most 2,097,151 KiB/s" in str(error)
    # Nothing changed on the server, not even the limit that was acceptable.
    assert await inspector.get_global_download_limit() == 0
    assert await inspector.get_global_upload_limit() == 0
    assert await inspector.get_torrent_upload_limits([TORRENT_HASH]) == {
        TORRENT_HASH: 0
    }
    assert list((await inspector.sync()).data.torrents) == [TORRENT_HASH]


async def test_highest_limit_is_stored_exactly(
    hass: HomeAssistant, entry: MockConfigEntry, inspector: QBittorrentClient
) -> None:
    await hass.services.async_call(
        DOMAIN,
        "set_speed_limits",
        {
            "config_entry_id": entry.entry_id,
            "download_limit": MAX_KIB,
            "upload_limit": 300,
        },
        blocking=True,
    )
    await hass.services.async_call(
        DOMAIN,
        "set_speed_limits",
        {
            "config_entry_id": entry.entry_id,
            "torrent_hashes": [TORRENT_HASH],
            "download_limit": MAX_KIB,
        },
        blocking=True,
    )

    assert await inspector.get_global_download_limit() == MAX_SPEED_LIMIT
    assert await inspector.get_global_upload_limit() == 300 * 1024
    assert await inspector.get_torrent_download_limits([TORRENT_HASH]) == {
        TORRENT_HASH: MAX_SPEED_LIMIT
    }


def test_limit_fields_offer_at_most_the_storable_limit() -> None:
    # The action form used to offer 10,000,000 KiB/s, which became 1.54 GiB/s.
    descriptions = yaml.safe_load(SERVICES_YAML.read_text())
    for action in ("add_torrent", "set_speed_limits"):
        for field in ("download_limit", "upload_limit"):
            number = descriptions[action]["fields"][field]["selector"]["number"]
            assert number["max"] == MAX_SPEED_LIMIT_KIBIBYTES == MAX_KIB, (
                action,
                field,
            )
