"""URL handling as browsers do it: srcset, meta refresh, resolution, fragment matching.

The standard library's urllib follows RFC 3986, which differs from the WHATWG URL standard
that browsers implement in the places a link checker meets: backslashes, tabs and newlines
inside URLs, `%2e` dot segments, and how fragments are percent-encoded. Those few rules are
written out here, each with the part of the standard it follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, unquote_to_bytes, urlsplit

# Schemes a browser hands to another program or evaluates in place: never followed.
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_WEB_SCHEMES = frozenset({"http", "https"})
# Schemes pages commonly link with. A scheme a letter or two away from one of them
# ("htps:", "mialto:") is a typo, unless it is a real scheme of its own (smb: is one letter
# from sms:); any other scheme is left alone, since sites link to apps with their own.
_COMMON_SCHEMES = ("https", "http", "mailto", "tel", "sms", "ftp", "javascript", "data")
_OTHER_SCHEMES = frozenset(
    {
        "about",
        "blob",
        "callto",
        "dat",
        "fax",
        "feed",
        "file",
        "ftps",
        "geo",
        "git",
        "irc",
        "ircs",
        "itms",
        "ldap",
        "magnet",
        "maps",
        "mms",
        "news",
        "nntp",
        "rtsp",
        "sftp",
        "sip",
        "sips",
        "skype",
        "slack",
        "smb",
        "ssh",
        "steam",
        "telnet",
        "urn",
        "webcal",
        "ws",
        "wss",
        "xmpp",
    }
)
_DOT = frozenset({".", "%2e"})
_DOT_DOT = frozenset({"..", ".%2e", "%2e.", "%2e%2e"})
# URL standard: leading and trailing C0 controls and spaces are stripped, then every ASCII
# tab and newline anywhere is removed.
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
_TAB_NEWLINE = str.maketrans("", "", "\t\n\r")
# The fragment percent-encode set: C0 controls, space, ", <, >, ` (and all non-ASCII).
_FRAGMENT_ENCODE = frozenset(chr(c) for c in range(0x21)) | frozenset('"<>`\x7f')


def clean_url(value: str) -> str:
    """What the URL parser actually reads from an attribute value."""
    value = value.strip(_C0_AND_SPACE)
    if "\t" in value or "\n" in value or "\r" in value:
        value = value.translate(_TAB_NEWLINE)
    return value


def scheme_of(url: str) -> str | None:
    """The lower-cased scheme of an absolute URL, or None for a relative reference."""
    match = _SCHEME_RE.match(url)
    return match.group(1).lower() if match else None


def is_web_scheme(scheme: str) -> bool:
    """Whether `scheme` is http or https."""
    return scheme in _WEB_SCHEMES


def misspelt_scheme(scheme: str) -> str | None:
    """The common scheme `scheme` is a likely typo of ("htps" -> "https"), or None."""
    if scheme in _COMMON_SCHEMES or scheme in _OTHER_SCHEMES or len(scheme) < 3:
        return None
    # A tie goes to the scheme listed first, the more common one ("htp" -> "http", not "ftp").
    ranked = ((_edits(scheme, known), rank, known) for rank, known in enumerate(_COMMON_SCHEMES))
    distance, _, meant = min(ranked)
    # Short schemes are close to many others: only one wrong letter counts there.
    return meant if distance <= (1 if len(scheme) <= 4 else 2) else None


def _edits(a: str, b: str) -> int:
    """Edits from `a` to `b`, a swapped pair of letters counting as one (optimal string
    alignment distance). Written out because difflib's similarity ratio cannot say how many
    letters are wrong: it rates "htps" as close to "http" as to "https"."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def parse_srcset(value: str) -> list[str]:
    """The URLs of a srcset attribute, parsed as the HTML standard says.

    A candidate's URL runs to the next whitespace, so a comma inside a URL does not split it;
    commas at the end of the URL end the candidate; descriptors run to a comma outside
    parentheses. (HTML standard, "parse a srcset attribute".)
    """
    urls: list[str] = []
    pos, end = 0, len(value)
    spaces = " \t\n\r\f"
    while pos < end:
        while pos < end and (value[pos] in spaces or value[pos] == ","):
            pos += 1
        if pos >= end:
            break
        start = pos
        while pos < end and value[pos] not in spaces:
            pos += 1
        url = value[start:pos]
        if url.endswith(","):
            urls.append(url.rstrip(","))
            continue
        urls.append(url)
        depth = 0
        while pos < end:  # skip the descriptors up to the candidate's closing comma
            char = value[pos]
            if char == "(":
                depth += 1
            elif char == ")" and depth:
                depth -= 1
            elif char == "," and not depth:
                pos += 1
                break
            pos += 1
    return urls


