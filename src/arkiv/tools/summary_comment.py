"""Pull requestens sammanfattning som en enda kommentar, uppdaterad vid varje körning (arbetsflödet pr-comment.yml).

pr.yml leaves its summary as the artifact "sammanfattning": Markdown files (the data check, the changes in words, the
pages and downloads that change, the preview) and nummer.txt, the pull request's number. The run that made it may be
a fork's, so everything in the artifact is untrusted text: the number must be a number, the text is posted as a
comment and nothing else (Markdown, which GitHub sanitises), cut to what a comment can hold. Only the standard
library: the job installs nothing.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from arkiv.tools.issue.github_api import Comments, RestGitHub

MARKER = "<!-- arkiv-sammanfattning -->"  # tells the summary comment from every other comment
LIMIT = 60_000  # GitHub refuses a comment over 65 536 characters
HEAD = "# Sammanfattning av pull requesten\n\nUppdateras vid varje körning av kontrollen.\n\n"


# The pull request's number and the comment's text, read from the artifact's folder; ValueError if it is not usable.
def read(folder: Path) -> tuple[int, str]:
    number = (folder / "nummer.txt").read_text(encoding="utf-8").strip()
    if not re.fullmatch(r"[1-9][0-9]{0,9}", number):
        raise ValueError(f"nummer.txt ska vara pull requestens nummer, inte {number[:40]!r}")
    parts = [p.read_text(encoding="utf-8", errors="replace").strip() for p in sorted(folder.glob("*.md"))]
    text = "\n\n".join(p.replace(MARKER, "") for p in parts if p)
    if len(text) > LIMIT:
        text = text[:LIMIT].rsplit("\n", 1)[0] + "\n\n… (förkortad: hela sammanfattningen står i körningens Summary)"
    return int(number), f"{MARKER}\n{HEAD}{text}\n"


# Post the summary, or replace the one posted before (the first comment with the marker); "ny" or "uppdaterad".
def post(api: Comments, number: int, body: str) -> str:
    earlier = next((cid for cid, text in api.comments(number) if text.startswith(MARKER)), None)
    if earlier is None:
        api.comment(number, body)
        return "ny"
    api.edit_comment(earlier, body)
    return "uppdaterad"


def main(argv: list[str]) -> int:
    number, body = read(Path(argv[0]))
    api = RestGitHub(os.environ["GITHUB_TOKEN"], os.environ["GITHUB_REPOSITORY"],
                     os.environ.get("GITHUB_API_URL", "https://api.github.com"))
    print(f"Sammanfattningen på pull request #{number}: {post(api, number, body)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
