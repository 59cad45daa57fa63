"""The one Jinja environment for the archive's templates (pages, feed, sitemap, redirects, the organiser's files):
escaping always on for markup."""

from __future__ import annotations

import json
import re
from functools import lru_cache

import jinja2
from markupsafe import Markup, escape

from arkiv import urls
from arkiv.slugs import slug
from arkiv.text import (
    every_years,
    first_sentence,
    format_date,
    format_number,
    format_sek,
    format_span,
    join_and,
    ordinal,
)

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^])")
MD_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


# Markdown-escape text that goes outside an HTML block (headings; front matter is JSON).
def md(text: str) -> Markup:
    return Markup(MD_SPECIAL.sub(r"\\\1", str(escape(text))))


# Markdown-escape text in the middle of a line (never at its start): only what would start emphasis, code or a link,
# so that the Markdown stays readable in a terminal too.
def md_inline(text) -> Markup:
    return Markup(MD_INLINE_SPECIAL.sub(r"\\\1", str(escape(text))))


# A value as JSON, which is also valid YAML: safe in front matter whatever the text holds.
def as_json(value) -> Markup:
    return Markup(json.dumps(value, ensure_ascii=False))


# Markup is escaped; plain-text templates (the files and checklists `arkiv new-cycle` writes) are not, and neither are
# the scripts (.js.j2), which HTML escaping would break: every value in a script goes through `|json`, a JavaScript
# literal (tests/unit/test_js_templates.py checks each one).
def _escapes(name: str | None) -> bool:
    return not (name or "").endswith((".yaml.j2", ".txt.j2", ".js.j2"))


# Compiled templates kept between builds on this computer, in Jinja's own cache folder (the user's, in the system's
# temporary folder, which Jinja makes and checks is theirs alone): a build compiles only the templates that changed
# since, where compiling the theme's and the archive's templates was about a third of a build. None, and every build
# compiles them, where no such folder can be made.
@lru_cache(maxsize=1)
def compiled_templates() -> jinja2.BytecodeCache | None:
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


@lru_cache(maxsize=1)
def env() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("arkiv", "templates"),
        autoescape=_escapes, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined, bytecode_cache=compiled_templates(),
    )
    environment.filters.update(date=format_date, span=format_span, sek=format_sek, num=format_number, md=md,
                               md_inline=md_inline, first_sentence=first_sentence, json=as_json, ordinal=ordinal,
                               och=join_and, slug=slug, every_years=every_years)
    environment.globals.update(urls=urls, sections=urls.SECTIONS)
    return environment
