"""The public macros, as methods on one object that knows the data and the current page.

scripts/macros.py registers these with mkdocs-macros; tests can call them
directly with any page path. Unknown names raise UnknownNameError naming the
page and the closest valid names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NoReturn, cast

from scripts.data.checks import closest
from scripts.data.errors import PageUsageError, Problem, UnknownNameError, UnknownReferenceError
from scripts.data.loader import SiteData
from scripts.data.models import CareSignRow, LicenceRow, ProviderQuestionRow
from scripts.render import boxes, care_cards, changes, charts, checklist, licences
from scripts.render.citations import Citer, PageLinks, markdown_text
from scripts.render.specs import TABLES
from scripts.render.tables import render_table

# Each chart draws from one table's rows and shows that table beside it.
CHARTS: dict[str, tuple[str, Callable[..., str]]] = {
    "common_effects": ("common_effects", charts.common_effects_chart),
    "immediate_effects": ("immediate_effects", charts.effects_chart),
    "session_length": ("methods", charts.session_length_chart),
    "onset": ("comparison", charts.onset_chart),
}


class SiteMacros:
    """The public macros, over the site's data and the page being rendered."""

    def __init__(
        self,
        data: SiteData,
        current_page: Callable[[], str],
        directory_urls: bool = True,
        current_sources: Callable[[], Sequence[str]] = tuple,
        html_links_from_source: bool = False,
    ) -> None:
        self.data = data
        self.current_page = current_page  # the page's path under docs/, asked at call time
        self.directory_urls = directory_urls
        self.current_sources = current_sources  # the page's front-matter `sources` list
        # Zensical rewrites links in raw HTML as it does Markdown links; MkDocs leaves them.
        self.html_links_from_source = html_links_from_source

    def table(self, name: str) -> str:
        """table("immediate_effects"): an HTML table with caption and cited figures."""
        spec = TABLES.get(name) or self._unknown("table", name, TABLES)
        return render_table(spec, self.data.tables[spec.name], self._citer())

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
        # The page's own words are Markdown it chose; the data's title is plain text.
        label = text if text is not None else markdown_text(found.title)
        return f"[{label}]({self._links().target(found.page)})"

    def cite(self, source: str) -> str:
        """cite("oxford-health-ketamine"): a small bracketed link to the source's entry."""
        if source not in self.data.sources:
            self._unknown("source", source, self.data.sources)
        return self._citer().cite_markdown(source)

    def fact(self, name: str) -> str:
        """fact("out_of_sorts"): an inline figure linked to its source: "about 1 in 10". Its number
        style follows the figure's kind (a chance or a rate), set in data/facts.yml."""
        figure = self.data.facts.get(name) or self._unknown("fact", name, self.data.facts)
        return self._citer().figure_markdown(figure)

    def crisis_help(self, brief: bool = False) -> str:
        """crisis_help(): the urgent-care box with crisis lines. crisis_help(brief=True): one
        line with the urgent numbers, linking to the full box further down the same page."""
        if brief:
            return boxes.crisis_brief(self.data.crisis_lines)
        return boxes.crisis_box(self.data.crisis_lines, self._citer())

    def care_cards(self, card: str, heading: int = 3) -> str:
        """care_cards("bladder"): when to get help, in three levels of urgency, each under a
        heading of rank `heading` (3 by default, for a card inside a ## section)."""
        # the tables are keyed by name; the loader validated this one against CareSignRow
        signs = cast("tuple[CareSignRow, ...]", self.data.tables["care_cards"])
        names = {sign.card for sign in signs}
        if card not in names:
            self._unknown("care card", card, names)
        if not 2 <= heading <= 6:
            page = f"docs/{self.current_page()}"
            expected = "a heading rank from 2 to 6, one below the section the card sits in"
            raise PageUsageError(Problem(page, expected, str(heading), field="heading"))
        lines = {line.id: line for line in self.data.crisis_lines}
        for needed in care_cards.LINES_NEEDED:
            if needed not in lines:
                expected = f"a row with id '{needed}' (the care cards take its number)"
                raise UnknownReferenceError(
                    Problem("data/crisis_lines.yml", expected, "no such row")
                )
        return care_cards.care_cards(card, signs, lines, self._citer(), heading)

    def licence_status(self) -> str:
        """licence_status(): the note on what each form of ketamine is licensed for, where,
        and what NICE and the SMC decided; every page about treatment shows it near the top."""
        rows = cast("tuple[LicenceRow, ...]", self.data.tables["licences"])  # validated as such
        return licences.licence_note(rows, self._citer())

    def questions_checklist(self) -> str:
        """questions_checklist(): the questions to ask a clinic, as a checklist a reader can
        print on its own, each question with the sources it is drawn from."""
        rows = cast(  # validated as such by the loader
            "tuple[ProviderQuestionRow, ...]", self.data.tables["provider_questions"]
        )
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

    def whats_new(self) -> str:
        """whats_new(): the "What's new" page body, from data/changes.yml, newest first."""
        return changes.changes_list(self.data.changes, self.data.topics, self._links())

    def feed_link(self, text: str = "Atom feed") -> str:
        """feed_link("Atom feed"): a link to the site's Atom feed of changes (feed.xml)."""
        return changes.feed_link(text, self._links())

    def _links(self) -> PageLinks:
        sources_page = (
            self.data.topics["sources"].page if "sources" in self.data.topics else "sources.md"
        )
        return PageLinks(
            self.current_page(), sources_page, self.directory_urls, self.html_links_from_source
        )

    def _citer(self) -> Citer:
        return Citer(self.data.sources, self._links())

    def _unknown(self, kind: str, name: object, valid: Iterable[str]) -> NoReturn:
        page = f"docs/{self.current_page()}"
        expected = f"a {kind} name: {closest(str(name), valid)}"
        raise UnknownNameError(Problem(page, expected, repr(name), field=f"{kind} name"))


# Every public method is a macro: pages call it by name, and define_env registers each one.
PUBLIC_MACROS = tuple(
    name for name, value in vars(SiteMacros).items() if callable(value) and name[0] != "_"
)
