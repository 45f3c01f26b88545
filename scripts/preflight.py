"""MkDocs hook: a YAML syntax error in a data file stops the build in one line.

mkdocs-macros parses every `include_yaml` file itself, before `define_env`
runs, so a syntax error there would surface as a Python traceback. This hook
runs first (high event priority) and parses the same files with the site's
own reader, which names the file and line. Everything beyond syntax is still
checked once, in `define_env`, which also runs the same parse for Zensical
(it has no hooks; see README.md, "Pinned versions and the road to Zensical").
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by path, so the `scripts` package needs the repository root on sys.path.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from scripts.data.errors import DataError  # noqa: E402
from scripts.data.includes import parse_include_yaml  # noqa: E402


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = Path(config.config_file_path).parent
    macros = config.plugins.get("macros")
    entries = macros.config["include_yaml"] if macros is not None else []
    try:
        parse_include_yaml(project, entries)
    except DataError as error:
        raise PluginError(str(error)) from None
    return config
