"""Vem som ger ut arkivet: en post i mkdocs.yml (extra.publisher) med utgivarens namn och en kontaktväg som inte kräver
ett konto på GitHub (en e-postadress eller ett webbformulär).

/om/, the footer and /integritet/ show it (on /integritet/ as the party responsible for the personal data). Until the
organisers fill it in, the pages say that the archive is an open project reached through GitHub, and `arkiv check`
lists the missing entry as a to-do without failing. The entry is read here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

CONFIG_KEY = "publisher"  # under `extra` in mkdocs.yml
TODO = ("Att göra: ange vem som ger ut arkivet. Fyll i extra.publisher i mkdocs.yml: name (utgivaren, som också är "
        "personuppgiftsansvarig) och contact (en e-postadress eller adressen till ett webbformulär, som inte kräver "
        "ett konto på GitHub). Till dess säger sajten att arkivet är ett öppet projekt med kontakt via GitHub.")


@dataclass(frozen=True)
class Publisher:
    name: str = ""
    contact: str = ""  # an e-mail address or the address of a web form

    # Whether the organisers have filled the entry in: a name and a contact.
    @property
    def known(self) -> bool:
        return bool(self.name and self.contact)

    # Whether the contact is an e-mail address rather than a web form.
    @property
    def is_email(self) -> bool:
        return "@" in self.contact and not self.contact.startswith(("http://", "https://"))

    # The contact as a link target: "mailto:…" for an e-mail address, the form's address otherwise.
    @property
    def contact_url(self) -> str:
        return f"mailto:{self.contact}" if self.is_email else self.contact


NOBODY = Publisher()  # the entry as it is until the organisers fill it in


# The publisher from mkdocs.yml's `extra` (a mapping; missing or blank values read as empty).
def from_extra(extra: Mapping | None) -> Publisher:
    entry = (extra or {}).get(CONFIG_KEY) or {}
    if not isinstance(entry, Mapping):
        return NOBODY
    return Publisher(name=str(entry.get("name") or "").strip(), contact=str(entry.get("contact") or "").strip())


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!!python/name, !ENV): an unknown tag reads as None."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


# A project's mkdocs.yml as plain YAML (its tags not run); empty when the file is missing or holds no mapping. The one
# reader of mkdocs.yml outside MkDocs: the publisher here, the preview's address for `arkiv new-cycle`.
def read_config(path: Path) -> Mapping:
    if not path.is_file():
        return {}
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    return config if isinstance(config, Mapping) else {}


# The publisher as a project's mkdocs.yml gives it; an empty one when the file is missing.
def from_config_file(path: Path) -> Publisher:
    return from_extra(read_config(path).get("extra"))


# The to-dos for the organisers' summary of `arkiv check`, for the project whose data folder is data_dir.
def todos(data_dir: Path) -> list[str]:
    config = data_dir.parent / "mkdocs.yml"
    return [TODO] if config.is_file() and not from_config_file(config).known else []
