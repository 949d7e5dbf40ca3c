"""Torrent selection and presentation for the actions."""

from typing import TYPE_CHECKING, Any

from .qbittorrent_webui_client import StatusGroup, Torrent, TorrentFilter

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import datetime


def matches_state(torrent: Torrent, state: str) -> bool:
    """Whether ``torrent`` is in the ``get_torrents`` state.

    A status group where one has the name (the groups the sensors count), else
    the library's filter of that name (all, completed, active, inactive).
    """
    if state in StatusGroup:
        return StatusGroup(state).matches(torrent)
    return TorrentFilter(state).matches(torrent)


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
