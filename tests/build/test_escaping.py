"""Text from the data is text in the built site: a payload planted in a motivation, a jury member's note and the
fair's note reaches no page as markup (the theme also writes data into <meta> and <title>)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from arkiv.reading.load import load_archive


def read(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# A data file written again from its parsed value (its comments go; the test project is thrown away).
def write(path: Path, value) -> None:
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")


# The built HTML is what matters: the theme also writes data into <meta> and <title> (MkDocs' Jinja has no autoescape).
# The payload goes into the newest year's motivation, a juror's note and the fair's note, on the test archive.
@pytest.mark.build
def test_built_pages_escape_data(tmp_path, small_project, build):
    payload = '"><script>alert(1)</script>'
    data = small_project / "data"
    newest = load_archive(data).cycles[0]
    winners = read(data / "winners.yaml")
    row = next(w for w in winners if w["year"] == newest.year)
    row["motivation"][0] = f"{payload} {row['motivation'][0]}"
    write(data / "winners.yaml", winners)
    cycle_file = data / "cycles" / f"{newest.year}.yaml"
    cycle = read(cycle_file)
    cycle["jury"]["members"][0]["note"] = payload
    cycle["event"]["note"] = payload
    write(cycle_file, cycle)
    site = tmp_path / "site"
    result = build(small_project, site)
    assert result.returncode == 0, result.stderr
    leaks = []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r"<script>alert\(1\)", html):
            leaks.append(f"{page.relative_to(site)}: …{html[max(0, m.start() - 80):m.end()]}")
    assert not leaks, "data text reaches the HTML unescaped:\n" + "\n".join(leaks[:10])
    # And the text is shown, as text, in each place it was planted (the year page has all three).
    year_page = (site / str(newest.year) / "index.html").read_text(encoding="utf-8")
    assert year_page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3
