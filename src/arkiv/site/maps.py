"""Kartorna: Sverige med arkivets kommuner på /kommuner/, och en liten lägeskarta på varje kommuns sida.

Reads the geometry arkiv.tools.geo made (geo.json beside this module: SVG path data per kommunkod in SWEREF 99 TM, on a
200 m grid) and pairs it with what the archive knows. The municipalities outside the archive go to a file of their own
(LAND_FILE) that the maps show with <use>; those in the archive are drawn in the page, as links. No geometry is
computed here, so the build stays fast; the templates (map.html.j2, land.svg.j2) draw the SVG.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from arkiv import urls
from arkiv.record import model as m
from arkiv.record.register import Kommun
from arkiv.record.stats import Best, best_results
from arkiv.templating import env

LAND_FILE = urls.LAND_MAP  # the municipalities outside the archive, drawn once and used by both maps
LOCATOR_MARK = 250  # radius of the locator's ring round the municipality, in grid units (50 km)
ZOOM_COUNTY = "Stockholms län"  # where the archive's municipalities are too small to see on the whole map
ZOOM_MARGIN = 0.12  # room round the zoomed municipalities, as a share of the zoomed area's size


@lru_cache(maxsize=1)
def geometry() -> dict:
    return json.loads(files("arkiv").joinpath("geo.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Shape:
    code: str
    d: str  # SVG path data
    kommun: Kommun | None = None  # set for a municipality in the archive
    best: Best | None = None


@dataclass(frozen=True)
class Sweden:
    width: int
    height: int
    land: tuple[Shape, ...]  # every municipality not in the archive
    linked: tuple[Shape, ...]  # every municipality in the archive, by name


@dataclass(frozen=True)
class Zoom:
    """A part of the map enlarged: its view box in grid units and the shapes that reach into it."""

    x: int
    y: int
    width: int
    height: int
    scale: float  # this view's width as a share of the whole map's: patterns shrink by it to look the same
    title: str
    land: tuple[Shape, ...]
    linked: tuple[Shape, ...]


@dataclass(frozen=True)
class Locator:
    width: int
    height: int
    outline: str  # the country, coarse
    d: str  # the municipality
    x: int  # a point inside it
    y: int
    r: int


# The map of Sweden: all 290 municipalities, those in the archive with their best result.
def sweden(archive: m.Archive) -> Sweden:
    geo = geometry()
    best = best_results(archive)
    in_archive = {k.code: k for k in archive.kommuner}
    land = tuple(Shape(code, g["d"]) for code, g in geo["kommuner"].items() if code not in in_archive)
    linked = tuple(Shape(k.code, geo["kommuner"][k.code]["d"], k, best[k.code]) for k in archive.kommuner)
    return Sweden(geo["width"], geo["height"], land, linked)


# The file the maps on /kommuner/ draw their land from: every municipality outside the archive, as SVG. Kept out of
# the page so the page itself stays small; the page's colours still reach it through <use>.
def land_svg(archive: m.Archive) -> str:
    return env().get_template("land.svg.j2").render(map=sweden(archive))


# The archive's municipalities in one county enlarged, with every neighbour that reaches into the view; None if the
# county has no municipality in the archive.
def zoom(archive: m.Archive, county: str = ZOOM_COUNTY) -> Zoom | None:
    geo, whole = geometry(), sweden(archive)
    boxes = [geo["kommuner"][s.code]["box"] for s in whole.linked  # linked shapes all have their kommun
             if s.kommun is not None and s.kommun.county == county]
    if not boxes:
        return None
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    pad = round(ZOOM_MARGIN * max(right - left, bottom - top))
    x, y, width, height = left - pad, top - pad, right - left + 2 * pad, bottom - top + 2 * pad

    def inside(s: Shape) -> bool:
        b = geo["kommuner"][s.code]["box"]
        return b[0] < x + width and b[2] > x and b[1] < y + height and b[3] > y

    return Zoom(x, y, width, height, round(width / whole.width, 3), county,
                tuple(filter(inside, whole.land)), tuple(filter(inside, whole.linked)))


# The small map on a municipality's page: Sweden's outline with the municipality filled and ringed.
def locator(kommun: Kommun) -> Locator:
    geo = geometry()
    g = geo["kommuner"][kommun.code]
    return Locator(geo["width"], geo["height"], geo["outline"], g["d"], g["label"][0], g["label"][1], LOCATOR_MARK)
