"""The few calls to GitHub's REST API that the issue job makes, behind one small seam the tests replace."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Protocol

# The repository roles that may set labels: only they can start the job.
TRIAGE_OR_MORE = frozenset({"triage", "write", "maintain", "admin"})


class GitHub(Protocol):
    """What the job asks of GitHub."""

    # The labeller's role in the repository: read, triage, write, maintain, admin (or none).
    def role(self, user: str) -> str: ...

    # The open pull request from a branch, as (number, address), or None.
    def pull_for(self, branch: str) -> tuple[int, str] | None: ...

    # Open a pull request; its (number, address).
    def open_pull(self, branch: str, base: str, title: str, body: str) -> tuple[int, str]: ...

    # Comment on an issue or pull request.
    def comment(self, number: int, body: str) -> None: ...

    # Take a label off an issue, so that setting it again starts the job again.
    def unlabel(self, number: int, label: str) -> None: ...


class Comments(Protocol):
    """What posting one summary comment asks of GitHub."""

    # Every comment on an issue or pull request, as (id, body).
    def comments(self, number: int) -> list[tuple[int, str]]: ...

    def comment(self, number: int, body: str) -> None: ...

    # Replace a comment's text.
    def edit_comment(self, comment_id: int, body: str) -> None: ...


class RestGitHub:
    """GitHub's REST API with the workflow's token, for one repository."""

    def __init__(self, token: str, repository: str, api: str = "https://api.github.com"):
        self.token, self.base = token, f"{api}/repos/{repository}"
        self.owner = repository.split("/")[0]

    def _call(self, method: str, path: str, payload: dict | None = None):
        request = urllib.request.Request(
            self.base + path, method=method, data=json.dumps(payload).encode() if payload is not None else None,
            headers={"Authorization": f"Bearer {self.token}", "Accept": "application/vnd.github+json",
                     "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "arkiv-from-issue"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")

    def role(self, user: str) -> str:
        try:
            found = self._call("GET", f"/collaborators/{user}/permission")
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return "none"
            raise
        return found.get("role_name") or found.get("permission") or "none"

    def pull_for(self, branch: str) -> tuple[int, str] | None:
        pulls = self._call("GET", f"/pulls?state=open&head={self.owner}:{branch}")
        return (pulls[0]["number"], pulls[0]["html_url"]) if pulls else None

    def open_pull(self, branch: str, base: str, title: str, body: str) -> tuple[int, str]:
        pull = self._call("POST", "/pulls", {"head": branch, "base": base, "title": title, "body": body})
        return pull["number"], pull["html_url"]

    def comment(self, number: int, body: str) -> None:
        self._call("POST", f"/issues/{number}/comments", {"body": body})

    def comments(self, number: int) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        for page in range(1, 11):  # at most 1 000 comments: the summary is among the first
            found = self._call("GET", f"/issues/{number}/comments?per_page=100&page={page}")
            out += [(c["id"], c.get("body") or "") for c in found]
            if len(found) < 100:
                break
        return out

    def edit_comment(self, comment_id: int, body: str) -> None:
        self._call("PATCH", f"/issues/comments/{comment_id}", {"body": body})

    def unlabel(self, number: int, label: str) -> None:
        try:
            self._call("DELETE", f"/issues/{number}/labels/{urllib.parse.quote(label)}")
        except urllib.error.HTTPError as exc:
            if exc.code != 404:  # already taken off
                raise
