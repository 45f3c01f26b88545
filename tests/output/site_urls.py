"""The site's public address as the build sees it, and the built file an absolute URL names."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts.check_links import project_defaults
from tests.support.repo import REPO

# site_url from mkdocs.yml, with SITE_URL applied as MkDocs applies it; MkDocs adds the slash.
SITE_URL = project_defaults(REPO)["base_url"].rstrip("/") + "/"


def local_file(site: Path, url: str) -> Path:
    """The file under `site` that `url` (an address on the site) is served from."""
    assert url.startswith(SITE_URL), f"{url} is not on the site ({SITE_URL})"
    path = unquote(urlsplit(url).path).removeprefix(urlsplit(SITE_URL).path)
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target
