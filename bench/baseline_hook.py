"""The baseline build's one hook: the theme's globals (page policy, addresses) the overrides read, nothing else.

The baseline is the archive's pages as plain Markdown with the same theme, so the theme must render; this hook gives it
exactly what hooks/archive.py's on_env gives it, from the same place (arkiv.building.session), and no generated pages.
"""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from arkiv.building.session import Session


# The same theme globals a real build sets (Session.theme_environment), without loading data/.
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return Session(logging.getLogger("mkdocs.hooks.baseline")).theme_environment(env)
