"""A scripted torrent population whose changes can be diffed cheaply.

Every mutation bumps one global revision counter and stamps the changed
fields of the torrent with it, and appends ``(revision, hash)`` to a change
log.  A ``sync/maindata`` diff since revision ``R`` then walks only the log
entries after ``R`` (found by bisection), so its cost follows what changed,
not the population size.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
import hashlib
import random
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .versions import VersionProfile

NEVER = -1
_GIB = 1024**3
_MIB = 1024**2

_NAME_WORDS = (
    "debian",
    "ubuntu",
    "fedora",
    "arch",
    "archive",
    "dataset",
    "lecture",
    "concert",
    "podcast",
    "mirror",
    "backup",
    "photos",
    "ebooks",
    "samples",
    "sounds",
)
_DEFAULT_CATEGORIES = ("", "", "linux", "movies", "music", "books")
_DEFAULT_TAGS = ("", "", "", "hd", "private", "hd,private")
_TRACKERS = (
    "udp://tracker.example.org:1337/announce",
    "http://bt.example.net/announce",
    "",
)
ACTIVE_DOWNLOAD_STATES = frozenset(
    {"downloading", "stalledDL", "metaDL", "forcedDL", "forcedMetaDL", "queuedDL"}
)


@dataclass(slots=True)
class Torrent:
    """One torrent: its fields and, per field, the revision of its last change."""

    hash: str
    fields: dict[str, Any]
    added_revision: int
    field_revisions: dict[str, int] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        """Whether every wanted piece is there."""
        return bool(self.fields["progress"] >= 1)


@dataclass(slots=True)
class Category:
    """A category and the revision of its last change."""

    name: str
    save_path: str
    revision: int


class Population:
    """All torrents, categories and tags of one emulated qBittorrent."""

    def __init__(
        self,
        profile: VersionProfile,
        *,
        count: int,
        seed: int,
        save_path: str = "/downloads",
        now: float | None = None,
    ) -> None:
        """Create ``count`` deterministic torrents from ``seed``."""
        self.profile = profile
        self.save_path = save_path
        self.revision = 0
        self.torrents: dict[str, Torrent] = {}
        self.categories: dict[str, Category] = {}
        self.tags: dict[str, int] = {}
        self._change_log: list[tuple[int, str]] = []
        self._removed_log: list[tuple[int, str]] = []
        self._categories_removed: list[tuple[int, str]] = []
        self._tags_removed: list[tuple[int, str]] = []
        self._random = random.Random(seed)
        self._serial = 0
        self._queue_length = 0
        self._now = now if now is not None else time.time()
        # Hash -> real fields hidden while loading resume data after a restart.
        self._resuming: dict[str, dict[str, Any]] = {}
        # An empty population is an empty server: no categories or tags either.
        if count:
            for name in ("linux", "movies", "music", "books"):
                self.add_category(name, "")
            if profile.has_tags:
                for tag in ("hd", "private"):
                    self.add_tag(tag)
        for _ in range(count):
            self._insert(self._random_torrent())

    # --- creation ---------------------------------------------------------

    def _next_hash(self) -> str:
        self._serial += 1
        material = f"{self._random.random()}:{self._serial}".encode()
        return hashlib.sha1(material, usedforsecurity=False).hexdigest()

    def _random_torrent(self) -> dict[str, Any]:
        rng = self._random
        size = rng.randint(20 * _MIB, 40 * _GIB)
        roll = rng.random()
        if roll < 0.55:
            progress = 1.0
        elif roll < 0.9:
            progress = round(rng.random(), 4)
        else:
            progress = 0.0
        added_on = int(self._now) - rng.randint(60, 90 * 86400)
        name = "-".join(rng.sample(_NAME_WORDS, 2)) + f"-{rng.randint(1, 999)}"
        fields = self._base_fields(
            name=name,
            size=size,
            progress=progress,
            added_on=added_on,
            category=rng.choice(_DEFAULT_CATEGORIES),
            tags=rng.choice(_DEFAULT_TAGS) if self.profile.has_tags else "",
            tracker=rng.choice(_TRACKERS),
        )
        paused = rng.random() < 0.1
        self._apply_activity(fields, paused=paused)
        if progress >= 1:
            fields["completion_on"] = added_on + rng.randint(60, 86400)
            fields["uploaded"] = int(size * rng.uniform(0, 3))
            fields["ratio"] = round(fields["uploaded"] / max(size, 1), 4)
        return fields

    def _base_fields(
        self,
        *,
        name: str,
        size: int,
        progress: float,
        added_on: int,
        category: str,
        tags: str,
        tracker: str,
        save_path: str | None = None,
    ) -> dict[str, Any]:
        downloaded = int(size * progress)
        return {
            "added_on": added_on,
            "amount_left": size - downloaded,
            "auto_tmm": False,
            "availability": 0,
            "category": category,
            "comment": "",
            "completed": downloaded,
            "completion_on": NEVER,
            "content_path": f"{save_path or self.save_path}/{name}",
            "dl_limit": self.profile.unlimited_torrent_limit,
            "dlspeed": 0,
            "download_path": "",
            "downloaded": downloaded,
            "downloaded_session": 0,
            "eta": 8640000,
            "f_l_piece_prio": False,
            "force_start": False,
            "has_metadata": size > 0,
            "last_activity": added_on,
            "max_ratio": -1,
            "max_seeding_time": -1,
            "name": name,
            "num_complete": 0,
            "num_incomplete": 0,
            "num_leechs": 0,
            "num_seeds": 0,
            "popularity": 0,
            "priority": 0,
            "progress": progress,
            "ratio": 0,
            "ratio_limit": -2,
            "save_path": save_path or self.save_path,
            "seeding_time": 0,
            "seeding_time_limit": -2,
            "seen_complete": NEVER,
            "seq_dl": False,
            "size": size,
            "state": "",
            "super_seeding": False,
            "tags": tags,
            "time_active": 0,
            "total_size": size if size > 0 else -1,
            "tracker": tracker,
            "trackers_count": 1 if tracker else 0,
            "up_limit": self.profile.unlimited_torrent_limit,
            "uploaded": 0,
            "uploaded_session": 0,
            "upspeed": 0,
        }

    def _apply_activity(self, fields: dict[str, Any], *, paused: bool) -> None:
        """Set state, speeds and ETA coherently for a torrent's progress."""
        rng = self._random
        finished = fields["progress"] >= 1
        stopped_up, stopped_dl = self.profile.stopped_states
        if paused:
            fields.update(
                state=stopped_up if finished else stopped_dl,
                dlspeed=0,
                upspeed=0,
                eta=8640000,
                num_seeds=0,
                num_leechs=0,
            )
        elif not fields["has_metadata"]:
            fields.update(state="metaDL", dlspeed=0, upspeed=0, eta=8640000)
        elif finished:
            uploading = rng.random() < 0.3
            fields.update(
                state="uploading" if uploading else "stalledUP",
                dlspeed=0,
                upspeed=rng.randint(1024, 4 * _MIB) if uploading else 0,
                eta=8640000,
                num_leechs=rng.randint(1, 20) if uploading else 0,
                num_seeds=0,
            )
        else:
            speed = rng.randint(16 * 1024, 20 * _MIB) if rng.random() < 0.7 else 0
            fields.update(
                state="downloading" if speed else "stalledDL",
                dlspeed=speed,
                upspeed=rng.randint(0, 512 * 1024) if speed else 0,
                eta=(fields["amount_left"] // speed) if speed else 8640000,
                num_seeds=rng.randint(1, 50) if speed else 0,
                num_leechs=rng.randint(0, 30),
            )
        if not finished:
            fields["priority"] = fields["priority"] or self._next_queue_position()

    def _next_queue_position(self) -> int:
        self._queue_length += 1
        return self._queue_length

    def _insert(self, fields: dict[str, Any], torrent_hash: str | None = None) -> str:
        self.revision += 1
        torrent_hash = torrent_hash or self._next_hash()
        fields["infohash_v1"] = torrent_hash
        fields["infohash_v2"] = ""
        fields["magnet_uri"] = f"magnet:?xt=urn:btih:{torrent_hash}&dn={fields['name']}"
        self.torrents[torrent_hash] = Torrent(
            hash=torrent_hash,
            fields=fields,
            added_revision=self.revision,
            field_revisions=dict.fromkeys(fields, self.revision),
        )
        self._change_log.append((self.revision, torrent_hash))
        return torrent_hash

    # --- mutations ----------------------------------------------------------

    def update(self, torrent_hash: str, **changes: Any) -> None:
        """Change fields of one torrent, recording only real changes."""
        torrent = self.torrents[torrent_hash]
        changed = [k for k, v in changes.items() if torrent.fields.get(k) != v]
        if not changed:
            return
        self.revision += 1
        for key in changed:
            torrent.fields[key] = changes[key]
            torrent.field_revisions[key] = self.revision
        self._change_log.append((self.revision, torrent_hash))

    def add(
        self,
        *,
        torrent_hash: str | None = None,
        name: str | None = None,
        save_path: str | None = None,
        category: str = "",
        tags: str = "",
        paused: bool = False,
        metadata: bool = True,
        dl_limit: int | None = None,
        up_limit: int | None = None,
        announce: str = "",
        metainfo: bytes = b"",
    ) -> str:
        """Add a torrent (as ``torrents/add`` would) and return its hash.

        ``announce`` is the .torrent file's tracker: ``torrents/trackers``
        lists it, while ``tracker`` stays empty until an announce works.
        ``metainfo`` is the .torrent file itself, which ``torrents/export``
        gives back.
        """
        rng = self._random
        size = rng.randint(20 * _MIB, 8 * _GIB) if metadata else 0
        torrent_hash = torrent_hash or self._next_hash()
        fields = self._base_fields(
            name=name or torrent_hash,
            size=size,
            progress=0.0,
            added_on=int(time.time()),
            category=category,
            tags=tags,
            tracker="",
            save_path=save_path,
        )
        if dl_limit is not None:
            fields["dl_limit"] = dl_limit
        if up_limit is not None:
            fields["up_limit"] = up_limit
        fields.update(announce=announce, metainfo=metainfo)
        if category and category not in self.categories:
            self.add_category(category, "")
        for tag in filter(None, tags.split(",")):
            self.add_tag(tag)
        self._apply_activity(fields, paused=paused)
        return self._insert(fields, torrent_hash)

    def remove(self, torrent_hash: str) -> None:
        """Delete a torrent."""
        if self.torrents.pop(torrent_hash, None) is None:
            return
        self.revision += 1
        self._removed_log.append((self.revision, torrent_hash))

    def pause(self, torrent_hash: str) -> None:
        """Stop a torrent (the version decides whether that is "paused")."""
        torrent = self.torrents[torrent_hash]
        stopped_up, stopped_dl = self.profile.stopped_states
        self.update(
            torrent_hash,
            state=stopped_up if torrent.finished else stopped_dl,
            dlspeed=0,
            upspeed=0,
            eta=8640000,
            num_seeds=0,
            num_leechs=0,
            force_start=False,
        )

    def resume(self, torrent_hash: str, *, forced: bool = False) -> None:
        """Start a torrent again."""
        torrent = self.torrents[torrent_hash]
        if not torrent.fields["has_metadata"]:
            state = "forcedMetaDL" if forced else "metaDL"
        elif torrent.finished:
            state = "forcedUP" if forced else "stalledUP"
        else:
            state = "forcedDL" if forced else "stalledDL"
        self.update(torrent_hash, state=state, force_start=forced)

    def recheck(self, torrent_hash: str) -> None:
        """Start a recheck."""
        torrent = self.torrents[torrent_hash]
        state = "checkingUP" if torrent.finished else "checkingDL"
        self.update(torrent_hash, state=state, dlspeed=0, upspeed=0)

    def complete(self, torrent_hash: str, *, when: int | None = None) -> None:
        """Finish downloading: progress 1, completion time set, seeding."""
        torrent = self.torrents[torrent_hash]
        size = torrent.fields["size"] or self._random.randint(20 * _MIB, _GIB)
        uploading = self._random.random() < 0.5
        self.update(
            torrent_hash,
            has_metadata=True,
            size=size,
            total_size=size,
            progress=1.0,
            amount_left=0,
            completed=size,
            downloaded=max(torrent.fields["downloaded"], size),
            completion_on=when if when is not None else int(time.time()),
            state="uploading" if uploading else "stalledUP",
            dlspeed=0,
            upspeed=self._random.randint(1024, _MIB) if uploading else 0,
            eta=8640000,
            priority=0,
        )

    def begin_resume_check(self, *, hide_progress: bool) -> None:
        """List every torrent as ``checkingResumeData``, as just after a restart.

        Real servers do so for about 1.4 s after their WebUI answers; 5.3.0
        also shows progress 0 and ``amount_left`` = size meanwhile (4.5.2 and
        5.1.0 keep the real progress), with ``completion_on`` kept.
        """
        self.end_resume_check()
        for torrent_hash, torrent in self.torrents.items():
            fields = torrent.fields
            self._resuming[torrent_hash] = {
                key: fields[key]
                for key in ("state", "progress", "amount_left", "completed")
            }
            hidden = (
                {"progress": 0, "amount_left": fields["size"], "completed": 0}
                if hide_progress
                else {}
            )
            self.update(
                torrent_hash,
                state="checkingResumeData",
                dlspeed=0,
                upspeed=0,
                **hidden,
            )

    def end_resume_check(self) -> None:
        """Every torrent loaded: back to its real state and progress."""
        resuming, self._resuming = self._resuming, {}
        for torrent_hash, fields in resuming.items():
            if torrent_hash in self.torrents:
                self.update(torrent_hash, **fields)

    @property
    def resume_check_pending(self) -> bool:
        """Whether torrents are still listed as ``checkingResumeData``."""
        return bool(self._resuming)

    def jiggle(self, torrent_hash: str) -> None:
        """Move speeds and progress a little, like a live torrent does."""
        torrent = self.torrents[torrent_hash]
        rng = self._random
        fields = torrent.fields
        if (
            fields["state"] in self.profile.stopped_states
            or torrent_hash in self._resuming
        ):
            return
        if torrent.finished:
            upspeed = rng.randint(0, 4 * _MIB) if rng.random() < 0.5 else 0
            uploaded = fields["uploaded"] + upspeed
            self.update(
                torrent_hash,
                upspeed=upspeed,
                uploaded=uploaded,
                ratio=round(uploaded / max(fields["size"], 1), 4),
                state="uploading" if upspeed else "stalledUP",
            )
            return
        if not fields["has_metadata"]:
            return
        speed = rng.randint(16 * 1024, 20 * _MIB)
        downloaded = min(fields["size"], fields["downloaded"] + speed * 5)
        if downloaded >= fields["size"]:
            self.complete(torrent_hash)
            return
        left = fields["size"] - downloaded
        self.update(
            torrent_hash,
            dlspeed=speed,
            downloaded=downloaded,
            completed=downloaded,
            amount_left=left,
            progress=round(downloaded / fields["size"], 4),
            eta=left // speed,
            state="downloading",
        )

    def add_category(self, name: str, save_path: str) -> bool:
        """Create a category; False when it already exists."""
        if name in self.categories:
            return False
        self.revision += 1
        self.categories[name] = Category(name, save_path, self.revision)
        return True

    def edit_category(self, name: str, save_path: str) -> None:
        """Change a category's save path."""
        self.revision += 1
        self.categories[name] = Category(name, save_path, self.revision)

    def remove_category(self, name: str) -> None:
        """Delete a category; its torrents lose it."""
        if self.categories.pop(name, None) is None:
            return
        self.revision += 1
        self._categories_removed.append((self.revision, name))
        for torrent in list(self.torrents.values()):
            if torrent.fields["category"] == name:
                self.update(torrent.hash, category="")

    def add_tag(self, name: str) -> None:
        """Create a tag if it does not exist."""
        if name in self.tags:
            return
        self.revision += 1
        self.tags[name] = self.revision

    def remove_tag(self, name: str) -> None:
        """Delete a tag; its torrents lose it."""
        if self.tags.pop(name, None) is None:
            return
        self.revision += 1
        self._tags_removed.append((self.revision, name))
        for torrent in list(self.torrents.values()):
            tags = [t for t in torrent.fields["tags"].split(",") if t]
            if name in tags:
                tags.remove(name)
                self.update(torrent.hash, tags=",".join(tags))

    def churn(
        self, *, added: int = 0, removed: int = 0, completed: int = 0, changed: int = 0
    ) -> None:
        """Script a round of activity: adds, removals, completions, changes."""
        rng = self._random
        for _ in range(added):
            self._insert(self._random_torrent())
        hashes = list(self.torrents)
        for torrent_hash in rng.sample(hashes, min(removed, len(hashes))):
            self.remove(torrent_hash)
        unfinished = [
            t.hash
            for t in self.torrents.values()
            if not t.finished
            and t.fields["state"] not in self.profile.stopped_states
            and t.hash not in self._resuming
        ]
        for torrent_hash in rng.sample(unfinished, min(completed, len(unfinished))):
            self.complete(torrent_hash)
        hashes = list(self.torrents)
        for torrent_hash in rng.sample(hashes, min(changed, len(hashes))):
            self.jiggle(torrent_hash)

    # --- diffs ----------------------------------------------------------------

    def changed_since(self, revision: int) -> dict[str, list[str] | None]:
        """Torrents changed after ``revision``: hash -> changed field names.

        ``None`` means the torrent is new since then (send all its fields).
        """
        start = bisect.bisect_right(self._change_log, (revision, "\uffff"))
        result: dict[str, list[str] | None] = {}
        for _, torrent_hash in self._change_log[start:]:
            if torrent_hash in result:
                continue
            torrent = self.torrents.get(torrent_hash)
            if torrent is None:
                continue
            if torrent.added_revision > revision:
                result[torrent_hash] = None
            else:
                result[torrent_hash] = [
                    key
                    for key, stamp in torrent.field_revisions.items()
                    if stamp > revision
                ]
        return result

    def removed_since(self, revision: int) -> list[str]:
        """Hashes removed after ``revision`` that are not back again."""
        start = bisect.bisect_right(self._removed_log, (revision, "\uffff"))
        return list(
            dict.fromkeys(
                h for _, h in self._removed_log[start:] if h not in self.torrents
            )
        )

    def categories_removed_since(self, revision: int) -> list[str]:
        """Category names removed after ``revision``."""
        start = bisect.bisect_right(self._categories_removed, (revision, "\uffff"))
        return [
            n for _, n in self._categories_removed[start:] if n not in self.categories
        ]

    def tags_removed_since(self, revision: int) -> list[str]:
        """Tag names removed after ``revision``."""
        start = bisect.bisect_right(self._tags_removed, (revision, "\uffff"))
        return [n for _, n in self._tags_removed[start:] if n not in self.tags]
