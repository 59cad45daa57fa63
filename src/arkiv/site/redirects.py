"""Omdirigeringar från gissningsbara adresser till årets sida.

Every cycle can be reached under both of the award's names, whichever was in force that year, because people search
for both ("Sveriges IT-kommun 2019" is still common): /sveriges-it-kommun-2009/ and
/sveriges-digitaliseringskommun-2009/ both lead to /2009/. Each redirect is a small static HTML page with a meta
refresh, a canonical link to the real page and a visible link; no JavaScript, and the site's Content-Security-Policy
and Referrer-Policy (arkiv.site.policy). The list of addresses the archive promises to keep is in
arkiv.publishing.addresses.
"""

from __future__ import annotations

import posixpath

from arkiv import urls
from arkiv.record import model as m
from arkiv.site import policy
from arkiv.slugs import slug
from arkiv.templating import env


# Guessable address -> canonical page, both relative to the site root: "sveriges-it-kommun-2009/" -> "2009/".
def redirects(archive: m.Archive) -> dict[str, str]:
    out = {}
    for c in sorted(archive.cycles, key=lambda c: c.year):
        for name in archive.names:
            out[slug(f"{name.name} {c.year}") + "/"] = urls.year(c.year)
    return out


# The HTML of one redirect page, written at `source` ("sveriges-it-kommun-2009/") and pointing to `target` ("2009/",
# or its file "2009/index.html" when the site is opened from the file system).
def redirect_page(source: str, target: str, title: str, site_url: str, offline: bool = False) -> str:
    if offline:
        relative = posixpath.relpath(urls.offline_file(target), source.rstrip("/"))
    else:
        relative = posixpath.relpath(target.rstrip("/") or ".", source.rstrip("/")) + "/"
    return env().get_template("redirect.html.j2").render(relative=relative, canonical=site_url + target, title=title,
                                                          csp=policy.CONTENT_SECURITY_POLICY,
                                                          referrer=policy.REFERRER_POLICY)


# Every redirect page: file path relative to the site root ("sveriges-it-kommun-2009/index.html") -> HTML.
def redirect_pages(archive: m.Archive, site_url: str, offline: bool = False) -> dict[str, str]:
    cycles = {urls.year(c.year): c for c in archive.cycles}
    out = {}
    for source, target in redirects(archive).items():
        c = cycles[target]
        out[urls.offline_file(source)] = redirect_page(source, target, f"{c.award_name} {c.year}", site_url, offline)
    return out
