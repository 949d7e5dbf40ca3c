"""The minimum-version table: quoted by the docs, and agreeing with the code."""

from __future__ import annotations

from dataclasses import fields
import inspect
from pathlib import Path
import re
from typing import TYPE_CHECKING

import pytest

from qbittorrent_tooling.emulator.versions import (
    Generation as EmulatedGeneration,
    VersionProfile,
)
from qbittorrent_webui_client import (
    AddTorrentOptions,
    Capabilities,
    QBittorrentClient,
    QBittorrentUnsupportedOperationError,
)
from qbittorrent_webui_client._dialect import OptionalOperations
from qbittorrent_webui_client._digest import DigestDialect, digest_capabilities
from qbittorrent_webui_client._legacy import LegacyDialect, legacy_capabilities
from qbittorrent_webui_client._modern import ModernDialect, modern_capabilities
from qbittorrent_webui_client.models import OPERATION_REQUIREMENTS

if TYPE_CHECKING:
    from qbittorrent_tooling.pytest_plugin import ClientFactory, EmulatorStarter
    from qbittorrent_webui_client._dialect import Dialect

MAGNET_HASH = "c" * 40
MAGNET = f"magnet:?xt=urn:btih:{MAGNET_HASH}&dn=table"
COMPATIBILITY = Path(__file__).resolve().parents[1] / "docs" / "compatibility.md"
_ROW = re.compile(r"^\| `(?P<name>[^`]+)` \| (?P<version>[\d.]+) \| (?P<check>.+) \|$")

DIALECTS: dict[EmulatedGeneration, type[Dialect]] = {
    EmulatedGeneration.DIGEST: DigestDialect,
    EmulatedGeneration.LEGACY: LegacyDialect,
    EmulatedGeneration.MODERN: ModernDialect,
}

# Every x.y.z from 3.1.0 to 5.3.20: each step of the emulator's version tables
# (legacy API levels, web API versions) falls on one of them.
VERSIONS = [
    VersionProfile((major, minor, patch))
    for major in (3, 4, 5)
    for minor in range(7)
    for patch in range(21)
    if (3, 1, 0) <= (major, minor, patch) < (5, 4, 0)
]


def _parse(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _capabilities(profile: VersionProfile) -> Capabilities:
    if profile.generation is EmulatedGeneration.DIGEST:
        return digest_capabilities()
    if profile.generation is EmulatedGeneration.LEGACY:
        return legacy_capabilities(profile.legacy_api)
    return modern_capabilities(profile.webapi, profile.version)


def _documented_table() -> dict[str, tuple[str, str | None]]:
    section = COMPATIBILITY.read_text().split("## Minimum versions", 1)[1]
    section = section.split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        if match := _ROW.match(line):
            check = match["check"]
            capability = None if check == "API level" else check.strip("`")
            rows[match["name"]] = (match["version"], capability)
    return rows


def test_the_docs_quote_the_table() -> None:
    assert _documented_table() == {
        name: (requirement.minimum_version, requirement.capability)
        for name, requirement in OPERATION_REQUIREMENTS.items()
    }


def test_each_entry_names_a_flag_and_a_client_method_that_exist() -> None:
    flags = {field.name for field in fields(Capabilities)}
    for name, requirement in OPERATION_REQUIREMENTS.items():
        assert requirement.capability is None or requirement.capability in flags
        method = re.match(r"\w+", name)
        assert method is not None
        if method[0] == name or "(" in name:
            assert hasattr(QBittorrentClient, method[0]), name


@pytest.mark.parametrize(
    "name",
    [name for name, req in OPERATION_REQUIREMENTS.items() if req.capability],
)
def test_flags_are_set_from_the_tables_version_on(name: str) -> None:
    requirement = OPERATION_REQUIREMENTS[name]
    assert requirement.capability is not None
    minimum = _parse(requirement.minimum_version)
    for profile in VERSIONS:
        has_it = getattr(_capabilities(profile), requirement.capability)
        assert has_it is (profile.version >= minimum), profile.text


@pytest.mark.parametrize(
    "name",
    [
        name
        for name, req in OPERATION_REQUIREMENTS.items()
        if req.capability and name.isidentifier()
    ],
)
def test_generations_define_the_operations_their_flags_allow(name: str) -> None:
    requirement = OPERATION_REQUIREMENTS[name]
    assert requirement.capability is not None
    for generation, dialect in DIALECTS.items():
        allowed = any(
            getattr(_capabilities(profile), requirement.capability)
            for profile in VERSIONS
            if profile.generation is generation
        )
        assert hasattr(dialect, name) is allowed, (generation, name)


def test_the_client_calls_exactly_the_tables_operations_through_the_protocol() -> None:
    declared = {name for name in vars(OptionalOperations) if not name.startswith("_")}
    gated = {
        name
        for name, req in OPERATION_REQUIREMENTS.items()
        if req.capability and name.isidentifier()
    }
    assert declared == gated


@pytest.mark.parametrize(
    "name",
    [
        name
        for name, req in OPERATION_REQUIREMENTS.items()
        if req.capability and name.isidentifier()
    ],
)
def test_generations_define_them_as_the_client_calls_them(name: str) -> None:
    """The client calls them through OptionalOperations, typed; each definition agrees."""
    expected = inspect.signature(getattr(OptionalOperations, name))
    for generation, dialect in DIALECTS.items():
        if hasattr(dialect, name):
            assert inspect.signature(getattr(dialect, name)) == expected, (
                generation,
                name,
            )


@pytest.mark.parametrize(
    ("version", "call", "operation"),
    [
        ("3.3.12", "add_stopped", "add option stopped"),
        ("3.3.16", "add_limited", "add option download_limit"),
        ("4.0.4", "add_tagged", "add option tags"),
        ("4.3.1", "add_tagged", "add option tags"),
        ("4.0.4", "category_with_path", "create_category(save_path=...)"),
        ("4.0.4", "list_by_tag", "get_torrents(tag=...)"),
        ("4.3.5", "list_by_tag", "get_torrents(tag=...)"),
    ],
)
async def test_api_level_checks_name_the_tables_version(
    version: str,
    call: str,
    operation: str,
    emulator_factory: EmulatorStarter,
    client_factory: ClientFactory,
) -> None:
    emulator, url = await emulator_factory(version)
    client = client_factory(url)
    calls = {
        "add_stopped": lambda: client.add_torrent_urls(
            [MAGNET], AddTorrentOptions(stopped=True)
        ),
        "add_limited": lambda: client.add_torrent_urls(
            [MAGNET], AddTorrentOptions(download_limit=1024)
        ),
        "add_tagged": lambda: client.add_torrent_urls(
            [MAGNET], AddTorrentOptions(tags=("linux",))
        ),
        "category_with_path": lambda: client.create_category("iso", "/data/iso"),
        "list_by_tag": lambda: client.get_torrents(tag="linux"),
    }

    with pytest.raises(QBittorrentUnsupportedOperationError) as raised:
        await calls[call]()

    assert raised.value.operation == operation
    assert raised.value.minimum_version == (
        OPERATION_REQUIREMENTS[operation].minimum_version
    )
    assert MAGNET_HASH not in emulator.torrents
