"""The voice commands README gives, through Home Assistant's default agent."""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from hassil.intents import Intents, WildcardSlotList
from hassil.recognize import recognize_all
from homeassistant.components import conversation
from homeassistant.components.conversation.agent_manager import get_agent_manager
from homeassistant.components.homeassistant.exposed_entities import (
    async_expose_entity,
)
from homeassistant.const import CONF_URL
from homeassistant.core import Context
from homeassistant.helpers import entity_registry as er, intent
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.qbittorrent_webui.const import (
    CONF_VOICE_SENTENCES,
    DOMAIN,
)
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
from custom_components.qbittorrent_webui.sentences import (
    SENTENCES_DIR,
    load_language,
)
from custom_components.qbittorrent_webui.voice import (
    Phrase,
    VoiceRequest,
    async_render,
    async_status,
)

from .conftest import ENTRY_DATA, URL, configure_entry, poll_until, setup_entry

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable
    from unittest.mock import MagicMock

    from homeassistant.core import HomeAssistant

    from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
        QBittorrentClient,
    )
    from qbittorrent_tooling.emulator import QBittorrentEmulator
    from qbittorrent_tooling.real_servers import QBittorrentProcess

TORRENTS_SWITCH = "switch.qbittorrent_torrents"
MAGNET = "magnet:?xt=urn:btih:" + "e" * 40 + "&dn=assist"
# The alternative speed limits intent, by the state its sentences ask for.
ALTERNATIVE_ON = "alternative_on"
ALTERNATIVE_OFF = "alternative_off"


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


# --- The integration's own sentences, in every language it ships ------------------
#
# One sample per sentence template; {name} is the spoken name of a torrent of the
# server, {magnet} a magnet link. test_every_sentence_has_a_sample keeps the list
# complete, test_each_sample_means_one_thing keeps the sentences apart.

