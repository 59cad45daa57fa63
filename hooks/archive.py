"""MkDocs-adapter: läser arkivet ur data/ och lägger till de genererade sidorna. All logik finns i paketet arkiv.

One function per MkDocs event, each a call into arkiv.building.session (which never imports MkDocs).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from jinja2 import Environment
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from arkiv.building import preview
from arkiv.building.session import Session
from arkiv.errors import DataErrors
from arkiv.site import search

log = logging.getLogger("mkdocs.hooks.archive")
_session = Session(log)


# `mkdocs serve` turns on the preview, which rebuilds only what an edit to data/ changed (arkiv.building.preview).
def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _session.start(command, dirty)


# Load and validate all data before anything is written; bad data stops the build with every error listed.
# Without directory URLs (`dev.py build --offline`) the site is built to be opened from the file system.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    watched = [config.config_file_path, config.docs_dir, config.theme.custom_dir, *config.watch]
    try:
        config.nav = _session.configure(Path(config.config_file_path).parent, config.site_url or "",
                                        config.repo_url or "", offline=not config.use_directory_urls, config=config,
                                        site_dir=config.site_dir, watched=watched)
    except DataErrors as exc:
        raise PluginError(exc.report()) from None
    return config


# Add every generated page and file as a file MkDocs renders or copies like a hand-written one.
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, source in _session.files(config.site_name, Path(config.site_dir)).items():
        files.append(File.generated(config, path, **source))
    return files


# The page policies for every page's <head> (arkiv.site.policy); under serve, the theme's compiled templates are kept
# between rebuilds.
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return _session.theme_environment(env)


# Table cells and definitions get a space between them, so the search index does not run their words together.
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return search.space_cells(html)


# Note each page's title and front matter search_keys for the search index (arkiv.site.search_keys). A year page's one
# pair of links goes through time in the page itself (older ←, newer →): the menu's order (newest first) gives it no
# second pair, neither in the theme's footer nor in the <head>.
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    _session.rendered(page.url, page.title, page.meta.get("search_keys"))
    if page.meta.get("arkiv_kind") == "cycle":
        page.previous_page = page.next_page = None
    return context


# Write the share images, rewrite the search index (arkiv.site.search) and date the sitemap.
def on_post_build(config: MkDocsConfig) -> None:
    _session.finish(Path(config.site_dir), Path(config.docs_dir))


# Under serve: a data edit gets a dirty build of what it changed, others a full one; a failure keeps the last good site.
def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    server.builder = _session.rebuilder(server.builder, _dirty_build, Abort)
    return server


# MkDocs stops: remove what the preview kept.
def on_shutdown() -> None:
    _session.close()


# MkDocs' build of only the files newer than their output, on the configuration of the last build.
def _dirty_build(config: MkDocsConfig) -> None:
    with preview.muted(logging.getLogger("mkdocs.commands.build"), "A 'dirty' build is being performed"):
        build(config, serve_url=config.site_url, dirty=True)
