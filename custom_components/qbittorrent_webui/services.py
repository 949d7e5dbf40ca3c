"""Actions of the qBittorrent WebUI integration."""

from functools import partial
from pathlib import Path
import re
from typing import TYPE_CHECKING, Any, Final

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from .const import (
    ATTR_CATEGORY,
    ATTR_NAME,
    ATTR_SAVE_PATH,
    ATTR_TAGS,
    ATTR_TRACKERS,
    DOMAIN,
)
from .qbittorrent_webui_client import (
    MAX_SEEDING_MINUTES,
    MAX_SHARE_RATIO,
    AddTorrentOptions,
    QBittorrentClient,
    QBittorrentUnexpectedResponseError,
    QueueMove,
    StatusGroup,
    TorrentFilter,
)
from .selection import (
    ATTR_ALL_TORRENTS,
    ATTR_TORRENT_HASHES,
    ATTR_TORRENT_NAMES,
    ENTRY_SCHEMA,
    SELECTION_SCHEMA,
    async_on_selection,
    async_on_server,
    async_one_selected,
    async_selected_hashes,
    get_entry,
)
from .torrents import matches_state, sort_torrents, torrent_as_dict
from .validation import (
    CONTROL_CHARACTERS,
    async_read_torrent_file,
    category_name,
    check_category,
    check_path,
    check_tag,
    check_tracker,
    check_url,
    checked_preferences,
    field_placeholders,
    limit_bytes,
    share_limit,
    visible,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Coroutine

ATTR_URLS: Final = "urls"
ATTR_TORRENT_FILE: Final = "torrent_file"
ATTR_TAG: Final = "tag"
ATTR_START_STOPPED: Final = "start_stopped"
ATTR_SKIP_CHECKING: Final = "skip_checking"
ATTR_DOWNLOAD_LIMIT: Final = "download_limit"
ATTR_UPLOAD_LIMIT: Final = "upload_limit"
ATTR_DELETE_FILES: Final = "delete_files"
ATTR_LOCATION: Final = "location"
ATTR_PRIORITY: Final = "priority"
ATTR_FORCE_START: Final = "force_start"
ATTR_STATE: Final = "state"
ATTR_SORT: Final = "sort"
ATTR_REVERSE: Final = "reverse"
ATTR_LIMIT: Final = "limit"
ATTR_CATEGORIES: Final = "categories"
ATTR_RATIO_LIMIT: Final = "ratio_limit"
ATTR_SEEDING_TIME_LIMIT: Final = "seeding_time_limit"
ATTR_INACTIVE_SEEDING_TIME_LIMIT: Final = "inactive_seeding_time_limit"
ATTR_ENABLED: Final = "enabled"
ATTR_DOWNLOAD_PATH: Final = "download_path"
ATTR_FILE_IDS: Final = "file_ids"
ATTR_PREFERENCES: Final = "preferences"
ATTR_FOLDER: Final = "folder"
ATTR_URL: Final = "url"
ATTR_PATH: Final = "path"
ATTR_RULE: Final = "rule"
ATTR_PATTERN: Final = "pattern"
ATTR_PLUGINS: Final = "plugins"
ATTR_SEARCH_ID: Final = "search_id"
ATTR_OFFSET: Final = "offset"
ATTR_DELETE: Final = "delete"
# get_search_results answers at most this many results per call.
MAX_SEARCH_RESULTS: Final = 500

# get_rss answers at most this many articles per feed (and counts them all).
MAX_RSS_ARTICLES: Final = 50
# The auto-download rule fields rss_set_rule takes (qBittorrent's names), with
# their types: qBittorrent stores a rule it cannot read as one of defaults.
RSS_RULE_FIELDS: Final[dict[str, type | tuple[type, ...]]] = {
    "enabled": bool,
    "mustContain": str,
    "mustNotContain": str,
    "useRegex": bool,
    "episodeFilter": str,
    "smartFilter": bool,
    "affectedFeeds": list,
    "ignoreDays": int,
    "assignedCategory": str,
    "savePath": str,
    "addPaused": (bool, type(None)),
}

# get_torrent answers at most this many of each list (and counts them all):
# a torrent can have tens of thousands of files and hundreds of peers.
MAX_DETAIL_FILES: Final = 500
MAX_DETAIL_TRACKERS: Final = 100
MAX_DETAIL_PEERS: Final = 200


# qBittorrent's file priorities (4.5.2-5.3.0 answer 400 to any other number).
FILE_PRIORITIES: Final = {"skip": 0, "normal": 1, "high": 6, "maximum": 7}


GET_TORRENTS_STATES: Final = tuple(
    state.value
    for state in (
        TorrentFilter.ALL,
        TorrentFilter.COMPLETED,
        TorrentFilter.ACTIVE,
        TorrentFilter.INACTIVE,
        *StatusGroup,
    )
)
SORT_KEYS: Final = (
    "name",
    "added_on",
    "size",
    "progress",
    "download_speed",
    "upload_speed",
    "ratio",
    "state",
    "category",
    "eta",
)

LIMIT_KIBIBYTES = vol.All(vol.Coerce(int), vol.Range(min=0))


async def _async_pause(call: ServiceCall) -> None:
    await async_on_selection(
        call,
        lambda client, hashes: client.pause_torrents(hashes),
        lambda client: client.pause_all(),
    )


async def _async_resume(call: ServiceCall) -> None:
    await async_on_selection(
        call,
        lambda client, hashes: client.resume_torrents(hashes),
        lambda client: client.resume_all(),
    )


async def _async_add_torrent(call: ServiceCall) -> None:
    entry = get_entry(call)
    urls = [check_url(url) for url in call.data.get(ATTR_URLS, [])]
    file_path: str | None = call.data.get(ATTR_TORRENT_FILE)
    if not urls and not file_path:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="no_torrent_source"
        )
    save_path = check_path(ATTR_SAVE_PATH, call.data.get(ATTR_SAVE_PATH, ""))
    category = check_category(ATTR_CATEGORY, call.data.get(ATTR_CATEGORY, ""))
    tags = tuple(check_tag(tag) for tag in call.data.get(ATTR_TAGS, ()))
    content = await async_read_torrent_file(call.hass, file_path) if file_path else None
    options = AddTorrentOptions(
        save_path=save_path or None,
        category=category or None,
        tags=tags,
        stopped=call.data.get(ATTR_START_STOPPED),
        skip_checking=call.data.get(ATTR_SKIP_CHECKING),
        download_limit=limit_bytes(call, ATTR_DOWNLOAD_LIMIT),
        upload_limit=limit_bytes(call, ATTR_UPLOAD_LIMIT),
    )
    client = entry.runtime_data.client
    coordinator = entry.runtime_data.coordinator
    if urls:
        await coordinator.async_run_action(
            call.service, client.add_torrent_urls(urls, options)
        )
    if content is not None:
        await coordinator.async_run_action(
            call.service, client.add_torrent_files([content], options)
        )


