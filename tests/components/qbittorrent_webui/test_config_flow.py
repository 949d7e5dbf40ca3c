"""Tests of the config, reauth, reconfigure and options flows."""

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import SOURCE_USER
from homeassistant.const import (
    CONF_API_KEY,
    CONF_PASSWORD,
    CONF_SCAN_INTERVAL,
    CONF_URL,
    CONF_USERNAME,
    CONF_VERIFY_SSL,
)
from homeassistant.data_entry_flow import FlowResultType, InvalidData
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.qbittorrent_webui.config_flow import CREDENTIAL_FIELDS
from custom_components.qbittorrent_webui.const import (
    CONF_ENABLE_EVENTS,
    CONF_TORRENT_DEVICES,
    CONF_TORRENT_FILTER,
    CONF_TORRENT_FILTER_VALUE,
    CONF_TORRENT_LIMIT,
    CONF_VOICE_SENTENCES,
    DEFAULT_VOICE_SENTENCES,
    DOMAIN,
)
from custom_components.qbittorrent_webui.device import find_entry_device
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentCertificateError,
    QBittorrentConnectionError,
    QBittorrentRequestRejectedError,
    QBittorrentTimeoutError,
    QBittorrentUnsupportedVersionError,
)

from .conftest import ALL_CAPABILITIES, ENTRY_DATA, SERVER_INFO, URL

if TYPE_CHECKING:
    from unittest.mock import AsyncMock, MagicMock

    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.config_entries import ConfigFlowResult
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import device_registry as dr, entity_registry as er

pytestmark = pytest.mark.usefixtures("mock_setup_entry")

USER_INPUT = {
    CONF_URL: "HTTP://QBT.example.COM:8080/proxy/",
    CONF_USERNAME: "admin",
    CONF_PASSWORD: "adminadmin",
    CONF_VERIFY_SSL: False,
}
NORMALIZED_URL = "http://qbt.example.com:8080/proxy"

CONNECTION_ERRORS = [
    (QBittorrentConnectionError("refused"), CONF_URL, "cannot_connect"),
    (QBittorrentTimeoutError("slow"), CONF_URL, "timeout"),
    (
        QBittorrentCertificateError("self-signed"),
        CONF_VERIFY_SSL,
        "invalid_certificate",
    ),
    (QBittorrentAuthenticationError("wrong"), CONF_PASSWORD, "invalid_auth"),
    (QBittorrentBannedError("banned", ban_duration=3600), "base", "ip_banned"),
    (QBittorrentBannedError("banned"), "base", "ip_banned_unknown_duration"),
    (QBittorrentRequestRejectedError("host header"), CONF_URL, "request_rejected"),
    (QBittorrentUnsupportedVersionError("not qbt"), CONF_URL, "unsupported"),
    (RuntimeError("boom"), "base", "unknown"),
]


async def test_user_flow_creates_entry_with_normalized_url(
    hass: HomeAssistant, mock_client: MagicMock, mock_setup_entry: AsyncMock
) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "qbt.example.com:8080/proxy"
    assert result["data"] == USER_INPUT | {CONF_URL: NORMALIZED_URL, CONF_API_KEY: ""}
    assert result["result"].unique_id == NORMALIZED_URL
    mock_client.detect.assert_awaited_once()
    # The flow's own server session is ended; setup logs in afresh.
    mock_client.logout.assert_awaited_once()
    assert len(mock_setup_entry.mock_calls) == 1


