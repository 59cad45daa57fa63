"""The map geometry: geo.json is exactly what `python -m arkiv.tools.geo` makes from data/kommuner/, and it is
Sweden."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pytest
import shapely

from arkiv.tools import geo

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def made() -> dict:
    return geo.make()


def test_committed_file_is_what_the_script_makes(made):
    committed = (ROOT / "src" / "arkiv" / "geo.json").read_text(encoding="utf-8")
    assert committed == geo.dumps(made), "geo.json är inaktuell: kör .venv/bin/python -m arkiv.tools.geo"
    assert geo.main(["--check"]) == 0


def test_every_municipality_once(made):
    with (ROOT / "data" / "kommuner.csv").open(encoding="utf-8") as f:
        codes = {r["kommunkod"] for r in csv.DictReader(f)}
    assert set(made["kommuner"]) == codes and len(codes) == 290
    assert all(re.fullmatch(r"(M-?\d+ -?\d+l(-?\d+ -?\d+ ?)+z)+", k["d"]) for k in made["kommuner"].values())


def polygon(d: str) -> shapely.Geometry:
    """A path's rings back as one shape in grid units (each ring an absolute M, then relative l steps)."""
    rings = []
    for start, steps in re.findall(r"M(-?\d+ -?\d+)l([^z]+)z", d):
        moves = [start, *re.findall(r"-?\d+ -?\d+", steps)]
        rings.append(shapely.Polygon(np.cumsum([list(map(int, m.split())) for m in moves], axis=0)).buffer(0))
    return shapely.union_all(rings)


def test_sweden_has_its_true_shape_in_sweref99(made):
    assert made["crs"] == "EPSG:3006" and made["unit_m"] == 200
    # SWEREF 99 TM: about 640 km east-west and 1 540 km north-south; the origin is the north-west corner.
    assert 600_000 < made["width"] * 200 < 680_000 and 1_500_000 < made["height"] * 200 < 1_580_000
    assert 270_000 <= made["origin"][0] <= 280_000 and 7_660_000 <= made["origin"][1] <= 7_680_000
    k = made["kommuner"]
    kiruna, malmo, haparanda, stromstad = (polygon(k[c]["d"]).centroid for c in ("2584", "1280", "2583", "1486"))
    assert kiruna.y < malmo.y - 5000  # north is up: Kiruna about 1 200 km north of Malmö
    assert haparanda.x > stromstad.x + 2500  # Haparanda far east of Strömstad
    # Kiruna is Sweden's largest municipality, about 20 000 km².
    area_km2 = {c: polygon(v["d"]).area * 0.04 for c, v in k.items()}
    assert max(area_km2, key=area_km2.get) == "2584" and 18_000 < area_km2["2584"] < 22_000


def test_neighbours_share_borders_without_overlap(made):
    shapes = [polygon(v["d"]) for v in made["kommuner"].values()]
    overlap = sum(a.area for a in shapes) - shapely.union_all(shapes).area
    assert overlap < 0.001 * shapely.union_all(shapes).area


def test_label_points_lie_in_their_municipality(made):
    outside = [c for c, v in made["kommuner"].items()
               if not polygon(v["d"]).buffer(3).contains(shapely.Point(v["label"]))]
    assert len(outside) <= 3, outside  # a few coastal label points fall on islands the simplification dropped


def test_outline_is_small_and_covers_the_country(made):
    assert len(made["outline"]) < 2500
    outline = polygon(made["outline"])
    land = shapely.union_all([polygon(v["d"]) for v in made["kommuner"].values()])
    assert outline.intersection(land).area > 0.95 * land.area
