"""Tests of the torrent card: the committed bundle and how it is served."""

import hashlib
from pathlib import Path
import re
from typing import TYPE_CHECKING

from homeassistant.setup import async_setup_component
import pytest

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.dashboard import CARD_FILE, CARD_URL

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

FRONTEND = Path(__file__).parents[3] / "frontend"
# What frontend/build.mjs hashes into the bundle's first line.
HASHED = ("build.mjs", "package-lock.json", "tsconfig.json", "src")


def sources_hash() -> str:
    """The hash frontend/build.mjs records: each file's path and content."""
    digest = hashlib.sha256()
    paths = sorted(
        path.relative_to(FRONTEND).as_posix()
        for name in HASHED
        for path in (
            [FRONTEND / name]
            if (FRONTEND / name).is_file()
            else (FRONTEND / name).rglob("*")
        )
        if path.is_file()
    )
    for path in paths:
        digest.update(f"{path}\0".encode())
        digest.update((FRONTEND / path).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def test_bundle_is_built_from_the_sources() -> None:
    # Rebuild with scripts/build-card after changing anything in frontend/.
    header = CARD_FILE.read_text(encoding="utf-8").partition("\n")[0]
    recorded = re.fullmatch(
        r"// qbittorrent-card sources-sha256: ([0-9a-f]{64})", header
    )
    assert recorded, header
    assert recorded.group(1) == sources_hash(), "run scripts/build-card"


def test_bundle_defines_the_card() -> None:
    bundle = CARD_FILE.read_text(encoding="utf-8")
    for name in (
        "qbittorrent-card",
        "qbittorrent-card-editor",
        "customCards",
        "ll-strategy-dashboard-qbittorrent-webui",
        "customStrategies",
    ):
        assert name in bundle
    assert "/torrents/subscribe" in bundle


async def test_no_frontend_serves_nothing(hass: HomeAssistant) -> None:
    assert await async_setup_component(hass, DOMAIN, {})
    assert "frontend_extra_module_url" not in hass.data


async def test_card_is_served_and_loaded(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    pytest.importorskip("hass_frontend")
    assert await async_setup_component(hass, "frontend", {})
    assert await async_setup_component(hass, DOMAIN, {})
    await hass.async_block_till_done()

    urls = hass.data["frontend_extra_module_url"].urls
    assert f"{CARD_URL}?v=0.1.0" in urls
    client = await hass_client()
    response = await client.get(CARD_URL)
    assert response.status == 200
    assert await response.text() == CARD_FILE.read_text(encoding="utf-8")
