"""Side by side: Home Assistant's own qBittorrent integration, ours, and the floor.

Against the same emulated 5.3.0 server (its own process, answers gzipped as
qBittorrent gzips them), for each population size it measures four clients,
each in a fresh process so memory figures start clean:

- ``core``: Home Assistant core's ``qbittorrent`` integration, its coordinator
  calling ``qbittorrent-api`` (the version its manifest pins, installed into a
  benchmark-only folder, never into the test environment), every entity on.
- ``ours``: this integration's coordinator refresh, every entity on.
- ``client``: this integration's client library alone (``client.sync()``).
- ``floor``: a bare incremental client: ``sync/maindata`` with the last
  ``rid``, ``json.loads`` and a dict merge; nothing a real client can skip.

Per poll (idle, then after 1% of the torrents changed, one added, one removed,
one completed): requests and bytes the server sent (counted by the server),
CPU of the event loop's thread and of the other threads (executor), the
longest event-loop stall (a task sleeping 1 ms and noting how late it wakes;
measured in a second round of polls, so its own cost stays out of the CPU
figures), and for the Home Assistant clients the state writes and the state
changes among them. The first sync (login, detection, the full answer, and
for Home Assistant the entry's setup) reports wall time, CPU and its longest
stall; memory reports the resident set kept after it (freed memory handed
back first) and its peak, per torrent.

Absolute times depend on the machine and its load; the ratios of one run are
the figures to judge by. Figures are printed, never asserted.

Run with ``scripts/benchmark`` (``--sizes 1000 10000 50000 --polls 5 --runs 3
--json FILE``).
"""

from __future__ import annotations

import argparse
import asyncio
from contextlib import asynccontextmanager, contextmanager, suppress
import ctypes
import gc
import gzip
import json
import os
from pathlib import Path
import statistics
import subprocess
import sys
import tempfile
import time
from typing import TYPE_CHECKING, Any
import urllib.request

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

VERSION = "5.3.0"
USERNAME = "admin"
PASSWORD = "adminadmin"
VARIANTS = ("core", "ours", "client", "floor")
TITLES = {
    "core": "core",
    "ours": "ours",
    "client": "client",
    "floor": "floor",
}
CONTROL = "/benchmark"
# Answers smaller than this go out as they are (compressing them gains nothing).
GZIP_MIN_BYTES = 1024
PROBE_INTERVAL = 0.001


# --- the server ---------------------------------------------------------------


def metered_emulator(size: int) -> Any:
    """An emulator of ``size`` torrents that gzips and meters its answers.

    ``/benchmark/counters`` tells the requests and bytes sent so far,
    ``/benchmark/churn?changed=N`` changes N torrents (and adds, removes and
    completes one).
    """
    from aiohttp import web  # noqa: PLC0415 - only the server needs it

    from qbittorrent_tooling.emulator import QBittorrentEmulator  # noqa: PLC0415

    emulator = QBittorrentEmulator(
        VERSION, username=USERNAME, password=PASSWORD, torrent_count=size, seed=1
    )
    meter = {"requests": 0, "bytes": 0}

    @web.middleware
    async def metered(request: web.Request, handler: Any) -> web.StreamResponse:
        if request.path == f"{CONTROL}/counters":
            return web.json_response(meter)
        if request.path == f"{CONTROL}/churn":
            changed = int(request.query["changed"])
            emulator.churn(added=1, removed=1, completed=1, changed=changed)
            return web.json_response({})
        response: web.StreamResponse = await handler(request)
        meter["requests"] += 1
        if isinstance(response, web.Response) and isinstance(
            response.body, bytes | bytearray
        ):
            body = bytes(response.body)
            if len(body) >= GZIP_MIN_BYTES and "gzip" in request.headers.get(
                "Accept-Encoding", ""
            ):
                body = gzip.compress(body, compresslevel=6)
                response.body = body
                response.headers["Content-Encoding"] = "gzip"
            meter["bytes"] += len(body)
        return response

    plain_app = emulator.make_app

    def metered_app() -> web.Application:
        app = plain_app()
        app.middlewares.append(metered)
        return app

    emulator.make_app = metered_app
    return emulator


def serve(size: int) -> None:
    """Serve a metered emulator until killed; print its URL."""
    emulator = metered_emulator(size)

    async def run() -> None:
        async with emulator.serve("127.0.0.1", 0) as url:
            print(url, flush=True)
            await asyncio.Event().wait()

    asyncio.run(run())


