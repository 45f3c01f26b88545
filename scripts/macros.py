"""Registrar for mkdocs-macros (`module_name: scripts/macros` in mkdocs.yml)."""

from pathlib import Path

ABBREVIATIONS = Path(".cache/snippets/abbreviations.md")


def define_env(env) -> None:
    ABBREVIATIONS.parent.mkdir(parents=True, exist_ok=True)
    ABBREVIATIONS.write_text("", encoding="utf-8")