def parse_refresh(content: str) -> str | None:
    """The URL of a `<meta http-equiv=refresh>` content value, or None when it names none.

    Follows the HTML standard's "shared declarative refresh steps": a time, an optional
    `;` or `,`, an optional `url=`, and a URL that may be quoted.
    """
    pos, end = 0, len(content)
    spaces = " \t\n\r\f"
    while pos < end and content[pos] in spaces:
        pos += 1
    start = pos
    while pos < end and content[pos].isascii() and content[pos].isdigit():
        pos += 1
    if pos == start and not (pos < end and content[pos] == "."):
        return None  # no time: not a refresh at all
    while pos < end and (content[pos].isdigit() or content[pos] == "."):
        pos += 1
    if pos < end and content[pos] not in spaces + ";,":
        return None
    while pos < end and content[pos] in spaces:
        pos += 1
    if pos < end and content[pos] in ";,":
        pos += 1
    while pos < end and content[pos] in spaces:
        pos += 1
    if pos >= end:
        return None  # a plain reload of the same page
    rest = content[pos:]
    match = re.match(r"[Uu][Rr][Ll][ \t\n\r\f]*=[ \t\n\r\f]*", rest)
    if match:
        rest = rest[match.end() :]
    if rest[:1] in ("'", '"'):
        quote = rest[0]
        closing = rest.find(quote, 1)
        rest = rest[1:closing] if closing != -1 else rest[1:]
    return rest


def normalize_path(path: str) -> str:
    """Remove `.` and `..` segments from an absolute URL path (URL standard path state).

    `..` never climbs above `/`, and `%2e` counts as a dot, as in browsers.
    """
    if "/." not in path and "/%2" not in path:
        return path
    segments = path.split("/")[1:]
    out: list[str] = []
    last = len(segments) - 1
    for index, segment in enumerate(segments):
        lowered = segment.lower()
        if lowered in _DOT_DOT:
            if out:
                out.pop()
            if index == last:
                out.append("")
        elif lowered in _DOT:
            if index == last:
                out.append("")
        else:
            out.append(segment)
    return "/" + "/".join(out)


def fragment_candidates(fragment: str) -> tuple[str, str]:
    """The two strings a browser looks for when scrolling to `fragment` (HTML standard,
    "find a potential indicated element"): the fragment as the URL parser stored it
    (percent-encoded), then its percent-decoded UTF-8 form."""
    if fragment.isascii() and "%" not in fragment and not _FRAGMENT_ENCODE.intersection(fragment):
        return fragment, fragment
    encoded = "".join(
        "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
        if (char in _FRAGMENT_ENCODE or not char.isascii())
        else char
        for char in fragment
    )
    decoded = unquote_to_bytes(encoded).decode("utf-8", "replace")
    return encoded, decoded


def fragment_matches(fragment: str, targets: frozenset[str] | set[str]) -> bool:
    """Whether a browser scrolls somewhere for `#fragment` on a page with these ids/names."""
    if not fragment:
        return True  # "#" alone: the top of the document
    encoded, decoded = fragment_candidates(fragment)
    if encoded in targets or decoded in targets:
        return True
    return decoded.lower() == "top"  # "#top" (any case) scrolls to the top when no id matches


@dataclass(frozen=True, slots=True)
class SiteAddress:
    """Where the site lives: its path prefix and, when known, its own origin(s)."""

    prefix: str = "/"  # always starts and ends with "/"
    hosts: frozenset[str] = frozenset()  # lower-cased host[:port] of the site's own URL

    # "https://host/prefix/" and "http://host/prefix/": own URLs as they are usually written
    starts: tuple[str, ...] = ()

    @classmethod
    def parse(cls, base_url: str) -> SiteAddress:
        """From `--base-url`: a path such as `/guide/` or a full URL such as site_url."""
        base_url = base_url.strip() or "/"
        hosts: frozenset[str] = frozenset()
        if scheme_of(base_url) is not None or base_url.startswith("//"):
            parts = urlsplit(base_url)
            hosts = frozenset({_host_key(parts.scheme or "https", parts.netloc)})
            path = parts.path or "/"
        else:
            path = base_url
        path = unquote(normalize_path("/" + path.lstrip("/")))
        prefix = path if path.endswith("/") else path + "/"
        starts = tuple(
            f"{scheme}://{host}{prefix}" for host in sorted(hosts) for scheme in ("https", "http")
        )
        return cls(prefix=prefix, hosts=hosts, starts=starts)

    def own_path(self, url: str) -> str | None:
        """The path (and query) of an absolute URL into this site (http or https), else None."""
        if not self.hosts:
            return None
        for start in self.starts:  # the usual spelling, without parsing the whole URL
            if url.startswith(start) and not url.startswith("/", len(start)):
                rest = url[len(start) :].partition("#")[0]
                if "/." not in "/" + rest and "/%2" not in "/" + rest:
                    return self.prefix + rest
        parts = urlsplit(url)
        if _host_key(parts.scheme, parts.netloc) not in self.hosts:
            return None
        path = normalize_path(parts.path or "/")
        if not path.startswith(self.prefix) and path + "/" != self.prefix:
            return None  # another site on the same host (a sibling project's pages)
        return path + ("?" + parts.query if parts.query else "")


def _host_key(scheme: str, netloc: str) -> str:
    """host[:port] without credentials or the scheme's default port, lower-cased."""
    netloc = netloc.rpartition("@")[2].lower()
    default = {"http": ":80", "https": ":443"}.get(scheme.lower())
    if default and netloc.endswith(default):
        netloc = netloc[: -len(default)]
    return netloc
