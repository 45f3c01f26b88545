"""data/README.md documents every data file, every field and every public macro."""

from __future__ import annotations

import re

import pytest

from scripts.data.datasets import DATASETS, Dataset
from scripts.data.models import Onset, RequiredLinks, Span, XrefTopic
from scripts.render.api import PUBLIC_MACROS
from tests.support.repo import REPO

README = (REPO / "data/README.md").read_text(encoding="utf-8")


def section(file: str) -> str:
    match = re.search(rf"^### {re.escape(file)} .*?(?=^### |^## )", README, re.M | re.S)
    assert match, f"data/README.md has no section for {file}"
    return match.group(0)


@pytest.mark.parametrize("dataset", DATASETS, ids=[d.file for d in DATASETS])
def test_every_file_and_field_is_documented(dataset: Dataset) -> None:
    text = section(dataset.file)
    assert f"`{dataset.key}`" in text
    nested = {Span, Onset, XrefTopic, RequiredLinks}
    models = [dataset.model] + [m for m in nested if m.__name__ in repr(dataset.model.model_fields)]
    for model in models:
        for name, info in model.model_fields.items():
            key = info.alias or name
            assert re.search(rf"(?<![\w-]){key}(?![\w-])", text), f"{dataset.file}: field {key}"


def test_every_macro_has_an_example() -> None:
    for name in PUBLIC_MACROS:
        assert f"{{{{ {name}(" in README, name
