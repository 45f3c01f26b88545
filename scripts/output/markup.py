"""Fixes to the theme's markup that no template block or partial can reach."""

from __future__ import annotations

import re

# Material's base.html writes its drawer and search toggles as
# <input class="md-toggle" type="checkbox" ... autocomplete="off"> right after <body>, outside
# every block, so overrides/ cannot change them. The Nu HTML Checker reports: "Attribute
# autocomplete is only allowed when the input type is color, date, ... (not checkbox)".
# The attribute kept Firefox from restoring an open drawer or search on reload; the inline
# script in overrides/main.html closes both when the page loads instead.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^<>]*?) autocomplete="off"')


def drop_toggle_autocomplete(html: str) -> str:
    """`html` without `autocomplete` on Material's two toggle checkboxes."""
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", html, count=2)
