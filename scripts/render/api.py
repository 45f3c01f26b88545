"""The public macros, as methods on one object that knows the data and the current page.

scripts/macros.py registers these with mkdocs-macros; tests can call them
directly with any page path. Unknown names raise UnknownNameError naming the
page and the closest valid names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NoReturn

from scripts.data.checks import closest, natural_denominator, number_text
from scripts.data.errors import PageUsageError, Problem, UnknownNameError
from scripts.data.figures import Figure
from scripts.data.loader import SiteData
from scripts.render import boxes, charts, checklist, licences
from scripts.render.citations import Citer, PageLinks
from scripts.render.specs import TABLES
from scripts.render.tables import render_table

PUBLIC_MACROS = (
    "table",
    "chart",
    "xref",
    "cite",
    "fact",
    "crisis_help",
    "licence_status",
    "questions_checklist",
    "sources_list",
    "page_sources",
    "glossary",
)

# Each chart draws from one table's rows and shows that table beside it.
CHARTS: dict[str, tuple[str, Callable]] = {
    "common_effects": ("common_effects", charts.common_effects_chart),
    "immediate_effects": ("immediate_effects", charts.effects_chart),
    "session_length": ("methods", charts.session_length_chart),
    "onset": ("comparison", charts.onset_chart),
}


class SiteMacros:
    def __init__(
        self,
        data: SiteData,
        current_page: Callable[[], str],
        directory_urls: bool = True,
        current_sources: Callable[[], Sequence[str]] = tuple,
    ) -> None:
        self.data = data
        self.current_page = current_page  # the page's path under docs/, asked at call time
        self.directory_urls = directory_urls
        self.current_sources = current_sources  # the page's front-matter `sources` list

    def table(self, name: str) -> str:
        """table("immediate_effects"): an HTML table with caption and cited figures."""
        spec = TABLES.get(name) or self._unknown("table", name, TABLES)
        return render_table(spec, self.data.tables[spec.data_key], self._citer())

    def chart(self, name: str, with_table: bool = True) -> str:
        """chart("session_length"): an inline SVG chart, then its table as the text version."""
        key, draw = CHARTS.get(name) or self._unknown("chart", name, CHARTS)
        html = draw(self.data.tables[key])
        if with_table:
            html += self.table(key)
        return f'<div class="kt-chart-pair">{html}</div>'

    def xref(self, topic: str, text: str | None = None) -> str:
        """xref("dosage") or xref("dosage", "how doses are worked out"): a Markdown link."""
        found = self.data.topics.get(topic) or self._unknown(
            "cross-reference", topic, self.data.topics
        )
        label = text if text is not None else found.title
        return f"[{label}]({self._links().target(found.page)})"

    def cite(self, source: str) -> str:
        """cite("oxford-health-ketamine"): a small bracketed link to the source's entry."""
        if source not in self.data.sources:
            self._unknown("source", source, self.data.sources)
        return self._citer().cite_markdown(source)

    def fact(self, name: str, style: str | None = None) -> str:
        """fact("trd_response"): an inline figure and its citation: about 1 in 2 (Oxford Health)."""
        figure = self.data.facts.get(name) or self._unknown("fact", name, self.data.facts)
        if style not in (None, "number", "natural"):
            self._unknown("fact style", style, ("number", "natural"))
        if style == "natural":
            self._check_natural(name, figure)
        return self._citer().figure_markdown(figure, style)

    def _check_natural(self, name: str, figure: Figure) -> None:
        """The data layer refuses "natural" for such figures too; a page can ask for it."""
        value = figure.value
        if figure.unit != "%" or value is None or figure.is_range or natural_denominator(value):
            return
        raise PageUsageError(
            Problem(
                f"docs/{self.current_page()}",
                "style 'natural' only for a share of 50% or less close to 1 in N; "
                f'leave the style out: fact("{name}")',
                f"fact '{name}' is {number_text(value)}%, which '1 in N' cannot show correctly",
                field="style",
            )
        )

    def crisis_help(self, brief: bool = False) -> str:
        """crisis_help(): the urgent-care box with crisis lines. crisis_help(brief=True): one
        line with the urgent numbers, linking to the full box further down the same page."""
        if brief:
            return boxes.crisis_brief(self.data.crisis_lines)
        return boxes.crisis_box(self.data.crisis_lines, self._citer())

    def licence_status(self) -> str:
        """licence_status(): the note on what each form of ketamine is licensed for, where,
        and what NICE and the SMC decided; every page about treatment shows it near the top."""
        return licences.licence_note(self.data.tables["licences"], self._citer())

    def questions_checklist(self) -> str:
        """questions_checklist(): the questions to ask a clinic, as a checklist a reader can
        print on its own, each question with the sources it is drawn from."""
        rows = self.data.tables["provider_questions"]
        return checklist.questions_checklist(rows, self._citer())

    def sources_list(self) -> str:
        """sources_list(): the sources page body."""
        return boxes.sources_list(tuple(self.data.sources.values()))

    def page_sources(self) -> str:
        """page_sources(): the page's front-matter sources as a list, each linked to its entry."""
        for source in self.current_sources():
            if source not in self.data.sources:
                self._unknown("source", source, self.data.sources)
        return self._citer().source_list_markdown(self.current_sources())

    def glossary(self) -> str:
        """glossary(): the glossary page body."""
        return boxes.glossary_list(self.data.glossary)

    def _links(self) -> PageLinks:
        sources_page = (
            self.data.topics["sources"].page if "sources" in self.data.topics else "sources.md"
        )
        return PageLinks(self.current_page(), sources_page, self.directory_urls)

    def _citer(self) -> Citer:
        return Citer(self.data.sources, self._links())

    def _unknown(self, kind: str, name: object, valid: Iterable[str]) -> NoReturn:
        page = f"docs/{self.current_page()}"
        raise UnknownNameError(
            Problem(
                page,
                f"a {kind} name: {closest(str(name), valid)}",
                repr(name),
                field=f"{kind} name",
            )
        )
