"""The data folder the suite's tests of the real archive read: data/, or the folder ARKIV_TEST_DATA names.

Pointed at a grown archive (tests/grown_archive.py: `python3 tests/grown_archive.py SEED DIR`, then
`ARKIV_TEST_DATA=DIR/data pytest ...`), those tests meet what an organiser's pull request with a next year meets: the
archive fixture loads it, the site is built with it, and the tests derive their expectations from it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("ARKIV_TEST_DATA") or ROOT / "data").resolve()
CODE = ("mkdocs.yml", "hooks", "docs", "overrides", "src")  # what a build needs besides data/


# Copy the project's files and folders named in `names` into dest (made if missing); returns dest.
def copy_parts(dest: Path, names: tuple[str, ...]) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in names:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(src, dest / name)
    return dest


# Copy what a build needs (config, hook, pages, theme overrides, data, the package mkdocs.yml watches) into dest.
# Here, not in conftest.py, so that a test file can import it (tests/browser has a conftest.py of its own).
def copy_project(dest: Path) -> Path:
    return copy_parts(dest, (*CODE, "data"))


# Run `mkdocs build --strict` on a project folder into site_dir; returns the finished process.
def mkdocs_build(project: Path, site_dir: Path, **extra_env: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra_env}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return subprocess.run([str(mkdocs), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
                          capture_output=True, text=True, env=env, cwd=project, timeout=300)


# A copy of the project at dest with `data` as its data folder, to build; returns dest.
def project_with(data: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    copy_parts(dest, CODE)
    shutil.copytree(data, dest / "data")
    return dest


# dev.py as a module: the project's one entry point, whose build check (missing_pages) the suite's builds pass too.
def dev_module():
    import importlib.util
    spec = importlib.util.spec_from_file_location("dev_command", ROOT / "dev.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
