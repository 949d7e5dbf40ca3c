"""Large libraries: heavy merges leave the event loop, kept state stays small."""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING, Any

import pytest

from custom_components.qbittorrent_webui.webui import _sync
from custom_components.qbittorrent_webui.webui._parse import (
    TORRENT_API_FIELDS,
    torrent_from_api,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .conftest import ClientFactory, EmulatorStarter


class _RecordingFields(dict[str, Any]):
    """A torrent's raw fields that remember which keys were asked for."""

    def __init__(self, fields: Mapping[str, Any]) -> None:
        super().__init__(fields)
        self.asked: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.asked.add(key)
        return super().get(key, default)


async def test_kept_fields_are_all_the_model_reads(
    emulator_factory: EmulatorStarter,
) -> None:
    emulator, _url = await emulator_factory("5.3.0", torrent_count=1)
    torrent_hash, fields = next(iter(emulator.torrents.items()))
    recording = _RecordingFields(fields)

    torrent_from_api(torrent_hash, recording)

    # A key read but not kept would be lost on the next partial update.
    assert recording.asked <= TORRENT_API_FIELDS


async def test_large_sync_is_merged_off_the_event_loop(
    emulator_factory: EmulatorStarter,
    client_factory: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # ~1.5 KiB per torrent: 500 torrents are well above the 256 KiB threshold.
    emulator, url = await emulator_factory("5.3.0", torrent_count=500)
    client = client_factory(url)
    merged_in: list[int] = []
    original = _sync.SyncEngine.apply_maindata

    def recording_apply(
        engine: _sync.SyncEngine, payload: Mapping[str, Any]
    ) -> _sync.SyncResult:
        merged_in.append(threading.get_ident())
        return original(engine, payload)

    monkeypatch.setattr(_sync.SyncEngine, "apply_maindata", recording_apply)

    first = await client.sync()
    emulator.churn(changed=3)
    delta = await client.sync()

    loop_thread = threading.get_ident()
    assert len(first.data.torrents) == 500
    assert len(delta.data.torrents) == 500
    assert merged_in[0] != loop_thread  # the full update: in a worker thread
    assert merged_in[1] == loop_thread  # a small delta: inline


async def test_cancelled_sync_finishes_its_merge_before_the_next(
    emulator_factory: EmulatorStarter,
    client_factory: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _emulator, url = await emulator_factory("5.3.0", torrent_count=500)
    client = client_factory(url)
    merging, release = threading.Event(), threading.Event()
    original = _sync.SyncEngine.apply_maindata

    def held_apply(
        engine: _sync.SyncEngine, payload: Mapping[str, Any]
    ) -> _sync.SyncResult:
        merging.set()
        release.wait(10)
        return original(engine, payload)

    monkeypatch.setattr(_sync.SyncEngine, "apply_maindata", held_apply)
    first = asyncio.create_task(client.sync())
    assert await asyncio.to_thread(merging.wait, 10)

    first.cancel()
    second = asyncio.create_task(client.sync())
    for _ in range(5):
        await asyncio.sleep(0)
    # The worker cannot be stopped: both syncs wait for it.
    assert not first.done()
    assert not second.done()
    release.set()
    with pytest.raises(asyncio.CancelledError):
        await first
    result = await second

    # The cancelled merge completed, so this is an increment, not a baseline.
    assert not result.baseline
    assert result.added == ()
    assert len(result.data.torrents) == 500
