"""Run the strict MkDocs build and turn its log into findings with a file and a line."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable
from pathlib import Path

from scripts.editor_check.config import mkdocs_config, redirect_maps
from scripts.editor_check.findings import ANY, SAME_FILE, Finding, relative
from scripts.editor_check.locate import body_offset, link_line, malformed_addresses, text_line
from scripts.editor_check.tools import python_tool, run

RECORD_RE = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+(?P<text>.*)$")
DOC = r"Doc file '(?P<page>[^']+)' contains"
CONFIG = "mkdocs.yml"
LOCATED = r"^(?:Error: )?(?P<file>(?:docs|data)/[^\s:,]+):(?P<line>\d+), (?P<detail>.*)"


def build(root: Path, site_dir: Path) -> tuple[bool, list[Finding]]:
    """Build `root` strictly into `site_dir`; return whether it succeeded and its findings."""
    argv = python_tool("mkdocs", "build", "--strict", "--site-dir", str(site_dir))
    result = run(argv, root)
    output = result.stderr + result.stdout
    findings = parse_log(output, root)
    if result.returncode != 0 and not findings:
        findings = [_unexplained_failure(output, root)]
    return result.returncode == 0, findings


def parse_log(output: str, root: Path) -> list[Finding]:
    """Findings for every warning and error in a `mkdocs build` log."""
    context = _Context(root)
    found: list[Finding] = []
    for level, text in _records(output):
        if level in ("WARNING", "ERROR", "CRITICAL") or text.startswith("Error:"):
            found.extend(_translate(text, context))
    return found


def _records(output: str) -> list[tuple[str, str]]:
    """Split the log into (level, message) records; continuation lines join their record."""
    records: list[tuple[str, list[str]]] = []
    for line in output.splitlines():
        match = RECORD_RE.match(line)
        if match:
            records.append((match["level"], [match["text"]]))
        elif line.startswith("Error: "):
            records.append(("ERROR", [line]))
        elif line.startswith("Aborted with"):
            continue  # MkDocs' closing summary, not part of the last message
        elif records:
            records[-1][1].append(line)
    return [(level, "\n".join(lines)) for level, lines in records]


class _Context:
    """What the translators need to know about the repository being built."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = root / "docs"
        self.renamed = redirect_maps(mkdocs_config(root))

    def page(self, name: str) -> str:
        return relative(self.docs / name, self.root)

    def config_line(self, needle: str) -> int:
        return text_line(self.root / CONFIG, needle) or 1


def _translate(text: str, context: _Context) -> list[Finding]:
    for pattern, handler in TRANSLATORS:
        match = re.search(pattern, text, re.S)
        if match:
            return handler(match, context)
    return [_other(text, context)]


def _missing_target(match: re.Match[str], context: _Context) -> list[Finding]:
    page, target = match["page"], match["target"]
    path = target.split("#", 1)[0]
    new = context.renamed.get(Path(path).name) or context.renamed.get(path)
    if new:
        message = f"link to '{path}', a page that was renamed: link to '{new}' instead"
    else:
        message = f"broken link: '{target}' is not a page or file in docs/"
    return [_at_link(context, page, target, message)]


def _missing_anchor_here(match: re.Match[str], context: _Context) -> list[Finding]:
    page, target = match["page"], match["target"]
    anchor = "#" + target.split("#", 1)[1]
    message = f"broken link: this page has no heading or anchor '{anchor}'"
    return [_at_link(context, page, target, message)]


def _missing_anchor_there(match: re.Match[str], context: _Context) -> list[Finding]:
    page, target = match["page"], match["target"]
    message = f"broken link: '{match['doc']}' has no heading or anchor '#{match['anchor']}'"
    return [_at_link(context, page, target, message)]


def _absolute_link(match: re.Match[str], context: _Context) -> list[Finding]:
    message = (
        f"absolute link '{match['target']}': link to the page's .md file instead, "
        "for example [Dosage](ketamine-infusion-dosage.md)"
    )
    return [_at_link(context, match["page"], match["target"], message)]


