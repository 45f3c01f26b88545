"""The one reader of mkdocs.yml: the site's settings as plain data, `!ENV` resolved as MkDocs does.

The build helpers, `make check`, the link checker's defaults and the page rules all read the
site's configuration here, so an environment variable or a plugin setting means the same
thing to each of them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = "mkdocs.yml"


class ConfigError(Exception):
    """mkdocs.yml cannot be read or is not a YAML mapping."""


class _Loader(yaml.SafeLoader):
    """`!ENV` as MkDocs reads it; MkDocs' other tags (`!!python/name` and kin) read as None."""


def _env_tag(loader: _Loader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    # [VAR, VAR2, ..., default]; a mapping here makes PyYAML raise its own ConstructorError.
    items = loader.construct_sequence(node)  # type: ignore[arg-type]
    for name in items[:-1]:
        if name in os.environ:
            return os.environ[name]
    return items[-1] if items else None


_Loader.add_constructor("!ENV", _env_tag)
_Loader.add_multi_constructor("", lambda _loader, _suffix, _node: None)


def read_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml of the project at `root`; raises ConfigError saying why it cannot be read."""
    path = root / CONFIG_FILE
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError) as error:
        raise ConfigError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    return data


def config_or_empty(root: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data; {} when it is missing or broken (the build says why)."""
    try:
        return read_config(root)
    except ConfigError:
        return {}


def plugin_settings(config: dict[str, Any], name: str) -> dict[str, Any]:
    """The settings of plugin `name` ({} when it is listed without settings or not at all)."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and name in plugin:
            return plugin[name] or {}
    return {}


def redirect_maps(config: dict[str, Any]) -> dict[str, str]:
    """Old page name -> new page name, as the redirects plugin reads them."""
    maps = plugin_settings(config, "redirects").get("redirect_maps") or {}
    return {str(old): str(new) for old, new in maps.items()}


def config_line(root: Path, pattern: str | re.Pattern[str]) -> int | None:
    """The first line of mkdocs.yml containing `pattern` (a plain string or a regex), so a
    message about a setting can point at it; None when no line matches."""
    try:
        text = (root / CONFIG_FILE).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        found = pattern.search(line) if isinstance(pattern, re.Pattern) else pattern in line
        if found:
            return number
    return None