async def _async_remove(call: ServiceCall) -> None:
    delete_files: bool = call.data[ATTR_DELETE_FILES]
    await async_on_selection(
        call,
        lambda client, hashes: client.delete_torrents(
            hashes, delete_files=delete_files
        ),
    )


async def _async_set_speed_limits(call: ServiceCall) -> None:
    entry = get_entry(call)
    download = limit_bytes(call, ATTR_DOWNLOAD_LIMIT)
    upload = limit_bytes(call, ATTR_UPLOAD_LIMIT)
    if download is None and upload is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="no_limit_given"
        )
    client = entry.runtime_data.client
    coordinator = entry.runtime_data.coordinator
    per_torrent = (
        call.data[ATTR_ALL_TORRENTS]
        or ATTR_TORRENT_HASHES in call.data
        or ATTR_TORRENT_NAMES in call.data
    )
    if per_torrent:
        hashes = await async_selected_hashes(call, entry)
        if download is not None:
            await coordinator.async_run_action(
                call.service, client.set_torrent_download_limit(hashes, download)
            )
        if upload is not None:
            await coordinator.async_run_action(
                call.service, client.set_torrent_upload_limit(hashes, upload)
            )
        return
    if download is not None:
        await coordinator.async_run_action(
            call.service, client.set_global_download_limit(download)
        )
    if upload is not None:
        await coordinator.async_run_action(
            call.service, client.set_global_upload_limit(upload)
        )


async def _async_add_trackers(call: ServiceCall) -> None:
    trackers = [check_tracker(tracker) for tracker in call.data[ATTR_TRACKERS]]

    async def add_to_each(client: QBittorrentClient, hashes: list[str]) -> None:
        for torrent_hash in hashes:
            await client.add_trackers(torrent_hash, trackers)

    await async_on_selection(call, add_to_each)


