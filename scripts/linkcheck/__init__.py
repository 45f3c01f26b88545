"""A link checker for built static sites: collect -> extract -> resolve/check -> report.

`check_site(Options(site=Path("site")))` returns a Report whose findings the `report`
module renders as text, JSON or GitHub annotations. scripts/check_links.py is the CLI.
"""

from .check import Options, Report, check_site
from .external import ExternalOptions
from .findings import REASONS, Finding, InputError
from .report import FORMATS, render

__all__ = [
    "FORMATS",
    "REASONS",
    "ExternalOptions",
    "Finding",
    "InputError",
    "Options",
    "Report",
    "check_site",
    "render",
]
