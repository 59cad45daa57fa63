"""Modellens fält med svenska namn, så som en ändring beskrivs för den som granskar en pull request."""

from __future__ import annotations

# Field name -> what it is called in Swedish. Fields of every dataclass in model.py and register.Kommun; a field
# missing here still gets a name from field_label ("fältet namn"), so a new field in the model is never skipped.
FIELD_LABELS = {
    # Cycle
    "year": "år",
    "award_name": "utmärkelsens namn",
    "winner": "vinnare",
    "motivation": "juryns motivering",
    "winner_sources": "källor för vinnaren",
    "winner_note": "anteckning om vinnaren",
    "summary": "sammanfattning",
    "call": "inbjudan",
    "event": "evenemanget",
    "process": "processen",
    "rounds": "omgångar och deltagare",
    "jury": "juryn",
    "timeline": "hålltider",
    "ceremony": "prisutdelningen",
    "prize": "priset",
    "benefits": "vad vinnaren får",
    "quotes": "citat",
    "facts": "fakta",
    "gaps": "det arkivet inte vet",
    # Jury, persons, entrants, rounds
    "members": "ledamöter",
    "complete": "hela juryn känd",
    "name": "namn",
    "title": "titel",
    "organisation": "organisation",
    "chair": "ordförande",
    "entrants": "deltagare",
    "kommuner": "kommuner",
    "label": "benämning",
    "stage": "steg",
    "size": "antal",
    # Facts, timeline, ceremony, event, prize, process
    "text": "text",
    "quote": "citat ur källan",
    "sources": "källor",
    "uncertain": "osäker uppgift",
    "note": "anteckning",
    "date": "datum",
    "start": "början",
    "end": "slut",
    "occasion": "tillfälle",
    "venue": "plats",
    "city": "ort",
    "presenter": "delades ut av",
    "received_by": "togs emot av",
    "speaker": "talare",
    "description": "beskrivning",
    "theme": "tema",
    "theme_text": "temats beskrivning",
    "amount_sek": "belopp i kronor",
    "steps": "steg i processen",
    "entry_questions": "frågor i ansökan",
    "question": "fråga",
    "max_chars": "högsta antal tecken",
    # Sources
    "id": "id",
    "publisher": "utgivare",
    "url": "adress",
    "kind": "typ av källa",
    # The award (award.yaml)
    "names": "utmärkelsens namn genom åren",
    "first": "första år",
    "last": "sista år",
    "founded": "första utmärkelseåret",
    "interval": "år mellan utmärkelserna",
    "purpose": "syfte",
    "history": "historia",
    # Municipalities (kommuner.csv)
    "code": "kommunkod",
    "formal": "formellt namn",
    "own_name": "eget namn",
    "county": "län",
    "lat": "latitud",
    "lon": "longitud",
    "slug": "adress på sajten",
}

# Fields that hold archive dates ("2023-11-21", "2023-11", "2023"): shown as "21 november 2023".
DATE_FIELDS = frozenset({"date", "start", "end"})


# The Swedish name of a model field; an unknown one is named by itself: "fältet entrant_counts".
def field_label(name: str) -> str:
    return FIELD_LABELS.get(name) or f"fältet {name}"
