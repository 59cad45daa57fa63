"""The ledger of published addresses reaches main even when main moves meanwhile (`python -m
arkiv.publishing.ledger`, the publishing workflow's record job; issue 22), against local bare git repositories.

`origin.git` stands for GitHub; `runner` is the record job's checkout, made before the concurrent push; `other` is
someone else who pushes to main in the middle of the job: a pre-push hook in `runner` lets the concurrent push land
after the job has made its commit and before its own push reaches the remote, which is exactly the race.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from arkiv.publishing.addresses import HEADER
from arkiv.publishing.ledger import LEDGER, MESSAGE

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
SEEDED = ["/", "/2023/"]
PUBLISHED = ["/", "/2023/", "/2023/#jury", "/kommuner/varmdo/"]  # the build's list: the seeded ones and two new


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, check=True, capture_output=True,
                          text=True).stdout.strip()


def ledger_text(addresses: list[str]) -> str:
    return HEADER + "\n".join(addresses) + "\n"


@pytest.fixture
def repos(tmp_path):
    """(origin.git, the record job's checkout, someone else's clone), main holding addresses.txt and a data file."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    seed = tmp_path / "seed"
    git(tmp_path, "clone", "-q", str(origin), str(seed))
    (seed / LEDGER).write_text(ledger_text(SEEDED), encoding="utf-8")
    (seed / "data").mkdir()
    (seed / "data" / "winners.yaml").write_text("- year: 2023\n", encoding="utf-8")
    git(seed, "add", "-A")
    git(seed, "commit", "-q", "-m", "Början")
    git(seed, "push", "-q", "origin", "HEAD:main")
    runner, other = tmp_path / "runner", tmp_path / "other"
    git(tmp_path, "clone", "-q", str(origin), str(runner))
    git(tmp_path, "clone", "-q", str(origin), str(other))
    return origin, runner, other


# In `runner`, a pre-push hook that, the first time, has `other` push a commit to main: a data edit and an address
# another publication recorded.
def push_meanwhile(runner: Path, other: Path) -> None:
    hook = runner / ".git" / "hooks" / "pre-push"
    marker = runner / ".git" / "pushed-meanwhile"
    hook.write_text(f"""#!/bin/sh
[ -e "{marker}" ] && exit 0
touch "{marker}"
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
cd "{other}" || exit 1
git pull -q --rebase origin main
echo "- year: 2025" >> data/winners.yaml
echo "/2025/" >> {LEDGER}
git commit -q -am "Någon annans ändring" && git push -q origin HEAD:main
""", encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IEXEC)


def save(runner: Path, tmp_path: Path, published: list[str]) -> subprocess.CompletedProcess:
    file = tmp_path / "published" / LEDGER
    file.parent.mkdir(exist_ok=True)
    file.write_text(ledger_text(published), encoding="utf-8")
    # As the record job runs it: the package's source on the path and no installed package (-S: no site-packages).
    env = {**os.environ, **GIT_ENV, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-S", "-m", "arkiv.publishing.ledger", str(file)], cwd=runner, env=env,
                          capture_output=True, text=True, timeout=120)


def listed(origin: Path) -> list[str]:
    text = git(origin, "show", f"main:{LEDGER}")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_a_push_that_lands_meanwhile_is_kept_and_every_address_recorded(repos, tmp_path):
    origin, runner, other = repos
    start = git(runner, "rev-parse", "HEAD")
    push_meanwhile(runner, other)
    result = save(runner, tmp_path, PUBLISHED)
    assert result.returncode == 0, result.stderr
    assert "main ändrades medan listan sparades; försöker igen" in result.stderr
    assert result.stdout.strip() == f"2 nya adresser i {LEDGER} på main."
    # Main moved forward only: the concurrent commit is the parent of the ledger's, and its edit is still there.
    concurrent = git(other, "rev-parse", "HEAD")
    assert git(origin, "rev-parse", "main^") == concurrent
    assert git(origin, "log", "-1", "--format=%s", "main") == MESSAGE
    assert git(origin, "diff", "--name-only", "main^", "main") == LEDGER
    assert "- year: 2025" in git(origin, "show", "main:data/winners.yaml")
    # No address lost: the branch's (its own new /2025/ included) in its order, then the build's new ones.
    assert listed(origin) == ["/", "/2023/", "/2025/", "/2023/#jury", "/kommuner/varmdo/"]
    # The job's checkout is untouched: same commit, nothing changed in its working tree.
    assert git(runner, "rev-parse", "HEAD") == start and git(runner, "status", "--porcelain") == ""


def test_nothing_new_makes_no_commit(repos, tmp_path):
    origin, runner, _ = repos
    before = git(origin, "rev-parse", "main")
    result = save(runner, tmp_path, SEEDED)
    assert result.returncode == 0 and result.stdout.strip() == "Inga nya adresser."
    assert git(origin, "rev-parse", "main") == before


def test_a_build_older_than_main_adds_only_what_main_lacks(repos, tmp_path):
    # The build's list lacks an address main recorded since: main keeps it, the build's new one is added.
    origin, runner, other = repos
    (other / LEDGER).write_text(ledger_text([*SEEDED, "/2025/"]), encoding="utf-8")
    git(other, "commit", "-q", "-am", "En senare publicering")
    git(other, "push", "-q", "origin", "HEAD:main")
    result = save(runner, tmp_path, ["/", "/kommuner/varmdo/"])
    assert result.returncode == 0, result.stderr
    assert listed(origin) == ["/", "/2023/", "/2025/", "/kommuner/varmdo/"]


def test_a_refused_push_is_not_retried_and_says_why(repos, tmp_path):
    origin, runner, _ = repos
    hook = origin / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'main är skyddad' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IEXEC)
    before = git(origin, "rev-parse", "main")
    result = save(runner, tmp_path, PUBLISHED)
    assert result.returncode == 1
    assert "Kunde inte skicka adresslistan till main" in result.stderr and "main är skyddad" in result.stderr
    assert "försöker igen" not in result.stderr
    assert git(origin, "rev-parse", "main") == before
