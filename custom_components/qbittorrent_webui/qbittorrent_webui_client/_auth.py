"""How requests authenticate: one small strategy per way qBittorrent accepts them.

* :class:`NoAuth`: requests go out bare (3.1.x's local-auth bypass, or the
  generation is not known yet).
* :class:`DigestAuth`: HTTP Digest on every request (3.1.x).
* :class:`LegacyLogin` and :class:`ModernLogin`: a cookie session from
  ``/login`` (3.2.0-4.0.4) or ``/api/v2/auth/login`` (4.1+).
* :class:`ApiKeyAuth`: a bearer API key on every request (5.2+).

Detection picks the strategy and hands it to the transport
(:meth:`Transport.use`). Each strategy adds its headers, logs in and out,
counts the server sessions it started, knows how long its server bans, and
says what a 401 or 403 means for it: an expired session (one login shared
by every request that lost it), a stale Digest nonce (answer the new
challenge), rejected credentials (no automatic login until they change) or
a ban (send nothing until it ends). Strategies hold no secrets: they read
the transport's :class:`Credentials` when they need them.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
import hashlib
import logging
import secrets
import time
from typing import TYPE_CHECKING, override

from ._parse import as_int
from .exceptions import (
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentError,
    QBittorrentUnexpectedResponseError,
)
from .models import Ban

if TYPE_CHECKING:
    from collections.abc import Mapping

    from yarl import URL

    from ._http import HttpResponse, Transport

_LOGGER = logging.getLogger(__name__)

# qBittorrent up to 4.1 bans an IP for a fixed hour after five failed logins.
FIXED_BAN_SECONDS = 3600.0
# A ban of unknown length is probed with one login after these waits (doubling);
# real 4.5.2-5.3.0 neither extend a ban for logins during it nor say its end.
BAN_FIRST_WAIT = 60.0
BAN_MAX_WAIT = 900.0
DIGEST_REALM = "Web UI Access"

_CREDENTIALS_REJECTED = (
    "qBittorrent rejected the username or password. Correct them; the client "
    "will not retry by itself because repeated failures get the IP address "
    "banned."
)
_DIGEST_REJECTED = (
    "qBittorrent rejected the username or password (HTTP Digest). Correct "
    "them; the client will not retry by itself."
)


@dataclass(slots=True)
class Credentials:
    """What the user configured, and whether the server rejected it."""

    username: str | None
    password: str | None
    api_key: str | None
    rejection: str | None = None
    """Why automatic logins are off: the server rejected these credentials
    (five failures get the IP banned). Cleared when they change or a login
    is asked for."""

    def __repr__(self) -> str:
        # Never let secrets reach logs through a repr.
        return f"Credentials(username={self.username!r}, password=***, api_key=***)"

    def reject(self, reason: str) -> QBittorrentAuthenticationError:
        """Turn automatic logins off and explain why."""
        self.rejection = reason
        return QBittorrentAuthenticationError(reason)

    def raise_if_rejected(self) -> None:
        """Refuse to send credentials the server already rejected."""
        if self.rejection:
            raise QBittorrentAuthenticationError(self.rejection)


class BanWait:
    """The server's ban of this IP address; nothing is sent until it ends.

    The ban is the address's, so it outlives credentials and strategies;
    a strategy only knows how long its server bans.
    """

    def __init__(self) -> None:
        """Start without a ban."""
        self.ban: Ban | None = None
        """The ban being waited out (or met at the last retry), if any."""

    def raise_if_banned(self) -> None:
        """Refuse to contact the server until the ban's retry time."""
        ban = self.ban
        if ban is not None and time.monotonic() < ban.retry_at:
            raise self._error(ban)

    def record(self, duration: float | None) -> QBittorrentBannedError:
        """Record the ban the server just reported, and explain it.

        The next login waits for the ban's ``duration`` where known;
        otherwise for a wait that doubles each time the ban is still in force.
        """
        now = time.monotonic()
        previous = self.ban
        if previous is not None and now < previous.retry_at:
            # A concurrent request already met this ban.
            return self._error(previous)
        if duration is not None:
            wait = duration
        elif previous is None:
            wait = BAN_FIRST_WAIT
        else:
            wait = min(previous.wait * 2, BAN_MAX_WAIT)
        self.ban = Ban(retry_at=now + wait, wait=wait, duration=duration)
        _LOGGER.debug("Banned by the server; trying again in %.0f s", wait)
        return self._error(self.ban)

    def lift(self) -> None:
        """Forget the ban: the server answered, or the caller asked to try."""
        self.ban = None

    @staticmethod
    def _error(ban: Ban) -> QBittorrentBannedError:
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


