"""How torrents, categories and server state look in each version's JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .versions import Generation, VersionProfile

if TYPE_CHECKING:
    from .torrents import Category, Population, Torrent

type VersionTuple = tuple[int, ...]

# (field, first version that serialises it, first version that dropped it)
_MODERN_FIELDS: tuple[tuple[str, VersionTuple, VersionTuple | None], ...] = (
    ("added_on", (4, 1, 0), None),
    ("amount_left", (4, 1, 0), None),
    ("auto_tmm", (4, 1, 0), None),
    ("availability", (4, 2, 0), None),
    ("category", (4, 1, 0), None),
    ("comment", (5, 0, 0), None),
    ("completed", (4, 1, 0), None),
    ("completion_on", (4, 1, 0), None),
    ("connections_count", (5, 2, 0), None),
    ("connections_limit", (5, 2, 0), None),
    ("content_path", (4, 3, 0), None),
    ("created_by", (5, 2, 0), None),
    ("creation_date", (5, 2, 0), None),
    ("dl_limit", (4, 1, 0), None),
    ("dlspeed", (4, 1, 0), None),
    ("download_path", (4, 4, 0), None),
    ("downloaded", (4, 1, 0), None),
    ("downloaded_session", (4, 1, 0), None),
    ("eta", (4, 1, 0), None),
    ("f_l_piece_prio", (4, 1, 0), None),
    ("force_start", (4, 1, 0), None),
    ("has_metadata", (5, 0, 0), None),
    ("has_other_announce_error", (5, 2, 0), None),
    ("has_tracker_error", (5, 2, 0), None),
    ("has_tracker_warning", (5, 2, 0), None),
    ("inactive_seeding_time_limit", (4, 6, 0), None),
    ("infohash_v1", (4, 4, 0), None),
    ("infohash_v2", (4, 4, 0), None),
    ("last_activity", (4, 1, 0), None),
    ("magnet_uri", (4, 1, 0), None),
    ("max_inactive_seeding_time", (4, 6, 0), None),
    ("max_ratio", (4, 1, 0), None),
    ("max_seeding_time", (4, 1, 0), None),
    ("name", (4, 1, 0), None),
    ("num_complete", (4, 1, 0), None),
    ("num_incomplete", (4, 1, 0), None),
    ("num_leechs", (4, 1, 0), None),
    ("num_seeds", (4, 1, 0), None),
    ("piece_size", (5, 2, 0), None),
    ("pieces_have", (5, 2, 0), None),
    ("pieces_num", (5, 2, 0), None),
    ("popularity", (5, 0, 0), None),
    ("priority", (4, 1, 0), None),
    ("progress", (4, 1, 0), None),
    ("ratio", (4, 1, 0), None),
    ("ratio_limit", (4, 1, 0), None),
    ("reannounce", (5, 0, 0), None),
    ("root_path", (5, 0, 0), None),
    ("save_path", (4, 1, 0), None),
    ("seeding_time", (4, 3, 0), None),
    ("seeding_time_limit", (4, 1, 0), None),
    ("seen_complete", (4, 1, 0), None),
    ("seq_dl", (4, 1, 0), None),
    ("share_limit_action", (5, 2, 0), None),
    ("share_limits_mode", (5, 3, 0), None),
    ("size", (4, 1, 0), None),
    ("state", (4, 1, 0), None),
    ("super_seeding", (4, 1, 0), None),
    ("tags", (4, 2, 0), None),
    ("time_active", (4, 1, 0), None),
    ("total_size", (4, 1, 0), None),
    ("total_wasted", (5, 2, 0), None),
    ("tracker", (4, 1, 0), None),
    ("trackers_count", (4, 3, 0), None),
    ("up_limit", (4, 1, 0), None),
    ("uploaded", (4, 1, 0), None),
    ("uploaded_session", (4, 1, 0), None),
    ("upspeed", (4, 1, 0), None),
)

_LEGACY_FIELDS = (
    "hash",
    "name",
    "size",
    "progress",
    "dlspeed",
    "upspeed",
    "priority",
    "num_seeds",
    "num_complete",
    "num_leechs",
    "num_incomplete",
    "ratio",
    "eta",
    "state",
    "seq_dl",
    "f_l_piece_prio",
    "category",
    "super_seeding",
    "force_start",
)
# Legacy API 10 (3.3.5) and later also list these.
_LEGACY_LATER_FIELDS = ("added_on", "completion_on", "save_path")

# Defaults for fields the population does not script.
_FIXED_VALUES: dict[str, Any] = {
    "connections_count": 0,
    "connections_limit": 100,
    "created_by": "",
    "creation_date": -1,
    "has_other_announce_error": False,
    "has_tracker_error": False,
    "has_tracker_warning": False,
    "inactive_seeding_time_limit": -2,
    "max_inactive_seeding_time": -1,
    "piece_size": -1,
    "pieces_have": 0,
    "pieces_num": -1,
    "reannounce": 0,
    "root_path": "",
    "share_limit_action": "Default",
    "share_limits_mode": "Default",
    "total_wasted": 0,
}
# Before 5.0 "never" timestamps were 0, from 5.0 they are -1.
_NEVER_FIELDS = frozenset({"completion_on", "seen_complete"})
# States that older versions did not have, and what they showed instead.
_OLD_STATE_NAMES = {
    "metaDL": "stalledDL",
    "forcedMetaDL": "stalledDL",
    "forcedDL": "downloading",
    "forcedUP": "uploading",
}


class TorrentView:
    """Serialises torrents the way one version does."""

    def __init__(self, profile: VersionProfile) -> None:
        """Work out the field set of ``profile`` once."""
        self.profile = profile
        version = profile.version
        if profile.generation is Generation.MODERN:
            self.fields = tuple(
                name
                for name, since, until in _MODERN_FIELDS
                if version >= since and (until is None or version < until)
            )
        else:
            extra = _LEGACY_LATER_FIELDS if profile.legacy_api >= 10 else ()
            self.fields = tuple(f for f in _LEGACY_FIELDS if f != "hash") + extra
        self._field_set = frozenset(self.fields)
        self._rename = {"category": "label"} if profile.label_naming else {}

    def _value(self, torrent: Torrent, name: str) -> Any:
        if name in _FIXED_VALUES and name not in torrent.fields:
            return _FIXED_VALUES[name]
        value = torrent.fields[name]
        version = self.profile.version
        if name in _NEVER_FIELDS and value == -1 and version < (5, 0, 0):
            return 0
        if name == "state" and version < (3, 3, 0):
            return _OLD_STATE_NAMES.get(value, value)
        if name == "priority" and self.profile.generation is Generation.LEGACY:
            return value or -1
        return value

    def full(self, torrent: Torrent, *, with_hash: bool) -> dict[str, Any]:
        """Every field of a torrent (``torrents/info``, new in maindata)."""
        result: dict[str, Any] = {"hash": torrent.hash} if with_hash else {}
        for name in self.fields:
            result[self._rename.get(name, name)] = self._value(torrent, name)
        if with_hash and self.profile.version >= (5, 0, 0):
            result["private"] = False if torrent.fields["has_metadata"] else None
        return dict(sorted(result.items())) if with_hash else result

    def partial(self, torrent: Torrent, changed: list[str]) -> dict[str, Any]:
        """Only the listed fields that this version shows."""
        return {
            self._rename.get(name, name): self._value(torrent, name)
            for name in changed
            if name in self._field_set
        }


def category_view(profile: VersionProfile, category: Category) -> dict[str, Any]:
    """A category as ``sync/maindata`` lists it (object form, 2.1.0+)."""
    result: dict[str, Any] = {"name": category.name, "savePath": category.save_path}
    if profile.version >= (5, 3, 0):
        result.update(
            download_path=None,
            inactive_seeding_time_limit=-2,
            ratio_limit=-2,
            seeding_time_limit=-2,
            share_limit_action="Default",
            share_limits_mode="Default",
        )
    return dict(sorted(result.items()))


def transfer_info(
    profile: VersionProfile,
    *,
    speeds: tuple[int, int],
    session_data: tuple[int, int],
    limits: tuple[int, int],
) -> dict[str, Any]:
    """The ``transfer/info`` (or legacy ``/query/transferInfo``) object."""
    result: dict[str, Any] = {
        "connection_status": "connected",
        "dht_nodes": 312,
        "dl_info_data": session_data[0],
        "dl_info_speed": speeds[0],
        "dl_rate_limit": limits[0],
        "up_info_data": session_data[1],
        "up_info_speed": speeds[1],
        "up_rate_limit": limits[1],
    }
    if profile.version >= (5, 1, 0):
        result["last_external_address_v4"] = "203.0.113.7"
        result["last_external_address_v6"] = ""
    return dict(sorted(result.items()))


def server_state(
    profile: VersionProfile,
    info: dict[str, Any],
    *,
    alt_speed: bool,
    alltime: tuple[int, int],
    queueing: bool,
    free_space: int,
    session_paused: bool = False,
) -> dict[str, Any]:
    """The ``server_state`` object of ``sync/maindata``."""
    state = dict(info)
    state.update(
        queueing=queueing, use_alt_speed_limits=alt_speed, refresh_interval=1500
    )
    version = profile.version
    if version >= (4, 0, 0):
        ratio = alltime[1] / alltime[0] if alltime[0] else None
        state.update(
            alltime_dl=alltime[0],
            alltime_ul=alltime[1],
            average_time_queue=0,
            global_ratio=f"{ratio:.2f}" if ratio is not None else "-",
            queued_io_jobs=0,
            read_cache_hits="0",
            read_cache_overload="0",
            total_buffers_size=0,
            total_peer_connections=0,
            total_queued_size=0,
            total_wasted_session=0,
            write_cache_overload="0",
        )
    if profile.generation is Generation.MODERN and profile.webapi >= (2, 1, 1):
        state["free_space_on_disk"] = free_space
    if (5, 1, 0) <= version < (5, 2, 0):
        state["use_subcategories"] = False
    if version >= (5, 3, 0):
        # session_state is true while the session is paused (seen on 5.3.0).
        state.update(
            queued_tracker_announces=0,
            request_latency=0,
            session_state=session_paused,
        )
    return dict(sorted(state.items()))


def population_categories(
    profile: VersionProfile, population: Population
) -> dict[str, Any]:
    """Categories as the version's maindata would list them, keyed by name."""
    return {
        name: category_view(profile, category)
        for name, category in population.categories.items()
    }
