"""Fixtures of every suite (Home Assistant, library, tooling) come from the tooling."""

pytest_plugins = ["qbittorrent_tooling.pytest_plugin"]
