"""Run the lint tools from the project's environment and read their reports as findings."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from scripts.editor_check.mistakes import SAME_FILE, STRONG, Mistake, relative
from scripts.pages.locate import starts_with_bom
from scripts.pages.meta import unreadable_front_matter

# pymarkdownlnt rule -> what an editor should do about it.
MARKDOWN_HINTS = {
    "MD001": "heading levels go down one step at a time (## then ###)",
    "MD003": "write headings as '## Heading', not underlined with === or ---",
    "MD009": "delete the spaces at the end of the line",
    "MD010": "replace the tab with spaces",
    "MD012": "delete the extra blank line",
    "MD022": "leave one blank line before and after a heading",
    "MD024": "two headings in the same section have the same text; reword one",
    "MD025": "a page has one '# Title'; make this heading '##'",
    "MD031": "leave one blank line before and after a ``` block",
    "MD032": "leave one blank line before and after a list",
    "MD045": "describe the image for people who cannot see it: ![what it shows](file.png)",
    "MD047": "end the file with exactly one empty line",
    "MD059": "make the link text say where it goes, not 'here', 'link' or 'more'",
}

PYMARKDOWN_RE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):\d+: (?P<rule>[A-Z]+\d+): (?P<text>.*?)"
    r"(?: \((?P<names>[\w,-]+)\))?$"
)
YAMLLINT_RE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):\d+: \[(?P<level>\w+)\] (?P<text>.*?)(?: \((?P<rule>[\w-]+)\))?$"
)
CODESPELL_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>\S+) ==> (?P<fixes>.+)$")
# ruff, mypy and vulture: `file:line[:col]: message`, or `file: message` about a whole file.
FILE_LINE_RE = re.compile(
    r"^(?P<path>[^\s:][^:]*?)(?::(?P<line>\d+))?(?::\d+)?:\s+(?P<message>.+)$"
)


def run(root: Path, module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the Python module `module` in `root` with this interpreter, so that every tool comes
    from the project's environment."""
    # PYTHONPATH: a build of `root` imports that checkout's own `scripts` package.
    env = dict(
        os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(root)
    )
    argv = [sys.executable, "-m", module, *args]
    return subprocess.run(argv, cwd=root, env=env, capture_output=True, text=True, check=False)


def existing(root: Path, *names: str) -> list[str]:
    """The names among `names` that exist under `root` (copies may leave some out)."""
    return [name for name in names if (root / name).exists()]


def _matches(pattern: re.Pattern[str], output: str) -> list[re.Match[str]]:
    """The lines of a tool's report that `pattern` reads."""
    return [match for line in output.splitlines() if (match := pattern.match(line.strip()))]


def tool_failure(result: subprocess.CompletedProcess[str], config: str, tool: str) -> list[Mistake]:
    """A tool that failed without reporting any finding is itself a problem to show."""
    lines = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
    detail = lines[-1].strip() if lines else f"exit status {result.returncode}"
    return [Mistake(config, 1, f"{tool} could not run: {detail}", tool)]


def markdown_lint(root: Path) -> list[Mistake]:
    """pymarkdownlnt with the house style in .pymarkdown.json."""
    targets = utf8_files(root, ("docs", "CONTRIBUTING.md"), (".md",))
    if not targets:
        return []
    result = run(root, "pymarkdown", "--config", ".pymarkdown.json", "scan", *targets)
    matches = _matches(PYMARKDOWN_RE, result.stdout)
    # One look at each file, however many findings it has.
    misread = {path for path in {m["path"] for m in matches} if _explained_elsewhere(root / path)}
    found = [_markdown_finding(match, root) for match in matches if match["path"] not in misread]
    if result.returncode != 0 and not found and not misread:
        return tool_failure(result, ".pymarkdown.json", "markdown")
    return found


def utf8_files(root: Path, names: tuple[str, ...], suffixes: tuple[str, ...]) -> list[str]:
    """The files to lint among `names` (folders searched for `suffixes`): a file that is not
    UTF-8 would stop the lint tool's whole run, and the data step already names its line,
    so it is left out."""
    files: list[Path] = []
    for name in existing(root, *names):
        path = root / name
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in suffixes and p.is_file())
        else:
            files.append(path)
    return [relative(path, root) for path in files if _is_utf8(path)]


def _is_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return True


def _explained_elsewhere(path: Path) -> bool:
    """A byte-order mark (the page rules name it) or front matter that is not YAML (the data
    step names it) makes the Markdown lint misread the page's top: its findings are noise."""
    return starts_with_bom(path) or unreadable_front_matter(path)


