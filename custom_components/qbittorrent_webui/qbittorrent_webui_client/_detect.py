"""The probe that finds a server's generation, its dialect and authentication.

Detection probe sequence (documented in ``docs/compatibility.md``):

1. ``GET /api/v2/app/webapiVersion`` without credentials (or with the API key).
   * 200: modern, already authorized (API key or auth bypass).
   * 403: modern, log in at ``/api/v2/auth/login``.
   * 401 with a ``Digest realm="Web UI Access"`` challenge: 3.1.x.
   * 401 without challenge: retried once with a ``Referer`` naming the server
     (3.3.13 needs one); still 401 means a Host/CSRF rejection (or a bad API
     key when one is configured).
   * 404: step 2.
2. ``GET /version/api``: an integer means legacy (3.2.0-4.0.4). Otherwise
   ``GET /json/transferInfo``: JSON with ``dl_info`` means 3.1.x with the
   local-auth bypass. Anything else is not a qBittorrent WebUI.
3. Versions: modern ``app/version`` + ``app/webapiVersion``; legacy
   ``/version/qbittorrent``; 3.1.x ``/about.html`` (``qBittorrent v3.1.12``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._auth import ApiKeyAuth, Auth, DigestAuth, LegacyLogin, ModernLogin, NoAuth
from ._dialect import Dialect, parse_version, version_text
from ._digest import DigestDialect, digest_capabilities
from ._legacy import LegacyDialect, legacy_capabilities
from ._modern import ModernDialect, modern_capabilities
from ._parse import as_int
from .exceptions import QBittorrentUnsupportedVersionError
from .models import Generation, ServerInfo

if TYPE_CHECKING:
    from ._http import HttpResponse, Transport


async def dialect_for(transport: Transport) -> Dialect:
    """Run the probe sequence and return the dialect for the server.

    The transport is handed the generation's authentication as soon as the
    answers show it; until then requests running while the client detects
    again (after a new session) keep authenticating as before.
    """
    # Probes carry only an API key: they must not change any session.
    api_key = _kept(transport, ApiKeyAuth) if transport.has_api_key else None
    probe = await transport.probe("GET", "/api/v2/app/webapiVersion", auth=api_key)
    challenge = probe.digest_challenge
    if probe.status == 403 and probe.text.strip() not in {"", "Forbidden"}:  # noqa: PLR2004
        await _raise_if_banned_everywhere(transport, api_key)
    if probe.status in {200, 403}:
        return await _detect_modern(transport, probe, api_key)
    if probe.status == 401 and challenge is not None:  # noqa: PLR2004
        return await _detect_digest(transport, DigestAuth(challenge))
    if probe.status == 401:  # noqa: PLR2004
        transport.check(probe, api_key)
    if probe.status == 404:  # noqa: PLR2004
        legacy = await transport.probe("GET", "/version/api", auth=api_key)
        if legacy.status == 200 and as_int(legacy.text.strip()) is not None:  # noqa: PLR2004
            return await _detect_legacy(transport, legacy)
        bypass = await transport.probe("GET", "/json/transferInfo", auth=api_key)
        if bypass.status == 200 and "dl_info" in bypass.text:  # noqa: PLR2004
            return await _detect_digest(transport, NoAuth(close_connections=True))
    if probe.status in {401, 403} or probe.status >= 500:  # noqa: PLR2004
        transport.check(probe, api_key)
    raise QBittorrentUnsupportedVersionError(
        f"{transport.display_url} does not answer like a qBittorrent WebUI "
        f"(HTTP {probe.status}). Check the URL, the port and any reverse-proxy "
        "path prefix."
    )


def _kept[A: Auth](transport: Transport, kind: type[A]) -> A:
    """The transport's strategy if it is a ``kind`` (its session goes on), else a new one."""
    auth = transport.auth
    return auth if isinstance(auth, kind) else kind()


async def _raise_if_banned_everywhere(
    transport: Transport, api_key: ApiKeyAuth | None
) -> None:
    """Tell a ban of 3.1.x-4.0.4 (every path refused) from a modern 403.

    Modern servers answer ``/version/api`` (200 on 4.1.x, 404 later); a
    banned old server refuses it as well.
    """
    legacy = await transport.probe("GET", "/version/api", auth=api_key)
    if legacy.status == 403:  # noqa: PLR2004
        transport.check(legacy, LegacyLogin())


async def _detect_modern(
    transport: Transport, probe: HttpResponse, api_key: ApiKeyAuth | None
) -> Dialect:
    auth = api_key or _kept(transport, ModernLogin)
    transport.use(auth)
    if probe.status == 200:  # noqa: PLR2004
        api_text = probe.text.strip()
    else:
        if api_key is not None:
            transport.check(probe)
        api_text = (
            await transport.request("GET", "/api/v2/app/webapiVersion")
        ).text.strip()
    app_text = (await transport.request("GET", "/api/v2/app/version")).text.strip()
    api = parse_version(api_text)
    if api is None:
        raise QBittorrentUnsupportedVersionError(
            f"qBittorrent reported an unreadable API version {api_text[:40]!r}"
        )
    app = parse_version(app_text)
    if isinstance(auth, ModernLogin) and auth.logged_in:
        await auth.learn_ban_duration(transport)
    info = ServerInfo(
        generation=Generation.MODERN,
        app_version=version_text(app),
        api_version=api_text,
        capabilities=modern_capabilities(api, app),
    )
    return ModernDialect(transport, info)


async def _detect_legacy(transport: Transport, probe: HttpResponse) -> Dialect:
    api = as_int(probe.text.strip()) or 2
    auth = _kept(transport, LegacyLogin)
    transport.use(auth)
    app_response = await transport.probe("GET", "/version/qbittorrent")
    app = parse_version(app_response.text) if app_response.status == 200 else None  # noqa: PLR2004
    info = ServerInfo(
        generation=Generation.LEGACY,
        app_version=version_text(app),
        api_version=str(api),
        capabilities=legacy_capabilities(api),
    )
    dialect = LegacyDialect(transport, info)
    if not auth.logged_in:
        # Log in now so bad credentials surface during detection.
        await transport.login(explicit=False)
    return dialect


async def _detect_digest(transport: Transport, auth: DigestAuth | NoAuth) -> Dialect:
    transport.use(auth)
    # Proves the credentials (401 = rejected, 403 = banned) and the dialect.
    await transport.request("GET", "/json/transferInfo")
    about = await transport.request("GET", "/about.html")
    match = re.search(r"qBittorrent\s+v?(\d+(?:\.\d+)+)", about.text)
    info = ServerInfo(
        generation=Generation.DIGEST,
        app_version=match[1] if match else None,
        api_version=None,
        capabilities=digest_capabilities(),
    )
    return DigestDialect(transport, info)
