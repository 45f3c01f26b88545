"""Finish a site an engine without MkDocs' hooks has built: `python scripts/finish_site.py site`.

Zensical does not run `hooks:` from mkdocs.yml, so its pages lack what scripts/output_hook.py
adds under MkDocs: each page's Content-Security-Policy, the fix to the theme's toggles and
feed.xml. This runs that same pass over the written files. Running it twice changes nothing.

The text of every page under docs/ counts as editors' text, as the hook counts each page's
content: an inline script that also appears there is never allowed by the policy.

Exit status: 0 done, 1 the site cannot be finished (the message says which file and why),
2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.config import ConfigError, read_config
from scripts.output.csp import PolicyError
from scripts.output.feed import FeedError, write_feed
from scripts.output.site import finish_files

PROG = "finish_site.py"


def editors_text(docs: Path) -> str:
    """Everything editors wrote in the pages: front matter and Markdown, every file."""
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace") for path in sorted(docs.rglob("*.md"))
    )


def finish_site(project: Path, site: Path) -> int:
    """Finish the built `site` of the project at `project`; returns how many pages it did."""
    config = read_config(project)
    count = finish_files(site, editors_text(project / str(config.get("docs_dir") or "docs")))
    write_feed(
        project,
        site,
        site_url=str(config.get("site_url") or "/"),
        site_name=str(config.get("site_name") or ""),
        directory_urls=config.get("use_directory_urls", True) is not False,
    )
    return count


def main(argv: list[str] | None = None) -> int:
    """Command line: finish_site.py SITE_DIR [--project DIR]."""
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument("site", metavar="SITE_DIR", type=Path, help="the built site folder")
    parser.add_argument(
        "--project", metavar="DIR", type=Path, default=Path.cwd(),
        help="the folder holding mkdocs.yml, docs/ and data/ (default: the current folder)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{PROG}: error: {args.site}: no built site here (no index.html)", file=sys.stderr)
        return 1
    try:
        count = finish_site(args.project, args.site)
    except (ConfigError, FeedError, PolicyError, OSError, UnicodeDecodeError) as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    print(f"{PROG}: finished {count} pages and wrote feed.xml in {args.site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
