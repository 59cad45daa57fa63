"""`arkiv pages-changed VERSION` (issue 22): the pages a change gives new content, compared with the build of the branch
it is to be merged into, on a small archive the test makes.

A git repository holding the project with the test archive as its data, committed on 1 January 2020 (so every page's
"uppgifterna senast ändrade" differs between the committed version, which the command exports without history, and
the working tree); then one word of the oldest year's motivation is corrected and the working tree is built. The list
must be exactly the pages that show that motivation, each as changed, and nothing else.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from archive_fixture import copy_archive
from arkiv.tools import pages_changed as pc

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]  # not `from conftest import`: tests/browser has a conftest too
ARKIV = Path(sys.executable).parent / "arkiv"
PROJECT = ("mkdocs.yml", "hooks", "docs", "overrides", "src")  # what a build needs besides data/
OLD_WORD, NEW_WORD = "juryns motivering 2015", "juryns rättade motivering 2015"
ROW = re.compile(r"^\| (?:\[`([^`]+)`\]\(([^)]+)\)|`([^`]+)`) \| (\S+) \| `([^`]+)` \|$", re.M)


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2020-01-01T12:00:00", "GIT_COMMITTER_DATE": "2020-01-01T12:00:00",
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.org"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def corrected(tmp_path_factory, build):
    """(the repository, its working tree built after the correction, the command's output)."""
    repo = tmp_path_factory.mktemp("pages-changed") / "repo"
    repo.mkdir()
    for name in PROJECT:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copyfile(ROOT / name, repo / name)
    copy_archive(repo / "data")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Testarkivet")
    winners = repo / "data" / "winners.yaml"
    text = winners.read_text(encoding="utf-8")
    assert text.count(OLD_WORD) == 1
    winners.write_text(text.replace(OLD_WORD, NEW_WORD), encoding="utf-8")
    site = repo / "site"
    result = build(repo, site)
    assert result.returncode == 0, result.stdout + result.stderr
    listed = subprocess.run([str(ARKIV), "pages-changed", "main"], cwd=repo, capture_output=True, text=True,
                            timeout=600)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    return repo, site, listed.stdout


def test_a_corrected_motivation_changes_its_pages_and_nothing_else(corrected):
    _, site, out = corrected
    rows = ROW.findall(out)
    listed = {(linked or plain): (kind, file) for linked, _, plain, kind, file in rows}
    quoting = {address for address, page in pc.site_pages(site).items() if NEW_WORD in pc.content(page)}
    assert "/2015/" in quoting and len(quoting) < len(pc.site_pages(site)) / 2
    assert set(listed) == quoting, out
    assert all(kind == "ändrad" for kind, _ in listed.values())
    # Each row names the page's file in the preview, and links to the page as it is published.
    for address, (_, file) in listed.items():
        assert file == (address.lstrip("/") + "index.html"), (address, file)
    assert "(https://sveriges-digitaliseringskommun.github.io/arkiv/2015/)" in out
    assert out.startswith("## Sidor som ändras jämfört med `main`")
    total = len(pc.site_pages(site))
    assert f"{len(quoting)} {'sida ändras' if len(quoting) == 1 else 'sidor ändras'} av {total}." in out


def test_the_dates_of_the_data_differ_but_count_for_nothing(corrected):
    # Pages built only from files the correction left alone say their data last changed in 2020 (the working tree's
    # git history); the exported version has no history, so its pages give another date. They are not listed.
    _, site, out = corrected
    dated = [address for address, page in pc.site_pages(site).items()
             if "uppgifterna senast ändrade 1 januari 2020" in page.read_text(encoding="utf-8")]
    assert dated
    assert not [a for a in dated if f"`{a}`" in out]


def test_a_version_that_does_not_exist_is_named(corrected):
    repo, _, _ = corrected
    result = subprocess.run([str(ARKIV), "pages-changed", "finns-inte"], cwd=repo, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Kan inte jämföra med finns-inte" in result.stderr and "finns inte i git-arkivet" in result.stderr
    missing = subprocess.run([str(ARKIV), "pages-changed", "main", "--site", "inget-bygge"], cwd=repo,
                             capture_output=True, text=True)
    assert missing.returncode == 1 and "Hittar ingen byggd sajt i inget-bygge" in missing.stderr


def test_the_downloads_the_correction_changes_are_listed_too(corrected):
    # The motivation is in vinnare.csv and arkiv.json, not in the jury's or the sources' lists; the build's own dates
    # (arkiv.json's, the feed's) count for nothing.
    _, _, out = corrected
    section = out[out.index("## Filer att ladda ner som ändras jämfört med `main`"):]
    listed = re.findall(r"^- `([^`]+)`: (\w+)$", section, re.M)
    assert ("data/vinnare.csv", "ändrad") in listed and ("data/arkiv.json", "ändrad") in listed
    assert not [name for name, _ in listed if name in ("data/juryer.csv", "data/kallor.csv")]
