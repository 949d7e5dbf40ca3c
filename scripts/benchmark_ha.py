"""Measure what one coordinator refresh costs Home Assistant's event loop.

Sets the real integration up in a real ``HomeAssistant`` test instance (from
pytest-homeassistant-custom-component) against the emulator, which serves from
its own thread so ``time.thread_time()`` counts Home Assistant's work only.
Every entity is enabled. After each ``churn(changed=10, added=1, completed=1,
removed=1)`` it reports the loop's CPU time for ``async_refresh()`` plus
``async_block_till_done()`` (request, merge, entity state writes) and how much
of it went to computing the sensors' values and the switches' states (the
count aggregates live there).

A second measurement changes 1% of the torrents per poll (plus one added,
completed and removed) with the per-torrent devices off, on for all torrents
and on for the active ones (cap 50 each: 450 more entities), and reports the
part spent choosing the torrents and how many devices were created and removed.

Run with ``scripts/benchmark_ha`` (optionally ``--sizes 10000 50000 --polls
20``). Figures are printed, never asserted.

Figures (2-core dev machine, 5.3.0 emulator, mean of 20 churn polls, loop CPU
per refresh / of which entity values):
    before, every count sensor and pause_all iterating over all torrents:
        10,000 torrents: 6.44 ms / 3.72 ms;  50,000: 28.18 ms / 21.27 ms
    after, counts kept by the sync engine as it merges (MainData.summary):
        10,000 torrents: 2.45 ms / 0.04 ms;  50,000: 6.36 ms / 0.06 ms
    What still grows with the population is mostly the client's sync
    (4-6 ms per churn poll at 50,000 in scripts/benchmark; its publish step
    copies the torrent map once per changed poll).
    1% churn, torrent devices off / on for all (cap 50) / on for the active
    ones (cap 50), of which choosing the torrents:
        10,000 torrents: 3.37 ms / 4.32 ms (0.09) / 7.40 ms (0.15; 3 devices
        replaced in 20 polls)
        50,000 torrents: 9.01 ms / 10.63 ms (0.36) / 15.83 ms (0.53; 8 replaced)
    Choosing grows with the changed torrents (100, 500), not the library; the
    rest of the active case is creating and removing devices and entities.
"""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
import logging
import os
import statistics
import time
from typing import TYPE_CHECKING, Any
from unittest.mock import PropertyMock, patch

from homeassistant.const import CONF_PASSWORD, CONF_URL, CONF_USERNAME, CONF_VERIFY_SSL
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import pytest_socket

from custom_components.qbittorrent_webui.const import (
    CONF_TORRENT_DEVICES,
    CONF_TORRENT_FILTER,
    CONF_TORRENT_LIMIT,
    DOMAIN,
    TORRENT_FILTER_ACTIVE,
    TORRENT_FILTER_ALL,
)
from custom_components.qbittorrent_webui.sensor import (
    QBittorrentSensorEntity,
    QBittorrentTorrentSensorEntity,
)
from custom_components.qbittorrent_webui.switch import (
    QBittorrentSwitchEntity,
    QBittorrentTorrentSwitchEntity,
)
from custom_components.qbittorrent_webui.torrent_devices import TorrentDeviceManager
from qbittorrent_tooling.emulator import QBittorrentEmulator
from qbittorrent_tooling.emulator_thread import EmulatorThread

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from homeassistant.core import HomeAssistant

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "10000 50000").split()]
POLLS = int(os.environ.get("BENCH_POLLS", "20"))
# The cap of the measured torrent devices, one a user would pick.
TORRENT_DEVICE_CAP = 50


@pytest.fixture(scope="module", params=SIZES, ids=str)
def emulator_thread(request: pytest.FixtureRequest) -> Iterator[EmulatorThread]:
    """Serve a population of ``size`` torrents from another thread.

    Module scope starts the thread before Home Assistant's per-test
    lingering-thread check takes its inventory; sockets are blocked until a
    test enables them, so the listening one is opened with them enabled.
    """
    pytest_socket.enable_socket()
    server = EmulatorThread(
        QBittorrentEmulator(
            "5.3.0",
            username="admin",
            password="adminadmin",
            torrent_count=request.param,
            seed=1,
        )
    )
    yield server
    server.stop()


@dataclass(kw_only=True)
class Measurement:
    """Loop CPU ms per refresh, and what the torrent devices did meanwhile."""

    size: int
    totals: list[float] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    choosing: list[float] = field(default_factory=list)
    devices_created: int = 0
    devices_removed: int = 0


class ValueTimer:
    """Accumulates the CPU time spent computing entity values."""

    def __init__(self) -> None:
        """Start at zero."""
        self.seconds = 0.0

    def timed(self, compute: Callable[[Any], Any]) -> property:
        """Wrap a property getter so its CPU time is added up."""

        def getter(entity: Any) -> Any:
            start = time.thread_time()
            try:
                return compute(entity)
            finally:
                self.seconds += time.thread_time() - start

        return property(getter)