async def _async_get_torrents(call: ServiceCall) -> ServiceResponse:
    entry = get_entry(call)
    state: str = call.data[ATTR_STATE]
    category: str | None = call.data.get(ATTR_CATEGORY)
    tag: str | None = call.data.get(ATTR_TAG)
    data = await entry.runtime_data.coordinator.async_current_data()
    torrents = [
        torrent
        for torrent in data.torrents.values()
        if matches_state(torrent, state)
        and (category is None or (torrent.category or "") == category)
        and (tag is None or tag in torrent.tags)
    ]
    ordered = sort_torrents(
        torrents, call.data[ATTR_SORT], reverse=call.data[ATTR_REVERSE]
    )
    limit: int | None = call.data.get(ATTR_LIMIT)
    if limit is not None:
        ordered = ordered[:limit]
    return {
        "count": len(ordered),
        "torrents": [torrent_as_dict(torrent) for torrent in ordered],
    }


async def _async_recheck(call: ServiceCall) -> None:
    await async_on_selection(
        call, lambda client, hashes: client.recheck_torrents(hashes)
    )


async def _async_reannounce(call: ServiceCall) -> None:
    await async_on_selection(
        call, lambda client, hashes: client.reannounce_torrents(hashes)
    )


async def _async_set_category(call: ServiceCall) -> None:
    category = check_category(ATTR_CATEGORY, call.data[ATTR_CATEGORY])
    coordinator = get_entry(call).runtime_data.coordinator

    async def create_and_set(client: QBittorrentClient, hashes: list[str]) -> None:
        # qBittorrent 4.1+ sets only existing categories (409 otherwise), so a
        # new one is created first, as adding a torrent into it would.
        if category and category not in coordinator.data.categories:
            try:
                await client.create_category(category)
            except QBittorrentUnexpectedResponseError as error:
                # 409: created since the last poll; the name itself was checked.
                if error.status != 409:  # noqa: PLR2004
                    raise
        await client.set_category(hashes, category)

    await async_on_selection(call, create_and_set)


async def _async_set_location(call: ServiceCall) -> None:
    location: str = call.data[ATTR_LOCATION]
    if not location.strip():
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="location_required"
        )
    check_path(ATTR_LOCATION, location)
    await async_on_selection(
        call, lambda client, hashes: client.set_location(hashes, location)
    )


async def _async_set_priority(call: ServiceCall) -> None:
    move = QueueMove(call.data[ATTR_PRIORITY])
    await async_on_selection(
        call, lambda client, hashes: client.move_in_queue(hashes, move)
    )


async def _async_set_force_start(call: ServiceCall) -> None:
    enabled: bool = call.data[ATTR_FORCE_START]
    await async_on_selection(
        call, lambda client, hashes: client.set_force_start(hashes, enabled)
    )


def _tags(call: ServiceCall, *, required: bool = True) -> list[str]:
    """The tags of the call, each checked; at least one where ``required``."""
    tags = [check_tag(tag) for tag in call.data.get(ATTR_TAGS, [])]
    if required and not tags:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="no_tags_given",
            translation_placeholders={"field": ATTR_TAGS},
        )
    return tags


async def _async_add_tags(call: ServiceCall) -> None:
    tags = _tags(call)
    await async_on_selection(call, lambda client, hashes: client.add_tags(hashes, tags))


async def _async_remove_tags(call: ServiceCall) -> None:
    tags = _tags(call, required=False)
    await async_on_selection(
        call, lambda client, hashes: client.remove_tags(hashes, tags)
    )


async def _async_create_tags(call: ServiceCall) -> None:
    tags = _tags(call)
    await async_on_server(call, lambda client: client.create_tags(tags))


async def _async_delete_tags(call: ServiceCall) -> None:
    tags = _tags(call)
    await async_on_server(call, lambda client: client.delete_tags(tags))


async def _async_create_category(call: ServiceCall) -> None:
    category = category_name(ATTR_CATEGORY, call.data[ATTR_CATEGORY])
    save_path = check_path(ATTR_SAVE_PATH, call.data.get(ATTR_SAVE_PATH, ""))
    await async_on_server(
        call, lambda client: client.create_category(category, save_path)
    )


