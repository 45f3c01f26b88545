"""The licence-status note: what each form of ketamine is licensed for, region by region."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from scripts.data.models import LicenceRow
from scripts.render.citations import Citer

# The note's heading; a page shows the note once (make check flags a second one).
LICENCE_HEADING_ID = "kt-licence-heading"
LEAD = (
    "What each form of ketamine is licensed for, and what the bodies that advise the NHS "
    "decided. Using a medicine for something it is not licensed for is called off-label use."
)


def licence_note(rows: Sequence[LicenceRow], citer: Citer) -> str:
    """One short note: per product, one line per region, each licence or decision with its
    date and sources. Products and regions keep the order they first appear in the data."""
    products = "".join(
        f'<p class="kt-licence__product">{escape(LicenceRow.PRODUCTS[product])}</p>'
        f'<ul class="kt-licence__regions">{_regions(product_rows, citer)}</ul>'
        for product, product_rows in _grouped(rows, "product").items()
    )
    return (
        f'<aside class="kt-licence" aria-labelledby="{LICENCE_HEADING_ID}">'
        f'<p class="kt-licence__heading" id="{LICENCE_HEADING_ID}">Licence status</p>'
        f'<p class="kt-licence__lead">{escape(LEAD)}</p>{products}</aside>'
    )


def _grouped(rows: Sequence[LicenceRow], field: str) -> dict[str, list[LicenceRow]]:
    groups: dict[str, list[LicenceRow]] = {}
    for row in rows:
        groups.setdefault(getattr(row, field), []).append(row)
    return groups


def _regions(rows: Sequence[LicenceRow], citer: Citer) -> str:
    return "".join(
        f"<li><strong>{escape(region)}:</strong> "
        f"{' '.join(_statement(row, citer) for row in region_rows)}</li>"
        for region, region_rows in _grouped(rows, "region").items()
    )


def _statement(row: LicenceRow, citer: Citer) -> str:
    """'Licensed for ... (since March 2019; FDA, 2019).' A licence runs from its date; a
    decision was made on it. Every source is linked, or the row's note says why there is none."""
    when = []
    if row.since:
        when = [escape(f"since {row.since}" if row.kind == "licence" else row.since)]
    sources = [row.source, *row.also] if row.source else [None]
    cited = [citer.source_html(source, row.source_note) for source in sources]
    return f"{escape(row.statement)} ({'; '.join(when + cited)})."
