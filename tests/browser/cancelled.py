"""Requests the browser cancels itself are not broken links.

Chromium fetches a page's favicon after the page has loaded; when the tab moves on to the next page or closes first,
that request ends as net::ERR_ABORTED although the file is there. A file that is really missing fails otherwise: with
404 over HTTP and with net::ERR_FILE_NOT_FOUND from the file system, and both are still counted.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

ABORTED = "net::ERR_ABORTED"


# True when the request was cancelled by the browser, and, for a file:// URL, the file it asked for exists.
def cancelled(failure: str | None, url: str) -> bool:
    if failure != ABORTED:
        return False
    parts = urlsplit(url)
    return parts.scheme != "file" or Path(unquote(parts.path)).is_file()
