"""End-to-end check of the torrent card in a real Chromium.

Started by ``scripts/card-e2e`` inside the project's environment, with a
headless Chromium already listening for the DevTools protocol. Starts a real
qbittorrent-nox 5.3.0 holding torrents (see card_e2e_server.py; ``--emulator``:
the emulator with churning torrents instead) and a throwaway Home Assistant,
onboards it, adds the integration through its config flow and makes two
dashboards, one holding the card and one made by the integration's strategy
(no resource is added by hand: the integration serves the bundle). Then in the
browser: the card shows the torrents with progress, a pause from a row stops
that torrent in qBittorrent (asked through its WebUI API), the strategy's
dashboard shows the card, the speed history, status and controls, the card
speaks German when Home Assistant does, and screenshots (the card light and
dark, the dashboard) are written for the README.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
from http import HTTPStatus
import json
from pathlib import Path
import shutil
import subprocess
import sys
import tempfile
import time
from typing import TYPE_CHECKING, Any

import aiohttp
from card_e2e_server import STOPPED_STATES, demo_server, torrent_state

from qbittorrent_tooling.real_servers import free_port

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

CHECKOUT = Path(__file__).resolve().parent.parent
USERNAME = "admin"
PASSWORD = "adminadmin"
DEADLINE = 120.0
# With --hold-app: how long Home Assistant's app bundle is held back.
HOLD_APP_SECONDS = 3.0
# The dashboard made by the integration's strategy.
STRATEGY_DASHBOARD = "qbittorrent-dashboard"

# Finds elements through every shadow root of the page.
DEEP_QUERY = """
function deepQuery(selector) {
  const found = [];
  const walk = (root) => {
    found.push(...root.querySelectorAll(selector));
    for (const element of root.querySelectorAll("*")) {
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(document);
  return found;
}
"""


class Browser:
    """One page of Chromium, driven over the DevTools protocol."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        """Drive the page behind ``socket``."""
        self._socket = socket
        self._id = 0
        # Requests paused by Fetch.enable: answered later, outside ``call``.
        self._held: set[asyncio.Task[None]] = set()
        self._held_id = 1_000_000
        # The page's console messages and uncaught exceptions, for failures.
        self.console: list[str] = []

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a command and return its result (events in between are skipped)."""
        self._id += 1
        await self._socket.send_json(
            {"id": self._id, "method": method, "params": params}
        )
        while True:
            message = await self._socket.receive_json()
            self._record(message)
            if message.get("id") == self._id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def _record(self, message: dict[str, Any]) -> None:
        """Keep the console messages and exceptions among the events."""
        params = message.get("params", {})
        if message.get("method") == "Fetch.requestPaused":
            task = asyncio.create_task(self._release(params["requestId"]))
            self._held.add(task)
            task.add_done_callback(self._held.discard)
        elif message.get("method") == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            exception = details.get("exception", {})
            self.console.append(
                "exception: "
                + str(exception.get("description") or details.get("text"))
                + f" ({details.get('url', '')}:{details.get('lineNumber')})"
            )
        elif message.get("method") == "Runtime.consoleAPICalled":
            self.console.append(
                f"console.{params['type']}: "
                + " ".join(
                    str(arg.get("value", arg.get("description", "")))
                    for arg in params["args"]
                )
            )
        elif message.get("method") == "Log.entryAdded":
            entry = params["entry"]
            self.console.append(
                f"log.{entry['level']}: {entry['text']} {entry.get('url', '')}"
            )

    async def hold_app(self) -> None:
        """Delay Home Assistant's app bundle, so extra modules evaluate first."""
        await self.call(
            "Fetch.enable",
            patterns=[
                {"urlPattern": "*/frontend_latest/app.*", "requestStage": "Response"}
            ],
        )

    async def _release(self, request_id: str) -> None:
        """Let a held request through after a while."""
        await asyncio.sleep(HOLD_APP_SECONDS)
        self._held_id += 1
        await self._socket.send_json(
            {
                "id": self._held_id,
                "method": "Fetch.continueRequest",
                "params": {"requestId": request_id},
            }
        )

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = await self.call(
            "Runtime.evaluate",
            expression=DEEP_QUERY + expression,
            returnByValue=True,
            awaitPromise=True,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(str(result["exceptionDetails"]))
        return result["result"].get("value")

    async def wait_for(self, expression: str, what: str) -> Any:
        """Evaluate until the expression is truthy."""
        started = time.monotonic()
        while time.monotonic() - started < DEADLINE:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.5)
        msg = f"timed out waiting for {what}"
        raise AssertionError(msg)

    async def screenshot(self, path: Path) -> None:
        """Save the page as a PNG."""
        result = await self.call("Page.captureScreenshot", format="png")
        await asyncio.to_thread(path.write_bytes, base64.b64decode(result["data"]))
        print(f"screenshot: {path}", flush=True)


async def wait_http(session: aiohttp.ClientSession, url: str) -> None:
    """Wait until ``url`` answers."""
    started = time.monotonic()
    while time.monotonic() - started < DEADLINE:
        try:
            async with session.get(url) as response:
                if response.status < HTTPStatus.INTERNAL_SERVER_ERROR:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.5)
    msg = f"{url} did not answer"
    raise AssertionError(msg)


async def onboard(session: aiohttp.ClientSession, base: str) -> dict[str, Any]:
    """Create the owner and finish onboarding; return the owner's tokens."""
    client_id = f"{base}/"
    async with session.post(
        f"{base}/api/onboarding/users",
        json={
            "client_id": client_id,
            "name": "Owner",
            "username": "owner",
            "password": "owner-password",
            "language": "en",
        },
    ) as response:
        auth_code = (await response.json())["auth_code"]
    async with session.post(
        f"{base}/auth/token",
        data={
            "grant_type": "authorization_code",
            "code": auth_code,
            "client_id": client_id,
        },
    ) as response:
        tokens: dict[str, Any] = await response.json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    for step, body in (
        ("core_config", {}),
        ("analytics", {}),
        (
            "integration",
            {"client_id": client_id, "redirect_uri": f"{base}/?auth_callback=1"},
        ),
    ):
        async with session.post(
            f"{base}/api/onboarding/{step}", json=body, headers=headers
        ) as response:
            response.raise_for_status()
    return tokens


async def add_integration(
    session: aiohttp.ClientSession, base: str, token: str, qbittorrent_url: str
) -> str:
    """Add the server through the config flow; return the entry id."""
    headers = {"Authorization": f"Bearer {token}"}
    async with session.post(
        f"{base}/api/config/config_entries/flow",
        json={"handler": "qbittorrent_webui"},
        headers=headers,
    ) as response:
        flow = await response.json()
    async with session.post(
        f"{base}/api/config/config_entries/flow/{flow['flow_id']}",
        json={
            "url": qbittorrent_url,
            "username": USERNAME,
            "password": PASSWORD,
            "verify_ssl": True,
        },
        headers=headers,
    ) as response:
        result = await response.json()
    assert result["type"] == "create_entry", result
    return str(result["result"]["entry_id"])


async def save_dashboards(
    session: aiohttp.ClientSession, base: str, token: str, entry_id: str
) -> None:
    """Two dashboards: one view holding the card, and the integration's own."""
    card = {
        "type": "custom:qbittorrent-card",
        "entry_id": entry_id,
        "title": "qBittorrent",
        "height": 520,
    }
    dashboards = {
        ("qbittorrent-torrents", "Torrents"): {
            "views": [{"title": "Torrents", "path": "torrents", "cards": [card]}]
        },
        # As README shows it: the strategy builds the views.
        (STRATEGY_DASHBOARD, "qBittorrent"): {
            "strategy": {"type": "custom:qbittorrent-webui"}
        },
    }
    async with session.ws_connect(f"{base}/api/websocket") as socket:
        await socket.receive_json()
        await socket.send_json({"type": "auth", "access_token": token})
        assert (await socket.receive_json())["type"] == "auth_ok"
        message_id = 0
        for (url_path, title), config in dashboards.items():
            for message in (
                {
                    "type": "lovelace/dashboards/create",
                    "url_path": url_path,
                    "title": title,
                    "mode": "storage",
                    "show_in_sidebar": True,
                },
                {
                    "type": "lovelace/config/save",
                    "url_path": url_path,
                    "config": config,
                },
            ):
                message_id += 1
                await socket.send_json({"id": message_id, **message})
                answer = await socket.receive_json()
                assert answer["success"], answer


async def open_card(
    browser: Browser,
    base: str,
    tokens: dict[str, Any],
    *,
    dark: bool,
    path: str = "qbittorrent-torrents/torrents",
    language: str = "en",
) -> int:
    """Log the page in, open the dashboard and wait for the card's rows."""
    await browser.call("Page.navigate", url=f"{base}/auth/authorize")
    await asyncio.sleep(1)
    stored = {
        "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "expires_in": tokens["expires_in"],
        "token_type": "Bearer",
        "hassUrl": base,
        "clientId": f"{base}/",
        "expires": int(time.time() * 1000) + tokens["expires_in"] * 1000,
    }
    theme = {"theme": "default", "dark": dark}
    await browser.evaluate(
        f"localStorage.setItem('hassTokens', {json.dumps(json.dumps(stored))});"
        f"localStorage.setItem('selectedTheme', {json.dumps(json.dumps(theme))});"
        f"localStorage.setItem('selectedLanguage', {json.dumps(json.dumps(language))});"
        "true"
    )
    await browser.call("Page.navigate", url=f"{base}/{path}")
    try:
        return int(
            await browser.wait_for(
                "(() => { const card = deepQuery('qbittorrent-card')[0];"
                " const rows = card?.shadowRoot?.querySelectorAll('.row') ?? [];"
                " return rows.length; })()",
                "the card's rows",
            )
        )
    except AssertionError:
        # What the page shows instead, for whoever reads the failure.
        print("\n".join(browser.console[-60:]), file=sys.stderr)
        print(
            await browser.evaluate(
                "JSON.stringify({url: location.href,"
                " defined: Boolean(customElements.get('qbittorrent-card')),"
                # Upgraded by the browser's own registry, which Home Assistant's
                # scoped registry polyfill hides behind window.customElements.
                " native: typeof document.createElement('qbittorrent-card').render"
                "   === 'function',"
                " loaded: performance.getEntriesByType('resource').map((entry) => entry.name)"
                "   .filter((name) => name.includes('qbittorrent')),"
                " timing: performance.getEntriesByType('resource')"
                "   .filter((entry) => entry.name.includes('qbittorrent'))"
                "   .map((entry) => [entry.responseStatus, entry.transferSize, entry.initiatorType]),"
                " panels: Object.keys(document.querySelector('home-assistant')?.hass?.panels ?? {}),"
                " cards: deepQuery('qbittorrent-card').length,"
                " text: deepQuery('qbittorrent-card')[0]?.shadowRoot?.textContent"
                "   ?? document.body.innerText.slice(0, 500)})"
            ),
            file=sys.stderr,
        )
        print(
            await browser.evaluate(
                "import('/qbittorrent_webui/qbittorrent-card.js?retry=1')"
                ".then(() => 'imported', (error) => String(error.stack ?? error))"
            ),
            file=sys.stderr,
        )
        await browser.screenshot(
            CHECKOUT / "frontend" / ".test-build" / "e2e-failure.png"
        )
        raise


@contextlib.asynccontextmanager
async def emulator() -> AsyncIterator[str]:
    """The emulator of 5.3.0 with churning torrents; its URL."""
    port = free_port()
    process = subprocess.Popen(  # noqa: ASYNC220
        [
            sys.executable,
            "-m",
            "qbittorrent_tooling.emulator",
            "--version",
            "5.3.0",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--username",
            USERNAME,
            "--password",
            PASSWORD,
            "--torrents",
            "40",
            "--churn-interval",
            "5",
        ],
        cwd=CHECKOUT,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


@contextlib.asynccontextmanager
async def real_server() -> AsyncIterator[str]:
    """A real qbittorrent-nox holding torrents; its URL."""
    async with demo_server() as server:
        yield server.url


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a process, killing it if it hangs."""
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()


async def run(
    cdp_port: int, screenshots: Path, *, hold_app: bool, emulated: bool
) -> None:
    """Start everything, check the card, stop everything."""
    # Home Assistant's default port: another one set in the configuration makes
    # the frontend ask to confirm the change first.
    hass_port = 8123
    config = Path(tempfile.mkdtemp(prefix="qbt-card-e2e-"))
    (config / "custom_components").symlink_to(CHECKOUT / "custom_components")
    (config / "configuration.yaml").write_text(
        "homeassistant:\n  name: Home\n  time_zone: UTC\n  country: DE\n"
        "frontend:\nconfig:\nhistory:\n",
        encoding="utf-8",
    )
    hass = subprocess.Popen(  # noqa: ASYNC220
        [sys.executable, "-m", "homeassistant", "-c", str(config), "--skip-pip"],
        cwd=CHECKOUT,
        stdout=subprocess.DEVNULL,
        stderr=(config / "stderr.log").open("wb"),
    )
    base = f"http://127.0.0.1:{hass_port}"
    try:
        async with (
            emulator() if emulated else real_server() as qbittorrent_url,
            aiohttp.ClientSession() as session,
        ):
            await wait_http(session, f"{base}/api/onboarding")
            tokens = await onboard(session, base)
            entry_id = await add_integration(
                session, base, tokens["access_token"], qbittorrent_url
            )
            await save_dashboards(session, base, tokens["access_token"], entry_id)
            async with session.put(
                f"http://127.0.0.1:{cdp_port}/json/new?about:blank"
            ) as response:
                page = await response.json()
            async with session.ws_connect(
                page["webSocketDebuggerUrl"], max_msg_size=0
            ) as socket:
                browser = Browser(socket)
                await browser.call("Runtime.enable")
                await browser.call("Log.enable")
                if hold_app:
                    await browser.hold_app()
                await browser.call(
                    "Emulation.setDeviceMetricsOverride",
                    width=1100,
                    height=760,
                    deviceScaleFactor=1,
                    mobile=False,
                )
                rows = await open_card(browser, base, tokens, dark=False)
                print(f"the card shows {rows} rows", flush=True)
                progress = await browser.evaluate(
                    "[...deepQuery('qbittorrent-card')[0].shadowRoot"
                    ".querySelectorAll('.bar')].map((bar) => bar.style.width)"
                )
                assert any(width not in {"0%", "100%"} for width in progress), progress
                await asyncio.sleep(1)
                await browser.screenshot(screenshots / "card-light.png")
                await pause_from_card(browser, qbittorrent_url)
                await open_card(browser, base, tokens, dark=True)
                await asyncio.sleep(1)
                await browser.screenshot(screenshots / "card-dark.png")
                await check_strategy(browser, base, tokens, screenshots)
                await check_german(browser, base, tokens)
    except BaseException:
        log = (config / "stderr.log").read_text(encoding="utf-8", errors="replace")
        print("\n".join(log.splitlines()[-40:]), file=sys.stderr)
        raise
    finally:
        stop(hass)
        shutil.rmtree(config, ignore_errors=True)


async def pause_from_card(browser: Browser, qbittorrent_url: str) -> None:
    """Pause the first running torrent from its row; qBittorrent then stops it."""
    torrent = await browser.evaluate(
        "(() => { const card = deepQuery('qbittorrent-card')[0].shadowRoot;"
        " const row = [...card.querySelectorAll('.row')].find((row) =>"
        "   row.querySelector('button.icon ha-icon[icon=\"mdi:pause\"]'));"
        " row.querySelector('button.icon').click(); return row.dataset.hash; })()"
    )
    await browser.wait_for(
        "(() => { const row = deepQuery('qbittorrent-card')[0].shadowRoot"
        f".querySelector('.row[data-hash=\"{torrent}\"]');"
        " return row?.querySelector('ha-icon.status')?.getAttribute('icon') === 'mdi:pause'; })()",
        "the paused torrent to show as stopped",
    )
    state = await torrent_state(qbittorrent_url, torrent)
    assert state in STOPPED_STATES, state
    print(f"paused {torrent} from the card; qBittorrent reports {state}", flush=True)


async def check_strategy(
    browser: Browser, base: str, tokens: dict[str, Any], screenshots: Path
) -> None:
    """The integration's dashboard: the card, the speed history, sensors, controls."""
    await browser.call(
        "Emulation.setDeviceMetricsOverride",
        width=1400,
        height=1000,
        deviceScaleFactor=1,
        mobile=False,
    )
    rows = await open_card(browser, base, tokens, dark=False, path=STRATEGY_DASHBOARD)
    cards = await browser.wait_for(
        "(() => { const cards = ["
        " ...deepQuery('hui-history-graph-card'), ...deepQuery('hui-entities-card')];"
        " return cards.length === 3 && cards.every((card) => card.shadowRoot"
        "   ?.querySelector('.card-header, h1')) ? cards.map((card) =>"
        "   card.shadowRoot.querySelector('.card-header, h1').textContent.trim()"
        "   .split(/\\s/)[0]).sort() : null; })()",
        "the strategy's history graph and entities cards",
    )
    assert cards == ["Controls", "Speeds", "Status"], cards
    entities = await browser.evaluate(
        "deepQuery('hui-entities-card').flatMap((card) =>"
        " card._config.entities.map((row) => row.entity ?? row))"
    )
    assert any(entity.startswith("switch.") for entity in entities), entities
    await asyncio.sleep(2)
    await browser.screenshot(screenshots / "dashboard.png")
    print(f"the integration's dashboard shows the card ({rows} rows) and {cards}")


async def check_german(browser: Browser, base: str, tokens: dict[str, Any]) -> None:
    """With German chosen in Home Assistant, the card speaks German."""
    await open_card(browser, base, tokens, dark=False, language="de")
    texts = await browser.evaluate(
        "(() => { const card = deepQuery('qbittorrent-card')[0].shadowRoot;"
        " return [...card.querySelectorAll('.header button')].map((b) => b.title)"
        "   .concat(card.querySelector('input[type=search]').placeholder); })()"
    )
    assert "Alle pausieren" in texts, texts
    assert "Suchen" in texts, texts
    # The card picker reads its entry when it opens.
    picker = await browser.evaluate(
        "window.customCards.find((card) => card.type === 'qbittorrent-card').name"
    )
    assert picker == "qBittorrent-Torrents", picker
    print(f"in German the card reads {texts}; the card picker {picker!r}", flush=True)


def main() -> int:
    """Parse the arguments and run the check."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cdp-port", type=int, required=True)
    parser.add_argument(
        "--screenshots", type=Path, default=CHECKOUT / "docs" / "images"
    )
    parser.add_argument(
        "--emulator",
        action="store_true",
        help="the emulator with 40 churning torrents instead of a real qbittorrent-nox",
    )
    parser.add_argument(
        "--hold-app",
        action="store_true",
        help="hold Home Assistant's app bundle back a few seconds, so the card's"
        " module always evaluates first (the order that once lost the card)",
    )
    arguments = parser.parse_args()
    arguments.screenshots.mkdir(parents=True, exist_ok=True)
    (CHECKOUT / "frontend" / ".test-build").mkdir(exist_ok=True)
    asyncio.run(
        run(
            arguments.cdp_port,
            arguments.screenshots,
            hold_app=arguments.hold_app,
            emulated=arguments.emulator,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
