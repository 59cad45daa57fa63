"""The pages' policies (arkiv.site.policy) and the theme's start scripts that the policy made into files of the site
(overrides/javascripts/): the copies stay the theme's code apart from their documented changes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from arkiv.site import policy
from arkiv.site.redirects import redirect_page

ROOT = Path(__file__).resolve().parents[2]
OURS = ROOT / "overrides" / "javascripts"


def directives() -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.CONTENT_SECURITY_POLICY.split("; ")}


def test_the_policy_allows_script_only_from_the_site():
    d = directives()
    assert d["default-src"] == ["'none'"]
    assert d["script-src"] == ["'self'"] and d["worker-src"] == ["'self'"]
    assert d["object-src"] == ["'none'"] and d["base-uri"] == ["'none'"]
    sources = [s for values in d.values() for s in values]
    assert not [s for s in sources if s.startswith(("'unsafe", "http", "*", "'nonce", "'sha", "blob:"))], sources
    assert "data:" not in {s for k, v in d.items() if k != "img-src" for s in v}
    # Written into an attribute as it is: nothing there to escape.
    assert not set('"<>&') & set(policy.CONTENT_SECURITY_POLICY)


def test_the_referrer_policy_sends_no_address():
    assert policy.REFERRER_POLICY == "no-referrer"


def test_no_content_security_policy_under_serve_only():
    assert policy.page_policy()["csp"] == policy.CONTENT_SECURITY_POLICY
    assert policy.page_policy(serving=True) == {"csp": None, "referrer": policy.REFERRER_POLICY}


def test_redirect_pages_carry_both_policies():
    import html
    page = redirect_page("sveriges-it-kommun-2009/", "2009/", "Sveriges IT-kommun 2009", "https://example.se/")
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert found and html.unescape(found.group(1)) == policy.CONTENT_SECURITY_POLICY
    assert f'<meta name="referrer" content="{policy.REFERRER_POLICY}">' in page
    assert page.index("Content-Security-Policy") < page.index("<title>")


# The theme's inline script in one of its partials (the last, where the partial has several).
def theme_script(name: str) -> str:
    import material
    text = (Path(material.__file__).parent / "templates" / "partials" / "javascripts" / name).read_text("utf-8")
    return re.findall(r"<script>(.*?)</script>", text)[-1]


# A served copy's code, without its leading comment.
def our_script(name: str) -> str:
    text = (OURS / name).read_text(encoding="utf-8")
    return re.sub(r"\A/\*.*?\*/\n", "", text, flags=re.S).strip()


@pytest.mark.parametrize(("ours", "theirs"), [("palette.js", "palette.html"), ("anchor.js", "content.html")])
def test_moved_scripts_are_the_themes_unchanged(ours, theirs):
    assert our_script(ours) == theme_script(theirs)


def test_scope_script_is_the_themes_with_its_two_changes():
    theirs = theme_script("base.html")
    scope = 'new URL("{{ config.extra.scope | d(base_url) }}",location)'
    assert scope in theirs
    # 1: the scope from the script's own address (the site's root), not from the page's base_url.
    # 2: the palette is stored only after the visitor chose one (overrides/javascripts/scope.js says why).
    expected = theirs.replace(scope, 'new URL("..",document.currentScript.src)').replace(
        "__md_set=", '__md_chosen=!1,document.addEventListener("change",e=>{"__palette"===e.target.name&&'
        '(__md_chosen=!0)},!0),__md_set=').replace(
        "{try{t.setItem", '{if("__palette"===e&&!__md_chosen&&null===t.getItem(a.pathname+"."+e))return;try{t.setItem')
    assert our_script("scope.js") == expected


def test_the_partials_load_the_files():
    partials = ROOT / "overrides" / "partials" / "javascripts"
    for partial, script in (("base.html", "scope.js"), ("palette.html", "palette.js"), ("content.html", "anchor.js")):
        text = (partials / partial).read_text(encoding="utf-8")
        assert f"<script src=\"{{{{ 'javascripts/{script}' | url }}}}\"></script>" in text


# The theme's environment gets the policy as PAGE_POLICY: with the Content-Security-Policy for a build, without it
# under serve (with or without --dirty), where MkDocs injects its live reload script; its compiled templates are kept
# in memory between a preview's rebuilds, else in the cache shared by builds (arkiv.templating.compiled_templates).
@pytest.mark.parametrize(("command", "dirty", "csp"), [("build", False, policy.CONTENT_SECURITY_POLICY),
                                                      ("serve", False, None), ("serve", True, None)])
def test_the_theme_gets_the_policy_for_its_command(command, dirty, csp):
    import jinja2

    from arkiv import templating
    from arkiv.building.session import Session
    session = Session()
    session.start(command, dirty)
    try:
        env = session.theme_environment(jinja2.Environment())
        assert env.globals["PAGE_POLICY"] == {"csp": csp, "referrer": policy.REFERRER_POLICY}
        kept = session.preview.templates if session.preview is not None else templating.compiled_templates()
        assert (session.preview is not None) == (command == "serve" and not dirty)
        assert env.bytecode_cache is kept is not None
    finally:
        session.close()