async def _async_edit_category(call: ServiceCall) -> None:
    category = category_name(ATTR_CATEGORY, call.data[ATTR_CATEGORY])
    save_path = check_path(ATTR_SAVE_PATH, call.data[ATTR_SAVE_PATH])
    entry = get_entry(call)
    coordinator = entry.runtime_data.coordinator
    # Where the server can edit categories, an unknown one is refused here
    # (qBittorrent would answer 409, or 404 on 5.3) after reading it afresh.
    if (
        entry.runtime_data.server_info.capabilities.edit_category
        and category not in coordinator.data.categories
        and category not in (await coordinator.async_current_data()).categories
    ):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="category_not_found",
            translation_placeholders={"server": entry.title, "category": category},
        )
    await async_on_server(
        call, lambda client: client.edit_category(category, save_path)
    )


async def _async_remove_categories(call: ServiceCall) -> None:
    categories = [
        category_name(ATTR_CATEGORIES, category)
        for category in call.data[ATTR_CATEGORIES]
    ]
    if not categories:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="category_required",
            translation_placeholders={"field": ATTR_CATEGORIES},
        )
    await async_on_server(call, lambda client: client.remove_categories(categories))


async def _async_set_share_limits(call: ServiceCall) -> None:
    ratio: float = share_limit(
        ATTR_RATIO_LIMIT, call.data[ATTR_RATIO_LIMIT], MAX_SHARE_RATIO
    )
    seeding: int = share_limit(
        ATTR_SEEDING_TIME_LIMIT, call.data[ATTR_SEEDING_TIME_LIMIT], MAX_SEEDING_MINUTES
    )
    inactive: int | None = call.data.get(ATTR_INACTIVE_SEEDING_TIME_LIMIT)
    if inactive is not None:
        share_limit(ATTR_INACTIVE_SEEDING_TIME_LIMIT, inactive, MAX_SEEDING_MINUTES)
    await async_on_selection(
        call,
        lambda client, hashes: client.set_share_limits(
            hashes,
            ratio_limit=ratio,
            seeding_time_limit=seeding,
            inactive_seeding_time_limit=inactive,
        ),
    )


def _switch_action(
    request: Callable[[QBittorrentClient, list[str], bool], Awaitable[None]],
) -> Callable[[ServiceCall], Coroutine[Any, Any, None]]:
    """An action turning a per-torrent setting on or off (``enabled``)."""

    async def handle(call: ServiceCall) -> None:
        enabled: bool = call.data[ATTR_ENABLED]
        await async_on_selection(
            call, lambda client, hashes: request(client, hashes, enabled)
        )

    return handle


async def _async_set_download_path(call: ServiceCall) -> None:
    path: str = call.data[ATTR_DOWNLOAD_PATH]
    if not path.strip():
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="path_required",
            translation_placeholders={"field": ATTR_DOWNLOAD_PATH},
        )
    check_path(ATTR_DOWNLOAD_PATH, path)
    await async_on_selection(
        call, lambda client, hashes: client.set_download_path(hashes, path)
    )


async def _async_rename_torrent(call: ServiceCall) -> None:
    name: str = call.data[ATTR_NAME]
    if not name.strip() or CONTROL_CHARACTERS.search(name):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_torrent_name",
            translation_placeholders=field_placeholders(ATTR_NAME, name),
        )
    entry, torrent_hash = await async_one_selected(call)
    await entry.runtime_data.coordinator.async_run_action(
        call.service, entry.runtime_data.client.rename_torrent(torrent_hash, name)
    )


async def _async_set_file_priority(call: ServiceCall) -> None:
    file_ids: list[int] = call.data[ATTR_FILE_IDS]
    if not file_ids:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="file_ids_required",
            translation_placeholders={"field": ATTR_FILE_IDS},
        )
    priority = FILE_PRIORITIES[call.data[ATTR_PRIORITY]]
    entry, torrent_hash = await async_one_selected(call)
    await entry.runtime_data.coordinator.async_run_action(
        call.service,
        entry.runtime_data.client.set_file_priority(torrent_hash, file_ids, priority),
    )


async def _async_get_torrent(call: ServiceCall) -> ServiceResponse:
    entry, torrent_hash = await async_one_selected(call)
    coordinator = entry.runtime_data.coordinator
    details = await coordinator.async_run_action(
        call.service,
        entry.runtime_data.client.get_torrent_details(torrent_hash),
        changes=False,
    )
    torrent = coordinator.data.torrents.get(torrent_hash)
    first_peers = list(details.peers.items())[:MAX_DETAIL_PEERS]
    return {
        "torrent": torrent_as_dict(torrent) if torrent else None,
        "properties": dict(details.properties),
        "files": [dict(file) for file in details.files[:MAX_DETAIL_FILES]],
        "files_total": len(details.files),
        "trackers": [dict(item) for item in details.trackers[:MAX_DETAIL_TRACKERS]],
        "trackers_total": len(details.trackers),
        "peers": [{"address": address, **peer} for address, peer in first_peers],
        "peers_total": len(details.peers),
    }


