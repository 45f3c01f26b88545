"""The shape of every data file, as pydantic models.

Each field's `description` doubles as the "expected ..." half of an error
message, so the schema is the one place that knows what a field may hold.
Rules that span fields or files (a source or a note, min <= max, ids that
must exist) live in checks.py, where they can name the exact field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
# Markup an editor might type into a data field: the renderers escape every
# field, so readers would see the asterisks, brackets and tags themselves.
# The patterns cannot be side-stepped by spelling: any "<" before a letter, "/", "!"
# or "?" starts a tag, comment or declaration to a browser, whatever follows it.
MARKUP = re.compile(
    r"\*\*[^*]+\*\*"  # **bold**
    r"|__[^_]+__"  # __bold__
    r"|\[[^\]]+\]\([^)]*\)"  # [text](link)
    r"|\]\s*[(\[:]"  # ](link), ][ref] or ]: even without the opening [ (a renderer adds it)
    r"|<[A-Za-z/!?][^\s<>]*>?"  # <br>, <svg/onload=...>, </p>, <!-- -->, <?php
    r"|`[^`]+`"  # `code`
    r"|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"  # &nbsp;, &#60;, &#x3c;
)
# Unicode categories a reader cannot see: controls (Cc: line breaks, tabs), format
# characters (Cf: bidi overrides such as U+202E that show "03" as "30", zero-width
# spaces and joiners), line and paragraph separators, private-use and surrogate codes.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})
LINE_BREAKS = frozenset("\n\r\v\f\x85\u2028\u2029")
ABBREVIATION_BREAKERS = "[]\\"  # they end a glossary term early in the tooltips snippet


def _refused(found: str, expected: str) -> PydanticCustomError:
    """The error a text rule raises; schema_errors reports its `found` and `expected`."""
    return PydanticCustomError("plain_text", found, {"found": found, "expected": expected})


def plain_text(value: str) -> str:
    """Refuse Markdown or HTML in a field the site shows as plain text."""
    markup = MARKUP.search(value)
    if markup is not None:
        found = f"Markdown or HTML '{markup.group(0)}'"
        raise _refused(found, "plain text (the site shows this field exactly as written)")
    return value


def visible_text(value: str) -> str:
    """Refuse line breaks and characters a reader cannot see in a one-line field."""
    for char in value.strip():
        if char in LINE_BREAKS:
            found = "a line break inside the value"
            expected = "the value on one line (every field of the site is one line of text)"
        elif unicodedata.category(char) in HIDDEN_CATEGORIES:
            name = unicodedata.name(char, "a control character")
            found = f"the invisible character U+{ord(char):04X} ({name})"
            expected = "text without it (it can hide or reverse what readers see): retype it"
        else:
            continue
        raise _refused(found, expected)
    return value


def _each_string(value: Any) -> None:
    if isinstance(value, str):
        visible_text(value)
    elif isinstance(value, list):
        for item in value:
            _each_string(item)


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[
    str, StringConstraints(min_length=1, strip_whitespace=True), AfterValidator(plain_text)
]
Tel = Annotated[str, StringConstraints(pattern=r"^\+?[0-9]+$")]
PagePath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/_-]*\.md$")]
Number = int | float
Percent = Annotated[Number, Field(ge=0, le=100)]
TimeScale = Literal["minutes", "hours", "days", "weeks", "months"]
Qualifier = Literal["about", "at least", "up to", "under", "more than"]

ID_FIELD = "an id of lower-case letters, digits, - or _ (for example mood_dips)"
SOURCE_FIELD = "the id of a source in data/sources.yml"
NOTE_FIELD = "text saying why no source is given (shown to readers as 'source not confirmed')"


class Strict(BaseModel):
    """No unknown keys, no silent type coercion ("30" is not 30), no mutation."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, populate_by_name=True, allow_inf_nan=False
    )

    @field_validator("*", mode="before")
    @classmethod
    def _visible(cls, value: Any) -> Any:
        """Every text field, whatever its type says (ids, addresses, lists of ids)."""
        _each_string(value)
        return value


class Row(Strict):
    """A row of a data file, with its stable id."""

    id: Id = Field(description=ID_FIELD)


