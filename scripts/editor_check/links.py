"""`make check`'s link step: the link checker's library over the built site, in-process."""

from __future__ import annotations

from pathlib import Path

from scripts import check_links
from scripts.editor_check.mistakes import ANY, SAME_FILE, STRONG, Mistake, relative
from scripts.linkcheck import Finding as LinkFinding
from scripts.linkcheck import InputError, check_site
from scripts.linkcheck.report import ordered

RULES = "data/xrefs.yml"
STEP = "links"


def check(root: Path, site_dir: Path) -> list[Mistake]:
    """Internal links and anchors of the built site, reported against docs/ sources."""
    # The options `make build` uses: naming the sources and the rules makes a
    # missing file an error instead of a check quietly skipped.
    argv = [str(site_dir), "--docs", str(root / "docs"), "--rules", str(root / RULES)]
    try:
        args = check_links.build_parser().parse_args(argv)
        options = check_links.options_from_args(args, root)
        options.root = root
        report = check_site(options)
    except InputError as error:
        message = f"scripts/check_links.py could not run: {check_links.PROG}: error: {error}"
        return [Mistake("scripts/check_links.py", 1, message, STEP)]
    found = [_finding(link, root, site_dir) for link in report.findings]
    kept = [finding for finding in found if finding is not None]
    if report.findings and not kept:
        # Only built pages hold them (links the theme writes, or pages a failed build left
        # broken): one message that gives way to any other.
        first = ordered(report.findings, "")[0]
        message = (
            f"{len(report.findings)} link problem(s) on built pages that come from no file here "
            f"(links the theme writes), the first on {first.page}: {first.message}"
        )
        kept.append(Mistake("scripts/check_links.py", 1, message, STEP, ANY))
    return kept


def _finding(link: LinkFinding, root: Path, site_dir: Path) -> Mistake | None:
    """The link finding at its Markdown source; None for one that only the temporary site
    holds (a failed build's leftovers map to no source an editor could open)."""
    path = link.source or relative(site_dir / link.page, root)
    if Path(path).is_absolute():
        return None
    line, weak = (link.line, STRONG) if link.line is not None else (1, SAME_FILE)
    return Mistake(path, line, link.message, STEP, weak, covers=_missing_page(link))


def _missing_page(link: LinkFinding) -> str:
    """The page a missing topic names (data/xrefs.yml pointing at no file): every link to it
    follows from this one mistake. The finding's `page` is where the topic would be built."""
    if link.reason != "missing-topic":
        return ""
    return link.page.removesuffix("/index.html").removesuffix(".html") + ".md"
