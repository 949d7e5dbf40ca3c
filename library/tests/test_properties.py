# Russian unit words are test data, not look-alikes.
# ruff: noqa: RUF001
"""Property tests: translated-string parsers, the sync merge and its counts.

Any JSON-ish answer is parsed or refused with
:class:`QBittorrentUnexpectedResponseError`, never anything else.
"""

from __future__ import annotations

from collections import Counter
import itertools
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from hypothesis import HealthCheck, given, settings, strategies as st

from qbittorrent_webui_client import (
    QBittorrentUnexpectedResponseError,
    _parse,
)
from qbittorrent_webui_client._parse import (
    TORRENT_API_FIELDS,
    parse_eta,
    parse_size,
    parse_transfer_text,
    server_state_from_api,
    server_state_from_digest,
    torrent_from_api,
    torrent_from_digest,
    torrent_updated,
)
from qbittorrent_webui_client._sync import SyncEngine
from qbittorrent_webui_client.models import (
    ServerState,
    TorrentStatus,
    TorrentSummary,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from qbittorrent_webui_client.models import Torrent

UNITS = {
    "en": ("B", "KiB", "MiB", "GiB", "TiB"),
    "ru": ("Б", "КиБ", "МиБ", "ГиБ", "ТиБ"),
}
# (thousands separator, decimal separator) of the locales 3.1.6-3.1.9 used.
NUMBER_STYLES = [(",", "."), ("\u00a0", ","), (".", ","), ("", ".")]
UNKNOWN = ["Unknown", "Неизвестно", "", "∞", "n/a"]


def format_number(value: float, decimals: int, style: tuple[str, str]) -> str:
    grouping, decimal = style
    whole, _, fraction = f"{value:,.{decimals}f}".partition(".")
    whole = whole.replace(",", grouping)
    return f"{whole}{decimal}{fraction}" if decimals else whole


@st.composite
def friendly_sizes(draw: st.DrawFn) -> tuple[str, int]:
    """A size as qBittorrent 3.1.x prints it, and the bytes it stands for."""
    power = draw(st.integers(0, 4))
    language = draw(st.sampled_from(sorted(UNITS)))
    style = draw(st.sampled_from(NUMBER_STYLES))
    if power == 0:
        amount = float(draw(st.integers(0, 1023)))
        decimals = 0
    else:
        tenths = draw(st.integers(10, 10239 if power < 4 else 10_000_000))
        amount = tenths / 10
        decimals = 1
    text = f"{format_number(amount, decimals, style)} {UNITS[language][power]}"
    return text, round(amount * 1024**power)


@given(friendly_sizes())
def test_sizes_parse_to_their_value(sample: tuple[str, int]) -> None:
    text, expected = sample
    assert parse_size(text) == expected
    assert parse_size(text + "/s") == expected
    assert parse_size(text + "/с") == expected


@given(st.sampled_from(UNKNOWN))
def test_unknown_sizes_stay_unknown(text: str) -> None:
    assert parse_size(text) is None


@given(st.text(alphabet=st.characters(categories=["L", "P", "Zs"]), max_size=30))
def test_text_without_digits_is_never_a_number(text: str) -> None:
    assert parse_size(text) is None
    assert parse_transfer_text(text) == (None, None)


@given(friendly_sizes(), friendly_sizes(), st.sampled_from(["en", "en-3.1.10", "ru"]))
def test_transfer_strings(
    speed: tuple[str, int], total: tuple[str, int], template: str
) -> None:
    texts = {
        "en": f"D: {speed[0]}/s - T: {total[0]}",
        # 3.1.10-3.1.12 append "/s" twice.
        "en-3.1.10": f"D: {speed[0]}/s/s - T: {total[0]}",
        "ru": f"Приём: {speed[0]}/с - Передано: {total[0]}",
    }
    assert parse_transfer_text(texts[template]) == (speed[1], total[1])


@given(st.integers(0, 8_639_999), st.sampled_from(["en", "ru"]))
def test_eta_strings(seconds: int, language: str) -> None:
    day, hour, minute = {"en": ("d", "h", "m"), "ru": ("д", "ч", "м")}[language]
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if seconds < 60:
        text, expected = f"< 1{minute}", 0
    elif seconds < 3600:
        text, expected = f"{minutes}{minute}", minutes * 60
    elif seconds < 86400:
        text, expected = f"{hours}{hour} {minutes}{minute}", hours * 3600 + minutes * 60
    else:
        text, expected = f"{days}{day} {hours}{hour}", days * 86400 + hours * 3600
    assert parse_eta(text) == expected
    assert parse_eta("∞") is None
    assert parse_eta("0") == 0
    assert parse_eta(f"{hours}x") is None


# --- sync merge ---------------------------------------------------------------

HASHES = [f"{n:040x}" for n in range(8)]
torrent_fields = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["a", "b", "c"]),
        "state": st.sampled_from(["downloading", "pausedDL", "stoppedUP", "stalledUP"]),
        "progress": st.sampled_from([0.0, 0.5, 1.0]),
        "amount_left": st.sampled_from([0, 10]),
        "dlspeed": st.integers(0, 3),
        "category": st.sampled_from(["", "x", "y"]),
    }
)
server_states = st.fixed_dictionaries(
    {
        "dl_info_speed": st.integers(0, 3),
        "connection_status": st.sampled_from(["connected", "firewalled"]),
        "use_alt_speed_limits": st.booleans(),
    }
)
states = st.tuples(
    st.dictionaries(st.sampled_from(HASHES), torrent_fields, max_size=6),
    server_states,
    st.sets(st.sampled_from(["x", "y", "z"])),
    st.sets(st.sampled_from(["t1", "t2"])),
)

