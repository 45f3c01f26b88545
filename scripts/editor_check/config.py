"""What the page rules need from mkdocs.yml: the macros plugin's Jinja settings and the
redirects, read without MkDocs' own tags (such as !ENV)."""

from __future__ import annotations

from pathlib import Path

import yaml
from jinja2 import Environment

from scripts.data.template_names import page_environment as macros_environment

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
    """The Jinja environment pages are parsed with in the build (mkdocs.yml's macros settings)."""
    return macros_environment(plugin_settings(config, "macros"))
