"""Measure the torrent feed: bytes and event-loop time per update.

A subscriber of ``qbittorrent_webui/torrents/subscribe`` follows a client's
sync engine fed by the emulator (10,000 torrents by default); after each 1%
churn (changed torrents, plus one added and one removed) the subscriber's
listener runs as the coordinator would call it. Reported per update: CPU time
of the listener (finding and encoding the changes) and the JSON size of what
it sends; also the first message's. Figures are printed, never asserted.

Run with ``scripts/benchmark_feed`` (optionally ``--torrents 50000 --polls 20``).

Figures (2-core dev machine under load, 5.3.0 emulator, 10,000 torrents, mean
of 20 updates): all torrents (the card): first message 4,996 KiB, per update
11.1 KiB and 4-6 ms loop CPU; downloading only: 2,011 KiB, 6.8 KiB, 3-4 ms;
top 20 by download speed: 10 KiB, 0.2 KiB, 14-16 ms (the window is re-picked
from every torrent on each update).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from types import SimpleNamespace
from typing import Any

from custom_components.qbittorrent_webui.qbittorrent_webui_client._sync import (
    SyncEngine,
)
from custom_components.qbittorrent_webui.websocket_api import (
    TorrentSubscription,
    TorrentView,
)
from qbittorrent_tooling.emulator import QBittorrentEmulator
from qbittorrent_tooling.emulator.state import WebSession


class Connection:
    """Collects what the subscription sends, as Home Assistant would encode it."""

    def __init__(self) -> None:
        """Start with nothing sent."""
        self.subscriptions: dict[int, Any] = {}
        self.sizes: list[int] = []

    def send_message(self, message: dict[str, Any]) -> None:
        """Encode the message as JSON and keep its size."""
        self.sizes.append(len(json.dumps(message, separators=(",", ":"))))


def measure(torrents: int, polls: int, view: TorrentView, label: str) -> None:
    """Print the figures of one view."""
    emulator = QBittorrentEmulator("5.3.0", torrent_count=torrents)
    session = WebSession(sid="benchmark")
    engine = SyncEngine()
    listeners: list[Any] = []
    coordinator = SimpleNamespace(
        data=engine.apply_maindata(emulator.maindata(session, 0)).data,
        last_update_success=True,
        async_add_listener=lambda listener: (
            listeners.append(listener) or (lambda: None)
        ),
    )
    entry = SimpleNamespace(
        runtime_data=SimpleNamespace(coordinator=coordinator),
        async_on_state_change=lambda _listener: lambda: None,
    )
    connection = Connection()
    subscription = TorrentSubscription(connection, 1, entry, view)  # type: ignore[arg-type]
    subscription.start()
    subscription.send_current()
    first = connection.sizes[-1]
    times: list[float] = []
    sizes: list[int] = []
    for _ in range(polls):
        emulator.churn(added=1, removed=1, changed=torrents // 100)
        coordinator.data = engine.apply_maindata(
            emulator.maindata(session, engine.rid)
        ).data
        sent = len(connection.sizes)
        started = time.thread_time()
        for listener in listeners:
            listener()
        times.append((time.thread_time() - started) * 1000)
        sizes.append(sum(connection.sizes[sent:]))
    print(
        f"{label:>28} {torrents:>7,} torrents: first message {first / 1024:,.0f} KiB; "
        f"per 1% churn update {statistics.mean(sizes) / 1024:,.1f} KiB, "
        f"{statistics.mean(times):.2f} ms loop CPU (max {max(times):.2f})",
        flush=True,
    )


def main() -> None:
    """Parse the arguments and measure the views the card and others use."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--torrents", type=int, nargs="+", default=[10_000])
    parser.add_argument("--polls", type=int, default=20)
    arguments = parser.parse_args()
    for torrents in arguments.torrents:
        measure(
            torrents,
            arguments.polls,
            TorrentView(state="all", sort="name", reverse=False, limit=None),
            "all torrents (the card)",
        )
        measure(
            torrents,
            arguments.polls,
            TorrentView(state="downloading", sort="name", reverse=False, limit=None),
            "downloading",
        )
        measure(
            torrents,
            arguments.polls,
            TorrentView(state="all", sort="download_speed", reverse=True, limit=20),
            "top 20 by download speed",
        )


if __name__ == "__main__":
    main()
