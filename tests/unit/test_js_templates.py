"""The scripts made from templates (templates/*.js.j2) are JavaScript, never HTML-escaped text: every value in them is
a JavaScript literal made by `|json`, the last filter of each expression, and nothing else is printed into them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jinja2 import nodes

from arkiv.templating import env

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "arkiv" / "templates"
SCRIPTS = sorted(p.name for p in TEMPLATES.glob("*.js.j2"))


# Every expression a template prints, with whether its outermost filter is `json`.
def printed(source: str) -> list[tuple[str, bool]]:
    found = []
    for output in env().parse(source).find_all(nodes.Output):
        for node in output.nodes:
            if not isinstance(node, nodes.TemplateData):
                found.append((type(node).__name__ + ":" + getattr(node, "name", ""),
                              isinstance(node, nodes.Filter) and node.name == "json"))
    return found


def test_there_are_scripts_and_none_is_autoescaped():
    assert {"search_query.js.j2", "search_worker.js.j2"} <= set(SCRIPTS)
    for name in SCRIPTS:
        assert not env().autoescape(name), f"{name} would be HTML-escaped"


@pytest.mark.parametrize("name", SCRIPTS)
def test_every_value_in_a_script_passes_through_json(name):
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    found = printed(source)
    assert found, f"{name} prints no value: make it a plain file"
    assert all(is_json for _, is_json in found), f"{name}: printed without |json: {found}"


def test_the_check_catches_a_value_without_json():
    assert printed('var a = {{ x | json }};') == [("Filter:json", True)]
    assert not all(ok for _, ok in printed('var a = {{ x }}; /* {{ y | join(", ") }} */'))
    assert not all(ok for _, ok in printed('var a = {{ x | json | safe }};'))


def test_a_value_with_quotes_and_markup_is_a_javascript_string():
    text = 'a "quote", </script> & <b>'
    script = env().from_string("var a = {{ x | json }};").render(x=text)
    assert script == f"var a = {json.dumps(text, ensure_ascii=False)};"
    rendered = env().get_template("search_worker.js.j2").render(factor=3)
    assert "&#" not in rendered and "&quot;" not in rendered and "&lt;" not in rendered
