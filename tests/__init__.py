"""Tests for the qBittorrent WebUI integration, its client and its emulator."""
