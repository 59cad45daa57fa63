"""En körning av MkDocs på arkivet: vad varje steg i bygget gör, utan MkDocs (hooks/archive.py anropar det här).

One Session per MkDocs process: `mkdocs build` runs it once; `mkdocs serve` once and then again for every saved file,
and then keeps what an edit to data/ did not change (arkiv.building.preview). Paths are relative to the site root.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import jinja2

from arkiv import publisher, templating, urls
from arkiv.building import offline
from arkiv.building.preview import Preview, keep_last_good
from arkiv.reading.load import load_archive
from arkiv.record import model as m
from arkiv.site import export, feed, pages, policy, search, search_keys, social
from arkiv.site.lastmod import data_lastmod
from arkiv.urls import address, page_address

# How MkDocs gets a generated file: {"content": text or bytes}, or {"abs_src_path": a file holding it}.
Source = dict[str, Any]


# The git version the pages' "Sidan bygger på" links open the data files at: main, or the pull request's commit in its
# preview (pr.yml sets ARKIV_SOURCE_REF), where a new year's file does not exist on main until the merge.
def source_ref() -> str:
    ref = os.environ.get("ARKIV_SOURCE_REF", "")
    return ref if re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z._/-]{0,99}", ref) else "main"


class Session:
    """The archive's part of one MkDocs process; the MkDocs adapter calls one method per event."""

    def __init__(self, log: logging.Logger | None = None) -> None:
        self.log = log or logging.getLogger(__name__)
        self.preview: Preview | None = None  # under `mkdocs serve`
        self.serving = False  # `mkdocs serve`, with or without --dirty
        self.archive: m.Archive | None = None
        self.site = pages.Site()
        self.search_pages: dict[str, tuple[str, object]] = {}  # page address -> title, front matter search_keys
        self._page_urls: list[str] = []  # the generated pages, in order
        self._drawing: ThreadPoolExecutor | None = None
        self._images: Future[dict[str, bytes]] | None = None

    # The command MkDocs runs: "serve" (without --dirty, where MkDocs decides alone) turns the preview on.
    def start(self, command: str, dirty: bool = False) -> None:
        self.close()
        self.serving = command == "serve"
        self.preview = Preview(self.log) if self.serving and not dirty else None

    # Load and validate the data (raises DataErrors with every error); returns the navigation.
    # `offline`: a build to open from the file system (arkiv.building.offline), MkDocs without directory URLs.
    # `config`, `site_dir` and `watched` (what MkDocs watches: files and folders, None for none) are for the preview.
    def configure(self, project: Path, site_url: str, repo_url: str, *, offline: bool = False, config: Any = None,
                  site_dir: str | Path | None = None, watched: Iterable[str | Path | None] = ()) -> list:
        archive = load_archive(project / "data")
        lastmod = self.preview.lastmod(project, data_lastmod) if self.preview else data_lastmod(project)
        self.archive = archive
        self.site = pages.Site(url=site_url, repo=repo_url.rstrip("/"), lastmod=lastmod, offline=offline,
                               branch=source_ref(),
                               publisher=publisher.from_extra(getattr(config, "extra", None)))
        nav = pages.nav(archive)
        if self.preview is not None:
            assert site_dir is not None
            self.preview.begin(config, nav, Path(site_dir), [Path(p) for p in watched if p], project / "data")
        if self.preview is None or self.preview.fresh:
            self.search_pages = {}
        return nav

    # Every generated file: the pages, downloads, feed, redirect pages and the search scripts, in that order.
    # The share images are drawn on another core meanwhile; finish() writes them.
    def files(self, site_name: str, site_dir: Path) -> dict[str, Source]:
        archive = self._loaded()
        generated = pages.all_pages(archive, self.site)
        self._images = self._pool().submit(social.images, archive)
        published = export.published_files(archive, self.site.url, site_name, self.site.lastmod,
                                           offline=self.site.offline)
        published[search.QUERY_SCRIPT] = search.query_script(search_keys.archive_names(archive))
        published[search.WORKER_SCRIPT] = search.worker_script()
        if self.site.offline:
            published[offline.WORKER_SCRIPT] = offline.worker_script()
        addresses = [page_address(p.path) for p in generated]
        for gone in set(self._page_urls) - set(addresses):
            self.search_pages.pop(gone, None)
        self._page_urls = addresses
        out: dict[str, Source]
        if self.preview is not None:
            sources = self.preview.sources({p.path: p.markdown for p in generated}, published, site_dir)
            out = {path: {"abs_src_path": source} for path, source in sources.items()}
        else:
            out = {p.path: {"content": p.markdown} for p in generated}
        out.update({path: {"content": content} for path, content in published.items()})
        return out

    # A page MkDocs rendered: its title and front matter search_keys, for the search index (arkiv.site.search_keys),
    # under its address with directory URLs ("2023/", also for the offline build's "2023/index.html").
    def rendered(self, url: str, title: str | None, keys: object) -> None:
        self.search_pages[address(url)] = (title or "", keys)
        if self.preview is not None:
            self.preview.rendered(url)

    # Where the theme's compiled templates are kept: in memory between rebuilds under serve, else between builds
    # (arkiv.templating.compiled_templates).
    @property
    def template_cache(self) -> jinja2.BytecodeCache | None:
        return self.preview.templates if self.preview is not None else templating.compiled_templates()

    # The theme's Jinja environment: the policies every <head> writes (PAGE_POLICY, arkiv.site.policy) and the site's
    # addresses (urls: arkiv.urls, the feed, the share image, the scripts) as globals, and the compiled templates kept
    # between rebuilds under serve and between builds otherwise (template_cache).
    def theme_environment(self, env: jinja2.Environment) -> jinja2.Environment:
        env.globals["PAGE_POLICY"] = policy.page_policy(serving=self.serving)
        env.globals["urls"] = urls
        env.globals["ARKIV_PUBLISHER"] = self.site.publisher  # the footer's publisher line
        env.bytecode_cache = self.template_cache
        return env

    # After the build: write the share images, rewrite the search index (arkiv.site.search) and date the sitemap.
    def finish(self, site_dir: Path, docs_dir: Path) -> None:
        archive = self._loaded()
        images = self._images.result() if self._images is not None else {}
        if self.preview is not None:
            self.preview.write_images(images, site_dir)
        else:
            for path, png in images.items():
                target = site_dir / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(png)
        index = site_dir / "search" / "search_index.json"
        if index.exists():
            text = index.read_text(encoding="utf-8")
            if self.preview is not None:
                text = self.preview.search_index(text, self._page_urls)
            keys = search_keys.site_keys(archive, self.search_pages)
            text = search.rewrite_index(text, keys)
            index.write_text(text, encoding="utf-8")
            if self.site.offline:
                offline.write_index_script(site_dir, text)
        # The sitemap with each page's real last-modified date (from the data's git history), plain and gzipped.
        # Not in the preview: no visitor of it reads the sitemap, and each hand-written page would run git.
        sitemap = site_dir / "sitemap.xml"
        if sitemap.exists() and self.preview is None:
            text, gz = feed.sitemap(sitemap.read_text(encoding="utf-8"), archive, self.site.url,
                                    self.site.lastmod or {}, docs_dir)
            sitemap.write_text(text, encoding="utf-8")
            sitemap.with_name("sitemap.xml.gz").write_bytes(gz)
        if self.preview is not None:
            self.preview.finish()

    # What `mkdocs serve` runs for every saved file (MkDocs' `full` rebuild, or the preview's `quick` one), with the
    # last good site kept on show when it raises `aborted`.
    def rebuilder(self, full: Callable[[], None], quick: Callable[[Any], None],
                  aborted: type[BaseException]) -> Callable[[], None]:
        if self.preview is not None:
            return self.preview.rebuilder(full, quick, aborted)
        return keep_last_good(full, aborted, self.log)

    # MkDocs stops: remove the preview's files and the drawing thread.
    def close(self) -> None:
        if self.preview is not None:
            self.preview.close()
        if self._drawing is not None:
            self._drawing.shutdown(wait=False)
            self._drawing = None

    def _pool(self) -> ThreadPoolExecutor:
        if self._drawing is None:
            self._drawing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="share-images")
        return self._drawing

    def _loaded(self) -> m.Archive:
        if self.archive is None:
            raise RuntimeError("configure() loads the archive before the other steps")
        return self.archive
