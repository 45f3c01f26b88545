"""Resolve: turn a reference found on a page into the file a browser would be served.

Resolution follows the URL standard (see `urls`), then maps the URL path onto the collected
files the way static hosts do: the site's path prefix is removed, the path is
percent-decoded, `foo/` and `foo` both serve `foo/index.html`, and a folder without an
index.html is a broken target. The query string is ignored (a static file is the same file
whatever the query). Nothing outside the collected inventory is ever touched.
"""

from __future__ import annotations

import posixpath
from typing import NamedTuple
from urllib.parse import unquote, urljoin

from .collect import Inventory
from .urls import (
    WEB_SCHEMES,
    MalformedURL,
    SiteAddress,
    clean_url,
    misspelt_scheme,
    normalize_path,
    scheme_of,
)

# Kinds of resolution that are not findings.
PAGE = "page"  # an existing file inside the site
EXTERNAL = "external"  # an http(s) URL on another origin
SKIP = "skip"  # mailto:, tel:, javascript:, data: and other schemes browsers do not fetch here
MALFORMED = "malformed-url"  # a URL browsers cannot parse; `path` says why


class Target(NamedTuple):
    """Where a reference leads. `kind` is PAGE, EXTERNAL, SKIP or a finding reason."""

    kind: str
    path: str = ""  # the site-relative file (PAGE), the absolute URL (EXTERNAL) or a note
    fragment: str | None = None  # None when the reference has no "#"
    url: str = ""  # the resolved URL path on the site, for messages
    # For PAGE targets that are parsed pages: their index in the page list. The field shadows
    # tuple.index, which mypy reports; every caller reads the field, never the method.
    index: int = -1  # type: ignore[assignment]


# How many resolved paths a Resolver remembers; a bound on memory for huge sites.
_PATH_CACHE_SIZE = 100_000


