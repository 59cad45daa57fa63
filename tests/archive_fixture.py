"""The test archive: a small, valid data folder (tests/fixtures/archive/) for every test of the software: the ones that
load an archive, break one (the corpus) or build one (conftest's small_site, with SITE_PATCHES).

Three cycles, each showing shapes the model must handle: 2015 under the award's first name, known only by its winner
and the call's deadline (no rounds, jury or ceremony); 2021, the first year of the new name (the renaming is in a year
of the archive), with a round larger than the names known, part of a jury, a prize, who received it and a prize-giving
the year after; 2023 with two rounds, a joint entrant (Mora, Orsa och Älvdalens kommuner), a whole jury with its chair,
a timeline, a statement and a presenter the sources disagree on. award.yaml knows the fair of the next year (2025)
and that it was held. SITE_PATCHES make the joint entrant 2021's winner and add uncertain facts for the site build.
Municipalities come from the real register; people, sources and texts are made up ("Exempeltext").

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
