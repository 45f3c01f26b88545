"""The command line: exit codes, the three output formats, and the repository defaults."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.check_links import build_parser, main, options_from_args, project_defaults
from scripts.linkcheck import REASONS, ExternalOptions
from scripts.linkcheck.collect import DEFAULT_MAX_BYTES

ROOT = Path(__file__).resolve().parents[2]
DOSAGE = "ketamine-infusion-dosage"
Capture = pytest.CaptureFixture[str]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tiny MkDocs-shaped project: mkdocs.yml, docs/, data/xrefs.yml and a built site/."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SITE_URL", raising=False)
    _write(
        tmp_path / "mkdocs.yml",
        'site_name: T\nsite_url: !ENV [SITE_URL, "https://example.org/guide/"]\n'
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: "
        "!!python/name:material.extensions.emoji.twemoji\n",
    )
    lines = ["# X", ""] + [f"Line {n}." for n in range(3, 12)] + [f"[dose]({DOSAGE}.md#dose)"]
    _write(tmp_path / "docs/x.md", "\n".join(lines) + "\n")
    _write(tmp_path / f"docs/{DOSAGE}.md", "# Dosage\n")
    _write(tmp_path / "docs/index.md", "# Home\n\n[x](x.md)\n")
    _write(
        tmp_path / "data/xrefs.yml",
        f"xrefs:\n  topics:\n    - {{id: dosage, page: {DOSAGE}.md, title: Dosage}}\n"
        "  required_links:\n    - {page: x.md, topics: [dosage]}\n",
    )
    _write(tmp_path / "site/index.html", '<a href="x/">x</a>')
    _write(
        tmp_path / "site/x/index.html",
        f'<nav><a href="../">home</a></nav><article><a href="../{DOSAGE}/#dose">d</a></article>',
    )
    _write(tmp_path / f"site/{DOSAGE}/index.html", '<h1 id="dosage">Dosage</h1><a href="../">h</a>')
    return tmp_path


def test_text_output_names_the_markdown_line(project: Path, capsys: Capture) -> None:
    assert main(["site"]) == 1
    out, err = capsys.readouterr()
    assert out == f"docs/x.md:12: missing anchor #dose on /guide/{DOSAGE}/\n"
    assert "1 finding in 3 pages" in err


def test_json_output(project: Path, capsys: Capture) -> None:
    assert main(["site", "--format", "json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)
    assert finding == {
        "page": "x/index.html",
        "href": f"../{DOSAGE}/#dose",
        "reason": "missing-anchor",
        "source": "docs/x.md",
        "line": 12,
        "element": "a[href]",
        "message": f"missing anchor #dose on /guide/{DOSAGE}/",
    }


def test_github_annotations(project: Path, capsys: Capture) -> None:
    assert main(["site", "--format", "github"]) == 1
    assert capsys.readouterr().out == (
        "::error file=docs/x.md,line=12,title=link check%3A missing-anchor::"
        f"missing anchor #dose on /guide/{DOSAGE}/\n"
    )


def test_clean_site_exits_zero(project: Path, capsys: Capture) -> None:
    _write(project / f"site/{DOSAGE}/index.html", '<h1 id="dose">Dosage</h1><a href="../">h</a>')
    assert main(["site"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "no findings" in err


def test_json_prints_an_empty_array_when_clean(project: Path, capsys: Capture) -> None:
    _write(project / f"site/{DOSAGE}/index.html", '<h1 id="dose">Dosage</h1><a href="../">h</a>')
    assert main(["site", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_rules_default_applies_and_site_url_comes_from_the_environment(
    project: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "site/x/index.html").write_text('<nav><a href="../">home</a></nav>')
    monkeypatch.setenv("SITE_URL", "https://example.org/preview/")
    assert project_defaults(project)["base_url"] == "https://example.org/preview/"
    assert main(["site"]) == 1
    assert capsys.readouterr().out == (
        # Its only link gone, the dosage page is unreachable as well.
        f"docs/{DOSAGE}.md: page /preview/{DOSAGE}/ is not reachable from the home page\n"
        f'docs/x.md: no link to topic "dosage" (/preview/{DOSAGE}/) in the page content, '
        "required by data/xrefs.yml:5\n"
    )


def test_the_command_line_defaults_are_the_librarys(tmp_path: Path) -> None:
    """Without options the command line checks exactly as the library does, and its help
    names the library's values."""
    options = options_from_args(build_parser().parse_args([str(tmp_path)]), tmp_path)
    assert options.external_options == ExternalOptions()
    assert options.max_bytes == DEFAULT_MAX_BYTES
    help_text = " ".join(build_parser().format_help().split())
    assert f"seconds per request (default {ExternalOptions().timeout:g})" in help_text
    assert f"not parsed (default {DEFAULT_MAX_BYTES // 1024 // 1024})" in help_text


