"""What the voice commands do and what they answer, in the asker's language.

Shared by the intent handlers (Assist and LLM agents), the integration's own
sentences for the built-in agent, and the LLM tools. Each operation returns
the phrases to say, or raises :class:`VoiceRefusalError` with the phrases that say
why nothing was done; :func:`async_render` turns phrases into speech from the
``common`` translations.
"""

from dataclasses import dataclass, field
import difflib
import math
import re
from typing import TYPE_CHECKING, Final

from homeassistant.components.homeassistant.exposed_entities import (
    async_should_expose,
)
from homeassistant.config_entries import ConfigEntryState
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    translation,
)

from .const import CONF_VOICE_SENTENCES, DEFAULT_VOICE_SENTENCES, DOMAIN
from .device import device_name, find_entry_device
from .qbittorrent_webui_client import (
    AddTorrentOptions,
    MainData,
    StatusGroup,
    Torrent,
)
from .validation import CONTROL_CHARACTERS, URL_SCHEMES

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Mapping, Sequence

    from homeassistant.core import HomeAssistant

    from .coordinator import QBittorrentConfigEntry
    from .qbittorrent_webui_client import QBittorrentClient

# Decimal commas in the languages the integration translates; the rest use a point.
DECIMAL_COMMA_LANGUAGES: Final = frozenset({"de", "es", "fr", "nl", "ru"})
MEBIBYTE: Final = 1024 * 1024
# Enough to choose from when asking back; more would not be listened to.
MAX_CHOICES: Final = 3
# A torrent name matches when this share of the spoken words is found in it.
MIN_WORD_SHARE: Final = 0.5
# A misheard word still counts when it is this close to a word of the name.
MIN_WORD_SIMILARITY: Final = 0.8
URL_IN_TEXT: Final = re.compile(r"(?:magnet:\?|https?://)\S+", re.IGNORECASE)


@dataclass(frozen=True)
class Phrase:
    """A translated text (``common.<key>``) and the values it names.

    With ``count`` the key gets the plural category of that number in the
    asker's language: ``_one``, ``_few``, ``_many`` or ``_other``.
    """

    key: str
    values: Mapping[str, str | int | Phrase] = field(default_factory=dict)
    count: float | None = None


class VoiceRefusalError(Exception):
    """Nothing was done; the phrases say why or ask back.

    ``failed``: qBittorrent failed or was unreachable (not a question of
    what was asked for).
    """

    def __init__(self, *phrases: Phrase, failed: bool = False) -> None:
        """Keep what to say."""
        super().__init__(phrases[0].key)
        self.phrases = phrases
        self.failed = failed


@dataclass(frozen=True, kw_only=True)
class VoiceRequest:
    """Who asks, in which language, and which server they named (if any)."""

    hass: HomeAssistant
    language: str
    assistant: str | None
    server: str | None = None
    from_sentences: bool = False
    """Asked with the integration's sentences: only servers that offer them answer."""


@dataclass(frozen=True)
class Server:
    """A server that may answer, and the name it is spoken of by."""

    entry: QBittorrentConfigEntry
    name: str
    spoken_names: tuple[str, ...]


def plural_category(language: str, count: float) -> str:
    """The CLDR plural category of ``count`` in the languages translated here."""
    whole = count == int(count)
    if language == "ru":
        if not whole:
            return "other"
        number = int(count)
        if number % 10 == 1 and number % 100 != 11:  # noqa: PLR2004
            return "one"
        if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:  # noqa: PLR2004
            return "few"
        return "many"
    if language == "fr":
        return "one" if 0 <= count < 2 else "other"  # noqa: PLR2004
    return "one" if whole and count == 1 else "other"


def base_language(language: str | None, hass: HomeAssistant) -> str:
    """The language without region ("de" for "de-CH"), as translations are named."""
    return (language or hass.config.language).partition("-")[0].lower()


async def async_render(
    hass: HomeAssistant, language: str, phrases: Sequence[Phrase]
) -> str:
    """Say ``phrases`` in ``language`` (English where a text is not translated)."""
    texts = await translation.async_get_translations(hass, language, "common", [DOMAIN])

    def render(phrase: Phrase) -> str:
        key = phrase.key
        if phrase.count is not None:
            key = f"{key}_{plural_category(language, phrase.count)}"
        values = {
            name: render(value) if isinstance(value, Phrase) else str(value)
            for name, value in phrase.values.items()
        }
        return texts[f"component.{DOMAIN}.common.{key}"].format(**values)

    return " ".join(render(phrase) for phrase in phrases)


