"""En mapp som den ser ut i en annan version i git (en gren, en tagg, en commit), utskriven i en tillfällig mapp."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path, PurePosixPath

from arkiv import git


class GitRefError(Exception):
    """Why a folder could not be read from git, in Swedish."""


# Run git in a folder (arkiv.git); its output, or GitRefError with git's own words.
def _git(cwd: Path, *args: str) -> bytes:
    try:
        return git.run_bytes(cwd, *args)
    except git.GitError as exc:
        raise GitRefError(str(exc)) from None


# The repository's root folder and the folder's path in it: (/work/arkiv, "data").
def locate(folder: Path) -> tuple[Path, str]:
    folder = folder.resolve()
    if not folder.is_dir():
        raise GitRefError(f"Mappen {folder} finns inte.")
    try:
        root = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    except GitRefError:
        raise GitRefError(f"{folder} ligger inte i ett git-arkiv, så det finns ingen tidigare version att "
                          "jämföra med.") from None
    return root, folder.relative_to(root).as_posix()


# Write the folder as it is in ref into dest (dest/<folder>/…) and return that copy's path.
def export_folder(folder: Path, ref: str, dest: Path) -> Path:
    root, rel = locate(folder)
    if ref.startswith("-"):
        raise GitRefError(f"{ref} är inget namn på en version i git.")
    try:
        _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    except GitRefError:
        raise GitRefError(f"Versionen {ref} finns inte i git-arkivet {root}. Ange en gren, en tagg eller en "
                          "commit, till exempel main eller origin/main (hämta den först med git fetch).") from None
    try:
        tar = _git(root, "archive", "--format=tar", ref, "--", rel)
    except GitRefError:
        raise GitRefError(f"Versionen {ref} har ingen mapp {rel}/.") from None
    _unpack(tar, dest)
    return dest / rel


# Unpack git's tar of plain files and folders; anything else (links, paths out of dest) is refused.
def _unpack(tar: bytes, dest: Path) -> None:
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        for member in archive.getmembers():
            if member.type == tarfile.XGLTYPE:  # git's header with the commit id
                continue
            path = PurePosixPath(member.name)
            if path.is_absolute() or ".." in path.parts:
                raise GitRefError(f"Filen {member.name} i git-versionen ligger utanför mappen.")
            target = dest.joinpath(*path.parts)
            if member.isdir():
                target.mkdir(parents=True, exist_ok=True)
            elif member.isreg():
                target.parent.mkdir(parents=True, exist_ok=True)
                content = archive.extractfile(member)
                assert content is not None  # extractfile gives None only for members that are not regular files
                target.write_bytes(content.read())
            else:
                raise GitRefError(f"{member.name} i git-versionen är en länk eller en annan sorts fil än en vanlig "
                                  "fil; sådana används inte i datamappen.")
