"""Collecting a site folder safely, and what one parse of a page yields."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from scripts.linkcheck import InputError, Options, check_site
from scripts.linkcheck import collect as collect_module
from scripts.linkcheck.collect import collect
from scripts.linkcheck.extract import extract


def test_missing_site_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        collect(tmp_path / "nope")


def test_named_pipe_is_never_opened(tmp_path: Path) -> None:
    """Opening a FIFO for reading blocks for ever: it must not even be tried."""
    (tmp_path / "index.html").write_text('<a href="pipe.html">p</a>')
    os.mkfifo(tmp_path / "pipe.html")
    done = threading.Event()
    result: list = []

    def run() -> None:
        result.append(check_site(Options(site=tmp_path, jobs=1)))
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(10), "the checker blocked on a named pipe"
    # Hosts serve no pipes: the link is broken, and nothing else happened.
    assert [(f.reason, f.href) for f in result[0].findings] == [("missing-page", "pipe.html")]


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "index.html").write_text("<p>home</p>")
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # root ignores permissions: fail the call itself
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(collect_module.os, "scandir", scandir)
    inventory = collect(tmp_path)
    assert [(f.page, f.reason) for f in inventory.findings] == [("locked", "unreadable-file")]
    assert "Permission denied" in inventory.findings[0].message


def test_symlinked_folder_is_a_target_but_parsed_once(tmp_path: Path) -> None:
    (tmp_path / "v2").mkdir()
    (tmp_path / "v2/index.html").write_text("<p>v2</p>")
    os.symlink("v2", tmp_path / "latest")
    os.symlink("latest", tmp_path / "stable")  # a chain of links
    inventory = collect(tmp_path)
    assert {"latest/index.html", "stable/index.html", "v2/index.html"} <= inventory.files
    assert inventory.pages == ["v2/index.html"]
    assert inventory.findings == []


def test_mutual_symlink_loop_is_reported(tmp_path: Path) -> None:
    os.symlink("b", tmp_path / "a")
    os.symlink("a", tmp_path / "b")
    inventory = collect(tmp_path)
    assert sorted((f.page, f.reason) for f in inventory.findings) == [
        ("a", "bad-symlink"),
        ("b", "bad-symlink"),
    ]


def test_extract_targets_and_references() -> None:
    data = extract(
        '<html><head><base href="/x/"><link rel="preconnect" href="https://cdn.example">'
        '<link rel="icon" href="i.png"><meta http-equiv="REFRESH" content="0;url=new/"></head>'
        '<body><h1 id="t">T</h1><a name="n"></a><svg><use href="#s"/><symbol id="s"/>'
        '<a xlink:href="svg-old/">o</a><a href="svg-new/" xlink:href="ignored/">n</a></svg>'
        '<a xlink:href="not-a-link-in-html/">x</a><a href>bare</a>'
        '<noscript><a href="ns/">no script</a></noscript>'
        '<video src="v.mp4" poster="p.jpg"></video><object data="o.pdf"></object>'
        '<img src="a.png" srcset="a.png 1x, b.png 2x"></body></html>'
    )
    assert sorted(data.targets) == ["n", "s", "t"]
    assert data.base == "/x/"
    assert data.refresh == "new/"
    assert data.refs == [
        # <a href> first, in document order; an HTML <a xlink:href> is no link at all.
        ("a[href]", "svg-old/"),
        ("a[href]", "svg-new/"),
        ("a[href]", ""),
        ("a[href]", "ns/"),
        ("link[href]", "i.png"),
        ("meta[refresh]", "new/"),
        ("use[href]", "#s"),
        ("video[src]", "v.mp4"),
        ("video[poster]", "p.jpg"),
        ("object[data]", "o.pdf"),
        ("img[src]", "a.png"),
        ("img[srcset]", "a.png"),
        ("img[srcset]", "b.png"),
    ]


def test_content_links_leave_out_navigation_header_and_footer() -> None:
    data = extract(
        '<header><a href="h/">h</a></header><nav><ul><li><a href="n/">n</a></li></ul></nav>'
        '<main><article><a href="c/">c</a><nav class="toc"><a href="#t">t</a></nav></article>'
        '</main><footer><nav><a href="f/">f</a></nav></footer>',
        content_links=True,
    )
    assert data.content_hrefs == ["c/"]
