"""The one git runner (arkiv.git): git's output, and one kind of error, in Swedish, for a failure, a missing git and
a git that takes longer than the time limit."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from arkiv import git


def test_output_of_a_command_that_succeeds(tmp_path):
    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    assert git.run(tmp_path, "rev-parse", "--show-toplevel").strip() == str(tmp_path.resolve())
    blob = git.run(tmp_path, "hash-object", "-w", "--stdin", stdin="hej\n").strip()
    assert git.run_bytes(tmp_path, "cat-file", "-p", blob) == b"hej\n"


def test_a_failing_command_raises_git_error_with_gits_words(tmp_path):
    with pytest.raises(git.GitError, match=r"^git rev-parse misslyckades: .*not a git repository"):
        git.run(tmp_path, "rev-parse", "--show-toplevel")


def test_a_missing_git_raises_git_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(git.GitError, match="Hittar inte programmet git"):
        git.run(tmp_path, "status")


def test_a_git_that_hangs_is_stopped_at_the_time_limit(tmp_path, monkeypatch):
    stub = tmp_path / "git"
    stub.write_text(f"#!/bin/sh\nexec {shutil.which('sleep')} 30\n")
    stub.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(git, "TIMEOUT", 0.3)
    with pytest.raises(git.GitError, match=r"^git status svarade inte på 0\.3 sekunder och stoppades\.$"):
        git.run(tmp_path, "status")
