"""Länken ”Föreslå en rättelse”: öppnar rättelseformuläret (.github/ISSUE_TEMPLATE/rattelse.yml) med sidan ifylld."""

from __future__ import annotations

from urllib.parse import quote, urlencode

FORM = "rattelse.yml"  # the issue form's file name in .github/ISSUE_TEMPLATE/
PAGE_FIELD = "sida"  # the id of the form's field for the year or page
TITLE = "Rättelse"


# The address that opens the correction form, prefilled with the page's name and address when there is a page.
def correction_url(repo: str, page_name: str = "", page_url: str = "") -> str:
    if not repo:
        raise ValueError("Rättelselänken behöver repo_url i mkdocs.yml.")
    params = {"template": FORM, "title": f"{TITLE}: {page_name}" if page_name else TITLE}
    if page_name:
        params[PAGE_FIELD] = f"{page_name} ({page_url})" if page_url else page_name
    return f"{repo.rstrip('/')}/issues/new?{urlencode(params, quote_via=quote)}"
