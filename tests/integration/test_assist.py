"""The voice commands README gives, through Home Assistant's default agent."""

from typing import TYPE_CHECKING

from homeassistant.components import conversation
from homeassistant.components.homeassistant.exposed_entities import (
    async_expose_entity,
)
from homeassistant.core import Context
from homeassistant.helpers import intent
from homeassistant.setup import async_setup_component
import pytest

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from homeassistant.core import HomeAssistant

TORRENTS_SWITCH = "switch.qbittorrent_torrents"


@pytest.fixture
async def assist(hass: HomeAssistant, init_integration: object) -> None:  # noqa: ARG001
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
async def test_an_unknown_name_does_nothing(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    """A sentence naming the old switch must not run the opposite command."""
    response = await _say(hass, "turn on qBittorrent pause all")

    assert response.response_type is intent.IntentResponseType.ERROR
    mock_client.pause_all.assert_not_awaited()
    mock_client.resume_all.assert_not_awaited()
