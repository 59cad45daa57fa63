"""What the workflow from-issue.yml runs when an issue from the form gets the label skapa-pr: the year written into
data/, committed alone on a branch, pushed, and a pull request opened that fixes the issue; or a comment on the issue
saying what to change.

The issue's text is read from the event's file (GITHUB_EVENT_PATH) here, never put into a shell command. Calls to
GitHub go through github_api.GitHub, which the tests replace with a recorder.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from arkiv import git
from arkiv.tools.issue import form
from arkiv.tools.issue.github_api import TRIAGE_OR_MORE, GitHub, RestGitHub
from arkiv.tools.issue.run import from_issue

TRIGGER = "skapa-pr"  # the label a maintainer sets; not the form's own label, which anyone's issue gets
BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


@dataclass(frozen=True)
class Event:
    """What the job needs from the labelled issue's event."""

    number: int
    body: str
    label: str
    labeller: str


# The event GitHub wrote for the label, read from its JSON file.
def read_event(path: Path) -> Event:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Event(number=int(data["issue"]["number"]), body=data["issue"].get("body") or "",
                 label=(data.get("label") or {}).get("name", ""), labeller=data["sender"]["login"])


def _git(repo: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": BOT[0], "GIT_AUTHOR_EMAIL": BOT[1], "GIT_COMMITTER_NAME": BOT[0],
           "GIT_COMMITTER_EMAIL": BOT[1]}
    return git.run(repo, *args, env=env).strip()


# The comment for a form that did not become a year: every problem, and what happens next.
def refusal(problems: tuple[str, ...]) -> str:
    items = "\n".join(f"- {p}" for p in problems)
    return ("Det här ärendet kunde inte bli ett nytt år i arkivet ännu. Ändra det här i ärendet:\n\n"
            f"{items}\n\nRedigera ärendet (… högst upp till höger, *Edit*) och spara. Be sedan en av arkivets "
            f"ansvariga att sätta etiketten `{TRIGGER}` igen (den är borttagen nu), så görs ett nytt försök. "
            "Inget har ändrats i arkivet.")


# The pull request's title and body for the year.
def pull_text(number: int, year: int, winner: str, written: tuple[str, ...]) -> tuple[str, str]:
    files = "\n".join(f"- `{w}`" for w in written)
    body = (f"Fixes #{number}\n\nÅret {year} ur ärendet #{number}, skrivet med `arkiv from-issue`. Filerna:\n\n"
            f"{files}\n\nKontrollera i förhandsvisningen att sidan för {year} säger det källorna säger, och ta "
            "bort en källa från en uppgift som den inte styrker.")
    return f"Nytt utmärkelseår {year}: {winner}", body


# The whole job for one event, in a checkout of the base branch; the text of the comment it posted (or "").
def run(event: Event, repo: Path, api: GitHub, remote: str = "origin", base: str = "main") -> str:
    if event.label != TRIGGER:
        return ""
    role = api.role(event.labeller)
    if role not in TRIAGE_OR_MORE:
        print(f"{event.labeller} har rollen {role}: bara den som får sätta etiketter startar jobbet.", file=sys.stderr)
        return ""
    api.unlabel(event.number, TRIGGER)
    outcome = from_issue(event.body, repo / "data", repo / form.FORM)
    if not outcome.ok:
        api.comment(event.number, text := refusal(outcome.problems))
        return text
    branch = f"nytt-ar/{outcome.year}-arende-{event.number}"
    _git(repo, "switch", "--quiet", "-C", branch)
    _git(repo, "add", "--", *outcome.written)
    _git(repo, "commit", "--quiet", "-m", f"Lägg till {outcome.year} ur ärende #{event.number}",
         "-m", "Skrivet med arkiv from-issue ur formuläret Nytt utmärkelseår.")
    _git(repo, "push", "--quiet", "--force", remote, f"HEAD:refs/heads/{branch}")
    title, body = pull_text(event.number, outcome.year, outcome.winner, outcome.written)
    found = api.pull_for(branch)
    number, address = found or api.open_pull(branch, base, title, body)
    text = (f"Året {outcome.year} finns nu i pull requesten {address} (#{number}). Kontrollerna körs där, och en "
            "förhandsvisning av sajten läggs upp. När den slagits ihop med main publiceras året och ärendet stängs.")
    api.comment(event.number, text)
    return text


def main() -> int:
    event = read_event(Path(os.environ["GITHUB_EVENT_PATH"]))
    api = RestGitHub(os.environ["GITHUB_TOKEN"], os.environ["GITHUB_REPOSITORY"],
                     os.environ.get("GITHUB_API_URL", "https://api.github.com"))
    run(event, Path.cwd(), api, base=os.environ.get("BASE_BRANCH", "main"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
