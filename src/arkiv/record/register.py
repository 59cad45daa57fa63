"""Kommunregistret (data/kommuner.csv): Sveriges 290 kommuner med SCB:s koder."""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass, replace
from pathlib import Path

from arkiv.slugs import slug as make_slug


@dataclass(frozen=True)
class Kommun:
    code: str  # SCB:s kommunkod, fyra siffror
    name: str  # kort namn, "Värmdö"
    formal: str  # "Värmdö kommun"
    own_name: str  # namnet kommunen själv använder, "Lidingö stad"
    county: str
    lat: float
    lon: float
    slug: str = ""  # its address, "varmdo"; the Register tells Habo and Håbo apart by county

    def __post_init__(self) -> None:
        if not self.slug:
            object.__setattr__(self, "slug", make_slug(self.name))


class Register:
    """Looks municipalities up by any of their names; suggests the nearest when a name is unknown."""

    def __init__(self, kommuner: list[Kommun]):
        # Names that fold to the same address (Habo, Håbo) get their county added: "habo-jonkopings-lan".
        plain = [make_slug(k.name) for k in kommuner]
        kommuner = [replace(k, slug=f"{s}-{make_slug(k.county)}") if plain.count(s) > 1 else k
                    for k, s in zip(kommuner, plain, strict=True)]
        self.kommuner = kommuner
        self._by_name: dict[str, Kommun] = {}
        for k in kommuner:
            for n in {k.name, k.formal, k.own_name}:
                self._by_name[n.casefold()] = k

    # Read the register from its CSV file.
    @classmethod
    def from_csv(cls, path: Path) -> Register:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        return cls([
            Kommun(r["kommunkod"], r["kommun"], r["kommun_formellt"], r["kommun_eget_namn"], r["lan"],
                   float(r["label_lat"]), float(r["label_lon"]))
            for r in rows
        ])

    # The municipality a name (short, formal or own) refers to, or None.
    def find(self, name: str) -> Kommun | None:
        return self._by_name.get(name.strip().casefold())

    # Up to three registered names closest to an unknown one, for "Menade du …?".
    def suggest(self, name: str) -> list[str]:
        names = sorted({n for k in self.kommuner for n in (k.own_name, k.name)})
        folded = {n.casefold(): n for n in names}
        hits = difflib.get_close_matches(name.casefold(), list(folded), n=3, cutoff=0.6)
        own: dict[str, str] = {}  # code -> own name, one per municipality
        for h in hits:
            k = self._by_name[h]
            own.setdefault(k.code, k.own_name)
        return list(own.values())

    # What is wrong with a name given for a municipality, as a problem and its hint in Swedish, or None when the name
    # is the municipality's own or its formal one. `unknown_hint` is the hint for a name the register does not hold
    # and that is close to none of its names; `write` says how to write the own name ("Skriv Lidingö stad.").
    def misnamed(self, name: str, unknown_hint: str, write: str = "Skriv {}.") -> tuple[str, str] | None:
        found = self.find(name)
        if found is None:
            close = self.suggest(name)
            return (f"{name} finns inte i kommunregistret.",
                    f"Menade du {' eller '.join(close)}?" if close else unknown_hint)
        if name not in (found.own_name, found.formal):
            return f"{name} är inte skrivet som i kommunregistret.", write.format(found.own_name)
        return None
