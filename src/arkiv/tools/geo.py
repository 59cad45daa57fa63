"""Kartans geometri: kommungränserna i SWEREF 99 TM, förenklade och avrundade, som SVG-banor i geo.json.

Reads data/kommuner/kommuner.geojson (SCB's boundaries, WGS84; see data/kommuner/README.md), projects it to
SWEREF 99 TM (EPSG:3006) with pyproj, mends the few places where neighbours overlap so the municipalities form a clean
coverage, simplifies them together with shapely.coverage_simplify (shared borders stay shared, no slivers or gaps),
draws a coarse outline of the country for the small locator maps, rounds everything to a grid and writes compact SVG
path data to src/arkiv/geo.json. The build only reads that file (arkiv.site.maps); it never imports this module.

    .venv/bin/python -m arkiv.tools.geo           write src/arkiv/geo.json
    .venv/bin/python -m arkiv.tools.geo --check   exit 1 if geo.json is not what this script makes
                                                  (tests/unit/test_geo.py)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pyproj
import shapely
from shapely.geometry import shape

PROJECT = Path(__file__).resolve().parents[3]
SOURCE = PROJECT / "data" / "kommuner" / "kommuner.geojson"
OUTPUT = Path(__file__).resolve().parents[1] / "geo.json"
CRS = "EPSG:3006"  # SWEREF 99 TM, the national grid: Sweden in its true shape
UNIT = 200  # metres per SVG unit: coordinates are whole numbers on a 200 m grid
TOLERANCE = 400  # metres: how far coverage_simplify may move a border
OUTLINE_TOLERANCE = 5000  # metres: the locator map's outline of the country is much coarser
OUTLINE_MIN_AREA = 400e6  # m²: islands smaller than this are left out of the outline (Gotland and Öland stay)


# The features of the GeoJSON file: their kommunkod, label point (lon, lat) and shapely geometry (WGS84).
def read_boundaries(path: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    codes = [f["properties"]["kommunkod"] for f in features]
    labels = np.array([(f["properties"]["label_lon"], f["properties"]["label_lat"]) for f in features])
    return codes, labels, np.array([shape(f["geometry"]) for f in features])


# WGS84 longitude/latitude to SWEREF 99 TM metres, for an (n, 2) array of points.
def to_sweref(points: np.ndarray) -> np.ndarray:
    transformer = pyproj.Transformer.from_crs("EPSG:4326", CRS, always_xy=True)
    x, y = transformer.transform(points[:, 0], points[:, 1])
    return np.column_stack([x, y])


# Node every border and give each face back to the municipality it lies in: overlaps and mismatched vertices
# (SCB's file has two, Håbo/Knivsta and Lekeberg/Örebro) become one shared border. Lakes between them stay holes.
def clean_coverage(geoms: np.ndarray) -> np.ndarray:
    lines = shapely.get_parts(shapely.union_all(shapely.boundary(geoms)))
    faces = shapely.get_parts(shapely.polygonize(lines))
    face_idx, geom_idx = shapely.STRtree(geoms).query(shapely.point_on_surface(faces), predicate="within")
    owner: dict[int, int] = {}
    for f, g in zip(face_idx.tolist(), geom_idx.tolist(), strict=False):
        owner.setdefault(f, g)  # a face two municipalities both claim goes to the first
    parts: dict[int, list] = {i: [] for i in range(len(geoms))}
    for f, g in sorted(owner.items()):
        parts[g].append(faces[f])
    return np.array([shapely.union_all(parts[i]) for i in range(len(geoms))])


# The country as one coarse outline: the union of all municipalities, simplified, without small islands.
def country_outline(geoms: np.ndarray) -> shapely.Geometry:
    country = shapely.simplify(shapely.coverage_union_all(geoms), OUTLINE_TOLERANCE)
    polygons = [shapely.Polygon(p.exterior) for p in shapely.get_parts(country) if p.area >= OUTLINE_MIN_AREA]
    return shapely.MultiPolygon(polygons)


class Grid:
    """SVG coordinates: whole UNITs from the top-left corner of Sweden's bounding box, y pointing down."""

    def __init__(self, geoms: np.ndarray):
        minx, miny, maxx, maxy = shapely.total_bounds(geoms)
        self.left = np.floor(minx / UNIT) * UNIT
        self.top = np.ceil(maxy / UNIT) * UNIT
        self.width = int(np.ceil((maxx - self.left) / UNIT))
        self.height = int(np.ceil((self.top - miny) / UNIT))

    # Metres to whole grid units, for an (n, 2) array.
    def points(self, coords: np.ndarray) -> np.ndarray:
        x = np.rint((coords[:, 0] - self.left) / UNIT)
        y = np.rint((self.top - coords[:, 1]) / UNIT)
        return np.column_stack([x, y]).astype(int)

    # SVG path data for a polygon or multipolygon: each ring "M x y" then relative steps "l dx dy …z".
    def path(self, geom) -> str:
        out = []
        for polygon in shapely.get_parts(geom):
            for ring in (polygon.exterior, *polygon.interiors):
                pts = self.points(np.asarray(ring.coords)[:-1])
                moved = np.r_[True, np.any(np.diff(pts, axis=0) != 0, axis=1)]
                pts = pts[moved]  # points that round onto the one before them
                if len(pts) < 3:
                    continue  # a ring that rounds away to a line or a point
                steps = " ".join(f"{dx} {dy}" for dx, dy in np.diff(pts, axis=0).tolist())
                out.append(f"M{pts[0][0]} {pts[0][1]}l{steps}z")
        return "".join(out)

    # The bounding box in grid units, [left, top, right, bottom]: what a zoomed map needs to pick its shapes.
    def box(self, geom) -> list[int]:
        minx, miny, maxx, maxy = geom.bounds
        (left, top), (right, bottom) = self.points(np.array([[minx, maxy], [maxx, miny]])).tolist()
        return [left, top, right, bottom]


