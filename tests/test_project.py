"""The project's habits: a lock file `make` installs from, docs whose links resolve, a test run
that waits for the dpkg lock, typing, a license, one version."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def _locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            (spec,) = req.specifier
            assert spec.operator == "==", f"{line}: a lock pins exact versions"
            pins[canonicalize_name(req.name)] = spec.version
    return pins


# --- 19: a lock file, and docs that say what is true -------------------------------------------


def test_the_lock_pins_every_dependency_within_its_range():
    pins = _locked()
    wanted = [*PYPROJECT["project"]["dependencies"], *PYPROJECT["project"]["optional-dependencies"]["test"]]
    for text in wanted:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in requirements.lock"
        assert req.specifier.contains(pins[name], prereleases=True), f"{req.name}=={pins[name]} is outside {req}"
        for extra in req.extras:  # psycopg[binary] -> psycopg-binary
            assert canonicalize_name(f"{req.name}-{extra}") in pins, f"{req.name}[{extra}] is not in requirements.lock"


def test_make_installs_from_the_lock_and_the_readme_says_so():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet -r requirements.lock" in makefile
    assert "pip install --quiet --no-deps -e ." in makefile
    readme = (ROOT / "README.md").read_text()
    assert "requirements.lock" in readme
    assert not re.search(r"\bpinned dependencies\b(?![^.]*requirements\.lock)", readme)


def test_links_between_docs_resolve():
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"(?<![\w/.])(docs/[\w.-]+\.md)", doc.read_text()):
            assert (ROOT / target).exists(), f"{doc.name} points at {target}, which does not exist"


def test_the_readme_reads_the_clipboard_on_linux_too():
    readme = (ROOT / "README.md").read_text()
    assert "xclip -o" in readme and "wl-paste" in readme


# --- 21: make test waits for the dpkg lock -------------------------------------------------------


def _fake_apt(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An apt-get on PATH that reports a held lock until the file `released` exists."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    released = tmp_path / "released"
    fake = bin_dir / "apt-get"
    fake.write_text(
        "#!/bin/sh\n"
        f'[ -e "{released}" ] && {{ echo "apt-get $*"; exit 0; }}\n'
        'echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)" >&2\n'
        "exit 100\n"
    )
    fake.chmod(0o755)
    return dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}"), released


def test_apt_waits_for_the_dpkg_lock_then_goes_on(tmp_path):
    env, released = _fake_apt(tmp_path)
    run = subprocess.Popen(
        ["bash", "-c", f"source {ROOT / 'scripts' / 'apt.sh'} && apt_get install -y postgresql"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    said = run.stderr.readline()  # waits for the state "it is waiting", however long that takes
    assert "another program holds the dpkg lock; waiting" in said
    assert run.poll() is None  # still waiting, not failed
    released.touch()
    assert run.wait(timeout=120) == 0


def test_apt_gives_up_on_a_lock_held_past_the_bound(tmp_path):
    env, _ = _fake_apt(tmp_path)
    started = time.monotonic()
    result = subprocess.run(
        ["bash", "-c", f"source {ROOT / 'scripts' / 'apt.sh'} && apt_get update"],
        env={**env, "STARBAR_APT_WAIT": "0"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Could not get lock" in result.stderr
    assert time.monotonic() - started < 60


# --- 22: habits of a well-kept package ------------------------------------------------------------


def test_typed_licensed_and_one_version():
    import importlib.metadata

    import starbar

    assert (ROOT / "src" / "starbar" / "py.typed").exists()
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert starbar.__version__ == importlib.metadata.version("starbar") == PYPROJECT["project"]["version"]
    version = subprocess.run(
        [sys.executable, "-m", "starbar", "--version"], capture_output=True, text=True, timeout=120
    )
    assert starbar.__version__ in version.stdout


def test_ci_runs_the_checks_after_the_tests():
    ci = (ROOT / ".ci" / "run").read_text()
    assert ci.index("make test") < ci.index("make check")
    makefile = (ROOT / "Makefile").read_text()
    assert "$(BIN)/mypy" in makefile.split("check: setup", 1)[1].split("\n\n", 1)[0]


def test_the_public_api_of_the_bank_practice_and_evaluate_is_documented():
    import inspect

    import starbar.bank
    import starbar.evaluate
    from starbar.bank import fields, formats
    from starbar.practice import questions, scripted, session

    objects = [getattr(starbar.bank, name) for name in starbar.bank.__all__]
    objects += [getattr(starbar.evaluate, name) for name in starbar.evaluate.__all__]
    for module in (formats, fields, questions, scripted, session):
        objects += [
            obj
            for name, obj in vars(module).items()
            if not name.startswith("_") and callable(obj) and getattr(obj, "__module__", "") == module.__name__
        ]
    missing = []
    for obj in objects:
        members = [obj]
        if inspect.isclass(obj):
            members += [m for n, m in vars(obj).items() if not n.startswith("_") and inspect.isfunction(m)]
        missing += [getattr(m, "__qualname__", repr(m)) for m in members if not inspect.getdoc(m)]
    assert missing == [], missing
