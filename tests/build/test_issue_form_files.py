"""The form "Nytt utmärkelseår", the template chooser's link and the pull request template, as GitHub reads them."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import yaml

from arkiv.tools.issue import form
from github_schemas import check

ROOT = Path(__file__).resolve().parents[2]


def test_the_year_form_is_a_valid_issue_form():
    result = check("vendor.github-issue-forms", ROOT / form.FORM)
    assert result.valid, result.output


def test_the_year_form_asks_for_what_a_years_sources_give_and_only_the_essentials_are_required():
    fields = {f.id: f for f in form.fields(ROOT / form.FORM)}
    assert set(fields) == {"ar", "vinnare", "motivering", "nominerade", "finalister", "jury", "hela_juryn", "datum",
                           "plats", "prisutdelare", "kallor"}
    assert {i for i, f in fields.items() if f.required} == {"ar", "vinnare", "motivering", "kallor"}
    labels = [f.label for f in fields.values()]
    assert len(set(labels)) == len(labels)  # the body's headings tell the answers apart


def test_the_chooser_links_the_browser_route():
    config = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    (link,) = config["contact_links"]
    fragment = unquote(link["url"].partition("#")[2])
    headings = re.findall(r"^## (.+)$", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.MULTILINE)
    heading = next(h for h in headings if h.lower().replace(" ", "-") == fragment)
    assert heading == "Rätta direkt på GitHub"
    assert "webbläsaren" in link["about"]


def test_contributing_leads_with_the_browser_route():
    headings = re.findall(r"^## (.+)$", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert headings[:3] == ["Lägga till ett nytt utmärkelseår med formuläret", "Rätta direkt på GitHub",
                            "Vad som händer i en pull request"]
    assert headings.index("Lägga till ett nytt utmärkelseår") > 2


def test_the_pull_request_template_asks_for_the_source_and_the_issue_in_swedish():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (.+)$", text, re.MULTILINE) == ["Vad ändras?", "Källa", "Ärende"]
    assert "Fixes #123" in text and "data/sources.yaml" in text
