"""Bounds: tell, before parsing, whether a page is too complex to parse in reasonable time.

lexbor's tree builder takes time that grows with the square of two things: how deeply
elements nest (many start tags look down the stack of open elements) and how many attributes
one element has (each new one is compared with those before it). 20,000 nested `<div>`s or
20,000 attributes on one element take seconds; a page of the 32 MB size limit would take
hours. Ordinary pages nest a few dozen levels and carry a handful of attributes per element.

Below SMALL_PAGE bytes no page can be slow enough to matter (a second or two in the worst
case), so ordinary pages pay only for a length test. Larger pages are scanned by regular
expressions that follow the HTML tokenizer closely enough to bound both quantities from
above; a page over a limit is reported as `too-complex` and not parsed. The limits are far
above real pages and far below the slow cases (Chromium's parser, for comparison, stops
nesting at 512 levels).
"""

from __future__ import annotations

import re

SMALL_PAGE = 64 * 1024
MAX_DEPTH = 2_000
MAX_ATTRIBUTES = 1_000

# Quotes open a value only after "=", as in the HTML tokenizer; an unclosed one runs to the
# end of the page. Possessive quantifiers throughout: no backtracking.
_ATTRS = rb"""((?:[^>"'=/]++|/(?!>)|=\s*+"[^"]*+"?+|=\s*+'[^']*+'?+|[="'])*+)"""
# One pass, left to right, each tag consumed whole: a comment or a raw-text element with its
# content (neither holds tags), an end tag, or a start tag with its attributes. findall gives
# (raw, end tag name, start tag name, attributes, "/" when the start tag ends with "/>").
# The shared "<" comes first and only the raw-text names fold case: the same tokens as one
# case-folded alternation, found in about 13% less time (tests/linkcheck/test_bounds.py).
_RAW_TEXT = rb"(?i:(script|style|textarea|title|xmp|iframe|noembed|noframes))"
_TOKEN_RE = re.compile(
    rb"<(?:!--.*?(?:-->|\Z)"
    rb"|(?=[sStTxXiInN])" + _RAW_TEXT + rb"(?=[\s/>])"
    rb"""(?:[^>"'=]++|=\s*+"[^"]*+"?+|=\s*+'[^']*+'?+|[="'])*+>?.*?(?:(?i:</\1)|\Z)"""
    rb"|/([A-Za-z][^\s/>]*+)"
    rb"|([A-Za-z][^\s/>]*+)" + _ATTRS + rb"(/?))",
    re.DOTALL,
)
# Attributes start after whitespace or "/"; a quoted value (replaced by "=v ") ends one too.
_ATTRIBUTE_START_RE = re.compile(rb"[\s/]++[^\s/>=]")
_QUOTED_VALUE_RE = re.compile(rb"""=\s*+(?:"[^"]*+"?+|'[^']*+'?+)""")
# Elements that never hold others, or are closed by the next of their kind: none of them
# deepens the tree the way an unclosed <div> does.
_NOT_NESTING = frozenset(
    b"area base br col embed hr img input link meta source track wbr param keygen frame "
    b"basefont bgsound image p li dt dd option optgroup tr td th thead tbody tfoot colgroup "
    b"caption rb rt rtc rp a html head body".split()
)
# Inside <svg> and <math>, "/>" closes an element; in HTML it is ignored.
_FOREIGN = frozenset({b"svg", b"math"})


def too_complex(html: bytes) -> str | None:
    """Why `html` would take unreasonably long to parse, or None (nearly always)."""
    if len(html) <= SMALL_PAGE:
        return None
    depth = 0
    foreign: list[int] = []  # the depth at each open <svg> or <math>
    not_nesting = _NOT_NESTING
    for _, end, start, attrs, closed in _TOKEN_RE.findall(html):
        if start:
            if len(attrs) > MAX_ATTRIBUTES and _attribute_count(attrs) > MAX_ATTRIBUTES:
                name = start.decode("ascii", "replace").lower()
                return f"a <{name}> element has more than {MAX_ATTRIBUTES} attributes"
            start = start.lower()
            if start in not_nesting or (closed and foreign):
                continue
            if start in _FOREIGN:
                foreign.append(depth)
            depth += 1
            if depth > MAX_DEPTH:
                return f"elements nest more than {MAX_DEPTH} levels deep"
        elif end and depth:
            end = end.lower()
            if end in _FOREIGN and foreign:
                depth = foreign.pop()  # closes every element opened inside it
            elif end not in not_nesting:
                depth -= 1
    return None


def _attribute_count(attrs: bytes) -> int:
    """About how many attributes a start tag has (never fewer than it has)."""
    return len(_ATTRIBUTE_START_RE.findall(_QUOTED_VALUE_RE.sub(b"=v ", attrs)))
