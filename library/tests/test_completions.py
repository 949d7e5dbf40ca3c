"""A completion means a torrent really finished downloading.

States that carry no download progress (resume-data checks, rechecks,
moving, metadata, errors) neither start nor end a download, and a new server
session is not progress: qBittorrent 5.3.0 lists every torrent as
``checkingResumeData`` with progress 0 for about a second after a restart.
"""

from __future__ import annotations

from typing import Any

import pytest

from qbittorrent_tooling.pytest_plugin import (
    EMULATED_VERSIONS,
    ClientFactory,
    EmulatorStarter,
)
from qbittorrent_webui_client import TorrentStatus
from qbittorrent_webui_client._parse import torrent_from_api
from qbittorrent_webui_client._sync import SyncEngine

HASH = "a" * 40
SIZE = 1000
FINISHED_AT = 1_796_000_000

FINISHED = {
    "state": "stalledUP",
    "progress": 1,
    "amount_left": 0,
    "size": SIZE,
    "completion_on": FINISHED_AT,
}
# What real 5.3.0 lists for a finished torrent just after a restart.
LOADING_RESUME_DATA = FINISHED | {
    "state": "checkingResumeData",
    "progress": 0,
    "amount_left": SIZE,
}
HALF_DONE = {
    "state": "downloading",
    "progress": 0.5,
    "amount_left": SIZE // 2,
    "size": SIZE,
    "completion_on": -1,
}


def full(rid: int, **torrents: dict[str, Any]) -> dict[str, Any]:
    return {"rid": rid, "full_update": True, "torrents": torrents}


def delta(rid: int, **torrents: dict[str, Any]) -> dict[str, Any]:
    return {"rid": rid, "torrents": torrents}


def completions(engine: SyncEngine, *answers: dict[str, Any]) -> list[str]:
    """Hashes reported completed over a series of maindata answers."""
    return [
        torrent.hash
        for answer in answers
        for torrent in engine.apply_maindata(answer).completed
    ]


def started(first: dict[str, Any]) -> SyncEngine:
    engine = SyncEngine()
    engine.apply_maindata(full(1, **{HASH: first}))
    return engine


def test_restart_of_a_finished_torrent_is_no_completion() -> None:
    engine = started(FINISHED)
    engine.reset_session()  # qBittorrent restarted: a new login, rid 0

    reported = completions(
        engine,
        full(1, **{HASH: LOADING_RESUME_DATA}),
        delta(2, **{HASH: {"state": "stalledUP", "progress": 1, "amount_left": 0}}),
    )

    assert reported == []


def test_resume_data_window_seen_as_deltas_is_no_completion() -> None:
    engine = started(FINISHED)

    reported = completions(
        engine,
        delta(2, **{HASH: {"state": "checkingResumeData", "progress": 0}}),
        delta(3, **{HASH: {"amount_left": SIZE}}),
        delta(4, **{HASH: {"state": "queuedUP", "progress": 1, "amount_left": 0}}),
        delta(5, **{HASH: {"state": "stalledUP"}}),
    )

    assert reported == []


def test_a_finished_download_completes_once() -> None:
    engine = started(HALF_DONE)

    reported = completions(
        engine,
        delta(2, **{HASH: {"progress": 0.9, "amount_left": 100}}),
        delta(3, **{HASH: {"state": "stalledUP", "progress": 1, "amount_left": 0}}),
        delta(4, **{HASH: {"state": "uploading"}}),
        full(1, **{HASH: FINISHED}),
    )

    assert reported == [HASH]


def test_a_torrent_checked_from_the_start_completes_once() -> None:
    engine = SyncEngine()
    engine.apply_maindata(full(1))
    checking = FINISHED | {
        "state": "checkingDL",
        "progress": 0.2,
        "amount_left": 800,
        "completion_on": -1,
    }

    first = engine.apply_maindata(delta(2, **{HASH: checking}))
    reported = completions(
        engine,
        delta(3, **{HASH: {"progress": 0.7, "amount_left": 300}}),
        delta(4, **{HASH: {"state": "stalledUP", "progress": 1, "amount_left": 0}}),
        delta(5, **{HASH: {"state": "uploading"}}),
    )

    assert [t.hash for t in first.added] == [HASH]
    assert reported == [HASH]


