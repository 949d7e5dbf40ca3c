"""Actions against the emulator of every WebUI generation, over real HTTP.

What a user sees right after an action (no poll in between), categories that
do not exist yet, and actions while qBittorrent is down.
"""

from typing import TYPE_CHECKING

from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import async_capture_events

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    OPERATION_REQUIREMENTS,
)

from .conftest import configure_entry
from .test_emulator import VERSIONS, _entity_id, _state

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from homeassistant.core import HomeAssistant

    from qbittorrent_tooling.emulator import QBittorrentEmulator

pytestmark = pytest.mark.parametrize("emulator_version", VERSIONS)

MAGNET = "magnet:?xt=urn:btih:" + "5eed" * 10 + "&dn=right-away"


@pytest.fixture(autouse=True)
async def unload_before_server_stops(
    hass: HomeAssistant, emulator_url: str
) -> AsyncIterator[None]:
    """Unload the entries while the emulator still answers."""
    yield
    for entry in hass.config_entries.async_entries(DOMAIN):
        await hass.config_entries.async_unload(entry.entry_id)


async def test_pause_all_twice_in_a_row_shows_each_at_once(
    hass: HomeAssistant, emulator_url: str
) -> None:
    """No poll in between: each switch change shows when the call returns."""
    entry = await configure_entry(hass, emulator_url)
    torrents_switch = _entity_id(hass, entry, "switch", "torrents")

    for service, expected in (
        ("turn_off", "off"),
        ("turn_on", "on"),
        ("turn_off", "off"),
    ):
        await hass.services.async_call(
            "switch", service, {"entity_id": torrents_switch}, blocking=True
        )
        assert _state(hass, entry, "torrents") == expected, service


