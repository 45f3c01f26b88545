"""Cross-reference rules: the topic registry and the links each page must carry.

The rules file has one key, `xrefs`, with `topics` (id, page, title) and `required_links`
(page, topics). Pages are Markdown paths under the docs folder; they map to built files with
directory URLs: `x.md` -> `x/index.html`, `index.md` -> `index.html`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .findings import Finding, InputError

_INDEX_NAMES = ("index.md", "README.md")


@dataclass(frozen=True)
class Topic:
    """A cross-reference topic: its id, its page and its link text."""

    id: str
    page: str  # Markdown path under docs/
    title: str
    line: int


@dataclass(frozen=True)
class Requirement:
    """A page that must link to some topics."""

    page: str
    topics: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Rules:
    """The cross-reference rules read from xrefs.yml."""

    path: str  # as given, for messages and finding sources
    topics: dict[str, Topic]
    required: tuple[Requirement, ...]

    def topic_pages(self) -> dict[str, str]:
        """Built HTML file of each topic id."""
        return {topic.id: built_file(topic.page) for topic in self.topics.values()}

    def rule_pages(self) -> frozenset[str]:
        """The built files of the pages that must link to topics."""
        return frozenset(built_file(rule.page) for rule in self.required)


def built_file(markdown: str) -> str:
    """The file MkDocs writes for a Markdown page with directory URLs."""
    folder, _, name = markdown.rpartition("/")
    if name in _INDEX_NAMES:
        return f"{folder}/index.html" if folder else "index.html"
    stem = markdown[: -len(".md")]
    return f"{stem}/index.html"


class _LineLoader(yaml.SafeLoader):
    """Records the line of every mapping, so errors and findings can point into the file."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[Hashable, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_rules(path: Path, label: str | None = None) -> Rules:
    """Read and validate a rules file; raise InputError naming the line and field otherwise."""
    label = label or str(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except OSError as error:
        raise InputError(f"{label}: cannot read the rules file: {error.strerror}") from error
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(f"{label}: not valid YAML: {' '.join(str(error).split())}") from error
    xrefs = _field(raw, "xrefs", dict, label, "the rules file", 1)
    line = xrefs["__line__"]
    topics = _topics(_field(xrefs, "topics", list, label, "xrefs", line), label, line)
    required = _required(
        _field(xrefs, "required_links", list, label, "xrefs", line), topics, label, line
    )
    return Rules(path=label, topics=topics, required=required)


def _field(mapping: Any, key: str, kind: type, label: str, where: str, line: int) -> Any:
    if not isinstance(mapping, dict) or key not in mapping:
        raise InputError(f"{label}:{line}: {where}: missing key '{key}'")
    value = mapping[key]
    if not isinstance(value, kind):
        expected = "a mapping" if kind is dict else "a list"
        raise InputError(f"{label}:{line}: {where}.{key}: expected {expected}")
    return value


def _text(row: dict[str, Any], key: str, label: str, where: str) -> str:
    value = row.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{label}:{row['__line__']}: {where}.{key}: expected a non-empty string")
    return value.strip()


def _markdown_page(row: dict[str, Any], label: str, where: str) -> str:
    page = _text(row, "page", label, where)
    if not page.endswith(".md") or page.startswith("/") or ".." in page.split("/"):
        raise InputError(
            f"{label}:{row['__line__']}: {where}.page: expected a Markdown path under docs/ "
            f"such as 'ketamine-infusion-dosage.md', got {page!r}"
        )
    return page


def _topics(rows: list[Any], label: str, line: int) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    for n, row in enumerate(rows):
        where = f"xrefs.topics[{n}]"
        if not isinstance(row, dict):
            raise InputError(f"{label}:{line}: {where}: expected a mapping with id, page, title")
        topic = Topic(
            id=_text(row, "id", label, where),
            page=_markdown_page(row, label, where),
            title=_text(row, "title", label, where),
            line=row["__line__"],
        )
        if topic.id in topics:
            raise InputError(f"{label}:{topic.line}: {where}.id: duplicate topic id '{topic.id}'")
        topics[topic.id] = topic
    return topics


def _required(
    rows: list[Any], topics: dict[str, Topic], label: str, line: int
) -> tuple[Requirement, ...]:
    required = []
    for n, row in enumerate(rows):
        where = f"xrefs.required_links[{n}]"
        if not isinstance(row, dict):
            raise InputError(f"{label}:{line}: {where}: expected a mapping with page, topics")
        page = _markdown_page(row, label, where)
        ids = row.get("topics")
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise InputError(
                f"{label}:{row['__line__']}: {where}.topics: expected a list of topic ids"
            )
        unknown = [i for i in ids if i not in topics]
        if unknown:
            raise InputError(
                f"{label}:{row['__line__']}: {where}.topics: unknown topic "
                f"{unknown[0]!r} (known: {', '.join(sorted(topics))})"
            )
        required.append(Requirement(page=page, topics=tuple(ids), line=row["__line__"]))
    return tuple(required)


def check_rules(
    rules: Rules, files: set[str], page_url: Callable[[str], str], linked: dict[str, set[str]]
) -> list[Finding]:
    """Findings for missing topic pages and missing required links.

    `linked` maps each rule page (built file) to the files its content links reach,
    redirects already followed; `page_url` gives the URL readers see for a built file.
    """
    findings = [
        _not_built(rules, topic.page, topic.line, f'topic "{topic.id}" page {topic.page}')
        for topic in rules.topics.values()
        if built_file(topic.page) not in files
    ]
    for rule in rules.required:
        built = built_file(rule.page)
        if built not in files:
            what = f"page {rule.page}, which must link to {', '.join(rule.topics)},"
            findings.append(_not_built(rules, rule.page, rule.line, what, "required-link"))
            continue
        reached = linked.get(built, set())
        for topic_id in rule.topics:
            topic_file = built_file(rules.topics[topic_id].page)
            if topic_file not in reached:
                url = page_url(topic_file)
                findings.append(
                    Finding(
                        page=built,
                        reason="required-link",
                        href=url,
                        message=f'no link to topic "{topic_id}" ({url}) in the page content, '
                        f"required by {rules.path}:{rule.line}",
                    )
                )
    return findings


def _not_built(
    rules: Rules, page: str, line: int, what: str, reason: str = "missing-topic"
) -> Finding:
    """The finding for a page the rules name at `line` (`what`) that is not in the site."""
    message = f"{what} is not in the built site"
    return Finding(built_file(page), reason, message, source=rules.path, line=line)
