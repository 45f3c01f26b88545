"""The valid names nearest to a misspelt one, for every "did you mean" in the project's messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(name: str, valid: Iterable[str], count: int = 1, cutoff: float = 0.6) -> list[str]:
    """Up to `count` names from `valid` that look most like `name`, best first."""
    return difflib.get_close_matches(name, sorted(valid), n=count, cutoff=cutoff)