async def _async_set_preferences(call: ServiceCall) -> None:
    preferences = checked_preferences(dict(call.data[ATTR_PREFERENCES]))
    await async_on_server(call, lambda client: client.set_preferences(preferences))


async def _async_export_torrents(call: ServiceCall) -> None:
    """Save each chosen torrent's .torrent file as <hash>.torrent in the folder."""
    folder = Path(call.data[ATTR_FOLDER])
    if not call.hass.config.is_allowed_path(str(folder)):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="folder_not_allowed",
            translation_placeholders={"field": ATTR_FOLDER, "folder": str(folder)},
        )
    if not await call.hass.async_add_executor_job(folder.is_dir):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="folder_not_found",
            translation_placeholders={"field": ATTR_FOLDER, "folder": str(folder)},
        )
    entry = get_entry(call)
    hashes = await async_selected_hashes(call, entry)
    for torrent_hash in hashes:
        content = await entry.runtime_data.coordinator.async_run_action(
            call.service,
            entry.runtime_data.client.export_torrent(torrent_hash),
            changes=False,
        )
        await call.hass.async_add_executor_job(
            (folder / f"{torrent_hash}.torrent").write_bytes, content
        )


def _rss_path(field: str, path: str) -> str:
    """A feed or folder path: not empty, no empty part, no control characters."""
    if (
        not path.strip()
        or CONTROL_CHARACTERS.search(path)
        or "" in (part.strip() for part in path.split("\\"))
    ):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_rss_path",
            translation_placeholders=field_placeholders(field, path),
        )
    return path


def _rss_rule(rule: dict[str, object]) -> dict[str, object]:
    for key, value in rule.items():
        expected = RSS_RULE_FIELDS.get(key)
        if expected is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="rss_rule_field_not_allowed",
                translation_placeholders={
                    "key": visible(key),
                    "allowed": ", ".join(RSS_RULE_FIELDS),
                },
            )
        fits = isinstance(value, expected) and not (
            expected is int and isinstance(value, bool)
        )
        if key == "affectedFeeds":
            fits = fits and all(isinstance(url, str) for url in value)  # type: ignore[attr-defined]
        if key == "ignoreDays":
            fits = fits and value >= 0  # type: ignore[operator]
        if not fits:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="invalid_rss_rule_value",
                translation_placeholders={"key": key, "value": visible(str(value))},
            )
    return rule


def _rss_name(name: str) -> str:
    if not name.strip() or CONTROL_CHARACTERS.search(name):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_rss_rule_name",
            translation_placeholders=field_placeholders(ATTR_NAME, name),
        )
    return name


async def _async_rss_add_feed(call: ServiceCall) -> None:
    url = call.data[ATTR_URL]
    if not url.lower().startswith(("http://", "https://")) or re.search(r"\s", url):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_feed_url",
            translation_placeholders=field_placeholders(ATTR_URL, url),
        )
    path = call.data.get(ATTR_PATH)
    if path is not None:
        _rss_path(ATTR_PATH, path)
    await async_on_server(call, lambda client: client.add_rss_feed(url, path or ""))


async def _async_rss_add_folder(call: ServiceCall) -> None:
    path = _rss_path(ATTR_PATH, call.data[ATTR_PATH])
    await async_on_server(call, lambda client: client.add_rss_folder(path))


async def _async_rss_remove_item(call: ServiceCall) -> None:
    path = _rss_path(ATTR_PATH, call.data[ATTR_PATH])
    await async_on_server(call, lambda client: client.remove_rss_item(path))


async def _async_rss_refresh(call: ServiceCall) -> None:
    path = _rss_path(ATTR_PATH, call.data[ATTR_PATH])
    await async_on_server(call, lambda client: client.refresh_rss_item(path))


async def _async_rss_set_rule(call: ServiceCall) -> None:
    name = _rss_name(call.data[ATTR_NAME])
    rule = _rss_rule(dict(call.data[ATTR_RULE]))
    await async_on_server(call, lambda client: client.set_rss_rule(name, rule))


async def _async_rss_remove_rule(call: ServiceCall) -> None:
    name = _rss_name(call.data[ATTR_NAME])
    await async_on_server(call, lambda client: client.remove_rss_rule(name))