def control(url: str, action: str, **params: int) -> dict[str, Any]:
    """Ask the benchmark server (outside every measured span)."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    with urllib.request.urlopen(f"{url}{CONTROL}/{action}?{query}") as answer:
        result: dict[str, Any] = json.loads(answer.read())
    return result


# --- measuring tools ----------------------------------------------------------


def process_memory(field_name: str) -> int:
    """A ``/proc/self/status`` figure (``VmRSS``, ``VmHWM``) in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field_name}:"):
            return int(line.split()[1]) * 1024
    raise LookupError(field_name)


def settled_rss() -> int:
    """Resident memory once garbage is collected and freed memory handed back."""
    gc.collect()
    with suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return process_memory("VmRSS")


def reset_peak_rss() -> None:
    """Start ``VmHWM`` again from the current resident set."""
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


class LagProbe:
    """A task that sleeps 1 ms at a time and keeps how late it woke at worst."""

    def __init__(self) -> None:
        """Not running until entered."""
        self.worst = 0.0
        self._due = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            self._due = loop.time() + PROBE_INTERVAL
            await asyncio.sleep(PROBE_INTERVAL)
            self.worst = max(self.worst, loop.time() - self._due)

    @asynccontextmanager
    async def running(self) -> AsyncIterator[LagProbe]:
        """Probe while the block runs."""
        self.worst = 0.0
        self._task = asyncio.create_task(self._run())
        await asyncio.sleep(0)
        try:
            yield self
        finally:
            # The last stretch before the block ended delayed the pending wake.
            loop = asyncio.get_running_loop()
            self.worst = max(self.worst, loop.time() - self._due)
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task


class StateCounter:
    """Counts Home Assistant state writes and the state changes among them."""

    def __init__(self) -> None:
        """Start at zero."""
        self.writes = 0
        self.changes = 0

    @contextmanager
    def counting(self, hass: Any) -> Iterator[StateCounter]:
        """Count while the block runs."""
        from unittest.mock import patch  # noqa: PLC0415

        from homeassistant.const import EVENT_STATE_CHANGED  # noqa: PLC0415
        from homeassistant.core import StateMachine  # noqa: PLC0415

        original = StateMachine.async_set_internal

        def counted(machine: Any, *args: Any, **kwargs: Any) -> Any:
            self.writes += 1
            return original(machine, *args, **kwargs)

        def changed(_event: Any) -> None:
            self.changes += 1

        unsubscribe = hass.bus.async_listen(EVENT_STATE_CHANGED, changed)
        try:
            with patch.object(StateMachine, "async_set_internal", counted):
                yield self
        finally:
            unsubscribe()


async def measured(
    work: Callable[[], Awaitable[None]],
    url: str,
    *,
    probe: LagProbe | None = None,
    states: StateCounter | None = None,
) -> dict[str, float]:
    """Run ``work`` once: wire, CPU and (with ``probe``) the longest stall."""
    before = control(url, "counters")
    writes, changes = (states.writes, states.changes) if states else (0, 0)
    loop_cpu, all_cpu, wall = (
        time.thread_time(),
        time.process_time(),
        time.perf_counter(),
    )
    if probe is None:
        await work()
        stall = float("nan")
    else:
        async with probe.running():
            await work()
        stall = probe.worst * 1000
    wall = time.perf_counter() - wall
    loop_cpu = time.thread_time() - loop_cpu
    all_cpu = time.process_time() - all_cpu
    after = control(url, "counters")
    return {
        "requests": after["requests"] - before["requests"],
        "bytes": after["bytes"] - before["bytes"],
        "wall_ms": wall * 1000,
        "loop_cpu_ms": loop_cpu * 1000,
        "executor_cpu_ms": max(all_cpu - loop_cpu, 0.0) * 1000,
        "stall_ms": stall,
        "writes": states.writes - writes if states else float("nan"),
        "changes": states.changes - changes if states else float("nan"),
    }


def median_of(polls: list[dict[str, float]]) -> dict[str, float]:
    """Per figure, the median of several polls."""
    return {key: statistics.median(p[key] for p in polls) for key in polls[0]}


