"""The torrent vocabulary: status groups, state filters, KiB/s and server labels."""

from __future__ import annotations

import pytest

from qbittorrent_webui_client import (
    MAX_SPEED_LIMIT,
    MAX_SPEED_LIMIT_KIBIBYTES,
    Capabilities,
    Generation,
    ServerInfo,
    StatusGroup,
    Torrent,
    TorrentFilter,
    TorrentStatus,
    bytes_to_kibibytes,
    kibibytes_to_bytes,
)
from qbittorrent_webui_client._dialect import ListQuery
from qbittorrent_webui_client._parse import status_of

# Every raw state qBittorrent 3.1-5.3 reports, and one it never did.
RAW_STATES = (
    "downloading",
    "forcedDL",
    "uploading",
    "forcedUP",
    "stalledDL",
    "stalledUP",
    "pausedDL",
    "pausedUP",
    "stoppedDL",
    "stoppedUP",
    "queuedDL",
    "queuedUP",
    "checkingDL",
    "checkingUP",
    "checkingResumeData",
    "allocating",
    "metaDL",
    "forcedMetaDL",
    "moving",
    "error",
    "missingFiles",
    "somethingNew",
)

EXPECTED_GROUPS = {
    StatusGroup.DOWNLOADING: {
        TorrentStatus.DOWNLOADING,
        TorrentStatus.STALLED_DOWNLOADING,
        TorrentStatus.METADATA,
    },
    StatusGroup.SEEDING: {TorrentStatus.SEEDING, TorrentStatus.STALLED_SEEDING},
    StatusGroup.STOPPED: {TorrentStatus.STOPPED},
    StatusGroup.CHECKING: {TorrentStatus.CHECKING},
    StatusGroup.QUEUED: {TorrentStatus.QUEUED},
    StatusGroup.ERRORED: {TorrentStatus.ERROR, TorrentStatus.MISSING_FILES},
    StatusGroup.MOVING: {TorrentStatus.MOVING},
}


def _torrent(state: str, *, speed: int = 0, amount_left: int | None = None) -> Torrent:
    return Torrent(
        hash=f"{state}-{speed}-{amount_left}",
        name=state,
        state=state,
        status=status_of(state),
        progress=None if amount_left is None else float(amount_left == 0),
        amount_left=amount_left,
        download_speed=speed,
        upload_speed=0,
    )


TORRENTS = [
    _torrent(state, speed=speed, amount_left=amount_left)
    for state in RAW_STATES
    for speed in (0, 1024)
    for amount_left in (None, 0, 1)
]


def test_status_groups_hold_what_they_name() -> None:
    assert {group: set(group.statuses) for group in StatusGroup} == EXPECTED_GROUPS


@pytest.mark.parametrize("status", list(TorrentStatus))
def test_every_known_status_is_in_exactly_one_group(status: TorrentStatus) -> None:
    groups = [group for group in StatusGroup if status in group.statuses]
    assert len(groups) == (0 if status is TorrentStatus.UNKNOWN else 1)


@pytest.mark.parametrize("group", list(StatusGroup))
def test_group_matches_by_status(group: StatusGroup) -> None:
    for torrent in TORRENTS:
        assert group.matches(torrent) is (torrent.status in group.statuses)


@pytest.mark.parametrize("status_filter", list(TorrentFilter))
def test_client_side_filtering_is_the_filters_match(
    status_filter: TorrentFilter,
) -> None:
    query = ListQuery(
        status_filter=status_filter,
        category=None,
        tag=None,
        sort=None,
        reverse=False,
        limit=None,
        offset=None,
        hashes=None,
    )
    assert query.apply(TORRENTS) == [t for t in TORRENTS if status_filter.matches(t)]


@pytest.mark.parametrize(
    ("status_filter", "group"),
    [
        (TorrentFilter.STOPPED, StatusGroup.STOPPED),
        (TorrentFilter.ERRORED, StatusGroup.ERRORED),
    ],
)
def test_filters_and_groups_of_one_name_agree(
    status_filter: TorrentFilter, group: StatusGroup
) -> None:
    for torrent in TORRENTS:
        assert status_filter.matches(torrent) is group.matches(torrent)


def test_server_downloading_and_seeding_filters_also_hold_waiting_torrents() -> None:
    """The server's filters go by raw state; the groups keep waiting ones apart."""
    by_state = {t.state: t for t in TORRENTS if t.download_speed == 0}
    assert [
        state
        for state in RAW_STATES
        if TorrentFilter.DOWNLOADING.matches(by_state[state])
        and not StatusGroup.DOWNLOADING.matches(by_state[state])
    ] == ["pausedDL", "stoppedDL", "queuedDL", "checkingDL"]
    assert [
        state
        for state in RAW_STATES
        if TorrentFilter.SEEDING.matches(by_state[state])
        and not StatusGroup.SEEDING.matches(by_state[state])
    ] == ["queuedUP", "checkingUP"]
    for group in (StatusGroup.DOWNLOADING, StatusGroup.SEEDING):
        assert all(
            TorrentFilter(group.value).matches(t) for t in TORRENTS if group.matches(t)
        )


def test_filters_that_cut_across_groups() -> None:
    for torrent in TORRENTS:
        assert TorrentFilter.ALL.matches(torrent)
        assert TorrentFilter.ACTIVE.matches(torrent) is torrent.is_active
        assert TorrentFilter.INACTIVE.matches(torrent) is not torrent.is_active
        assert TorrentFilter.COMPLETED.matches(torrent) is (torrent.is_complete is True)
        assert TorrentFilter.RUNNING.matches(torrent) is not (
            torrent.status is TorrentStatus.STOPPED
        )
        assert TorrentFilter.STALLED.matches(torrent) is (
            torrent.state in {"stalledDL", "stalledUP"}
        )


def test_kibibytes() -> None:
    assert MAX_SPEED_LIMIT_KIBIBYTES == 2_097_151
    assert kibibytes_to_bytes(MAX_SPEED_LIMIT_KIBIBYTES) == MAX_SPEED_LIMIT
    assert kibibytes_to_bytes(0.5) == 512
    assert kibibytes_to_bytes(1.0004) == 1024
    assert bytes_to_kibibytes(1536) == 1.5
    assert bytes_to_kibibytes(0) == 0


@pytest.mark.parametrize(
    ("generation", "reports_global_ratio"),
    [
        (Generation.DIGEST, False),
        (Generation.LEGACY, False),
        (Generation.MODERN, True),
    ],
)
def test_server_info_labels(
    generation: Generation, *, reports_global_ratio: bool
) -> None:
    info = ServerInfo(
        generation=generation,
        app_version="1.0",
        api_version=None,
        capabilities=Capabilities(),
    )
    assert info.model == "qBittorrent"
    assert info.reports_global_ratio is reports_global_ratio
