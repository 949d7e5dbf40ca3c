"""Sync engine (work in progress)."""


class SyncEngine:
    """Placeholder until the sync engine lands."""

    def reset_session(self) -> None:
        """Forget the server-side sync position."""
