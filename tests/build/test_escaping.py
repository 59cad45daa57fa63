"""Text from the data is text in the built site: a payload planted in a motivation, a jury member's note and the
fair's note reaches no page as markup (the theme also writes data into <meta> and <title>)."""

from __future__ import annotations

import re

import pytest


# Put the payload in beside a passage of the record's 2023 (a past year: the passage stays); it must be there.
def plant(text: str, passage: str, replacement: str) -> str:
    assert text.count(passage) == 1, f"the passage is not in the data once: {passage!r}"
    return text.replace(passage, replacement)


# The built HTML is what matters: the theme also writes data into <meta> and <title> (MkDocs' Jinja has no autoescape).
@pytest.mark.build
def test_built_pages_escape_data(tmp_path, project_copy, build):
    payload = '"><script>alert(1)</script>'
    winners = project_copy / "data" / "winners.yaml"
    text = winners.read_text(encoding="utf-8")
    text = plant(text, "      Med starkt ledarskap", f"      {payload} Med starkt ledarskap")
    winners.write_text(text, encoding="utf-8")
    cycle = project_copy / "data" / "cycles" / "2023.yaml"
    text = cycle.read_text(encoding="utf-8")
    text = plant(text, "    - name: Johan Magnusson", f"    - name: Johan Magnusson\n      note: '{payload}'")
    text = plant(text, "  city: Göteborg\n  description:", f"  city: Göteborg\n  note: '{payload}'\n  description:")
    cycle.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build(project_copy, site)
    assert result.returncode == 0, result.stderr
    leaks = []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r"<script>alert\(1\)", html):
            leaks.append(f"{page.relative_to(site)}: …{html[max(0, m.start() - 80):m.end()]}")
    assert not leaks, "data text reaches the HTML unescaped:\n" + "\n".join(leaks[:10])
