"""A link whose host MkDocs cannot parse stops the build with its file and line, never a
traceback: the build (scripts/preflight.py) and `make check` name it by the same rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.pages.locate import malformed_addresses
from tests.support.repo import copy_repo, mkdocs_build

# Written as an editor would, each making urllib (and so MkDocs) raise ValueError.
UNREADABLE = {
    "[a](http://[bad/)": ("http://[bad/", "the IPv6 address is not closed with ']'"),
    "[a](https://a]b/)": ("https://a]b/", "the host contains ']'"),
    "[a](http://[zzz]/)": ("http://[zzz]/", "'zzz' is not a valid IPv6 address"),
    "[a](https://ex\u2100ample.com/)": ("https://ex\u2100ample.com/", "once normalised"),
    "[a](https://ex\uff03ample.com/)": ("https://ex\uff03ample.com/", "once normalised"),
    "[a](//[bad/)": ("//[bad/", "the IPv6 address is not closed"),
    "[a](ftp://[bad/)": ("ftp://[bad/", "the IPv6 address is not closed"),
    '[a](http://[bad/ "a title")': ("http://[bad/", "not closed"),
    "![a chart](https://[bad/chart.png)": ("https://[bad/chart.png", "not closed"),
    "<http://[bad/>": ("http://[bad/", "not closed"),
    "[ref]: http://[bad/": ("http://[bad/", "not closed"),
}
# Addresses MkDocs reads without trouble: the link checker judges them after the build.
READABLE = [
    "[a](https://www.nhs.uk/conditions/ketamine/)",
    "[a](http://[::1]:8000/)",
    "[a](https://example.com:99999/)",
    "[a](docs//[x)",
    "[a](mailto:someone@example.org)",
    "and/or // [not an address",
    # Raw HTML and prose MkDocs leaves as they are: the link checker names a bad address there.
    '<a href="http://[::1/docs">local</a>',
    "Typed as text, not as a link: http://[bad/ is not rewritten.",
]


@pytest.mark.parametrize("line", UNREADABLE)
def test_an_address_mkdocs_cannot_parse_is_named_with_the_reason(tmp_path: Path, line: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(f"# Title\n\nSome prose.\n{line}\n", encoding="utf-8")
    address, why = UNREADABLE[line]
    ((number, found, reason),) = malformed_addresses(page)
    assert (number, found) == (4, address)
    assert why in reason


@pytest.mark.parametrize("line", READABLE)
def test_an_address_mkdocs_can_parse_is_left_to_the_link_checker(tmp_path: Path, line: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(f"# Title\n\n{line}\n", encoding="utf-8")
    assert malformed_addresses(page) == []


def test_the_build_names_every_unreadable_link_and_ends_without_a_traceback(
    tmp_path: Path,
) -> None:
    repo = copy_repo(tmp_path / "repo")
    pages = {
        "docs/about.md": "![x](//[::1/chart.png)",
        "docs/benefits.md": "[a](http://[bad/) and [b](https://a]b/)",
    }
    lines = {}
    for name, text in pages.items():
        path = repo / name
        before = path.read_text(encoding="utf-8")
        path.write_text(f"{before.rstrip()}\n\n{text}\n", encoding="utf-8")
        lines[name] = before.rstrip().count("\n") + 3

    result = mkdocs_build(repo, tmp_path / "site")

    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert [error.split(" -  ", 1)[1].split(": found the address ")[0] for error in errors] == [
        f"docs/about.md:{lines['docs/about.md']}",
        f"docs/benefits.md:{lines['docs/benefits.md']}",
        f"docs/benefits.md:{lines['docs/benefits.md']}",
    ]
    assert errors[0].endswith(
        "found the address //[::1/chart.png, which a browser cannot open: the IPv6 address is "
        "not closed with ']', expected a whole address, copied from the browser's address bar"
    )
    assert "http://[bad/" in errors[1] and "https://a]b/" in errors[2]
    assert "the host contains ']'" in errors[2]
