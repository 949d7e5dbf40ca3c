"""The voice intents: what each does and says, with a mocked client."""

import json
from pathlib import Path
import re
from typing import TYPE_CHECKING, Any

from homeassistant.components.homeassistant.exposed_entities import (
    async_expose_entity,
)
from homeassistant.const import CONF_URL
from homeassistant.core import Context
from homeassistant.helpers import device_registry as dr, entity_registry as er, intent
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.qbittorrent_webui.const import CONF_VOICE_SENTENCES, DOMAIN
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
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    AddTorrentOptions,
    QBittorrentConnectionError,
    SyncResult,
)
from custom_components.qbittorrent_webui.voice import (
    Phrase,
    async_render,
    duration_phrase,
    plural_category,
    speed_phrase,
)

from .conftest import (
    DIGEST_MAIN_DATA,
    DIGEST_SERVER_INFO,
    ENTRY_DATA,
    make_main_data,
    setup_entry,
    stopped_answer,
    torrent_answer,
    torrent_hash,
)

if TYPE_CHECKING:
    from unittest.mock import MagicMock

    from homeassistant.core import HomeAssistant

    from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
        MainData,
    )

MAGNET = "magnet:?xt=urn:btih:" + "a" * 40 + "&dn=voice"
UBUNTU = torrent_hash(1)
DEBIAN = torrent_hash(2)


@pytest.fixture
def main_data() -> MainData:
    """Two downloads (one finishing in 5 minutes), one paused, one seeding."""
    return make_main_data(
        torrent_answer(1, name="ubuntu-24.04.1-desktop-amd64.iso", eta=300),
        torrent_answer(2, name="debian-12.7.0-amd64-netinst.iso", eta=7_500),
        stopped_answer(5),
        torrent_answer(3),
        dl_info_speed=2_621_440,
    )


