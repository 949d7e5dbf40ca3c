"""Start real ``qbittorrent-nox`` servers for tests, with throwaway profiles.

No Home Assistant imports: the client tests, the emulator validation and
``scripts/develop`` use this too.

Installations are found in the environment's own root (``/usr/bin``) and in
the Debian roots that ``scripts/setup`` bind-mounts under
``$QBT_ROOTS_DIR`` (default ``/opt/qbittorrent-roots/<suite>``); a server in
such a root runs through ``chroot``, with its profile under that root's
``/tmp``. Every server listens on 127.0.0.1 only, with DHT, LSD, PeX, UPnP
and peer-country lookups off, so nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass, field
import functools
import hashlib
import os
from pathlib import Path
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from typing import TYPE_CHECKING, Self
import urllib.error
import urllib.request

if TYPE_CHECKING:
    from types import TracebackType

DEFAULT_ROOTS_DIR = "/opt/qbittorrent-roots"
BINARY = "/usr/bin/qbittorrent-nox"
CHROOT = "/usr/sbin/chroot"
SETPRIV = "setpriv"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 15.0


@dataclass(frozen=True, slots=True)
class Installation:
    """One installed qBittorrent version, inside a filesystem root."""

    version: str
    root: Path

    @property
    def chrooted(self) -> bool:
        """Whether the binary lives in another root than ours."""
        return self.root != Path("/")

    def command(self, *args: str) -> list[str]:
        """Build the command line that runs qbittorrent-nox with ``args``.

        ``setpriv --pdeathsig`` has the kernel stop the server if the process
        that started it dies without cleaning up (it survives the exec).
        """
        command = [BINARY, *args]
        if self.chrooted:
            command = [CHROOT, str(self.root), *command]
        if shutil.which(SETPRIV):
            command = [SETPRIV, "--pdeathsig", "TERM", *command]
        return command


def _version_of(root: Path) -> str | None:
    if not (root / BINARY.lstrip("/")).exists():
        return None
    installation = Installation("?", root)
    try:
        result = subprocess.run(  # noqa: S603
            installation.command("--version"),
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except OSError:
        return None
    match = re.search(r"v(\d+\.\d+\.\d+)", result.stdout)
    return match.group(1) if match else None


@functools.cache
def find_installations() -> dict[str, Installation]:
    """Return the qBittorrent installations reachable from here, by version."""
    roots = [Path("/")]
    roots_dir = Path(os.environ.get("QBT_ROOTS_DIR", DEFAULT_ROOTS_DIR))
    if roots_dir.is_dir():
        roots += sorted(path for path in roots_dir.iterdir() if path.is_dir())
    found: dict[str, Installation] = {}
    for root in roots:
        if (version := _version_of(root)) is not None:
            found.setdefault(version, Installation(version, root))
    return found


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def password_pbkdf2(password: str, salt: bytes | None = None) -> str:
    r"""Encode a password the way qBittorrent stores it (``WebUI\\Password_PBKDF2``)."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    key = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, 100_000, dklen=64)
    return f"@ByteArray({base64.b64encode(salt).decode()}:{base64.b64encode(key).decode()})"


