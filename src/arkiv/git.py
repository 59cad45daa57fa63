"""git, run the one way the archive runs it: with a time limit, and one kind of error (GitError) in Swedish.

Only the standard library: the publishing workflow's ledger job imports this without installing the project.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

TIMEOUT = 120  # seconds for any one git command (the slowest, an archive of data/ or a push, takes a few)


class GitError(Exception):
    """Why git did not do what was asked, in Swedish, with git's own words."""


# Run git in a folder; what it wrote to standard output, as bytes. GitError when git is missing, takes longer than
# TIMEOUT or fails. `env` is added to the environment; `stdin` is sent to git.
def run_bytes(cwd: Path, *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, timeout=TIMEOUT,
                                env={**os.environ, **env} if env else None)
    except FileNotFoundError:
        raise GitError("Hittar inte programmet git. Installera git och försök igen.") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} svarade inte på {TIMEOUT} sekunder och stoppades.") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"git {args[0]} kunde inte köras: {exc}") from None
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git {args[0]} misslyckades: {said}" if said else f"git {args[0]} misslyckades.")
    return result.stdout


# The same, as text in and out.
def run(cwd: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> str:
    out = run_bytes(cwd, *args, stdin=None if stdin is None else stdin.encode(), env=env)
    return out.decode("utf-8", "replace")
