"""Sync engine: keeps the server state across polls and reports changes.

Modern and legacy servers send ``sync/maindata`` deltas keyed by a response
id (``rid``); 3.1.x has no such endpoint, so its full lists are diffed here to
give the same :class:`SyncResult`.

Cost per poll follows what changed: only the fields a delta names are read
again, into a new torrent beside the old one. No raw fields are kept: a
torrent is its model alone, its shared strings (state, category, save path,
tracker) interned by the decoder and its hash the map's key. A changed
snapshot shares its base map with the snapshots before it and holds only the
torrents changed since (:class:`TorrentMap`); an unchanged poll reuses the
previous snapshot as is. The counts of :class:`TorrentSummary` (per status, active) are
adjusted for each added, changed or removed torrent as it is merged, so reading
them never iterates over the torrents; only a full update recounts.

The first sync of an engine is the baseline: it reports nothing as added,
removed or completed. Later full updates (after a re-login or a server
restart) are diffed against the previous state, so nothing is lost.

A completion is reported once, when a torrent known to be incomplete (or
added since the baseline) is seen complete. Statuses that carry no progress
(:data:`~.models.PROGRESS_UNKNOWN_STATUSES`) leave what is known unchanged:
a finished torrent that qBittorrent lists as ``checkingResumeData`` with
progress 0 after a restart stays finished, and a new server session is not
progress.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, override

from ._parse import (
    lowered,
    server_state_from_api,
    torrent_from_api,
    torrent_updated,
)
from .exceptions import QBittorrentUnexpectedResponseError
from .models import (
    Category,
    MainData,
    ServerState,
    SyncResult,
    Torrent,
    TorrentStatus,
    TorrentSummary,
)

if TYPE_CHECKING:
    from collections.abc import ItemsView, Iterable, Iterator, ValuesView


# The JSON type of each maindata section that has one; ``null`` is absence.
_SECTION_TYPES: dict[str, tuple[type, ...]] = {
    "torrents": (dict,),
    "torrents_removed": (list,),
    "server_state": (dict,),
    "categories": (dict, list),
    "labels": (dict, list),
    "categories_removed": (list,),
    "tags": (list,),
    "tags_removed": (list,),
}
_JSON_TYPE_NAMES: dict[type, str] = {dict: "an object", list: "a list"}


def _check_sections(payload: Mapping[str, Any]) -> None:
    """Refuse a maindata answer whose sections have the wrong JSON type.

    Checked before anything is merged, so a refused answer changes nothing.
    The message names the section, never its content (trackers may carry
    passkeys).
    """
    for key, expected in _SECTION_TYPES.items():
        value = payload.get(key)
        if value is not None and not isinstance(value, expected):
            wanted = " or ".join(_JSON_TYPE_NAMES[kind] for kind in expected)
            msg = (
                f"The server's sync data has '{key}' as "
                f"{type(value).__name__} instead of {wanted}"
            )
            raise QBittorrentUnexpectedResponseError(msg, status=200, body_excerpt="")


class TorrentMap(Mapping[str, Torrent]):
    """The torrents of one snapshot: a shared, never changed base and changes.

    Publishing a snapshot of 50,000 torrents by copying the engine's map costs
    about 10 ms of the event loop on a small board (touching every torrent);
    a snapshot instead shares the base with the snapshots before it and holds
    only the torrents changed since (``None`` for removed). The engine starts
    a new base once the changes grow past a fraction of the library, so the
    copy is made once per many polls. Iteration keeps the engine's order.
    """

    __slots__ = ("_base", "_changes", "_length")

    def __init__(
        self, base: dict[str, Torrent], changes: dict[str, Torrent | None], length: int
    ) -> None:
        """Wrap ``base`` overlaid with ``changes``; ``length`` is the result's size."""
        self._base = base
        self._changes = changes
        self._length = length

    def __getitem__(self, key: str) -> Torrent:
        """The torrent of hash ``key``."""
        changes = self._changes
        if key in changes:
            torrent = changes[key]
            if torrent is None:
                raise KeyError(key)
            return torrent
        return self._base[key]

    def __len__(self) -> int:
        """Number of torrents."""
        return self._length

    def __iter__(self) -> Iterator[str]:
        """Hashes in the engine's order: the base's, then those added since."""
        changes = self._changes
        if not changes:
            yield from self._base
            return
        for key in self._base:
            if changes.get(key, key) is not None:
                yield key
        base = self._base
        for key, torrent in changes.items():
            if torrent is not None and key not in base:
                yield key

    @override
    def __contains__(self, key: object) -> bool:
        changes = self._changes
        if key in changes:
            return changes[key] is not None
        return key in self._base

    @override
    def values(self) -> ValuesView[Torrent]:
        if not self._changes:
            return self._base.values()
        return super().values()

    @override
    def items(self) -> ItemsView[str, Torrent]:
        if not self._changes:
            return self._base.items()
        return super().items()

    @override
    def __eq__(self, other: object) -> bool:
        # Two snapshots of one base differ at most where either changed.
        if isinstance(other, TorrentMap) and other._base is self._base:
            if self._length != other._length:
                return False
            missing = object()
            return all(
                self.get(key, missing) == other.get(key, missing)
                for key in self._changes.keys() | other._changes.keys()
            )
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        """Like a dict's."""
        return f"{type(self).__name__}({dict(self.items())!r})"