SAMPLES: dict[str, list[tuple[str, str]]] = {
    "en": [
        (INTENT_PAUSE_ALL, "pause all torrents"),
        (INTENT_PAUSE_ALL, "Stop my downloads."),
        (INTENT_RESUME_ALL, "resume all torrents"),
        (ALTERNATIVE_ON, "turn on alternative speed limits"),
        (ALTERNATIVE_ON, "enable turtle mode"),
        (ALTERNATIVE_ON, "slow down my downloads"),
        (ALTERNATIVE_OFF, "turn off the alternative speed limits"),
        (ALTERNATIVE_OFF, "disable alt speed"),
        (ALTERNATIVE_OFF, "speed up the torrents"),
        (INTENT_STATUS, "How are my downloads?"),
        (INTENT_STATUS, "what's downloading"),
        (INTENT_STATUS, "download status"),
        (INTENT_STATUS, "how many torrents are downloading"),
        (INTENT_STATUS, "what is the download speed"),
        (INTENT_TIME_LEFT, "how much time is left for {name}"),
        (INTENT_TIME_LEFT, "how long until {name} is done"),
        (INTENT_TIME_LEFT, "when will {name} finish"),
        (INTENT_TIME_LEFT, "what's the eta of {name}"),
        (INTENT_PAUSE_TORRENT, "pause torrent {name}"),
        (INTENT_PAUSE_TORRENT, "stop the download of {name}"),
        (INTENT_RESUME_TORRENT, "resume the torrent {name}"),
        (INTENT_RESUME_TORRENT, "continue the download of {name}"),
        (INTENT_ADD_TORRENT, "add torrent {magnet}"),
    ],
    "de": [
        (INTENT_PAUSE_ALL, "pausiere alle Torrents"),
        (INTENT_PAUSE_ALL, "alle Downloads anhalten"),
        (INTENT_RESUME_ALL, "lade alle Downloads weiter"),
        (INTENT_RESUME_ALL, "setze alle Torrents wieder fort"),
        (INTENT_RESUME_ALL, "starte alle Torrents"),
        (INTENT_RESUME_ALL, "alle Torrents fortsetzen"),
        (ALTERNATIVE_ON, "schalte die alternativen Geschwindigkeitsbegrenzungen ein"),
        (ALTERNATIVE_ON, "aktiviere den Schildkrötenmodus"),
        (ALTERNATIVE_ON, "alternative Geschwindigkeitsbegrenzung einschalten"),
        (ALTERNATIVE_OFF, "schalte die alternativen Limits aus"),
        (ALTERNATIVE_OFF, "deaktiviere den Schildkrötenmodus"),
        (ALTERNATIVE_OFF, "alternative Geschwindigkeit ausschalten"),
        (INTENT_STATUS, "Wie laufen meine Downloads?"),
        (INTENT_STATUS, "was wird gerade heruntergeladen"),
        (INTENT_STATUS, "was lädt gerade"),
        (INTENT_STATUS, "Downloadstatus"),
        (INTENT_STATUS, "wie viele Torrents laufen gerade"),
        (INTENT_STATUS, "wie schnell ist die Downloadgeschwindigkeit"),
        (INTENT_TIME_LEFT, "wie lange braucht {name} noch"),
        (INTENT_TIME_LEFT, "wann ist der Torrent {name} fertig"),
        (INTENT_TIME_LEFT, "wie viel Zeit bleibt {name} noch"),
        (INTENT_PAUSE_TORRENT, "pausiere den Torrent {name}"),
        (INTENT_PAUSE_TORRENT, "Torrent {name} anhalten"),
        (INTENT_RESUME_TORRENT, "setze den Torrent {name} fort"),
        (INTENT_RESUME_TORRENT, "starte Torrent {name}"),
        (INTENT_RESUME_TORRENT, "Torrent {name} fortsetzen"),
        (INTENT_ADD_TORRENT, "füge den Torrent {magnet} hinzu"),
        (INTENT_ADD_TORRENT, "Magnet Link {magnet} hinzufügen"),
    ],
    "fr": [
        (INTENT_PAUSE_ALL, "mets tous les torrents en pause"),
        (INTENT_PAUSE_ALL, "suspends mes téléchargements"),
        (INTENT_RESUME_ALL, "reprends tous les torrents"),
        (ALTERNATIVE_ON, "active les limites de vitesse alternatives"),
        (ALTERNATIVE_ON, "ralentis mes téléchargements"),
        (ALTERNATIVE_OFF, "désactive le mode tortue"),
        (INTENT_STATUS, "Où en sont mes téléchargements ?"),
        (INTENT_STATUS, "comment vont les torrents"),
        (INTENT_STATUS, "qu'est-ce qui se télécharge"),
        (INTENT_STATUS, "état des téléchargements"),
        (INTENT_STATUS, "combien de torrents sont en téléchargement"),
        (INTENT_STATUS, "quelle est la vitesse de téléchargement"),
        (INTENT_TIME_LEFT, "combien de temps reste-t-il pour {name}"),
        (INTENT_TIME_LEFT, "dans combien de temps le torrent {name} sera terminé"),
        (INTENT_TIME_LEFT, "quand {name} sera-t-il fini"),
        (INTENT_PAUSE_TORRENT, "mets le torrent {name} en pause"),
        (INTENT_PAUSE_TORRENT, "arrête le torrent {name}"),
        (INTENT_RESUME_TORRENT, "reprends le torrent {name}"),
        (INTENT_ADD_TORRENT, "ajoute le torrent {magnet}"),
    ],
    "es": [
        (INTENT_PAUSE_ALL, "pausa todos los torrents"),
        (INTENT_RESUME_ALL, "reanuda todas las descargas"),
        (ALTERNATIVE_ON, "activa los límites de velocidad alternativos"),
        (ALTERNATIVE_OFF, "desactiva el modo tortuga"),
        (INTENT_STATUS, "¿Cómo van mis descargas?"),
        (INTENT_STATUS, "como están los torrents"),
        (INTENT_STATUS, "qué se está descargando"),
        (INTENT_STATUS, "que se esta descargando"),
        (INTENT_STATUS, "estado de las descargas"),
        (INTENT_STATUS, "estado de mis torrents"),
        (INTENT_STATUS, "cuántos torrents se están descargando"),
        (INTENT_STATUS, "cuál es la velocidad de descarga"),
        (INTENT_TIME_LEFT, "cuánto falta para {name}"),
        (INTENT_TIME_LEFT, "cuándo termina el torrent {name}"),
        (INTENT_PAUSE_TORRENT, "pausa el torrent {name}"),
        (INTENT_RESUME_TORRENT, "reanuda el torrent {name}"),
        (INTENT_ADD_TORRENT, "añade el torrent {magnet}"),
    ],
    "ru": [
        (INTENT_PAUSE_ALL, "поставь все торренты на паузу"),
        (INTENT_PAUSE_ALL, "останови загрузки"),
        (INTENT_RESUME_ALL, "возобнови все торренты"),
        (INTENT_RESUME_ALL, "сними все загрузки с паузы"),  # noqa: RUF001
        (ALTERNATIVE_ON, "включи альтернативные ограничения скорости"),
        (ALTERNATIVE_OFF, "выключи режим черепахи"),
        (INTENT_STATUS, "Как мои загрузки?"),
        (INTENT_STATUS, "что сейчас качается"),
        (INTENT_STATUS, "статус загрузок"),
        (INTENT_STATUS, "сколько торрентов качается"),
        (INTENT_STATUS, "какая скорость загрузки"),
        (INTENT_TIME_LEFT, "сколько времени осталось качать {name}"),
        (INTENT_TIME_LEFT, "когда скачается торрент {name}"),
        (INTENT_PAUSE_TORRENT, "поставь торрент {name} на паузу"),
        (INTENT_PAUSE_TORRENT, "останови торрент {name}"),
        (INTENT_RESUME_TORRENT, "продолжи торрент {name}"),
        (INTENT_RESUME_TORRENT, "сними торрент {name} с паузы"),  # noqa: RUF001
        (INTENT_ADD_TORRENT, "добавь торрент {magnet}"),
    ],
}
CASES = [
    pytest.param(language, kind, sentence, id=f"{language}-{sentence}")
    for language, samples in SAMPLES.items()
    for kind, sentence in samples
]
VOICE_MAGNET = "magnet:?xt=urn:btih:" + "f" * 40 + "&dn=voice"
STOPPED = {"pausedUP", "pausedDL", "stoppedUP", "stoppedDL"}


