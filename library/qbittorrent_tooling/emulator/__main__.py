"""Run the emulator on its own: ``python -m qbittorrent_tooling.emulator --version 4.6.7``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from . import QBittorrentEmulator
from .versions import SUPPORTED_VERSIONS


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m qbittorrent_tooling.emulator",
        description="Serve a fake qBittorrent WebUI of the chosen version.",
    )
    parser.add_argument(
        "--version",
        default="5.3.0",
        help=f"qBittorrent version to emulate (tested: {', '.join(SUPPORTED_VERSIONS)})",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--username", default="admin")
    parser.add_argument("--password", default="adminadmin")
    parser.add_argument("--torrents", type=int, default=100, help="population size")
    parser.add_argument("--seed", type=int, default=0, help="population seed")
    parser.add_argument("--churn-interval", type=float, default=None, help="seconds")
    parser.add_argument("--locale", default="en", help="3.1.x string language (en, ru)")
    parser.add_argument("--api-key", default=None, help="Bearer API key (5.2+)")
    parser.add_argument(
        "--chunked",
        action="store_true",
        help="send JSON in chunked transfer encoding, without Content-Length",
    )
    return parser.parse_args()


async def _serve(arguments: argparse.Namespace) -> None:
    emulator = QBittorrentEmulator(
        arguments.version,
        username=arguments.username,
        password=arguments.password,
        torrent_count=arguments.torrents,
        seed=arguments.seed,
        locale=arguments.locale,
        api_key=arguments.api_key,
    )
    emulator.faults.chunked_json = arguments.chunked
    async with emulator.serve(
        arguments.host, arguments.port, churn_interval=arguments.churn_interval
    ) as url:
        print(url, flush=True)  # noqa: T201 - the URL is this command's output
        await asyncio.Event().wait()


def main() -> None:
    """Entry point."""
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(_arguments()))


if __name__ == "__main__":
    main()
