"""Read one YAML file into plain data plus the line of every row and field.

PyYAML keeps the last of two equal keys without a word; editors get an
error instead, because a silently dropped value is a wrong figure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scripts.data.errors import (
    DataError,
    EmptyFileError,
    MissingFileError,
    Problem,
    SchemaError,
    YamlSyntaxError,
    raise_all,
)
from scripts.data.textfile import read_utf8

# YAML 1.1 (PyYAML) reads an unquoted 030 as the octal number 24, and
# 0300123123 as 50374227: a wrong figure or phone number with no warning.
LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
INT_TAG = "tag:yaml.org,2002:int"
# Characters an editor cannot see, named in messages where they break the YAML.
INVISIBLE = {
    "\t": ("a tab", "spaces (YAML does not allow tabs)"),
    "\u00a0": ("a non-breaking space", "an ordinary space"),
}


# The deepest data file nests six nodes (xrefs.yml: the file's mapping, xrefs, its
# required_links list, a rule, its topics list, a topic id); front matter three. Anything
# deeper is not data the site reads, and PyYAML composes nesting by recursion, so a few
# hundred levels would end in a RecursionError.
MAX_DEPTH = 10


class RefusedYaml(yaml.MarkedYAMLError):
    """Valid YAML the site refuses to read (an alias, deep nesting, a list as a key)."""

    def __init__(self, mark: yaml.Mark, found: str, expected: str) -> None:
        super().__init__(problem=found, problem_mark=mark)
        self.found = found
        self.expected = expected


class Loader(yaml.SafeLoader):
    """SafeLoader that refuses what YAML can be tricked into, and keeps an impossible date
    (2027-02-30) as text.

    Anchors and aliases are refused: no data file or page needs them, and an alias bomb
    (aliases of aliases, a dozen lines) makes any walk of the tree take exponential time.
    Nesting is bounded (MAX_DEPTH) and keys must be plain values, so every walk of the tree
    is short and every key hashable.

    PyYAML raises a bare ValueError for an impossible date, with no file or line; as text
    it reaches the schema, which names the field and says a date was expected.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        """Refuse anchors, aliases and nesting deeper than MAX_DEPTH before composing a node."""
        event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise RefusedYaml(
                event.start_mark,
                "a YAML anchor or alias (&name or *name)",
                "each value written out in full (anchors and aliases are not allowed)",
            )
        if self._depth >= MAX_DEPTH:
            raise RefusedYaml(
                event.start_mark,
                f"lists or mappings nested more than {MAX_DEPTH} levels deep",
                f"at most {MAX_DEPTH} levels of lists and mappings (no data file or front "
                "matter needs more; data/README.md shows each file's shape)",
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    # Any: PyYAML passes the anchor's name (str | None); types-PyYAML says a dict.
    def compose_mapping_node(self, anchor: Any) -> yaml.MappingNode:
        """Refuse a list or mapping used as a key."""
        node = super().compose_mapping_node(anchor)
        for key, _value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise RefusedYaml(
                    key.start_mark, "a list or mapping used as a key", "a plain name as the key"
                )
        return node

    # The override also returns text (an impossible date), which types-PyYAML does not allow.
    def construct_yaml_timestamp(  # type: ignore[override]
        self, node: yaml.ScalarNode
    ) -> dt.date | str:
        """A date; an impossible date (2027-02-30) stays text for the schema to report."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)


@dataclass(frozen=True)
class Lines:
    """Line numbers (1-based) of a row and of each of its keys."""

    row: int
    fields: dict[str, int] = field(default_factory=dict)
    # Each scalar field as written in the file (NO, 999), for messages about what YAML made of it.
    raw: dict[str, str] = field(default_factory=dict)

    def of(self, name: str) -> int:
        """The line of field `name` (its top-level part), or the row's line."""
        if name in self.fields:
            return self.fields[name]
        return self.fields.get(name.split(".")[0].split("[")[0], self.row)

    def raw_of(self, name: str) -> str | None:
        """Field `name`'s value as written in the file, if it is a scalar."""
        return self.raw.get(name)


@dataclass(frozen=True)
class YamlDocument:
    """A YAML file read and checked: its label, its data and its node tree (for lines)."""

    label: str
    data: object
    root: yaml.Node

    def row_lines(self, *keys: str) -> list[Lines]:
        """Lines of each item of the list under `keys`: a file's rows (`sources`), or a list
        inside its one mapping (`xrefs`, `topics`)."""
        node: yaml.Node | None = self.root
        for key in keys:
            node = _value_node(node, key)
        if isinstance(node, yaml.SequenceNode):
            return [node_lines(item) for item in node.value]
        return []


def read_yaml(path: Path, label: str) -> YamlDocument:
    """Parse `path`; `label` is how messages name it (data/effects.yml)."""
    if not path.is_file():
        raise MissingFileError(Problem(label, "the file to exist", "no file"))
    # A byte-order mark some editors save is not part of the YAML (MkDocs skips it too).
    text = read_utf8(path, label).removeprefix("\ufeff")
    loader = None
    try:
        # The reader refuses control characters as soon as it is given the text.
        loader = Loader(text)
        root = loader.get_single_node()
        if root is None:
            expected = "one top-level key with rows"
            raise EmptyFileError(Problem(label, expected, "an empty file"))
        _refuse_duplicate_keys(root, label)
        raise_all(leading_zero_numbers(root, label))
        data = loader.construct_document(root)
    except yaml.YAMLError as error:
        raise YamlSyntaxError(syntax_problem(error, label, text)) from None
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDocument(label=label, data=data, root=root)


def syntax_problem(error: yaml.YAMLError, label: str, text: str, first_line: int = 1) -> Problem:
    """A YAML syntax error as a Problem; a tab or non-breaking space that caused it is named.

    `first_line` is the file line the YAML text starts on (front matter starts on line 2).
    """
    mark = getattr(error, "problem_mark", None)
    line = mark.line + first_line if mark is not None else None
    if isinstance(error, RefusedYaml):
        return Problem(label, error.expected, error.found, line=line)
    if isinstance(error, yaml.reader.ReaderError):
        # A control character YAML does not allow: its position is an offset into the text.
        line = text.count("\n", 0, error.position) + first_line
        found = f"the invisible control character U+{error.character:04X}"
        return Problem(label, "text without it", found, line=line)
    found = getattr(error, "problem", None) or str(error).splitlines()[0]
    # PyYAML's own words often begin with "found"; the message adds its own.
    found = found.removeprefix("found ")
    if line is not None:
        invisible = _invisible_near(text.splitlines(), line - first_line)
        if invisible is not None:
            offset, char = invisible
            what, expected = INVISIBLE[char]
            return Problem(label, expected, what, line=offset + first_line)
    if "mapping values are not allowed" in found:
        # `description: Benefits: what it offers` - the second ": " starts a new mapping.
        found = 'a colon followed by a space inside a value (": ")'
        return Problem(label, "valid YAML: put the whole value in quotes", found, line=line)
    return Problem(label, "valid YAML", found, line=line)


def _invisible_near(lines: list[str], index: int) -> tuple[int, str] | None:
    """A tab or non-breaking space on the line PyYAML gave up on or the one before it.

    PyYAML often notices the damage one line late, so both lines are looked at,
    the earlier first, and only outside the text of the values.
    """
    for number in (index - 1, index):
        if 0 <= number < len(lines):
            for char in INVISIBLE:
                if char in lines[number].split("#")[0]:
                    return number, char
    return None


def leading_zero_numbers(root: yaml.Node, label: str) -> list[DataError]:
    """Every unquoted number written with a leading 0, which YAML reads as octal."""
    errors: list[DataError] = []
    for row, name, node in _scalars(root, "", ""):
        if node.tag == INT_TAG and LEADING_ZERO.match(node.value):
            octal = yaml.safe_load(node.value)
            digits = node.value.lstrip("+-").lstrip("0_") or "0"
            found = f"{node.value} (a leading 0 makes YAML read it as the octal number {octal})"
            expected = (
                f"{digits} without the leading 0, or '{node.value}' in quotes if it is not a number"
            )
            problem = Problem(label, expected, found, row, name, node.start_mark.line + 1)
            errors.append(SchemaError(problem))
    return errors


def _scalars(node: yaml.Node, row: str, path: str) -> Iterator[tuple[str, str, yaml.Node]]:
    """(row label, field path, node) for every scalar, rows named as the loader names them."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, row, f"{path}.{key.value}" if path else str(key.value))
    elif isinstance(node, yaml.SequenceNode):
        top_level_rows = not row and path and not re.search(r"[.\[]", path)
        for index, item in enumerate(node.value):
            if top_level_rows:
                yield from _scalars(item, _row_name(item, index), "")
            else:
                yield from _scalars(item, row, f"{path}[{index}]")
    elif isinstance(node, yaml.ScalarNode):
        yield row, path, node


def row_label(ident: object, index: int) -> str:
    """How messages name a row: by id when it has one (text), always by position (1-based)."""
    return f"'{ident}' (item {index + 1})" if isinstance(ident, str) else f"item {index + 1}"


def _row_name(item: yaml.Node, index: int) -> str:
    ident = _value_node(item, "id")
    text = isinstance(ident, yaml.ScalarNode) and ident.tag == "tag:yaml.org,2002:str"
    return row_label(ident.value if text and ident else None, index)


def _refuse_duplicate_keys(node: yaml.Node, label: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key, value in node.value:
            name = key.value
            line = key.start_mark.line + 1
            if name in seen:
                found = f"the key '{name}' twice (first on line {seen[name]})"
                problem = Problem(label, "each key once per row", found, field=str(name), line=line)
                raise SchemaError(problem)
            seen[name] = line
            _refuse_duplicate_keys(value, label)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_duplicate_keys(item, label)


def _value_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    value: yaml.Node
    for key_node, value in node.value:
        if key_node.value == key:
            return value
    return None


def node_lines(item: yaml.Node, first_line: int = 1) -> Lines:
    """The lines of a mapping's keys, and its scalar values as written."""
    fields, raw = {}, {}
    if isinstance(item, yaml.MappingNode):
        fields = {k.value: k.start_mark.line + first_line for k, _ in item.value}
        # One level down too ("given.source"), so a mistake inside a cell is located exactly.
        for key, value in item.value:
            if isinstance(value, yaml.MappingNode):
                for inner, _ in value.value:
                    fields[f"{key.value}.{inner.value}"] = inner.start_mark.line + first_line
        raw = {k.value: v.value for k, v in item.value if isinstance(v, yaml.ScalarNode)}
    return Lines(row=item.start_mark.line + first_line, fields=fields, raw=raw)
