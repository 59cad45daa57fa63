"""Formuläret och ärendetexten GitHub skriver ur det: varje fälts rubrik som ### och svaret under."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

FORM = Path(".github") / "ISSUE_TEMPLATE" / "nytt-ar.yml"
NO_RESPONSE = "_No response_"


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    required: bool
    kind: str  # input, textarea or dropdown


# The form's fields in their order, as the form file gives them.
def fields(form: Path) -> tuple[Field, ...]:
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    return tuple(Field(b["id"], b["attributes"]["label"], bool(b.get("validations", {}).get("required")), b["type"])
                 for b in data["body"] if b.get("id"))


# The answers of an issue body by field id: the text under each field's heading, None when left empty. Headings are
# matched in the form's order, so an answer that contains "### Something" stays part of its answer.
def answers(body: str, form_fields: tuple[Field, ...]) -> dict[str, str | None]:
    found: dict[str, list[str]] = {}
    pending = list(form_fields)
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").split("\n"):
        heading = line.startswith("### ") and next((f for f in pending if f.label == line[4:].strip()), None)
        if heading:
            pending = pending[pending.index(heading) + 1:]
            current = found.setdefault(heading.id, [])
        elif current is not None:
            current.append(line)
    out: dict[str, str | None] = {}
    for f in form_fields:
        text = "\n".join(found.get(f.id, [])).strip()
        out[f.id] = None if text in ("", NO_RESPONSE) else text
    return out


# An issue body as GitHub writes it from the form, for the given answers by id (the tests' fixtures are made so).
def body(form_fields: tuple[Field, ...], given: dict[str, str]) -> str:
    parts = [f"### {f.label}\n\n{given.get(f.id) or NO_RESPONSE}" for f in form_fields]
    return "\n\n".join(parts) + "\n"