class SourcedRow(Row):
    """A row that states something checkable: it names a source or says why not."""

    source: Id | None = Field(None, description=SOURCE_FIELD)
    source_note: Text | None = Field(None, description=NOTE_FIELD)


class SourceRow(Row):
    """A source (sources.yml): who published what, and where to read it."""

    publisher: Text = Field(description="the organisation or journal that published it")
    title: Text = Field(description="what the document is, in words")
    short: Text = Field(
        description="a short label for inline citations (for example Oxford Health)"
    )
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        None, description="an http(s) address, only for an authoritative source"
    )


class ConditionRow(SourcedRow):
    """A condition ketamine is used for, and how many people respond (conditions.yml)."""

    FIGURES: ClassVar[dict[str, str]] = {"success_rate": "%"}
    name: Text = Field(description="the condition's name")
    success_rate: Percent | Literal["variable"] = Field(
        description='a percentage from 0 to 100, or the word "variable"'
    )
    note: Text | None = Field(None, description="a short note shown beside the rate")


class Span(Strict):
    """A span of whole minutes, from `min` to `max`."""

    min: Annotated[int, Field(ge=0)] = Field(description="a whole number of minutes, 0 or more")
    max: Annotated[int, Field(ge=0)] = Field(description="a whole number of minutes, 0 or more")


class MethodRow(SourcedRow):
    """A way of giving ketamine, and how long a session lasts (methods.yml)."""

    FIGURES: ClassVar[dict[str, str]] = {"session_minutes": "minutes"}
    name: Text = Field(description="the method's name")
    how: Text = Field(description="how it is given, in one sentence")
    session_minutes: Span = Field(description="a mapping {min: minutes, max: minutes}")
    notes: Text = Field(description="a short note")


class Onset(Strict):
    """How soon a treatment starts to work, from one time scale to another."""

    start: TimeScale = Field(alias="from", description="one of minutes, hours, days, weeks, months")
    end: TimeScale = Field(alias="to", description="one of minutes, hours, days, weeks, months")


class ComparisonRow(SourcedRow):
    """A treatment compared with ketamine (comparison.yml)."""

    FIGURES: ClassVar[dict[str, str]] = {"onset_text": ""}
    treatment: Text = Field(description="the treatment's name")
    method: Text = Field(description="how it is taken")
    frequency: Text = Field(description="how often it is taken")
    onset: Onset = Field(description="a mapping {from: time scale, to: time scale}")
    onset_text: Text = Field(description="how soon it works, in words")


class PercentSpan(Strict):
    """A range of percentages, low end to high end."""

    min: Percent = Field(description="a percentage from 0 to 100 (the low end)")
    max: Percent = Field(description="a percentage from 0 to 100 (the high end)")


class CommonEffectRow(SourcedRow):
    """An effect a source names as common, with its rate where the source gives one."""

    FIGURES: ClassVar[dict[str, str]] = {"percent": "%"}
    # How the table and chart say where a figure comes from; the keys are `seen_in`'s values.
    SEEN_IN: ClassVar[dict[str, str]] = {
        "esketamine": "Esketamine trials",
        "ketamine": "IV ketamine",
    }
    effect: Text = Field(description="the effect, in plain words")
    seen_in: Literal["esketamine", "ketamine"] = Field(
        description="esketamine (its trials, as the label reports them) or ketamine (into a vein)"
    )
    percent: Percent | PercentSpan | None = Field(
        None, description="a percentage from 0 to 100, or {min: 61, max: 84} for a range"
    )
    note: Text = Field(description="what the source says about how common it is, in words")


class EffectRow(SourcedRow):
    """An immediate effect, and how often it happens (immediate_effects.yml)."""

    FIGURES: ClassVar[dict[str, str]] = {"percent": "%"}
    effect: Text = Field(description="the effect, in plain words")
    percent: Percent = Field(description="a percentage from 0 to 100")


class RiskRow(SourcedRow):
    """A short-term or long-term risk (risks.yml)."""

    FIGURES: ClassVar[dict[str, str]] = {"percent": "%", "lasts": ""}
    name: Text = Field(description="the risk's name")
    term: Literal["short-term", "long-term"] = Field(description="short-term or long-term")
    summary: Text = Field(description="what is known, in one sentence")
    percent: Percent | None = Field(None, description="a percentage from 0 to 100")
    lasts: Text | None = Field(None, description="how long it lasts, in words")


