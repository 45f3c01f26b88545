"""mkdocs.yml lists every data file under include_yaml; every listed file exists and validates."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.config import plugin_settings, read_config
from scripts.config.includes import check_include_yaml
from scripts.data.datasets import BY_KEY, DATASETS
from scripts.data.errors import MissingFileError, SchemaError
from scripts.data.loader import parse_dataset
from tests.support.repo import REPO


def include_yaml() -> list:
    settings = plugin_settings(read_config(REPO), "macros")
    assert settings, "mkdocs.yml has no macros plugin"
    return settings["include_yaml"]


def test_include_yaml_is_a_plain_list_of_every_data_file() -> None:
    listed = include_yaml()
    assert all(isinstance(entry, str) for entry in listed), "Zensical reads plain paths"
    on_disk = sorted(f"data/{p.name}" for p in (REPO / "data").glob("*.yml"))
    assert sorted(listed) == on_disk


@pytest.mark.parametrize("entry", include_yaml())
def test_every_listed_file_exists_and_validates(entry: str) -> None:
    path = REPO / entry
    assert path.is_file(), entry
    dataset = next(d for d in DATASETS if f"data/{d.file}" == entry)
    top_level = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(top_level) == [dataset.key] and BY_KEY[dataset.key] is dataset
    parsed = parse_dataset(REPO, dataset)
    assert parsed.records


def test_a_missing_listed_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(
        MissingFileError, match=r"mkdocs\.yml, row item 1, .*no file data/gone\.yml"
    ):
        check_include_yaml(tmp_path, ["data/gone.yml"])


def test_a_keyed_entry_is_an_error() -> None:
    with pytest.raises(SchemaError, match="expected a plain path"):
        check_include_yaml(REPO, [{"effects": "data/effects.yml"}])
