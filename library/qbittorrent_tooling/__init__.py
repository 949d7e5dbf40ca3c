"""Test equipment shared by every suite and the scripts: the emulator, real servers, fixtures.

No Home Assistant imports; nothing here ships with the integration or the wheel.
"""
