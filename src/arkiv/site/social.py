"""Delningsbilder: en PNG på 1200 × 630 per utmärkelseår (år, utmärkelsens namn det året, vinnaren) och en för arkivet.

Drawn with Pillow and the DejaVu Sans shipped in fonts/ at build time; nothing is fetched. The images are what a
link preview shows when a year page is shared (og:image). Paths are relative to the site root.
"""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from importlib import resources

from PIL import Image, ImageDraw, ImageFont

from arkiv import urls
from arkiv.record import model as m

SIZE = (1200, 630)
MARGIN = 80
BACKGROUND = (48, 63, 159)  # Material indigo 700: white text on it has a contrast ratio above 8:1
FOREGROUND = (255, 255, 255)
MUTED = (197, 202, 233)  # indigo 100
ACCENT = (255, 213, 79)  # amber 300, the band at the bottom


# The path of a cycle's share image: "2023/delning.png".
def image_path(year: int | None = None) -> str:
    return urls.share_image(year)


@lru_cache(maxsize=32)
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    with resources.as_file(resources.files("arkiv").joinpath("fonts", name)) as path:
        return ImageFont.truetype(str(path), size)


# Break text into lines that fit the width, shrinking the font until it fits in max_lines.
def _fit(draw: ImageDraw.ImageDraw, text: str, bold: bool, size: int, width: int, max_lines: int):
    while True:
        font = _font(bold, size)
        lines, line = [], ""
        for word in text.split():
            candidate = f"{line} {word}".strip()
            if draw.textlength(candidate, font=font) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
        if (len(lines) <= max_lines and all(draw.textlength(x, font=font) <= width for x in lines)) or size <= 20:
            return font, lines
        size -= 4


# Cards are cached by their text: under `mkdocs serve` a data edit redraws only the cards whose words changed.
@lru_cache(maxsize=1024)
def _card(kicker: str, headline: str, lines: tuple[tuple[str, bool, int, tuple], ...], footer: str) -> bytes:
    img = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(img)
    width = SIZE[0] - 2 * MARGIN
    y = MARGIN - 10
    draw.text((MARGIN, y), kicker, font=_font(False, 34), fill=MUTED)
    y += 60
    font, rows = _fit(draw, headline, True, 150, width, 1)
    draw.text((MARGIN, y), rows[0], font=font, fill=FOREGROUND)
    y += font.size + 30
    for text, bold, size, colour in lines:
        font, rows = _fit(draw, text, bold, size, width, 2)
        for row in rows:
            draw.text((MARGIN, y), row, font=font, fill=colour)
            y += int(font.size * 1.25)
        y += 10
    draw.rectangle((0, SIZE[1] - 90, SIZE[0], SIZE[1]), fill=ACCENT)
    draw.text((MARGIN, SIZE[1] - 66), footer, font=_font(True, 32), fill=BACKGROUND)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


# The share image of one cycle, as PNG bytes, under the archive's name.
def cycle_image(cycle: m.Cycle, title: str) -> bytes:
    return _card(title, str(cycle.year),
                 ((cycle.award_name, True, 58, FOREGROUND), ("Vinnare: " + cycle.winner.name, False, 50, FOREGROUND)),
                 "Juryns motivering, nominerade, jury och källor")


# The archive's own share image, for pages that are not a year page.
def generic_image(archive: m.Archive) -> bytes:
    first, latest = archive.cycles[-1].year, archive.cycles[0].year
    return _card("Arkivet", archive.names[-1].name,
                 ((f"Alla vinnare {first}–{latest}", True, 54, FOREGROUND),
                  (f"Tidigare {archive.names[0].name} ({archive.names[0].span})", False, 42,
                   MUTED)),
                 "Juryns motiveringar, nominerade, juryer och källor")


# Every share image: path relative to the site root -> PNG bytes.
# Drawn two at a time: Pillow releases the interpreter lock while it rasterises and compresses.
def images(archive: m.Archive) -> dict[str, bytes]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        drawn = pool.map(cycle_image, archive.cycles, [archive.title] * len(archive.cycles))
        cycles = dict(zip((image_path(c.year) for c in archive.cycles), drawn, strict=True))
    return {image_path(): generic_image(archive), **cycles}