class MonitoringRow(SourcedRow):
    """What is checked before, during or after a session (monitoring.yml)."""

    stage: Literal["before", "during", "after"] = Field(description="before, during or after")
    summary: Text = Field(description="what is checked, in one sentence")


class CandidacyRow(SourcedRow):
    """A criterion for who may be offered treatment (candidacy.yml)."""

    criterion: Text = Field(description="the criterion, in a few words")
    detail: Text = Field(description="what it means, in one sentence")


class SourcedText(Strict):
    """A phrase with its own source, for tables where each cell rests on a different source."""

    text: Text = Field(description="the cell's text, in plain words")
    source: Id | None = Field(None, description=SOURCE_FIELD)
    source_note: Text | None = Field(None, description=NOTE_FIELD)


class OtherTreatmentRow(Row):
    """One other treatment for depression, compared with ketamine."""

    CITED: ClassVar[tuple[str, ...]] = ("given", "onset", "downsides", "status")
    treatment: Text = Field(description="the treatment's name")
    given: SourcedText = Field(description="how it is given: {text, source}")
    onset: SourcedText = Field(description="how soon it may help: {text, source}")
    downsides: SourcedText = Field(description="the main downsides: {text, source}")
    status: SourcedText = Field(description="licence or NICE status: {text, source}")


class InteractionRow(SourcedRow):
    """One group of medicines or drugs that may interact with ketamine."""

    group: Text = Field(description="the group of medicines or drugs, in a few words")
    examples: Text | None = Field(None, description="examples, such as named medicines")
    effect: Text = Field(description="what may happen, in one sentence")
    advice: Text = Field(description="what you or your team should do, in one sentence")
    applies_to: Literal["esketamine", "iv-ketamine"] = Field(
        description="esketamine (from the esketamine label) or iv-ketamine"
    )


class CareSignRow(SourcedRow):
    """One sign that needs care, and the card it belongs on."""

    card: Id = Field(
        description="the card's name, such as bladder (the care_cards() macro shows one card)"
    )
    level: Literal["clinic", "urgent", "emergency"] = Field(
        description="clinic (tell your clinic or GP), urgent (call 111) or emergency (999)"
    )
    sign: Text = Field(description="the symptom or sign, in plain words")


class FactRow(SourcedRow):
    """A figure that prose quotes (facts.yml), given here or taken from a table row."""

    about: Text = Field(description="what the figure is, for editors")
    from_: Annotated[str, StringConstraints(pattern=r"^[a-z_]+\.[a-z0-9_-]+\.[a-z_]+$")] | None = (
        Field(None, alias="from", description="a reference <file key>.<row id>.<field>")
    )
    value: Number | None = Field(None, description="a number")
    min: Number | None = Field(None, description="a number (the low end of a range)")
    max: Number | None = Field(None, description="a number (the high end of a range)")
    text: Text | None = Field(None, description="the figure as words (for example 140/90)")
    unit: Text | None = Field(None, description='a unit such as "%", "mg/kg", "minutes" or "£"')
    qualifier: Qualifier | None = Field(
        None, description="one of about, at least, up to, under, more than"
    )
    kind: Literal["chance", "rate"] | None = Field(
        None,
        description='for a share: "chance" (one person\'s chance, shown as about 1 in 10) '
        'or "rate" (measured in a trial or study, shown as 61%, the default)',
    )
    per: Text | None = Field(None, description='words after the figure, such as "a year"')
    decimals: Annotated[int, Field(ge=0, le=3)] | None = Field(
        None, description="how many decimal places to show, from 0 to 3 (1 shows 52 as 52.0)"
    )
    tel: Tel | None = Field(None, description="the digits a phone dials, such as +18553826022")


def abbreviation_term(value: str) -> str:
    """A glossary term is written into the tooltips snippet as `*[term]: definition`, where
    a bracket or backslash would end the term early and turn the line into page text."""
    for char in ABBREVIATION_BREAKERS:
        if char in value:
            expected = "a term without [ ] or \\ (the tooltips cannot show them)"
            raise _refused(f"'{char}' in the term", expected)
    return value


MONTH = (
    r"^(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) (?:19|20)[0-9]{2}$"
)