async def measure_polls(
    poll: Callable[[], Awaitable[None]],
    url: str,
    size: int,
    polls: int,
    states: StateCounter | None,
) -> dict[str, dict[str, float]]:
    """Idle and churn polls: a round for CPU and wire, a round for stalls."""
    await poll()  # settle: whatever the first sync left to do
    results: dict[str, dict[str, float]] = {}
    changed = max(1, size // 100)
    for scenario in ("idle", "churn"):

        async def one(
            probe: LagProbe | None, scenario: str = scenario
        ) -> dict[str, float]:
            if scenario == "churn":
                control(url, "churn", changed=changed)
            return await measured(poll, url, probe=probe, states=states)

        figures = median_of([await one(None) for _ in range(polls)])
        stalls = [await one(LagProbe()) for _ in range(polls)]
        figures["stall_ms"] = statistics.median(s["stall_ms"] for s in stalls)
        figures["stall_max_ms"] = max(s["stall_ms"] for s in stalls)
        results[scenario] = figures
    return results


# --- the clients --------------------------------------------------------------


async def run_floor(url: str, size: int, polls: int) -> dict[str, Any]:
    """The floor: rid deltas merged into plain dicts."""
    import aiohttp  # noqa: PLC0415

    # unsafe: the server is an IP address, whose cookies aiohttp drops otherwise.
    async with aiohttp.ClientSession(
        cookie_jar=aiohttp.CookieJar(unsafe=True)
    ) as session:
        state: dict[str, Any] = {"rid": 0, "torrents": {}, "server_state": {}}

        async def poll() -> None:
            async with session.get(
                f"{url}/api/v2/sync/maindata", params={"rid": str(state["rid"])}
            ) as answer:
                payload = json.loads(await answer.read())
            state["rid"] = payload["rid"]
            torrents = state["torrents"]
            if payload.get("full_update"):
                torrents.clear()
            for torrent_hash, delta in (payload.get("torrents") or {}).items():
                torrents.setdefault(torrent_hash, {}).update(delta)
            for torrent_hash in payload.get("torrents_removed") or ():
                torrents.pop(torrent_hash, None)
            state["server_state"].update(payload.get("server_state") or {})

        async def first() -> None:
            await session.post(
                f"{url}/api/v2/auth/login",
                data={"username": USERNAME, "password": PASSWORD},
            )
            await poll()

        return await measure_client(first, poll, url, size, polls)


async def run_client(url: str, size: int, polls: int) -> dict[str, Any]:
    """Our client library alone."""
    from qbittorrent_webui_client import QBittorrentClient  # noqa: PLC0415

    async with QBittorrentClient(
        url, username=USERNAME, password=PASSWORD, request_timeout=600
    ) as client:

        async def poll() -> None:
            await client.sync()

        return await measure_client(poll, poll, url, size, polls)


async def measure_client(
    first: Callable[[], Awaitable[None]],
    poll: Callable[[], Awaitable[None]],
    url: str,
    size: int,
    polls: int,
) -> dict[str, Any]:
    """First sync with memory, then the polls."""
    before = settled_rss()
    reset_peak_rss()
    first_sync = await measured(first, url, probe=LagProbe())
    peak = process_memory("VmHWM")
    kept = settled_rss()
    return {
        "first_sync": first_sync,
        "rss_kept_per_torrent": (kept - before) / size,
        "rss_peak_per_torrent": (peak - before) / size,
        **await measure_polls(poll, url, size, polls, None),
    }


async def run_home_assistant(
    variant: str, url: str, size: int, polls: int
) -> dict[str, Any]:
    """A config entry of ``core`` or ``ours`` in a Home Assistant test instance."""
    if variant == "core":
        import homeassistant.components.qbittorrent as integration  # noqa: PLC0415
        from homeassistant.components.qbittorrent import (  # noqa: PLC0415
            sensor,
            switch,
        )
    else:
        import custom_components.qbittorrent_webui as integration  # noqa: PLC0415
        from custom_components.qbittorrent_webui import (  # noqa: PLC0415, F401
            button,
            event,
            number,
            sensor,
            switch,
        )
    domain = integration.__name__.rsplit(".", 1)[-1]
    with tempfile.TemporaryDirectory() as config_dir:
        return await _run_entry(
            variant, domain, config_dir, url=url, size=size, polls=polls
        )


async def _run_entry(
    variant: str, domain: str, config_dir: str, *, url: str, size: int, polls: int
) -> dict[str, Any]:
    import logging  # noqa: PLC0415
    from unittest.mock import PropertyMock, patch  # noqa: PLC0415

    from homeassistant import loader  # noqa: PLC0415
    from homeassistant.const import (  # noqa: PLC0415
        CONF_PASSWORD,
        CONF_URL,
        CONF_USERNAME,
        CONF_VERIFY_SSL,
    )
    from homeassistant.setup import async_setup_component  # noqa: PLC0415
    from pytest_homeassistant_custom_component.common import (  # noqa: PLC0415
        MockConfigEntry,
        async_test_home_assistant,
    )

    logging.basicConfig(level=logging.ERROR)
    # Core's global ratio sensor refuses the "-" qBittorrent reports before
    # any transfer; its error would repeat in every run.
    logging.getLogger("homeassistant.components.sensor").setLevel(logging.CRITICAL)
    from aiohttp.resolver import ThreadedResolver  # noqa: PLC0415

    resolver = ThreadedResolver()
    resolver.real_close = resolver.close  # type: ignore[attr-defined] # what the test instance closes
    async with (
        async_test_home_assistant(config_dir=config_dir) as hass,
    ):
        hass.data.pop(loader.DATA_CUSTOM_COMPONENTS)
        for platform in ("sensor", "switch", "number", "button", "event"):
            assert await async_setup_component(hass, platform, {})
        await hass.async_block_till_done()
        entry = MockConfigEntry(
            domain=domain,
            title="benchmark",
            unique_id=url,
            data={
                CONF_URL: url,
                CONF_USERNAME: USERNAME,
                CONF_PASSWORD: PASSWORD,
                CONF_VERIFY_SSL: True,
            },
        )
        entry.add_to_hass(hass)
        states = StateCounter()

        async def first() -> None:
            assert await hass.config_entries.async_setup(entry.entry_id)
            await hass.async_block_till_done()

        before = settled_rss()
        reset_peak_rss()
        with (
            # Home Assistant's own resolver needs zeroconf; the server is an IP.
            patch(
                "homeassistant.helpers.aiohttp_client._async_make_resolver",
                return_value=resolver,
            ),
            patch(
                "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
                new_callable=PropertyMock,
                return_value=True,
            ),
            states.counting(hass),
        ):
            first_sync = await measured(first, url, probe=LagProbe(), states=states)
            peak = process_memory("VmHWM")
            kept = settled_rss()
            runtime = entry.runtime_data
            coordinator = runtime if variant == "core" else runtime.coordinator
            # Only the measured refreshes, never one the interval adds.
            coordinator.update_interval = None
            if variant == "ours":
                runtime.preferences_coordinator.update_interval = None

            async def poll() -> None:
                await coordinator.async_refresh()
                await hass.async_block_till_done()

            result = {
                "first_sync": first_sync,
                "entities": len(hass.states.async_all()),
                "rss_kept_per_torrent": (kept - before) / size,
                "rss_peak_per_torrent": (peak - before) / size,
                **await measure_polls(poll, url, size, polls, states),
            }
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
        await hass.async_stop(force=True)
    return result


def measure_variant(variant: str, url: str, size: int, polls: int) -> dict[str, Any]:
    """Measure one client in this process."""
    if variant == "floor":
        return asyncio.run(run_floor(url, size, polls))
    if variant == "client":
        return asyncio.run(run_client(url, size, polls))
    return asyncio.run(run_home_assistant(variant, url, size, polls))


# --- Home Assistant core's library, in a folder of its own --------------------


def core_requirement() -> str:
    """The ``qbittorrent-api`` pin of Home Assistant core's integration manifest."""
    import homeassistant.components  # noqa: PLC0415 - its package, not the integration

    (components,) = homeassistant.components.__path__
    manifest = json.loads(
        (Path(components) / "qbittorrent" / "manifest.json").read_text()
    )
    requirements: list[str] = manifest["requirements"]
    return next(r for r in requirements if r.startswith("qbittorrent-api"))


def core_library_folder() -> Path | None:
    """Install the pinned ``qbittorrent-api`` once into a benchmark-only folder.

    Its dependencies (requests, urllib3, packaging) come with Home Assistant.
    """
    requirement = core_requirement()
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    folder = cache / "qbittorrent-webui-benchmark" / requirement.replace("==", "-")
    if not (folder / "qbittorrentapi").is_dir():
        print(
            f"installing {requirement} into {folder} (benchmark only)", file=sys.stderr
        )
        installed = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--no-deps",
                "--target",
                str(folder),
                requirement,
            ],
            check=False,
        )
        if installed.returncode != 0:
            print(f"could not install {requirement}: core is left out", file=sys.stderr)
            return None
    return folder


