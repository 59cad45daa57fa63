"""MkDocs-adapter: läser arkivet ur data/ och lägger till de genererade sidorna. All logik finns i paketet arkiv."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File

from arkiv.site import export, feed, pages, search, search_keys, social
from arkiv.errors import DataErrors
from arkiv.site.lastmod import data_lastmod
from arkiv.reading.load import load_archive

_state: dict = {}
_drawing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="share-images")
log = logging.getLogger("mkdocs.hooks.archive")


# Load and validate all data before anything is written; bad data stops the build with every error listed.
def on_config(config):
    project = Path(config.config_file_path).parent
    try:
        archive = load_archive(project / "data")
    except DataErrors as exc:
        raise PluginError(exc.report()) from None
    repo = (config.repo_url or "").rstrip("/")
    site = pages.Site(url=config.site_url or "", repo=repo, lastmod=data_lastmod(project))
    _state.update(archive=archive, site=site, project=project, search_pages={})
    config.nav = pages.nav(archive)
    return config


# Add every generated page as a file MkDocs renders like a hand-written one.
def on_files(files, config):
    for page in pages.all_pages(_state["archive"], _state["site"]):
        files.append(File.generated(config, page.path, content=page.markdown))
    # Share images are drawn on another core while MkDocs renders the pages; on_post_build writes them.
    _state["images"] = _drawing.submit(social.images, _state["archive"])
    # Downloads, feed and redirect pages (arkiv.site.export.published_files).
    site = _state["site"]
    for path, content in export.published_files(_state["archive"], site.url, config.site_name, site.lastmod).items():
        files.append(File.generated(config, path, content=content))
    # The search script (arkiv.site.search.query_script, loaded by overrides/main.html): the index fetched when the
    # search opens, stop words out of a query, and approximate spelling for a word that finds nothing.
    names = search_keys.archive_names(_state["archive"])
    files.append(File.generated(config, search.QUERY_SCRIPT, content=search.query_script(names)))
    return files


# Table cells and definitions get a space between them, so the search index does not run their words together.
def on_page_content(html, page, config, files):
    return search.space_cells(html)


# Note each page's title and front matter search_keys for the search index (arkiv.site.search_keys).
def on_page_context(context, page, config, nav):
    _state["search_pages"][page.url] = (page.title, page.meta.get("search_keys"))
    return context


# Write the share images, rewrite the search index (arkiv.site.search) and date the sitemap.
def on_post_build(config):
    for path, png in _state.pop("images").result().items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        keys = search_keys.site_keys(_state["archive"], _state["search_pages"])
        index.write_text(search.rewrite_index(index.read_text(encoding="utf-8"), keys), encoding="utf-8")
    # The sitemap with each page's real last-modified date (from the data's git history), plain and gzipped.
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if sitemap.exists():
        site = _state["site"]
        text, gz = feed.sitemap(sitemap.read_text(encoding="utf-8"), _state["archive"], site.url, site.lastmod or {},
                                Path(config.docs_dir))
        sitemap.write_text(text, encoding="utf-8")
        sitemap.with_name("sitemap.xml.gz").write_bytes(gz)


# Under `mkdocs serve`, a failed rebuild keeps the last good site on show instead of stalling every request.
def on_serve(server, config, builder):
    rebuild = server.builder

    def keep_last_good():
        try:
            rebuild()
        except Abort:
            log.error("Bygget avbröts: sajten visar den senaste fungerande versionen tills felen är rättade.")

    server.builder = keep_last_good
    return server
