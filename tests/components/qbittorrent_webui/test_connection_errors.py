"""Connection errors say what to fix, in the flow and at runtime.

Over real HTTP(S) on loopback: a self-signed certificate with verification
on names the certificate and the *Verify SSL certificate* switch, a server
that accepts but does not answer is a timeout (not "cannot connect"), and a
Host-header rejection at runtime carries the flow's fix text.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
import functools
import ipaddress
import ssl
import threading
from typing import TYPE_CHECKING
from unittest.mock import patch

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.const import (
    CONF_PASSWORD,
    CONF_URL,
    CONF_USERNAME,
    CONF_VERIFY_SSL,
)
from homeassistant.data_entry_flow import FlowResultType
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.qbittorrent_webui.const import DOMAIN
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentCertificateError,
    QBittorrentClient,
    QBittorrentTimeoutError,
)
from qbittorrent_tooling.emulator import QBittorrentEmulator
from qbittorrent_tooling.forwarder import Forwarder
from qbittorrent_tooling.traffic import new_session

from .conftest import ENTRY_DATA, setup_entry

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from homeassistant.core import HomeAssistant

CREDENTIALS = {CONF_USERNAME: "admin", CONF_PASSWORD: "adminadmin"}
SHORT_TIMEOUT = 0.5


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> ssl.SSLContext:
    """A server context with a fresh self-signed certificate for 127.0.0.1."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "qbittorrent.test")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    directory: Path = tmp_path_factory.mktemp("tls")
    (directory / "cert.pem").write_bytes(
        certificate.public_bytes(serialization.Encoding.PEM)
    )
    (directory / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(directory / "cert.pem", directory / "key.pem")
    return context


@pytest.fixture
def https_url(socket_enabled: None, self_signed: ssl.SSLContext) -> Iterator[str]:
    """An HTTPS emulator, served from its own thread and event loop.

    Refused handshakes are reported to the serving loop's exception handler;
    Home Assistant's test loop would count them as failures.
    """
    loop = asyncio.new_event_loop()
    loop.set_exception_handler(lambda _loop, _context: None)
    emulator = QBittorrentEmulator("5.3.0", torrent_count=2)
    serving = emulator.serve(ssl_context=self_signed)
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    url = asyncio.run_coroutine_threadsafe(serving.__aenter__(), loop).result(10)
    try:
        yield url
    finally:
        asyncio.run_coroutine_threadsafe(
            serving.__aexit__(None, None, None), loop
        ).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


@pytest.fixture
def short_timeout() -> Iterator[None]:
    """Clients built by the integration give up after half a second."""
    with patch(
        "custom_components.qbittorrent_webui.client.QBittorrentClient",
        functools.partial(QBittorrentClient, request_timeout=SHORT_TIMEOUT),
    ):
        yield


async def _user_step(hass: HomeAssistant, user_input: dict[str, object]) -> dict:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    return await hass.config_entries.flow.async_configure(result["flow_id"], user_input)


async def test_client_names_the_certificate(https_url: str) -> None:
    async with new_session() as session:
        client = QBittorrentClient(https_url, session, **CREDENTIALS)
        with pytest.raises(QBittorrentCertificateError) as error:
            await client.detect()
        assert "Verify SSL certificate" in str(error.value)

        unverified = QBittorrentClient(
            https_url, session, verify_ssl=False, **CREDENTIALS
        )
        assert (await unverified.detect()).app_version == "5.3.0"


async def test_flow_names_the_certificate_switch(
    hass: HomeAssistant, https_url: str
) -> None:
    user_input = {CONF_URL: https_url, CONF_VERIFY_SSL: True, **CREDENTIALS}
    result = await _user_step(hass, user_input)

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_VERIFY_SSL: "invalid_certificate"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], user_input | {CONF_VERIFY_SSL: False}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert await hass.config_entries.async_unload(result["result"].entry_id)


async def test_runtime_names_the_certificate_switch(
    hass: HomeAssistant, https_url: str
) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN,
        unique_id=https_url,
        data=ENTRY_DATA | {CONF_URL: https_url, CONF_VERIFY_SSL: True},
    )
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert entry.reason is not None
    assert "certificate" in entry.reason
    assert '"Verify SSL certificate"' in entry.reason


@pytest.mark.usefixtures("short_timeout")
async def test_flow_says_the_server_timed_out(
    hass: HomeAssistant, socket_enabled: None
) -> None:
    emulator = QBittorrentEmulator("5.3.0", torrent_count=2)
    emulator.faults.delay = SHORT_TIMEOUT * 4
    async with emulator.serve() as url:
        result = await _user_step(
            hass, {CONF_URL: url, CONF_VERIFY_SSL: True, **CREDENTIALS}
        )

    assert result["errors"] == {CONF_URL: "timeout"}


@pytest.mark.usefixtures("short_timeout")
async def test_runtime_says_the_server_timed_out(
    hass: HomeAssistant, socket_enabled: None
) -> None:
    emulator = QBittorrentEmulator("5.3.0", torrent_count=2)
    async with emulator.serve() as url:
        entry = MockConfigEntry(
            domain=DOMAIN, unique_id=url, data=ENTRY_DATA | {CONF_URL: url}
        )
        await setup_entry(hass, entry)
        emulator.faults.delay = SHORT_TIMEOUT * 4
        # Real time: the request timeout runs on the event loop's clock.
        coordinator = entry.runtime_data.coordinator
        await coordinator.async_refresh()

        assert isinstance(coordinator.last_exception.__cause__, QBittorrentTimeoutError)
        assert coordinator.last_exception.translation_key == "timeout"
        emulator.faults.delay = 0
        assert await hass.config_entries.async_unload(entry.entry_id)


async def test_runtime_host_rejection_carries_the_fix(
    hass: HomeAssistant, socket_enabled: None
) -> None:
    emulator = QBittorrentEmulator("5.3.0", torrent_count=2)
    emulator.faults.check_host = True
    async with emulator.serve():
        assert emulator.port is not None
        async with Forwarder(emulator.port).serve() as remapped_url:
            entry = MockConfigEntry(
                domain=DOMAIN,
                unique_id=remapped_url,
                data=ENTRY_DATA | {CONF_URL: remapped_url},
            )
            entry.add_to_hass(hass)
            await hass.config_entries.async_setup(entry.entry_id)
            await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert entry.reason is not None
    assert '"Server domains"' in entry.reason
    assert '"Reverse proxy support"' in entry.reason