class Resolver:
    """Resolves references against one site's inventory and address."""

    def __init__(self, inventory: Inventory, address: SiteAddress) -> None:
        self.files = inventory.files
        self.dirs = inventory.dirs
        self.outside = inventory.outside
        self.address = address
        self.page_index = {page: n for n, page in enumerate(inventory.pages)}
        self._paths: dict[str, Target] = {}
        self._refs: dict[tuple[str, str], tuple[Target, str | None]] = {}
        self._shared: dict[str, dict[str, tuple[Target, str | None]]] = {}
        self.absolute_cache: dict[str, tuple[Target, str | None]] = {}

    def page_url(self, page: str) -> str:
        """The URL path readers use for a page file: x/index.html -> /prefix/x/."""
        if page == "index.html" or page.endswith("/index.html"):
            page = page[: -len("index.html")]
        return self.address.prefix + page

    def base_of(self, page: str) -> str:
        """The URL path of the folder a page's relative links are resolved against."""
        folder = posixpath.dirname(page)
        return self.address.prefix + (folder + "/" if folder else "")

    def resolve(self, value: str, base: str, page: str, document: str | None = None) -> Target:
        """Resolve `value` (an attribute value) found on `page`, whose base folder is `base`.

        `document` is what a reference with no path (`#x`, `?q`) points at: the page itself,
        or the URL of a <base href> when the page has one.
        """
        url, decided = self._empty_or_absolute(value)
        if decided is not None:
            return decided
        rest, hash_mark, fragment = url.partition("#")
        rest = rest.partition("?")[0]
        if "\\" in rest:  # http(s) URLs treat "\" as "/"
            rest = rest.replace("\\", "/")
        if not rest:
            path = document or self.address.prefix + page  # same document
        elif rest[0] == "/":
            path = rest
        else:
            path = base + rest
        return self._locate(normalize_path(path))._replace(fragment=fragment if hash_mark else None)

    def shared_cache(self, folder: str) -> dict[str, tuple[Target, str | None]]:
        """Results of `resolve_fast` for "../" references from pages whose base folder is
        inside `folder`: they depend on nothing else."""
        cache = self._shared.get(folder)
        if cache is None:
            if len(self._shared) >= _PATH_CACHE_SIZE // 100:
                self._shared.clear()
            if len(self.absolute_cache) >= _PATH_CACHE_SIZE:
                self.absolute_cache.clear()
            cache = self._shared[folder] = {}
        return cache

    def ancestors(self, base: str) -> list[str]:
        """`base` and each enclosing folder up to "/": where leading `../` segments lead."""
        chain = [base]
        while len(base) > 1:
            base = base[: base.rstrip("/").rfind("/") + 1]
            chain.append(base)
        return chain

    def resolve_fast(
        self, value: str, ancestors: list[str], page: str, document: str
    ) -> tuple[Target, str | None]:
        """`resolve`, returning (target without fragment, fragment), with a fast path for the
        plain relative references that make up nearly every link of a generated site.

        Leading `../` segments are applied by picking an ancestor of the base, which is what
        dot-segment removal does for them. The result then depends only on that ancestor and
        the rest of the reference, so it is remembered under those two: the navigation links
        repeated on every page of a section are resolved once. Anything unusual (a scheme,
        whitespace, backslashes, other dot segments) takes the general path.
        """
        if (
            not value
            or value[0] <= " "
            or value[-1] <= " "
            or "\\" in value
            or "\n" in value
            or "\t" in value
            or "\r" in value
        ):
            return self._general(value, ancestors[0], page, document)
        dots = len(value) - len(value.lstrip("./"))
        up = dots // 3
        if dots and (dots % 3 or value[:dots] != "../" * up):
            return self._general(value, ancestors[0], page, document)
        rest = value[dots:]
        key = (ancestors[min(up, len(ancestors) - 1)], rest)
        hit = self._refs.get(key)
        if hit is not None:
            return hit
        path_part, hash_mark, fragment = rest.partition("#")
        path_part = path_part.partition("?")[0]
        if not path_part and not dots:
            return self._general(value, ancestors[0], page, document)  # this very document
        if ":" in path_part or path_part.startswith("//"):
            hit = self._general(value, ancestors[0], page, document)
        else:
            path = path_part if path_part.startswith("/") else key[0] + path_part
            if "/." in path or "/%2" in path:
                path = normalize_path(path)
            hit = (self._locate_cached(path), fragment if hash_mark else None)
        if len(self._refs) >= _PATH_CACHE_SIZE:
            self._refs.clear()
        self._refs[key] = hit
        return hit

    def _general(
        self, value: str, base: str, page: str, document: str
    ) -> tuple[Target, str | None]:
        target = self.resolve(value, base, page, document)
        return target._replace(fragment=None), target.fragment

    def _locate_cached(self, path: str) -> Target:
        target = self._paths.get(path)
        if target is None:
            if len(self._paths) >= _PATH_CACHE_SIZE:
                self._paths.clear()
            target = self._paths[path] = self._locate(path)
        return target

    def resolve_external_base(self, value: str, base_url: str) -> Target:
        """Resolve against a <base href> on another origin: every relative link is external."""
        url, decided = self._empty_or_absolute(value)
        if decided is not None:
            return decided  # the base is not used
        try:
            joined = urljoin(base_url, url)
        except ValueError as error:  # urllib refuses what it cannot split
            return Target(MALFORMED, str(error))
        return self._absolute("https", joined)

    def _empty_or_absolute(self, value: str) -> tuple[str, Target | None]:
        """(the URL a browser reads from `value`, its target when it is empty or absolute)."""
        url = clean_url(value)
        if not url:
            return url, Target("empty-link")
        scheme = scheme_of(url)
        if scheme is None and url.startswith(("//", "\\\\")):
            scheme, url = "https", "https:" + url.replace("\\", "/")
        return url, None if scheme is None else self._absolute(scheme, url)

    def _absolute(self, scheme: str, url: str) -> Target:
        if scheme not in WEB_SCHEMES:
            # mailto:, tel: and the like are not followed; a misspelt scheme is a finding
            meant = misspelt_scheme(scheme)
            return Target("misspelt-scheme", path=meant) if meant else Target(SKIP)
        try:
            own = self.address.own_path(url)
        except MalformedURL as error:
            return Target(MALFORMED, str(error))
        if own is None:
            return Target(EXTERNAL, url.partition("#")[0])
        _, hash_mark, fragment = url.partition("#")
        path = own.partition("?")[0].replace("\\", "/")
        return self._locate_cached(normalize_path(path))._replace(
            fragment=fragment if hash_mark else None
        )

    def _locate(self, path: str) -> Target:
        """The target of an absolute, normalized URL path (no query, no fragment)."""
        prefix = self.address.prefix
        if not path.startswith(prefix):
            if path + "/" != prefix:
                return Target("outside-site", url=path)
            path = prefix
        rel = path[len(prefix) :]
        if "%" in rel:
            try:
                rel = unquote(rel, errors="strict")
            except UnicodeDecodeError:
                return Target("missing-page", url=path)
            if "\0" in rel:  # no file can have this name
                return Target("missing-page", url=path)
            decoded = _decoded_path(rel)
            if decoded is None:
                return Target("outside-site", url=path)
            rel = decoded
        if rel.lower().endswith((".md", ".md/")):
            return Target("markdown-link", url=path)
        file = self._file_for(rel)
        if file is None:
            if rel.rstrip("/") in self.outside:
                return Target("outside-site", url=path)
            folder = rel.rstrip("/")
            note = "a folder without index.html" if folder in self.dirs else ""
            return Target("missing-page", note, url=path)
        return Target(PAGE, file, None, path, self.page_index.get(file, -1))

    def _file_for(self, rel: str) -> str | None:
        """The file a static host serves for site-relative path `rel`, or None."""
        if rel == "" or rel.endswith("/"):
            index = rel + "index.html"
            return index if rel[:-1] in self.dirs and index in self.files else None
        if rel in self.files:
            return rel
        if rel in self.dirs and rel + "/index.html" in self.files:
            return rel + "/index.html"
        return None


def _decoded_path(rel: str) -> str | None:
    """Re-apply dot segments that appeared only after percent-decoding (`..%2F`), as naive
    static servers do; None when the result would climb out of the site."""
    if "/." not in "/" + rel:
        return rel
    parts: list[str] = []
    segments = rel.split("/")
    for index, segment in enumerate(segments):
        if segment == "..":
            if not parts:
                return None
            parts.pop()
        elif segment != ".":
            parts.append(segment)
            continue
        if index == len(segments) - 1:
            parts.append("")
    return "/".join(parts)
