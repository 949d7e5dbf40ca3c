"""The voice commands as LLM tools, called through the Assist LLM API.

From Home Assistant 2026.8 the integration's llm.py offers them (prefixed
names, annotations); on older releases the Assist API makes tools of the
registered intents itself.
"""

from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

from homeassistant.components.homeassistant.exposed_entities import (
    async_expose_entity,
)
from homeassistant.core import Context
from homeassistant.helpers import entity_registry as er, llm
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.intent import (
    INTENT_ADD_TORRENT,
    INTENT_ALTERNATIVE_SPEED_LIMITS,
    INTENT_PAUSE_ALL,
    INTENT_PAUSE_TORRENT,
    INTENT_RESUME_ALL,
    INTENT_RESUME_TORRENT,
    INTENT_STATUS,
    INTENT_TIME_LEFT,
)

from .conftest import (
    ENTRY_DATA,
    make_main_data,
    setup_entry,
    torrent_answer,
    torrent_hash,
)

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from homeassistant.core import HomeAssistant

    from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
        MainData,
    )

# Home Assistant 2026.8 and later load integrations' llm.py platforms.
LLM_PLATFORMS = find_spec("homeassistant.components.llm") is not None
MAGNET = "magnet:?xt=urn:btih:" + "b" * 40 + "&dn=llm"

# Tool (without the prefix), its arguments, the client call it makes, the answer.
CALLS: list[tuple[str, str, dict[str, Any], str, str]] = [
    (
        INTENT_PAUSE_ALL,
        "pause_all",
        {},
        "pause_all",
        "All torrents in qBittorrent are paused.",
    ),
    (
        INTENT_RESUME_ALL,
        "resume_all",
        {},
        "resume_all",
        "All torrents in qBittorrent are resumed.",
    ),
    (
        INTENT_ALTERNATIVE_SPEED_LIMITS,
        "set_alternative_speed_limits",
        {"enabled": True},
        "set_alternative_speed_limits_enabled",
        "Alternative speed limits are on in qBittorrent.",
    ),
    (
        INTENT_STATUS,
        "get_status",
        {},
        "sync",
        (
            "1 torrent is downloading in qBittorrent, at 2 megabytes per second."
            " ubuntu-24.04 finishes next, in 5 minutes."
        ),
    ),
    (
        INTENT_TIME_LEFT,
        "get_time_left",
        {"torrent": "ubuntu"},
        "sync",
        "ubuntu-24.04 is 50 percent done and finishes in 5 minutes.",
    ),
    (
        INTENT_PAUSE_TORRENT,
        "pause_torrent",
        {"torrent": "ubuntu"},
        "pause_torrents",
        "ubuntu-24.04 is paused.",
    ),
    (
        INTENT_RESUME_TORRENT,
        "resume_torrent",
        {"torrent": "ubuntu", "server": ""},
        "resume_torrents",
        "ubuntu-24.04 is resumed.",
    ),
    (
        INTENT_ADD_TORRENT,
        "add_torrent",
        {"url": MAGNET},
        "add_torrent_urls",
        "The torrent was added to qBittorrent.",
    ),
]


@pytest.fixture
def main_data() -> MainData:
    """One torrent downloading, five minutes from done."""
    return make_main_data(
        torrent_answer(1, name="ubuntu-24.04", eta=300), dl_info_speed=2_097_152
    )