@dataclass
class QBittorrentProcess:
    """A real qbittorrent-nox with a throwaway profile, on a free loopback port.

    Usable as a (sync or async) context manager; ``restart`` keeps the profile
    and the port, like a user restarting qBittorrent.
    """

    installation: Installation
    username: str | None = "admin"
    password: str | None = "adminadmin"
    port: int = field(default_factory=free_port)
    # Extra qBittorrent.conf entries: {"Preferences": {"WebUI\\BanDuration": "5"}}
    extra_config: dict[str, dict[str, str]] = field(default_factory=dict)
    _process: subprocess.Popen[bytes] | None = field(default=None, init=False)
    _profile: Path | None = field(default=None, init=False)

    @property
    def url(self) -> str:
        """Base URL of the WebUI."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def version(self) -> str:
        """The qBittorrent version of this server."""
        return self.installation.version

    @property
    def profile(self) -> Path:
        """The profile directory, as seen from our root."""
        if self._profile is None:
            msg = "server was never started"
            raise RuntimeError(msg)
        return self._profile

    @property
    def download_dir(self) -> Path:
        """The default save path, as seen from our root."""
        return self.profile / "downloads"

    @property
    def download_dir_for_server(self) -> str:
        """The default save path, as the server sees it."""
        return self._inner(self.download_dir)

    @property
    def running(self) -> bool:
        """Whether the process is alive."""
        return self._process is not None and self._process.poll() is None

    def _inner(self, path: Path) -> str:
        """Translate a path of ours into the server's root."""
        if not self.installation.chrooted:
            return str(path)
        return "/" + str(path.relative_to(self.installation.root))

    def _write_profile(self) -> None:
        tmp_root = self.installation.root / "tmp"
        self._profile = Path(tempfile.mkdtemp(prefix="qbt-test-", dir=tmp_root))
        self.download_dir.mkdir()
        config_dir = self.profile / "qBittorrent" / "config"
        config_dir.mkdir(parents=True)
        sections: dict[str, dict[str, str]] = {
            "LegalNotice": {"Accepted": "true"},
            "BitTorrent": {
                "Session\\DHTEnabled": "false",
                "Session\\LSDEnabled": "false",
                "Session\\PeXEnabled": "false",
                "Session\\Port": str(free_port()),
                "Session\\Interface": "lo",
                "Session\\InterfaceName": "lo",
                "Session\\InterfaceAddress": "127.0.0.1",
                "Session\\DefaultSavePath": self.download_dir_for_server,
                "Session\\TempPath": self.download_dir_for_server,
            },
            "Network": {"PortForwardingEnabled": "false"},
            "Preferences": {
                "WebUI\\Address": "127.0.0.1",
                "WebUI\\Port": str(self.port),
                "WebUI\\LocalHostAuth": "true",
                "WebUI\\UseUPnP": "false",
                "Connection\\UPnP": "false",
                "Connection\\ResolvePeerCountries": "false",
                "General\\Locale": "en",
                "Downloads\\SavePath": self.download_dir_for_server,
            },
        }
        if self.username is not None:
            sections["Preferences"]["WebUI\\Username"] = self.username
        if self.password is not None:
            sections["Preferences"]["WebUI\\Password_PBKDF2"] = (
                f'"{password_pbkdf2(self.password)}"'
            )
        else:
            sections["Preferences"]["WebUI\\AuthSubnetWhitelistEnabled"] = "true"
            sections["Preferences"]["WebUI\\AuthSubnetWhitelist"] = "127.0.0.0/8"
        for section, values in self.extra_config.items():
            sections.setdefault(section, {}).update(values)
        text = "".join(
            f"[{name}]\n"
            + "".join(f"{key}={value}\n" for key, value in values.items())
            + "\n"
            for name, values in sections.items()
        )
        (config_dir / "qBittorrent.conf").write_text(text, encoding="utf-8")

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(  # noqa: S310
                f"{self.url}/api/v2/app/webapiVersion", timeout=2
            ):
                return True
        except urllib.error.HTTPError:
            return True  # 403 without a session: the WebUI is up
        except OSError:
            return False

    def _arguments(self) -> list[str]:
        arguments = [
            f"--profile={self._inner(self.profile)}",
            f"--webui-port={self.port}",
        ]
        # 5.0 added the flag; older versions refuse unknown flags and read
        # [LegalNotice] Accepted from the profile instead.
        if tuple(map(int, self.version.split("."))) >= (5, 0, 0):
            arguments.append("--confirm-legal-notice")
        return arguments

    def start(self) -> None:
        """Start qbittorrent-nox and wait until the WebUI answers."""
        if self._profile is None:
            self._write_profile()
        log = (self.profile / "stdout.log").open("ab")
        self._process = subprocess.Popen(  # noqa: S603
            self.installation.command(*self._arguments()),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                output = (self.profile / "stdout.log").read_text(errors="replace")
                msg = (
                    f"qbittorrent-nox {self.version} exited at start:\n{output[-2000:]}"
                )
                raise RuntimeError(msg)
            if self._answers():
                return
            time.sleep(0.1)
        self.stop()
        msg = f"qbittorrent-nox {self.version} did not answer within {START_TIMEOUT}s"
        raise RuntimeError(msg)

    def stop(self) -> None:
        """Stop qbittorrent-nox gracefully (SIGTERM), killing it if it hangs."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def restart(self) -> None:
        """Stop and start again with the same profile and port."""
        self.stop()
        self.start()

    def remove(self) -> None:
        """Stop the server and delete its profile."""
        self.stop()
        if self._profile is not None:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None

    async def async_start(self) -> None:
        """Start without blocking the event loop."""
        await asyncio.to_thread(self.start)

    async def async_stop(self) -> None:
        """Stop without blocking the event loop."""
        await asyncio.to_thread(self.stop)

    async def async_restart(self) -> None:
        """Restart without blocking the event loop."""
        await asyncio.to_thread(self.restart)

    def __enter__(self) -> Self:
        """Start the server."""
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop the server and remove its profile."""
        self.remove()

    async def __aenter__(self) -> Self:
        """Start the server."""
        await self.async_start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop the server and remove its profile."""
        await asyncio.to_thread(self.remove)
