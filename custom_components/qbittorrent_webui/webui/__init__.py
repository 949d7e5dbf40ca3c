"""Asynchronous client for every qBittorrent WebUI API generation (3.1.x to 5.3).

This subpackage has no Home Assistant dependency; it only needs aiohttp.
"""

from .client import QBittorrentClient
from .exceptions import (
    QBittorrentAddTorrentError,
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentCertificateError,
    QBittorrentConnectionError,
    QBittorrentError,
    QBittorrentRequestRejectedError,
    QBittorrentTimeoutError,
    QBittorrentUnexpectedResponseError,
    QBittorrentUnsupportedOperationError,
    QBittorrentUnsupportedVersionError,
)
from .models import (
    AddTorrentOptions,
    Ban,
    Capabilities,
    Category,
    ConnectionStatus,
    Generation,
    MainData,
    QueueMove,
    ServerInfo,
    ServerState,
    SyncResult,
    Torrent,
    TorrentFilter,
    TorrentSort,
    TorrentStatus,
    TorrentSummary,
)

__all__ = [
    "AddTorrentOptions",
    "Ban",
    "Capabilities",
    "Category",
    "ConnectionStatus",
    "Generation",
    "MainData",
    "QBittorrentAddTorrentError",
    "QBittorrentAuthenticationError",
    "QBittorrentBannedError",
    "QBittorrentCertificateError",
    "QBittorrentClient",
    "QBittorrentConnectionError",
    "QBittorrentError",
    "QBittorrentRequestRejectedError",
    "QBittorrentTimeoutError",
    "QBittorrentUnexpectedResponseError",
    "QBittorrentUnsupportedOperationError",
    "QBittorrentUnsupportedVersionError",
    "QueueMove",
    "ServerInfo",
    "ServerState",
    "SyncResult",
    "Torrent",
    "TorrentFilter",
    "TorrentSort",
    "TorrentStatus",
    "TorrentSummary",
]
