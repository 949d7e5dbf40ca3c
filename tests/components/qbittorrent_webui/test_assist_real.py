"""Every shipped sentence, in every language, said to a real qbittorrent-nox.

One sample per sentence template (test_assist.SAMPLES, kept complete by
test_every_sentence_has_a_sample) goes through Home Assistant's built-in agent
to one real 5.3.0 server for the whole module, which seeds a finished torrent
to name. Each command's answer is checked, and the server's state where the
command changes it. Pause all and resume all are said to 4.2.5 too, where
"stopped" was still "paused".
"""

import asyncio
from typing import TYPE_CHECKING

from homeassistant.components import conversation
from homeassistant.core import Context
from homeassistant.setup import async_setup_component
import pytest

from custom_components.qbittorrent_webui.intent import (
    INTENT_ADD_TORRENT,
    INTENT_PAUSE_ALL,
    INTENT_PAUSE_TORRENT,
    INTENT_RESUME_ALL,
    INTENT_RESUME_TORRENT,
    INTENT_STATUS,
    INTENT_TIME_LEFT,
)
from custom_components.qbittorrent_webui.voice import (
    Phrase,
    VoiceRequest,
    async_render,
    async_status,
)
from qbittorrent_tooling.torrent_files import seed_finished_torrents

from .conftest import configure_entry
from .test_assist import (
    ALTERNATIVE_OFF,
    ALTERNATIVE_ON,
    SAMPLES,
    STOPPED,
    VOICE_MAGNET,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable

    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
        QBittorrentClient,
    )
    from qbittorrent_tooling.real_servers import QBittorrentProcess

pytestmark = [pytest.mark.real_server, pytest.mark.slow]

MAGNET_HASH = "f" * 40
# Real servers show a pause or resume up to 1.5 s after answering it.
MAX_WAITS = 40
WAIT = 0.1

CASES = [
    pytest.param(("5.3.0", language, kind, sentence), id=f"{language}-{sentence}")
    for language, samples in SAMPLES.items()
    for kind, sentence in samples
] + [
    pytest.param(("4.2.5", language, kind, sentence), id=f"4.2.5-{language}-{sentence}")
    for language, samples in SAMPLES.items()
    for kind, sentence in samples
    if kind in {INTENT_PAUSE_ALL, INTENT_RESUME_ALL}
]


@pytest.fixture(scope="module")
def seeded() -> dict[str, tuple[str, str]]:
    """Per server URL: the finished torrent seeded there, its hash and name."""
    return {}


@pytest.fixture
async def real_assist(
    hass: HomeAssistant,
    real_servers: dict[str, QBittorrentProcess],
    seeded: dict[str, tuple[str, str]],
    spoken: tuple[str, str, str, str],
    socket_enabled: None,
) -> AsyncIterator[tuple[ConfigEntry, str, str]]:
    """The built-in agent and the module's server of that version.

    Yields the entry, and the seeded torrent's hash and name.
    """
    server = real_servers[spoken[0]]
    if server.url not in seeded:
        ((torrent_hash, fields),) = (await seed_finished_torrents(server, 1)).items()
        seeded[server.url] = (torrent_hash, fields["name"])
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    assert await async_setup_component(hass, "intent", {})
    entry = await configure_entry(hass, server.url)
    yield entry, *seeded[server.url]
    await hass.config_entries.async_unload(entry.entry_id)


async def _wait_for(check: Callable[[], Awaitable[bool]]) -> None:
    for _ in range(MAX_WAITS):
        if await check():
            return
        await asyncio.sleep(WAIT)
    msg = "qBittorrent did not show the change"
    raise AssertionError(msg)


async def _states(client: QBittorrentClient) -> dict[str, str | None]:
    return {torrent.hash: torrent.state for torrent in await client.get_torrents()}


