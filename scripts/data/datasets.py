"""Which file holds which subject, under which top-level key, with which row model."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from scripts.data import models


@dataclass(frozen=True)
class Dataset:
    """One data file: its name, its top-level key and the model of its rows."""

    file: str  # name under data/
    key: str  # the file's one top-level key
    model: type[BaseModel]
    rows: bool = True  # a list of rows; False for one mapping (xrefs.yml)


DATASETS: tuple[Dataset, ...] = (
    Dataset("sources.yml", "sources", models.SourceRow),
    Dataset("conditions.yml", "conditions", models.ConditionRow),
    Dataset("methods.yml", "methods", models.MethodRow),
    Dataset("comparison.yml", "comparison", models.ComparisonRow),
    Dataset("common_effects.yml", "common_effects", models.CommonEffectRow),
    Dataset("effects.yml", "immediate_effects", models.EffectRow),
    Dataset("risks.yml", "risks", models.RiskRow),
    Dataset("monitoring.yml", "monitoring", models.MonitoringRow),
    Dataset("candidacy.yml", "candidacy", models.CandidacyRow),
    Dataset("other_treatments.yml", "other_treatments", models.OtherTreatmentRow),
    Dataset("interactions.yml", "interactions", models.InteractionRow),
    Dataset("care_cards.yml", "care_cards", models.CareSignRow),
    Dataset("facts.yml", "facts", models.FactRow),
    Dataset("licences.yml", "licences", models.LicenceRow),
    Dataset("provider_questions.yml", "provider_questions", models.ProviderQuestionRow),
    Dataset("glossary.yml", "glossary", models.GlossaryRow),
    Dataset("crisis_lines.yml", "crisis_lines", models.CrisisLineRow),
    Dataset("xrefs.yml", "xrefs", models.Xrefs, rows=False),
    Dataset("changes.yml", "changes", models.ChangeRow),
)

BY_KEY = {dataset.key: dataset for dataset in DATASETS}


def data_paths() -> list[str]:
    """Every data file as mkdocs.yml's include_yaml lists it (relative to the project)."""
    return [f"data/{dataset.file}" for dataset in DATASETS]