def _words(text: str) -> list[str]:
    """Lower-case words of a name or of what was said, without punctuation."""
    return re.findall(r"\w+", text.casefold())


def _number(value: float, language: str) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if language in DECIMAL_COMMA_LANGUAGES else text


def speed_phrase(bytes_per_second: int, language: str) -> Phrase:
    """A speed as a person says it: kilobytes below a megabyte, else megabytes."""
    if bytes_per_second < MEBIBYTE:
        kilobytes = round(bytes_per_second / 1024)
        return Phrase("voice_kilobytes_per_second", {"value": kilobytes}, kilobytes)
    megabytes = bytes_per_second / MEBIBYTE
    value = round(megabytes, 1) if megabytes < 10 else round(megabytes)  # noqa: PLR2004
    return Phrase(
        "voice_megabytes_per_second", {"value": _number(value, language)}, value
    )


def duration_phrase(seconds: int) -> Phrase:
    """A time span in its two largest units, rounded: "2 hours and 5 minutes"."""
    if seconds < 60:  # noqa: PLR2004
        return Phrase("voice_less_than_a_minute")
    minutes = math.ceil(seconds / 60)
    if minutes < 60:  # noqa: PLR2004
        return Phrase("voice_minutes", {"count": minutes}, minutes)
    if minutes < 24 * 60:
        return _two_units("voice_hours", *divmod(minutes, 60), "voice_minutes")
    hours = round(minutes / 60)
    return _two_units("voice_days", *divmod(hours, 24), "voice_hours")


def _two_units(large_key: str, large: int, small: int, small_key: str) -> Phrase:
    first = Phrase(large_key, {"count": large}, large)
    if not small:
        return first
    second = Phrase(small_key, {"count": small}, small)
    return Phrase("voice_and", {"first": first, "second": second})


def choice_phrase(names: Sequence[str]) -> Phrase | str:
    """Names to choose from, as "a, b or c"."""
    if len(names) == 1:
        return names[0]
    return Phrase("voice_or", {"first": ", ".join(names[:-1]), "last": names[-1]})


def _exposed(hass: HomeAssistant, entry_id: str, assistant: str) -> bool:
    """Whether any of the server's entities is exposed to the assistant."""
    return any(
        not entity.disabled and async_should_expose(hass, assistant, entity.entity_id)
        for entity in er.async_entries_for_config_entry(er.async_get(hass), entry_id)
    )


def available_servers(
    hass: HomeAssistant, *, assistant: str | None, from_sentences: bool = False
) -> list[Server]:
    """Loaded servers that answer this assistant: one of their entities is exposed."""
    registry = dr.async_get(hass)
    servers = []
    for entry in hass.config_entries.async_entries(DOMAIN):
        if entry.state is not ConfigEntryState.LOADED:
            continue
        if from_sentences and not entry.options.get(
            CONF_VOICE_SENTENCES, DEFAULT_VOICE_SENTENCES
        ):
            continue
        if assistant is not None and not _exposed(hass, entry.entry_id, assistant):
            continue
        name = device_name(hass, entry)
        spoken = [name, entry.title]
        device = find_entry_device(
            registry, entry.entry_id, (DOMAIN, str(entry.unique_id))
        )
        if device is not None and device.name_by_user:
            name = device.name_by_user
            spoken.append(name)
        servers.append(Server(entry, name, tuple(spoken)))
    return servers


def _server_matches(server: Server, said: str) -> bool:
    """Whether ``said`` names the server.

    Its words, with or without "qBittorrent", or a part of them; or all of
    them among other words ("the NAS server").
    """
    wanted = {word for word in _words(said) if word != "qbittorrent"}
    for spoken in server.spoken_names:
        words = {word for word in _words(spoken) if word != "qbittorrent"}
        if (
            wanted == words
            or (wanted and wanted <= words)
            or (words and words <= wanted)
        ):
            return True
    return False


