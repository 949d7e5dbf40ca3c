"""Run a development Home Assistant with the integration and a local qBittorrent.

Started by ``scripts/develop`` inside the project's environment. Ctrl-C stops
everything it started.
"""

from __future__ import annotations

import argparse
from pathlib import Path
import signal
import subprocess
import sys
import time

from qbittorrent_tooling.real_servers import (
    QBittorrentProcess,
    find_installations,
    free_port,
)

CHECKOUT = Path(__file__).resolve().parent.parent
CONFIG = CHECKOUT / "config"
USERNAME = "admin"
PASSWORD = "adminadmin"


def parse_arguments() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    backend = parser.add_mutually_exclusive_group()
    backend.add_argument(
        "--qbittorrent",
        metavar="VERSION",
        default="5.3.0",
        help="real qbittorrent-nox version to start (4.2.5, 4.5.2, 5.1.0, 5.3.0; default 5.3.0)",
    )
    backend.add_argument(
        "--emulator",
        metavar="VERSION",
        help="start the emulator of this version instead (e.g. 3.1.12, 4.0.4, 4.6.7)",
    )
    backend.add_argument(
        "--no-qbittorrent", action="store_true", help="start Home Assistant only"
    )
    parser.add_argument(
        "--port", type=int, default=8080, help="qBittorrent WebUI port (default 8080)"
    )
    parser.add_argument(
        "--torrents", type=int, default=25, help="emulated torrents (default 25)"
    )
    return parser.parse_args()


def start_emulator(version: str, port: int, torrents: int) -> subprocess.Popen[bytes]:
    """Start ``python -m qbittorrent_tooling.emulator`` in the background."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "qbittorrent_tooling.emulator",
            "--version",
            version,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--username",
            USERNAME,
            "--password",
            PASSWORD,
            "--torrents",
            str(torrents),
            "--churn-interval",
            "5",
        ],
        cwd=CHECKOUT,
    )


def start_qbittorrent(version: str, port: int) -> QBittorrentProcess | None:
    """Start a real qbittorrent-nox with a throwaway profile."""
    installation = find_installations().get(version)
    if installation is None:
        print(
            f"qbittorrent-nox {version} is not available here; "
            f"have: {', '.join(sorted(find_installations())) or 'none'}",
            file=sys.stderr,
        )
        return None
    server = QBittorrentProcess(
        installation, username=USERNAME, password=PASSWORD, port=port or free_port()
    )
    server.start()
    banner(f"qbittorrent-nox {installation.version}", server.url)
    return server


def banner(backend: str, url: str) -> None:
    """Tell the developer what to type into the config flow."""
    print(
        "\n"
        f"  qBittorrent ({backend}) at {url}\n"
        f"  username: {USERNAME}   password: {PASSWORD}\n"
        "  Home Assistant: http://127.0.0.1:8123  (create a user on first start,\n"
        "  then Settings > Devices & services > Add integration > qBittorrent WebUI)\n",
        flush=True,
    )


def supervise(
    hass: subprocess.Popen[bytes], emulator: subprocess.Popen[bytes] | None
) -> None:
    """Wait until Home Assistant or the emulator exits, or Ctrl-C / SIGTERM."""

    def stop(_signal: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        while hass.poll() is None:
            if emulator is not None and emulator.poll() is not None:
                print("the emulator exited; stopping", file=sys.stderr)
                return
            time.sleep(0.5)
    except KeyboardInterrupt:
        return


def terminate(process: subprocess.Popen[bytes]) -> None:
    """Stop a child process, killing it if it does not stop in time."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


def main() -> int:
    """Start qBittorrent and Home Assistant, stop both on Ctrl-C or exit."""
    arguments = parse_arguments()
    link = CONFIG / "custom_components"
    if not link.is_symlink():
        link.symlink_to(Path("..") / "custom_components")

    server: QBittorrentProcess | None = None
    emulator: subprocess.Popen[bytes] | None = None
    if arguments.emulator:
        emulator = start_emulator(
            arguments.emulator, arguments.port, arguments.torrents
        )
        banner(f"emulator {arguments.emulator}", f"http://127.0.0.1:{arguments.port}")
    elif not arguments.no_qbittorrent:
        server = start_qbittorrent(arguments.qbittorrent, arguments.port)
        if server is None:
            return 1

    hass = subprocess.Popen(
        [sys.executable, "-m", "homeassistant", "-c", str(CONFIG), "--skip-pip"],
        cwd=CHECKOUT,
    )
    try:
        supervise(hass, emulator)
    finally:
        for process in (hass, emulator):
            if process is not None:
                terminate(process)
        if server is not None:
            server.remove()
    return hass.returncode or 0


if __name__ == "__main__":
    sys.exit(main())