def _unrecognized_link(match: re.Match[str], context: _Context) -> list[Finding]:
    message = f"link '{match['target']}' does not name a page: link to the page's .md file"
    return [_at_link(context, match["page"], match["target"], message)]


def _at_link(context: _Context, page: str, target: str, message: str) -> Finding:
    line = link_line(context.docs / page, target)
    weak = "strong" if line else SAME_FILE
    return Finding(context.page(page), line or 1, message, "build", weak)


def _not_in_nav(match: re.Match[str], context: _Context) -> list[Finding]:
    pages = re.findall(r"^\s+- (.+)$", match["pages"], re.M)
    message = "page is not in the navigation: add it under nav: in mkdocs.yml"
    return [Finding(context.page(page.strip()), 1, message, "build") for page in pages]


def _nav_missing_page(match: re.Match[str], context: _Context) -> list[Finding]:
    name = match["name"]
    message = f"the navigation lists '{name}', but there is no docs/{name}"
    return [Finding(CONFIG, context.config_line(name), message, "build", covers=name)]


def _redirect_missing_target(match: re.Match[str], context: _Context) -> list[Finding]:
    name = match["name"]
    message = f"redirect to '{name}', which is not a page in docs/"
    return [Finding(CONFIG, context.config_line(f": {name}"), message, "build")]


def _config_error(match: re.Match[str], context: _Context) -> list[Finding]:
    lines = [int(n) for n in re.findall(r"line (\d+), column", match["detail"])]
    detail = " ".join(match["detail"].split())
    detail = re.sub(r'\s*in "[^"]*", line \d+, column \d+', "", detail)
    return [
        Finding(
            CONFIG, lines[-1] if lines else 1, f"mkdocs.yml is not valid YAML: {detail}", "build"
        )
    ]


def _config_value(match: re.Match[str], context: _Context) -> list[Finding]:
    key = match["key"].split(".")[0]
    line = text_line(context.root / CONFIG, f"{key}:") or 1
    return [Finding(CONFIG, line, f"setting '{match['key']}': {match['detail'].strip()}", "build")]


def _macro_error(match: re.Match[str], context: _Context) -> list[Finding]:
    """A page whose macros failed to render: name the page line the template points at."""
    text, page = match.string, match["page"]
    template_lines = re.findall(r'File "<template>", line (\d+)', text)
    syntax = re.search(r"_Line (\d+) in Markdown file:_ \*\*(.+?)\*\*", text)
    if syntax:
        line, message = int(syntax[1]), f"macro syntax error: {syntax[2]}"
    else:
        line = int(template_lines[-1]) if template_lines else 0
        message = _macro_message(text)
    path = context.docs / page
    number = line + body_offset(path) if line else 1
    return [Finding(context.page(page), number, message, "build", "strong" if line else SAME_FILE)]


def _macro_message(text: str) -> str:
    error = re.search(r"^_(?P<kind>(?!File_)\w+)_: (?P<message>.+)$", text, re.M)
    if not error:
        return "a macro failed to render"
    kind, message = error["kind"], error["message"].strip()
    undefined = re.fullmatch(r"'([^']+)' is undefined", message)
    if undefined:
        return f"unknown macro or variable '{undefined[1]}'{_did_you_mean(undefined[1])}"
    return message if kind in ("KeyError", "ValueError", "LookupError") else f"{kind}: {message}"


def _did_you_mean(name: str) -> str:
    """The public macros closest to a misspelled name, from the macros module's own list."""
    try:
        from scripts.render.api import PUBLIC_MACROS
    except ImportError:  # a copy without the renderers still gets the rest of the message
        PUBLIC_MACROS = ()
    near = difflib.get_close_matches(name, PUBLIC_MACROS, n=3, cutoff=0.6)
    hint = f": did you mean {' or '.join(near)}?" if near else ""
    return hint + " (the macros are listed in data/README.md)"


