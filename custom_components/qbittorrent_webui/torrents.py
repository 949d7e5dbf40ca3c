"""Torrent grouping and presentation shared by the sensors and the actions."""

from typing import TYPE_CHECKING, Any, Final

from .qbittorrent_webui_client import MainData, Torrent, TorrentStatus

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import datetime

# Which normalized statuses each count (and get_torrents filter) covers.
STATUS_GROUPS: Final[dict[str, frozenset[TorrentStatus]]] = {
    "downloading": frozenset(
        {
            TorrentStatus.DOWNLOADING,
            TorrentStatus.STALLED_DOWNLOADING,
            TorrentStatus.METADATA,
        }
    ),
    "seeding": frozenset({TorrentStatus.SEEDING, TorrentStatus.STALLED_SEEDING}),
    "stopped": frozenset({TorrentStatus.STOPPED}),
    "checking": frozenset({TorrentStatus.CHECKING}),
    "queued": frozenset({TorrentStatus.QUEUED}),
    "errored": frozenset({TorrentStatus.ERROR, TorrentStatus.MISSING_FILES}),
    "moving": frozenset({TorrentStatus.MOVING}),
}


def count_in_group(data: MainData, statuses: Collection[TorrentStatus]) -> int:
    """Count the torrents whose status is one of ``statuses`` (no iteration)."""
    return data.summary.count(*statuses)


def count_active(data: MainData) -> int:
    """Count the torrents that transfer data right now (no iteration)."""
    return data.summary.active


def matches_state(torrent: Torrent, state: str) -> bool:
    """Whether ``torrent`` belongs to the ``get_torrents`` state filter."""
    if state == "all":
        return True
    if state == "completed":
        return torrent.is_complete is True
    if state == "active":
        return torrent.is_active
    if state == "inactive":
        return not torrent.is_active
    return torrent.status in STATUS_GROUPS[state]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def torrent_as_dict(torrent: Torrent) -> dict[str, Any]:
    """Present a torrent as action response data (numbers stay numbers)."""
    return {
        "hash": torrent.hash,
        "name": torrent.name,
        "state": torrent.state,
        "status": torrent.status.value,
        "progress": torrent.progress,
        "size": torrent.size,
        "downloaded": torrent.downloaded,
        "uploaded": torrent.uploaded,
        "amount_left": torrent.amount_left,
        "download_speed": torrent.download_speed,
        "upload_speed": torrent.upload_speed,
        "ratio": torrent.ratio,
        "eta": torrent.eta,
        "seeds": torrent.seeds,
        "leechers": torrent.leechers,
        "category": torrent.category,
        "tags": sorted(torrent.tags),
        "save_path": torrent.save_path,
        "added_on": _iso(torrent.added_on),
        "completion_on": _iso(torrent.completion_on),
        "priority": torrent.priority,
        "force_start": torrent.force_start,
        "download_limit": torrent.download_limit,
        "upload_limit": torrent.upload_limit,
    }


def sort_torrents(
    torrents: Collection[Torrent], key: str, *, reverse: bool
) -> list[Torrent]:
    """Sort torrents by an attribute; unknown values always come last."""
    known = [t for t in torrents if getattr(t, key) is not None]
    unknown = [t for t in torrents if getattr(t, key) is None]
    known.sort(
        key=lambda torrent: (
            getattr(torrent, key).casefold()
            if isinstance(getattr(torrent, key), str)
            else getattr(torrent, key)
        ),
        reverse=reverse,
    )
    return known + unknown