def test_no_defaults_checks_any_folder(project: Path, capsys: Capture) -> None:
    assert main(["site", "--no-defaults"]) == 1
    out = capsys.readouterr().out
    assert out == f"site/x/index.html: missing anchor #dose on /{DOSAGE}/\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["no-such-site"], "no-such-site: no such folder"),
        (["site", "--format", "xml"], "argument --format: invalid choice"),
        (["site", "--rules", "missing.yml"], "--rules missing.yml: no such file"),
        (["site", "--docs", "nodocs"], "--docs nodocs: no such folder"),
        (["site", "--jobs", "0"], "expected a whole number of 1 or more"),
        ([], "the following arguments are required: SITE_DIR"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(
    project: Path, capsys: Capture, argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        raise SystemExit(main(argv))
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ("xrefs: [1]\n", "data/xrefs.yml:1: the rules file"),
        (
            "xrefs:\n  topics:\n    - {id: a, page: a.html, title: A}\n  required_links: []\n",
            "data/xrefs.yml:3: xrefs.topics[0].page: expected a Markdown path",
        ),
        (
            "xrefs:\n  topics: []\n  required_links:\n    - {page: x.md, topics: [nope]}\n",
            "data/xrefs.yml:4: xrefs.required_links[0].topics: unknown topic 'nope'",
        ),
        ("xrefs: {topics: [\n", "data/xrefs.yml: not valid YAML"),
    ],
)
def test_bad_rules_file_exits_2_naming_line_and_field(
    project: Path, capsys: Capture, rules: str, message: str
) -> None:
    (project / "data/xrefs.yml").write_text(rules)
    assert main(["site"]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_runs_as_a_script_from_anywhere(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _write(site / "index.html", '<a href="gone/">x</a>')
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check_links.py"), str(site)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == f"{site.as_posix()}/index.html: missing page /gone/\n"


def test_readme_documents_usage_reasons_and_exit_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    readme = (ROOT / "scripts/linkcheck/README.md").read_text(encoding="utf-8")
    help_text = build_parser().format_help()
    assert help_text.replace("\n", "").replace(" ", "") in readme.replace("\n", "").replace(" ", "")
    for reason in REASONS:
        assert f"`{reason}`" in readme
    for code in ("`0`", "`1`", "`2`"):
        assert code in readme


def test_a_malformed_url_in_a_page_is_a_finding_on_its_markdown_line(
    project: Path, capsys: Capture
) -> None:
    _write(project / "docs/x.md", '# X\n\nSee <a href="http://[::1/docs">this</a>.\n')
    _write(project / "site/x/index.html", '<a href="../">h</a><a href="http://[::1/docs">t</a>')
    assert main(["site", "--no-orphans", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert [f for f in findings if f["reason"] == "malformed-url"] == [
        {
            "page": "x/index.html",
            "href": "http://[::1/docs",
            "reason": "malformed-url",
            "source": "docs/x.md",
            "line": 3,
            "element": "a[href]",
            "message": "malformed URL http://[::1/docs: the IPv6 address is not closed with ']'",
        }
    ]


@pytest.mark.parametrize(
    ("argv", "site_url", "message"),
    [
        (["--base-url", "https://[::1/guide/"], None, "--base-url 'https://[::1/guide/': not a"),
        (["--base-url", "http://example.org:99999/"], None, "the port 99999 is above 65535"),
        (["--base-url", "mailto:x@example.org"], None, "'mailto:' is not a web address"),
        ([], "http://a]b/", "mkdocs.yml: site_url 'http://a]b/': not a valid address"),
    ],
)
def test_a_malformed_site_address_exits_2_naming_where_it_came_from(
    project: Path,
    capsys: Capture,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    site_url: str | None,
    message: str,
) -> None:
    if site_url is not None:
        monkeypatch.setenv("SITE_URL", site_url)
    assert main(["site", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_a_bad_site_url_is_not_read_when_base_url_is_given(
    project: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_URL", "http://[::1/")
    assert main(["site", "--base-url", "/guide/"]) == 1


@pytest.fixture
def oddly_named_site(tmp_path: Path) -> Path:
    """A site whose file names are not UTF-8, or hold a newline or a right-to-left override."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<a href="gone/">x</a>', encoding="utf-8")
    for name in (b"caf\xe9.html", b"two\nlines.html", "evil\u202egnp.html".encode()):
        (site / os.fsdecode(name)).write_bytes(b'<a href="../missing/">x</a>')
    return site


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
@pytest.mark.parametrize(
    "env",
    [{"LANG": "C", "LC_ALL": "C"}, {"PYTHONIOENCODING": "utf-8"}, {"PYTHONIOENCODING": "ascii"}],
    ids=["lang-c", "utf-8", "ascii"],
)
def test_output_is_utf8_whatever_the_file_names_and_locale(
    oddly_named_site: Path, fmt: str, env: dict[str, str]
) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check_links.py"), "site", "--format", fmt],
        cwd=oddly_named_site.parent,
        env=environ | env,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    out = result.stdout.decode("utf-8")  # raises on invalid UTF-8
    assert "Traceback" not in result.stderr.decode("utf-8")
    if fmt == "json":
        findings = json.loads(out)
        assert {"caf\\xe9.html", "two\\nlines.html", "evil\\u202egnp.html"} <= {
            finding["page"] for finding in findings
        }
        out = "\n".join(finding["message"] for finding in findings)
    else:
        assert all(line.startswith(("site/", "::error")) for line in out.splitlines())
    # Each odd name is escaped the same way in every format, and stays on its line.
    for name in ("caf\\xe9.html", "two\\nlines.html", "evil\\u202egnp.html"):
        assert f"page /{name} is not reachable" in out
    assert "\u202e" not in out