def _filled(sentence: str, name: str = "ubuntu desktop") -> str:
    return sentence.format(name=name, magnet=VOICE_MAGNET)


def _trigger_intents() -> dict[str, tuple[str, Intents]]:
    """Each template line as an intent of its own, named by language and group."""
    intents: dict[str, tuple[str, Intents]] = {}
    for path in sorted(SENTENCES_DIR.glob("*.yaml")):
        for intent_type, blocks in load_language(path).items():
            for slots, sentences in blocks:
                kind = _kind(intent_type, slots)
                for number, sentence in enumerate(sentences):
                    parsed = Intents.from_dict(
                        {
                            "language": path.stem,
                            "intents": {kind: {"data": [{"sentences": [sentence]}]}},
                        }
                    )
                    for slot in ("server", "torrent", "url"):
                        parsed.slot_lists[slot] = WildcardSlotList(slot)
                    intents[f"{path.stem}:{kind}:{number}"] = (kind, parsed)
    return intents


def _kind(intent_type: str, slots: dict[str, Any]) -> str:
    if intent_type == INTENT_ALTERNATIVE_SPEED_LIMITS:
        return ALTERNATIVE_ON if slots["enabled"] else ALTERNATIVE_OFF
    return intent_type


def test_every_sentence_has_a_sample() -> None:
    """Every template line of every language is said by a sample of it."""
    for template, (_kind_name, parsed) in _trigger_intents().items():
        language = template.partition(":")[0]
        assert any(
            list(recognize_all(_filled(sentence), parsed))
            for _sample_kind, sentence in SAMPLES[language]
        ), f"no sample for {template}"


def test_each_sample_means_one_thing() -> None:
    """No sample matches sentences of two commands: both would run."""
    intents = _trigger_intents()
    for samples in SAMPLES.values():
        for kind, sentence in samples:
            matched = {
                matched_kind
                for matched_kind, parsed in intents.values()
                if list(recognize_all(_filled(sentence), parsed))
            }
            assert matched == {kind}, sentence


