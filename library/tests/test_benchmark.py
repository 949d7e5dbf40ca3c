"""The side-by-side benchmark's code runs: a tiny library, seconds, no figure checked."""

from __future__ import annotations

import importlib.util
from pathlib import Path
import sys
from typing import TYPE_CHECKING

import pytest

from qbittorrent_tooling.emulator_thread import EmulatorThread

if TYPE_CHECKING:
    from types import ModuleType

SCRIPT = Path(__file__).parents[2] / "scripts" / "benchmark_compare.py"


def benchmark_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_compare", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.usefixtures("socket_enabled")
async def test_the_benchmark_runs_at_a_tiny_size() -> None:
    benchmark = benchmark_module()
    # Its own thread: the benchmark asks the server between polls, blocking.
    server = EmulatorThread(benchmark.metered_emulator(20))
    try:
        results = {
            variant: await run(server.url, 20, 1)
            for variant, run in (
                ("client", benchmark.run_client),
                ("floor", benchmark.run_floor),
            )
        }
    finally:
        server.stop()

    assert results["client"]["churn"]["requests"] == 1
    assert results["floor"]["idle"]["requests"] == 1
    table = benchmark.table([{"20": results}])
    assert "20 torrents" in table
    assert "client:floor" in table
