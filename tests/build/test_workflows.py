"""The GitHub Actions workflows: valid against the workflow schema (offline), and doing what the project needs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from github_schemas import check

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
ZIZMOR = Path(sys.executable).parent / "zizmor"
# `uses: owner/action@<full commit> # v1.2.3`: the commit runs, the comment says which release it is (Dependabot
# updates both).
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_workflows_exist():
    assert sorted(p.name for p in WORKFLOWS.glob("*.yml")) == ["deploy.yml", "from-issue.yml", "pr-comment.yml",
                                                               "pr.yml"]


def test_workflows_are_valid():
    result = check("vendor.github-workflows", *sorted(WORKFLOWS.glob("*.yml")))
    assert result.valid, result.output


BROKEN = {
    "misspelt-key": ("name: x\non: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    step:\n"
                     "      - run: echo\n"),
    "no-runner": "name: x\non: pull_request\njobs:\n  a:\n    steps:\n      - run: echo\n",
    "unknown-event": ("name: x\non: pull_requests\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo\n"),
    "bad-permission": "name: x\non: push\npermissions:\n  pages: publish\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                      "    steps:\n      - run: echo\n",
    "step-without-action": ("name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                            "      - name: nothing\n"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_workflow_is_caught(tmp_path, name):
    broken = tmp_path / f"{name}.yml"
    broken.write_text(BROKEN[name], encoding="utf-8")
    result = check("vendor.github-workflows", broken)
    assert result.refused, f"{name} was not refused by the workflow schema:\n{result.output}"


def test_pull_request_checks_tests_and_builds():
    pr = load("pr.yml")
    assert "pull_request" in (pr["on"] if isinstance(pr["on"], (dict, list)) else [pr["on"]])
    (job,) = pr["jobs"].values()
    runs = [s.get("run", "") for s in steps(job)]
    # Python 3.11 on Debian 12, where apt's chromium is a real browser (not Ubuntu's snap wrapper).
    assert job["container"] == "python:3.11-bookworm"
    for command in ("python3 dev.py check", "python3 dev.py test", "python3 dev.py build"):
        assert any(r.startswith(command) for r in runs), command
    assert pr.get("permissions") == {} and job["permissions"] == {"contents": "read"}


def test_deploy_builds_and_publishes_pages_from_main():
    deploy = load("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    assert any(s.get("run", "").startswith("python3 dev.py build") for s in steps(build))
    upload = next(s for s in steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps(publish))
    # Only the publishing job may write to Pages.
    assert deploy.get("permissions") == {} and build["permissions"] == {"contents": "read"}


def test_publishing_records_the_published_addresses():
    # After the site is online, the ledger gains the build's new addresses and is committed: no manual step.
    deploy = load("deploy.yml")
    build, record = deploy["jobs"]["build"], deploy["jobs"]["record"]
    runs = [s.get("run", "") for s in steps(build)]
    assert runs.index(".venv/bin/python -m arkiv.publishing.addresses record site addresses.txt") > next(
        i for i, r in enumerate(runs) if r.startswith("python3 dev.py build"))
    assert record["needs"] == "deploy" and record["permissions"] == {"contents": "write"}
    # The job only calls the ledger command (tests/build/test_ledger.py races it), on the build's list, downloaded
    # beside the checkout; the command needs nothing but the package's source.
    download = step(record, "actions/download-artifact@")
    save = step(record, "python3 -m arkiv.publishing.ledger")
    assert save["run"] == f"python3 -m arkiv.publishing.ledger {download['with']['path']}/addresses.txt"
    assert save["env"] == {"PYTHONPATH": "src"}
    assert download["with"]["name"] == next(s["with"]["name"] for s in steps(build)
                                            if s.get("uses", "").startswith("actions/upload-artifact@"))


def test_pull_request_tests_compare_with_the_base_branch():
    # tests/test_addresses.py builds the branch the pull request merges into and compares published addresses.
    pr = load("pr.yml")
    test = next(s for s in steps(pr["jobs"]["check"]) if s.get("run", "").startswith("python3 dev.py test"))
    assert test["env"]["ARKIV_BASE_REF"] == "origin/${{ github.base_ref }}"


def test_every_action_is_pinned_to_a_commit_with_its_version():
    uses = [(path.name, line) for path in sorted(WORKFLOWS.glob("*.yml"))
            for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(- )?uses:", line)]
    assert len(uses) >= 9
    loose = [f"{name}: {line.strip()}" for name, line in uses if not PINNED.match(line)]
    assert not loose, "pin these to a commit, with the version as a comment:\n" + "\n".join(loose)


def test_only_a_job_that_pushes_keeps_the_token_and_every_job_names_its_permissions():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        workflow = load(path.name)
        assert workflow["permissions"] == {}, path.name  # nothing unless a job asks
        for name, job in workflow["jobs"].items():
            pushes = any(word in s.get("run", "") for s in steps(job)
                         for word in ("git push", "arkiv.publishing.ledger", "arkiv.tools.issue.job"))
            assert "permissions" in job, (path.name, name)
            assert (job["permissions"].get("contents") == "write") == pushes, (path.name, name)
            for s in steps(job):
                if s.get("uses", "").startswith("actions/checkout@"):
                    assert s["with"]["persist-credentials"] is pushes, (path.name, name)


def test_a_labelled_issue_runs_the_job_with_least_privilege_and_no_issue_text_in_a_command():
    from arkiv.tools.issue import form, job
    flow = load("from-issue.yml")
    assert flow["on"] == {"issues": {"types": ["labeled"]}}
    (year,) = flow["jobs"].values()
    assert year["if"] == f"${{{{ github.event.label.name == '{job.TRIGGER}' }}}}"
    assert year["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    # The form's own labels are set for anyone who opens it: the trigger is another label.
    form_labels = yaml.safe_load((ROOT / form.FORM).read_text(encoding="utf-8"))["labels"]
    assert job.TRIGGER not in form_labels
    runs = [s["run"] for s in steps(year) if "run" in s]
    assert runs[-1] == ".venv/bin/python -m arkiv.tools.issue.job"
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert "github.event.issue" not in line or "number" in line, (path.name, line)
    for run in runs:
        assert "${{" not in run, run
    envs = [v for s in steps(year) for v in s.get("env", {}).values()]
    assert not any("issue" in v or "comment" in v or "head_ref" in v for v in envs), envs


def test_the_preview_links_the_data_files_at_the_pull_requests_commit():
    preview = step(load("pr.yml")["jobs"]["check"], "python3 dev.py build --offline")
    assert preview["env"] == {"ARKIV_SOURCE_REF": "${{ github.event.pull_request.head.sha }}"}


def test_the_summary_is_posted_as_one_comment_from_a_separate_workflow_run_job():
    pr = load("pr.yml")["jobs"]["check"]
    saved = next(s for s in steps(pr) if s.get("with", {}).get("name") == "sammanfattning")
    assert saved["uses"].startswith("actions/upload-artifact@") and saved["if"] == "${{ !cancelled() }}"
    assert saved["with"]["path"].rstrip("/") == "sammanfattning"
    number = step(pr, 'echo "$PR_NUMBER"')
    assert number["env"] == {"PR_NUMBER": "${{ github.event.pull_request.number }}"}
    flow = load("pr-comment.yml")
    assert flow["on"] == {"workflow_run": {"workflows": [load("pr.yml")["name"]], "types": ["completed"]}}
    (job,) = flow["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    checkout = step(job, "actions/checkout@")
    assert set(checkout["with"]) == {"persist-credentials"}  # the default branch's code, never the pull request's
    download = step(job, "actions/download-artifact@")
    assert download["with"]["name"] == "sammanfattning"
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    assert step(job, "python3 -m arkiv.tools.summary_comment")["run"] == \
        'python3 -m arkiv.tools.summary_comment "$SUMMARY"'
    text = (WORKFLOWS / "pr-comment.yml").read_text(encoding="utf-8")
    assert "head_sha" not in text and "head_branch" not in text and "pull_requests" not in text
    # zizmor flags every workflow_run; this one is ignored with its reason on the trigger, and nothing else is.
    ignores = [ln for p in WORKFLOWS.glob("*.yml") for ln in p.read_text(encoding="utf-8").splitlines()
               if "zizmor: ignore" in ln]
    assert ignores == ["  workflow_run:  # zizmor: ignore[dangerous-triggers] the known-safe split: no checkout of "
                       "the pull request's code"]


def test_zizmor_finds_nothing():
    result = subprocess.run([str(ZIZMOR), "--offline", str(WORKFLOWS)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_catches_a_movable_tag_and_a_kept_token(tmp_path):
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "x.yml").write_text("name: x\non: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                                    "    permissions:\n      contents: read\n    steps:\n"
                                    "      - uses: actions/checkout@v4\n", encoding="utf-8")
    result = subprocess.run([str(ZIZMOR), "--offline", str(folder)], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout and "artipacked" in result.stdout, result.stdout


def step(job: dict, starts: str) -> dict:
    found = [s for s in steps(job) if s.get("run", "").startswith(starts) or s.get("uses", "").startswith(starts)]
    assert len(found) == 1, (starts, found)
    return found[0]


def test_pull_request_annotates_data_errors_on_their_lines():
    (job,) = load("pr.yml")["jobs"].values()
    run = step(job, "python3 dev.py check")["run"]
    assert run.startswith("python3 dev.py check --format github --summary sammanfattning/1-kontroll.md && code=0 ||")
    assert run.rstrip().endswith('exit "$code"')  # the step still fails on an error


def test_pull_request_describes_its_changes_in_the_job_summary():
    (job,) = load("pr.yml")["jobs"].values()
    checkout = step(job, "actions/checkout@")
    # The base branch must be in the clone for `arkiv changes` to read it.
    assert checkout["with"]["fetch-depth"] == 0
    changes = step(job, ".venv/bin/arkiv changes")
    assert changes["run"].startswith('.venv/bin/arkiv changes "$BASE" --name "$BASE_NAME" > sammanfattning/')
    assert changes["env"] == {"BASE": "origin/${{ github.base_ref }}", "BASE_NAME": "${{ github.base_ref }}"}
    # Also when the data check failed: the summary then says the data does not load.
    assert changes["if"] == "${{ !cancelled() }}"
    names = [s.get("name") for s in steps(job)]
    assert names.index(changes["name"]) > names.index(step(job, "python3 dev.py check")["name"])


def test_pull_request_uploads_the_built_site_and_says_how_to_open_it(tmp_path):
    (job,) = load("pr.yml")["jobs"].values()
    runs = [s.get("run", "") for s in steps(job)]
    upload = next(s for s in steps(job) if s.get("with", {}).get("name") == "forhandsvisning")
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["path"].rstrip("/") == "site"
    assert upload["with"]["if-no-files-found"] == "error"
    # The strict published build first, then the preview that opens from the file system, which is uploaded.
    assert runs.index("python3 dev.py build") < runs.index("python3 dev.py build --offline") < steps(job).index(upload)
    note = next(s for s in steps(job) if "GITHUB_STEP_SUMMARY" in s.get("run", "") and "index.html" in s["run"])
    assert note["env"]["PREVIEW_URL"] == f"${{{{ steps.{upload['id']}.outputs.artifact-url }}}}"
    text = preview_note(tmp_path)  # as the runner writes it: it names the artifact and how long it is kept
    assert f"{upload['with']['name']}.zip" in text
    assert f"sparas i {upload['with']['retention-days']} dagar" in text


# The preview note as the runner writes it: the step's script run by bash, into a summary file.
def preview_note(tmp_path: Path) -> str:
    (job,) = load("pr.yml")["jobs"].values()
    note = next(s for s in steps(job) if "GITHUB_STEP_SUMMARY" in s.get("run", "") and "index.html" in s["run"])
    summary = tmp_path / "summary.md"
    (tmp_path / "sammanfattning").mkdir()
    env = {"PATH": "/usr/bin:/bin", "GITHUB_STEP_SUMMARY": str(summary), "PREVIEW_URL": "https://example.invalid/zip"}
    result = subprocess.run(["bash", "-e", "-c", note["run"]], env=env, capture_output=True, text=True, timeout=30,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # The same note goes into the comment (pr-comment.yml).
    assert (tmp_path / "sammanfattning" / "4-forhandsvisning.md").read_text(encoding="utf-8") == \
        summary.read_text(encoding="utf-8")
    return summary.read_text(encoding="utf-8")


def test_preview_note_renders_as_markdown(tmp_path):
    text = preview_note(tmp_path)
    assert text.startswith("\n## Förhandsvisning av sajten\n")
    # Three steps, none in a terminal: download, unzip, double-click index.html.
    numbered = re.findall(r"^(\d)\. \*\*([^*]+)\*\*", text, re.M)
    assert numbered == [("1", "Ladda ner"), ("2", "Packa upp"), ("3", "Dubbelklicka på `index.html`")], text
    assert "1. **Ladda ner** [forhandsvisning.zip](https://example.invalid/zip)." in text
    for word in ("terminal", "http.server", "unzip", "localhost", "```"):
        assert word not in text, word
    assert "$" not in text and "EOF" not in text


def test_pull_request_lists_the_pages_it_changes_before_the_preview():
    (job,) = load("pr.yml")["jobs"].values()
    listed = step(job, ".venv/bin/arkiv pages-changed")
    assert listed["run"].startswith('.venv/bin/arkiv pages-changed "$BASE" --name "$BASE_NAME" > sammanfattning/')
    assert listed["env"] == {"BASE": "origin/${{ github.base_ref }}", "BASE_NAME": "${{ github.base_ref }}"}
    # It compares the published build (site/ before the preview replaces it) with the base branch's.
    runs = [s.get("run", "") for s in steps(job)]
    assert runs.index("python3 dev.py build") < runs.index(listed["run"]) < runs.index("python3 dev.py build --offline")


# `python3 dev.py test` runs zizmor beside ruff, mypy and the tests, and a finding fails the command (the tools are
# recorded here, not run: zizmor alone answers 14, its exit code for a high finding).
def test_the_test_command_fails_on_a_zizmor_finding(monkeypatch):
    import importlib.util
    spec = importlib.util.spec_from_file_location("dev_command", ROOT / "dev.py")
    assert spec and spec.loader
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    ran = []

    def run(*cmd, check=True, **kw):
        ran.append([str(c) for c in cmd])
        return 0

    def beside(*cmd):
        ran.append([str(c) for c in cmd])
        return cmd

    monkeypatch.setattr(dev, "run", run)
    monkeypatch.setattr(dev, "beside", beside)
    monkeypatch.setattr(dev, "report", lambda cmd: 14 if Path(str(cmd[0])).name == "zizmor" else 0)
    monkeypatch.setattr(dev, "ensure_env", lambda extra_test: None)
    monkeypatch.setattr(dev, "ensure_system_packages", lambda: None)
    assert dev.main(["test"]) == 14
    assert [Path(c[0]).name for c in ran] == ["ruff", "mypy", "zizmor", "pytest"]
    assert ran[2][1:] == ["--offline", ".github/workflows/"]