def _servers(request: VoiceRequest) -> list[Server]:
    """The servers the request may act on: the one named, or every candidate.

    Raises:
        VoiceRefusalError: None answers, or none has the name said.
    """
    servers = available_servers(
        request.hass,
        assistant=request.assistant,
        from_sentences=request.from_sentences,
    )
    if not servers:
        raise VoiceRefusalError(Phrase("voice_no_server"))
    if not request.server:
        return servers
    named = [server for server in servers if _server_matches(server, request.server)]
    if not named:
        raise VoiceRefusalError(
            Phrase(
                "voice_unknown_server",
                {
                    "name": request.server,
                    "servers": choice_phrase([server.name for server in servers]),
                },
            )
        )
    return named


def _one_server(request: VoiceRequest) -> Server:
    """The one server a request for "all torrents" means, or ask which."""
    servers = _servers(request)
    if len(servers) > 1:
        raise VoiceRefusalError(
            Phrase(
                "voice_which_server",
                {"servers": choice_phrase([server.name for server in servers])},
            )
        )
    return servers[0]


async def _async_run(server: Server, action: str, request: Awaitable[None]) -> None:
    """Run a command through the coordinator; a failure is said, not raised."""
    try:
        await server.entry.runtime_data.coordinator.async_run_action(action, request)
    except HomeAssistantError as error:
        raise VoiceRefusalError(
            Phrase("voice_failed", {"error": str(error)}), failed=True
        ) from error


async def _async_current_data(server: Server) -> MainData:
    try:
        return await server.entry.runtime_data.coordinator.async_current_data()
    except HomeAssistantError as error:
        raise VoiceRefusalError(
            Phrase("voice_failed", {"error": str(error)}), failed=True
        ) from error


async def async_pause_all(request: VoiceRequest) -> list[Phrase]:
    """Stop every torrent of the server."""
    server = _one_server(request)
    client = server.entry.runtime_data.client
    await _async_run(server, "pause_all", client.pause_all())
    return [Phrase("voice_paused_all", {"server": server.name})]


async def async_resume_all(request: VoiceRequest) -> list[Phrase]:
    """Start every torrent of the server."""
    server = _one_server(request)
    client = server.entry.runtime_data.client
    await _async_run(server, "resume_all", client.resume_all())
    return [Phrase("voice_resumed_all", {"server": server.name})]


async def async_set_alternative_speed_limits(
    request: VoiceRequest, *, enabled: bool
) -> list[Phrase]:
    """Turn qBittorrent's alternative ("turtle") speed limits on or off."""
    server = _one_server(request)
    capabilities = server.entry.runtime_data.server_info.capabilities
    if not capabilities.alternative_speed_get or not (
        capabilities.alternative_speed_set or capabilities.alternative_speed_toggle_only
    ):
        raise VoiceRefusalError(
            Phrase("voice_alternative_speed_unsupported", {"server": server.name})
        )
    client = server.entry.runtime_data.client
    await _async_run(
        server,
        "alternative_speed_limits",
        client.set_alternative_speed_limits_enabled(enabled=enabled),
    )
    answer = "voice_alternative_speed_on" if enabled else "voice_alternative_speed_off"
    return [Phrase(answer, {"server": server.name})]


async def async_status(request: VoiceRequest) -> list[Phrase]:
    """How many torrents download, how fast, and which finishes next."""
    server = _one_server(request)
    data = await _async_current_data(server)
    downloading = [
        torrent
        for torrent in data.torrents.values()
        if StatusGroup.DOWNLOADING.matches(torrent)
    ]
    if not downloading:
        phrases = [Phrase("voice_status_idle", {"server": server.name})]
        if data.torrents and all(
            StatusGroup.STOPPED.matches(torrent) for torrent in data.torrents.values()
        ):
            phrases.append(Phrase("voice_status_all_paused"))
        return phrases
    speed = data.server_state.download_speed
    if speed is None:
        speed = sum(torrent.download_speed or 0 for torrent in downloading)
    phrases = [
        Phrase(
            "voice_status_downloading",
            {
                "count": len(downloading),
                "server": server.name,
                "speed": speed_phrase(speed, request.language),
            },
            len(downloading),
        )
    ]
    timed = [torrent for torrent in downloading if torrent.eta]
    if timed:
        next_done = min(timed, key=lambda torrent: torrent.eta or 0)
        phrases.append(
            Phrase(
                "voice_status_next",
                {
                    "name": next_done.name,
                    "time": duration_phrase(next_done.eta or 0),
                },
            )
        )
    return phrases