async def test_added_torrent_shows_and_is_announced_at_once(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    entry = await configure_entry(hass, emulator_url)
    added = async_capture_events(hass, f"{DOMAIN}_torrent_added")
    count = len(emulator.torrents)

    await hass.services.async_call(
        DOMAIN,
        "add_torrent",
        {"config_entry_id": entry.entry_id, "urls": [MAGNET]},
        blocking=True,
    )

    assert _state(hass, entry, "torrents_total") == str(count + 1)
    assert [event.data["hash"] for event in added] == ["5eed" * 10]


async def test_set_category_to_a_new_name(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    """Created first where the generation has categories; else it says so."""
    entry = await configure_entry(hass, emulator_url)
    torrent_hash = next(iter(emulator.torrents))
    call = hass.services.async_call(
        DOMAIN,
        "set_category",
        {
            "config_entry_id": entry.entry_id,
            "torrent_hashes": [torrent_hash],
            "category": "brand-new",
        },
        blocking=True,
    )
    if emulator.version == "3.1.12":
        with pytest.raises(ServiceValidationError) as caught:
            await call
        assert caught.value.translation_key == "action_unsupported"
        assert caught.value.translation_placeholders["minimum"] == "3.3.5"
        return
    await call
    assert "brand-new" in emulator.categories
    assert emulator.torrents[torrent_hash]["category"] == "brand-new"


async def test_get_torrents_while_qbittorrent_is_down(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    """The last poll's torrents are not answered as if they were current."""
    entry = await configure_entry(hass, emulator_url)
    emulator.faults.down = True

    with pytest.raises(HomeAssistantError) as caught:
        await hass.services.async_call(
            DOMAIN,
            "get_torrents",
            {"config_entry_id": entry.entry_id},
            blocking=True,
            return_response=True,
        )

    assert not isinstance(caught.value, ServiceValidationError)
    assert caught.value.translation_key == "cannot_connect"
    emulator.faults.down = False


async def _gated(
    hass: HomeAssistant,
    emulator: QBittorrentEmulator,
    *,
    action: str,
    data: dict[str, object],
    operation: str | None = None,
) -> bool:
    """Call ``action``; where the server lacks it, check the error and that nothing was sent.

    Whether the server has it, and the first version the error names, come
    from the client's requirement of ``operation`` (the action's own name by
    default). Returns whether the action ran.
    """
    first = OPERATION_REQUIREMENTS[operation or action].minimum_version
    sent = len(emulator.requests)
    call = hass.services.async_call(DOMAIN, action, data, blocking=True)
    if emulator.profile.version >= tuple(int(part) for part in first.split(".")):
        await call
        return True
    with pytest.raises(ServiceValidationError) as caught:
        await call
    assert caught.value.translation_key == "action_unsupported"
    assert caught.value.translation_placeholders["minimum"] == first
    assert [
        request for request in emulator.requests[sent:] if "sync" not in request[1]
    ] == []
    return False


async def test_tags_where_the_generation_has_them(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    entry = await configure_entry(hass, emulator_url)
    torrent_hash = next(iter(emulator.torrents))
    target = {"config_entry_id": entry.entry_id, "torrent_hashes": [torrent_hash]}

    if await _gated(
        hass,
        emulator,
        action="add_tags",
        data={**target, "tags": ["from-ha", "second"]},
    ):
        assert {"from-ha", "second"} <= set(
            emulator.torrents[torrent_hash]["tags"].split(",")
        )
    await _gated(
        hass,
        emulator,
        action="remove_tags",
        data={**target, "tags": ["second"]},
    )
    has_tags = False
    for action in ("create_tags", "delete_tags"):
        has_tags = await _gated(
            hass,
            emulator,
            action=action,
            data={"config_entry_id": entry.entry_id, "tags": ["spare"]},
        )
    if has_tags:
        assert "second" not in emulator.torrents[torrent_hash]["tags"].split(",")
        assert "spare" not in emulator.tags


async def test_categories_where_the_generation_has_them(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    """Created and removed from 3.3.5, edited from 4.1.3."""
    entry = await configure_entry(hass, emulator_url)
    server = {"config_entry_id": entry.entry_id}

    if await _gated(
        hass,
        emulator,
        action="create_category",
        data={**server, "category": "from-ha"},
    ):
        assert "from-ha" in emulator.categories
    if await _gated(
        hass,
        emulator,
        action="edit_category",
        data={**server, "category": "from-ha", "save_path": "/srv/ha"},
    ):
        saved = emulator.population.categories["from-ha"].save_path
        assert saved == "/srv/ha"
    if await _gated(
        hass,
        emulator,
        action="remove_categories",
        data={**server, "categories": ["from-ha"]},
    ):
        assert "from-ha" not in emulator.categories


async def test_share_limits_where_the_generation_has_them(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    entry = await configure_entry(hass, emulator_url)
    torrent_hash = next(iter(emulator.torrents))

    if await _gated(
        hass,
        emulator,
        action="set_share_limits",
        data={
            "config_entry_id": entry.entry_id,
            "torrent_hashes": [torrent_hash],
            "ratio_limit": 2.5,
            "seeding_time_limit": 120,
            "inactive_seeding_time_limit": 30,
        },
    ):
        fields = emulator.torrents[torrent_hash]
        assert (
            fields["ratio_limit"],
            fields["seeding_time_limit"],
            fields["inactive_seeding_time_limit"],
        ) == (2.5, 120, 30)


async def test_torrent_settings_where_the_generation_has_them(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    entry = await configure_entry(hass, emulator_url)
    torrent_hash = next(iter(emulator.torrents))
    target = {"config_entry_id": entry.entry_id, "torrent_hashes": [torrent_hash]}

    if await _gated(
        hass,
        emulator,
        action="set_auto_management",
        data={**target, "enabled": True},
    ):
        assert emulator.torrents[torrent_hash]["auto_tmm"] is True
    if await _gated(
        hass,
        emulator,
        action="set_download_path",
        data={**target, "download_path": "/srv/incomplete"},
    ):
        assert emulator.torrents[torrent_hash]["download_path"] == "/srv/incomplete"
    for enabled in (True, True, False):
        if await _gated(
            hass,
            emulator,
            action="set_sequential_download",
            data={**target, "enabled": enabled},
            operation="toggle_sequential_download",
        ):
            assert emulator.torrents[torrent_hash]["seq_dl"] is enabled
    if await _gated(
        hass,
        emulator,
        action="rename_torrent",
        data={**target, "name": "renamed from ha"},
    ):
        assert emulator.torrents[torrent_hash]["name"] == "renamed from ha"


async def test_get_torrent_where_the_generation_has_it(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    entry = await configure_entry(hass, emulator_url)
    torrent_hash = next(iter(emulator.torrents))
    call = hass.services.async_call(
        DOMAIN,
        "get_torrent",
        {"config_entry_id": entry.entry_id, "torrent_hashes": [torrent_hash]},
        blocking=True,
        return_response=True,
    )
    if emulator.profile.version < (4, 1, 0):
        with pytest.raises(ServiceValidationError) as caught:
            await call
        assert caught.value.translation_placeholders["minimum"] == "4.1.0"
        return
    response = await call
    assert response is not None
    assert response["torrent"]["hash"] == torrent_hash
    assert response["files_total"] == len(response["files"])
    assert response["peers"] == []


async def test_set_preferences_on_every_generation(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    entry = await configure_entry(hass, emulator_url)
    await hass.services.async_call(
        DOMAIN,
        "set_preferences",
        {
            "config_entry_id": entry.entry_id,
            "preferences": {"listen_port": 51413, "max_active_downloads": 4},
        },
        blocking=True,
    )
    assert emulator.preferences["listen_port"] == 51413
    assert emulator.preferences["max_active_downloads"] == 4


async def test_rss_where_the_generation_has_it(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    entry = await configure_entry(hass, emulator_url)
    if await _gated(
        hass,
        emulator,
        action="rss_add_feed",
        data={"config_entry_id": entry.entry_id, "url": "https://example.org/a.rss"},
        operation="add_rss_feed",
    ):
        response = await hass.services.async_call(
            DOMAIN,
            "get_rss",
            {"config_entry_id": entry.entry_id},
            blocking=True,
            return_response=True,
        )
        assert response is not None
        feed = response["items"]["https://example.org/a.rss"]
        assert (feed["url"], feed["articles_total"]) == ("https://example.org/a.rss", 0)


async def test_search_where_the_generation_has_it(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    entry = await configure_entry(hass, emulator_url)
    call = hass.services.async_call(
        DOMAIN,
        "start_search",
        {"config_entry_id": entry.entry_id, "pattern": "debian"},
        blocking=True,
        return_response=True,
    )
    if emulator.profile.version < (4, 1, 4):
        with pytest.raises(ServiceValidationError) as caught:
            await call
        assert caught.value.translation_placeholders["minimum"] == "4.1.4"
        return
    started = await call
    assert started is not None
    results = await hass.services.async_call(
        DOMAIN,
        "get_search_results",
        {"config_entry_id": entry.entry_id, "search_id": started["search_id"]},
        blocking=True,
        return_response=True,
    )
    assert results == {"results": [], "status": "Running", "total": 0}
    await hass.services.async_call(
        DOMAIN,
        "stop_search",
        {
            "config_entry_id": entry.entry_id,
            "search_id": started["search_id"],
            "delete": True,
        },
        blocking=True,
    )
    assert emulator.searches == {}
