"""Measure what polling costs: requests, bytes, client CPU time and memory per poll.

The emulator runs in its own thread and event loop, so ``time.thread_time()`` in
the main thread counts the client's work only. For each population size it
reports the first (full) sync, idle polls (nothing changed) and polls after a
small churn (10 torrents changed, 1 added, 1 completed, 1 removed).

``--memory`` measures instead the peak memory of one first sync of a huge
library (and of a chunked answer over the response cap): the emulator runs in
its own process and each measurement in a fresh client process, which reports
its resident set high-water mark (``VmHWM``) and, in a second run, the
``tracemalloc`` peak and what stays allocated after the sync (the floor: what
the client keeps).

Run with ``scripts/benchmark`` (optionally ``--sizes 1000 10000 50000 --polls 20
--version 5.3.0``, or ``--memory --memory-torrents 130000``). Figures are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass
import gc
import json
from pathlib import Path
import statistics
import subprocess
import sys
import time
import tracemalloc
from typing import Any

import aiohttp

from qbittorrent_tooling.emulator import QBittorrentEmulator
from qbittorrent_tooling.emulator_thread import EmulatorThread
from qbittorrent_webui_client import (
    QBittorrentClient,
    QBittorrentError,
)
from qbittorrent_webui_client._http import DEFAULT_MAX_RESPONSE_BYTES


@dataclass
class Meter:
    """Counts requests and response bytes seen by the client's session."""

    requests: int = 0
    received: int = 0

    def trace_config(self) -> aiohttp.TraceConfig:
        """Hook the counters into an aiohttp session."""
        config = aiohttp.TraceConfig()

        async def on_request_start(*_: Any) -> None:
            self.requests += 1

        async def on_request_end(
            _session: Any, _context: Any, params: aiohttp.TraceRequestEndParams
        ) -> None:
            self.received += params.response.content_length or 0

        config.on_request_start.append(on_request_start)
        config.on_request_end.append(on_request_end)
        return config


async def poll(
    client: QBittorrentClient, meter: Meter
) -> tuple[int, int, float, float]:
    """One sync: requests, bytes, client CPU ms, wall ms."""
    requests, received = meter.requests, meter.received
    cpu, wall = time.thread_time(), time.perf_counter()
    await client.sync()
    return (
        meter.requests - requests,
        meter.received - received,
        (time.thread_time() - cpu) * 1000,
        (time.perf_counter() - wall) * 1000,
    )


def client_memory() -> int:
    """Bytes currently held by allocations made in the client's code."""
    snapshot = tracemalloc.take_snapshot().filter_traces(
        [tracemalloc.Filter(inclusive=True, filename_pattern="*custom_components*")]
    )
    return sum(stat.size for stat in snapshot.statistics("filename"))


def summary(rows: list[tuple[int, int, float, float]]) -> str:
    """Mean figures of several polls."""
    return (
        f"{statistics.mean(r[0] for r in rows):.1f} req, "
        f"{statistics.mean(r[1] for r in rows) / 1024:.1f} KiB, "
        f"client CPU {statistics.mean(r[2] for r in rows):.2f} ms "
        f"(max {max(r[2] for r in rows):.2f}), wall {statistics.mean(r[3] for r in rows):.1f} ms"
    )


async def measure(version: str, size: int, polls: int) -> None:
    """Benchmark one population size."""
    server = EmulatorThread(
        QBittorrentEmulator(
            version, username="admin", password="adminadmin", torrent_count=size, seed=1
        )
    )
    meter = Meter()
    tracemalloc.start()
    async with aiohttp.ClientSession(
        cookie_jar=aiohttp.CookieJar(unsafe=True, quote_cookie=False),
        trace_configs=[meter.trace_config()],
    ) as session:
        client = QBittorrentClient(
            server.url,
            session,
            username="admin",
            password="adminadmin",
            request_timeout=300,
        )
        await client.detect()
        first = await poll(client, meter)
        memory = client_memory()
        idle = [await poll(client, meter) for _ in range(polls)]
        churned = []
        for _ in range(polls):
            server.call(
                lambda: server.emulator.churn(
                    added=1, removed=1, completed=1, changed=10
                )
            )
            churned.append(await poll(client, meter))
        await client.logout()
    tracemalloc.stop()
    server.stop()
    print(f"{version} with {size:>6} torrents")
    print(
        f"  first sync : {first[0]} req, {first[1] / 1024:.0f} KiB, client CPU {first[2]:.0f} ms, wall {first[3]:.0f} ms; client memory {memory / 1024 / 1024:.1f} MiB"
    )
    print(f"  idle poll  : {summary(idle)}")
    print(f"  churn poll : {summary(churned)}")


# --- peak memory of one sync (--memory) ---------------------------------------

MIB = 1024 * 1024


