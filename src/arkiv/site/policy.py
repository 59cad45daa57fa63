"""Vad en sida får köra och skicka vidare: Content-Security-Policy och Referrer-Policy för varje byggd sida.

GitHub Pages sends no headers of our choosing, so both are <meta> elements early in every page's <head>: the theme's
pages (overrides/base.html, from the template global PAGE_POLICY that Session.theme_environment sets) and the
redirect pages (arkiv.site.redirects). This module is the one place that spells them.

The Content-Security-Policy allows script only from the site itself: no inline script, no eval, no other host. The
theme's three inline scripts are files the site serves (overrides/javascripts/); JSON-LD and the theme's __config are
data blocks, which a browser never runs. Text from the data that slipped through escaping as a <script> would not run.
Under `mkdocs serve` the page carries no Content-Security-Policy: MkDocs injects its live reload as an inline script
whose text changes with every build, so no policy can allow exactly it (tests/build/test_serve.py checks both).
The Referrer-Policy sends no address at all when a visitor follows a link, so a source's site never learns which page
of the archive (or which search) the visitor came from.
"""

from __future__ import annotations

from typing import TypedDict

# What the site needs, and nothing else: each directive with why.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),  # anything not named below: nothing
    ("script-src", "'self'"),  # the theme's bundle, its start scripts and the search script, all files of the site
    ("style-src", "'self'"),  # the theme's and the site's style sheets; no style attributes or <style> elements
    ("img-src", "'self' data:"),  # the site's images and maps; the theme's icons are data: SVGs in its style sheet
    ("connect-src", "'self'"),  # the search index
    ("worker-src", "'self'"),  # the theme's search worker
    ("form-action", "'none'"),  # the search form is never sent anywhere
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
)

CONTENT_SECURITY_POLICY = "; ".join(f"{name} {value}" for name, value in DIRECTIVES)
REFERRER_POLICY = "no-referrer"


class PagePolicy(TypedDict):
    """The two policies as a page's <head> writes them; csp is None where the page may not carry one."""

    csp: str | None
    referrer: str


# The policies for the theme's pages: without a Content-Security-Policy under `mkdocs serve` (its live reload script).
def page_policy(serving: bool = False) -> PagePolicy:
    return {"csp": None if serving else CONTENT_SECURITY_POLICY, "referrer": REFERRER_POLICY}
