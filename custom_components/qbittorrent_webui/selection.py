"""The server and the torrents an action names."""

from typing import TYPE_CHECKING, Final

from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv, selector, service
import voluptuous as vol

from .const import ATTR_CONFIG_ENTRY_ID, DOMAIN

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Mapping

    from homeassistant.core import ServiceCall

    from .coordinator import QBittorrentConfigEntry
    from .qbittorrent_webui_client import QBittorrentClient, Torrent

ATTR_TORRENT_HASHES: Final = "torrent_hashes"
ATTR_TORRENT_NAMES: Final = "torrent_names"
ATTR_ALL_TORRENTS: Final = "all_torrents"
# A refusal names this many unknown torrents and counts the rest.
MAX_NAMED_MISSING: Final = 5

ENTRY_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_CONFIG_ENTRY_ID): selector.ConfigEntrySelector(
            {"integration": DOMAIN}
        ),
    }
)
SELECTION_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Optional(ATTR_TORRENT_HASHES): vol.All(cv.ensure_list, [cv.string]),
        vol.Optional(ATTR_TORRENT_NAMES): vol.All(cv.ensure_list, [cv.string]),
        vol.Optional(ATTR_ALL_TORRENTS, default=False): cv.boolean,
    }
)


def get_entry(call: ServiceCall) -> QBittorrentConfigEntry:
    """The config entry of the server the call names."""
    entry: QBittorrentConfigEntry = service.async_get_config_entry(
        call.hass, DOMAIN, call.data[ATTR_CONFIG_ENTRY_ID]
    )
    return entry


def _resolve(
    call: ServiceCall, torrents: Mapping[str, Torrent]
) -> tuple[list[str], list[str]]:
    """Return the hashes the call chose and the hashes and names that match nothing."""
    if call.data[ATTR_ALL_TORRENTS]:
        return list(torrents), []
    hashes = [value.strip().lower() for value in call.data.get(ATTR_TORRENT_HASHES, [])]
    names: list[str] = call.data.get(ATTR_TORRENT_NAMES, [])
    missing = [value for value in hashes if value not in torrents]
    by_name: dict[str, list[str]] = {}
    for torrent in torrents.values():
        by_name.setdefault(torrent.name, []).append(torrent.hash)
    missing += [name for name in names if name not in by_name]
    chosen = dict.fromkeys(value for value in hashes if value in torrents)
    for name in names:
        chosen.update(dict.fromkeys(by_name.get(name, [])))
    return list(chosen), missing


def _not_found(
    entry: QBittorrentConfigEntry, missing: list[str]
) -> ServiceValidationError:
    """Name the first few torrents that match nothing and count the rest."""
    named = ", ".join(missing[:MAX_NAMED_MISSING])
    if len(missing) <= MAX_NAMED_MISSING:
        return ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="torrent_not_found",
            translation_placeholders={"server": entry.title, "missing": named},
        )
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="torrent_not_found_more",
        translation_placeholders={
            "server": entry.title,
            "missing": named,
            "more": str(len(missing) - MAX_NAMED_MISSING),
        },
    )


async def async_selected_hashes(
    call: ServiceCall, entry: QBittorrentConfigEntry
) -> list[str]:
    """Resolve the torrents an action names, by hash, by name or all.

    The last poll answers when it names every chosen torrent; otherwise (all
    torrents, a torrent added since, or a failed poll) qBittorrent is read
    again first, so a selection never rests on old data.

    Raises:
        ServiceValidationError: Nothing was chosen, or a hash or name matches
            no torrent of the server.
        HomeAssistantError: qBittorrent could not be read.
    """
    if not (
        call.data[ATTR_ALL_TORRENTS]
        or call.data.get(ATTR_TORRENT_HASHES)
        or call.data.get(ATTR_TORRENT_NAMES)
    ):
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="no_torrents_selected"
        )
    coordinator = entry.runtime_data.coordinator
    if coordinator.last_update_success and not call.data[ATTR_ALL_TORRENTS]:
        chosen, missing = _resolve(call, coordinator.data.torrents)
        if not missing:
            return chosen
    chosen, missing = _resolve(call, (await coordinator.async_current_data()).torrents)
    if missing:
        raise _not_found(entry, missing)
    return chosen


async def async_on_selection(
    call: ServiceCall,
    request: Callable[[QBittorrentClient, list[str]], Awaitable[None]],
    request_all: Callable[[QBittorrentClient], Awaitable[None]] | None = None,
) -> None:
    """Run ``request`` for the torrents the call chose.

    ``request_all``, where given, serves a call for all torrents instead: it
    also reaches torrents added after the last poll.
    """
    entry = get_entry(call)
    client = entry.runtime_data.client
    coordinator = entry.runtime_data.coordinator
    if request_all is not None and call.data[ATTR_ALL_TORRENTS]:
        await coordinator.async_run_action(call.service, request_all(client))
        return
    hashes = await async_selected_hashes(call, entry)
    if hashes:
        await coordinator.async_run_action(call.service, request(client, hashes))


async def async_on_server(
    call: ServiceCall, request: Callable[[QBittorrentClient], Awaitable[None]]
) -> None:
    """Run ``request``, which names no torrent, on the call's server."""
    entry = get_entry(call)
    await entry.runtime_data.coordinator.async_run_action(
        call.service, request(entry.runtime_data.client)
    )


async def async_one_selected(call: ServiceCall) -> tuple[QBittorrentConfigEntry, str]:
    """The one torrent an action for a single torrent chose."""
    if call.data[ATTR_ALL_TORRENTS]:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="one_torrent_required"
        )
    entry = get_entry(call)
    hashes = await async_selected_hashes(call, entry)
    if len(hashes) != 1:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="one_torrent_required"
        )
    return entry, hashes[0]