@pytest.fixture
async def voice(hass: HomeAssistant, init_integration: MockConfigEntry) -> None:
    """Intents set up beside a loaded server."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "intent", {})


async def _ask(
    hass: HomeAssistant, intent_type: str, language: str = "en", **slots: Any
) -> intent.IntentResponse:
    return await intent.async_handle(
        hass,
        "test",
        intent_type,
        {name: {"value": value} for name, value in slots.items()},
        context=Context(),
        language=language,
        assistant="conversation",
    )


def _speech(response: intent.IntentResponse) -> str:
    return str(response.speech["plain"]["speech"])


@pytest.mark.usefixtures("voice")
async def test_pause_and_resume_all(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    response = await _ask(hass, INTENT_PAUSE_ALL)

    assert response.response_type is intent.IntentResponseType.ACTION_DONE
    assert _speech(response) == "All torrents in qBittorrent are paused."
    mock_client.pause_all.assert_awaited_once_with()

    response = await _ask(hass, INTENT_RESUME_ALL)

    assert _speech(response) == "All torrents in qBittorrent are resumed."
    mock_client.resume_all.assert_awaited_once_with()


@pytest.mark.usefixtures("voice")
@pytest.mark.parametrize(
    ("enabled", "speech"),
    [
        (True, "Alternative speed limits are on in qBittorrent."),
        (False, "Alternative speed limits are off in qBittorrent."),
    ],
)
async def test_alternative_speed_limits(
    hass: HomeAssistant, mock_client: MagicMock, enabled: bool, speech: str
) -> None:
    response = await _ask(hass, INTENT_ALTERNATIVE_SPEED_LIMITS, enabled=enabled)

    assert _speech(response) == speech
    mock_client.set_alternative_speed_limits_enabled.assert_awaited_once_with(
        enabled=enabled
    )


@pytest.mark.usefixtures("voice")
async def test_status(hass: HomeAssistant) -> None:
    response = await _ask(hass, INTENT_STATUS)

    assert response.response_type is intent.IntentResponseType.QUERY_ANSWER
    assert _speech(response) == (
        "2 torrents are downloading in qBittorrent, at 2.5 megabytes per second in"
        " total. ubuntu-24.04.1-desktop-amd64.iso finishes next, in 5 minutes."
    )


@pytest.mark.usefixtures("voice")
async def test_status_in_german(hass: HomeAssistant) -> None:
    """A regional variant answers in its language, with its decimal comma."""
    response = await _ask(hass, INTENT_STATUS, language="de-CH")

    assert _speech(response) == (
        "2 Torrents werden in qBittorrent heruntergeladen, mit zusammen 2,5 Megabyte"
        " pro Sekunde. Als Nächstes ist ubuntu-24.04.1-desktop-amd64.iso fertig, in"
        " 5 Minuten."
    )


@pytest.mark.usefixtures("voice")
@pytest.mark.parametrize(
    ("main_data", "speech"),
    [
        (make_main_data(), "Nothing is downloading in qBittorrent."),
        (
            make_main_data(stopped_answer(1), stopped_answer(3)),
            "Nothing is downloading in qBittorrent. All torrents are paused.",
        ),
        (
            make_main_data(torrent_answer(1, eta=8_640_000), dl_info_speed=1024),
            "1 torrent is downloading in qBittorrent, at 1 kilobyte per second.",
        ),
    ],
    ids=["empty", "all-paused", "one-without-estimate"],
)
async def test_status_without_an_estimate(hass: HomeAssistant, speech: str) -> None:
    assert _speech(await _ask(hass, INTENT_STATUS)) == speech


@pytest.mark.usefixtures("voice")
@pytest.mark.parametrize(
    ("said", "speech"),
    [
        (
            "ubuntu",
            (
                "ubuntu-24.04.1-desktop-amd64.iso is 50 percent done and finishes"
                " in 5 minutes."
            ),
        ),
        (
            "Debian twelve netinst",
            (
                "debian-12.7.0-amd64-netinst.iso is 50 percent done and finishes"
                " in 2 hours and 5 minutes."
            ),
        ),
        ("torrent 5", "torrent-5 is paused at 50 percent."),
        ("torrent-3", "torrent-3 is complete."),
        ("fedora", "I couldn't find a torrent called fedora."),
        (
            "amd64",
            (
                "Several torrents match amd64: ubuntu-24.04.1-desktop-amd64.iso or"
                " debian-12.7.0-amd64-netinst.iso. Which one do you mean?"
            ),
        ),
    ],
)
async def test_time_left(hass: HomeAssistant, said: str, speech: str) -> None:
    assert _speech(await _ask(hass, INTENT_TIME_LEFT, torrent=said)) == speech


@pytest.mark.usefixtures("voice")
@pytest.mark.parametrize(
    "main_data", [make_main_data(torrent_answer(1, eta=8_640_000, name="ubuntu"))]
)
async def test_time_left_unknown(hass: HomeAssistant) -> None:
    assert _speech(await _ask(hass, INTENT_TIME_LEFT, torrent="ubuntu")) == (
        "ubuntu is 50 percent done; qBittorrent cannot tell yet when it finishes."
    )


@pytest.mark.usefixtures("voice")
async def test_pause_and_resume_one_torrent(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    response = await _ask(hass, INTENT_PAUSE_TORRENT, torrent="ubunto desktop")

    assert _speech(response) == "ubuntu-24.04.1-desktop-amd64.iso is paused."
    mock_client.pause_torrents.assert_awaited_once_with([UBUNTU])

    response = await _ask(hass, INTENT_RESUME_TORRENT, torrent="debian")

    assert _speech(response) == "debian-12.7.0-amd64-netinst.iso is resumed."
    mock_client.resume_torrents.assert_awaited_once_with([DEBIAN])


@pytest.mark.usefixtures("voice")
async def test_add_torrent(hass: HomeAssistant, mock_client: MagicMock) -> None:
    response = await _ask(hass, INTENT_ADD_TORRENT, url=MAGNET)

    assert _speech(response) == "The torrent was added to qBittorrent."
    mock_client.add_torrent_urls.assert_awaited_once_with([MAGNET], AddTorrentOptions())


@pytest.mark.usefixtures("voice")
async def test_add_refuses_what_is_no_url(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    response = await _ask(hass, INTENT_ADD_TORRENT, url="ubuntu please")

    assert response.response_type is intent.IntentResponseType.ERROR
    assert response.error_code is intent.IntentResponseErrorCode.NO_VALID_TARGETS
    assert _speech(response) == (
        "To add a torrent I need a magnet link or an http or https address."
    )
    mock_client.add_torrent_urls.assert_not_awaited()


@pytest.mark.usefixtures("voice")
async def test_a_failure_is_said(hass: HomeAssistant, mock_client: MagicMock) -> None:
    mock_client.pause_all.side_effect = QBittorrentConnectionError("refused")

    response = await _ask(hass, INTENT_PAUSE_ALL)

    assert response.error_code is intent.IntentResponseErrorCode.FAILED_TO_HANDLE
    assert _speech(response).startswith("That did not work: ")


@pytest.mark.usefixtures("voice")
async def test_a_failed_read_is_said(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    mock_client.sync.side_effect = QBittorrentConnectionError("refused")

    response = await _ask(hass, INTENT_STATUS)

    assert response.error_code is intent.IntentResponseErrorCode.FAILED_TO_HANDLE


@pytest.mark.usefixtures("voice")
@pytest.mark.parametrize("server_info", [DIGEST_SERVER_INFO])
@pytest.mark.parametrize("main_data", [DIGEST_MAIN_DATA])
async def test_alternative_limits_missing_on_3_1(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    response = await _ask(hass, INTENT_ALTERNATIVE_SPEED_LIMITS, enabled=True)

    assert _speech(response) == "qBittorrent has no alternative speed limits."
    mock_client.set_alternative_speed_limits_enabled.assert_not_awaited()


@pytest.mark.usefixtures("voice")
async def test_hidden_servers_do_not_answer(
    hass: HomeAssistant, mock_client: MagicMock, init_integration: MockConfigEntry
) -> None:
    """A server none of whose entities is exposed to the assistant stays out."""
    registry = er.async_get(hass)
    for entity in er.async_entries_for_config_entry(
        registry, init_integration.entry_id
    ):
        async_expose_entity(hass, "conversation", entity.entity_id, False)

    response = await _ask(hass, INTENT_PAUSE_ALL)

    assert _speech(response) == (
        "No qBittorrent server is available to voice control right now."
    )
    mock_client.pause_all.assert_not_awaited()


@pytest.fixture
async def two_servers(
    hass: HomeAssistant, voice: None, mock_client: MagicMock
) -> MockConfigEntry:
    """A second server, renamed "NAS" by the user."""
    url = "http://192.168.1.11:8080"
    second = MockConfigEntry(
        domain=DOMAIN,
        title="192.168.1.11:8080",
        unique_id=url,
        data=ENTRY_DATA | {CONF_URL: url},
    )
    await setup_entry(hass, second)
    registry = dr.async_get(hass)
    (device,) = dr.async_entries_for_config_entry(registry, second.entry_id)
    registry.async_update_device(device.id, name_by_user="NAS")
    return second


@pytest.mark.usefixtures("two_servers")
async def test_several_servers_ask_which(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    response = await _ask(hass, INTENT_PAUSE_ALL)

    assert (
        _speech(response) == "Which qBittorrent server do you mean: qBittorrent or NAS?"
    )
    mock_client.pause_all.assert_not_awaited()


@pytest.mark.usefixtures("two_servers")
@pytest.mark.parametrize("said", ["NAS", "the nas", "192.168.1.11:8080"])
async def test_the_server_named_answers(
    hass: HomeAssistant, mock_client: MagicMock, said: str
) -> None:
    response = await _ask(hass, INTENT_PAUSE_ALL, server=said)

    assert _speech(response) == "All torrents in NAS are paused."
    mock_client.pause_all.assert_awaited_once_with()


@pytest.mark.usefixtures("two_servers")
async def test_an_unknown_server_is_said(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    response = await _ask(hass, INTENT_STATUS, server="attic")

    assert _speech(response) == (
        "I don't know a qBittorrent server called attic. I know qBittorrent or NAS."
    )


@pytest.mark.usefixtures("two_servers")
async def test_a_torrent_on_two_servers_asks_which(hass: HomeAssistant) -> None:
    """Both (mocked) servers hold the same torrents: the name is not enough."""
    response = await _ask(hass, INTENT_TIME_LEFT, torrent="ubuntu")

    assert "Which one do you mean?" in _speech(response)


@pytest.mark.parametrize(
    ("language", "counts", "expected"),
    [
        ("en", [1, 2, 0, 1.5], ["one", "other", "other", "other"]),
        ("de", [1, 5], ["one", "other"]),
        ("fr", [0, 1, 1.5, 2], ["one", "one", "one", "other"]),
        (
            "ru",
            [1, 2, 4, 5, 11, 12, 21, 22, 25, 111, 1.5],
            [
                "one",
                "few",
                "few",
                "many",
                "many",
                "many",
                "one",
                "few",
                "many",
                "many",
                "other",
            ],
        ),
    ],
)
def test_plural_categories(
    language: str, counts: list[float], expected: list[str]
) -> None:
    assert [plural_category(language, count) for count in counts] == expected


@pytest.mark.parametrize(
    ("seconds", "speech"),
    [
        (30, "less than a minute"),
        (61, "2 minutes"),
        (3_600, "1 hour"),
        (5_400, "1 hour and 30 minutes"),
        (86_400, "1 day"),
        (90_000, "1 day and 1 hour"),
        (200_000, "2 days and 8 hours"),
    ],
)
async def test_durations(hass: HomeAssistant, seconds: int, speech: str) -> None:
    assert await async_render(hass, "en", [duration_phrase(seconds)]) == speech


@pytest.mark.parametrize(
    ("language", "speed", "speech"),
    [
        ("en", 0, "0 kilobytes per second"),
        ("en", 1_048_576, "1 megabyte per second"),
        ("en", 15_000_000, "14 megabytes per second"),
        ("fr", 1_572_864, "1,5 mégaoctet par seconde"),
        ("ru", 22_528, "22 килобайта в секунду"),
        ("ru", 25_600, "25 килобайт в секунду"),
    ],
)
async def test_speeds(
    hass: HomeAssistant, language: str, speed: int, speech: str
) -> None:
    """French says 1,5 in the singular; Russian declines after the number."""
    assert await async_render(hass, language, [speed_phrase(speed, language)]) == (
        speech
    )


async def test_phrases_nest(hass: HomeAssistant) -> None:
    phrase = Phrase("voice_or", {"first": "a, b", "last": "c"})
    assert await async_render(hass, "en", [phrase]) == "a, b or c"


@pytest.mark.usefixtures("voice")
async def test_the_option_keeps_a_server_from_the_sentences(
    hass: HomeAssistant, init_integration: MockConfigEntry, mock_client: MagicMock
) -> None:
    """Intents (Assist's LLM path) still answer; the option is about sentences."""
    hass.config_entries.async_update_entry(
        init_integration, options={CONF_VOICE_SENTENCES: False}
    )
    mock_client.sync.return_value = SyncResult(data=make_main_data(), baseline=True)

    response = await _ask(hass, INTENT_STATUS)

    assert _speech(response) == "Nothing is downloading in qBittorrent."


PACKAGE = Path(__file__).parents[3] / "custom_components" / "qbittorrent_webui"
PLURAL_FORMS = ("one", "few", "many", "other")


def test_every_spoken_text_is_translated_and_used() -> None:
    """Each phrase key has its English text (every plural form), none is unused."""
    code = (PACKAGE / "voice.py").read_text(encoding="utf-8")
    used = set(re.findall(r'"(voice_[a-z_]+)"', code))
    common = json.loads((PACKAGE / "translations" / "en.json").read_text())["common"]
    expected: set[str] = set()
    for key in used:
        if key in common:
            expected.add(key)
        else:
            expected.update(f"{key}_{form}" for form in PLURAL_FORMS)
    assert expected == set(common)
