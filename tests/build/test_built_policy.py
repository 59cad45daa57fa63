"""Every built HTML page, read as HTML: the Content-Security-Policy and Referrer-Policy (arkiv.site.policy) come before
anything they govern, and nothing in a page needs what the policy forbids: no inline script, handler, javascript: link
or inline style. Chromium proves the same in use (tests/browser/test_pages.py, tests/browser/test_policy.py)."""

from __future__ import annotations

import html.parser
import re

import pytest

from arkiv.site.policy import CONTENT_SECURITY_POLICY, REFERRER_POLICY

pytestmark = pytest.mark.build

DATA_BLOCKS = {"application/json", "application/ld+json"}  # never run by a browser


class Page(html.parser.HTMLParser):
    """What a page holds that the policy is about, in document order."""

    def __init__(self):
        super().__init__()
        self.order: list[str] = []  # "csp", "referrer", "script", "link", "style": in the order they come
        self.policy: list[str] = []
        self.referrer: list[str] = []
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.order.append("csp")
            self.policy.append(a.get("content") or "")
        if tag == "meta" and a.get("name") == "referrer":
            self.order.append("referrer")
            self.referrer.append(a.get("content") or "")
        if tag in ("script", "link", "style", "img"):
            self.order.append(tag)
        if tag == "script" and "src" not in a and a.get("type") not in DATA_BLOCKS:
            self.problems.append(f"inline <script type={a.get('type')!r}>")
        if tag == "script" and re.match(r"(?i)^(https?:)?//", a.get("src") or ""):
            self.problems.append(f"script from another host: {a['src']}")
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"{name}= on <{tag}>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                    "javascript:"):
                self.problems.append(f"{name}=javascript: on <{tag}>")


def test_every_page_carries_both_policies_first_and_needs_nothing_they_forbid(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    wrong = {}
    for path in pages:
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        rel = path.relative_to(built_site).as_posix()
        if page.policy != [CONTENT_SECURITY_POLICY] or page.referrer != [REFERRER_POLICY]:
            wrong[rel] = f"policies {page.policy} {page.referrer}"
        elif page.order[:2] != ["csp", "referrer"]:
            wrong[rel] = f"the policy comes after {page.order[:3]}"
        elif page.problems:
            wrong[rel] = "; ".join(page.problems[:5])
    assert not wrong, wrong


def test_the_check_finds_what_a_slip_would_leave():
    page = Page()
    page.feed('<meta http-equiv="Content-Security-Policy" content="x"><script>x()</script>'
              '<img src="a.png" onerror="x()" style="color:red"><a href="javascript:x()">a</a>'
              '<script src="https://cdn.example/x.js"></script><script type="application/ld+json">{}</script>')
    assert page.problems == ["inline <script type=None>", "onerror= on <img>", "style= on <img>",
                             "href=javascript: on <a>", "script from another host: https://cdn.example/x.js"]
