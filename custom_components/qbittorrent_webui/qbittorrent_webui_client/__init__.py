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
    MAX_SPEED_LIMIT,
    OPERATION_REQUIREMENTS,
    AddTorrentOptions,
    Ban,
    Capabilities,
    Category,
    ConnectionStatus,
    Generation,
    MainData,
    OperationRequirement,
    QueueMove,
    ServerInfo,
    ServerState,
    SpeedLimits,
    SyncResult,
    Torrent,
    TorrentFilter,
    TorrentSort,
    TorrentStatus,
    TorrentSummary,
)

__all__ = [
    "MAX_SPEED_LIMIT",
    "OPERATION_REQUIREMENTS",
    "AddTorrentOptions",
    "Ban",
    "Capabilities",
    "Category",
    "ConnectionStatus",
    "Generation",
    "MainData",
    "OperationRequirement",
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
    "SyncResult",
    "Torrent",
    "TorrentFilter",
    "TorrentSort",
    "TorrentStatus",
    "TorrentSummary",
]
