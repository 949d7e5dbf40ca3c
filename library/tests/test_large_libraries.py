"""Large libraries: heavy merges leave the event loop, kept state stays small."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import TYPE_CHECKING, Any

from hypothesis import given, settings, strategies as st
import pytest

from qbittorrent_tooling.emulator import QBittorrentEmulator
from qbittorrent_webui_client import _decode, _sync
from qbittorrent_webui_client._dialect import kept_torrent
from qbittorrent_webui_client._parse import (
    TORRENT_API_FIELDS,
    torrent_from_api,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from qbittorrent_tooling.pytest_plugin import ClientFactory, EmulatorStarter


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


def _answer(payload: Any) -> bytes:
    # As qBittorrent and the emulator send it: compact, UTF-8.
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


@pytest.mark.parametrize("version", ["4.0.4", "4.6.7", "5.3.0"])
def test_windowed_decode_gives_the_same_snapshots(
    version: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows far smaller than a torrent: every value crosses a window edge.
    monkeypatch.setattr(_decode, "WINDOW_BYTES", 97)
    emulator = QBittorrentEmulator(version, torrent_count=60, seed=3)
    session = emulator.start_session()
    whole, windowed = _sync.SyncEngine(), _sync.SyncEngine()
    rid = 0
    for churn in [None, {"changed": 7, "added": 2, "removed": 2, "completed": 2}]:
        if churn:
            emulator.churn(**churn)
        body = _answer(emulator.maindata(session, rid))
        assert len(body) > _decode.WINDOW_BYTES
        expected = whole.apply_maindata(json.loads(body))
        result = windowed.apply_maindata(_decode.decode_maindata(body, kept_torrent))
        assert result == expected
        rid = whole.rid
    assert len(result.data.torrents) == 60
    assert result.added
    assert result.removed


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
_TORRENTS = st.dictionaries(
    st.text(min_size=1, max_size=8),
    st.dictionaries(st.sampled_from(["name", "state", "x", "é😀"]), _JSON_VALUES)
    | _JSON_VALUES,
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(
    document=st.dictionaries(
        st.sampled_from(["rid", "torrents", "server_state", "tags", "ü"]),
        _JSON_VALUES,
    ).flatmap(
        lambda doc: st.one_of(
            st.just(doc), _TORRENTS.map(lambda torrents: {**doc, "torrents": torrents})
        )
    ),
    indent=st.sampled_from([None, 0, 2, "\t"]),
    ascii_only=st.booleans(),
    window=st.integers(min_value=1, max_value=64),
    cut=st.none() | st.integers(min_value=0, max_value=400),
)
def test_windowed_decode_agrees_with_json_loads(
    document: dict[str, Any],
    indent: int | str | None,
    ascii_only: bool,
    window: int,
    cut: int | None,
) -> None:
    body = json.dumps(document, indent=indent, ensure_ascii=ascii_only).encode()
    if cut is not None:
        body = body[:cut]  # truncated, or split inside a character

    def mark(value: Any) -> Any:
        return ("seen", value)

    try:
        expected = json.loads(body.decode("utf-8", errors="replace"), strict=False)
    except ValueError:
        expected = ValueError
    else:
        if isinstance(expected, dict) and isinstance(expected.get("torrents"), dict):
            expected["torrents"] = {k: mark(v) for k, v in expected["torrents"].items()}
    original = _decode.WINDOW_BYTES
    _decode.WINDOW_BYTES = window
    try:
        result = _decode.decode_maindata(body, mark)
    except ValueError:
        result = ValueError
    finally:
        _decode.WINDOW_BYTES = original
    assert result == expected


@pytest.mark.parametrize(
    "body",
    [
        b'[{"torrents": {}}, 1]',  # not an object
        b'{"rid": 1, "torrents": {"a": {"name": "x"}}} trailing',
        b'{"rid": 1, torrents: {}}',  # unquoted key
        b'{"rid" 1}',
        b'{"rid": 1 "torrents": {}}',
        b'{"torrents": {"a": {"name": "x"}}, "rid": 2}',  # valid
        b'{"torrents": [{"name": "x"}], "rid": 2}',  # torrents as a list
        b" \n{}\t",
    ],
)
def test_windowed_decode_of_unexpected_outlines(
    body: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_decode, "WINDOW_BYTES", 4)
    try:
        expected = json.loads(body)
    except ValueError:
        with pytest.raises(ValueError):
            _decode.decode_maindata(body, kept_torrent)
        return
    if isinstance(expected, dict) and isinstance(expected.get("torrents"), dict):
        expected["torrents"] = {
            key: kept_torrent(value) for key, value in expected["torrents"].items()
        }
    assert _decode.decode_maindata(body, kept_torrent) == expected
