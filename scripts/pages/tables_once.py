"""Each data table appears once per page.

A table's caption carries its id (`kt-table-methods`), and chart() shows its table beside the
chart: the same table twice on one page gives two elements with one id, and the screen-reader
name of the second chart or table points at the first.
"""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import nodes

from scripts.pages.typed_figures import called_name
from scripts.render.api import CHARTS


def tables_shown_twice(tree: nodes.Template) -> list[tuple[int, str]]:
    """(line, message) for each table() or chart() that shows a table already on the page."""
    first: dict[str, tuple[int, str]] = {}
    problems = []
    for line, table, call in _tables(tree):
        if table in first:
            where, earlier = first[table]
            message = (
                f"table '{table}' is already on this page ({earlier} at line {where}): show it "
                'once; a chart without its table is chart("name", with_table=false)'
            )
            problems.append((line, message))
        else:
            first[table] = (line, call)
    return problems


def _tables(tree: nodes.Template) -> Iterator[tuple[int, str, str]]:
    """(line, table name, call as written) for each table the page's macro calls show."""
    for call in tree.find_all(nodes.Call):
        name = called_name(call)
        if name not in ("table", "chart") or not call.args:
            continue
        arg = call.args[0]
        if not isinstance(arg, nodes.Const) or not isinstance(arg.value, str):
            continue  # a name not in quotes: the build reports the call
        if name == "table":
            yield call.lineno, arg.value, f'table("{arg.value}")'
        elif arg.value in CHARTS and _with_table(call):
            yield call.lineno, CHARTS[arg.value][0], f'chart("{arg.value}")'


def _with_table(call: nodes.Call) -> bool:
    flags = [kw.value for kw in call.kwargs if kw.key == "with_table"] + call.args[1:2]
    return not (flags and isinstance(flags[0], nodes.Const) and flags[0].value is False)