# --- running it all -----------------------------------------------------------


def run_variant_process(
    variant: str, url: str, size: int, polls: int, core_folder: Path | None
) -> dict[str, Any]:
    """Measure ``variant`` in a fresh interpreter."""
    command = [
        sys.executable,
        __file__,
        "--variant",
        variant,
        "--url",
        url,
        "--sizes",
        str(size),
        "--polls",
        str(polls),
    ]
    environment = dict(os.environ)
    if variant == "core" and core_folder is not None:
        environment["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(core_folder), environment.get("PYTHONPATH")])
        )
    output = subprocess.run(
        command, check=True, stdout=subprocess.PIPE, text=True, env=environment
    )
    figures: dict[str, Any] = json.loads(output.stdout.splitlines()[-1])
    return figures


def measure_size(
    size: int, polls: int, variants: list[str], core_folder: Path | None
) -> dict[str, Any]:
    """All clients against one server of ``size`` torrents."""
    command = [sys.executable, __file__, "--serve", str(size)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as server:
        try:
            assert server.stdout is not None
            url = server.stdout.readline().strip()
            return {
                variant: run_variant_process(variant, url, size, polls, core_folder)
                for variant in variants
            }
        finally:
            server.terminate()


# --- the table ----------------------------------------------------------------

# (section, label, figure path, unit scale, format)
ROWS: list[tuple[str, str, tuple[str, ...], float, str]] = [
    ("idle poll", "wire bytes (gzip)", ("idle", "bytes"), 1, "bytes"),
    ("", "requests", ("idle", "requests"), 1, "{:.0f}"),
    ("", "loop CPU ms", ("idle", "loop_cpu_ms"), 1, "{:.2f}"),
    ("", "executor CPU ms", ("idle", "executor_cpu_ms"), 1, "{:.2f}"),
    ("", "loop + executor CPU ms", ("idle", "cpu_ms"), 1, "{:.2f}"),
    ("", "longest loop stall ms", ("idle", "stall_ms"), 1, "{:.1f}"),
    ("", "state writes (changes)", ("idle", "states"), 1, "states"),
    ("churn poll", "wire bytes (gzip)", ("churn", "bytes"), 1, "bytes"),
    ("", "requests", ("churn", "requests"), 1, "{:.0f}"),
    ("", "loop CPU ms", ("churn", "loop_cpu_ms"), 1, "{:.2f}"),
    ("", "executor CPU ms", ("churn", "executor_cpu_ms"), 1, "{:.2f}"),
    ("", "loop + executor CPU ms", ("churn", "cpu_ms"), 1, "{:.2f}"),
    ("", "longest loop stall ms", ("churn", "stall_ms"), 1, "{:.1f}"),
    ("", "state writes (changes)", ("churn", "states"), 1, "states"),
    ("first sync", "wall s", ("first_sync", "wall_ms"), 1e-3, "{:.2f}"),
    ("", "loop + executor CPU s", ("first_sync", "cpu_ms"), 1e-3, "{:.2f}"),
    ("", "longest loop stall ms", ("first_sync", "stall_ms"), 1, "{:.0f}"),
    ("memory", "RSS kept per torrent kB", ("rss_kept_per_torrent",), 1e-3, "{:.2f}"),
    ("", "RSS peak per torrent kB", ("rss_peak_per_torrent",), 1e-3, "{:.2f}"),
]


def figure(result: dict[str, Any] | None, path: tuple[str, ...]) -> float | None:
    """One figure of one client's result (``None`` when not measured)."""
    if result is None:
        return None
    node: Any = result
    for key in path[:-1]:
        node = node[key]
    last = path[-1]
    if last == "cpu_ms":
        return float(node["loop_cpu_ms"] + node["executor_cpu_ms"])
    if last == "states":
        last = "writes"
    value = node[last]
    return None if value != value else float(value)  # NaN: not applicable  # noqa: PLR0124


def formatted(value: float | None, scale: float, style: str, extra: str = "") -> str:
    """A table cell."""
    if value is None:
        return "-"
    if style == "bytes":
        for unit, size in (("MB", 1e6), ("kB", 1e3)):
            if value >= size:
                return f"{value / size:.1f} {unit}"
        return f"{value:.0f} B"
    if style == "states":
        return f"{value:.0f}{extra}"
    return style.format(value * scale)


def ratio_text(values: list[float]) -> str:
    """A ratio over runs: the median, and the spread when several."""
    if not values:
        return "-"
    middle = statistics.median(values)
    if len(values) == 1:
        return f"{middle:.2f}"
    return f"{middle:.2f} ({min(values):.2f}-{max(values):.2f})"


def ratios(
    runs: list[dict[str, Any]], size: str, path: tuple[str, ...], top: str, bottom: str
) -> list[float]:
    """``top``:``bottom`` for one figure, in each run that measured both."""
    found = []
    for run in runs:
        upper = figure(run[size].get(top), path)
        lower = figure(run[size].get(bottom), path)
        if upper is not None and lower:
            found.append(upper / lower)
    return found


def table(runs: list[dict[str, Any]]) -> str:
    """Every size's figures side by side (medians over runs), with the ratios."""
    columns = [
        *(TITLES[v] for v in VARIANTS),
        "ours:core",
        "client:floor",
        "ours:floor",
    ]
    lines = [
        f"{'':36}"
        + "".join(f"{c:>14}" for c in columns[:4])
        + "".join(f"{c:>20}" for c in columns[4:])
    ]
    for size in runs[0]:
        lines.append(f"{int(size):,} torrents")
        for section, label, path, scale, style in ROWS:
            cells = []
            for variant in VARIANTS:
                values = [
                    v
                    for run in runs
                    if (v := figure(run[size].get(variant), path)) is not None
                ]
                value = statistics.median(values) if values else None
                extra = ""
                if style == "states" and value is not None:
                    changes = statistics.median(
                        figure(run[size][variant], (*path[:-1], "changes")) or 0.0
                        for run in runs
                    )
                    extra = f" ({changes:.0f})"
                cells.append(formatted(value, scale, style, extra))
            ratio_cells = [
                ratio_text(ratios(runs, size, path, "ours", "core")),
                ratio_text(ratios(runs, size, path, "client", "floor")),
                ratio_text(ratios(runs, size, path, "ours", "floor")),
            ]
            if style == "states" or label == "executor CPU ms":
                # Counts, and executor time that is nil where the work stays inline.
                ratio_cells = ["", "", ""]
            lines.append(
                f"  {section:<11}{label:<23}"
                + "".join(f"{c:>14}" for c in cells)
                + "".join(f"{c:>20}" for c in ratio_cells)
            )
    return "\n".join(lines)


def main() -> None:
    """Serve, measure one client, or run the whole comparison."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument(
        "--polls", type=int, default=5, help="polls per figure (median)"
    )
    parser.add_argument("--runs", type=int, default=1, help="whole runs (spread)")
    parser.add_argument(
        "--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS)
    )
    parser.add_argument(
        "--json", type=Path, metavar="FILE", help="also write the figures"
    )
    parser.add_argument("--serve", type=int, metavar="SIZE", help=argparse.SUPPRESS)
    parser.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.serve is not None:
        serve(arguments.serve)
        return
    if arguments.variant is not None:
        figures = measure_variant(
            arguments.variant, arguments.url, arguments.sizes[0], arguments.polls
        )
        print(json.dumps(figures))
        return
    variants = list(arguments.variants)
    core_folder = core_library_folder() if "core" in variants else None
    if core_folder is None and "core" in variants:
        variants.remove("core")
    runs = []
    for run in range(arguments.runs):
        results = {}
        for size in arguments.sizes:
            print(f"run {run + 1}/{arguments.runs}: {size:,} torrents", file=sys.stderr)
            results[str(size)] = measure_size(
                size, arguments.polls, variants, core_folder
            )
        runs.append(results)
    print(
        f"qBittorrent {VERSION} emulated; per poll medians of {arguments.polls} polls"
        f", {arguments.runs} run(s) (ratios: median (min-max) over runs)"
    )
    print(table(runs))
    if arguments.json:
        arguments.json.write_text(
            json.dumps(
                {"version": VERSION, "polls": arguments.polls, "runs": runs}, indent=1
            )
        )


if __name__ == "__main__":
    main()
