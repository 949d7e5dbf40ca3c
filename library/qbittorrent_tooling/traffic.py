"""What tests watch on the wire: sessions like the integration's, login counts."""

from __future__ import annotations

import aiohttp

USERNAME = "admin"
PASSWORD = "adminadmin"
LOGIN_PATHS = frozenset({"/login", "/api/v2/auth/login"})
# A forwarder changes the port; real servers would refuse the Host header.
NO_HOST_CHECK = {"Preferences": {"WebUI\\HostHeaderValidation": "false"}}


def new_session() -> aiohttp.ClientSession:
    """A session like the integration's: unsafe jar, unquoted cookies."""
    return aiohttp.ClientSession(
        cookie_jar=aiohttp.CookieJar(unsafe=True, quote_cookie=False)
    )


def logins(requests: list[tuple[str, str]]) -> int:
    """How many of the recorded ``(method, path)`` requests were logins."""
    return sum(1 for _, path in requests if path in LOGIN_PATHS)


async def fail_logins(url: str, count: int) -> None:
    """Another program on the same address tries a wrong password."""
    async with new_session() as http:
        for _ in range(count):
            async with http.post(
                f"{url}/api/v2/auth/login",
                data={"username": USERNAME, "password": "wrong"},
            ) as response:
                await response.read()
