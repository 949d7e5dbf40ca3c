"""The integration against the emulator, over real HTTP on loopback.

Every WebUI generation: setup through the config flow, the entities it gets,
an action, torrent events, one request per poll and recovery after the
server forgot the session (as after a qBittorrent restart).
"""

from typing import TYPE_CHECKING, Any

from homeassistant.const import (
    CONF_PASSWORD,
    CONF_USERNAME,
    STATE_UNAVAILABLE,
)
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import (
    async_capture_events,
)

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.device import find_entry_device

from .conftest import (
    configure_entry,
    poll_now,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from qbittorrent_tooling.emulator import QBittorrentEmulator


VERSIONS = ["3.1.12", "3.3.16", "4.0.4", "4.6.7", "5.3.0"]
STOPPED_STATES = {"pausedUP", "pausedDL", "stoppedUP", "stoppedDL"}
SEEDING_STATES = {"uploading", "forcedUP", "stalledUP"}

pytestmark = pytest.mark.parametrize("emulator_version", VERSIONS)


@pytest.fixture(autouse=True)
async def unload_before_server_stops(
    hass: HomeAssistant, emulator_url: str
) -> AsyncIterator[None]:
    """Unload the entries while the emulator still answers."""
    yield
    for entry in hass.config_entries.async_entries(DOMAIN):
        await hass.config_entries.async_unload(entry.entry_id)


def _state(hass: HomeAssistant, entry: ConfigEntry, key: str) -> str:
    """Return the state of the entity with ``key`` of ``entry``."""
    registry = er.async_get(hass)
    for platform in ("sensor", "switch", "number", "event", "button", "binary_sensor"):
        entity_id = registry.async_get_entity_id(
            platform, DOMAIN, f"{entry.unique_id}_{key}"
        )
        if entity_id:
            state = hass.states.get(entity_id)
            assert state is not None, entity_id
            return state.state
    msg = f"no entity {key}"
    raise AssertionError(msg)


def _keys(hass: HomeAssistant, entry: ConfigEntry) -> set[str]:
    return {
        registry_entry.unique_id.removeprefix(f"{entry.unique_id}_")
        for registry_entry in er.async_entries_for_config_entry(
            er.async_get(hass), entry.entry_id
        )
    }


async def test_setup_and_entities(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    entry = await configure_entry(hass, emulator_url)

    device = find_entry_device(
        dr.async_get(hass), entry.entry_id, (DOMAIN, str(entry.unique_id))
    )
    assert device is not None
    assert device.sw_version == emulator.version
    assert device.entry_type is dr.DeviceEntryType.SERVICE
    assert _state(hass, entry, "torrents_total") == str(len(emulator.torrents))
    stopped = sum(t["state"] in STOPPED_STATES for t in emulator.torrents.values())
    assert _state(hass, entry, "torrents_stopped") == str(stopped)
    assert _state(hass, entry, "status") in {
        "idle",
        "downloading",
        "seeding",
        "up_down",
    }
    keys = _keys(hass, entry)
    # 3.1.x has no alternative speed mode; every generation reports limits.
    is_digest = emulator.version == "3.1.12"
    assert ("alternative_speed_limits" in keys) is not is_digest
    assert "download_limit" in keys
    # Reannouncing came with 4.1.2; every generation can shut down.
    assert ("reannounce_all" in keys) is (emulator.version >= "4.1.2")
    assert "shutdown" in keys
    # Queueing is in maindata from 3.2 on; the peer sources are preferences,
    # checked on real 4.1+ servers only.
    assert ("queueing" in keys) is not is_digest
    modern = emulator.version >= "4.1"
    settings = {"dht", "pex", "lsd", "listen_port", "share_ratio_limit"}
    assert settings <= keys if modern else not settings & keys
    assert {
        "torrents",
        "pause_all",
        "resume_all",
        "download_speed",
        "torrents_total",
        "torrent",
    } <= keys
    # Entities without a value yet: disabled ones, the event that has not
    # fired, buttons never pressed, and the ratio qBittorrent reports as "-"
    # before any transfer.
    for key in keys - {
        "pause_all",
        "resume_all",
        "reannounce_all",
        "shutdown",
        "pex",
        "lsd",
        "max_connections",
        "max_connections_per_torrent",
        "max_uploads",
        "max_uploads_per_torrent",
        "categories",
        "tags",
        "next_finish",
        "global_ratio",
        "alt_download_limit",
        "alt_upload_limit",
        "dht_nodes",
        "download_limit",
        "upload_limit",
        "torrents_checking",
        "torrents_inactive",
        "torrents_moving",
        "torrents_queued",
        "torrent",
    }:
        assert _state(hass, entry, key) not in {STATE_UNAVAILABLE, "unknown"}, key


async def test_counts_follow_churn(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    # The counts are kept up to date poll by poll, never recounted from scratch.
    entry = await configure_entry(hass, emulator_url)
    for _ in range(3):
        emulator.churn(added=2, removed=1, completed=1, changed=4)
        await poll_now(hass)

    torrents = emulator.torrents.values()
    assert _state(hass, entry, "torrents_total") == str(len(torrents))
    stopped = sum(t["state"] in STOPPED_STATES for t in torrents)
    assert _state(hass, entry, "torrents_stopped") == str(stopped)
    seeding = sum(t["state"] in SEEDING_STATES for t in torrents)
    assert _state(hass, entry, "torrents_seeding") == str(seeding)


async def test_pause_all_and_resume_all(
    hass: HomeAssistant,
    emulator: QBittorrentEmulator,
    emulator_url: str,
) -> None:
    entry = await configure_entry(hass, emulator_url)

    await hass.services.async_call(
        DOMAIN,
        "pause_torrents",
        {"config_entry_id": entry.entry_id, "all_torrents": True},
        blocking=True,
    )
    await poll_now(hass)

    assert all(t["state"] in STOPPED_STATES for t in emulator.torrents.values())
    assert _state(hass, entry, "torrents") == "off"
    assert _state(hass, entry, "torrents_stopped") == str(len(emulator.torrents))

    await hass.services.async_call(
        "button",
        "press",
        {"entity_id": _entity_id(hass, entry, "button", "resume_all")},
        blocking=True,
    )
    await poll_now(hass)
    assert _state(hass, entry, "torrents") == "on"
    assert _state(hass, entry, "torrents_stopped") == "0"

    await hass.services.async_call(
        "switch",
        "turn_off",
        {"entity_id": _entity_id(hass, entry, "switch", "torrents")},
        blocking=True,
    )
    await poll_now(hass)
    assert _state(hass, entry, "torrents") == "off"
    assert all(t["state"] in STOPPED_STATES for t in emulator.torrents.values())


def _entity_id(hass: HomeAssistant, entry: ConfigEntry, platform: str, key: str) -> str:
    entity_id = er.async_get(hass).async_get_entity_id(
        platform, DOMAIN, f"{entry.unique_id}_{key}"
    )
    assert entity_id is not None
    return entity_id


async def test_torrent_events(
    hass: HomeAssistant,
    emulator: QBittorrentEmulator,
    emulator_url: str,
) -> None:
    entry = await configure_entry(hass, emulator_url)
    captured: dict[str, list[Any]] = {
        kind: async_capture_events(hass, f"{DOMAIN}_torrent_{kind}")
        for kind in ("added", "completed", "removed")
    }
    before = set(emulator.torrents)

    emulator.churn(added=1, removed=1, completed=1)
    await poll_now(hass)

    after = set(emulator.torrents)
    assert [event.data["hash"] for event in captured["added"]] == list(after - before)
    assert [event.data["hash"] for event in captured["removed"]] == list(before - after)
    assert len(captured["completed"]) == 1
    assert captured["added"][0].data["config_entry_id"] == entry.entry_id
    # The entity names the torrent of its latest event (removals come last).
    state = hass.states.get(_entity_id(hass, entry, "event", "torrent"))
    assert state is not None
    removed = captured["removed"][0].data
    assert state.attributes["event_type"] == "torrent_removed"
    assert (state.attributes["name"], state.attributes["hash"]) == (
        removed["name"],
        removed["hash"],
    )


async def test_one_request_per_poll_and_session_recovery(
    hass: HomeAssistant,
    emulator: QBittorrentEmulator,
    emulator_url: str,
) -> None:
    entry = await configure_entry(hass, emulator_url)
    await poll_now(hass)
    emulator.requests.clear()

    await poll_now(hass)

    if emulator.version == "3.1.12":
        # No maindata: transfer info, both limits and the torrent list.
        assert len(emulator.requests) == 4
    else:
        assert len(emulator.requests) == 1
        assert emulator.requests[0][1].endswith("sync/maindata")

    emulator.expire_sessions()
    await poll_now(hass)

    assert _state(hass, entry, "torrents_total") == str(len(emulator.torrents))
    assert not hass.config_entries.flow.async_progress_by_handler(DOMAIN)


async def test_changed_password_starts_one_reauth_without_a_ban(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    """No login storm: a ban would follow five failed logins."""
    entry = await configure_entry(hass, emulator_url)
    emulator._password = "changed-on-the-server"
    emulator.expire_sessions()
    emulator.requests.clear()

    for _ in range(6):
        await poll_now(hass)

    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == ["reauth"]
    assert not emulator.bans.is_banned("127.0.0.1")
    assert _state(hass, entry, "torrents_total") == STATE_UNAVAILABLE

    result = await hass.config_entries.flow.async_configure(
        flows[0]["flow_id"],
        {CONF_USERNAME: "admin", CONF_PASSWORD: "changed-on-the-server"},
    )
    assert result["reason"] == "reauth_successful"
    await hass.async_block_till_done(wait_background_tasks=True)
    assert _state(hass, entry, "torrents_total") == str(len(emulator.torrents))


# torrents/reannounce arrived in qBittorrent 4.1.2 (WebUI API 2.0.2).
REANNOUNCE_SUPPORTED = {
    "3.1.12": False,
    "3.3.16": False,
    "4.0.4": False,
    "4.6.7": True,
    "5.3.0": True,
}


async def test_action_missing_from_a_generation(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    entry = await configure_entry(hass, emulator_url)
    call = hass.services.async_call(
        DOMAIN,
        "reannounce_torrents",
        {"config_entry_id": entry.entry_id, "all_torrents": True},
        blocking=True,
    )
    if REANNOUNCE_SUPPORTED[emulator.version]:
        await call
        assert any(path.endswith("reannounce") for _, path in emulator.requests)
        return
    with pytest.raises(ServiceValidationError) as caught:
        await call
    assert caught.value.translation_key == "action_unsupported"
    assert caught.value.translation_placeholders["version"] == emulator.version
    assert caught.value.translation_placeholders["minimum"] == "4.1.2"


# 4.5-5.1 answer "Fails." and 5.2+ 409 to a duplicate; 4.0-4.4 merge its
# trackers into the torrent and answer "Ok."; older servers answer the same
# whether or not the torrent was added.
REPORTS_REFUSED_ADD = {
    "3.1.12": False,
    "3.3.16": False,
    "4.0.4": False,
    "4.6.7": True,
    "5.3.0": True,
}


async def test_adding_the_same_magnet_twice(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    entry = await configure_entry(hass, emulator_url)
    data = {
        "config_entry_id": entry.entry_id,
        "urls": ["magnet:?xt=urn:btih:" + "c0ffee" * 6 + "c0ff&dn=twice"],
    }
    count = len(emulator.torrents)
    await hass.services.async_call(DOMAIN, "add_torrent", data, blocking=True)
    assert len(emulator.torrents) == count + 1

    call = hass.services.async_call(DOMAIN, "add_torrent", data, blocking=True)
    if not REPORTS_REFUSED_ADD[emulator.version]:
        await call
    else:
        with pytest.raises(HomeAssistantError) as caught:
            await call
        assert caught.value.translation_key == "add_torrent_refused"
        assert not isinstance(caught.value, ServiceValidationError)
        assert "already added" in str(caught.value)
    assert len(emulator.torrents) == count + 1


def _entity_id(hass: HomeAssistant, entry: ConfigEntry, platform: str, key: str) -> str:
    entity_id = er.async_get(hass).async_get_entity_id(
        platform, DOMAIN, f"{entry.unique_id}_{key}"
    )
    assert entity_id is not None, key
    return entity_id


async def test_settings_reach_the_server(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    """Switches and numbers over the preferences change them, and show it."""
    entry = await configure_entry(hass, emulator_url)
    if emulator.version < "4.1":
        assert "listen_port" not in _keys(hass, entry)
        return
    await hass.services.async_call(
        "number",
        "set_value",
        {"entity_id": _entity_id(hass, entry, "number", "listen_port"), "value": 51413},
        blocking=True,
    )
    await hass.services.async_call(
        "number",
        "set_value",
        {
            "entity_id": _entity_id(hass, entry, "number", "share_ratio_limit"),
            "value": 1.5,
        },
        blocking=True,
    )
    await hass.services.async_call(
        "switch",
        "turn_off",
        {"entity_id": _entity_id(hass, entry, "switch", "dht")},
        blocking=True,
    )
    preferences = emulator.preferences
    assert preferences["listen_port"] == 51413
    assert preferences["max_ratio"] == 1.5
    assert preferences["dht"] is False
    assert _state(hass, entry, "listen_port") == "51413"
    assert _state(hass, entry, "share_ratio_limit") == "1.5"
    assert _state(hass, entry, "dht") == "off"


async def test_session_switch_where_the_server_has_it(
    hass: HomeAssistant, emulator: QBittorrentEmulator, emulator_url: str
) -> None:
    """Only 5.3.0 can pause the whole session."""
    entry = await configure_entry(hass, emulator_url)
    if emulator.version != "5.3.0":
        assert "session" not in _keys(hass, entry)
        return
    assert _state(hass, entry, "session") == "on"
    await hass.services.async_call(
        "switch",
        "turn_off",
        {"entity_id": _entity_id(hass, entry, "switch", "session")},
        blocking=True,
    )
    assert emulator.session_paused is True
    assert _state(hass, entry, "session") == "off"
