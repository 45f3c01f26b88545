"""Debian's Chromium as the tests launch it: the settings live in scripts/chromium.py, which the
pull-request preview's screenshots use too."""

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS, missing_chromium_message

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "missing_chromium_message"]
