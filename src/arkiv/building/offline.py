"""Sajten som en mapp att öppna från filsystemet: `python3 dev.py build --offline`, förhandsvisningen i en pull request.

MkDocs builds it without directory URLs (`mkdocs build --no-directory-urls`): every page is a file ("2023/index.html")
and every link names that file (MkDocs' own links, and ours through arkiv.site.pages.Site.offline). What a browser
refuses from file:// comes another way: the search index is also written as a script (search/search_index.js, which
mkdocs-material reads instead of the JSON when the page is a file), the theme's search worker runs in a hidden frame
(WORKER_SCRIPT, loaded by overrides/main.html), and the map's land is drawn in the page (arkiv.site.pages). Nothing
here is written into the published build.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from arkiv import urls

WORKER_SCRIPT = urls.FILE_WORKER  # loaded by overrides/main.html when there are no directory URLs
INDEX_SCRIPT = "search/search_index.js"  # where mkdocs-material looks for the index on a file:// page


# The script that lets the theme's search worker run in a frame of the page (templates/file_worker.js: a file as it is,
# nothing in it comes from the archive).
def worker_script() -> str:
    return (resources.files("arkiv") / "templates" / "file_worker.js").read_text(encoding="utf-8")


# The finished search index as the script mkdocs-material loads from a file:// page: it sets the global __index.
def write_index_script(site_dir: Path, index_json: str) -> None:
    (site_dir / INDEX_SCRIPT).write_text(f"var __index = {index_json}\n", encoding="utf-8")