# Everything the maps need, as a JSON-ready dict.
def make(source: Path = SOURCE) -> dict:
    codes, labels, geoms = read_boundaries(source)
    geoms = shapely.transform(geoms, to_sweref)
    geoms = shapely.coverage_simplify(clean_coverage(geoms), TOLERANCE)
    grid = Grid(geoms)
    label_points = grid.points(to_sweref(labels)).tolist()
    return {
        "about": ("Sveriges kommuner (SCB, Digitala gränser, CC0) i SWEREF 99 TM, förenklade. "
                  "Skapad av arkiv.tools.geo ur data/kommuner/kommuner.geojson: ändra inte för hand."),
        "crs": CRS, "unit_m": UNIT, "tolerance_m": TOLERANCE,
        "origin": [int(grid.left), int(grid.top)], "width": grid.width, "height": grid.height,
        "outline": grid.path(country_outline(geoms)),
        "kommuner": {code: {"d": grid.path(g), "label": p, "box": grid.box(g)}
                     for code, g, p in zip(codes, geoms, label_points, strict=False)},
    }


# The file's text: one municipality a line, so a change in the geometry reads well in a diff.
def dumps(data: dict) -> str:
    head = {k: v for k, v in data.items() if k != "kommuner"}
    lines = [f"  {json.dumps(code)}: {json.dumps(v, ensure_ascii=False)}"
             for code, v in sorted(data["kommuner"].items())]
    body = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    return body + ',\n "kommuner": {\n' + ",\n".join(lines) + "\n }\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m arkiv.tools.geo", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="jämför geo.json med vad skriptet gör, skriv inget")
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args(argv)
    text = dumps(make(args.source))
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print(f"{OUTPUT.name} {'stämmer' if same else 'stämmer inte; kör python -m arkiv.tools.geo'}")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"Skrev {OUTPUT} ({len(text.encode()):,} byte)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
