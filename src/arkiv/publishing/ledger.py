"""Adresslistan till main efter en publicering, också när någon annan hann skicka något till main under tiden.

`python -m arkiv.publishing.ledger FILE` (the publishing workflow's record job) adds the addresses of FILE (the
published build's addresses.txt, see arkiv.publishing.addresses) to addresses.txt on the remote branch:
1. fetch the branch's newest commit;
2. write the union of the two lists (every address of the branch's list, in its order, then each address of FILE it
   lacks), so no address is ever lost, neither the branch's nor the build's;
3. commit that one file on top of the fetched commit, with git's plumbing (the working tree, the index and HEAD of the
   checkout are never touched), and push it without force.
A push rejected because the branch moved meanwhile is tried again from step 1, on top of the newer commit: the branch
only ever moves forward, so an older tree can never replace a newer one. Nothing to add: no commit. Only the standard
library and git: the job runs it without installing the project.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from arkiv import git
from arkiv.publishing.addresses import HEADER, read_addresses

LEDGER = "addresses.txt"  # its path in the repository
MESSAGE = "Adresslistan: sajtens nya publicerade adresser [skip ci]"  # [skip ci]: the commit publishes nothing again
BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")
ATTEMPTS = 5


class LedgerError(Exception):
    """Why the list could not be saved, in Swedish."""


# Run git in the repository (arkiv.git); its output, or LedgerError with git's own words.
def _git(repo: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> str:
    try:
        return git.run(repo, *args, stdin=stdin, env=env)
    except git.GitError as exc:
        raise LedgerError(str(exc)) from None


# The branch's newest commit on the remote, fetched.
def _fetch(repo: Path, remote: str, branch: str) -> str:
    _git(repo, "fetch", "--quiet", remote, f"refs/heads/{branch}")
    return _git(repo, "rev-parse", "FETCH_HEAD").strip()


# The list in a commit (empty if the commit has none).
def _addresses_at(repo: Path, commit: str) -> list[str]:
    try:
        lines = _git(repo, "show", f"{commit}:{LEDGER}").splitlines()
    except LedgerError:
        lines = []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


# The commit that changes only the list, on top of `parent`: the list's new text, nothing else in the tree.
def _commit(repo: Path, parent: str, text: str) -> str:
    blob = _git(repo, "hash-object", "-w", "--stdin", stdin=text).strip()
    with tempfile.TemporaryDirectory(prefix="arkiv-ledger-") as tmp:
        index = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        _git(repo, "read-tree", parent, env=index)
        _git(repo, "update-index", "--add", "--cacheinfo", f"100644,{blob},{LEDGER}", env=index)
        tree = _git(repo, "write-tree", env=index).strip()
    who = {"GIT_AUTHOR_NAME": BOT[0], "GIT_AUTHOR_EMAIL": BOT[1], "GIT_COMMITTER_NAME": BOT[0],
           "GIT_COMMITTER_EMAIL": BOT[1]}
    return _git(repo, "commit-tree", tree, "-p", parent, "-m", MESSAGE, env=who).strip()


# Add the addresses of `published` to the branch's list and push; returns how many were new. Retries (up to
# `attempts` times) only when the branch moved while this ran; any other failure raises LedgerError.
def save(repo: Path, published: list[str], remote: str = "origin", branch: str = "main",
         attempts: int = ATTEMPTS) -> int:
    for attempt in range(1, attempts + 1):
        tip = _fetch(repo, remote, branch)
        old = _addresses_at(repo, tip)
        known = set(old)
        new = [a for a in dict.fromkeys(published) if a not in known]
        if not new:
            return 0
        commit = _commit(repo, tip, HEADER + "\n".join(old + new) + "\n")
        try:
            _git(repo, "push", "--quiet", remote, f"{commit}:refs/heads/{branch}")
            return len(new)
        except LedgerError as rejected:
            if _fetch(repo, remote, branch) == tip:
                raise LedgerError(f"Kunde inte skicka adresslistan till {branch}: {rejected}") from None
        print(f"{branch} ändrades medan listan sparades; försöker igen ovanpå den nya versionen "
              f"({attempt} av {attempts}).", file=sys.stderr)
        time.sleep(min(attempt, 3))
    raise LedgerError(f"{branch} ändrades vid vart och ett av {attempts} försök att spara adresslistan. Kör jobbet "
                      "igen: adresserna finns kvar i bygget och läggs till då.")


# `python -m arkiv.publishing.ledger FILE [--remote origin] [--branch main] [--repo .]`.
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m arkiv.publishing.ledger", description=__doc__.splitlines()[0])
    parser.add_argument("published", type=Path, help="adresslistan från det publicerade bygget")
    parser.add_argument("--remote", default="origin")
    parser.add_argument("--branch", default="main")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="git-arkivet (standard: mappen du står i)")
    args = parser.parse_args(argv)
    if not args.published.is_file():
        print(f"Hittar inte adresslistan {args.published}.", file=sys.stderr)
        return 1
    try:
        added = save(args.repo, read_addresses(args.published), args.remote, args.branch)
    except LedgerError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{added} nya adresser i {LEDGER} på {args.branch}." if added else "Inga nya adresser.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
