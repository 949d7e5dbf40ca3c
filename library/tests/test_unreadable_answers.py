"""Type-confused maindata is refused once per poll; one bad field is unknown."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from qbittorrent_webui_client import (
    QBittorrentUnexpectedResponseError,
)

if TYPE_CHECKING:
    from qbittorrent_tooling.pytest_plugin import ClientFactory, EmulatorStarter


@pytest.mark.parametrize(
    ("section", "value"),
    [("torrents", ["a", "b"]), ("server_state", [1]), ("tags_removed", 3)],
)
async def test_a_section_of_the_wrong_type_is_an_unexpected_answer(
    emulator_factory: EmulatorStarter,
    client_factory: ClientFactory,
    section: str,
    value: object,
) -> None:
    emulator, url = await emulator_factory("5.3.0", torrent_count=5)
    client = client_factory(url)
    first = await client.sync()

    emulator.faults.maindata_sections = {section: value}
    with pytest.raises(QBittorrentUnexpectedResponseError, match=f"'{section}'"):
        await client.sync()
    emulator.faults.maindata_sections = {}
    after = await client.sync()

    # Nothing of the refused answer was kept, nothing is lost.
    assert (after.added, after.removed, after.completed) == ((), (), ())
    assert set(after.data.torrents) == set(first.data.torrents)


async def test_one_bad_field_is_unknown_and_the_rest_is_read(
    emulator_factory: EmulatorStarter, client_factory: ClientFactory
) -> None:
    emulator, url = await emulator_factory("5.3.0", torrent_count=3)
    client = client_factory(url)
    await client.sync()
    torrent_hash = next(iter(emulator.torrents))
    emulator.population.update(
        torrent_hash, added_on=1e18, size="large", ratio=float("nan"), name="renamed"
    )

    result = await client.sync()

    torrent = result.data.torrents[torrent_hash]
    assert (torrent.added_on, torrent.size, torrent.ratio) == (None, None, None)
    assert torrent.name == "renamed"
    assert len(result.data.torrents) == 3
