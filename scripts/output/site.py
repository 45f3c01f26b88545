"""The finishing pass over a built page, and over a whole built site on disk.

MkDocs runs it page by page through scripts/output_hook.py. Zensical has no hooks, so after
`zensical build` the same pass runs over the written files (scripts/finish_site.py): the two
engines' sites then carry the same policy, markup fixes and feed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from scripts.output.csp import PolicyError, add_policy
from scripts.output.markup import drop_toggle_autocomplete


def finish_page(html: str, untrusted_text: str) -> str:
    """The page as readers get it: valid toggles, then the policy for its scripts."""
    return add_policy(drop_toggle_autocomplete(html), untrusted_text)


def finish_files(site: Path, untrusted_text: str, skip: Iterable[Path] = ()) -> int:
    """Finish every HTML file under `site` that is not in `skip`; returns how many.

    Raises PolicyError naming the file (under `site`) that cannot carry the policy.
    """
    done = {path.resolve() for path in skip}
    count = 0
    for path in sorted(site.rglob("*.html")):
        if path.resolve() in done:
            continue
        name = path.relative_to(site).as_posix()
        try:
            html = finish_page(path.read_text(encoding="utf-8"), untrusted_text)
        except PolicyError as error:
            raise PolicyError(f"{name}: {error}") from None
        path.write_text(html, encoding="utf-8")
        count += 1
    return count
