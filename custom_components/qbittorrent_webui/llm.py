"""LLM tools of the qBittorrent WebUI integration (Home Assistant 2026.8 and later).

From 2026.8 registered intents no longer become LLM tools by themselves: each
integration offers its own through this platform. The tools run the intent
handlers (intent.py), so an LLM agent and Assist do and say the same. Before
2026.8 the Assist API turned the registered intents into tools itself, and
this platform is not loaded.
"""

from typing import Final

from homeassistant.components.llm import LLMTools
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import intent
from homeassistant.helpers.llm import (
    LLM_API_ASSIST,
    IntentTool,
    LLMContext,
    Tool,
    ToolAnnotations,
)

from .const import DOMAIN
from .intent import (
    INTENT_ADD_TORRENT,
    INTENT_ALTERNATIVE_SPEED_LIMITS,
    INTENT_PAUSE_ALL,
    INTENT_PAUSE_TORRENT,
    INTENT_RESUME_ALL,
    INTENT_RESUME_TORRENT,
    INTENT_STATUS,
    INTENT_TIME_LEFT,
)
from .voice import available_servers

# qBittorrent is a server the user configured, not an open world; adding a
# torrent is the exception: qBittorrent fetches whatever the link points at.
READS: Final = ToolAnnotations(
    read_only=True, destructive=False, idempotent=True, open_world=False
)
# Pausing or resuming twice leaves the same state, and loses nothing.
SETS: Final = ToolAnnotations(destructive=False, idempotent=True, open_world=False)
ADDS: Final = ToolAnnotations(destructive=False, idempotent=False, open_world=True)

# Intent -> (tool name without the prefix, title, annotations).
TOOLS: Final = {
    INTENT_PAUSE_ALL: ("pause_all", "Pause all torrents", SETS),
    INTENT_RESUME_ALL: ("resume_all", "Resume all torrents", SETS),
    INTENT_ALTERNATIVE_SPEED_LIMITS: (
        "set_alternative_speed_limits",
        "Turn alternative speed limits on or off",
        SETS,
    ),
    INTENT_STATUS: ("get_status", "Get the download status", READS),
    INTENT_TIME_LEFT: ("get_time_left", "Get a torrent's time left", READS),
    INTENT_PAUSE_TORRENT: ("pause_torrent", "Pause a torrent", SETS),
    INTENT_RESUME_TORRENT: ("resume_torrent", "Resume a torrent", SETS),
    INTENT_ADD_TORRENT: ("add_torrent", "Add a torrent", ADDS),
}


@callback
def async_get_tools(
    hass: HomeAssistant, llm_context: LLMContext, api_id: str
) -> LLMTools | None:
    """The tools, while an entity of a loaded server is exposed to the assistant."""
    if api_id != LLM_API_ASSIST:
        return None
    servers = available_servers(hass, assistant=llm_context.assistant)
    if not servers:
        return None
    tools: list[Tool] = [
        IntentTool(
            f"{DOMAIN}__{TOOLS[handler.intent_type][0]}",
            handler,
            title=TOOLS[handler.intent_type][1],
            integration=DOMAIN,
            annotations=TOOLS[handler.intent_type][2],
        )
        for handler in intent.async_get(hass)
        if handler.intent_type in TOOLS
    ]
    prompt = None
    if len(servers) > 1:
        names = ", ".join(f'"{server.name}"' for server in servers)
        prompt = (
            f"There are several qBittorrent servers: {names}. Pass the one the "
            f"user means as server to the {DOMAIN} tools; ask when it is unclear."
        )
    return LLMTools(tools=tools, prompt=prompt)