class Auth:
    """A way of authenticating; the base has no session and adds nothing."""

    close_connections = False
    """Send ``Connection: close``: servers up to 4.0.x close the socket after
    every response."""

    def __init__(self) -> None:
        """Start before any server session."""
        self.ban_duration: float | None = None
        """Length of this server's bans in seconds, where known."""
        self.session_generation = 0
        """Increases with every new server session (sync must restart then)."""

    @property
    def needs_login(self) -> bool:
        """Whether a session must be started before the next request."""
        return False

    def add_headers(
        self, method: str, url: URL, headers: dict[str, str], credentials: Credentials
    ) -> None:
        """Authenticate one request."""

    async def login(self, transport: Transport, *, explicit: bool) -> None:
        """Start a session; see :meth:`Transport.login`.

        Without a session (Digest, API key) every request authenticates
        itself: there is nothing to start.
        """
        if explicit:
            transport.credentials.rejection = None

    async def logout(self, transport: Transport) -> None:
        """End the session, if any."""

    def forget_session(self) -> None:
        """Treat the session as gone (a ban ended it)."""

    async def recover(
        self,
        transport: Transport,  # noqa: ARG002
        response: HttpResponse,  # noqa: ARG002
        sent_in_session: int,  # noqa: ARG002
    ) -> bool:
        """After a 401 or 403, renew what expired; say whether to send again."""
        return False

    def unauthorized(
        self, transport: Transport, response: HttpResponse
    ) -> QBittorrentError:
        """Explain a 401 that :meth:`recover` did not fix."""
        if response.digest_challenge is not None:
            # Not a credential problem: the server now speaks 3.1.x, and the
            # client detects again on this error.
            return response.unexpected(
                "qBittorrent now asks for HTTP Digest authentication"
            )
        return transport.rejected_error()

    def forbidden(
        self,
        transport: Transport,  # noqa: ARG002
        response: HttpResponse,  # noqa: ARG002
    ) -> QBittorrentError:
        """Explain a 403 that :meth:`recover` did not fix."""
        return QBittorrentAuthenticationError(
            "qBittorrent refused access although the client logged in. Check "
            "that cookies reach the server (use a session with "
            "CookieJar(unsafe=True, quote_cookie=False))."
        )

    def for_credentials(self, credentials: Credentials) -> Auth:  # noqa: ARG002
        """The strategy to use once ``credentials`` replaced the old ones."""
        return self


def _digest_unauthorized(
    transport: Transport, response: HttpResponse
) -> QBittorrentError:
    """A 401 from 3.1.x: a Digest challenge means the credentials failed."""
    if response.digest_challenge is None:
        return transport.rejected_error()
    return transport.credentials.reject(_DIGEST_REJECTED)


class NoAuth(Auth):
    """Requests go out bare: 3.1.x's local-auth bypass, or not detected yet."""

    def __init__(self, *, close_connections: bool = False) -> None:
        """Prepare; 3.1.x closes the socket after every response."""
        super().__init__()
        self.close_connections = close_connections

    @override
    def unauthorized(
        self, transport: Transport, response: HttpResponse
    ) -> QBittorrentError:
        """A Digest challenge means the bypass ended and credentials failed."""
        return _digest_unauthorized(transport, response)


