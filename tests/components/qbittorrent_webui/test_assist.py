"""The voice commands README gives, through Home Assistant's default agent."""

from typing import TYPE_CHECKING, Any

from homeassistant.components import conversation
from homeassistant.components.homeassistant.exposed_entities import (
    async_expose_entity,
)
from homeassistant.core import Context
from homeassistant.helpers import entity_registry as er, intent
from homeassistant.setup import async_setup_component
import pytest

from custom_components.qbittorrent_webui.const import DOMAIN

from .conftest import (
    configure_entry,
    poll_until,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable
    from unittest.mock import MagicMock

    from homeassistant.core import HomeAssistant

    from qbittorrent_tooling.real_servers import QBittorrentProcess

TORRENTS_SWITCH = "switch.qbittorrent_torrents"
MAGNET = "magnet:?xt=urn:btih:" + "e" * 40 + "&dn=assist"


@pytest.fixture
async def assist(hass: HomeAssistant, init_integration: object) -> None:
    """Set up the default agent with the integration's entities."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    assert await async_setup_component(hass, "intent", {})
    # Switches are exposed to Assist by default; say so for the test.
    async_expose_entity(hass, conversation.DOMAIN, TORRENTS_SWITCH, should_expose=True)


async def _say(hass: HomeAssistant, sentence: str) -> intent.IntentResponse:
    result = await conversation.async_converse(
        hass, sentence, None, Context(), language="en"
    )
    return result.response


@pytest.mark.usefixtures("assist")
@pytest.mark.parametrize(
    ("sentence", "command"),
    [
        ("turn off qBittorrent torrents", "pause_all"),
        ("Turn on qBittorrent torrents", "resume_all"),
    ],
)
async def test_readme_voice_commands(
    hass: HomeAssistant, mock_client: MagicMock, sentence: str, command: str
) -> None:
    response = await _say(hass, sentence)

    assert response.response_type is intent.IntentResponseType.ACTION_DONE, (
        response.speech
    )
    getattr(mock_client, command).assert_awaited_once_with()


@pytest.mark.usefixtures("assist")
async def test_an_alias_names_the_switch(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    """README's advice for a second server: an alias such as "NAS torrents"."""
    # Newer Home Assistant keeps aliases in a list where COMPUTED_NAME stands
    # for the entity's own name; older ones kept a set of extra names.
    computed_name = getattr(er, "COMPUTED_NAME", None)
    aliases: Any = (
        [computed_name, "NAS torrents"] if computed_name else {"NAS torrents"}
    )
    er.async_get(hass).async_update_entity(TORRENTS_SWITCH, aliases=aliases)

    response = await _say(hass, "turn off NAS torrents")

    assert response.response_type is intent.IntentResponseType.ACTION_DONE
    mock_client.pause_all.assert_awaited_once_with()


@pytest.mark.usefixtures("assist")
async def test_an_unknown_name_does_nothing(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    """A sentence naming the old switch must not run the opposite command."""
    response = await _say(hass, "turn on qBittorrent pause all")

    assert response.response_type is intent.IntentResponseType.ERROR
    mock_client.pause_all.assert_not_awaited()
    mock_client.resume_all.assert_not_awaited()


@pytest.mark.real_server
@pytest.mark.slow
async def test_voice_stops_and_resumes_a_real_server(
    hass: HomeAssistant,
    qbittorrent_process_factory: Callable[..., Awaitable[QBittorrentProcess]],
) -> None:
    """README's sentences, as said, against qbittorrent-nox 5.3.0."""
    server = await qbittorrent_process_factory("5.3.0")
    entry = await configure_entry(hass, server.url)
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    assert await async_setup_component(hass, "intent", {})
    await hass.services.async_call(
        DOMAIN,
        "add_torrent",
        {"config_entry_id": entry.entry_id, "urls": [MAGNET]},
        blocking=True,
    )
    await poll_until(hass, lambda: hass.states.get(TORRENTS_SWITCH).state == "on")

    response = await _say(hass, "turn off qBittorrent torrents")
    assert response.response_type is intent.IntentResponseType.ACTION_DONE
    await poll_until(hass, lambda: hass.states.get(TORRENTS_SWITCH).state == "off")
    torrents = await entry.runtime_data.client.get_torrents()
    assert {torrent.state for torrent in torrents} <= {"stoppedDL", "stoppedUP"}

    response = await _say(hass, "turn on qBittorrent torrents")
    assert response.response_type is intent.IntentResponseType.ACTION_DONE
    await poll_until(hass, lambda: hass.states.get(TORRENTS_SWITCH).state == "on")
    await hass.config_entries.async_unload(entry.entry_id)