def _name_score(said: list[str], name: str) -> tuple[float, float]:
    """How well the words said name a torrent, best first when sorted descending.

    The share of the words said found in the name (by prefix, or misheard but
    close), then the share of the name they cover; saying the whole name wins.
    """
    words = _words(name)
    if said == words:
        return (2.0, 1.0)
    found = sum(
        1
        for word in said
        if any(
            candidate.startswith(word)
            or difflib.SequenceMatcher(None, word, candidate).ratio()
            >= MIN_WORD_SIMILARITY
            for candidate in words
        )
    )
    return (found / len(said), found / max(len(words), 1))


async def _async_find_torrent(
    request: VoiceRequest, said: str
) -> tuple[Server, Torrent]:
    """The torrent the words name, on the server named or any server.

    Raises:
        VoiceRefusalError: No torrent matches, or several match equally well.
    """
    wanted = _words(said)
    scored: list[tuple[tuple[float, float], Server, Torrent]] = []
    for server in _servers(request):
        data = await _async_current_data(server)
        scored.extend(
            (score, server, torrent)
            for torrent in data.torrents.values()
            if wanted
            and (score := _name_score(wanted, torrent.name))[0] >= MIN_WORD_SHARE
        )
    if not scored:
        raise VoiceRefusalError(Phrase("voice_torrent_not_found", {"name": said}))
    scored.sort(key=lambda item: item[0], reverse=True)
    best = [item for item in scored if item[0] == scored[0][0]]
    if len(best) > 1:
        names = [torrent.name for _score, _server, torrent in best[:MAX_CHOICES]]
        raise VoiceRefusalError(
            Phrase(
                "voice_which_torrent",
                {"name": said, "torrents": choice_phrase(names)},
            )
        )
    _score, server, torrent = best[0]
    return server, torrent


def _percent(torrent: Torrent) -> int:
    return math.floor((torrent.progress or 0) * 100)


async def async_time_left(request: VoiceRequest, said: str) -> list[Phrase]:
    """When the named torrent finishes, or why that cannot be said."""
    _server, torrent = await _async_find_torrent(request, said)
    values: dict[str, str | int | Phrase] = {
        "name": torrent.name,
        "progress": _percent(torrent),
    }
    if torrent.is_complete:
        return [Phrase("voice_time_left_complete", values)]
    if StatusGroup.STOPPED.matches(torrent):
        return [Phrase("voice_time_left_paused", values)]
    if torrent.eta:
        values["time"] = duration_phrase(torrent.eta)
        return [Phrase("voice_time_left", values)]
    return [Phrase("voice_time_left_unknown", values)]


async def _async_on_torrent(
    request: VoiceRequest,
    said: str,
    action: str,
    command: Callable[[QBittorrentClient, list[str]], Awaitable[None]],
    answer: str,
) -> list[Phrase]:
    server, torrent = await _async_find_torrent(request, said)
    client = server.entry.runtime_data.client
    await _async_run(server, action, command(client, [torrent.hash]))
    return [Phrase(answer, {"name": torrent.name})]


async def async_pause_torrent(request: VoiceRequest, said: str) -> list[Phrase]:
    """Stop the named torrent."""
    return await _async_on_torrent(
        request,
        said,
        "pause_torrents",
        lambda client, hashes: client.pause_torrents(hashes),
        "voice_torrent_paused",
    )


async def async_resume_torrent(request: VoiceRequest, said: str) -> list[Phrase]:
    """Start the named torrent."""
    return await _async_on_torrent(
        request,
        said,
        "resume_torrents",
        lambda client, hashes: client.resume_torrents(hashes),
        "voice_torrent_resumed",
    )


def find_url(text: str) -> str | None:
    """The magnet link or web address in what was typed, as typed."""
    match = URL_IN_TEXT.search(text)
    return match.group(0) if match else None


async def async_add_torrent(request: VoiceRequest, url: str) -> list[Phrase]:
    """Add a magnet link or a torrent's http(s) address."""
    url = url.strip()
    if not url.lower().startswith(URL_SCHEMES) or CONTROL_CHARACTERS.search(url):
        raise VoiceRefusalError(Phrase("voice_invalid_url"))
    server = _one_server(request)
    client = server.entry.runtime_data.client
    await _async_run(
        server, "add_torrent", client.add_torrent_urls([url], AddTorrentOptions())
    )
    return [Phrase("voice_torrent_added", {"server": server.name})]
