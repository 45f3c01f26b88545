"""What the page rules need from mkdocs.yml: the macros plugin's Jinja settings and the
redirects, read without MkDocs' own tags (such as !ENV)."""

from __future__ import annotations

from pathlib import Path

import yaml
from jinja2 import Environment

CONFIG = "mkdocs.yml"


def mkdocs_config(root: Path) -> dict:
    """mkdocs.yml as plain data; {} when it is missing or not YAML (the build says why)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        data = yaml.load((root / CONFIG).read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def plugin_settings(config: dict, name: str) -> dict:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and name in plugin:
            return plugin[name] or {}
    return {}


def redirect_maps(config: dict) -> dict[str, str]:
    """Old page name -> new page name, as the redirects plugin reads them."""
    maps = plugin_settings(config, "redirects").get("redirect_maps") or {}
    return {str(old): str(new) for old, new in maps.items()}


def page_environment(config: dict) -> Environment:
    """A Jinja environment with the delimiters mkdocs-macros uses for pages (its j2_* settings),
    so a page parses here exactly as it does in the build."""
    settings = plugin_settings(config, "macros")
    options = {
        key.split("_", 1)[1]: value
        for key, value in settings.items()
        if key.startswith("j2_") and value
    }
    return Environment(**options)
