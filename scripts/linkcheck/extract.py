"""Extract: one lexbor parse per page, returning its fragment targets and its references.

lexbor builds the tree the way a browser does, which settles most of the cases other
checkers get wrong, so no hand-written rule is needed for them:
- text inside <script> (Material's JSON config, templates) is text, never links;
- links inside <code> and <pre> are ordinary elements, so they are checked;
- entities in attribute values are decoded (`&amp;` -> `&`) before any URL handling;
- of two attributes with the same name, the first one wins (the second is dropped);
- the content of <template> is not part of the document, so its ids are not targets.
lexbor exposes only decoded attribute values (`raw_value` exists for text nodes only), which
is what a browser's URL parser receives. Hand code remains only where lexbor stops: the CSS
engine ignores namespaces, so an SVG <a name> is told apart below; srcset and meta refresh
values are parsed in `urls`.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser, LexborNode

from .urls import parse_refresh, parse_srcset

# Without DOM mutation events the parse is a fifth faster. The only event an HTML page can
# trigger copies an <option>'s content into <selectedcontent>: a duplicate of links and ids
# already there, so the references and targets found are the same (checked on every page of
# the benchmark sites, the fixtures and this site).
_PARSE_OPTIONS = LexborDocumentOptions.WO_EVENTS
# Every element besides <a> that may carry a reference. lexbor's cost grows with each
# selector of a list, so attribute selectors cover many elements at once; an element that
# matches two of them (<img src srcset>) is returned twice and skipped the second time.
_SELECTOR = (
    "[src], [srcset], link, meta[http-equiv], form[action], area[href], base[href], "
    "object[data], video[poster], use, image"
)
# Attributes holding one URL that a browser fetches or navigates to, by element.
_URL_ATTRS: dict[str, tuple[str, ...]] = {
    "area": ("href",),
    "link": ("href",),
    "img": ("src",),
    "source": ("src",),
    "script": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}
_SRCSET_ATTRS: dict[str, str] = {"img": "srcset", "source": "srcset", "link": "imagesrcset"}
# <link> relations that name an origin to warm up, not a resource.
_ORIGIN_ONLY_RELS = frozenset({"preconnect", "dns-prefetch"})
# Elements whose links are page chrome rather than content (for the required-link rules).
_CHROME_LINKS = "nav a[href], header a[href], footer a[href]"
# Which references are hyperlinks: the ones that make a page reachable from another.
HYPERLINKS = frozenset({"a[href]", "area[href]", "meta[refresh]"})
# References whose empty value is not a finding (<form action=""> means "this page" and is
# fine).
EMPTY_ALLOWED = frozenset({"form[action]"})


@dataclass(slots=True)
class PageData:
    """What the checker keeps of a page: its fragment targets and its references."""

    targets: list[str]  # id values, and name values of HTML <a> elements
    refs: list[tuple[str, str]]  # (element, value as written after entity decoding)
    base: str | None = None  # the first <base href>
    refresh: str | None = None  # the URL of the first <meta http-equiv=refresh>
    content_hrefs: list[str] | None = None  # <a href> outside nav/header/footer, on request


def extract(html: bytes | str, *, content_links: bool = False, encoding: bool = False) -> PageData:
    """Parse `html` once and return its targets and references.

    `encoding=True` lets lexbor detect a declared non-UTF-8 encoding (bytes only).
    `content_links=True` also lists the <a href> values outside nav, header and footer.
    """
    tree = LexborHTMLParser(html, encoding=encoding, options=_PARSE_OPTIONS)
    targets = [node.id for node in tree.css("[id]")]
    named = tree.css("a[name]")
    if named:
        ids = set(targets)  # Material gives code-line anchors the same id and name
        named = [node for node in named if node.attrs.get("name") not in ids]
        if named:
            targets.extend(_html_anchor_names(tree, named))
    refs = [
        ("a[href]", node.attrs.get("href") or _bare_or_xlink(node)) for node in tree.css("a[href]")
    ]
    data = PageData(targets=[t for t in targets if t], refs=refs)
    seen: set[int] = set()
    for node in tree.css(_SELECTOR):
        key = node.mem_id
        if key in seen:
            continue
        seen.add(key)
        tag = node.tag
        attrs = node.attributes
        if tag in ("use", "image"):
            _svg_reference(tag, attrs, refs)
        elif tag == "meta":
            _meta(attrs, data)
        elif tag == "base":
            if data.base is None:
                data.base = attrs.get("href")
        elif tag == "form":
            if "action" in attrs:  # a <form src> is found by `[src]` and has no reference
                refs.append(("form[action]", attrs["action"] or ""))
        elif tag != "link" or not _ORIGIN_ONLY_RELS.intersection((attrs.get("rel") or "").split()):
            _url_attributes(tag or "", attrs, refs)  # an element always has a tag
    if content_links:
        data.content_hrefs = _content_hrefs(tree)
    return data


def _bare_or_xlink(node: LexborNode) -> str:
    """The href of an <a> whose `href` read as None: a bare `<a href>` (empty), or an SVG
    `<a xlink:href>`, which lexbor's `[href]` matches by its local name."""
    attrs = node.attributes
    if "href" in attrs:
        return attrs["href"] or ""
    return attrs.get("xlink:href") or ""


def _svg_reference(tag: str, attrs: dict[str, str | None], refs: list[tuple[str, str]]) -> None:
    # SVG 2: `href` wins over the older `xlink:href`.
    name = "href" if "href" in attrs else "xlink:href" if "xlink:href" in attrs else None
    if name is not None:
        refs.append((f"{tag}[href]", attrs[name] or ""))


def _url_attributes(tag: str, attrs: dict[str, str | None], refs: list[tuple[str, str]]) -> None:
    for name in _URL_ATTRS.get(tag, ()):
        if name in attrs:  # a bare attribute (`<img src>`) has the value None
            refs.append((f"{tag}[{name}]", attrs[name] or ""))
    srcset_name = _SRCSET_ATTRS.get(tag)
    srcset = attrs.get(srcset_name) if srcset_name else None
    if srcset:
        element = f"{tag}[{srcset_name}]"
        refs.extend((element, url) for url in parse_srcset(srcset))


def _meta(attrs: dict[str, str | None], data: PageData) -> None:
    if (attrs.get("http-equiv") or "").strip().lower() != "refresh" or data.refresh is not None:
        return
    url = parse_refresh(attrs.get("content") or "")
    if url is not None:
        data.refresh = url
        data.refs.append(("meta[refresh]", url))


def _html_anchor_names(tree: LexborHTMLParser, named: list[LexborNode]) -> list[str]:
    """`name` values of <a> elements in the HTML namespace only (HTML standard: "an a element
    that has a name attribute"). lexbor's CSS matching ignores namespaces, so the SVG and
    MathML <a> elements are found and removed by their ancestors."""
    foreign = {node.mem_id for node in tree.css("svg a[name], math a[name]")}
    return [node.attributes.get("name") or "" for node in named if node.mem_id not in foreign]


def _content_hrefs(tree: LexborHTMLParser) -> list[str]:
    chrome = {node.mem_id for node in tree.css(_CHROME_LINKS)}
    return [
        node.attributes.get("href") or ""
        for node in tree.css("a[href]")
        if node.mem_id not in chrome
    ]


def link_texts(html: bytes | str, href: str) -> list[str]:
    """The visible text of every <a> whose href is `href` (used to trace findings to sources)."""
    tree = LexborHTMLParser(html)
    return [
        " ".join(node.text(deep=True).split())
        for node in tree.css("a[href]")
        if node.attributes.get("href") == href
    ]
