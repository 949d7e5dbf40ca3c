"""The torrent card, served by the integration so it needs no manual setup."""

from pathlib import Path
from typing import TYPE_CHECKING, Final

from homeassistant.components.frontend import add_extra_js_url

# Re-exported from http.server since 2026.4; defined in http before.
from homeassistant.components.http import (  # type: ignore[attr-defined,unused-ignore]
    StaticPathConfig,
)
from homeassistant.loader import async_get_integration

from .const import DOMAIN

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

CARD_FILE: Final = Path(__file__).parent / "frontend" / "qbittorrent-card.js"
CARD_URL: Final = f"/{DOMAIN}/qbittorrent-card.js"


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the card's bundle and have every dashboard load it.

    The URL carries the integration's version, so browsers fetch a new bundle
    after an update and cache it until the next. Without a frontend (a
    headless installation) there is nothing to serve.
    """
    if "frontend" not in hass.config.components:
        return
    integration = await async_get_integration(hass, DOMAIN)
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARD_URL, str(CARD_FILE), cache_headers=True)]
    )
    add_extra_js_url(hass, f"{CARD_URL}?v={integration.version}")