class LicenceRow(SourcedRow):
    """One licence or one piece of NHS advice, for one form of ketamine in one region."""

    # How the note names each product; the keys are the values `product` may take.
    PRODUCTS: ClassVar[dict[str, str]] = {
        "esketamine": "Esketamine nasal spray (Spravato)",
        "ketamine": "Ketamine into a vein or a muscle",
    }
    product: Literal["esketamine", "ketamine"] = Field(
        description="esketamine (the nasal spray) or ketamine (into a vein or a muscle)"
    )
    region: Literal["United States", "European Union", "United Kingdom", "Scotland"] = Field(
        description="one of United States, European Union, United Kingdom, Scotland"
    )
    kind: Literal["licence", "advice"] = Field(
        description="licence (what a regulator licensed) or advice (what NICE or SMC decided)"
    )
    statement: Text = Field(description="what is licensed or decided, in one sentence")
    since: Annotated[str, StringConstraints(pattern=MONTH)] | None = Field(
        None, description="the month it happened, written like March 2019"
    )
    also: list[Id] = Field(
        default_factory=list, description="a list of further source ids from data/sources.yml"
    )


class ProviderQuestionRow(SourcedRow):
    """One question to ask a clinic, for the printable checklist."""

    question: Text = Field(description="the question, as the reader would ask it")
    region: Literal["United Kingdom", "United States"] | None = Field(
        None, description="United Kingdom or United States, for a question only asked there"
    )
    also: list[Id] = Field(
        default_factory=list, description="a list of further source ids from data/sources.yml"
    )


class GlossaryRow(Row):
    """A term and its plain-English definition (glossary.yml)."""

    term: Annotated[Text, AfterValidator(abbreviation_term)] = Field(
        description="the term as it appears in the text"
    )
    definition: Text = Field(description="a plain-English definition")
    tooltip: bool = Field(description="true or false: show the definition as a tooltip")
    # Each form is written into the tooltips snippet exactly as a term is.
    forms: list[Annotated[Text, AfterValidator(abbreviation_term)]] = Field(
        default_factory=list,
        description="other forms of the term that show the same tooltip, such as responded "
        "or Remission (a tooltip matches exact, case-sensitive words)",
    )


class CrisisLineRow(SourcedRow):
    """A crisis line readers can call (crisis_lines.yml)."""

    region: Text = Field(description="where the line works")
    service: Text = Field(description="the service's name")
    number: Text | None = Field(None, description="the number as readers see it")
    tel: Tel | None = Field(None, description="the digits a phone dials, such as 116123")
    how: Text = Field(description="how and when to use it, in one or two sentences")
    in_heading: bool = Field(description="true or false: name this number in the box heading")
    in_brief: bool = Field(
        False,
        description="true or false: offer this number in the one-line brief at the top of a "
        "page, as the route for urgent help that is not an emergency",
    )
    area: Text | None = Field(
        None, description="the part of the region the line serves, such as England"
    )
    now_if: Text | None = Field(None, description="when to call now (needed when in_heading)")


class XrefTopic(Row):
    """A topic that pages link to by id, and the page that covers it (xrefs.yml)."""

    page: PagePath = Field(
        description="a page path under docs/, such as ketamine-infusion-dosage.md"
    )
    title: Text = Field(description="the default link text")


class RequiredLinks(Strict):
    """The topics one page must link to (xrefs.yml)."""

    page: PagePath = Field(description="a page path under docs/")
    topics: list[Id] = Field(description="a list of topic ids")


class Xrefs(Strict):
    """The cross-reference registry (xrefs.yml): topics, and the links pages must make."""

    topics: list[XrefTopic] = Field(description="a list of topics")
    required_links: list[RequiredLinks] = Field(description="a list of {page, topics}")
    licence_note_pages: list[Id] = Field(
        default_factory=list,
        description="a list of topic ids: the pages about treatment, which show licence_status()",
    )


class ChangeRow(Row):
    """One change readers following the guide should hear of (the "What's new" page and feed)."""

    date: dt.date = Field(description="the day the change was published, as YYYY-MM-DD")
    topic: Id = Field(description="the id of the changed page's topic in data/xrefs.yml")
    kind: Literal["new", "review", "update", "correction"] = Field(
        description="one of new, review, update, correction"
    )
    summary: Text = Field(description="what changed for readers, in one or two plain sentences")
