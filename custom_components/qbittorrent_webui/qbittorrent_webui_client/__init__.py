"""Asynchronous client for every qBittorrent WebUI API generation (3.1.x to 5.3).

A library of its own: no Home Assistant dependency, only aiohttp. The
integration ships it inside its folder; library/ builds the same files as the
``qbittorrent-webui-client`` wheel.
"""

__version__ = "0.2.0"

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
    KIBIBYTE,
    MAX_SPEED_LIMIT,
    MAX_SPEED_LIMIT_KIBIBYTES,
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
    SpeedLimits,
    StatusGroup,
    SyncResult,
    Torrent,
    TorrentFilter,
    TorrentSort,
    TorrentStatus,
    TorrentSummary,
    bytes_to_kibibytes,
    kibibytes_to_bytes,
)

__all__ = [
    "KIBIBYTE",
    "MAX_SPEED_LIMIT",
    "MAX_SPEED_LIMIT_KIBIBYTES",
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
    "SpeedLimits",
    "StatusGroup",
    "SyncResult",
    "Torrent",
    "TorrentFilter",
    "TorrentSort",
    "TorrentStatus",
    "TorrentSummary",
    "bytes_to_kibibytes",
    "kibibytes_to_bytes",
]
