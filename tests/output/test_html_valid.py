"""Every built page is valid HTML by the Nu HTML Checker (vnu), run once over the whole site."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.repo import REPO

VNU_JAR = REPO / "tests/vnu/node_modules/vnu-jar/build/dist/vnu.jar"


def java() -> str:
    """The Java the checker runs on; the test is skipped, saying why, only where there is none."""
    found = os.environ.get("JAVA") or shutil.which("java")
    if not found:
        pytest.skip(
            "the Nu HTML Checker needs Java, which is not installed: "
            "`make vnu` installs it where apt-get can (default-jre-headless)"
        )
    return found


# The theme's markup before the fixes in overrides/ and scripts/output/markup.py: checked in
# the same run as the site, so the test shows it can fail without starting Java twice.
INVALID_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
    '<body><label for="x" tabindex="">x</label><input id="x" type="checkbox" '
    'autocomplete="off"></body></html>'
)


@pytest.fixture(scope="module")
def checked(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """The checker's errors for the built site and for the known-invalid page, from one run."""
    control = tmp_path_factory.mktemp("invalid-html") / "invalid.html"
    control.write_text(INVALID_PAGE, encoding="utf-8")
    messages = vnu_messages([built_site, control])
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    return {
        "site": [m for m in errors if "invalid-html" not in m.get("url", "")],
        "control": [m for m in errors if "invalid-html" in m.get("url", "")],
    }


def vnu_messages(paths: list[Path]) -> list[dict]:
    """The checker's messages for every HTML file under `paths`, from one run of the jar."""
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR.relative_to(REPO)} is missing: run `make vnu`", pytrace=False)
    command = [java(), "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html"]
    result = subprocess.run(
        [*command, *map(str, paths)], capture_output=True, text=True, timeout=300, check=False
    )
    # vnu exits 1 when it finds an error and writes its JSON report to stderr either way.
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the HTML checker gave no report (exit {result.returncode}):\n{result.stderr}")


def where(site: Path, message: dict) -> str:
    url = message.get("url", "")
    name = url.split(site.name + "/", 1)[-1] if site.name in url else url or "(site)"
    return f"{name}:{message.get('lastLine', '?')}"


def test_every_built_page_has_no_html_errors(
    built_site: Path, checked: dict[str, list[dict]]
) -> None:
    errors = checked["site"]
    listed = "\n".join(f"{where(built_site, m)}: {m.get('message')}" for m in errors)
    assert not errors, f"{len(errors)} HTML error(s):\n{listed}"


def test_checker_reports_the_theme_markup_the_site_fixes(checked: dict[str, list[dict]]) -> None:
    """The run above can fail: the same run finds both errors in the theme's old markup."""
    messages = sorted(m.get("message", "") for m in checked["control"])
    assert len(messages) == 2, messages
    assert "autocomplete" in messages[0] and "tabindex" in messages[1], messages
