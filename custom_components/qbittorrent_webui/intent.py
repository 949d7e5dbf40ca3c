"""Intents of the qBittorrent WebUI integration, for Assist and LLM agents.

Home Assistant's intent integration loads this platform. The handlers answer
in the asker's language (see voice.py); the integration's own sentences
(sentences.py) and LLM tools (llm.py) reach them too.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, override

from homeassistant.helpers import config_validation as cv, intent
import voluptuous as vol

from .voice import (
    VoiceRefusalError,
    VoiceRequest,
    async_add_torrent,
    async_pause_all,
    async_pause_torrent,
    async_render,
    async_resume_all,
    async_resume_torrent,
    async_set_alternative_speed_limits,
    async_status,
    async_time_left,
    base_language,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from homeassistant.core import HomeAssistant

    from .voice import Phrase

INTENT_PAUSE_ALL: Final = "QBittorrentPauseAll"
INTENT_RESUME_ALL: Final = "QBittorrentResumeAll"
INTENT_ALTERNATIVE_SPEED_LIMITS: Final = "QBittorrentAlternativeSpeedLimits"
INTENT_STATUS: Final = "QBittorrentStatus"
INTENT_TIME_LEFT: Final = "QBittorrentTimeLeft"
INTENT_PAUSE_TORRENT: Final = "QBittorrentPauseTorrent"
INTENT_RESUME_TORRENT: Final = "QBittorrentResumeTorrent"
INTENT_ADD_TORRENT: Final = "QBittorrentAddTorrent"

SLOT_SERVER: Final = "server"
SLOT_TORRENT: Final = "torrent"
SLOT_ENABLED: Final = "enabled"
SLOT_URL: Final = "url"

SERVER_SLOT: Final[dict[Any, Any]] = {
    vol.Optional(
        SLOT_SERVER,
        description=(
            "The qBittorrent server's name, only when several are set up "
            "and the user named one"
        ),
        # LLMs fill optional parameters with "" too: that names no server.
    ): cv.string
}
TORRENT_SLOT: Final[dict[Any, Any]] = {
    vol.Required(
        SLOT_TORRENT,
        description="The torrent's name as the user said it; close is enough",
    ): intent.non_empty_string
}

type Operation = Callable[[VoiceRequest, dict[str, Any]], Awaitable[list[Phrase]]]


@dataclass(frozen=True, kw_only=True)
class VoiceIntent:
    """One voice command: what it does and what it takes."""

    intent_type: str
    description: str
    slots: dict[Any, Any]
    operation: Operation
    answers_query: bool = False
    """A question (the answer is the result), not a command."""


VOICE_INTENTS: Final = (
    VoiceIntent(
        intent_type=INTENT_PAUSE_ALL,
        description="Pauses (stops) every torrent in qBittorrent",
        slots=SERVER_SLOT,
        operation=lambda request, _slots: async_pause_all(request),
    ),
    VoiceIntent(
        intent_type=INTENT_RESUME_ALL,
        description="Resumes (starts) every torrent in qBittorrent",
        slots=SERVER_SLOT,
        operation=lambda request, _slots: async_resume_all(request),
    ),
    VoiceIntent(
        intent_type=INTENT_ALTERNATIVE_SPEED_LIMITS,
        description=(
            "Turns qBittorrent's alternative speed limits (turtle mode) on or off"
        ),
        slots={
            vol.Required(
                SLOT_ENABLED, description="True to turn them on, false for off"
            ): cv.boolean,
            **SERVER_SLOT,
        },
        operation=lambda request, slots: async_set_alternative_speed_limits(
            request, enabled=slots[SLOT_ENABLED]
        ),
    ),
    VoiceIntent(
        intent_type=INTENT_STATUS,
        description=(
            "Tells how many torrents are downloading in qBittorrent, the total "
            "download speed, and which torrent finishes next and when"
        ),
        slots=SERVER_SLOT,
        operation=lambda request, _slots: async_status(request),
        answers_query=True,
    ),
    VoiceIntent(
        intent_type=INTENT_TIME_LEFT,
        description="Tells how long a torrent needs to finish downloading",
        slots={**TORRENT_SLOT, **SERVER_SLOT},
        operation=lambda request, slots: async_time_left(request, slots[SLOT_TORRENT]),
        answers_query=True,
    ),
    VoiceIntent(
        intent_type=INTENT_PAUSE_TORRENT,
        description="Pauses (stops) one torrent, chosen by its name",
        slots={**TORRENT_SLOT, **SERVER_SLOT},
        operation=lambda request, slots: async_pause_torrent(
            request, slots[SLOT_TORRENT]
        ),
    ),
    VoiceIntent(
        intent_type=INTENT_RESUME_TORRENT,
        description="Resumes (starts) one torrent, chosen by its name",
        slots={**TORRENT_SLOT, **SERVER_SLOT},
        operation=lambda request, slots: async_resume_torrent(
            request, slots[SLOT_TORRENT]
        ),
    ),
    VoiceIntent(
        intent_type=INTENT_ADD_TORRENT,
        description="Adds a torrent to qBittorrent from a magnet link or an http(s) URL",
        slots={
            vol.Required(
                SLOT_URL, description="The magnet link or http(s) URL, exactly"
            ): intent.non_empty_string,
            **SERVER_SLOT,
        },
        operation=lambda request, slots: async_add_torrent(request, slots[SLOT_URL]),
    ),
)


class QBittorrentIntentHandler(intent.IntentHandler):
    """Runs one voice command and says what happened."""

    def __init__(self, voice_intent: VoiceIntent) -> None:
        """Handle ``voice_intent``."""
        self.voice_intent = voice_intent
        self.intent_type = voice_intent.intent_type
        self.description = voice_intent.description

    @property
    @override
    def slot_schema(self) -> dict[Any, Any]:
        """The slots the command takes."""
        return self.voice_intent.slots

    @override
    async def async_handle(self, intent_obj: intent.Intent) -> intent.IntentResponse:
        """Run the command; a refusal is an error response that says why."""
        slots = self.async_validate_slots(intent_obj.slots)
        values = {name: slot["value"] for name, slot in slots.items()}
        hass = intent_obj.hass
        language = base_language(intent_obj.language, hass)
        request = VoiceRequest(
            hass=hass,
            language=language,
            assistant=intent_obj.assistant,
            server=values.get(SLOT_SERVER),
        )
        response = intent_obj.create_response()
        try:
            phrases = await self.voice_intent.operation(request, values)
        except VoiceRefusalError as refusal:
            response.async_set_error(
                intent.IntentResponseErrorCode.FAILED_TO_HANDLE
                if refusal.failed
                else intent.IntentResponseErrorCode.NO_VALID_TARGETS,
                await async_render(hass, language, refusal.phrases),
            )
            return response
        if self.voice_intent.answers_query:
            response.response_type = intent.IntentResponseType.QUERY_ANSWER
        response.async_set_speech(await async_render(hass, language, phrases))
        return response


async def async_setup_intents(hass: HomeAssistant) -> None:
    """Register the voice commands."""
    for voice_intent in VOICE_INTENTS:
        intent.async_register(hass, QBittorrentIntentHandler(voice_intent))