@pytest.fixture
async def assist_api(hass: HomeAssistant, init_integration: MockConfigEntry) -> None:
    """The Assist LLM API beside a loaded server."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    assert await async_setup_component(hass, "intent", {})
    if LLM_PLATFORMS:
        assert await async_setup_component(hass, "llm", {})


async def _api(hass: HomeAssistant) -> llm.APIInstance:
    return await llm.async_get_api(
        hass,
        llm.LLM_API_ASSIST,
        llm.LLMContext(
            platform="test",
            context=Context(),
            language="en",
            assistant="conversation",
            device_id=None,
        ),
    )


def _tool_name(intent_type: str, name: str) -> str:
    return f"qbittorrent_webui__{name}" if LLM_PLATFORMS else intent_type


@pytest.mark.usefixtures("assist_api")
@pytest.mark.parametrize("call", CALLS, ids=[call[1] for call in CALLS])
async def test_each_tool(
    hass: HomeAssistant,
    mock_client: MagicMock,
    call: tuple[str, str, dict[str, Any], str, str],
) -> None:
    intent_type, name, arguments, client_call, speech = call
    api = await _api(hass)
    mock_client.sync.reset_mock()

    result = await api.async_call_tool(
        llm.ToolInput(tool_name=_tool_name(intent_type, name), tool_args=arguments)
    )

    # A ToolResult from 2026.8, the plain answer before.
    data = getattr(result, "data", result)
    assert data["speech"]["plain"]["speech"] == speech
    getattr(mock_client, client_call).assert_awaited()
    if client_call == "pause_torrents":
        mock_client.pause_torrents.assert_awaited_once_with([torrent_hash(1)])


@pytest.mark.usefixtures("assist_api")
@pytest.mark.skipif(not LLM_PLATFORMS, reason="tools come from llm.py from 2026.8")
async def test_tools_are_prefixed_and_annotated(hass: HomeAssistant) -> None:
    tools = {
        tool.name: tool
        for tool in (await _api(hass)).tools
        if tool.name.startswith("qbittorrent_webui__")
    }

    assert set(tools) == {f"qbittorrent_webui__{call[1]}" for call in CALLS}
    for tool in tools.values():
        assert tool.integration == "qbittorrent_webui"
        assert tool.title
        assert tool.description
    status = tools["qbittorrent_webui__get_status"].annotations
    assert status.read_only
    assert status.idempotent
    assert not status.destructive
    pause = tools["qbittorrent_webui__pause_all"].annotations
    assert not pause.read_only
    assert pause.idempotent
    assert not pause.destructive
    add = tools["qbittorrent_webui__add_torrent"].annotations
    assert not add.idempotent
    assert add.open_world
    assert "torrent" in tools["qbittorrent_webui__get_time_left"].parameters.schema


@pytest.mark.usefixtures("assist_api")
@pytest.mark.skipif(not LLM_PLATFORMS, reason="tools come from llm.py from 2026.8")
async def test_no_tools_while_nothing_is_exposed(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    registry = er.async_get(hass)
    for entity in er.async_entries_for_config_entry(
        registry, init_integration.entry_id
    ):
        async_expose_entity(hass, "conversation", entity.entity_id, False)

    names = [tool.name for tool in (await _api(hass)).tools]

    assert not [name for name in names if name.startswith("qbittorrent_webui__")]


@pytest.mark.usefixtures("assist_api")
@pytest.mark.skipif(not LLM_PLATFORMS, reason="tools come from llm.py from 2026.8")
async def test_other_apis_get_no_tools(hass: HomeAssistant) -> None:
    # Importable only where the llm integration exists.
    from custom_components.qbittorrent_webui.llm import (  # noqa: PLC0415
        async_get_tools,
    )

    context = llm.LLMContext("test", None, "en", "conversation", None)
    assert async_get_tools(hass, context, "another_api") is None


@pytest.mark.skipif(not LLM_PLATFORMS, reason="tools come from llm.py from 2026.8")
async def test_several_servers_are_named_to_the_llm(
    hass: HomeAssistant, assist_api: None, mock_client: MagicMock
) -> None:
    url = "http://192.168.1.11:8080"
    await setup_entry(
        hass,
        MockConfigEntry(
            domain=DOMAIN,
            title="nas",
            unique_id=url,
            data=ENTRY_DATA | {"url": url},
        ),
    )

    api = await _api(hass)

    assert '"qBittorrent", "qBittorrent nas"' in api.api_prompt
