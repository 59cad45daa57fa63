"""Validering mot JSON Schema (data/schema/), med felmeddelanden på svenska."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from arkiv.errors import DataError
from arkiv.reading.datehint import example_for
from arkiv.reading.yamlload import YAML11_BOOLS, Loaded

PLACEHOLDER = re.compile(r"^<[^<>]*>$|-MM(-DD)?$")  # left by `arkiv new-cycle`: <kommun>, 2025-MM-DD
TYPE_NAMES = {"string": "text", "integer": "ett heltal", "array": "en lista", "object": "en grupp av fält",
              "boolean": "true eller false", "number": "ett tal"}


# All schema files in a folder, registered by file name so their relative $refs resolve.
@lru_cache(maxsize=8)
def _registry(schema_dir: str) -> tuple[Registry, dict]:
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in Path(schema_dir).glob("*.schema.json")}
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in schemas.items())
    return registry, schemas


# Data that has passed its schema in this process: `mkdocs serve` loads every file again for each saved one.
_VALID: dict[tuple[str, str, str], None] = {}


# Validate one loaded file against its schema; every problem becomes a DataError.
def validate(loaded: Loaded, schema_dir: Path, schema_name: str) -> list[DataError]:
    seen = (str(schema_dir), schema_name, repr(loaded.data))  # repr tells 1 from True and "1" (YAML gives plain types)
    if seen in _VALID:
        return []
    registry, schemas = _registry(str(schema_dir))
    validator = Draft202012Validator(schemas[schema_name], registry=registry)
    errors = []
    for err in validator.iter_errors(loaded.data):
        errors.extend(_explain(err, loaded))
    if not errors:
        if len(_VALID) >= 64:
            _VALID.clear()
        _VALID[seen] = None
    return errors


def _type_name(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "tomt"
    kinds = {str: "string", int: "integer", list: "array", dict: "object", float: "number"}
    return TYPE_NAMES.get(kinds.get(type(value), ""), type(value).__name__)


# Translate one jsonschema error (and, for oneOf, its best branch) into organiser-facing DataErrors.
def _explain(err: ValidationError, loaded: Loaded) -> list[DataError]:
    path = tuple(err.absolute_path)
    kind = err.validator
    schema: Mapping[str, Any] = err.schema if isinstance(err.schema, Mapping) else {}  # a bool schema has no fields
    # iter_errors fills these in on every error it yields; the stubs also allow the Unset placeholder of a bare error.
    value = cast(Any, err.validator_value)
    instance = cast(Any, err.instance)
    desc = schema.get("description", "")
    if kind == "oneOf":
        branch = _best_branch(err)
        if branch:
            return [e for sub in branch for e in _explain(sub, loaded)]
        return [loaded.error(path, "värdet har fel form.", desc)]
    if kind == "anyOf" and all(set(b) == {"required"} for b in value):
        fields = [b["required"][0] for b in value]
        return [loaded.error(path, "gruppen saknar innehåll.", f"Fyll i minst ett av fälten {', '.join(fields)}.")]
    if kind == "required":
        missing = err.message.split("'")[1]
        return [loaded.error(path, f"fältet {missing} saknas.", f"Lägg till {missing}: här.")]
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = [k for k in instance if k not in allowed]
        out = []
        for key in extra:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"Menade du {close[0]}?" if close else f"Tillåtna fält här: {', '.join(allowed)}."
            out.append(loaded.error((*path, key), f"okänt fält {key}.", hint, key=True))
        return out
    if kind == "type":
        want = value
        want_name = (TYPE_NAMES.get(want, want) if isinstance(want, str)
                     else " eller ".join(TYPE_NAMES.get(w, w) for w in want))
        raw = loaded.raw.get(path, "")
        if want == "string" and raw.lower() in YAML11_BOOLS:
            return [loaded.error(path, f"ska vara text, men YAML läser {raw} som ja/nej.",
                                 f"Skriv värdet inom citattecken: \"{raw}\".")]
        if want == "string" and isinstance(instance, (int, float)):
            return [loaded.error(path, f"ska vara text, men är ett tal ({raw}).",
                                 f"Skriv värdet inom citattecken: \"{raw}\".")]
        return [loaded.error(path, f"ska vara {want_name}, men är {_type_name(instance)}.", desc)]
    if kind == "pattern" and isinstance(instance, str) and PLACEHOLDER.search(instance):
        return [loaded.error(path, f"platshållaren {instance} är inte ifylld.",
                             "Skriv in uppgiften ur källan, eller ta bort fältet om den inte är känd.")]
    if kind == "pattern":
        if "date" in str(schema.get("examples", "")) or "ÅÅÅÅ" in desc:
            return [loaded.error(path, f"{instance!r} är inte ett datum i formen ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM, ÅÅÅÅ).",
                                 f"Skriv till exempel \"{example_for(instance)}\".")]
        return [loaded.error(path, f"{instance!r} har fel form.", desc or "Kontrollera stavningen.")]
    if kind in ("enum", "const"):
        options = value if kind == "enum" else [value]
        return [loaded.error(path, f"{instance!r} är inte tillåtet här.",
                             "Skriv ett av: " + ", ".join(map(str, options)) + ".")]
    if kind == "minItems":
        return [loaded.error(path, "listan är tom.", desc or "Lägg till minst en rad, eller ta bort fältet.")]
    if kind == "minLength":
        return [loaded.error(path, "texten är tom.", "Fyll i texten, eller ta bort fältet.")]
    if kind == "maxLength":
        return [loaded.error(path, f"texten är för lång ({len(instance)} tecken, högst {value}).",
                             "Korta texten.")]
    if kind in ("minimum", "maximum"):
        return [loaded.error(path, f"{instance} ligger utanför det tillåtna ({kind} {value}).", desc)]
    return [loaded.error(path, err.message, desc)]


# For a oneOf failure, the branch whose errors say most about what the editor meant.
def _best_branch(err: ValidationError) -> list[ValidationError]:
    by_branch: dict[int, list[ValidationError]] = {}
    for sub in err.context or []:
        index = sub.relative_schema_path[0]
        assert isinstance(index, int)  # oneOf's sub-errors start at the index of their branch
        by_branch.setdefault(index, []).append(sub)
    if not by_branch:
        return []
    assert isinstance(err.schema, Mapping)  # the schema that holds the oneOf
    instance_is_obj = isinstance(err.instance, dict)
    for index, subs in by_branch.items():
        branch_schema = err.schema["oneOf"][index]
        object_branch = "properties" in branch_schema or branch_schema.get("type") == "object"
        if instance_is_obj == object_branch and not any(s.validator == "type" and not s.relative_path for s in subs):
            return subs
    return min(by_branch.values(), key=len)
