"""Sajten byggd som den ser ut i en annan version i git (en gren, en tagg, en commit), med den versionens generator."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from arkiv.tools.gitref import GitRefError, export_folder


class BuildError(GitRefError):
    """The version exists but its site does not build, in Swedish."""


# Build the project folder as it is in `ref` into dest/site (strictly, without directory URLs when `offline`), with
# that version's own package and hooks; returns the site folder. GitRefError when the version cannot be read,
# BuildError when it does not build (both in Swedish).
def build_ref(project: Path, ref: str, dest: Path, offline: bool = False) -> Path:
    exported = export_folder(project, ref, dest / "projekt")
    site = dest / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(exported / "src")}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(exported / "mkdocs.yml"), "-d", str(site)]
    if offline:
        cmd.append("--no-directory-urls")
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=exported, timeout=900)
    except (OSError, subprocess.SubprocessError) as exc:
        raise BuildError(f"Kunde inte bygga sajten i versionen {ref}: {exc}.") from None
    if result.returncode != 0:
        last = "\n".join(result.stderr.strip().splitlines()[-20:])
        raise BuildError(f"Sajten i versionen {ref} går inte att bygga:\n{last}")
    return site