type State = tuple[dict[str, dict[str, Any]], dict[str, Any], set[str], set[str]]


def full_update(state: State, rid: int) -> dict[str, Any]:
    torrents, server_state, categories, tags = state
    return {
        "rid": rid,
        "full_update": True,
        "torrents": torrents,
        "server_state": server_state,
        "categories": {name: {"name": name, "savePath": ""} for name in categories},
        "tags": sorted(tags),
    }


def delta(before: State, after: State, rid: int) -> dict[str, Any]:
    """What qBittorrent sends between two states: only changed fields."""
    torrents: dict[str, Any] = {}
    for torrent_hash, fields in after[0].items():
        old = before[0].get(torrent_hash)
        changed = {k: v for k, v in fields.items() if old is None or old.get(k) != v}
        if changed:
            torrents[torrent_hash] = changed
    payload: dict[str, Any] = {"rid": rid}
    if torrents:
        payload["torrents"] = torrents
    if removed := sorted(set(before[0]) - set(after[0])):
        payload["torrents_removed"] = removed
    if changed_state := {k: v for k, v in after[1].items() if before[1].get(k) != v}:
        payload["server_state"] = changed_state
    if new_categories := sorted(after[2] - before[2]):
        payload["categories"] = {n: {"name": n, "savePath": ""} for n in new_categories}
    if gone := sorted(before[2] - after[2]):
        payload["categories_removed"] = gone
    if new_tags := sorted(after[3] - before[3]):
        payload["tags"] = new_tags
    if gone_tags := sorted(before[3] - after[3]):
        payload["tags_removed"] = gone_tags
    return payload


@settings(max_examples=200)
@given(st.lists(states, min_size=2, max_size=6))
def test_partial_updates_equal_the_full_state(history: list[State]) -> None:
    engine = SyncEngine()
    engine.apply_maindata(full_update(history[0], 1))
    for rid, (before, after) in enumerate(itertools.pairwise(history), 2):
        result = engine.apply_maindata(delta(before, after, rid))

        reference = SyncEngine()
        expected = reference.apply_maindata(full_update(after, rid)).data
        assert result.data == expected
        assert {t.hash for t in result.added} == set(after[0]) - set(before[0])
        assert {t.hash for t in result.removed} == set(before[0]) - set(after[0])
        assert not result.full_update
        assert engine.rid == rid


@settings(max_examples=100)
@given(states, states)
def test_full_update_after_relogin_is_diffed(first: State, second: State) -> None:
    engine = SyncEngine()
    engine.apply_maindata(full_update(first, 1))

    engine.reset_session()
    result = engine.apply_maindata(full_update(second, 1))

    assert result.full_update
    assert not result.baseline
    assert {t.hash for t in result.added} == set(second[0]) - set(first[0])
    assert {t.hash for t in result.removed} == set(first[0]) - set(second[0])
    completed = {
        h
        for h, fields in second[0].items()
        if h in first[0]
        and fields["amount_left"] == 0
        and fields["progress"] != 0
        and not (first[0][h]["amount_left"] == 0 and first[0][h]["progress"] != 0)
    }
    assert {t.hash for t in result.completed} == completed


