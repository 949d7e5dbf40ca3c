"""An emulator serving from a thread of its own, for code that blocks its caller's loop."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from qbittorrent_tooling.emulator import QBittorrentEmulator


@dataclass
class EmulatorThread:
    """An emulator serving from its own thread and event loop."""

    emulator: QBittorrentEmulator
    url: str = ""
    _loop: asyncio.AbstractEventLoop = field(default_factory=asyncio.new_event_loop)
    _ready: threading.Event = field(default_factory=threading.Event)
    _stop: asyncio.Event | None = None
    _thread: threading.Thread | None = None

    def __post_init__(self) -> None:
        """Start serving."""
        self._thread = threading.Thread(
            target=self._loop.run_until_complete, args=(self._serve(),), daemon=True
        )
        self._thread.start()
        self._ready.wait()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        async with self.emulator.serve(host="127.0.0.1", port=0) as url:
            self.url = url
            self._ready.set()
            await self._stop.wait()

    def call(self, function: Callable[[], object]) -> None:
        """Run ``function`` in the emulator's loop and wait for it."""
        done = threading.Event()

        def run() -> None:
            function()
            done.set()

        self._loop.call_soon_threadsafe(run)
        done.wait()

    def stop(self) -> None:
        """Stop serving, and wait until the emulator's thread has ended.

        A thread still running after a test fails Home Assistant's test
        plugin, which checks that no thread is left behind.
        """
        assert self._stop is not None
        assert self._thread is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=10)
        if not self._thread.is_alive():
            self._loop.close()
