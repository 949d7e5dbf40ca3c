"""HTTP transport: the one request path every client call goes through.

The transport sends each request the way its authentication strategy
(:mod:`._auth`, picked by detection) says, lets the strategy repair a 401 or
403 once (a new session, a new Digest nonce), turns HTTP failures into the
client's exceptions, retries idempotent requests once when the connection
dropped, and caps response sizes. It never logs or reports secrets.
"""

from __future__ import annotations

from dataclasses import dataclass
import logging
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import aiohttp
from yarl import URL

from ._auth import BanWait, Credentials, NoAuth
from ._decode import decode_json, decode_maindata
from .exceptions import (
    QBittorrentBannedError,
    QBittorrentCertificateError,
    QBittorrentConnectionError,
    QBittorrentError,
    QBittorrentRequestRejectedError,
    QBittorrentTimeoutError,
    QBittorrentUnexpectedResponseError,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from ._auth import Auth
    from .models import Ban

_LOGGER = logging.getLogger(__name__)

DEFAULT_REQUEST_TIMEOUT = 15.0
# A 5.3.0 first sync is ~1.5 KiB per torrent: 256 MiB fits ~170,000 torrents.
# Refusing a larger answer costs one buffer of this size, freed at once.
DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024
BODY_EXCERPT_CHARS = 120
type FormFields = Mapping[str, str]


@dataclass(frozen=True, kw_only=True)
class _Payload:
    """What a request carries besides its method and path."""

    params: Mapping[str, str] | None = None
    form: FormFields | None = None
    files: Sequence[tuple[str, bytes]] | None = None
    multipart_fields: FormFields | None = None


_NO_PAYLOAD = _Payload()


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

    def unexpected(self, message: str) -> QBittorrentUnexpectedResponseError:
        """An error for this answer: ``message``, the status and the body's start."""
        return QBittorrentUnexpectedResponseError(
            message, status=self.status, body_excerpt=self.excerpt
        )

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
        self._credentials = Credentials(username, password, api_key)
        self._verify_ssl = verify_ssl
        self._timeout = aiohttp.ClientTimeout(total=request_timeout)
        self._max_response_bytes = max_response_bytes
        self._auth: Auth = NoAuth()
        self._bans = BanWait()
        self._send_referer = False

    @property
    def display_url(self) -> str:
        """The base URL without any user info."""
        return str(self._base.with_user(None))

    @property
    def credentials(self) -> Credentials:
        """The configured credentials (their repr hides the secrets)."""
        return self._credentials

    @property
    def has_api_key(self) -> bool:
        """Whether an API key was configured."""
        return bool(self._credentials.api_key)

    @property
    def auth(self) -> Auth:
        """How requests authenticate now."""
        return self._auth

    @property
    def session_generation(self) -> int:
        """Increases with every new server session (sync must restart then)."""
        return self._auth.session_generation

    @property
    def bans(self) -> BanWait:
        """This IP address's ban, waited out before anything is sent."""
        return self._bans

    @property
    def ban(self) -> Ban | None:
        """The ban being waited out (or met at the last retry), if any."""
        return self._bans.ban

    def restore_ban(self, ban: Ban) -> None:
        """Wait out a ban that another client for this server met."""
        self._bans.ban = ban
        self._auth.forget_session()

    def url_for(self, path: str) -> URL:
        """Join the base URL (with its path prefix) and an API path."""
        return self._base.with_path(self._prefix + path, encoded=False)

    def use(self, auth: Auth) -> None:
        """Authenticate with ``auth`` from now on (detection picked it)."""
        if auth is self._auth:
            return
        # The count goes on: the client and sync compare it with earlier values.
        auth.session_generation = self._auth.session_generation
        self._auth = auth

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
        self._credentials = Credentials(username, password, api_key)
        self.use(self._auth.for_credentials(self._credentials))

    def allow_login(self) -> None:
        """Lift the automatic-login block and the ban wait: the caller asked."""
        self._credentials.rejection = None
        self._bans.lift()

    async def login(self, *, explicit: bool) -> None:
        """Start a session with the configured credentials.

        An automatic login (``explicit=False``) is refused without contacting
        the server after credentials were rejected (five failures get the IP
        banned) or while a ban is waited out. An explicit login always tries.
        Concurrent automatic logins share one.
        """
        await self._auth.login(self, explicit=explicit)

    async def logout(self) -> None:
        """End the server session, if any."""
        await self._auth.logout(self)

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
        self._bans.raise_if_banned()
        # The strategy is looked up at each step: a concurrent detection may
        # hand the transport another one.
        repaired = False
        if self._auth.needs_login:
            await self._auth.login(self, explicit=False)
            repaired = True
        while True:
            sent_in_session = self.session_generation
            response = await self._request(
                method, path, payload, idempotent=idempotent, auth=self._auth
            )
            if (
                response.status in {401, 403}
                and not repaired
                and await self._auth.recover(self, response, sent_in_session)
            ):
                repaired = True
                continue
            checked = self.check(response)
            # Digest and legacy servers refuse every request while banned.
            self._bans.lift()
            return checked

    async def post_bare(
        self, path: str, form: FormFields | None = None
    ) -> HttpResponse:
        """POST without authentication and return the answer whatever its status.

        For logins and logouts, which a dropped connection must not repeat.
        """
        return await self._request("POST", path, _Payload(form=form), idempotent=False)

    def check(self, response: HttpResponse, auth: Auth | None = None) -> HttpResponse:
        """Return a 2xx response; raise the matching error otherwise.

        ``auth`` explains a 401 or 403 (by default the strategy in use).
        """
        status = response.status
        if 200 <= status < 300:  # noqa: PLR2004
            return response
        if status == 401:  # noqa: PLR2004
            raise (auth or self._auth).unauthorized(self, response)
        if status == 403:  # noqa: PLR2004
            raise (auth or self._auth).forbidden(self, response)
        if status == 404:  # noqa: PLR2004
            raise response.unexpected(
                "The server does not know this endpoint; check the URL (and the "
                "reverse-proxy path prefix) or the qBittorrent version",
            )
        if status == 409:  # noqa: PLR2004
            raise response.unexpected("qBittorrent refused the operation")
        if status == 415:  # noqa: PLR2004
            raise response.unexpected("qBittorrent refused the torrent file")
        raise response.unexpected("qBittorrent answered with an error")

    def rejected_error(self) -> QBittorrentRequestRejectedError:
        """Explain a Host-header or CSRF rejection and how to fix it."""
        return QBittorrentRequestRejectedError(
            f"qBittorrent rejected the request to {self.display_url} in its "
            "Host-header or CSRF check. Use the host name and port qBittorrent "
            "itself listens on (not a remapped Docker port), or in qBittorrent's "
            "WebUI options disable 'Host header validation' or add this host to "
            "'Server domains'; behind a reverse proxy enable reverse proxy support."
        )

    def banned_error(self, duration: float | None) -> QBittorrentBannedError:
        """Record the ban the server just reported (``duration`` if known)."""
        self._auth.forget_session()
        return self._bans.record(duration)

    async def probe(
        self, method: str, path: str, *, auth: Auth | None = None
    ) -> HttpResponse:
        """Send a request during detection and return it whatever its status.

        A 401 without Digest challenge is retried once with a ``Referer``
        naming the server itself (qBittorrent 3.3.13 insists on one); if that
        helps, every later request carries it. Only ``auth``, an API key, is
        sent: the probe must not change how concurrent requests authenticate.
        """
        self._bans.raise_if_banned()
        response = await self._request(method, path, idempotent=True, auth=auth)
        if (
            response.status == 401  # noqa: PLR2004
            and response.digest_challenge is None
            and not self._send_referer
        ):
            self._send_referer = True
            retried = await self._request(method, path, idempotent=True, auth=auth)
            if retried.status == 401 and retried.digest_challenge is None:  # noqa: PLR2004
                self._send_referer = False
            return retried
        return response

    async def _request(
        self,
        method: str,
        path: str,
        payload: _Payload = _NO_PAYLOAD,
        *,
        idempotent: bool,
        auth: Auth | None = None,
    ) -> HttpResponse:
        """Send one request, retrying once on a dropped connection if idempotent.

        aiohttp already retries GET once on a dropped connection, so the
        transport retries only the idempotent POSTs (reads of the 3.1.x and
        legacy ``/command/get*`` family) itself: one retry in every case.
        ``auth`` adds its headers; without it the request goes out bare.
        """
        attempts = 2 if idempotent and method != "GET" else 1
        for attempt in range(attempts):
            try:
                return await self._send_once(method, path, payload, auth=auth)
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
        self, method: str, path: str, payload: _Payload, *, auth: Auth | None
    ) -> HttpResponse:
        url = self.url_for(path)
        if payload.params:
            url = url.with_query(payload.params)
        headers: dict[str, str] = {}
        body = self._body(method, payload, headers)
        if self._auth.close_connections:
            # Servers up to 4.0.x close the socket after every response.
            headers["Connection"] = "close"
        if self._send_referer:
            headers["Referer"] = str(self._base.origin()) + "/"
        if auth is not None:
            auth.add_headers(method, url, headers, self._credentials)
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
