"""URL handling as browsers do it: srcset, meta refresh, resolution, fragment matching.

The standard library's urllib follows RFC 3986, which differs from the WHATWG URL standard
that browsers implement in the places a link checker meets: backslashes, tabs and newlines
inside URLs, `%2e` dot segments, and how fragments are percent-encoded. Those few rules are
written out here, each with the part of the standard it follows.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, unquote_to_bytes

import idna

from .findings import printable

# Schemes a browser hands to another program or evaluates in place: never followed.
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
WEB_SCHEMES = frozenset({"http", "https"})
# Schemes pages commonly link with. A scheme a letter or two away from one of them
# ("htps:", "mialto:") is a typo, unless it is a real scheme of its own (smb: is one letter
# from sms:); any other scheme is left alone, since sites link to apps with their own.
_COMMON_SCHEMES = ("https", "http", "mailto", "tel", "sms", "ftp", "javascript", "data")
# fmt: off
_OTHER_SCHEMES = frozenset({
    "about", "blob", "callto", "dat", "fax", "feed", "file", "ftps", "geo", "git", "irc",
    "ircs", "itms", "ldap", "magnet", "maps", "mms", "news", "nntp", "rtsp", "sftp", "sip",
    "sips", "skype", "slack", "smb", "ssh", "steam", "telnet", "urn", "webcal", "ws", "wss",
    "xmpp",
})
# fmt: on
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
    spaces = " \t\n\r\f"
    rest = content.lstrip(spaces)
    if not rest or rest[0] not in "0123456789.":
        return None  # no time: not a refresh at all
    end = 0
    while end < len(rest) and (rest[end].isdigit() or rest[end] == "."):
        end += 1
    rest = rest[end:]
    if rest and rest[0] not in spaces + ";,":
        return None
    rest = rest.lstrip(spaces)
    if rest[:1] in (";", ","):
        rest = rest[1:]
    rest = rest.lstrip(spaces)
    if not rest:
        return None  # a plain reload of the same page
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
        """From `--base-url`: a path such as `/guide/` or a full URL such as site_url.

        Raises MalformedURL for an address a browser could not parse (or not http(s)).
        """
        base_url = clean_url(base_url) or "/"
        hosts: frozenset[str] = frozenset()
        scheme = scheme_of(base_url)
        if scheme is not None or base_url.startswith("//"):
            if scheme is None:
                base_url = "https:" + base_url
            elif scheme not in WEB_SCHEMES:
                raise MalformedURL(f"'{scheme}:' is not a web address (use http: or https:)")
            host, rest = split_web_url(base_url)
            hosts = frozenset({host})
            path = rest.partition("#")[0].partition("?")[0].replace("\\", "/") or "/"
        else:
            path = base_url
        path = unquote(normalize_path("/" + path.lstrip("/")))
        prefix = path if path.endswith("/") else path + "/"
        starts = tuple(
            f"{scheme}://{host}{prefix}" for host in sorted(hosts) for scheme in ("https", "http")
        )
        return cls(prefix=prefix, hosts=hosts, starts=starts)

    def own_path(self, url: str) -> str | None:
        """The path (and query) of an absolute URL into this site (http or https), else None.

        Raises MalformedURL when a browser could not parse `url`.
        """
        for start in self.starts:  # the usual spelling, without parsing the whole URL
            if url.startswith(start) and not url.startswith("/", len(start)):
                rest = url[len(start) :].partition("#")[0]
                if "/." not in "/" + rest and "/%2" not in "/" + rest:
                    return self.prefix + rest
        host, rest = split_web_url(url)
        if host not in self.hosts:
            return None
        rest, _, query = rest.partition("#")[0].partition("?")
        path = normalize_path(rest.replace("\\", "/") or "/")
        if not path.startswith(self.prefix) and path + "/" != self.prefix:
            return None  # another site on the same host (a sibling project's pages)
        return path + ("?" + query if query else "")


class MalformedURL(ValueError):
    """A URL a browser refuses to parse (the URL standard's "failure"); says why."""


# The authority of an http(s) URL: after any run of slashes or backslashes (browsers skip
# them all: `http:/x`, `http:\\x` and `http:x` name host x), up to path, query or fragment.
_AUTHORITY_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[/\\]*([^/\\?#]*)")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# URL standard, "forbidden domain code point": none may remain in a host once decoded.
_FORBIDDEN_HOST = frozenset(chr(c) for c in range(0x21)) | frozenset("#%/:<>?@[\\]^|\x7f")
_HEX_NUMBER_RE = re.compile(r"0[xX][0-9A-Fa-f]*")


def split_web_url(url: str) -> tuple[str, str]:
    """(host[:port], the rest from the path on) of an absolute http(s) URL.

    The host is what browsers compare origins by: lower-cased, IDNA-encoded, percent-decoded,
    IPv4 and IPv6 addresses in their usual form, without credentials or the default port.
    Raises MalformedURL where the URL standard's parser fails.
    """
    match = _AUTHORITY_RE.match(url)
    if match is None:
        raise MalformedURL("not an absolute URL")
    scheme = url[: url.index(":")].lower()
    return _host_and_port(scheme, match.group(1)), url[match.end() :]


@lru_cache(maxsize=4096)
def _host_and_port(scheme: str, authority: str) -> str:
    hostport = authority.rpartition("@")[2]
    # The port starts at the first ':' outside the brackets of an IPv6 address.
    close = hostport.find("]") if hostport.startswith("[") else -1
    host, _, port = hostport[close + 1 :].partition(":")
    host = hostport[: close + 1] + host
    key = _host(host)
    if port:
        if not port.isascii() or not port.isdigit():
            raise MalformedURL(f"the port '{port}' is not a number")
        number = int(port)
        if number > 65535:
            raise MalformedURL(f"the port {number} is above 65535")
        if number != _DEFAULT_PORTS.get(scheme):
            key += f":{number}"
    return key


def _host(host: str) -> str:
    """The URL standard's host parser for http(s) URLs."""
    if not host:
        raise MalformedURL("the host name is empty")
    if host.startswith("["):
        if not host.endswith("]"):
            raise MalformedURL("the IPv6 address is not closed with ']'")
        inner = host[1:-1]
        try:
            if "%" in inner:  # zone identifiers are not part of URLs
                raise ValueError(inner)
            return f"[{ipaddress.IPv6Address(inner).compressed}]"
        except ValueError:
            raise MalformedURL(f"'{inner}' is not a valid IPv6 address") from None
    written = host
    if "%" in host:
        decoded = unquote_to_bytes(host).decode("utf-8", "replace")
        if "%" in decoded:
            raise MalformedURL("the host has a '%' that is not a valid percent-encoding")
        host = decoded
    # An ASCII name is only lower-cased: its labels in Punycode (xn--) are taken as written,
    # as Chromium takes them, rather than checked as the URL standard would.
    ascii_host = host.lower() if host.isascii() else _domain_to_ascii(host)
    bad = _FORBIDDEN_HOST.intersection(ascii_host)
    if bad:
        char = _quoted(min(bad))
        if min(bad) in written:
            raise MalformedURL(f"the host contains {char}, which no host name may")
        raise MalformedURL(
            f"the host {_quoted(written)} reads as {_quoted(ascii_host)} once normalised, "
            f"and {char} is not allowed in a host name"
        )
    if _ends_in_number(ascii_host):
        return _ipv4(ascii_host)
    return ascii_host


def _domain_to_ascii(host: str) -> str:
    """UTS #46 ToASCII with the URL standard's settings (no STD3 rules, non-transitional).

    The `idna` package follows IDNA 2008, which refuses names browsers accept (emoji, for one),
    so only its UTS #46 mapping table is used and the rest of the algorithm is written here.
    """
    try:
        mapped = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except idna.IDNAError:
        raise MalformedURL(f"{_quoted(host)} is not a valid internationalised host name") from None
    labels = []
    for label in mapped.split("."):
        if not label.isascii():
            if _invalid_label(label):
                raise MalformedURL(f"the host label {_quoted(label)} is not a valid name")
            label = "xn--" + label.encode("punycode").decode("ascii")
        labels.append(label)
    result = ".".join(labels)
    if not result:
        raise MalformedURL("the host name is empty")
    return result


def _invalid_label(label: str) -> bool:
    """UTS #46 validity: a label is in NFC, maps to itself and starts with no combining mark."""
    if unicodedata.category(label[0]).startswith("M"):
        return True
    try:
        return idna.uts46_remap(label, std3_rules=False, transitional=False) != label
    except idna.IDNAError:
        return True


def _labels(host: str) -> list[str]:
    """The host's labels, without the empty one a trailing dot leaves."""
    parts = host.split(".")
    return parts[:-1] if parts[-1] == "" and len(parts) > 1 else parts


def _ends_in_number(host: str) -> bool:
    last = _labels(host)[-1]
    return (last.isascii() and last.isdigit()) or bool(_HEX_NUMBER_RE.fullmatch(last))


def _ipv4(host: str) -> str:
    """The URL standard's IPv4 parser: decimal, octal (leading 0) and hex (0x) parts."""
    parts = _labels(host)
    numbers = [n for n in map(_ipv4_number, parts) if n is not None]
    if (
        len(parts) > 4
        or len(numbers) != len(parts)
        or any(n > 255 for n in numbers[:-1])
        or numbers[-1] >= 256 ** (5 - len(numbers))
    ):
        raise MalformedURL(f"the host '{host}' is not a valid IPv4 address")
    address = numbers[-1] + sum(n * 256 ** (3 - i) for i, n in enumerate(numbers[:-1]))
    return str(ipaddress.IPv4Address(address))


def _ipv4_number(part: str) -> int | None:
    if not part:
        return None
    radix = 10
    if part[:2] in ("0x", "0X"):
        part, radix = part[2:], 16
    elif len(part) > 1 and part[0] == "0":
        part, radix = part[1:], 8
    if not part:
        return 0
    try:
        return int(part, radix) if part.isascii() and part.isalnum() else None
    except ValueError:
        return None


def _quoted(text: str) -> str:
    """`text` in quotes, control and invisible characters written as escapes."""
    return "'" + printable(text) + "'"