def _bounded_rss_tree(tree: dict[str, Any]) -> dict[str, Any]:
    """The RSS tree with at most MAX_RSS_ARTICLES articles per feed."""
    bounded: dict[str, Any] = {}
    for name, item in tree.items():
        if not isinstance(item, dict):
            continue
        if "url" not in item:
            bounded[name] = _bounded_rss_tree(item)
            continue
        articles = item.get("articles")
        bounded[name] = {
            **item,
            **(
                {
                    "articles": articles[:MAX_RSS_ARTICLES],
                    "articles_total": len(articles),
                }
                if isinstance(articles, list)
                else {}
            ),
        }
    return bounded


async def _async_get_rss(call: ServiceCall) -> ServiceResponse:
    entry = get_entry(call)
    coordinator = entry.runtime_data.coordinator
    client = entry.runtime_data.client
    items = await coordinator.async_run_action(
        call.service, client.get_rss_items(with_data=True), changes=False
    )
    rules = await coordinator.async_run_action(
        call.service, client.get_rss_rules(), changes=False
    )
    return {"items": _bounded_rss_tree(items), "rules": rules}


async def _async_start_search(call: ServiceCall) -> ServiceResponse:
    pattern: str = call.data[ATTR_PATTERN]
    if not pattern.strip() or CONTROL_CHARACTERS.search(pattern):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_search_pattern",
            translation_placeholders=field_placeholders(ATTR_PATTERN, pattern),
        )
    plugins: list[str] = call.data.get(ATTR_PLUGINS, [])
    for plugin in plugins:
        if not plugin.strip() or "|" in plugin or CONTROL_CHARACTERS.search(plugin):
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="invalid_search_plugin",
                translation_placeholders=field_placeholders(ATTR_PLUGINS, plugin),
            )
    entry = get_entry(call)
    search_id = await entry.runtime_data.coordinator.async_run_action(
        call.service,
        entry.runtime_data.client.start_search(
            pattern, plugins=plugins, category=call.data[ATTR_CATEGORY]
        ),
        changes=False,
    )
    return {"search_id": search_id}


async def _async_get_search_results(call: ServiceCall) -> ServiceResponse:
    entry = get_entry(call)
    results = await entry.runtime_data.coordinator.async_run_action(
        call.service,
        entry.runtime_data.client.get_search_results(
            call.data[ATTR_SEARCH_ID],
            limit=call.data[ATTR_LIMIT],
            offset=call.data[ATTR_OFFSET],
        ),
        changes=False,
    )
    return dict(results)


