"""Förhandsvisningen under `mkdocs serve`: en ändring i data/ bygger bara om det den ändrade.

MkDocs rebuilds the whole site for every saved file. Under serve, this keeps between rebuilds what an edit to data/
did not change, so that the rebuild after such an edit is partial: MkDocs' own dirty build (mkdocs.commands.build with
dirty=True), which renders a page only when its source is newer than the page it wrote last time. For that:

- each generated page's Markdown is a file (in the site folder's hidden .arkiv-preview/, which MkDocs never cleans
  and removes with the site folder) whose time changes only when its text changes;
- pages that disappeared (a renamed person, say) are deleted from the served site;
- the search index of a partial build, which holds only the pages it rendered, is completed from the last one;
- share images are written only when their bytes changed; the data files' dates come from git once, at the first
  build, and afterwards from the time of the files saved since; the theme's compiled templates are kept.

A rebuild is partial only when nothing but data/ changed since the last good build, the navigation (on every page)
is the same and the last build finished; otherwise it is a full rebuild, exactly as MkDocs does it. What a visitor of
the preview does not need is skipped: the sitemap keeps MkDocs' own dates (no git run per hand-written page). A
rebuild that fails keeps the last good site on show. Nothing here imports MkDocs: the MkDocs adapter passes in its
build functions and exception type.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2

from arkiv import urls
from arkiv.site.lastmod import file_date

Stamp = tuple[int, int]  # a file's modification time (ns) and size
FULL, QUICK = "full", "quick"
SOURCES = ".arkiv-preview"  # the page sources, in the site folder: MkDocs and empty() leave hidden entries alone


# Every file under the given files and folders, by path, with its stamp; `skip` leaves out a folder (data/).
def stamps(roots: Iterable[Path], skip: Path | None = None) -> dict[str, Stamp]:
    out: dict[str, Stamp] = {}
    for root in roots:
        if skip is not None and (root == skip or skip in root.parents):
            continue
        if root.is_file():
            st = root.stat()
            out[str(root)] = (st.st_mtime_ns, st.st_size)
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d != "__pycache__" and (skip is None or Path(folder, d) != skip)]
            for name in names:
                st = os.stat(os.path.join(folder, name))
                out[os.path.join(folder, name)] = (st.st_mtime_ns, st.st_size)
    return out


# Where a generated file ends up in the site: "2023/index.md" -> "2023/index.html"; other files keep their path.
def output_path(path: str) -> str:
    return urls.offline_file(urls.page_address(path)) if path.endswith("index.md") else path


# The search index entries of mkdocs-material's index, page by page, in the order the pages come.
def entries_by_page(index_json: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for doc in json.loads(index_json)["docs"]:
        out.setdefault(urls.page_of(doc["location"]), []).append(doc)
    return out


# The whole index after a partial build: `index_json` holds the entries of the pages it rendered (`rendered`), the
# other pages' entries come from `previous`; `order` is every page of the site in the order a full build indexes them.
# Returns the index and its entries by page.
def complete_index(index_json: str, rendered: Iterable[str], previous: dict[str, list[dict]],
                   order: list[str]) -> tuple[str, dict[str, list[dict]]]:
    index = json.loads(index_json)
    fresh = entries_by_page(index_json)
    by_page = {**previous, **{url: fresh.get(url, []) for url in rendered}}
    entries = {url: by_page[url] for url in order if url in by_page}
    index["docs"] = [doc for docs in entries.values() for doc in docs]
    return json.dumps(index, separators=(",", ":"), default=str), entries


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory between rebuilds; a template whose source changed is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class Preview:
    """What `mkdocs serve` keeps from one build to the next (see the module's description)."""

    def __init__(self, log: logging.Logger | None = None) -> None:
        self.log = log or logging.getLogger(__name__)
        self.templates = TemplateCache()
        self.mode = FULL  # how the running build was started: FULL (MkDocs' own) or QUICK (dirty)
        self.fresh = True  # the running build started from an empty site folder
        self.finished = False  # the last build that got past loading the data also finished
        self._done = False  # the running rebuild finished
        self.config: Any = None  # the configuration of the last build, for a quick rebuild
        self.nav: list | None = None
        self.inputs: list[Path] = []  # what MkDocs watches besides data/: mkdocs.yml, docs/, the package, ...
        self.data_dir: Path | None = None
        self.good_inputs: dict[str, Stamp] | None = None  # their stamps when the last good build started
        self._sources_dir: Path | None = None
        self._sources: dict[str, str] = {}  # generated page -> its Markdown as last written
        self._generated: list[str] = []  # every generated file of the last build, in order
        self._entries: dict[str, list[dict]] = {}  # search index entries by page
        self._handwritten: list[str] = []  # the pages from docs/, in the order MkDocs indexes them
        self._rendered: list[str] = []  # pages rendered in the running build
        self._images: dict[str, bytes] = {}  # share images as last written
        self._lastmod: dict[str, str] | None = None
        self._lastmod_stamps: dict[str, Stamp] = {}

    # A build got past loading the data: note its configuration and navigation, and empty the site folder of a
    # quick build when the navigation changed (every page shows it), so that MkDocs renders every page again.
    def begin(self, config: Any, nav: list, site_dir: Path, inputs: Iterable[Path], data_dir: Path) -> None:
        self.finished = False
        self.fresh = self.mode == FULL
        if self.mode == QUICK and nav != self.nav:
            self.log.info("Navigeringen ändrades: hela sajten byggs om.")
            empty(site_dir)
            self.fresh = True
        self.config, self.nav = config, nav
        self.inputs, self.data_dir = list(inputs), data_dir
        self._rendered = []

    # The source of each generated page as a file that changes only with its text: path -> absolute file path.
    # In a quick build, the files generated last time and not now are deleted from the site.
    def sources(self, pages: dict[str, str], other: Iterable[str], site_dir: Path) -> dict[str, str]:
        out = {}
        self._sources_dir = site_dir / SOURCES
        for path, markdown in pages.items():
            target = self._sources_dir / path
            if self._sources.get(path) != markdown or not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(markdown, encoding="utf-8")
                self._newer_than_output(target, site_dir / output_path(path))
                self._sources[path] = markdown
            out[path] = str(target)
        generated = [*pages, *other]
        if not self.fresh:
            for gone in set(self._generated) - set(generated):
                remove(site_dir, output_path(gone))
        self._generated = generated
        return out

    # MkDocs renders a page again when its source is newer than the page: make sure of it on a coarse clock too.
    @staticmethod
    def _newer_than_output(source: Path, output: Path) -> None:
        if output.exists():
            written = output.stat().st_mtime_ns
            if source.stat().st_mtime_ns <= written:
                os.utime(source, ns=(written + 1000, written + 1000))

    # A page MkDocs rendered in the running build.
    def rendered(self, url: str) -> None:
        self._rendered.append(url)

    # The search index of the running build made whole from the last one (a full build's is kept as it is). MkDocs
    # indexes the hand-written pages (docs/) first; a quick build never has new ones (an edit there is a full one).
    def search_index(self, index_json: str, generated: list[str]) -> str:
        if self.fresh:
            self._entries = entries_by_page(index_json)
            self._handwritten = [url for url in self._entries if url not in set(generated)]
            return index_json
        text, self._entries = complete_index(index_json, self._rendered, self._entries, self._handwritten + generated)
        return text

    # Write the share images whose bytes changed since they were last written (all of them into an empty site).
    def write_images(self, images: dict[str, bytes], site_dir: Path) -> None:
        for path, png in images.items():
            if self.fresh or self._images.get(path) != png:
                target = site_dir / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(png)
        self._images = dict(images)

    # When each data file last changed: from git at the first build (`read`), afterwards from the time of every
    # file saved since, the way git reports a file with changes not yet committed.
    def lastmod(self, project: Path, read: Callable[[Path], dict[str, str]]) -> dict[str, str]:
        now = {Path(path).relative_to(project).as_posix(): stamp for path, stamp in stamps([project / "data"]).items()}
        if self._lastmod is None:
            self._lastmod, self._lastmod_stamps = read(project), now
        out = dict(self._lastmod)
        for rel, (mtime_ns, _) in now.items():
            if self._lastmod_stamps.get(rel) != now[rel]:
                out[rel] = file_date(mtime_ns / 1e9)
        return out

    # The running build finished: the next data edit may rebuild only what it changes.
    def finish(self) -> None:
        self.finished = self._done = True

    # The stamps of what MkDocs watches besides data/.
    def input_stamps(self) -> dict[str, Stamp]:
        return stamps(self.inputs, skip=self.data_dir)

    # The function `mkdocs serve` calls for every saved file: a quick build when only data/ changed since the last
    # good build and that build finished, otherwise MkDocs' full one; `aborted` (MkDocs' Abort) is reported, and the
    # last good site stays on show.
    def rebuilder(self, full: Callable[[], None], quick: Callable[[Any], None],
                  aborted: type[BaseException]) -> Callable[[], None]:
        self.good_inputs = self.input_stamps()

        def build() -> None:
            if self.mode == QUICK:
                self.log.info("Bygger om det som ändringen i data/ rör.")
                quick(self.config)
            else:
                full()

        report = keep_last_good(build, aborted, self.log)

        def rebuild() -> None:
            inputs = self.input_stamps()
            self._done = False
            self.mode = QUICK if self.finished and self.config is not None and inputs == self.good_inputs else FULL
            report()
            if self._done:
                self.good_inputs = inputs

        return rebuild

    # `mkdocs serve` stopped: remove the page sources (MkDocs removes the site folder too, when it gets to).
    def close(self) -> None:
        if self._sources_dir is not None:
            shutil.rmtree(self._sources_dir, ignore_errors=True)


# Empty a folder, keeping the folder itself (MkDocs serves from it) and, as MkDocs does, its hidden entries.
def empty(folder: Path) -> None:
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


# `build`, except that when it raises `aborted` (MkDocs' Abort) the error is reported and the last good site stays on
# show: MkDocs would otherwise leave the server waiting for a build that never comes.
def keep_last_good(build: Callable[[], None], aborted: type[BaseException],
                   log: logging.Logger) -> Callable[[], None]:
    def run() -> None:
        try:
            build()
        except aborted:
            log.error("Bygget avbröts: sajten visar den senaste fungerande versionen tills felen är rättade.")

    return run


# Delete a file of the site and the folders it leaves empty ("personer/a-b/index.html" and "personer/a-b/").
def remove(site_dir: Path, path: str) -> None:
    target = site_dir / path
    target.unlink(missing_ok=True)
    for folder in target.parents:
        if folder == site_dir or site_dir not in folder.parents or not folder.is_dir() or any(folder.iterdir()):
            break
        folder.rmdir()


# Leave out of `logger` the messages that start with `start` while the block runs: MkDocs warns on every dirty build
# that its navigation may be out of date, which the preview prevents (a changed navigation empties the site).
@contextmanager
def muted(logger: logging.Logger, start: str) -> Iterator[None]:
    def keep(record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(start)

    logger.addFilter(keep)
    try:
        yield
    finally:
        logger.removeFilter(keep)
