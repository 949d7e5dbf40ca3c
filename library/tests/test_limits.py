"""Speed limits in the unit each generation keeps them in (emulated versions).

The preferences give limits in KiB/s up to 3.3.7 (legacy API 10) and in B/s
from 3.3.8 on (qBittorrent's source; 4.5.2, 5.1.0 and 5.3.0 seen in
``test_contract.py``); the client speaks B/s everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from qbittorrent_webui_client import MAX_SPEED_LIMIT, SpeedLimits

if TYPE_CHECKING:
    from qbittorrent_tooling.pytest_plugin import ClientFactory, EmulatorStarter


@pytest.mark.parametrize(
    ("version", "in_kib"),
    [
        ("3.1.12", True),
        ("3.2.0", True),
        ("3.3.7", True),
        ("3.3.8", False),
        ("4.0.4", False),
        ("4.1.9", False),
        ("5.3.0", False),
    ],
)
async def test_alternative_limits_in_the_unit_of_each_generation(
    emulator_factory: EmulatorStarter,
    client_factory: ClientFactory,
    version: str,
    in_kib: bool,
) -> None:
    emulator, url = await emulator_factory(version, torrent_count=0)
    client = client_factory(url)
    assert await client.get_alternative_speed_limits() == SpeedLimits(
        download=10 * 1024, upload=10 * 1024
    )

    await client.set_alternative_download_limit(300 * 1024)
    await client.set_alternative_upload_limit(MAX_SPEED_LIMIT)

    assert (emulator.alt_download_limit, emulator.alt_upload_limit) == (
        300 * 1024,
        MAX_SPEED_LIMIT,
    )
    assert await client.get_alternative_speed_limits() == SpeedLimits(
        download=300 * 1024, upload=MAX_SPEED_LIMIT
    )
    preferences = await client.get_preferences()
    assert preferences["alt_dl_limit"] == (300 if in_kib else 300 * 1024)


@pytest.mark.parametrize(
    ("version", "highest"),
    [("3.3.7", MAX_SPEED_LIMIT // 1024), ("5.3.0", MAX_SPEED_LIMIT)],
)
async def test_preferences_limits_above_the_maximum_are_refused(
    emulator_factory: EmulatorStarter,
    client_factory: ClientFactory,
    version: str,
    highest: int,
) -> None:
    # set_preferences takes the server's unit, so the maximum is in that unit.
    emulator, url = await emulator_factory(version, torrent_count=0)
    client = client_factory(url)

    with pytest.raises(ValueError, match="dl_limit"):
        await client.set_preferences({"dl_limit": highest + 1, "max_connec": 7})
    assert emulator.download_limit == 0
    assert "max_connec" not in emulator.preferences

    await client.set_preferences({"dl_limit": highest})
    assert emulator.download_limit == MAX_SPEED_LIMIT


async def test_unreadable_alternative_limit_is_unknown(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory("5.3.0", torrent_count=0)
    emulator.preferences["alt_dl_limit"] = "odd"
    client = client_factory(url)

    assert await client.get_alternative_speed_limits() == SpeedLimits(
        download=None, upload=10 * 1024
    )