async def _prepare(client: QBittorrentClient, kind: str, torrent_hash: str) -> None:
    """Start from a running server without the magnet; then set what is undone."""
    if MAGNET_HASH in await _states(client):
        await client.delete_torrents([MAGNET_HASH], delete_files=True)
    if await client.get_alternative_speed_limits_enabled() != (kind == ALTERNATIVE_OFF):
        await client.set_alternative_speed_limits_enabled(
            enabled=kind == ALTERNATIVE_OFF
        )
    if kind in {INTENT_RESUME_ALL, INTENT_RESUME_TORRENT}:
        await client.pause_all()
    else:
        await client.resume_all()

    async def ready() -> bool:
        states = await _states(client)
        stopped = states.get(torrent_hash) in STOPPED
        return MAGNET_HASH not in states and stopped == (
            kind in {INTENT_RESUME_ALL, INTENT_RESUME_TORRENT}
        )

    await _wait_for(ready)


def _changed(
    client: QBittorrentClient, kind: str, torrent_hash: str
) -> Callable[[], Awaitable[bool]]:
    """What the server shows once the command ``kind`` is done."""

    async def all_stopped() -> bool:
        return set((await _states(client)).values()) <= STOPPED

    async def none_stopped() -> bool:
        return not set((await _states(client)).values()) & STOPPED

    async def alternative(*, enabled: bool) -> bool:
        return await client.get_alternative_speed_limits_enabled() is enabled

    async def torrent_stopped() -> bool:
        return (await _states(client))[torrent_hash] in STOPPED

    async def torrent_running() -> bool:
        return (await _states(client))[torrent_hash] not in STOPPED

    async def added() -> bool:
        return MAGNET_HASH in await _states(client)

    checks: dict[str, Callable[[], Awaitable[bool]]] = {
        INTENT_PAUSE_ALL: all_stopped,
        INTENT_RESUME_ALL: none_stopped,
        ALTERNATIVE_ON: lambda: alternative(enabled=True),
        ALTERNATIVE_OFF: lambda: alternative(enabled=False),
        INTENT_PAUSE_TORRENT: torrent_stopped,
        INTENT_RESUME_TORRENT: torrent_running,
        INTENT_ADD_TORRENT: added,
    }
    return checks[kind]


ANSWER_KEYS = {
    INTENT_PAUSE_ALL: "voice_paused_all",
    INTENT_RESUME_ALL: "voice_resumed_all",
    ALTERNATIVE_ON: "voice_alternative_speed_on",
    ALTERNATIVE_OFF: "voice_alternative_speed_off",
    INTENT_PAUSE_TORRENT: "voice_torrent_paused",
    INTENT_RESUME_TORRENT: "voice_torrent_resumed",
    INTENT_ADD_TORRENT: "voice_torrent_added",
}


@pytest.mark.parametrize("spoken", CASES)
async def test_sentence_against_a_real_server(
    hass: HomeAssistant,
    real_assist: tuple[ConfigEntry, str, str],
    spoken: tuple[str, str, str, str],
) -> None:
    """Sentence in, speech out in that language, qBittorrent changed."""
    _version, language, kind, sentence = spoken
    entry, torrent_hash, name = real_assist
    client = entry.runtime_data.client
    await _prepare(client, kind, torrent_hash)
    # Said as a person would: "finished-0.bin" is "finished 0".
    said = name.removesuffix(".bin").replace("-", " ")

    result = await conversation.async_converse(
        hass,
        sentence.format(name=said, magnet=VOICE_MAGNET),
        None,
        Context(),
        language=language,
    )
    speech = result.response.speech["plain"]["speech"]

    if kind == INTENT_STATUS:
        request = VoiceRequest(hass=hass, language=language, assistant=None)
        assert speech == await async_render(hass, language, await async_status(request))
    elif kind == INTENT_TIME_LEFT:
        assert speech == await async_render(
            hass,
            language,
            [Phrase("voice_time_left_complete", {"name": name, "progress": 100})],
        )
    else:
        values = {"server": "qBittorrent", "name": name}
        assert speech == await async_render(
            hass, language, [Phrase(ANSWER_KEYS[kind], values)]
        )
        await _wait_for(_changed(client, kind, torrent_hash))
