"""The workflow from-issue.yml's job (arkiv.tools.issue.job) against local bare git repositories, with a recorder in
place of GitHub's API: the branch, a commit that touches only data/, the pull request and the comments."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from archive_fixture import copy_archive
from arkiv.tools.issue import form, job
from issue_forms import FORM_FILE, issue_body

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, check=True, capture_output=True,
                          text=True).stdout.strip()


class Recorder:
    """GitHub's API as the job sees it: roles given, every call recorded."""

    def __init__(self, roles: dict[str, str]):
        self.roles, self.calls, self.pulls = roles, [], {}

    def role(self, user):
        self.calls.append(("role", user))
        return self.roles.get(user, "none")

    def pull_for(self, branch):
        return self.pulls.get(branch)

    def open_pull(self, branch, base, title, body):
        self.calls.append(("open_pull", branch, base, title, body))
        self.pulls[branch] = (7, "https://github.com/exempel/arkiv/pull/7")
        return self.pulls[branch]

    def comment(self, number, body):
        self.calls.append(("comment", number, body))

    def unlabel(self, number, label):
        self.calls.append(("unlabel", number, label))


@pytest.fixture
def repos(tmp_path, monkeypatch):
    """(origin.git, the job's checkout of main): main holds the test archive and the form."""
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    seed = tmp_path / "seed"
    git(tmp_path, "clone", "-q", str(origin), str(seed))
    copy_archive(seed / "data")
    (seed / form.FORM).parent.mkdir(parents=True)
    shutil.copyfile(FORM_FILE, seed / form.FORM)
    git(seed, "add", "-A")
    git(seed, "commit", "-q", "-m", "Början")
    git(seed, "push", "-q", "origin", "HEAD:main")
    runner = tmp_path / "runner"
    git(tmp_path, "clone", "-q", str(origin), str(runner))
    return origin, runner


def event(body: str, label: str = job.TRIGGER, labeller: str = "ansvarig") -> job.Event:
    return job.Event(number=42, body=body, label=label, labeller=labeller)


def test_a_labelled_form_becomes_a_branch_a_pull_request_and_a_comment(repos):
    origin, runner = repos
    api = Recorder({"ansvarig": "triage"})
    start = time.monotonic()
    said = job.run(event(issue_body()), runner, api)
    took = time.monotonic() - start
    branch = "nytt-ar/2025-arende-42"
    assert git(origin, "rev-parse", f"{branch}~1") == git(origin, "rev-parse", "main")
    touched = git(origin, "diff", "--name-only", "main", branch).splitlines()
    assert touched == ["data/award.yaml", "data/cycles/2025.yaml", "data/sources.yaml", "data/winners.yaml"]
    assert git(origin, "log", "-1", "--format=%s", branch) == "Lägg till 2025 ur ärende #42"
    opened = [c for c in api.calls if c[0] == "open_pull"]
    assert len(opened) == 1
    _, head, base, title, body = opened[0]
    assert (head, base, title) == (branch, "main", "Nytt utmärkelseår 2025: Nacka kommun")
    assert body.startswith("Fixes #42\n") and "`data/cycles/2025.yaml`" in body
    comments = [c for c in api.calls if c[0] == "comment"]
    assert comments == [("comment", 42, said)]
    assert "https://github.com/exempel/arkiv/pull/7" in said
    assert ("unlabel", 42, job.TRIGGER) in api.calls
    print(f"\nfrån etikett till pull request: {took:.2f} s")


def test_labelled_again_after_an_edit_updates_the_branch_and_opens_no_second_pull_request(repos):
    origin, runner = repos
    api = Recorder({"ansvarig": "write"})
    job.run(event(issue_body()), runner, api)
    git(runner, "switch", "-q", "main")
    git(runner, "checkout", "-q", "--", ".")
    job.run(event(issue_body(vinnare="Värmdö kommun")), runner, api)
    assert len([c for c in api.calls if c[0] == "open_pull"]) == 1
    winners = git(origin, "show", "nytt-ar/2025-arende-42:data/winners.yaml")
    assert "winner: Värmdö kommun" in winners.split("- year: 2023")[0]


def test_a_refused_form_gets_a_comment_and_pushes_nothing(repos):
    origin, runner = repos
    api = Recorder({"ansvarig": "admin"})
    said = job.run(event(issue_body(vinnare="Borås stad", datum="31/11/2025")), runner, api)
    assert git(origin, "for-each-ref", "--format=%(refname)", "refs/heads").split() == ["refs/heads/main"]
    assert [c[0] for c in api.calls] == ["role", "unlabel", "comment"]
    assert "- Vinnare: Borås stad är inte skrivet som i kommunregistret. Skriv Borås Stad." in said
    assert "- Prisutdelningens datum: 31/11/2025 är inget datum (dagen 31 finns inte i november 2025)." in said
    assert "skapa-pr" in said and "Inget har ändrats" in said
    assert git(runner, "status", "--porcelain") == ""


@pytest.mark.parametrize(("label", "labeller"), [("nytt-år", "ansvarig"), (job.TRIGGER, "besokare")])
def test_another_label_or_a_labeller_without_triage_does_nothing(repos, label, labeller):
    origin, runner = repos
    api = Recorder({"ansvarig": "maintain", "besokare": "read"})
    assert job.run(event(issue_body(), label=label, labeller=labeller), runner, api) == ""
    assert not [c for c in api.calls if c[0] != "role"]
    assert git(origin, "for-each-ref", "--format=%(refname)", "refs/heads").split() == ["refs/heads/main"]


def test_the_event_is_read_from_its_file(tmp_path):
    path = tmp_path / "event.json"
    path.write_text(json.dumps({"action": "labeled", "issue": {"number": 5, "body": "### Utmärkelseår\n\n2025"},
                                "label": {"name": "skapa-pr"}, "sender": {"login": "ansvarig"}}), encoding="utf-8")
    assert job.read_event(path) == job.Event(5, "### Utmärkelseår\n\n2025", "skapa-pr", "ansvarig")
