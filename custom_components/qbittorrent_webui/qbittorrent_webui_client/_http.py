"""HTTP transport: the one request path every client call goes through.

The transport knows how each generation authenticates (Digest header, legacy
``/login`` cookie, ``/api/v2/auth/login`` cookie or API key), turns HTTP
failures into the client's exceptions, re-logs in once when a session
expired, retries idempotent requests once when the connection dropped, and
caps response sizes. It never logs or reports secrets.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from enum import Enum, auto
import hashlib
import logging
import re
import secrets
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import aiohttp
from yarl import URL

from ._decode import decode_json, decode_maindata
from .exceptions import (
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentCertificateError,
    QBittorrentConnectionError,
    QBittorrentError,
    QBittorrentRequestRejectedError,
    QBittorrentTimeoutError,
    QBittorrentUnexpectedResponseError,
)
from .models import Ban

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

_LOGGER = logging.getLogger(__name__)

DEFAULT_REQUEST_TIMEOUT = 15.0
# A 5.3.0 first sync is ~1.5 KiB per torrent: 256 MiB fits ~170,000 torrents.
# Refusing a larger answer costs one buffer of this size, freed at once.
DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024
BODY_EXCERPT_CHARS = 120
# qBittorrent up to 4.1 bans an IP for a fixed hour after five failed logins.
FIXED_BAN_SECONDS = 3600.0
# A ban of unknown length is probed with one login after these waits (doubling);
# real 4.5.2-5.3.0 neither extend a ban for logins during it nor say its end.
BAN_FIRST_WAIT = 60.0
BAN_MAX_WAIT = 900.0
DIGEST_REALM = "Web UI Access"

type FormFields = Mapping[str, str]


@dataclass(frozen=True, kw_only=True)
class _Payload:
    """What a request carries besides its method and path."""

    params: Mapping[str, str] | None = None
    form: FormFields | None = None
    files: Sequence[tuple[str, bytes]] | None = None
    multipart_fields: FormFields | None = None


_NO_PAYLOAD = _Payload()


class AuthMode(Enum):
    """How requests are authenticated."""

    NONE = auto()
    """Generation not known yet: requests go out bare."""
    DIGEST = auto()
    LEGACY_COOKIE = auto()
    MODERN_COOKIE = auto()
    API_KEY = auto()


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """A fully read response."""

    status: int
    headers: Mapping[str, str]
    body: bytes | bytearray
    """As read: a bytearray for a large answer is not copied into bytes."""

    @property
    def text(self) -> str:
        """The body decoded as UTF-8 (undecodable bytes replaced)."""
        return self.body.decode("utf-8", errors="replace")

    @property
    def excerpt(self) -> str:
        """A short, single-line start of the body for error messages."""
        # Only the start is decoded (up to 4 bytes a character): bodies of
        # refused answers can be hundreds of MiB.
        start = self.body[: BODY_EXCERPT_CHARS * 4].decode("utf-8", errors="replace")
        return " ".join(start.split())[:BODY_EXCERPT_CHARS]

    @property
    def digest_challenge(self) -> dict[str, str] | None:
        """Parameters of a ``WWW-Authenticate: Digest`` challenge, if any."""
        header = self.headers.get("WWW-Authenticate", "")
        if not header.lower().startswith("digest"):
            return None
        return {
            key.lower(): value
            for key, value in re.findall(r'(\w+)="?([^",]*)"?', header[len("digest") :])
        }

    def json(self, *, each_torrent: Callable[[Any], Any] | None = None) -> Any:
        """Decode the body as JSON, whatever content type the server claimed.

        ``each_torrent`` (``sync/maindata``) replaces each value of the
        top-level ``torrents`` object as soon as it is decoded, so a large
        answer never exists as full objects.

        Raises:
            QBittorrentUnexpectedResponseError: The body is not valid JSON
                (for example truncated).
        """
        try:
            if each_torrent is None:
                return decode_json(self.body)
            return decode_maindata(self.body, each_torrent)
        except ValueError as err:
            problem = str(err)
        # Raised outside the handler: the decode error holds the whole text,
        # which must not stay alive as this error's context.
        raise QBittorrentUnexpectedResponseError(
            f"The server sent malformed JSON ({problem}); it may have been cut "
            "off. Try again; if it persists check the server or proxy",
            status=self.status,
            body_excerpt=self.excerpt,
        )


@dataclass(slots=True)
class _Credentials:
    username: str | None
    password: str | None
    api_key: str | None

    def __repr__(self) -> str:
        # Never let secrets reach logs through a repr.
        return f"_Credentials(username={self.username!r}, password=***, api_key=***)"


class Transport:
    """Sends requests to one qBittorrent server; shared by all dialects."""

    def __init__(
        self,
        url: str,
        session: aiohttp.ClientSession,
        *,
        username: str | None,
        password: str | None,
        api_key: str | None,
        verify_ssl: bool,
        request_timeout: float,
        max_response_bytes: int,
    ) -> None:
        """Prepare the transport; see :class:`QBittorrentClient` for arguments."""
        base = URL(url.strip())
        if not base.is_absolute() or base.scheme not in {"http", "https"}:
            msg = (
                f"Invalid qBittorrent URL {url!r}: use http://host:port or https://..."
            )
            raise ValueError(msg)
        self._base = base.with_query(None).with_fragment(None)
        self._prefix = self._base.path.rstrip("/")
        self._session = session
        self._credentials = _Credentials(username, password, api_key)
        self._verify_ssl = verify_ssl
        self._timeout = aiohttp.ClientTimeout(total=request_timeout)
        self._max_response_bytes = max_response_bytes
        self.auth_mode = AuthMode.NONE
        self.login_path = "/api/v2/auth/login"
        self.logout_path = "/api/v2/auth/logout"
        self.close_connections = False
        self.send_referer = False
        self._digest: dict[str, str] | None = None
        self._digest_count = 0
        self._logged_in = False
        self._login_blocked_reason: str | None = None
        self._login_lock = asyncio.Lock()
        self.ban_duration: float | None = None
        """Length of this server's bans in seconds, once detection read it."""
        self._ban: Ban | None = None
        self.session_generation = 0
        """Increases with every new server session (sync must restart then)."""

    @property
    def display_url(self) -> str:
        """The base URL without any user info."""
        return str(self._base.with_user(None))

    @property
    def has_api_key(self) -> bool:
        """Whether an API key was configured."""
        return bool(self._credentials.api_key)

    @property
    def logged_in(self) -> bool:
        """Whether a cookie session is believed to be active."""
        return self._logged_in

    @property
    def ban(self) -> Ban | None:
        """The ban being waited out (or met at the last retry), if any."""
        return self._ban

    def restore_ban(self, ban: Ban) -> None:
        """Wait out a ban that another client for this server met."""
        self._ban = ban
        self._logged_in = False

    def url_for(self, path: str) -> URL:
        """Join the base URL (with its path prefix) and an API path."""
        return self._base.with_path(self._prefix + path, encoded=False)

    def set_credentials(
        self,
        *,
        username: str | None,
        password: str | None,
        api_key: str | None,
    ) -> None:
        """Replace the credentials and lift the automatic-login block.

        A ban stays: it is the IP address's, not the credentials'.
        """
        self._credentials = _Credentials(username, password, api_key)
        self._login_blocked_reason = None
        self._logged_in = False
        self._digest_count = 0
        if self.auth_mode in {AuthMode.MODERN_COOKIE, AuthMode.API_KEY}:
            self.auth_mode = AuthMode.API_KEY if api_key else AuthMode.MODERN_COOKIE

    def forget_session(self) -> None:
        """Treat the cookie session as gone (the server is another one)."""
        self._logged_in = False

    def allow_login(self) -> None:
        """Lift the automatic-login block and the ban wait: the caller asked."""
        self._login_blocked_reason = None
        self._ban = None

    def configure_digest(self, challenge: Mapping[str, str]) -> None:
        """Switch to HTTP Digest using a server challenge."""
        self.auth_mode = AuthMode.DIGEST
        self._digest = dict(challenge)
        self._digest_count = 0
        self.close_connections = True

    # --- authentication -------------------------------------------------------

    async def login(self, *, explicit: bool) -> None:
        """Start a session with the configured credentials.

        An automatic login (``explicit=False``) is refused without contacting
        the server after credentials were rejected (five failures get the IP
        banned) or while a ban is waited out. An explicit login always tries.
        """
        if explicit:
            async with self._login_lock:
                await self._login_locked(explicit=True)
        else:
            await self._renew_session(self.session_generation)

    async def _renew_session(self, failed_generation: int) -> None:
        """Log in unless a concurrent call did since ``failed_generation``.

        Calls that lost the session together share one login: a waiter that
        finds a newer session than the one its request failed with uses it
        (each login of 5.3 evicts older sessions past 15, so logging in again
        would break the requests of the others).
        """
        async with self._login_lock:
            if self._logged_in and self.session_generation != failed_generation:
                return
            self._logged_in = False
            await self._login_locked(explicit=False)

    async def _login_locked(self, *, explicit: bool) -> None:
        if self.auth_mode in {AuthMode.API_KEY, AuthMode.DIGEST, AuthMode.NONE}:
            # Digest and API keys authenticate every request; nothing to start.
            if explicit:
                self._login_blocked_reason = None
            return
        if not explicit:
            if self._login_blocked_reason:
                raise QBittorrentAuthenticationError(self._login_blocked_reason)
            self._raise_if_banned()
        credentials = self._credentials
        response = await self._request(
            "POST",
            self.login_path,
            _Payload(
                form={
                    "username": credentials.username or "",
                    "password": credentials.password or "",
                }
            ),
            authenticated=False,
            idempotent=False,
        )
        body = response.text.strip()
        if response.status == 403:  # noqa: PLR2004
            # 4.1+ refuses only logins of a banned IP (live sessions go on).
            raise self._banned_error()
        if response.status == 401:  # noqa: PLR2004
            self._reject_credentials()
        if response.status in {200, 204} and body != "Fails.":
            if response.status == 200 and body not in {"Ok.", ""}:  # noqa: PLR2004
                raise QBittorrentUnexpectedResponseError(
                    "The login answer was not understood; is this qBittorrent?",
                    status=response.status,
                    body_excerpt=response.excerpt,
                )
            self._logged_in = True
            self._login_blocked_reason = None
            self._ban = None
            self.session_generation += 1
            return
        if body == "Fails.":
            self._reject_credentials()
        raise self._unexpected(response, "Logging in failed")

    def _reject_credentials(self) -> None:
        message = (
            "qBittorrent rejected the username or password. Correct them; the "
            "client will not retry by itself because repeated failures get the "
            "IP address banned."
        )
        self._block_logins(message)
        raise QBittorrentAuthenticationError(message)

    def _block_logins(self, reason: str) -> None:
        self._logged_in = False
        self._login_blocked_reason = reason

    async def logout(self) -> None:
        """End the cookie session, if any."""
        if self.auth_mode not in {AuthMode.LEGACY_COOKIE, AuthMode.MODERN_COOKIE}:
            return
        if not self._logged_in:
            return
        self._logged_in = False
        await self._request(
            "POST", self.logout_path, authenticated=False, idempotent=False
        )

    # --- requests ---------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        form: FormFields | None = None,
        files: Sequence[tuple[str, bytes]] | None = None,
        multipart_fields: FormFields | None = None,
        idempotent: bool | None = None,
    ) -> HttpResponse:
        """Send an authenticated request and return its successful response.

        Logs in at most once per call (before sending when no session exists,
        or after a 403 that means the session expired); concurrent calls
        share that login. While a ban is waited out nothing is sent.

        Raises:
            QBittorrentError: A subclass describing what went wrong.
        """
        if idempotent is None:
            idempotent = method == "GET"
        payload = _Payload(
            params=params, form=form, files=files, multipart_fields=multipart_fields
        )
        self._raise_if_banned()
        logged_in_now = False
        if self._needs_login():
            await self._renew_session(self.session_generation)
            logged_in_now = True
        while True:
            sent_in_session = self.session_generation
            response = await self._request(method, path, payload, idempotent=idempotent)
            challenge = response.digest_challenge
            if (
                response.status == 401  # noqa: PLR2004
                and self.auth_mode is AuthMode.DIGEST
                and challenge is not None
                and challenge.get("stale", "").lower() == "true"
                and not logged_in_now
            ):
                # Only the nonce expired; the credentials were accepted.
                self.configure_digest(challenge)
                logged_in_now = True
                continue
            if response.status == 403 and self._is_cookie_mode():  # noqa: PLR2004
                if self._is_ban(response):
                    raise self._banned_error()
                if not logged_in_now:
                    _LOGGER.debug("Session expired; logging in again")
                    await self._renew_session(sent_in_session)
                    logged_in_now = True
                    continue
            checked = self.check(response)
            # Digest and legacy servers refuse every request while banned.
            self._ban = None
            return checked

    def _needs_login(self) -> bool:
        return self._is_cookie_mode() and not self._logged_in

    def _is_cookie_mode(self) -> bool:
        return self.auth_mode in {AuthMode.LEGACY_COOKIE, AuthMode.MODERN_COOKIE}

    def _is_ban(self, response: HttpResponse) -> bool:
        # Legacy servers (and 3.1.x) answer every request of a banned IP with
        # 403 and a (translated) text; an expired session gets an empty 403.
        return self.auth_mode in {AuthMode.LEGACY_COOKIE, AuthMode.DIGEST} and bool(
            response.text.strip()
        )

    def check(self, response: HttpResponse) -> HttpResponse:
        """Return a 2xx response; raise the matching error otherwise."""
        status = response.status
        if 200 <= status < 300:  # noqa: PLR2004
            return response
        if status == 401:  # noqa: PLR2004
            raise self._unauthorized_error(response)
        if status == 403:  # noqa: PLR2004
            raise self._forbidden_error(response)
        if status == 404:  # noqa: PLR2004
            raise self._unexpected(
                response,
                "The server does not know this endpoint; check the URL (and the "
                "reverse-proxy path prefix) or the qBittorrent version",
            )
        if status == 409:  # noqa: PLR2004
            raise self._unexpected(response, "qBittorrent refused the operation")
        if status == 415:  # noqa: PLR2004
            raise self._unexpected(response, "qBittorrent refused the torrent file")
        raise self._unexpected(response, "qBittorrent answered with an error")

    def _unauthorized_error(self, response: HttpResponse) -> QBittorrentError:
        if response.digest_challenge is not None and self.auth_mode not in {
            AuthMode.DIGEST,
            AuthMode.NONE,
        }:
            # Not a credential problem: the server now speaks 3.1.x, and the
            # client detects again on this error.
            return self._unexpected(
                response, "qBittorrent now asks for HTTP Digest authentication"
            )
        if response.digest_challenge is not None:
            message = (
                "qBittorrent rejected the username or password (HTTP Digest). "
                "Correct them; the client will not retry by itself."
            )
            self._block_logins(message)
            return QBittorrentAuthenticationError(message)
        if self.auth_mode is AuthMode.API_KEY:
            return QBittorrentAuthenticationError(
                "qBittorrent rejected the API key. Create a new key in "
                "qBittorrent's WebUI options and enter it again."
            )
        return self.rejected_error()

    def _forbidden_error(self, response: HttpResponse) -> QBittorrentError:
        if self.auth_mode is AuthMode.DIGEST or self._is_ban(response):
            return self._banned_error()
        if self.auth_mode is AuthMode.API_KEY:
            return QBittorrentAuthenticationError(
                "qBittorrent refused the API key for this request. Check "
                "that the key is still valid."
            )
        return QBittorrentAuthenticationError(
            "qBittorrent refused access although the client logged in. Check "
            "that cookies reach the server (use a session with "
            "CookieJar(unsafe=True, quote_cookie=False))."
        )

    def rejected_error(self) -> QBittorrentRequestRejectedError:
        """Explain a Host-header or CSRF rejection and how to fix it."""
        return QBittorrentRequestRejectedError(
            f"qBittorrent rejected the request to {self.display_url} in its "
            "Host-header or CSRF check. Use the host name and port qBittorrent "
            "itself listens on (not a remapped Docker port), or in qBittorrent's "
            "WebUI options disable 'Host header validation' or add this host to "
            "'Server domains'; behind a reverse proxy enable reverse proxy support."
        )

    def _banned_error(self) -> QBittorrentBannedError:
        """Record the ban the server just reported, and explain it.

        The next login waits for the ban's length where known; otherwise for
        a wait that doubles each time the ban is still in force.
        """
        now = time.monotonic()
        previous = self._ban
        self._logged_in = False
        if previous is not None and now < previous.retry_at:
            # A concurrent request already met this ban.
            return self._ban_error(previous)
        duration = self._known_ban_duration()
        if duration is not None:
            wait = duration
        elif previous is None:
            wait = BAN_FIRST_WAIT
        else:
            wait = min(previous.wait * 2, BAN_MAX_WAIT)
        self._ban = Ban(retry_at=now + wait, wait=wait, duration=duration)
        _LOGGER.debug("Banned by the server; trying again in %.0f s", wait)
        return self._ban_error(self._ban)

    def _known_ban_duration(self) -> float | None:
        if self.auth_mode in {AuthMode.DIGEST, AuthMode.LEGACY_COOKIE}:
            return FIXED_BAN_SECONDS
        return self.ban_duration

    def _raise_if_banned(self) -> None:
        """Refuse to contact the server until the ban's retry time."""
        ban = self._ban
        if ban is not None and time.monotonic() < ban.retry_at:
            raise self._ban_error(ban)

    @staticmethod
    def _ban_error(ban: Ban) -> QBittorrentBannedError:
        retry_after = max(0.0, ban.retry_at - time.monotonic())
        length = (
            f"for {ban.duration:.0f} seconds"
            if ban.duration is not None
            else "for the ban duration set in qBittorrent"
        )
        return QBittorrentBannedError(
            "qBittorrent has banned this IP address after too many failed logins "
            f"({length}). The client sends nothing for {retry_after:.0f} seconds, "
            "then logs in again by itself; check that no other client uses wrong "
            "credentials from this address.",
            ban_duration=ban.duration,
            retry_after=retry_after,
        )

    @staticmethod
    def _unexpected(
        response: HttpResponse, message: str
    ) -> QBittorrentUnexpectedResponseError:
        return QBittorrentUnexpectedResponseError(
            message, status=response.status, body_excerpt=response.excerpt
        )

    async def probe(self, method: str, path: str) -> HttpResponse:
        """Send a request during detection and return it whatever its status.

        A 401 without Digest challenge is retried once with a ``Referer``
        naming the server itself (qBittorrent 3.3.13 insists on one); if that
        helps, every later request carries it. Only an API key is sent: the
        probe must not change how concurrent requests authenticate.
        """
        self._raise_if_banned()
        authenticated = self.auth_mode is AuthMode.API_KEY
        response = await self._request(
            method, path, idempotent=True, authenticated=authenticated
        )
        if (
            response.status == 401  # noqa: PLR2004
            and response.digest_challenge is None
            and not self.send_referer
        ):
            self.send_referer = True
            retried = await self._request(
                method, path, idempotent=True, authenticated=authenticated
            )
            if retried.status == 401 and retried.digest_challenge is None:  # noqa: PLR2004
                self.send_referer = False
            return retried
        return response

    async def _request(
        self,
        method: str,
        path: str,
        payload: _Payload = _NO_PAYLOAD,
        *,
        idempotent: bool,
        authenticated: bool = True,
    ) -> HttpResponse:
        """Send one request, retrying once on a dropped connection if idempotent.

        aiohttp already retries GET once on a dropped connection, so the
        transport retries only the idempotent POSTs (reads of the 3.1.x and
        legacy ``/command/get*`` family) itself: one retry in every case.
        """
        attempts = 2 if idempotent and method != "GET" else 1
        for attempt in range(attempts):
            try:
                return await self._send_once(
                    method, path, payload, authenticated=authenticated
                )
            except (
                aiohttp.ServerDisconnectedError,
                aiohttp.ClientOSError,
                aiohttp.ClientPayloadError,
            ) as err:
                if attempt + 1 < attempts:
                    _LOGGER.debug("Connection dropped (%s); retrying once", type(err))
                    continue
                raise QBittorrentConnectionError(
                    f"The connection to qBittorrent at {self.display_url} broke "
                    f"({type(err).__name__}). Check that the server is running."
                ) from err
        raise AssertionError  # pragma: no cover - the loop returns or raises

    async def _send_once(
        self, method: str, path: str, payload: _Payload, *, authenticated: bool
    ) -> HttpResponse:
        url = self.url_for(path)
        if payload.params:
            url = url.with_query(payload.params)
        headers: dict[str, str] = {}
        body = self._body(method, payload, headers)
        if self.close_connections:
            # Servers up to 4.0.x close the socket after every response.
            headers["Connection"] = "close"
        if self.send_referer:
            headers["Referer"] = str(self._base.origin()) + "/"
        if authenticated:
            self._add_auth_headers(method, url, headers)
        try:
            async with self._session.request(
                method,
                url,
                data=body,
                headers=headers,
                ssl=self._verify_ssl,
                timeout=self._timeout,
                allow_redirects=False,
            ) as raw:
                content = await self._read_capped(raw)
                return HttpResponse(raw.status, dict(raw.headers), content)
        except TimeoutError as err:
            raise QBittorrentTimeoutError(
                f"qBittorrent at {self.display_url} did not answer within "
                f"{self._timeout.total} seconds. Check the server, or raise the "
                "timeout for very large libraries."
            ) from err
        except aiohttp.ClientConnectorError as err:
            raise self._client_error(err) from err
        except (
            aiohttp.ServerDisconnectedError,
            aiohttp.ClientOSError,
            aiohttp.ClientPayloadError,
        ):
            raise
        except aiohttp.ClientError as err:
            raise self._client_error(err) from err

    def _client_error(self, err: aiohttp.ClientError) -> QBittorrentConnectionError:
        """Explain an aiohttp failure other than a dropped connection."""
        if isinstance(err, aiohttp.ClientConnectorCertificateError):
            return QBittorrentCertificateError(
                f"The TLS certificate of qBittorrent at {self.display_url} could "
                f"not be verified ({err.certificate_error}). Give qBittorrent a "
                "certificate this system trusts, or turn off 'Verify SSL "
                "certificate' for a self-signed one."
            )
        if isinstance(err, aiohttp.ClientSSLError):
            return QBittorrentConnectionError(
                f"The TLS handshake with {self.display_url} failed. Check that "
                "https is right: qBittorrent serves https only with HTTPS "
                "enabled in its WebUI options."
            )
        if isinstance(err, aiohttp.ClientConnectorError):
            return QBittorrentConnectionError(
                f"Cannot connect to qBittorrent at {self.display_url}: check the "
                "address, the port and that qBittorrent's WebUI is enabled."
            )
        if isinstance(err, aiohttp.ClientResponseError):
            return QBittorrentConnectionError(
                f"qBittorrent at {self.display_url} sent an invalid HTTP answer "
                f"(status {err.status}). Check that the URL points at the WebUI "
                "and that http/https match qBittorrent's setting."
            )
        return QBittorrentConnectionError(
            f"Talking to qBittorrent at {self.display_url} failed "
            f"({type(err).__name__})."
        )

    @staticmethod
    def _body(
        method: str, payload: _Payload, headers: dict[str, str]
    ) -> aiohttp.FormData | bytes | None:
        if payload.files is not None or payload.multipart_fields is not None:
            multipart = aiohttp.FormData()
            for name, value in (payload.multipart_fields or {}).items():
                multipart.add_field(name, value)
            for filename, content in payload.files or ():
                multipart.add_field(
                    "torrents",
                    content,
                    filename=filename,
                    content_type="application/x-bittorrent",
                )
            return multipart
        if method != "POST":
            return None
        # Encode spaces as %20 (servers before 4.2 do not decode '+') and
        # always name the type: 3.2.0-3.3.3 reject untyped empty bodies.
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        return "&".join(
            f"{quote(key, safe='')}={quote(value, safe='')}"
            for key, value in (payload.form or {}).items()
        ).encode()

    async def _read_capped(self, raw: aiohttp.ClientResponse) -> bytearray:
        """Read the body into one growing buffer (no chunk list, no joined copy)."""
        limit = self._max_response_bytes
        if raw.content_length is not None and raw.content_length > limit:
            raise self._too_large(raw.status)
        body = bytearray()
        async for chunk in raw.content.iter_any():
            if len(body) + len(chunk) > limit:
                # Freed now: the error's traceback would keep them alive.
                del body, chunk
                raise self._too_large(raw.status)
            body += chunk
        return body

    def _too_large(self, status: int) -> QBittorrentError:
        return QBittorrentUnexpectedResponseError(
            f"The response was larger than the {self._max_response_bytes} byte "
            "limit; raise max_response_bytes if the library is that large",
            status=status,
            body_excerpt="",
        )

    def _add_auth_headers(self, method: str, url: URL, headers: dict[str, str]) -> None:
        if self.auth_mode is AuthMode.API_KEY and self._credentials.api_key:
            headers["Authorization"] = f"Bearer {self._credentials.api_key}"
        elif self.auth_mode is AuthMode.DIGEST and self._digest is not None:
            if self._login_blocked_reason:
                raise QBittorrentAuthenticationError(self._login_blocked_reason)
            headers["Authorization"] = self._digest_header(method, url)

    def _digest_header(self, method: str, url: URL) -> str:
        challenge = self._digest or {}
        username = self._credentials.username or ""
        realm = challenge.get("realm", DIGEST_REALM)
        nonce = challenge.get("nonce", "")
        uri = url.raw_path_qs

        def md5(text: str) -> str:
            return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()

        ha1 = md5(f"{username}:{realm}:{self._credentials.password or ''}")
        ha2 = md5(f"{method}:{uri}")
        # cnonce must follow nonce: 3.1.x takes the first "nonce=" it finds.
        fields = [
            f'username="{username}"',
            f'realm="{realm}"',
            f'nonce="{nonce}"',
            f'uri="{uri}"',
        ]
        if "auth" in challenge.get("qop", "").split(","):
            self._digest_count += 1
            count = f"{self._digest_count:08x}"
            cnonce = secrets.token_hex(8)
            response = md5(f"{ha1}:{nonce}:{count}:{cnonce}:auth:{ha2}")
            fields += [
                f'response="{response}"',
                "qop=auth",
                f"nc={count}",
                f'cnonce="{cnonce}"',
            ]
        else:
            fields.append(f'response="{md5(f"{ha1}:{nonce}:{ha2}")}"')
        if "opaque" in challenge:
            fields.append(f'opaque="{challenge["opaque"]}"')
        if "algorithm" in challenge:
            fields.append(f"algorithm={challenge['algorithm']}")
        return "Digest " + ", ".join(fields)