def test_first_seen_loading_resume_data_is_no_completion() -> None:
    # Home Assistant and qBittorrent started together: the baseline lands in
    # the window, so nothing is known about these torrents' downloads.
    engine = started(LOADING_RESUME_DATA)

    reported = completions(
        engine,
        delta(2, **{HASH: {"state": "stalledUP", "progress": 1, "amount_left": 0}}),
    )

    assert reported == []


@pytest.mark.parametrize(
    "interlude",
    [
        {"state": "checkingUP", "progress": 0.3, "amount_left": 700},  # recheck
        {"state": "moving", "progress": 0, "amount_left": SIZE},
        {"state": "missingFiles", "progress": 0, "amount_left": SIZE},
        {"state": "error", "progress": 0, "amount_left": SIZE},
        {"state": "allocating", "progress": 0, "amount_left": SIZE},
        {"state": "someFutureState", "progress": 0, "amount_left": SIZE},
    ],
    ids=lambda interlude: interlude["state"],
)
def test_no_progress_states_keep_a_finished_torrent_finished(
    interlude: dict[str, Any],
) -> None:
    engine = started(FINISHED)

    reported = completions(
        engine,
        delta(2, **{HASH: interlude}),
        delta(3, **{HASH: {"state": "stalledUP", "progress": 1, "amount_left": 0}}),
    )

    assert reported == []


def test_a_download_interrupted_by_a_check_still_completes_once() -> None:
    engine = started(HALF_DONE)

    reported = completions(
        engine,
        delta(2, **{HASH: {"state": "checkingDL", "progress": 0.1}}),
        delta(3, **{HASH: {"state": "stalledUP", "progress": 1, "amount_left": 0}}),
    )

    assert reported == [HASH]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (FINISHED, True),
        (HALF_DONE, False),
        (LOADING_RESUME_DATA, None),
        (FINISHED | {"state": "checkingUP"}, None),
        (HALF_DONE | {"state": "metaDL"}, None),
        (FINISHED | {"state": "moving"}, None),
        # Nothing wanted (every file skipped): not a finished download.
        (FINISHED | {"progress": 0}, False),
        ({"state": "stalledUP"}, None),
    ],
)
def test_is_complete_is_unknown_without_progress(
    fields: dict[str, Any], expected: bool | None
) -> None:
    assert torrent_from_api(HASH, fields).is_complete is expected


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_emulated_restart_reports_no_completion(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version, torrent_count=12)
    finished = {h for h, fields in emulator.torrents.items() if fields["progress"] >= 1}
    assert finished
    client = client_factory(url)
    await client.sync()

    emulator.restart(resume_check_seconds=None)
    during = await client.sync()
    emulator.finish_resume_check()
    after = await client.sync()

    if emulator.profile.resume_check_hides_progress:
        assert {t.status for t in during.data.torrents.values()} == {
            TorrentStatus.CHECKING
        }
        assert all(t.progress == 0 for t in during.data.torrents.values())
    assert during.completed == ()
    assert after.completed == ()
    assert {
        h for h, torrent in after.data.torrents.items() if torrent.is_complete
    } == finished


@pytest.mark.parametrize("version", EMULATED_VERSIONS)
async def test_download_finishing_across_a_restart_completes_once(
    version: str, emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory(version, torrent_count=0)
    torrent_hash = emulator.population.add(name="almost-there")
    client = client_factory(url)
    await client.sync()

    emulator.restart(resume_check_seconds=None)
    await client.sync()
    emulator.finish_resume_check()
    emulator.population.complete(torrent_hash)
    reported = [
        torrent.hash for _ in range(2) for torrent in (await client.sync()).completed
    ]

    assert reported == [torrent_hash]


def test_sync_names_the_torrents_each_delta_changed() -> None:
    """Added, updated and removed: a poll's changes without a pass over all."""
    engine = SyncEngine()
    other = "b" * 40
    engine.apply_maindata(full(1, **{HASH: HALF_DONE, other: FINISHED}))
    new = "c" * 40

    result = engine.apply_maindata(
        {
            "rid": 2,
            "torrents": {HASH: {"progress": 0.6}, new: HALF_DONE},
            "torrents_removed": [other],
        }
    )

    assert [torrent.hash for torrent in result.added] == [new]
    assert [torrent.hash for torrent in result.updated] == [HASH]
    assert result.updated[0].progress == 0.6
    assert [torrent.hash for torrent in result.removed] == [other]
    # A full update names no updates: any torrent may have changed.
    assert engine.apply_maindata(full(3, **{HASH: FINISHED})).updated == ()
