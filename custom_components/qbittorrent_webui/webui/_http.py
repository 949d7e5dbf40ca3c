"""HTTP transport: the single request path of the client (work in progress)."""

from __future__ import annotations

from typing import Any

DEFAULT_REQUEST_TIMEOUT = 15.0
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024


class Transport:
    """Placeholder until the transport lands."""

    def __init__(self, url: str, session: Any, **kwargs: Any) -> None:
        """Store the URL."""
        del session, kwargs
        self.display_url = url

    async def login(self, *, explicit: bool) -> None:
        """Log in."""
        raise NotImplementedError

    async def logout(self) -> None:
        """Log out."""
        raise NotImplementedError

    def set_credentials(self, **kwargs: Any) -> None:
        """Replace credentials."""
        raise NotImplementedError
