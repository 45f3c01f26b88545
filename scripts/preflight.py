"""MkDocs hook: a YAML syntax error in a data file stops the build in one line.

mkdocs-macros parses every `include_yaml` file itself, before `define_env`
runs, so a syntax error there would surface as a Python traceback. This hook
runs first (high event priority) and parses the same files with the site's
own reader, which names the file and line. Everything beyond syntax is still
checked once, in `define_env`, which also runs the same parse for Zensical
(it has no hooks; see README.md, "Pinned versions and the road to Zensical").
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts.config.includes import parse_include_yaml
from scripts.data.errors import DataError


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """MkDocs hook: read each include_yaml file first; a YAML problem stops the build."""
    project = Path(config.config_file_path).parent
    macros = config.plugins.get("macros")
    entries = macros.config["include_yaml"] if macros is not None else []
    try:
        parse_include_yaml(project, entries)
    except DataError as error:
        raise PluginError(str(error)) from None
    return config