def process_memory(field_name: str) -> int:
    """A ``/proc/self/status`` figure (``VmRSS``, ``VmHWM``) in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field_name}:"):
            return int(line.split()[1]) * 1024
    raise LookupError(field_name)


async def measure_one_sync(url: str, *, traced: bool) -> dict[str, Any]:
    """In a fresh process: detect, then one first sync; memory it cost."""
    async with aiohttp.ClientSession(
        cookie_jar=aiohttp.CookieJar(unsafe=True, quote_cookie=False)
    ) as session:
        client = QBittorrentClient(
            url, session, username="admin", password="adminadmin", request_timeout=300
        )
        await client.detect()
        gc.collect()
        rss_before = process_memory("VmRSS")
        cpu_before = time.process_time()
        if traced:
            tracemalloc.start()
        failure: QBittorrentError | None = None
        try:
            result = await client.sync()
            outcome = f"{len(result.data.torrents)} torrents"
        except QBittorrentError as err:
            # Kept, as Home Assistant's coordinator keeps its last error.
            failure = err
            outcome = f"{type(err).__name__}: {str(err)[:60]}..."
        gc.collect()
        figures: dict[str, Any] = {
            "outcome": outcome,
            "rss_before": rss_before,
            "rss_peak": process_memory("VmHWM"),
            "rss_after": process_memory("VmRSS"),
            "cpu": time.process_time() - cpu_before,
        }
        if traced:
            figures["kept"], figures["traced_peak"] = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        # The answer's size, streamed past (nothing kept) with the same session.
        figures["error_kept"] = failure is not None
        figures["received"] = 0
        async with session.get(f"{url}/api/v2/sync/maindata") as answer:
            async for chunk in answer.content.iter_any():
                figures["received"] += len(chunk)
        await client.logout()
    return figures


def run_measurement(url: str, *, traced: bool) -> dict[str, Any]:
    """Run :func:`measure_one_sync` in a new interpreter (a clean high-water mark)."""
    command = [sys.executable, __file__, "--measure-sync", url]
    if traced:
        command.append("--traced")
    output = subprocess.run(command, check=True, capture_output=True, text=True)
    figures: dict[str, Any] = json.loads(output.stdout.splitlines()[-1])
    return figures


def memory_scenario(title: str, version: str, torrents: int, *, chunked: bool) -> None:
    """Serve ``torrents`` from an emulator process and report one first sync."""
    command = [
        sys.executable,
        "-m",
        "qbittorrent_tooling.emulator",
        f"--version={version}",
        f"--torrents={torrents}",
        "--seed=1",
        "--port=0",
    ]
    if chunked:
        command.append("--chunked")
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as server:
        try:
            assert server.stdout is not None
            url = server.stdout.readline().strip()
            plain = run_measurement(url, traced=False)
            traced = run_measurement(url, traced=True)
        finally:
            server.terminate()
    rss_peak = plain["rss_peak"] - plain["rss_before"]
    rss_after = max(plain["rss_after"] - plain["rss_before"], 0)
    print(f"{title}: {plain['outcome']}")
    if plain["error_kept"]:
        # Nothing is kept: the floor is the cap, read up to before refusing.
        print(
            f"  received {plain['received'] / MIB:.0f} MiB; RSS peak "
            f"+{rss_peak / MIB:.0f} MiB ({rss_peak / DEFAULT_MAX_RESPONSE_BYTES:.2f} "
            f"x the cap), RSS after +{rss_after / MIB:.0f} MiB with the error kept; "
            f"traced: peak {traced['traced_peak'] / MIB:.0f} MiB, still "
            f"allocated {traced['kept'] / MIB:.1f} MiB"
        )
        return
    kept = traced["kept"]
    print(
        f"  received {plain['received'] / MIB:.0f} MiB; kept after the sync "
        f"{kept / MIB:.0f} MiB (traced)"
    )
    print(
        f"  RSS peak +{rss_peak / MIB:.0f} MiB "
        f"({rss_peak / plain['received']:.2f} x received, {rss_peak / kept:.2f} x kept); "
        f"RSS after +{rss_after / MIB:.0f} MiB; CPU (all threads) {plain['cpu']:.1f} s"
    )
    print(
        f"  traced peak {traced['traced_peak'] / MIB:.0f} MiB "
        f"({traced['traced_peak'] / traced['received']:.2f} x received, "
        f"{traced['traced_peak'] / kept:.2f} x kept)"
    )


def measure_memory(version: str, torrents: int, over_cap_torrents: int) -> None:
    """The peak-memory scenarios."""
    memory_scenario(
        f"{version} first sync of {torrents} torrents (Content-Length)",
        version,
        torrents,
        chunked=False,
    )
    memory_scenario(
        f"{version} first sync of {torrents} torrents (chunked)",
        version,
        torrents,
        chunked=True,
    )
    memory_scenario(
        f"{version} chunked answer of {over_cap_torrents} torrents, over the cap",
        version,
        over_cap_torrents,
        chunked=True,
    )


def main() -> None:
    """Run the benchmark for every requested size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--polls", type=int, default=20)
    parser.add_argument("--version", default="5.3.0")
    parser.add_argument("--memory", action="store_true", help="peak memory instead")
    parser.add_argument("--memory-torrents", type=int, default=130_000)
    parser.add_argument("--over-cap-torrents", type=int, default=200_000)
    parser.add_argument("--measure-sync", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure_sync:
        figures = asyncio.run(
            measure_one_sync(arguments.measure_sync, traced=arguments.traced)
        )
        print(json.dumps(figures))
    elif arguments.memory:
        measure_memory(
            arguments.version, arguments.memory_torrents, arguments.over_cap_torrents
        )
    else:
        for size in arguments.sizes:
            asyncio.run(measure(arguments.version, size, arguments.polls))


if __name__ == "__main__":
    main()