class DigestAuth(Auth):
    """qBittorrent 3.1.x: HTTP Digest on every request, no session."""

    close_connections = True

    def __init__(self, challenge: Mapping[str, str]) -> None:
        """Answer the server's ``WWW-Authenticate: Digest`` challenge."""
        super().__init__()
        self.ban_duration = FIXED_BAN_SECONDS
        self._challenge = dict(challenge)
        self._count = 0

    @override
    def add_headers(
        self, method: str, url: URL, headers: dict[str, str], credentials: Credentials
    ) -> None:
        """Sign the request, unless the credentials were already rejected."""
        credentials.raise_if_rejected()
        headers["Authorization"] = self._header(method, url, credentials)

    @override
    async def recover(
        self, transport: Transport, response: HttpResponse, sent_in_session: int
    ) -> bool:
        """Answer a new challenge when only the nonce expired."""
        challenge = response.digest_challenge
        if (
            response.status != 401  # noqa: PLR2004
            or challenge is None
            or challenge.get("stale", "").lower() != "true"
        ):
            return False
        # The credentials were accepted.
        self._challenge = dict(challenge)
        self._count = 0
        return True

    @override
    def unauthorized(
        self, transport: Transport, response: HttpResponse
    ) -> QBittorrentError:
        """A fresh challenge means the credentials failed."""
        return _digest_unauthorized(transport, response)

    @override
    def forbidden(
        self, transport: Transport, response: HttpResponse
    ) -> QBittorrentError:
        """3.1.x answers every request of a banned IP with 403."""
        return transport.banned_error(self.ban_duration)

    @override
    def for_credentials(self, credentials: Credentials) -> Auth:
        """Count the new credentials' requests from one."""
        self._count = 0
        return self

    def _header(self, method: str, url: URL, credentials: Credentials) -> str:
        challenge = self._challenge
        username = credentials.username or ""
        realm = challenge.get("realm", DIGEST_REALM)
        nonce = challenge.get("nonce", "")
        uri = url.raw_path_qs

        def md5(text: str) -> str:
            return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()

        ha1 = md5(f"{username}:{realm}:{credentials.password or ''}")
        ha2 = md5(f"{method}:{uri}")
        # cnonce must follow nonce: 3.1.x takes the first "nonce=" it finds.
        fields = [
            f'username="{username}"',
            f'realm="{realm}"',
            f'nonce="{nonce}"',
            f'uri="{uri}"',
        ]
        if "auth" in challenge.get("qop", "").split(","):
            self._count += 1
            count = f"{self._count:08x}"
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


class CookieLogin(Auth):
    """A cookie session started by posting the username and password."""

    login_path: str
    logout_path: str

    def __init__(self) -> None:
        """Start logged out."""
        super().__init__()
        self.logged_in = False
        """Whether a session is believed to be active."""
        self._lock = asyncio.Lock()

    @override
    @property
    def needs_login(self) -> bool:
        """Whether no session is active."""
        return not self.logged_in

    @override
    async def login(self, transport: Transport, *, explicit: bool) -> None:
        """Log in; an automatic login shares one started concurrently.

        An automatic login (``explicit=False``) is refused without contacting
        the server after credentials were rejected (five failures get the IP
        banned) or while a ban is waited out. An explicit login always tries.
        """
        if explicit:
            async with self._lock:
                await self._login_locked(transport, explicit=True)
        else:
            await self._renew(transport, self.session_generation)

    async def _renew(self, transport: Transport, failed_generation: int) -> None:
        """Log in unless a concurrent call did since ``failed_generation``.

        Calls that lost the session together share one login: a waiter that
        finds a newer session than the one its request failed with uses it
        (each login of 5.3 evicts older sessions past 15, so logging in again
        would break the requests of the others).
        """
        async with self._lock:
            if self.logged_in and self.session_generation != failed_generation:
                return
            self.logged_in = False
            await self._login_locked(transport, explicit=False)

    async def _login_locked(self, transport: Transport, *, explicit: bool) -> None:
        credentials = transport.credentials
        if not explicit:
            credentials.raise_if_rejected()
            transport.bans.raise_if_banned()
        response = await transport.post_bare(
            self.login_path,
            {
                "username": credentials.username or "",
                "password": credentials.password or "",
            },
        )
        body = response.text.strip()
        if response.status == 403:  # noqa: PLR2004
            # 4.1+ refuses only logins of a banned IP (live sessions go on).
            raise transport.banned_error(self.ban_duration)
        if response.status == 401:  # noqa: PLR2004
            raise self._reject(credentials)
        if response.status in {200, 204} and body != "Fails.":
            if response.status == 200 and body not in {"Ok.", ""}:  # noqa: PLR2004
                raise response.unexpected(
                    "The login answer was not understood; is this qBittorrent?"
                )
            self.logged_in = True
            credentials.rejection = None
            transport.bans.lift()
            self.session_generation += 1
            return
        if body == "Fails.":
            raise self._reject(credentials)
        raise response.unexpected("Logging in failed")

    def _reject(self, credentials: Credentials) -> QBittorrentAuthenticationError:
        self.logged_in = False
        return credentials.reject(_CREDENTIALS_REJECTED)

    @override
    async def logout(self, transport: Transport) -> None:
        """End the session, if one is active."""
        if not self.logged_in:
            return
        self.logged_in = False
        await transport.post_bare(self.logout_path)

    @override
    def forget_session(self) -> None:
        """Log in again before the next request."""
        self.logged_in = False

    def means_ban(self, response: HttpResponse) -> bool:  # noqa: ARG002
        """Whether a 403 says this IP address is banned."""
        return False

    @override
    async def recover(
        self, transport: Transport, response: HttpResponse, sent_in_session: int
    ) -> bool:
        """Log in again (once for all requests) when the session expired."""
        if response.status != 403 or self.means_ban(response):  # noqa: PLR2004
            return False
        _LOGGER.debug("Session expired; logging in again")
        await self._renew(transport, sent_in_session)
        return True

    @override
    def forbidden(
        self, transport: Transport, response: HttpResponse
    ) -> QBittorrentError:
        """A ban, or a session the server does not see."""
        if self.means_ban(response):
            return transport.banned_error(self.ban_duration)
        return super().forbidden(transport, response)

    @override
    def for_credentials(self, credentials: Credentials) -> Auth:
        """Log in with the new credentials before the next request."""
        self.logged_in = False
        return self


