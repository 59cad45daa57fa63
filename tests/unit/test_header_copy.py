"""overrides/partials/header.html is the theme's header with one documented change; fail when the theme moves on."""

from __future__ import annotations

from pathlib import Path

import material

ROOT = Path(__file__).resolve().parents[2]

THEIRS = """            {% if page.meta and page.meta.title %}
              {{ page.meta.title }}"""
OURS = """            {% if page.meta and page.meta.header_title %}
              {{ page.meta.header_title }}
            {% elif page.meta and page.meta.title %}
              {{ page.meta.title }}"""


# A template without its leading comment block.
def body(text: str) -> str:
    return text.split("-#}\n", 1)[1]


def test_header_copy_matches_the_theme_but_for_the_page_topic():
    upstream = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    assert OURS in ours
    assert body(ours).replace(OURS, THEIRS) == body(upstream), (
        "mkdocs-material's partials/header.html changed: copy it again into overrides/partials/header.html")
