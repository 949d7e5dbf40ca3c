"""Per-generation dialects (work in progress)."""

from __future__ import annotations

from typing import Any


class Dialect:
    """Placeholder until the dialects land."""

    info: Any

    def __getattr__(self, name: str) -> Any:
        """Every operation is pending."""
        raise NotImplementedError(name)


async def dialect_for(transport: Any) -> Dialect:
    """Detect the server (pending)."""
    raise NotImplementedError
