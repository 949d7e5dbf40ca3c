"""The library's tests run against the installed wheel, which stands on its own."""

from __future__ import annotations

import ast
from importlib import metadata
from pathlib import Path
import re
import sys

import qbittorrent_webui_client

CHECKOUT = Path(__file__).resolve().parents[2]
SOURCE = (
    CHECKOUT / "custom_components" / "qbittorrent_webui" / "qbittorrent_webui_client"
)


def test_tests_import_the_installed_wheel_not_the_source() -> None:
    installed = Path(qbittorrent_webui_client.__file__).resolve().parent

    assert installed != SOURCE
    assert metadata.version("qbittorrent-webui-client") == (
        qbittorrent_webui_client.__version__
    )
    assert (installed / "py.typed").is_file()


def test_wheel_holds_exactly_the_integrations_copy() -> None:
    installed = Path(qbittorrent_webui_client.__file__).resolve().parent
    shipped = {path.name: path.read_bytes() for path in SOURCE.glob("*.py")}

    assert {path.name: path.read_bytes() for path in installed.glob("*.py")} == (
        shipped
    )


def test_library_imports_only_its_declared_dependencies() -> None:
    installed = Path(qbittorrent_webui_client.__file__).resolve().parent
    imported: set[str] = set()
    for path in installed.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    declared = {
        re.split(r"[<>=!~ ;\[]", requirement)[0]
        for requirement in metadata.requires("qbittorrent-webui-client") or []
    }

    assert imported - set(sys.stdlib_module_names) == declared == {"aiohttp", "yarl"}
