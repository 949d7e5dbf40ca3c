"""Constants for the qBittorrent WebUI integration."""

from datetime import timedelta
import logging
from typing import Final

DOMAIN: Final = "qbittorrent_webui"
LOGGER = logging.getLogger(__package__)

# Ten seconds plus one request keeps any change in qBittorrent visible within 15 s.
UPDATE_INTERVAL: Final = timedelta(seconds=10)
# The poll interval the options allow, in seconds: below 5 s Home Assistant
# would mostly record qBittorrent's own 1.5 s refresh jitter; above 5 min
# actions and events would lag too far behind.
MIN_SCAN_INTERVAL: Final = 5
MAX_SCAN_INTERVAL: Final = 300

CONF_ENABLE_EVENTS: Final = "enable_events"
DEFAULT_ENABLE_EVENTS: Final = True
CONF_VOICE_SENTENCES: Final = "voice_sentences"
DEFAULT_VOICE_SENTENCES: Final = True

# Opt-in devices for single torrents: which ones, and how many at most. Each
# brings nine entities, so the cap keeps a large library from flooding the
# registries.
CONF_TORRENT_DEVICES: Final = "torrent_devices"
CONF_TORRENT_FILTER: Final = "torrent_filter"
CONF_TORRENT_FILTER_VALUE: Final = "torrent_filter_value"
CONF_TORRENT_LIMIT: Final = "torrent_limit"
DEFAULT_TORRENT_DEVICES: Final = False
TORRENT_FILTER_ALL: Final = "all"
TORRENT_FILTER_ACTIVE: Final = "active"
TORRENT_FILTER_CATEGORY: Final = "category"
TORRENT_FILTER_TAG: Final = "tag"
TORRENT_FILTERS: Final = (
    TORRENT_FILTER_ACTIVE,
    TORRENT_FILTER_ALL,
    TORRENT_FILTER_CATEGORY,
    TORRENT_FILTER_TAG,
)
DEFAULT_TORRENT_FILTER: Final = TORRENT_FILTER_ACTIVE
DEFAULT_TORRENT_LIMIT: Final = 20
MAX_TORRENT_LIMIT: Final = 100

EVENT_TORRENT_ADDED: Final = "torrent_added"
EVENT_TORRENT_COMPLETED: Final = "torrent_completed"
EVENT_TORRENT_REMOVED: Final = "torrent_removed"
EVENT_TYPES: Final = (
    EVENT_TORRENT_ADDED,
    EVENT_TORRENT_COMPLETED,
    EVENT_TORRENT_REMOVED,
)

ATTR_CONFIG_ENTRY_ID: Final = "config_entry_id"
ATTR_HASH: Final = "hash"
ATTR_NAME: Final = "name"
ATTR_CATEGORY: Final = "category"
ATTR_TAGS: Final = "tags"
ATTR_SAVE_PATH: Final = "save_path"
ATTR_TRACKERS: Final = "trackers"

STATUS_IDLE: Final = "idle"
STATUS_DOWNLOADING: Final = "downloading"
STATUS_SEEDING: Final = "seeding"
STATUS_UP_DOWN: Final = "up_down"

# Translation keys of a ban, each a flow error, an exception and a repair issue.
ISSUE_IP_BANNED: Final = "ip_banned"
ISSUE_IP_BANNED_UNKNOWN_DURATION: Final = "ip_banned_unknown_duration"
