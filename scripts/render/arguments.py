"""Check a macro call's arguments against the macro's signature before it runs.

Jinja passes whatever the page wrote: `table()` or `table(["methods"])` would
otherwise reach the macro and end in a Python traceback. Checked first, the
editor gets one line saying how the macro is called.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable, Mapping

from jinja2 import Undefined

from scripts.data.errors import Problem


class MacroArgumentError(Exception):
    """A page called a macro with missing, extra or wrongly typed arguments."""

    def __init__(self, usage: str, found: str) -> None:
        super().__init__(f"{found}; expected {usage}")
        self.usage = usage
        self.found = found

    def problem_at(self, page: str, line: int | None) -> Problem:
        """The error as a Problem at `line` of `page`."""
        return Problem(page, self.usage, self.found, "", "arguments", line)


class MacroUsage:
    """How one macro is called, and a check of the arguments a page gave it."""

    def __init__(self, macro: Callable[..., object]) -> None:
        self.name = macro.__name__
        self.signature = inspect.signature(macro)
        self.hints = typing.get_type_hints(macro)

    def __str__(self) -> str:
        params = [
            p.name if p.default is p.empty else f"{p.name}={p.default!r}"
            for p in self.signature.parameters.values()
        ]
        return f"{self.name}({', '.join(params)})"

    def check(self, args: tuple[object, ...], kwargs: Mapping[str, object]) -> None:
        """Raise MacroArgumentError unless the arguments fit the signature and its types."""
        try:
            bound = self.signature.bind(*args, **kwargs)
        except TypeError as error:
            raise MacroArgumentError(str(self), f"{self.name}() {error}") from None
        for name, value in bound.arguments.items():
            hint = self.hints.get(name)
            if hint is not None and not _fits(value, hint):
                raise MacroArgumentError(
                    f"{str(self)}, {name} being {_describe(hint)}", self._given(name, value)
                )

    def _given(self, name: str, value: object) -> str:
        # A bare word such as fact(trd_response) reaches the macro as Jinja's Undefined.
        if isinstance(value, Undefined):
            return f"{self.name}() given {value._undefined_name} without quotes"
        return f"{self.name}() given {name}={value!r}"


def _fits(value: object, hint: object) -> bool:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return any(_fits(value, option) for option in typing.get_args(hint))
    if hint is type(None):
        return value is None
    return isinstance(hint, type) and isinstance(value, hint)


def _describe(hint: object) -> str:
    names = {str: "text in quotes", bool: "true or false", type(None): "left out"}
    options = typing.get_args(hint) or (hint,)
    return " or ".join(
        names.get(option, getattr(option, "__name__", str(option))) for option in options
    )