def _page_read_error(match: re.Match[str], context: _Context) -> list[Finding]:
    page = context.page(match["page"])
    # MkDocs stops with urllib's ValueError (and a traceback) on a link whose host no URL
    # parser can read; the link checker's parser finds which one.
    bad = malformed_addresses(context.root / page) if "Traceback" in match["detail"] else []
    if bad:
        return [
            Finding(page, line, f"a browser cannot open the address {address}: {why}", "build")
            for line, address, why in bad
        ]
    detail = " ".join(match["detail"].split())
    return [Finding(page, 1, detail, "build", SAME_FILE)]


LOCATED_START = re.compile(r"^(?:Error: )?(?:docs|data)/[^\s:,]+:\d+, ", re.M)


def _located(match: re.Match[str], context: _Context) -> list[Finding]:
    """Errors that already name their file and line (the data layer's own messages); one
    record may hold several, each starting a line (every misspelt macro name at once)."""
    text = match.string[match.start() :]
    starts = [found.start() for found in LOCATED_START.finditer(text)] + [len(text)]
    found = []
    for start, end in itertools.pairwise(starts):
        part = re.match(LOCATED, text[start:end], re.S)
        if part:
            detail = " ".join(part["detail"].split())
            found.append(Finding(part["file"], int(part["line"]), detail, "build"))
    return found


def _page_name(match: re.Match[str], context: _Context) -> list[Finding]:
    """A macro given an unknown name: the data layer names the page; find the call's line."""
    path = context.root / match["page"]
    line = _macro_call_line(path, match["name"])
    detail = " ".join(match["detail"].split())
    return [Finding(match["page"], line or 1, detail, "build", "strong" if line else SAME_FILE)]


def _macro_call_line(path: Path, name: str) -> int | None:
    """The first line calling a macro with the quoted `name` (or mentioning it at all)."""
    for needle in (f'"{name}"', f"'{name}'", name):
        line = text_line(path, needle)
        if line:
            return line
    return None


def _other(text: str, context: _Context) -> Finding:
    """A message no translator knows: keep its words, attach it to the page it names."""
    message = " ".join(text.split())
    page = re.search(r"'([^']+\.md)'", text)
    if page and (context.docs / page[1]).exists():
        return Finding(context.page(page[1]), 1, message, "build", SAME_FILE)
    return Finding(CONFIG, 1, f"build: {message}", "build", ANY)


def _unexplained_failure(output: str, root: Path) -> Finding:
    """The build stopped without a warning we understand: show its last words."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    last = lines[-1] if lines else "no output"
    return Finding(CONFIG, 1, f"the build failed: {last}", "build", ANY)


Translator = Callable[[re.Match[str], _Context], list[Finding]]
TRANSLATORS: list[tuple[str, Translator]] = [
    (r"_Macro (?:Rendering|Syntax) Error_.*?_File_: `(?P<page>[^`]+)`", _macro_error),
    (
        DOC + r" a link '(?P<target>[^']+)', but the target is not found",
        _missing_target,
    ),
    (
        DOC + r" a link '(?P<target>[^']+)', but the doc '(?P<doc>[^']+)' does not contain "
        r"an anchor '#(?P<anchor>[^']+)'",
        _missing_anchor_there,
    ),
    (DOC + r" a link '(?P<target>[^']+)', but there is no such anchor", _missing_anchor_here),
    (DOC + r" an absolute link '(?P<target>[^']+)'", _absolute_link),
    (DOC + r" an unrecognized relative link '(?P<target>[^']+)'", _unrecognized_link),
    (r"not included in the \"nav\" configuration:(?P<pages>.*)", _not_in_nav),
    (r"A reference to '(?P<name>[^']+)' is included in the 'nav' configuration", _nav_missing_page),
    (r"Redirect target '(?P<name>[^']+)' does not exist", _redirect_missing_target),
    (r"error parsing the configuration file:(?P<detail>.*)", _config_error),
    (r"Config value '(?P<key>[^']+)': (?P<detail>.*)", _config_value),
    (r"Error reading page '(?P<page>[^']+)':(?P<detail>.*)", _page_read_error),
    (LOCATED, _located),
    (
        r"^(?:Error: )?(?P<page>docs/[^\s:,]+\.md), (?P<detail>.*found '(?P<name>[^']+)'.*)",
        _page_name,
    ),
]