@contextmanager
def timing_entity_values(timer: ValueTimer) -> Iterator[None]:
    """Time every sensor value and switch state the integration computes.

    The torrents' own sensors and switches included.
    """
    with (
        patch.object(
            QBittorrentSensorEntity,
            "native_value",
            timer.timed(QBittorrentSensorEntity.native_value.fget),  # type: ignore[attr-defined]
        ),
        patch.object(
            QBittorrentSwitchEntity,
            "is_on",
            timer.timed(QBittorrentSwitchEntity.is_on.fget),  # type: ignore[attr-defined]
        ),
        patch.object(
            QBittorrentTorrentSensorEntity,
            "native_value",
            timer.timed(QBittorrentTorrentSensorEntity.native_value.fget),  # type: ignore[attr-defined]
        ),
        patch.object(
            QBittorrentTorrentSwitchEntity,
            "is_on",
            timer.timed(QBittorrentTorrentSwitchEntity.is_on.fget),  # type: ignore[attr-defined]
        ),
    ):
        yield


async def _measure_refreshes(
    hass: HomeAssistant,
    emulator_thread: EmulatorThread,
    *,
    options: dict[str, Any],
    changed: int,
) -> Measurement:
    """Set the entry up with ``options``; loop CPU ms of each churn refresh."""
    # Entity registrations would drown the figures.
    logging.getLogger("homeassistant").setLevel(logging.ERROR)
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="benchmark",
        unique_id=emulator_thread.url,
        data={
            CONF_URL: emulator_thread.url,
            CONF_USERNAME: "admin",
            CONF_PASSWORD: "adminadmin",
            CONF_VERIFY_SSL: True,
        },
        options=options,
    )
    entry.add_to_hass(hass)
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        new_callable=PropertyMock,
        return_value=True,
    ):
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
    coordinator = entry.runtime_data.coordinator
    size = len(coordinator.data.torrents)
    device_changes = Counter[str]()
    stop_counting = hass.bus.async_listen(
        dr.EVENT_DEVICE_REGISTRY_UPDATED,
        lambda event: device_changes.update([event.data["action"]]),
    )
    timer = ValueTimer()
    choice = ValueTimer()
    measured = Measurement(size=size)
    choose_again = TorrentDeviceManager._choose_again  # noqa: SLF001

    def timed_choice(manager: Any, *args: Any) -> None:
        start = time.thread_time()
        try:
            choose_again(manager, *args)
        finally:
            choice.seconds += time.thread_time() - start

    with (
        timing_entity_values(timer),
        patch.object(TorrentDeviceManager, "_choose_again", timed_choice),
    ):
        for _ in range(POLLS):
            emulator_thread.call(
                lambda: emulator_thread.emulator.churn(
                    changed=changed, added=1, completed=1, removed=1
                )
            )
            timer.seconds = choice.seconds = 0.0
            start = time.thread_time()
            await coordinator.async_refresh()
            await hass.async_block_till_done()
            measured.totals.append((time.thread_time() - start) * 1000)
            measured.values.append(timer.seconds * 1000)
            measured.choosing.append(choice.seconds * 1000)
    stop_counting()
    measured.devices_created = device_changes["create"]
    measured.devices_removed = device_changes["remove"]
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    return measured


@pytest.mark.usefixtures("enable_custom_integrations", "socket_enabled")
async def test_refresh_cost(
    hass: HomeAssistant, emulator_thread: EmulatorThread
) -> None:
    """Print the loop CPU time of refreshes after small churns."""
    measured = await _measure_refreshes(hass, emulator_thread, options={}, changed=10)
    size, totals, values = measured.size, measured.totals, measured.values
    print(
        f"\n{size:>6} torrents, {POLLS} churn polls: refresh "
        f"{statistics.mean(totals):.2f} ms loop CPU (max {max(totals):.2f}), "
        f"of which entity values {statistics.mean(values):.2f} ms "
        f"(max {max(values):.2f})"
    )


@pytest.mark.usefixtures("enable_custom_integrations", "socket_enabled")
@pytest.mark.parametrize(
    "options",
    [
        {},
        {
            CONF_TORRENT_DEVICES: True,
            CONF_TORRENT_FILTER: TORRENT_FILTER_ALL,
            CONF_TORRENT_LIMIT: TORRENT_DEVICE_CAP,
        },
        {
            CONF_TORRENT_DEVICES: True,
            CONF_TORRENT_FILTER: TORRENT_FILTER_ACTIVE,
            CONF_TORRENT_LIMIT: TORRENT_DEVICE_CAP,
        },
    ],
    ids=["devices off", "devices all", "devices active"],
)
async def test_refresh_cost_with_torrent_devices(
    hass: HomeAssistant, emulator_thread: EmulatorThread, options: dict[str, Any]
) -> None:
    """Print the loop CPU time of refreshes at 1% churn, torrent devices on or off."""
    measured = await _measure_refreshes(
        hass,
        emulator_thread,
        options=options,
        changed=len(emulator_thread.emulator.torrents) // 100,
    )
    size, totals, values = measured.size, measured.totals, measured.values
    devices = (
        f"{options[CONF_TORRENT_FILTER]}, cap {options[CONF_TORRENT_LIMIT]}"
        if options
        else "off"
    )
    print(
        f"\n{size:>6} torrents, 1% churn, torrent devices {devices}: refresh "
        f"{statistics.mean(totals):.2f} ms loop CPU (max {max(totals):.2f}), "
        f"of which entity values {statistics.mean(values):.2f} ms "
        f"(max {max(values):.2f})",
        end="",
    )
    print(
        f", choosing the torrents {statistics.mean(measured.choosing):.2f} ms "
        f"(max {max(measured.choosing):.2f}); devices created "
        f"{measured.devices_created}, removed {measured.devices_removed} "
        f"in {POLLS} polls"
    )
