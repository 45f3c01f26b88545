"""Every page about treatment tells the reader what is licensed before anything else: it
calls {{ licence_status() }} once, before its first ## heading.

Which pages are about treatment is listed once, in data/xrefs.yml (`licence_note_pages`, by
topic id), so a new treatment page joins the rule with one line there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from jinja2 import nodes

from scripts.data import DataError
from scripts.data.datasets import BY_KEY
from scripts.data.loader import parse_dataset
from scripts.pages.typed_figures import called_name

MACRO = "licence_status"
CALL = f"{{{{ {MACRO}() }}}}"
H2_RE = re.compile(r"^##\s")


def licence_pages(root: Path) -> set[str] | None:
    """The docs/-relative pages listed in data/xrefs.yml `licence_note_pages`, or None when
    the file cannot be read (the data step reports why)."""
    try:
        xrefs = parse_dataset(root, BY_KEY["xrefs"]).records[0]
    except DataError:
        return None
    pages = {topic.id: topic.page for topic in xrefs.topics}
    return {pages[name] for name in xrefs.licence_note_pages if name in pages}


def licence_note_problems(
    tree: nodes.Template, prose: Sequence[tuple[int, str]], required: bool
) -> list[tuple[int, str]]:
    """(line, message) for a treatment page (`required`) without the note or with it below
    the first ## heading, and for any page that shows it twice."""
    calls = sorted(call.lineno for call in tree.find_all(nodes.Call) if called_name(call) == MACRO)
    first_h2 = next((number for number, line in prose if H2_RE.match(line)), None)
    problems = [
        (line, f"the licence-status note is already on this page (line {calls[0]}): show it once")
        for line in calls[1:]
    ]
    if not required:
        return problems
    if not calls:
        at = first_h2 or (prose[0][0] if prose else 1)
        message = (
            "this page is about treatment (data/xrefs.yml licence_note_pages), so it says "
            f"what is licensed near the top: add {CALL} after the opening paragraphs, "
            "before the first ## heading"
        )
        problems.append((at, message))
    elif first_h2 is not None and calls[0] > first_h2:
        message = (
            f"the licence-status note comes after the first ## heading (line {first_h2}): "
            f"move {CALL} above that heading, near the top of the page"
        )
        problems.append((calls[0], message))
    return sorted(problems)