async def test_user_flow_without_credentials(
    hass: HomeAssistant, mock_client_class: MagicMock, mock_client: MagicMock
) -> None:
    """Localhost bypass and whitelisted subnets need no credentials."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_URL: "https://127.0.0.1", CONF_VERIFY_SSL: True}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"] == {
        CONF_URL: "https://127.0.0.1",
        CONF_USERNAME: "",
        CONF_PASSWORD: "",
        CONF_API_KEY: "",
        CONF_VERIFY_SSL: True,
    }
    assert mock_client_class.call_args.kwargs["username"] is None
    assert mock_client_class.call_args.kwargs["password"] is None
    assert mock_client_class.call_args.kwargs["api_key"] is None


async def test_user_flow_ignores_failed_logout(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    mock_client.logout.side_effect = QBittorrentConnectionError("gone")
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


@pytest.mark.parametrize(("error", "field", "message"), CONNECTION_ERRORS)
async def test_user_flow_error_then_recovery(
    hass: HomeAssistant,
    mock_client: MagicMock,
    error: Exception,
    field: str,
    message: str,
) -> None:
    mock_client.detect.side_effect = error
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {field: message}

    mock_client.detect.side_effect = None
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


@pytest.mark.parametrize(
    ("ban_duration", "error", "placeholders"),
    [
        (3600, "ip_banned", {"minutes": "60", "lifts_at": "11:00"}),
        (90, "ip_banned", {"minutes": "2", "lifts_at": "10:01"}),
        (None, "ip_banned_unknown_duration", {}),
    ],
)
async def test_user_flow_says_when_ban_lifts(
    hass: HomeAssistant,
    *,
    mock_client: MagicMock,
    freezer: FrozenDateTimeFactory,
    ban_duration: float | None,
    error: str,
    placeholders: dict[str, str],
) -> None:
    await hass.config.async_set_time_zone("UTC")
    freezer.move_to("2026-11-24 10:00:00+00:00")
    mock_client.detect.side_effect = QBittorrentBannedError(
        "banned", ban_duration=ban_duration
    )
    result = await _user_step(hass, USER_INPUT)

    assert result["errors"] == {"base": error}
    assert result["description_placeholders"] == placeholders


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1:21", "127.0.0.1:8080", "http://", "http://[::1"]
)
async def test_user_flow_invalid_url_then_recovery(
    hass: HomeAssistant, mock_client: MagicMock, url: str
) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT | {CONF_URL: url}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_URL: "invalid_url"}
    mock_client.detect.assert_not_awaited()

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_user_flow_aborts_for_configured_server(
    hass: HomeAssistant, mock_client: MagicMock, mock_config_entry: MockConfigEntry
) -> None:
    """Another spelling of the same URL is the same server."""
    mock_config_entry.add_to_hass(hass)
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT | {CONF_URL: "http://127.0.0.1:8080/"}
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    mock_client.detect.assert_not_awaited()


async def test_reauth_flow(
    hass: HomeAssistant, mock_client: MagicMock, mock_config_entry: MockConfigEntry
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await mock_config_entry.start_reauth_flow(hass)

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reauth_confirm"
    assert result["description_placeholders"][CONF_URL] == URL

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_USERNAME: "admin", CONF_PASSWORD: "new-password"}
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    assert mock_config_entry.data == ENTRY_DATA | {
        CONF_PASSWORD: "new-password",
        CONF_API_KEY: "",
    }


@pytest.mark.parametrize(("error", "field", "message"), CONNECTION_ERRORS)
async def test_reauth_flow_error_then_recovery(
    hass: HomeAssistant,
    *,
    mock_client: MagicMock,
    mock_config_entry: MockConfigEntry,
    error: Exception,
    field: str,
    message: str,
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await mock_config_entry.start_reauth_flow(hass)
    mock_client.detect.side_effect = error
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_USERNAME: "admin", CONF_PASSWORD: "wrong"}
    )

    assert result["type"] is FlowResultType.FORM
    # The reauth form shows only the credentials; other errors go on top.
    assert result["errors"] == {
        field if field in CREDENTIAL_FIELDS else "base": message
    }
    assert result["description_placeholders"][CONF_URL] == URL

    mock_client.detect.side_effect = None
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_USERNAME: "admin", CONF_PASSWORD: "right"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    assert mock_config_entry.data[CONF_PASSWORD] == "right"


async def test_reconfigure_flow_same_server(
    hass: HomeAssistant, mock_client: MagicMock, mock_config_entry: MockConfigEntry
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await mock_config_entry.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], ENTRY_DATA | {CONF_VERIFY_SSL: False}
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert mock_config_entry.data[CONF_VERIFY_SSL] is False
    assert mock_config_entry.unique_id == URL


async def test_reconfigure_flow_new_address_keeps_entities(
    hass: HomeAssistant,
    mock_client: MagicMock,
    mock_config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    device_registry: dr.DeviceRegistry,
) -> None:
    """A server that moved keeps its entities and device."""
    mock_config_entry.add_to_hass(hass)
    device = device_registry.async_get_or_create(
        config_entry_id=mock_config_entry.entry_id, identifiers={(DOMAIN, URL)}
    )
    entity = entity_registry.async_get_or_create(
        "sensor",
        DOMAIN,
        f"{URL}_download_speed",
        config_entry=mock_config_entry,
        device_id=device.id,
    )
    result = await mock_config_entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert mock_config_entry.unique_id == NORMALIZED_URL
    assert mock_config_entry.title == "qbt.example.com:8080/proxy"
    moved = entity_registry.async_get(entity.entity_id)
    assert moved is not None
    assert moved.unique_id == f"{NORMALIZED_URL}_download_speed"
    assert find_entry_device(
        device_registry, mock_config_entry.entry_id, (DOMAIN, NORMALIZED_URL)
    ) == device_registry.async_get(device.id)


async def test_reconfigure_flow_to_another_configured_server(
    hass: HomeAssistant, mock_client: MagicMock, mock_config_entry: MockConfigEntry
) -> None:
    mock_config_entry.add_to_hass(hass)
    MockConfigEntry(
        domain=DOMAIN, unique_id=NORMALIZED_URL, data=ENTRY_DATA
    ).add_to_hass(hass)
    result = await mock_config_entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert mock_config_entry.unique_id == URL


@pytest.mark.parametrize(("error", "field", "message"), CONNECTION_ERRORS)
async def test_reconfigure_flow_error_then_recovery(
    hass: HomeAssistant,
    *,
    mock_client: MagicMock,
    mock_config_entry: MockConfigEntry,
    error: Exception,
    field: str,
    message: str,
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await mock_config_entry.start_reconfigure_flow(hass)
    mock_client.detect.side_effect = error
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], ENTRY_DATA
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {field: message}

    mock_client.detect.side_effect = None
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], ENTRY_DATA
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"


async def test_options_flow(
    hass: HomeAssistant, mock_client: MagicMock, mock_config_entry: MockConfigEntry
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "init"

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_ENABLE_EVENTS: False}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    # The poll interval not given keeps its default of 10 s; torrent devices
    # stay off.
    assert mock_config_entry.options == {
        CONF_ENABLE_EVENTS: False,
        CONF_SCAN_INTERVAL: 10,
        CONF_VOICE_SENTENCES: DEFAULT_VOICE_SENTENCES,
        CONF_TORRENT_DEVICES: False,
        CONF_TORRENT_FILTER: "active",
        CONF_TORRENT_LIMIT: 20,
    }


async def test_options_flow_torrent_devices_by_category(
    hass: HomeAssistant, mock_client: MagicMock, mock_config_entry: MockConfigEntry
) -> None:
    """A category filter needs the category's name; then it is stored."""
    mock_config_entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    chosen = {
        CONF_TORRENT_DEVICES: True,
        CONF_TORRENT_FILTER: "category",
        CONF_TORRENT_LIMIT: 50,
    }

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], chosen | {CONF_TORRENT_FILTER_VALUE: "  "}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {
        CONF_TORRENT_FILTER_VALUE: "torrent_filter_value_required"
    }

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], chosen | {CONF_TORRENT_FILTER_VALUE: "linux"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert mock_config_entry.options[CONF_TORRENT_DEVICES] is True
    assert mock_config_entry.options[CONF_TORRENT_FILTER_VALUE] == "linux"
    assert mock_config_entry.options[CONF_TORRENT_LIMIT] == 50


@pytest.mark.parametrize("limit", [0, 101])
async def test_options_flow_refuses_a_torrent_device_cap_out_of_range(
    hass: HomeAssistant,
    mock_client: MagicMock,
    mock_config_entry: MockConfigEntry,
    limit: int,
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    with pytest.raises(InvalidData):
        await hass.config_entries.options.async_configure(
            result["flow_id"], {CONF_TORRENT_DEVICES: True, CONF_TORRENT_LIMIT: limit}
        )
    assert mock_config_entry.options == {}


@pytest.mark.parametrize("seconds", [4, 301])
async def test_options_flow_refuses_a_poll_interval_out_of_range(
    hass: HomeAssistant,
    mock_client: MagicMock,
    mock_config_entry: MockConfigEntry,
    seconds: int,
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    with pytest.raises(InvalidData):
        await hass.config_entries.options.async_configure(
            result["flow_id"], {CONF_SCAN_INTERVAL: seconds}
        )
    assert mock_config_entry.options == {}


async def test_reconfigure_flow_new_address_before_first_setup(
    hass: HomeAssistant, mock_client: MagicMock, mock_config_entry: MockConfigEntry
) -> None:
    """An entry that never loaded has no device or entities to carry over."""
    mock_config_entry.add_to_hass(hass)
    result = await mock_config_entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], USER_INPUT
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert mock_config_entry.unique_id == NORMALIZED_URL


API_KEY = "qbt_0123456789abcdefghijklmnopqrstu"


async def _user_step(
    hass: HomeAssistant, user_input: dict[str, Any]
) -> ConfigFlowResult:
    """Open the user step and submit ``user_input``."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    return await hass.config_entries.flow.async_configure(result["flow_id"], user_input)


@pytest.mark.parametrize("emulator_api_key", [API_KEY])
@pytest.mark.usefixtures("socket_enabled")
async def test_user_flow_with_api_key(hass: HomeAssistant, emulator_url: str) -> None:
    """qBittorrent 5.2+ accepts the key alone, without username and password."""
    result = await _user_step(
        hass, {CONF_URL: emulator_url, CONF_API_KEY: API_KEY, CONF_VERIFY_SSL: True}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY, result.get("errors")
    assert result["data"][CONF_API_KEY] == API_KEY
    assert result["data"][CONF_USERNAME] == result["data"][CONF_PASSWORD] == ""


@pytest.mark.parametrize(
    ("emulator_version", "emulator_api_key"),
    [
        ("5.3.0", API_KEY),
        # Before 5.2 the key is ignored and the request refused as unauthenticated.
        ("5.1.0", None),
        ("4.6.7", None),
    ],
)
@pytest.mark.usefixtures("socket_enabled")
async def test_user_flow_refused_api_key_then_password(
    hass: HomeAssistant, emulator_url: str
) -> None:
    """A refused key is reported on its field; the password still works."""
    user_input = {CONF_URL: emulator_url, CONF_VERIFY_SSL: True}
    result = await _user_step(hass, user_input | {CONF_API_KEY: "qbt_not_the_key"})

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_API_KEY: "invalid_api_key"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        user_input | {CONF_USERNAME: "admin", CONF_PASSWORD: "adminadmin"},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"][CONF_API_KEY] == ""


async def test_user_flow_api_key_ignored_by_old_server(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    """A server that lets Home Assistant in unauthenticated ignores the key."""
    mock_client.detect.return_value = replace(
        SERVER_INFO,
        app_version="5.1.0",
        capabilities=replace(ALL_CAPABILITIES, api_key=False),
    )
    result = await _user_step(hass, USER_INPUT | {CONF_API_KEY: API_KEY})

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_API_KEY: "api_key_unsupported"}
    assert result["description_placeholders"] == {"version": "5.1.0"}


async def test_user_flow_passes_api_key_to_client(
    hass: HomeAssistant, mock_client_class: MagicMock, mock_client: MagicMock
) -> None:
    result = await _user_step(
        hass, {CONF_URL: URL, CONF_API_KEY: API_KEY, CONF_VERIFY_SSL: True}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert mock_client_class.call_args.kwargs["api_key"] == API_KEY
    assert mock_client_class.call_args.kwargs["username"] is None


async def test_reauth_flow_switches_to_api_key(
    hass: HomeAssistant, mock_client: MagicMock, mock_config_entry: MockConfigEntry
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await mock_config_entry.start_reauth_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_API_KEY: API_KEY}
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    assert mock_config_entry.data == ENTRY_DATA | {
        CONF_USERNAME: "",
        CONF_PASSWORD: "",
        CONF_API_KEY: API_KEY,
    }


async def test_reauth_flow_refused_api_key(
    hass: HomeAssistant, mock_client: MagicMock, mock_config_entry: MockConfigEntry
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await mock_config_entry.start_reauth_flow(hass)
    mock_client.detect.side_effect = QBittorrentAuthenticationError("refused")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_API_KEY: API_KEY}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_API_KEY: "invalid_api_key"}
    assert mock_config_entry.data == ENTRY_DATA


async def test_reconfigure_flow_adds_api_key(
    hass: HomeAssistant, mock_client: MagicMock, mock_config_entry: MockConfigEntry
) -> None:
    mock_config_entry.add_to_hass(hass)
    result = await mock_config_entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_URL: URL, CONF_API_KEY: API_KEY}
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert mock_config_entry.data[CONF_API_KEY] == API_KEY
