"""Check the links, anchors and cross-reference rules of a built static site.

Exit status: 0 when clean, 1 when there are findings, 2 for a usage or input error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, NoReturn, TextIO

from scripts.config import CONFIG_FILE, ConfigError, read_config
from scripts.linkcheck import (
    FORMATS,
    REASONS,
    ExternalOptions,
    InputError,
    Options,
    check_site,
    render,
)
from scripts.linkcheck.check import site_address
from scripts.linkcheck.collect import DEFAULT_MAX_BYTES
from scripts.linkcheck.findings import printable
from scripts.linkcheck.parallel import default_jobs

PROG = "check_links.py"
RULES_DEFAULT = Path("data/xrefs.yml")
# The command line's defaults are the library's, which know them once.
EXTERNAL = ExternalOptions()
MB = 1024 * 1024


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, as every input error of this command: the usage is one --help away.
        self.exit(2, f"{PROG}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The link checker's command line."""
    parser = _Parser(
        prog=PROG,
        description="Check every link, anchor and required cross-reference of a built static "
        "site. Run inside an MkDocs project with no options, it reads --base-url from "
        "site_url in mkdocs.yml, --docs from docs_dir and --rules from data/xrefs.yml.",
        epilog="Exit status: 0 clean, 1 findings, 2 usage or input error. Reasons: "
        + ", ".join(REASONS),
    )
    parser.add_argument("site", metavar="SITE_DIR", type=Path, help="the built site folder")
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="the site's address or path prefix, e.g. /guide/ or "
        "https://example.org/guide/ (absolute links to it are checked as files)",
    )
    parser.add_argument(
        "--docs",
        metavar="DIR",
        type=Path,
        help="Markdown sources, to report findings as docs/x.md:LINE",
    )
    parser.add_argument(
        "--rules",
        metavar="FILE",
        type=Path,
        help="cross-reference rules (xrefs.topics and xrefs.required_links)",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")
    parser.add_argument(
        "--no-defaults",
        action="store_true",
        help="do not read defaults from mkdocs.yml and data/xrefs.yml",
    )
    parser.add_argument(
        "--no-orphans",
        action="store_true",
        help="skip the check that every page is reachable from the home page",
    )
    parser.add_argument(
        "--jobs",
        type=_positive_int,
        default=default_jobs(),
        metavar="N",
        help="worker processes for parsing (default: the CPUs available)",
    )
    parser.add_argument(
        "--max-page-mb",
        type=float,
        default=DEFAULT_MAX_BYTES / MB,
        metavar="MB",
        help=f"pages larger than this are reported, not parsed (default {DEFAULT_MAX_BYTES // MB})",
    )
    external = parser.add_argument_group("external links (off unless --external)")
    external.add_argument("--external", action="store_true", help="also check http(s) links")
    external.add_argument(
        "--timeout",
        type=float,
        default=EXTERNAL.timeout,
        metavar="S",
        help=f"seconds per request (default {EXTERNAL.timeout:g})",
    )
    external.add_argument(
        "--retries",
        type=int,
        default=EXTERNAL.retries,
        metavar="N",
        help=f"retries after a timeout, 429 or 5xx (default {EXTERNAL.retries})",
    )
    external.add_argument(
        "--per-host",
        type=_positive_int,
        default=EXTERNAL.per_host,
        metavar="N",
        help=f"requests open at once to one host (default {EXTERNAL.per_host})",
    )
    external.add_argument(
        "--cache",
        type=Path,
        default=EXTERNAL.cache,
        metavar="FILE",
        help="cache of successful answers",
    )
    external.add_argument(
        "--cache-hours",
        type=float,
        default=EXTERNAL.cache_ttl / 3600,
        metavar="H",
        help=f"how long a cached success is trusted (default {EXTERNAL.cache_ttl / 3600:g})",
    )
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return value


def project_defaults(cwd: Path) -> dict[str, Any]:
    """--base-url, --docs and --rules for an MkDocs project in `cwd`, where they exist."""
    if not (cwd / CONFIG_FILE).is_file():
        return {}
    try:
        config = read_config(cwd)
    except ConfigError as error:
        raise InputError(f"cannot read site_url: {error}") from error
    defaults: dict[str, Any] = {}
    if isinstance(config.get("site_url"), str):
        defaults["base_url"] = config["site_url"]
    docs = Path(str(config.get("docs_dir") or "docs"))
    if (cwd / docs).is_dir():
        defaults["docs"] = docs
    if (cwd / RULES_DEFAULT).is_file():
        defaults["rules"] = RULES_DEFAULT
    return defaults


def options_from_args(args: argparse.Namespace, cwd: Path) -> Options:
    """The checker's options from the command line, with the project's defaults from `cwd`."""
    defaults = {} if args.no_defaults else project_defaults(cwd)
    for name, given in (("docs", args.docs), ("rules", args.rules)):
        if given is not None and not given.exists():
            raise InputError(f"--{name} {given}: no such {'folder' if name == 'docs' else 'file'}")
    base_url = args.base_url or defaults.get("base_url", "/")
    site_address(base_url, "--base-url" if args.base_url else "mkdocs.yml: site_url")
    return Options(
        site=args.site,
        base_url=base_url,
        docs=args.docs or defaults.get("docs"),
        rules=args.rules or defaults.get("rules"),
        external=args.external,
        external_options=ExternalOptions(
            timeout=args.timeout,
            retries=max(0, args.retries),
            per_host=args.per_host,
            cache=args.cache,
            cache_ttl=args.cache_hours * 3600,
        ),
        jobs=args.jobs,
        max_bytes=int(args.max_page_mb * MB),
        orphans=not args.no_orphans,
    )


def main(argv: list[str] | None = None) -> int:
    """Check the site and print the findings; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        report = check_site(options_from_args(args, Path.cwd()))
    except InputError as error:
        write_utf8(sys.stderr, f"{PROG}: error: {printable(str(error))}\n")
        return 2
    site_label = args.site.as_posix().rstrip("/") or "."
    write_utf8(sys.stdout, render(report.findings, args.format, site_label))
    count = len(set(report.findings))
    write_utf8(
        sys.stderr,
        f"{PROG}: {count or 'no'} finding{'' if count == 1 else 's'} in {report.pages} pages "
        f"({report.files} files) in {report.seconds:.2f} s\n",
    )
    return 1 if count else 0


def write_utf8(stream: TextIO, text: str) -> None:
    """Write `text` as UTF-8 whatever the locale (LANG=C, PYTHONIOENCODING=ascii): JSON must
    be UTF-8, and one encoding for every format keeps the output the same everywhere."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a stream with no bytes underneath (a test's StringIO)
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


if __name__ == "__main__":
    raise SystemExit(main())