@pytest.fixture
async def emulated_assist(
    hass: HomeAssistant, emulator_entry: MockConfigEntry
) -> AsyncIterator[MockConfigEntry]:
    """The built-in agent and a server emulating qBittorrent 5.3.0."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    assert await async_setup_component(hass, "intent", {})
    await setup_entry(hass, emulator_entry)
    yield emulator_entry
    await hass.config_entries.async_unload(emulator_entry.entry_id)


def _downloading(emulator: QBittorrentEmulator) -> tuple[str, str]:
    """A downloading torrent's hash and its name as said (no dashes)."""
    for torrent_hash, fields in emulator.torrents.items():
        if fields["state"] == "downloading":
            return torrent_hash, fields["name"].replace("-", " ")
    msg = "nothing downloads in the emulator"
    raise AssertionError(msg)


async def _prepare(
    client: QBittorrentClient, emulator: QBittorrentEmulator, kind: str
) -> tuple[str, str]:
    """Put the server where the command changes something; return its torrent."""
    torrent_hash, name = _downloading(emulator)
    if kind == INTENT_RESUME_ALL:
        await client.pause_all()
    if kind == ALTERNATIVE_OFF:
        await client.set_alternative_speed_limits_enabled(enabled=True)
    if kind == INTENT_RESUME_TORRENT:
        await client.pause_torrents([torrent_hash])
    return torrent_hash, name


# What each command answers (a text with the server or torrent name) and how
# the emulator shows it was done.
ANSWERS: dict[str, tuple[str, Callable[[QBittorrentEmulator, str], bool]]] = {
    INTENT_PAUSE_ALL: (
        "voice_paused_all",
        lambda emulator, _hash: (
            {t["state"] for t in emulator.torrents.values()} <= STOPPED
        ),
    ),
    INTENT_RESUME_ALL: (
        "voice_resumed_all",
        lambda emulator, _hash: (
            not {t["state"] for t in emulator.torrents.values()} & STOPPED
        ),
    ),
    ALTERNATIVE_ON: (
        "voice_alternative_speed_on",
        lambda emulator, _hash: emulator.alt_speed_enabled,
    ),
    ALTERNATIVE_OFF: (
        "voice_alternative_speed_off",
        lambda emulator, _hash: not emulator.alt_speed_enabled,
    ),
    INTENT_PAUSE_TORRENT: (
        "voice_torrent_paused",
        lambda emulator, torrent: emulator.torrents[torrent]["state"] in STOPPED,
    ),
    INTENT_RESUME_TORRENT: (
        "voice_torrent_resumed",
        lambda emulator, torrent: emulator.torrents[torrent]["state"] not in STOPPED,
    ),
    INTENT_ADD_TORRENT: (
        "voice_torrent_added",
        lambda emulator, _hash: "f" * 40 in emulator.torrents,
    ),
}


@pytest.mark.usefixtures("emulated_assist")
@pytest.mark.parametrize(("language", "kind", "sentence"), CASES)
async def test_sentence_against_the_emulator(
    hass: HomeAssistant, emulator: QBittorrentEmulator, case: tuple[str, str, str]
) -> None:
    """Sentence in, speech out in that language, qBittorrent changed."""
    language, kind, sentence = case
    (entry,) = hass.config_entries.async_entries(DOMAIN)
    torrent_hash, name = await _prepare(entry.runtime_data.client, emulator, kind)
    full_name = emulator.torrents[torrent_hash]["name"]

    result = await conversation.async_converse(
        hass, _filled(sentence, name), None, Context(), language=language
    )
    speech = result.response.speech["plain"]["speech"]

    if kind == INTENT_STATUS:
        request = VoiceRequest(hass=hass, language=language, assistant=None)
        assert speech == await async_render(hass, language, await async_status(request))
    elif kind == INTENT_TIME_LEFT:
        assert full_name in speech
    else:
        key, done = ANSWERS[kind]
        values = {"server": "qBittorrent", "name": full_name}
        assert speech == await async_render(hass, language, [Phrase(key, values)])
        assert done(emulator, torrent_hash)


