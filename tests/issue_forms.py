"""Issue bodies for `arkiv from-issue`, made from the form file itself (.github/ISSUE_TEMPLATE/nytt-ar.yml): a
renamed label changes the body, not the tests. ANSWERS holds an answer for every field of the form, by its id."""

from __future__ import annotations

from pathlib import Path

from arkiv.tools.issue import form

ROOT = Path(__file__).resolve().parents[1]
FORM_FILE = ROOT / form.FORM
FIELDS = form.fields(FORM_FILE)

# A complete year for the test archive (tests/fixtures/archive/), whose next award year is 2025.
ANSWERS = {
    "ar": "2025",
    "vinnare": "Nacka kommun",
    "motivering": "En kommun som gör skillnad med mod och uthållighet.\n\nFör ett arbete som visar vägen.",
    "nominerade": "Nacka kommun\nVärmdö kommun\nStaffanstorps kommun",
    "finalister": "- Nacka kommun\n- Värmdö kommun",
    "jury": ("Ada Ekström, generaldirektör, Exempelmyndigheten (ordförande)\n"
             "Bert Lindqvist, professor, Exempeluniversitetet\nCarin Holm"),
    "hela_juryn": "Ja",
    "datum": "11 november 2025",
    "plats": "Exempelhallen, Göteborg",
    "prisutdelare": "Dan Strand, civilminister",
    "kallor": ("https://www.exempel.se/utmarkelser/vinnare-2025 Vinnaren av utmärkelsen 2025\n"
               "https://nyheter.exempel.se/2025/nacka Nacka vann"),
}


# The body GitHub writes for the answers (ANSWERS, with changes; None leaves a field empty).
def issue_body(**changes: str | None) -> str:
    given = {**ANSWERS, **changes}
    return form.body(FIELDS, {k: v for k, v in given.items() if v is not None})