@dataclass(slots=True)
class _Changes:
    added: list[Torrent] = field(default_factory=list)
    updated: list[Torrent] = field(default_factory=list)
    removed: list[Torrent] = field(default_factory=list)
    completed: list[Torrent] = field(default_factory=list)


class SyncEngine:
    """State of one client's view of one server."""

    def __init__(self) -> None:
        """Start empty; the first applied update is the baseline."""
        self.rid = 0
        self.session_generation = -1
        self._torrents: dict[str, Torrent] = {}
        # Torrents that never had a "category" field: their category is the
        # "label" field (3.3.1-3.3.4). Empty on every other server.
        self._labelled: set[str] = set()
        self._status_counts: Counter[TorrentStatus] = Counter()
        self._active_count = 0
        # ETA in seconds of each torrent still downloading with a known one,
        # so the soonest finish never needs a pass over every torrent.
        self._finishing: dict[str, int] = {}
        self._raw_server_state: dict[str, Any] = {}
        self._server_state = ServerState()
        self._categories: dict[str, Category] = {}
        self._tags: set[str] = set()
        self._snapshot = MainData()
        # What the published snapshots share (see TorrentMap): the base, and
        # the torrents changed since it (None: removed), kept as they change.
        self._base: dict[str, Torrent] = {}
        self._changed_since_base: dict[str, Torrent | None] = {}
        self._new_base = True
        self._has_baseline = False
        # Torrents whose next complete sighting is a completion: seen
        # incomplete, or added since the baseline while their progress was
        # unknown. Finished torrents, and those of the baseline whose progress
        # was unknown, are not in it.
        self._awaiting_completion: set[str] = set()

    def reset_session(self) -> None:
        """Forget the server-side position: the next request is a full one."""
        self.rid = 0

    def follow_session(self, session_generation: int) -> None:
        """Restart at ``rid`` 0 when the transport logged in anew."""
        if session_generation != self.session_generation:
            self.session_generation = session_generation
            self.rid = 0

    # --- incremental (sync/maindata) -----------------------------------------

    def apply_maindata(self, payload: Mapping[str, Any]) -> SyncResult:
        """Merge one ``sync/maindata`` response and report what changed.

        Raises:
            QBittorrentUnexpectedResponseError: A section has the wrong type;
                nothing was merged. A single unreadable field is ``None``.
        """
        _check_sections(payload)
        rid = payload.get("rid")
        if isinstance(rid, int) and not isinstance(rid, bool):
            self.rid = rid
        full = bool(payload.get("full_update")) or not self._has_baseline
        changes = _Changes()
        changed = full
        if full:
            self._replace_all(payload, changes)
        else:
            changed = self._merge_delta(payload, changes)
        return self._publish(changes, full_update=full, changed=changed)

    def _replace_all(self, payload: Mapping[str, Any], changes: _Changes) -> None:
        previous = self._torrents
        self._torrents = {}
        self._new_base = True
        self._labelled = set()
        for torrent_hash, raw in (payload.get("torrents") or {}).items():
            if isinstance(raw, dict):
                self._add(lowered(torrent_hash), raw)
        self._diff_full(previous, changes)
        self._recount()
        self._raw_server_state = dict(payload.get("server_state") or {})
        self._server_state = server_state_from_api(self._raw_server_state)
        self._categories = {}
        self._merge_categories(payload.get("categories", payload.get("labels")))
        self._tags = {tag for tag in payload.get("tags") or () if isinstance(tag, str)}

    def _merge_delta(self, payload: Mapping[str, Any], changes: _Changes) -> bool:
        changed = self._merge_torrents(payload, changes)
        state_delta = payload.get("server_state")
        if state_delta:
            self._raw_server_state.update(state_delta)
            self._server_state = server_state_from_api(self._raw_server_state)
            changed = True
        return self._merge_names(payload) or changed

    def _merge_torrents(self, payload: Mapping[str, Any], changes: _Changes) -> bool:
        # Only the torrents named in the delta are re-parsed.
        changed = False
        for torrent_hash, delta in (payload.get("torrents") or {}).items():
            if not isinstance(delta, dict):
                continue
            key = lowered(torrent_hash)
            before = self._torrents.get(key)
            if before is None:
                # Back within one base: it moved to the end of the engine's
                # order, which a snapshot's overlay cannot show.
                if key in self._changed_since_base:
                    self._new_base = True
                torrent = self._add(key, delta)
            else:
                torrent = torrent_updated(
                    before, delta, label_applies=key in self._labelled
                )
                if "category" in delta:
                    self._labelled.discard(key)
                self._torrents[key] = torrent
                self._count(before, -1)
                changes.updated.append(torrent)
            self._record(before, torrent, changes)
            self._count(torrent, 1)
            self._changed_since_base[key] = torrent
            changed = True
        for torrent_hash in payload.get("torrents_removed") or ():
            if not isinstance(torrent_hash, str):
                continue
            key = lowered(torrent_hash)
            gone = self._torrents.pop(key, None)
            self._awaiting_completion.discard(key)
            self._labelled.discard(key)
            if gone is not None:
                self._count(gone, -1)
                changes.removed.append(gone)
                self._changed_since_base[key] = None
                changed = True
        return changed

    def _add(self, key: str, raw: Mapping[str, Any]) -> Torrent:
        """Parse a torrent seen for the first time (or in a full update)."""
        torrent = self._torrents[key] = torrent_from_api(key, raw)
        if "category" in raw:
            self._labelled.discard(key)
        else:
            self._labelled.add(key)
        return torrent

    def _merge_names(self, payload: Mapping[str, Any]) -> bool:
        """Merge categories and tags; return whether anything changed."""
        before = (dict(self._categories), set(self._tags))
        categories = payload.get("categories", payload.get("labels"))
        if categories:
            self._merge_categories(categories)
        for name in payload.get("categories_removed") or ():
            if isinstance(name, str):
                self._categories.pop(name, None)
        self._tags.update(
            tag for tag in payload.get("tags") or () if isinstance(tag, str)
        )
        self._tags.difference_update(
            tag for tag in payload.get("tags_removed") or () if isinstance(tag, str)
        )
        return (self._categories, self._tags) != before

    def _merge_categories(self, categories: object) -> None:
        # An object keyed by name since API 2.1.0; a list of names before.
        if isinstance(categories, dict):
            for name, details in categories.items():
                save_path = (
                    details.get("savePath") if isinstance(details, dict) else None
                )
                self._categories[name] = Category(
                    name=name,
                    save_path=save_path if isinstance(save_path, str) else None,
                )
        elif isinstance(categories, list):
            for name in categories:
                if isinstance(name, str):
                    self._categories[name] = Category(name=name)

    # --- full lists (3.1.x) ---------------------------------------------------

    def apply_full_lists(
        self, torrents: Iterable[Torrent], server_state: ServerState
    ) -> SyncResult:
        """Replace everything with complete lists and report the differences."""
        previous = self._torrents
        self._torrents = {torrent.hash: torrent for torrent in torrents}
        self._new_base = True
        changes = _Changes()
        self._diff_full(previous, changes)
        self._recount()
        self._server_state = server_state
        return self._publish(changes, full_update=True, changed=True)

    # --- shared ---------------------------------------------------------------

    def _count(self, torrent: Torrent, step: int) -> None:
        """Add (``step`` 1) or take away (-1) one torrent from the counts."""
        self._status_counts[torrent.status] += step
        if torrent.is_active:
            self._active_count += step
        if step < 0:
            self._finishing.pop(torrent.hash, None)
        elif (eta := torrent.finishes_in) is not None:
            self._finishing[torrent.hash] = eta

    def _recount(self) -> None:
        summary = TorrentSummary.of(self._torrents.values())
        self._status_counts = Counter(summary.status_counts)
        self._active_count = summary.active
        self._finishing = {
            torrent.hash: eta
            for torrent in self._torrents.values()
            if (eta := torrent.finishes_in) is not None
        }

    def _summary(self) -> TorrentSummary:
        return TorrentSummary(
            total=len(self._torrents),
            active=self._active_count,
            # Zero counts are dropped so equal populations compare equal.
            status_counts=MappingProxyType(
                {status: n for status, n in self._status_counts.items() if n}
            ),
            soonest_finish=min(self._finishing.values(), default=None),
        )

    def _diff_full(self, previous: Mapping[str, Torrent], changes: _Changes) -> None:
        for torrent_hash, torrent in self._torrents.items():
            self._record(previous.get(torrent_hash), torrent, changes)
        for torrent_hash, torrent in previous.items():
            if torrent_hash not in self._torrents:
                self._awaiting_completion.discard(torrent_hash)
                changes.removed.append(torrent)

    def _record(
        self, before: Torrent | None, after: Torrent, changes: _Changes
    ) -> None:
        complete = after.is_complete
        if before is None:
            changes.added.append(after)
            # Added since the baseline: finishing later is news even when
            # its first sighting (checking, metadata) said nothing.
            if complete is False or (complete is None and self._has_baseline):
                self._awaiting_completion.add(after.hash)
        elif complete is None:
            return
        elif not complete:
            self._awaiting_completion.add(after.hash)
        elif after.hash in self._awaiting_completion:
            self._awaiting_completion.discard(after.hash)
            changes.completed.append(after)

    def _torrent_map(self) -> TorrentMap:
        """The torrents as a snapshot: the base and what changed since."""
        live = self._torrents
        changed = self._changed_since_base
        # A new base copies every torrent: worth it once the changes are a
        # good part of the library (every 12 polls or so at 1% churn).
        if self._new_base or len(changed) > max(len(live) // 8, 16):
            self._base = dict(live)
            self._changed_since_base = {}
            self._new_base = False
            return TorrentMap(self._base, {}, len(live))
        return TorrentMap(self._base, dict(changed), len(live))

    def _publish(
        self, changes: _Changes, *, full_update: bool, changed: bool
    ) -> SyncResult:
        baseline = not self._has_baseline
        self._has_baseline = True
        if changed:
            self._snapshot = MainData(
                server_state=self._server_state,
                torrents=self._torrent_map(),
                categories=MappingProxyType(dict(self._categories)),
                tags=frozenset(self._tags),
                known_summary=self._summary(),
            )
        if baseline:
            return SyncResult(data=self._snapshot, full_update=True, baseline=True)
        return SyncResult(
            data=self._snapshot,
            added=tuple(changes.added),
            updated=tuple(changes.updated),
            removed=tuple(changes.removed),
            completed=tuple(changes.completed),
            full_update=full_update,
        )
