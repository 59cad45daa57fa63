"""The test archive: a small, valid data folder (tests/fixtures/archive/) for tests that load an archive or break one.

Three cycles, each showing one shape the model must handle: 2015 under the award's first name with an unknown jury,
2021 with part of a jury, a prize and who received it, 2023 with two rounds, a joint entrant (Mora, Orsa och Älvdalens
kommuner), a whole jury, a timeline and a statement. The name changes between 2015 and 2021. Municipalities come from
the real register; people, sources and texts are made up ("Exempeltext").

The register (kommuner.csv) and the schemas are not copied into the fixture: copy_archive takes them from the real
data/, so the fixture is always checked against the schemas the build uses.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "archive"
FROM_DATA = ("kommuner.csv", "schema")


def copy_archive(dest: Path) -> Path:
    """Copy the test archive to dest (a new folder) with kommuner.csv and schema/ from data/; returns dest."""
    shutil.copytree(FIXTURE, dest)
    for name in FROM_DATA:
        source = ROOT / "data" / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copyfile(source, dest / name)
    return dest