class LegacyLogin(CookieLogin):
    """qBittorrent 3.2.0-4.0.4: ``/login``, a fixed one-hour ban."""

    login_path = "/login"
    logout_path = "/logout"
    close_connections = True

    def __init__(self) -> None:
        """Start logged out."""
        super().__init__()
        self.ban_duration = FIXED_BAN_SECONDS

    @override
    def means_ban(self, response: HttpResponse) -> bool:
        """A banned IP gets a (translated) text; an expired session an empty 403."""
        return bool(response.text.strip())


class ModernLogin(CookieLogin):
    """qBittorrent 4.1+: ``/api/v2/auth/login``; the ban length is a preference."""

    login_path = "/api/v2/auth/login"
    logout_path = "/api/v2/auth/logout"

    def __init__(self, *, ban_duration: float | None = None) -> None:
        """Start logged out, knowing the ban length if an earlier strategy did."""
        super().__init__()
        self.ban_duration = ban_duration

    async def learn_ban_duration(self, transport: Transport) -> None:
        r"""Read how long the server bans an IP, while a session allows it.

        4.2+ reports its ``WebUI\BanDuration`` setting in the preferences;
        4.1 bans for a fixed hour and reports nothing.
        """
        self.ban_duration = await _preferred_ban_duration(transport)

    @override
    def for_credentials(self, credentials: Credentials) -> Auth:
        """Switch to the API key when one is given."""
        if credentials.api_key:
            return ApiKeyAuth(ban_duration=self.ban_duration)
        return super().for_credentials(credentials)


async def _preferred_ban_duration(transport: Transport) -> float | None:
    try:
        response = await transport.request("GET", "/api/v2/app/preferences")
        preferences = response.json()
    except QBittorrentUnexpectedResponseError:
        return None
    if not isinstance(preferences, dict):
        return None
    if "web_ui_ban_duration" not in preferences:
        return FIXED_BAN_SECONDS
    seconds = as_int(preferences["web_ui_ban_duration"])
    return float(seconds) if seconds is not None and seconds > 0 else None


class ApiKeyAuth(Auth):
    """qBittorrent 5.2+: the API key as bearer token on every request."""

    def __init__(self, *, ban_duration: float | None = None) -> None:
        """Prepare; ``ban_duration`` is kept for a switch back to logging in."""
        super().__init__()
        self.ban_duration = ban_duration

    @override
    def add_headers(
        self, method: str, url: URL, headers: dict[str, str], credentials: Credentials
    ) -> None:
        """Send the key."""
        if credentials.api_key:
            headers["Authorization"] = f"Bearer {credentials.api_key}"

    @override
    def unauthorized(
        self, transport: Transport, response: HttpResponse
    ) -> QBittorrentError:
        """Without a Digest challenge, a 401 rejects the key."""
        if response.digest_challenge is not None:
            return super().unauthorized(transport, response)
        return QBittorrentAuthenticationError(
            "qBittorrent rejected the API key. Create a new key in "
            "qBittorrent's WebUI options and enter it again."
        )

    @override
    def forbidden(
        self, transport: Transport, response: HttpResponse
    ) -> QBittorrentError:
        """The key does not open this request."""
        return QBittorrentAuthenticationError(
            "qBittorrent refused the API key for this request. Check "
            "that the key is still valid."
        )

    @override
    def for_credentials(self, credentials: Credentials) -> Auth:
        """Log in with username and password when the key was removed."""
        if credentials.api_key:
            return self
        return ModernLogin(ban_duration=self.ban_duration)
