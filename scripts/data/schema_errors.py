"""Turn a pydantic ValidationError into one `Problem` an editor can act on."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from scripts.data.errors import Problem


def show(value: Any) -> str:
    """A found value as the editor typed it: strings quoted, long values cut short."""
    text = f"'{value}'" if isinstance(value, str) else repr(value)
    if isinstance(value, bool):
        text = str(value).lower()
    return text if len(text) <= 60 else text[:57] + "..."


def first_problem(
    error: ValidationError, model: type[BaseModel], file: str, row: str, line_of: Any
) -> Problem:
    """The first error of `error`, located by field path and described by the schema."""
    detail = error.errors()[0]
    path, info = _walk(model, detail["loc"])
    field = ".".join(path)
    line = line_of(field) if line_of else None
    if detail["type"] == "missing":
        return Problem(file, f"a value ({_describe(info)})", "nothing", row, field, line)
    if detail["type"] == "extra_forbidden":
        key = str(detail["loc"][-1])
        allowed = ", ".join(_keys(model, path))
        field = ".".join([*path, key])
        line = line_of(field) if line_of else None
        return Problem(
            file, f"only these keys: {allowed}", f"the unknown key '{key}'", row, field, line
        )
    return Problem(file, _describe(info), show(detail["input"]), row, field, line)


def _walk(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[list[str], Any]:
    """Map a pydantic location to the YAML key path, skipping union-member tags."""
    path: list[str] = []
    info = None
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            path[-1:] = [f"{path[-1]}[{part}]"] if path else [f"[{part}]"]
            continue
        fields = _fields_by_key(current)
        if part not in fields:
            break  # a union member's tag (int, literal[...]) or an unknown key
        info = fields[part]
        path.append(part)
        current = _model_in(info.annotation)
    return path, info


def _fields_by_key(model: Any) -> dict[str, Any]:
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return {}
    return {(f.alias or name): f for name, f in model.model_fields.items()}


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside an annotation (list[XrefTopic] -> XrefTopic), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _keys(model: type[BaseModel], path: list[str]) -> list[str]:
    current: Any = model
    for part in path:
        info = _fields_by_key(current).get(part.split("[")[0])
        current = _model_in(info.annotation) if info else None
    return list(_fields_by_key(current))


def _describe(info: Any) -> str:
    return (info.description if info is not None else None) or "a valid value"