async def _async_stop_search(call: ServiceCall) -> None:
    search_id: int = call.data[ATTR_SEARCH_ID]
    delete: bool = call.data[ATTR_DELETE]

    async def stop(client: QBittorrentClient) -> None:
        await client.stop_search(search_id)
        if delete:
            await client.delete_search(search_id)

    entry = get_entry(call)
    await entry.runtime_data.coordinator.async_run_action(
        call.service, stop(entry.runtime_data.client), changes=False
    )


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the actions; each names its server by config entry."""
    register = partial(hass.services.async_register, DOMAIN)
    register(
        "add_torrent",
        _async_add_torrent,
        schema=ENTRY_SCHEMA.extend(
            {
                vol.Optional(ATTR_URLS): vol.All(cv.ensure_list, [cv.string]),
                vol.Optional(ATTR_TORRENT_FILE): cv.string,
                vol.Optional(ATTR_SAVE_PATH): cv.string,
                vol.Optional(ATTR_CATEGORY): cv.string,
                vol.Optional(ATTR_TAGS): vol.All(cv.ensure_list, [cv.string]),
                vol.Optional(ATTR_START_STOPPED): cv.boolean,
                vol.Optional(ATTR_SKIP_CHECKING): cv.boolean,
                vol.Optional(ATTR_DOWNLOAD_LIMIT): LIMIT_KIBIBYTES,
                vol.Optional(ATTR_UPLOAD_LIMIT): LIMIT_KIBIBYTES,
            }
        ),
    )
    register("pause_torrents", _async_pause, schema=SELECTION_SCHEMA)
    register("resume_torrents", _async_resume, schema=SELECTION_SCHEMA)
    register(
        "remove_torrents",
        _async_remove,
        schema=SELECTION_SCHEMA.extend(
            {vol.Optional(ATTR_DELETE_FILES, default=False): cv.boolean}
        ),
    )
    register("recheck_torrents", _async_recheck, schema=SELECTION_SCHEMA)
    register("reannounce_torrents", _async_reannounce, schema=SELECTION_SCHEMA)
    register(
        "set_speed_limits",
        _async_set_speed_limits,
        schema=SELECTION_SCHEMA.extend(
            {
                vol.Optional(ATTR_DOWNLOAD_LIMIT): LIMIT_KIBIBYTES,
                vol.Optional(ATTR_UPLOAD_LIMIT): LIMIT_KIBIBYTES,
            }
        ),
    )
    register(
        "set_category",
        _async_set_category,
        schema=SELECTION_SCHEMA.extend(
            {vol.Required(ATTR_CATEGORY): vol.Any(cv.string, "")}
        ),
    )
    register(
        "set_location",
        _async_set_location,
        schema=SELECTION_SCHEMA.extend({vol.Required(ATTR_LOCATION): cv.string}),
    )
    register(
        "set_priority",
        _async_set_priority,
        schema=SELECTION_SCHEMA.extend(
            {vol.Required(ATTR_PRIORITY): vol.In([m.value for m in QueueMove])}
        ),
    )
    register(
        "set_force_start",
        _async_set_force_start,
        schema=SELECTION_SCHEMA.extend({vol.Required(ATTR_FORCE_START): cv.boolean}),
    )
    register(
        "add_trackers",
        _async_add_trackers,
        schema=SELECTION_SCHEMA.extend(
            {vol.Required(ATTR_TRACKERS): vol.All(cv.ensure_list, [cv.string])}
        ),
    )
    register(
        "get_torrents",
        _async_get_torrents,
        schema=ENTRY_SCHEMA.extend(
            {
                vol.Optional(ATTR_STATE, default="all"): vol.In(GET_TORRENTS_STATES),
                vol.Optional(ATTR_CATEGORY): cv.string,
                vol.Optional(ATTR_TAG): cv.string,
                vol.Optional(ATTR_SORT, default="name"): vol.In(SORT_KEYS),
                vol.Optional(ATTR_REVERSE, default=False): cv.boolean,
                vol.Optional(ATTR_LIMIT): vol.All(vol.Coerce(int), vol.Range(min=1)),
            }
        ),
        supports_response=SupportsResponse.ONLY,
    )
    tag_list = vol.All(cv.ensure_list, [cv.string])
    tags_field = {vol.Required(ATTR_TAGS): tag_list}
    register("add_tags", _async_add_tags, schema=SELECTION_SCHEMA.extend(tags_field))
    # No tags given removes them all.
    register(
        "remove_tags",
        _async_remove_tags,
        schema=SELECTION_SCHEMA.extend({vol.Optional(ATTR_TAGS): tag_list}),
    )
    register("create_tags", _async_create_tags, schema=ENTRY_SCHEMA.extend(tags_field))
    register("delete_tags", _async_delete_tags, schema=ENTRY_SCHEMA.extend(tags_field))
    register(
        "create_category",
        _async_create_category,
        schema=ENTRY_SCHEMA.extend(
            {
                vol.Required(ATTR_CATEGORY): cv.string,
                vol.Optional(ATTR_SAVE_PATH): cv.string,
            }
        ),
    )
    register(
        "edit_category",
        _async_edit_category,
        schema=ENTRY_SCHEMA.extend(
            {
                vol.Required(ATTR_CATEGORY): cv.string,
                vol.Required(ATTR_SAVE_PATH): vol.Any(cv.string, ""),
            }
        ),
    )
    register(
        "remove_categories",
        _async_remove_categories,
        schema=ENTRY_SCHEMA.extend(
            {vol.Required(ATTR_CATEGORIES): vol.All(cv.ensure_list, [cv.string])}
        ),
    )
    register(
        "set_share_limits",
        _async_set_share_limits,
        schema=SELECTION_SCHEMA.extend(
            {
                vol.Required(ATTR_RATIO_LIMIT): vol.Coerce(float),
                vol.Required(ATTR_SEEDING_TIME_LIMIT): vol.Coerce(int),
                vol.Optional(ATTR_INACTIVE_SEEDING_TIME_LIMIT): vol.Coerce(int),
            }
        ),
    )
    switch_schema = SELECTION_SCHEMA.extend({vol.Required(ATTR_ENABLED): cv.boolean})
    switches: dict[
        str, Callable[[QBittorrentClient, list[str], bool], Awaitable[None]]
    ] = {
        "set_auto_management": lambda client, hashes, enabled: (
            client.set_auto_management(hashes, enabled)
        ),
        "set_super_seeding": lambda client, hashes, enabled: client.set_super_seeding(
            hashes, enabled
        ),
        "set_sequential_download": lambda client, hashes, enabled: (
            client.set_sequential_download(hashes, enabled)
        ),
        "set_first_last_piece_priority": lambda client, hashes, enabled: (
            client.set_first_last_piece_priority(hashes, enabled)
        ),
    }
    for action, request in switches.items():
        register(action, _switch_action(request), schema=switch_schema)
    register(
        "set_download_path",
        _async_set_download_path,
        schema=SELECTION_SCHEMA.extend({vol.Required(ATTR_DOWNLOAD_PATH): cv.string}),
    )
    register(
        "rename_torrent",
        _async_rename_torrent,
        schema=SELECTION_SCHEMA.extend({vol.Required(ATTR_NAME): cv.string}),
    )
    register(
        "set_file_priority",
        _async_set_file_priority,
        schema=SELECTION_SCHEMA.extend(
            {
                vol.Required(ATTR_FILE_IDS): vol.All(
                    cv.ensure_list, [vol.All(vol.Coerce(int), vol.Range(min=0))]
                ),
                vol.Required(ATTR_PRIORITY): vol.In(list(FILE_PRIORITIES)),
            }
        ),
    )
    register(
        "get_torrent",
        _async_get_torrent,
        schema=SELECTION_SCHEMA,
        supports_response=SupportsResponse.ONLY,
    )
    register(
        "set_preferences",
        _async_set_preferences,
        schema=ENTRY_SCHEMA.extend({vol.Required(ATTR_PREFERENCES): dict}),
    )
    register(
        "export_torrents",
        _async_export_torrents,
        schema=SELECTION_SCHEMA.extend({vol.Required(ATTR_FOLDER): cv.string}),
    )
    path_field = {vol.Required(ATTR_PATH): cv.string}
    register(
        "rss_add_feed",
        _async_rss_add_feed,
        schema=ENTRY_SCHEMA.extend(
            {vol.Required(ATTR_URL): cv.string, vol.Optional(ATTR_PATH): cv.string}
        ),
    )
    register(
        "rss_add_folder", _async_rss_add_folder, schema=ENTRY_SCHEMA.extend(path_field)
    )
    register(
        "rss_remove_item",
        _async_rss_remove_item,
        schema=ENTRY_SCHEMA.extend(path_field),
    )
    register("rss_refresh", _async_rss_refresh, schema=ENTRY_SCHEMA.extend(path_field))
    register(
        "rss_set_rule",
        _async_rss_set_rule,
        schema=ENTRY_SCHEMA.extend(
            {vol.Required(ATTR_NAME): cv.string, vol.Required(ATTR_RULE): dict}
        ),
    )
    register(
        "rss_remove_rule",
        _async_rss_remove_rule,
        schema=ENTRY_SCHEMA.extend({vol.Required(ATTR_NAME): cv.string}),
    )
    register(
        "get_rss",
        _async_get_rss,
        schema=ENTRY_SCHEMA,
        supports_response=SupportsResponse.ONLY,
    )
    search_schema = ENTRY_SCHEMA.extend({vol.Required(ATTR_SEARCH_ID): vol.Coerce(int)})
    register(
        "start_search",
        _async_start_search,
        schema=ENTRY_SCHEMA.extend(
            {
                vol.Required(ATTR_PATTERN): cv.string,
                vol.Optional(ATTR_PLUGINS): vol.All(cv.ensure_list, [cv.string]),
                vol.Optional(ATTR_CATEGORY, default="all"): cv.string,
            }
        ),
        supports_response=SupportsResponse.OPTIONAL,
    )
    register(
        "get_search_results",
        _async_get_search_results,
        schema=search_schema.extend(
            {
                vol.Optional(ATTR_LIMIT, default=100): vol.All(
                    vol.Coerce(int), vol.Range(min=1, max=MAX_SEARCH_RESULTS)
                ),
                vol.Optional(ATTR_OFFSET, default=0): vol.All(
                    vol.Coerce(int), vol.Range(min=0)
                ),
            }
        ),
        supports_response=SupportsResponse.ONLY,
    )
    register(
        "stop_search",
        _async_stop_search,
        schema=search_schema.extend(
            {vol.Optional(ATTR_DELETE, default=False): cv.boolean}
        ),
    )
