"""Exceptions raised by the qBittorrent WebUI client.

Every exception derives from :class:`QBittorrentError`. Messages tell the user
what to do and never contain passwords, API keys or cookies.
"""

from __future__ import annotations


class QBittorrentError(Exception):
    """Base class of every error raised by the client."""


class QBittorrentConnectionError(QBittorrentError):
    """The server could not be reached, or the connection broke."""


class QBittorrentTimeoutError(QBittorrentConnectionError):
    """The server did not answer within the request timeout."""


class QBittorrentCertificateError(QBittorrentConnectionError):
    """The server's TLS certificate failed verification (e.g. self-signed).

    Fixed by a certificate the system trusts, or by ``verify_ssl=False``.
    """


class QBittorrentAuthenticationError(QBittorrentError):
    """The server rejected the credentials (or the API key).

    After this error the client does not log in again by itself: a ban follows
    five failures. Call :meth:`QBittorrentClient.login` explicitly or change the
    credentials with :meth:`QBittorrentClient.set_credentials`.
    """


class QBittorrentBannedError(QBittorrentError):
    """The server banned this client's IP address after failed logins.

    Not a credential problem: the client sends nothing to the server until
    ``retry_after`` has passed, then logs in again by itself.

    Attributes:
        ban_duration: Length of the ban in seconds when known, else ``None``.
        retry_after: Seconds until the client tries again.
    """

    def __init__(
        self,
        message: str,
        *,
        ban_duration: float | None = None,
        retry_after: float | None = None,
    ) -> None:
        """Initialize with the message, the ban length and the retry delay."""
        super().__init__(message)
        self.ban_duration = ban_duration
        self.retry_after = retry_after if retry_after is not None else ban_duration


class QBittorrentAddTorrentError(QBittorrentError):
    """qBittorrent refused to add the torrent(s).

    Typical causes: the torrent is already in qBittorrent, or the link or
    ``.torrent`` file is invalid. 5.2+ answers ``409 Conflict``, 4.0-5.1
    ``Fails.``, an invalid ``.torrent`` file ``415``. The message never
    repeats the links (they may carry tracker passkeys).
    """


class QBittorrentRequestRejectedError(QBittorrentError):
    """The server refused the request in its Host-header or CSRF check.

    Typical cause: the client reaches qBittorrent through a different host name
    or port (Docker port mapping, reverse proxy) than qBittorrent listens on.
    """


class QBittorrentUnsupportedVersionError(QBittorrentError):
    """The server is not a qBittorrent WebUI this client understands."""


class QBittorrentUnsupportedOperationError(QBittorrentError):
    """The server's version lacks the requested operation.

    Attributes:
        operation: Name of the client method.
        server_version: The server's application version, if known.
        minimum_version: First qBittorrent version offering the operation.
    """

    def __init__(
        self,
        operation: str,
        *,
        server_version: str | None,
        minimum_version: str,
    ) -> None:
        """Build the message from the operation and the versions involved."""
        running = f"qBittorrent {server_version}" if server_version else "this server"
        super().__init__(
            f"{running} does not support '{operation}'; it needs qBittorrent "
            f"{minimum_version} or later. Upgrade qBittorrent to use it."
        )
        self.operation = operation
        self.server_version = server_version
        self.minimum_version = minimum_version


class QBittorrentUnexpectedResponseError(QBittorrentError):
    """The server answered in a way the client did not expect.

    Attributes:
        status: HTTP status code.
        body_excerpt: The first characters of the response body.
    """

    def __init__(self, message: str, *, status: int, body_excerpt: str) -> None:
        """Initialize with the HTTP status and a short body excerpt."""
        detail = (
            f" (HTTP {status}: {body_excerpt!r})"
            if body_excerpt
            else f" (HTTP {status})"
        )
        super().__init__(message + detail)
        self.status = status
        self.body_excerpt = body_excerpt