@pytest.fixture
def case(language: str, kind: str, sentence: str) -> tuple[str, str, str]:
    """One sample: its language, its command, the sentence."""
    return language, kind, sentence


def _trigger_sentences(hass: HomeAssistant) -> list[str]:
    return get_agent_manager(hass).trigger_sentences


@pytest.mark.usefixtures("assist")
async def test_sentences_go_with_the_last_server(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Registered in memory while a server is loaded; nothing is written."""
    assert any(
        sentence.startswith("(pause|stop)") for sentence in _trigger_sentences(hass)
    )
    custom_sentences = Path(hass.config.path("custom_sentences"))
    assert not await hass.async_add_executor_job(custom_sentences.exists)

    await hass.config_entries.async_unload(init_integration.entry_id)

    assert _trigger_sentences(hass) == []
    result = await conversation.async_converse(
        hass, "pause all torrents", None, Context(), language="en"
    )
    assert result.response.response_type is intent.IntentResponseType.ERROR


@pytest.mark.parametrize(
    "mock_config_entry",
    [
        MockConfigEntry(
            domain=DOMAIN,
            title="127.0.0.1:8080",
            unique_id=URL,
            data=ENTRY_DATA,
            options={CONF_VOICE_SENTENCES: False},
        )
    ],
)
@pytest.mark.usefixtures("assist")
async def test_the_option_turns_the_sentences_off(
    hass: HomeAssistant, mock_client: MagicMock
) -> None:
    assert _trigger_sentences(hass) == []
    await _say(hass, "pause all torrents")
    mock_client.pause_all.assert_not_awaited()


async def test_sentences_wait_for_the_conversation_integration(
    hass: HomeAssistant, init_integration: MockConfigEntry, mock_client: MagicMock
) -> None:
    """A server set up before Assist: the sentences arrive with it."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    await hass.async_block_till_done()

    response = await _say(hass, "pause all torrents")

    assert response.speech["plain"]["speech"] == (
        "All torrents in qBittorrent are paused."
    )
    mock_client.pause_all.assert_awaited_once_with()


async def test_sentences_not_registered_for_a_server_gone_meanwhile(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await hass.config_entries.async_unload(init_integration.entry_id)
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    await hass.async_block_till_done()

    assert _trigger_sentences(hass) == []


@pytest.mark.usefixtures("assist")
async def test_two_servers_share_the_sentences(
    hass: HomeAssistant, init_integration: MockConfigEntry, mock_client: MagicMock
) -> None:
    """The second server's unload leaves them to the first; asks which meanwhile."""
    url = "http://192.168.1.11:8080"
    second = MockConfigEntry(
        domain=DOMAIN, title="nas", unique_id=url, data=ENTRY_DATA | {CONF_URL: url}
    )
    await setup_entry(hass, second)
    count = len(_trigger_sentences(hass))

    response = await _say(hass, "pause all torrents")
    assert response.speech["plain"]["speech"] == (
        "Which qBittorrent server do you mean: qBittorrent or qBittorrent nas?"
    )
    response = await _say(hass, "pause all torrents on nas")
    assert response.speech["plain"]["speech"] == (
        "All torrents in qBittorrent nas are paused."
    )

    await hass.config_entries.async_unload(second.entry_id)

    assert len(_trigger_sentences(hass)) == count
    response = await _say(hass, "pause all torrents")
    assert response.speech["plain"]["speech"] == (
        "All torrents in qBittorrent are paused."
    )


@pytest.mark.real_server
@pytest.mark.slow
async def test_key_sentences_against_a_real_server(
    hass: HomeAssistant,
    qbittorrent_process_factory: Callable[..., Awaitable[QBittorrentProcess]],
) -> None:
    """The main sentences, said to the built-in agent, against qbittorrent-nox 5.3.0."""
    server = await qbittorrent_process_factory("5.3.0")
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    assert await async_setup_component(hass, "intent", {})
    entry = await configure_entry(hass, server.url)
    client = entry.runtime_data.client

    response = await _say(hass, "add torrent " + MAGNET)
    assert response.speech["plain"]["speech"] == (
        "The torrent was added to qBittorrent."
    )
    await poll_until(hass, lambda: hass.states.get(TORRENTS_SWITCH).state == "on")

    response = await _say(hass, "pause all torrents")
    assert response.speech["plain"]["speech"] == (
        "All torrents in qBittorrent are paused."
    )
    await poll_until(hass, lambda: hass.states.get(TORRENTS_SWITCH).state == "off")
    assert {t.state for t in await client.get_torrents()} <= STOPPED

    response = await _say(hass, "how are my downloads")
    assert response.speech["plain"]["speech"] == (
        "Nothing is downloading in qBittorrent. All torrents are paused."
    )

    result = await conversation.async_converse(
        hass, "setze alle Torrents fort", None, Context(), language="de"
    )
    assert result.response.speech["plain"]["speech"] == await async_render(
        hass, "de", [Phrase("voice_resumed_all", {"server": "qBittorrent"})]
    )
    await poll_until(hass, lambda: hass.states.get(TORRENTS_SWITCH).state == "on")

    response = await _say(hass, "pause the torrent assist")
    assert response.speech["plain"]["speech"] == "assist is paused."
    await poll_until(hass, lambda: hass.states.get(TORRENTS_SWITCH).state == "off")

    response = await _say(hass, "turn on alternative speed limits")
    assert response.speech["plain"]["speech"] == (
        "Alternative speed limits are on in qBittorrent."
    )
    assert await client.get_alternative_speed_limits_enabled()
    await hass.config_entries.async_unload(entry.entry_id)


# --- Home Assistant's own intents on the integration's entities ---------------------
#
# With the integration's sentences off, only the built-in sentences ("turn on
# <name>", "what is <name>") reach the entities. Their names are in the language
# of Home Assistant; each gets its own name as an alias, so the device's name
# ("qBittorrent") may be left out.

SWITCH_ALTERNATIVE = "switch.qbittorrent_alternative_speed_limits"
SENSOR_DOWNLOAD_SPEED = "sensor.qbittorrent_download_speed"
SENSOR_DOWNLOADING = "sensor.qbittorrent_downloading_torrents"


def _torrents_stopped(emulator: QBittorrentEmulator) -> bool:
    return {t["state"] for t in emulator.torrents.values()} <= STOPPED


def _session_paused(emulator: QBittorrentEmulator) -> bool:
    return emulator.session_paused


def _alternative_limits_on(emulator: QBittorrentEmulator) -> bool:
    return emulator.alt_speed_enabled


# language, sentence, the entity it names, and what the emulator shows after
# (None: a question, which changes nothing).
BUILT_IN_CASES: list[
    tuple[str, str, str, Callable[[QBittorrentEmulator], bool] | None]
] = [
    (
        "en",
        "turn on alternative speed limits",
        SWITCH_ALTERNATIVE,
        _alternative_limits_on,
    ),
    (
        "en",
        "turn on the qBittorrent alternative speed limits",
        SWITCH_ALTERNATIVE,
        _alternative_limits_on,
    ),
    ("en", "turn off the torrents", TORRENTS_SWITCH, _torrents_stopped),
    ("en", "turn off qBittorrent torrents", TORRENTS_SWITCH, _torrents_stopped),
    (
        "en",
        "turn off the BitTorrent session",
        "switch.qbittorrent_bittorrent_session",
        _session_paused,
    ),
    (
        "de",
        "schalte die BitTorrent-Sitzung aus",
        "switch.qbittorrent_bittorrent_sitzung",
        _session_paused,
    ),
    (
        "fr",
        "éteins la session BitTorrent",
        "switch.qbittorrent_session_bittorrent",
        _session_paused,
    ),
    ("es", "apaga los torrents", TORRENTS_SWITCH, _torrents_stopped),
    (
        "es",
        "apaga la sesión de BitTorrent",
        "switch.qbittorrent_sesion_de_bittorrent",
        _session_paused,
    ),
    (
        "ru",
        "выключи сеанс BitTorrent",
        "switch.qbittorrent_bittorrent_session",
        _session_paused,
    ),
    ("en", "what is the qBittorrent download speed", SENSOR_DOWNLOAD_SPEED, None),
    ("en", "what is the download speed", SENSOR_DOWNLOAD_SPEED, None),
    ("en", "what is downloading torrents", SENSOR_DOWNLOADING, None),
    ("en", "is the alternative speed limits on", SWITCH_ALTERNATIVE, None),
    (
        "de",
        "schalte die alternative Geschwindigkeitsbegrenzungen ein",
        "switch.qbittorrent_alternative_geschwindigkeitsbegrenzungen",
        _alternative_limits_on,
    ),
    ("de", "schalte qBittorrent Torrents aus", TORRENTS_SWITCH, _torrents_stopped),
    ("de", "schalte die Torrents aus", TORRENTS_SWITCH, _torrents_stopped),
    (
        "de",
        "wie ist die Download-Geschwindigkeit",
        "sensor.qbittorrent_download_geschwindigkeit",
        None,
    ),
    (
        "fr",
        "active les limites de vitesse alternatives",
        "switch.qbittorrent_limites_de_vitesse_alternatives",
        _alternative_limits_on,
    ),
    ("fr", "éteins les torrents", TORRENTS_SWITCH, _torrents_stopped),
    (
        "fr",
        "quelle est la vitesse de téléchargement",
        "sensor.qbittorrent_vitesse_de_telechargement",
        None,
    ),
    (
        "es",
        "activa los límites de velocidad alternativos",
        "switch.qbittorrent_limites_de_velocidad_alternativos",
        _alternative_limits_on,
    ),
    (
        "es",
        "cuál es la velocidad de descarga",
        "sensor.qbittorrent_velocidad_de_descarga",
        None,
    ),
    (
        "ru",
        "включи альтернативные ограничения скорости",
        SWITCH_ALTERNATIVE,
        _alternative_limits_on,
    ),
    ("ru", "выключи торренты", TORRENTS_SWITCH, _torrents_stopped),
    ("ru", "какая скорость загрузки", SENSOR_DOWNLOAD_SPEED, None),
]


async def _built_in_assist(
    hass: HomeAssistant, url: str, entry_data: dict[str, Any], language: str
) -> MockConfigEntry:
    """The built-in agent only (our sentences off), Home Assistant in ``language``."""
    hass.config.language = language
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="emulator",
        unique_id=url,
        data=entry_data | {CONF_URL: url},
        options={CONF_VOICE_SENTENCES: False},
    )
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    assert await async_setup_component(hass, "intent", {})
    await setup_entry(hass, entry)
    # Sensors are not exposed to Assist by default: the user exposes them.
    for registered in er.async_entries_for_config_entry(
        er.async_get(hass), entry.entry_id
    ):
        if registered.domain == "sensor":
            async_expose_entity(
                hass, conversation.DOMAIN, registered.entity_id, should_expose=True
            )
    return entry


@pytest.mark.parametrize(
    "spoken",
    [pytest.param(case, id=f"{case[0]}-{case[1]}") for case in BUILT_IN_CASES],
)
async def test_built_in_intents_on_the_entities(
    hass: HomeAssistant,
    emulator: QBittorrentEmulator,
    emulator_url: str,
    entry_data: dict[str, Any],
    spoken: tuple[str, str, str, Callable[[QBittorrentEmulator], bool] | None],
) -> None:
    """Default names work with Home Assistant's sentences, in every language shipped."""
    language, sentence, entity_id, done = spoken
    entry = await _built_in_assist(hass, emulator_url, entry_data, language)
    alternative_before = emulator.alt_speed_enabled

    result = await conversation.async_converse(
        hass, sentence, None, Context(), language=language
    )

    response = result.response
    assert [target.id for target in response.success_results] == [entity_id], (
        response.speech
    )
    if done is None:
        assert response.response_type is intent.IntentResponseType.QUERY_ANSWER
        assert emulator.alt_speed_enabled == alternative_before
    else:
        assert response.response_type is intent.IntentResponseType.ACTION_DONE
        assert done(emulator)
    await hass.config_entries.async_unload(entry.entry_id)


async def test_built_in_answer_says_the_sensor(
    hass: HomeAssistant,
    emulator_url: str,
    entry_data: dict[str, Any],
) -> None:
    entry = await _built_in_assist(hass, emulator_url, entry_data, "en")
    downloading = hass.states.get(SENSOR_DOWNLOADING).state
    assert downloading.isdigit()

    response = await _say(hass, "what is downloading torrents")

    assert response.speech["plain"]["speech"] == (
        f"Downloading torrents is {downloading}"
    )
    await hass.config_entries.async_unload(entry.entry_id)


async def test_a_second_server_is_named_in_full(
    hass: HomeAssistant,
    emulator_factory: Callable[..., Awaitable[tuple[QBittorrentEmulator, str]]],
    emulator: QBittorrentEmulator,
    emulator_url: str,
    entry_data: dict[str, Any],
) -> None:
    """Both switches answer to "Alternative speed limits": Assist turns on neither."""
    first = await _built_in_assist(hass, emulator_url, entry_data, "en")
    nas, nas_url = await emulator_factory()
    second = MockConfigEntry(
        domain=DOMAIN,
        title="nas",
        unique_id=nas_url,
        data=entry_data | {CONF_URL: nas_url},
        options={CONF_VOICE_SENTENCES: False},
    )
    await setup_entry(hass, second)

    response = await _say(hass, "turn on alternative speed limits")
    assert response.response_type is intent.IntentResponseType.ERROR
    assert not emulator.alt_speed_enabled
    assert not nas.alt_speed_enabled

    response = await _say(hass, "turn on qBittorrent nas alternative speed limits")
    assert response.response_type is intent.IntentResponseType.ACTION_DONE
    assert nas.alt_speed_enabled
    assert not emulator.alt_speed_enabled
    await hass.config_entries.async_unload(second.entry_id)
    await hass.config_entries.async_unload(first.entry_id)


def _aliases(hass: HomeAssistant, entity_id: str) -> list[str]:
    """The names the entity has beside its own (old and new registry shapes)."""
    registered = er.async_get(hass).async_get(entity_id)
    assert registered is not None
    return sorted(alias for alias in registered.aliases if isinstance(alias, str))


def _set_aliases(hass: HomeAssistant, entity_id: str, names: list[str]) -> None:
    computed_name = getattr(er, "COMPUTED_NAME", None)
    aliases: Any = [computed_name, *names] if computed_name else set(names)
    er.async_get(hass).async_update_entity(entity_id, aliases=aliases)


async def test_aliases_the_user_changed_stay(
    hass: HomeAssistant,
    emulator_url: str,
    entry_data: dict[str, Any],
) -> None:
    """The alias is given once, when the entity is new: removed, it stays removed."""
    entry = await _built_in_assist(hass, emulator_url, entry_data, "en")
    assert _aliases(hass, SWITCH_ALTERNATIVE) == ["Alternative speed limits"]
    assert _aliases(hass, "switch.qbittorrent_dht") == []
    _set_aliases(hass, SWITCH_ALTERNATIVE, [])
    _set_aliases(hass, TORRENTS_SWITCH, ["Downloads"])

    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()

    assert _aliases(hass, SWITCH_ALTERNATIVE) == []
    assert _aliases(hass, TORRENTS_SWITCH) == ["Downloads"]
    response = await _say(hass, "turn on alternative speed limits")
    assert response.response_type is intent.IntentResponseType.ERROR
    await hass.config_entries.async_unload(entry.entry_id)


async def test_a_deleted_entity_comes_back_with_the_users_aliases(
    hass: HomeAssistant,
    emulator_url: str,
    entry_data: dict[str, Any],
) -> None:
    """Removing and adding the server again: Home Assistant restores the aliases."""
    entry = await _built_in_assist(hass, emulator_url, entry_data, "en")
    _set_aliases(hass, TORRENTS_SWITCH, ["Downloads"])
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()

    await _built_in_assist(hass, emulator_url, entry_data, "en")

    assert _aliases(hass, TORRENTS_SWITCH) == ["Downloads"]
    assert _aliases(hass, SWITCH_ALTERNATIVE) == ["Alternative speed limits"]
