"""Read one YAML file into plain data plus the line of every row and field.

PyYAML keeps the last of two equal keys without a word; editors get an
error instead, because a silently dropped value is a wrong figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.data.errors import (
    EmptyFileError,
    MissingFileError,
    Problem,
    SchemaError,
    YamlSyntaxError,
)


class Loader(yaml.SafeLoader):
    """SafeLoader that keeps an impossible date (2027-02-30) as text.

    PyYAML raises a bare ValueError for it, with no file or line; as text it
    reaches the schema, which names the field and says a date was expected.
    """

    def construct_yaml_timestamp(self, node: yaml.Node) -> object:
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

    def of(self, name: str) -> int:
        return self.fields.get(name.split(".")[0].split("[")[0], self.row)


@dataclass(frozen=True)
class YamlDocument:
    label: str
    data: object
    root: yaml.Node

    def row_lines(self, key: str) -> list[Lines]:
        """Lines of each item of the list under top-level `key` (or of `key`'s own mapping)."""
        value = _value_node(self.root, key)
        if isinstance(value, yaml.SequenceNode):
            return [_lines(item) for item in value.value]
        return []

    def section_lines(self, key: str, section: str) -> list[Lines]:
        """Lines of each item of the list `key.section` (xrefs.yml's topics, for example)."""
        value = _value_node(self.root, key)
        inner = _value_node(value, section) if value is not None else None
        if isinstance(inner, yaml.SequenceNode):
            return [_lines(item) for item in inner.value]
        return []


def read_yaml(path: Path, label: str) -> YamlDocument:
    """Parse `path`; `label` is how messages name it (data/effects.yml)."""
    if not path.is_file():
        raise MissingFileError(Problem(file=label, expected="the file to exist", found="no file"))
    text = path.read_text(encoding="utf-8")
    loader = Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise EmptyFileError(
                Problem(file=label, found="an empty file", expected="one top-level key with rows")
            )
        _refuse_duplicate_keys(root, label)
        data = loader.construct_document(root)
    except yaml.YAMLError as error:
        raise _syntax_error(error, label) from None
    finally:
        loader.dispose()
    return YamlDocument(label=label, data=data, root=root)


def _syntax_error(error: yaml.YAMLError, label: str) -> YamlSyntaxError:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    found = getattr(error, "problem", None) or str(error).splitlines()[0]
    return YamlSyntaxError(Problem(file=label, line=line, found=found, expected="valid YAML"))


def _refuse_duplicate_keys(node: yaml.Node, label: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key, value in node.value:
            name = key.value
            if name in seen:
                raise SchemaError(
                    Problem(
                        file=label,
                        line=key.start_mark.line + 1,
                        field=str(name),
                        found=f"the key '{name}' twice (first on line {seen[name]})",
                        expected="each key once per row",
                    )
                )
            seen[name] = key.start_mark.line + 1
            _refuse_duplicate_keys(value, label)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_duplicate_keys(item, label)


def _value_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value in node.value:
        if key_node.value == key:
            return value
    return None


def _lines(item: yaml.Node) -> Lines:
    fields = {}
    if isinstance(item, yaml.MappingNode):
        fields = {k.value: k.start_mark.line + 1 for k, _ in item.value}
    return Lines(row=item.start_mark.line + 1, fields=fields)