def _markdown_finding(match: re.Match[str], root: Path) -> Mistake:
    rule, text = match["rule"], match["text"].strip().rstrip(".")
    hint = MARKDOWN_HINTS.get(rule)
    message = f"{text}: {hint} [{rule}]" if hint else f"{text} [{rule}]"
    return Mistake(relative(match["path"], root), int(match["line"]), message, "markdown")


def yaml_lint(root: Path) -> list[Mistake]:
    """yamllint --strict with .yamllint.yml over the data and the repository's own YAML."""
    names = ("data", ".github", ".yamllint.yml", ".pre-commit-config.yaml")
    targets = utf8_files(root, names, (".yml", ".yaml"))
    if not targets:
        return []
    result = run(root, "yamllint", "--strict", "-f", "parsable", "-c", ".yamllint.yml", *targets)
    found = [_yaml_finding(match, root) for match in _matches(YAMLLINT_RE, result.stdout)]
    if result.returncode != 0 and not found:
        return tool_failure(result, ".yamllint.yml", "yaml")
    return found


def _yaml_finding(match: re.Match[str], root: Path) -> Mistake:
    syntax = match["rule"] is None or match["text"].startswith("syntax error")
    message = f"YAML: {match['text']}" + (f" [{match['rule']}]" if match["rule"] else "")
    # The data loader names a syntax error in its own words; keep one message.
    weak = SAME_FILE if syntax else STRONG
    return Mistake(relative(match["path"], root), int(match["line"]), message, "yaml", weak)


def spelling(root: Path) -> list[Mistake]:
    """codespell with the project's medical dictionary and word list (.codespellrc)."""
    targets = existing(root, "docs", "data", "overrides", "README.md", "CONTRIBUTING.md")
    if not targets:
        return []
    result = run(root, "codespell_lib", *targets)
    found = [_spelling_finding(match, root) for match in _matches(CODESPELL_RE, result.stdout)]
    if result.returncode not in (0, 65) and not found:
        return tool_failure(result, ".codespellrc", "spelling")
    return found


def _spelling_finding(match: re.Match[str], root: Path) -> Mistake:
    fixes = [fix.strip() for fix in match["fixes"].split(",") if fix.strip()]
    if len(fixes) == 1:
        message = f"spelling: '{match['word']}' should be '{fixes[0]}'"
    else:
        message = f"spelling: '{match['word']}' may be a typo for one of: {', '.join(fixes)}"
    message += " (if the word is right, add it to .codespell-words.txt)"
    return Mistake(relative(match["path"], root), int(match["line"]), message, "spelling")


def python_lint(root: Path) -> list[Mistake]:
    """ruff, mypy and vulture over the project's Python, with the settings in pyproject.toml."""
    found = []
    ruff = existing(root, "scripts", "tests", "bench")
    if ruff:
        argv = ["ruff", "check", "--quiet", "--output-format", "concise", *ruff]
        found += _python_tool(root, argv, "pyproject.toml", "python")
    if not existing(root, "scripts"):
        return found
    flags = ["--no-error-summary", "--no-pretty", "--no-color-output", "--show-error-codes"]
    found += _python_tool(root, ["mypy", *flags, "scripts"], "pyproject.toml", "mypy", _mypy)
    vulture = ["vulture", *existing(root, "scripts", ".vulture-allow.py")]
    return found + _python_tool(root, vulture, ".vulture-allow.py", "vulture", _vulture)


def _mypy(text: str) -> str | None:
    """mypy's error (strict, [tool.mypy]) without its `error: `; a note, which only explains the
    error above it, is left out."""
    return None if text.startswith("note: ") else "mypy: " + text.removeprefix("error: ").strip()


def _vulture(text: str) -> str:
    """Code nothing uses, apart from the names .vulture-allow.py lists (with the reason each is
    used)."""
    return f"vulture: {text}: delete it, or list it in .vulture-allow.py with the reason it is used"


def _python_tool(
    root: Path,
    argv: list[str],
    config: str,
    tool: str,
    reword: Callable[[str], str | None] = str,
) -> list[Mistake]:
    """Findings of a tool printing `file:line[:col]: message` (or `file: message`), each message
    reworded by `reword` (None leaves it out). A finding about a whole file gets line 1 and
    gives way to a more precise message about the same file from an earlier step."""
    result = run(root, *argv)
    found = []
    for match in _matches(FILE_LINE_RE, result.stdout):
        path, message = relative(match["path"], root), reword(match["message"].strip())
        # A path outside the repository (a temporary build) has no source to show.
        if message is None or not (root / match["path"]).exists() or Path(path).is_absolute():
            continue
        line, weak = (int(match["line"]), STRONG) if match["line"] else (1, SAME_FILE)
        found.append(Mistake(path, line, message, "python", weak))
    if result.returncode != 0 and not found:
        return tool_failure(result, config, tool)
    return found