# --- torrent counts kept while merging -------------------------------------------

# Raw states of every normalized status, plus one no server sends.
RAW_STATES = [
    "downloading",
    "forcedDL",
    "uploading",
    "stalledDL",
    "stalledUP",
    "pausedDL",
    "stoppedUP",
    "queuedUP",
    "checkingDL",
    "metaDL",
    "moving",
    "error",
    "missingFiles",
    "someFutureState",
]
speeds = st.sampled_from([0, 0, 1, 5_000])
partial_fields = st.fixed_dictionaries(
    {},
    optional={
        "state": st.sampled_from(RAW_STATES),
        "dlspeed": speeds,
        "upspeed": speeds,
        "progress": st.sampled_from([0.0, 0.5, 1.0]),
    },
)
populations = st.dictionaries(st.sampled_from(HASHES), partial_fields, max_size=8)
# One poll's answer: a delta naming changed (or new) torrents and removed ones,
# or a full update replacing everything.
polls = st.one_of(
    st.tuples(
        st.just("delta"),
        populations,
        st.lists(st.sampled_from(HASHES), max_size=3),
    ),
    st.tuples(st.just("full"), populations, st.just([])),
)


def counted_from_scratch(torrents: Iterable[Torrent]) -> TorrentSummary:
    """The summary by plain counting, the way the sensors used to."""
    everything = list(torrents)
    return TorrentSummary(
        total=len(everything),
        active=sum(bool(t.download_speed) or bool(t.upload_speed) for t in everything),
        status_counts=MappingProxyType(Counter(t.status for t in everything)),
    )


@settings(max_examples=300)
@given(populations, st.lists(polls, max_size=10))
def test_summary_follows_every_merge(
    first: dict[str, dict[str, Any]],
    history: list[tuple[str, dict[str, dict[str, Any]], list[str]]],
) -> None:
    engine = SyncEngine()
    result = engine.apply_maindata({"rid": 1, "full_update": True, "torrents": first})
    assert result.data.summary == counted_from_scratch(result.data.torrents.values())
    for rid, (kind, torrents, removed) in enumerate(history, 2):
        payload: dict[str, Any] = {"rid": rid, "torrents": torrents}
        if kind == "full":
            payload["full_update"] = True
        else:
            payload["torrents_removed"] = removed
        result = engine.apply_maindata(payload)

        summary = result.data.summary
        assert summary == counted_from_scratch(result.data.torrents.values())
        assert summary.count(*TorrentStatus) == summary.total


@settings(max_examples=300)
@given(populations, st.lists(polls, max_size=12))
def test_snapshots_share_a_base_and_stay_as_published(
    first: dict[str, dict[str, Any]],
    history: list[tuple[str, dict[str, dict[str, Any]], list[str]]],
) -> None:
    engine = SyncEngine()
    published = [
        engine.apply_maindata({"rid": 1, "full_update": True, "torrents": first})
    ]
    seen = [list(published[0].data.torrents.items())]
    for rid, (kind, torrents, removed) in enumerate(history, 2):
        payload: dict[str, Any] = {"rid": rid, "torrents": torrents}
        if kind == "full":
            payload["full_update"] = True
        else:
            payload["torrents_removed"] = removed
        result = engine.apply_maindata(payload)
        snapshot = result.data.torrents
        # In the engine's order, with every Mapping method agreeing.
        assert list(snapshot.items()) == list(engine._torrents.items())
        assert list(snapshot.values()) == list(engine._torrents.values())
        assert len(snapshot) == len(engine._torrents)
        assert repr(snapshot) == f"TorrentMap({dict(engine._torrents)!r})"
        for torrent_hash in HASHES:
            assert (torrent_hash in snapshot) == (torrent_hash in engine._torrents)
            assert snapshot.get(torrent_hash) == engine._torrents.get(torrent_hash)
        assert (snapshot == published[-1].data.torrents) == (
            dict(snapshot) == dict(published[-1].data.torrents)
        )
        published.append(result)
        seen.append(list(snapshot.items()))
    # Later merges never change what an earlier snapshot shows.
    assert [list(r.data.torrents.items()) for r in published] == seen


