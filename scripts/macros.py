"""Registrar for mkdocs-macros (`module_name: scripts/macros` in mkdocs.yml).

It loads and validates the data once, checks every page's front matter,
writes the glossary tooltips snippet and registers the public macros. The
work itself lives in scripts/data (loading) and scripts/render (HTML).
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path

# mkdocs-macros loads this file by path, so the `scripts` package is not
# importable until the repository root is on sys.path.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from scripts.data import DataError, SiteData, load_site_data  # noqa: E402
from scripts.data.datasets import DATASETS  # noqa: E402
from scripts.data.frontmatter import check_pages  # noqa: E402
from scripts.render.api import PUBLIC_MACROS, SiteMacros  # noqa: E402
from scripts.render.boxes import abbreviations  # noqa: E402

SNIPPET = Path(".cache/snippets/abbreviations.md")
log = logging.getLogger("mkdocs")


def define_env(env) -> None:
    """Called once by mkdocs-macros when the build starts."""
    project = Path(env.project_dir)
    try:
        data = load_site_data(project)
        check_pages(Path(env.conf["docs_dir"]), data.sources)
    except DataError as error:
        # PluginError makes MkDocs print one "Error: ..." line and exit 1.
        raise PluginError(str(error)) from None
    write_if_changed(project / SNIPPET, abbreviations(data.glossary))
    _replace_raw_variables(env, data)
    macros = SiteMacros(data, lambda: env.page.file.src_uri, env.conf["use_directory_urls"])
    for name in PUBLIC_MACROS:
        env.macro(stop_build_on_data_error(getattr(macros, name)), name)


def stop_build_on_data_error(macro: Callable[..., str]) -> Callable[..., str]:
    """Turn a DataError raised while a page renders into one error line and exit code 1.

    mkdocs-macros catches every Exception from a macro and prints a traceback;
    SystemExit passes through it, so the reader of the log sees only our message.
    """

    @functools.wraps(macro)
    def call(*args: object, **kwargs: object) -> str:
        try:
            return macro(*args, **kwargs)
        except DataError as error:
            log.error(str(error))
            raise SystemExit(1) from None

    return call


def write_if_changed(path: Path, text: str) -> bool:
    """Write `text` unless the file already holds it; `mkdocs serve` would loop otherwise."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def _replace_raw_variables(env, data: SiteData) -> None:
    """include_yaml put each file's raw YAML in the page variables; give pages the checked rows."""
    for dataset in DATASETS:
        if dataset.key in env.variables:
            env.variables[dataset.key] = data.tables.get(
                dataset.key, getattr(data, dataset.key, None)
            )