@settings(max_examples=100)
@given(st.lists(populations, min_size=1, max_size=5))
def test_summary_of_full_lists(history: list[dict[str, dict[str, Any]]]) -> None:
    # 3.1.x: every poll replaces the whole list.
    engine = SyncEngine()
    for torrents in history:
        parsed = [torrent_from_api(h, fields) for h, fields in torrents.items()]
        result = engine.apply_full_lists(parsed, ServerState())

        assert result.data.summary == counted_from_scratch(parsed)


# --- any JSON-ish answer --------------------------------------------------------

# Values a JSON decoder can produce, with the extremes that broke parsing:
# timestamps beyond dates, ints beyond floats, NaN and infinities.
EXTREMES = [1e18, -1e18, 10**400, -(10**400), 2**63, float("nan"), float("inf"), -1]
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.sampled_from(EXTREMES),
    st.text(max_size=12),
    st.sampled_from(
        ["", "1e18", "NaN", "1,5", "∞", "12 MiB", "-", "checkingResumeData"]
    ),
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
raw_torrents = st.dictionaries(
    st.sampled_from(sorted(TORRENT_API_FIELDS | {"hash", "unknown_field"})),
    json_values,
    max_size=10,
)
# The first draws build these strategies, slowly on a busy machine.
any_json = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
SECTIONS = [
    "rid",
    "full_update",
    "torrents",
    "torrents_removed",
    "server_state",
    "categories",
    "labels",
    "categories_removed",
    "tags",
    "tags_removed",
]
maindata_answers = st.dictionaries(
    st.sampled_from(SECTIONS),
    st.one_of(
        json_values,
        st.dictionaries(st.sampled_from(HASHES), raw_torrents, max_size=3),
        st.dictionaries(st.text(max_size=12), json_values, max_size=4),
    ),
)


@any_json
@given(raw_torrents)
def test_any_torrent_fields_parse(raw: dict[str, Any]) -> None:
    torrent = torrent_from_api(HASHES[0], raw)
    assert torrent.is_complete in {True, False, None}
    torrent_from_digest(raw)
    server_state_from_api(raw)
    server_state_from_digest(raw)


@any_json
@given(raw_torrents, raw_torrents)
def test_a_delta_reads_like_the_merged_fields(
    kept: dict[str, Any], delta: dict[str, Any]
) -> None:
    # The engine keeps models only: a delta re-reads just the fields it names.
    torrent = torrent_from_api(HASHES[0], kept)
    updated = torrent_updated(torrent, delta, label_applies="category" not in kept)

    assert updated == torrent_from_api(HASHES[0], kept | delta)


def test_every_kept_field_is_read_by_a_delta() -> None:
    assert set(_parse._DELTA_READERS) == TORRENT_API_FIELDS


@any_json
@given(st.lists(maindata_answers, min_size=1, max_size=5))
def test_any_maindata_is_merged_or_refused(answers: list[dict[str, Any]]) -> None:
    engine = SyncEngine()
    for answer in answers:
        before = (engine.rid, engine.apply_maindata({"rid": engine.rid}).data)
        try:
            result = engine.apply_maindata(answer)
        except QBittorrentUnexpectedResponseError:
            # Refused as a whole: nothing of it was merged.
            assert (engine.rid, engine.apply_maindata({"rid": engine.rid}).data) == (
                before
            )
            continue
        assert result.data.summary.total == len(result.data.torrents)


def test_out_of_range_and_mistyped_fields_are_unknown() -> None:
    torrent = torrent_from_api(
        HASHES[0],
        {
            "name": "odd",
            "state": "stalledUP",
            "added_on": 1e18,
            "completion_on": 10**400,
            "size": "big",
            "ratio": 10**400,
            "progress": float("nan"),
            "amount_left": 0,
            "uploaded": 5,
        },
    )

    assert (torrent.added_on, torrent.completion_on) == (None, None)
    assert (torrent.size, torrent.ratio, torrent.progress) == (None, None, None)
    assert (torrent.name, torrent.uploaded, torrent.is_complete) == ("odd", 5, True)
