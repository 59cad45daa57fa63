"""`arkiv check` and `arkiv new-cycle`, run as an organiser would: as a subprocess on a copy of data/.

`arkiv check` runs end to end a few times here (good data, errors in the terminal, --format github); what needs no
process of its own (where the data is looked for, the options) is checked in this process. Each kind of broken data is
a case in tests/corpus.yaml, checked in process by tests/test_corpus.py.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from arkiv import publisher
from arkiv.tools.cli import main
from arkiv.tools.issue.writing import drop_next_fair

ROOT = Path(__file__).resolve().parents[2]


# `arkiv ARGS` in CWD, as the console script runs it (arkiv.tools.cli.main), in the test's process rather than a new
# Python for each of some thirty calls: its exit code and what it printed to stdout and stderr. The installed script
# itself is run by test_console_script_is_installed.
def arkiv(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd or ROOT), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse's refusals
            code = stop.code if isinstance(stop.code, int) else 1
    return subprocess.CompletedProcess(["arkiv", *args], code, out.getvalue(), err.getvalue())


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# The award years a data folder holds, from its file names, and the next one: the newest plus award.yaml's interval.
def years_in(data: Path) -> list[int]:
    return sorted(int(p.stem) for p in (data / "cycles").glob("*.yaml"))


def next_year(data: Path = ROOT / "data") -> int:
    return years_in(data)[-1] + read_yaml(data / "award.yaml")["interval_years"]


def test_check_real_data_passes_with_a_swedish_summary():
    result = arkiv("check")
    assert result.returncode == 0, result.stderr
    cycles, sources = len(years_in(ROOT / "data")), len(read_yaml(ROOT / "data" / "sources.yaml"))
    summary = rf"Datan är i ordning: {cycles} utmärkelseår, \d+ kommuner och {sources} källor\.\n"
    # Then the organisers' to-dos outside data/: the publisher in mkdocs.yml until it is filled in (arkiv.publisher).
    summary += "".join(re.escape(todo) + r"\n" for todo in publisher.todos(ROOT / "data"))
    assert re.fullmatch(summary, result.stdout)
    assert result.stderr == ""


def test_check_counts_what_the_data_holds(small_archive, capsys):
    # The test archive: 3 years, 9 municipalities (three of them one joint entrant), 7 sources.
    assert main(["check", "--data", str(small_archive)]) == 0
    assert capsys.readouterr().out == "Datan är i ordning: 3 utmärkelseår, 9 kommuner och 7 källor.\n"


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "arkiv"
    assert script.exists()
    result = subprocess.run([str(script), "check", "--data", str(ROOT / "data")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_check_defaults_to_data_in_the_current_folder(small_archive, monkeypatch, capsys):
    data = small_archive
    monkeypatch.chdir(data.parent)
    assert main(["check"]) == 0
    (data / "cycles" / "2023.yaml").write_text("year: 2023\nunknown_field: x\n", encoding="utf-8")
    assert main(["check"]) == 1
    assert "data/cycles/2023.yaml:2:1: unknown_field: okänt fält unknown_field." in capsys.readouterr().err


def test_check_without_a_data_folder_explains(tmp_path, capsys):
    assert main(["check", "--data", str(tmp_path / "nowhere")]) == 1
    assert "Hittar ingen datamapp" in capsys.readouterr().err


# End to end: the real command on broken data exits 1 with the report, and no traceback.
def test_check_reports_errors_without_traceback(small_archive):
    data = small_archive
    (data / "winners.yaml").write_bytes(b"- year: 2023\n  winner: [\n")
    result = arkiv("check", "--data", str(data))
    assert result.returncode == 1
    assert result.stderr.startswith("1 fel i datafilerna:\n  data/winners.yaml:")
    assert "Traceback" not in result.stderr + result.stdout


def test_no_command_prints_help():
    result = arkiv()
    assert result.returncode == 2
    assert "check" in result.stdout and "new-cycle" in result.stdout


def test_new_cycle_writes_a_commented_template(data):
    year = next_year(data)
    result = arkiv("new-cycle", str(year), "--data", str(data))
    assert result.returncode == 0, result.stderr
    written = (data / "cycles" / f"{year}.yaml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../schema/cycle.schema.json\n")
    assert f"year: {year}\n" in written
    assert "winners.yaml" in result.stdout and f"- year: {year}" in result.stdout
    # Unfilled placeholders never pass the check, so none can be forgotten.
    check = arkiv("check", "--data", str(data))
    assert check.returncode == 1
    assert "platshållaren <kommun> är inte ifylld" in check.stderr
    assert f"platshållaren {year}-MM-DD är inte ifylld" in check.stderr


def test_new_cycle_filled_in_with_a_winners_row_passes_check(data, fill):
    year, before = next_year(data), len(years_in(data))
    assert arkiv("new-cycle", str(year), "--data", str(data)).returncode == 0
    cycle = data / "cycles" / f"{year}.yaml"
    filled = fill(cycle.read_text(encoding="utf-8"))
    assert all("<" not in ln and "MM" not in ln for ln in filled.splitlines() if not ln.lstrip().startswith("#"))
    cycle.write_text(filled, encoding="utf-8")
    # The file alone is not enough: the winners row is missing.
    check = arkiv("check", "--data", str(data))
    assert check.returncode == 1
    assert f"data/cycles/{year}.yaml:" in check.stderr
    assert f"{year} saknar en rad i data/winners.yaml" in check.stderr
    # Add the row the command printed, filled in, at the top of winners.yaml (above the newest row there).
    row = (f"- year: {year}\n  winner: Värmdö kommun\n  motivation:\n    - >-\n      En motivering.\n"
           "  sources: [seed-vinnare]\n\n")
    winners = data / "winners.yaml"
    text = winners.read_text(encoding="utf-8")
    first = text.index("- year:")
    winners.write_text(text[:first] + row + text[first:], encoding="utf-8")
    # When award.yaml knew the year's fair in advance, the check asks for it to be moved (the printed step 4).
    award = data / "award.yaml"
    if (read_yaml(award).get("next_fair") or {}).get("year") == year:
        check = arkiv("check", "--data", str(data))
        assert check.returncode == 1
        assert f"next_fair gäller {year}, som redan finns i arkivet" in check.stderr
        award.write_text(drop_next_fair(award.read_text(encoding="utf-8")), encoding="utf-8")
    check = arkiv("check", "--data", str(data))
    assert check.returncode == 0, check.stderr
    assert f"{before + 1} utmärkelseår" in check.stdout


def test_new_cycle_never_overwrites(data):
    newest = years_in(data)[-1]
    before = (data / "cycles" / f"{newest}.yaml").read_bytes()
    result = arkiv("new-cycle", str(newest), "--data", str(data))
    assert result.returncode == 1
    assert "finns redan" in result.stderr and "skriver aldrig över" in result.stderr
    assert (data / "cycles" / f"{newest}.yaml").read_bytes() == before
    year = next_year(data)
    assert arkiv("new-cycle", str(year), "--data", str(data)).returncode == 0
    mine = (data / "cycles" / f"{year}.yaml").read_text(encoding="utf-8") + "# min ändring\n"
    (data / "cycles" / f"{year}.yaml").write_text(mine, encoding="utf-8")
    again = arkiv("new-cycle", str(year), "--data", str(data))
    assert again.returncode == 1
    assert (data / "cycles" / f"{year}.yaml").read_text(encoding="utf-8") == mine


@pytest.mark.parametrize("year", ["2024", "1999", "2000", "2026"])
def test_new_cycle_refuses_a_year_without_an_award(data, year):
    result = arkiv("new-cycle", year, "--data", str(data))
    assert result.returncode == 1
    assert f"{year} är inget utmärkelseår" in result.stderr
    assert "vartannat år från 2001" in result.stderr
    assert not (data / "cycles" / f"{year}.yaml").exists()
    assert "Traceback" not in result.stderr


def test_new_cycle_reads_the_rhythm_from_award_yaml(data):
    award = data / "award.yaml"
    text = award.read_text(encoding="utf-8")
    award.write_text(text.replace("interval_years: 2", "interval_years: 5"), encoding="utf-8")
    assert arkiv("new-cycle", "2025", "--data", str(data)).returncode == 1
    assert arkiv("new-cycle", "2006", "--data", str(data)).returncode == 0


def test_new_cycle_rejects_a_non_year(data):
    result = arkiv("new-cycle", "tjugofem", "--data", str(data))
    assert result.returncode == 2
    assert "inget årtal" in result.stderr


# The first winner in the archive's winners.yaml written as a name the register does not have.
def misspell_winner(data, wrong: str) -> None:
    winners = data / "winners.yaml"
    text = winners.read_text(encoding="utf-8")
    winners.write_text(text.replace("  winner: Värmdö kommun", f"  winner: {wrong}", 1), encoding="utf-8")


# End to end: the real command with --format github, against the same command without it.
def test_check_format_github_annotates_each_problem_on_its_line(small_archive, workflow_command):
    data = small_archive
    misspell_winner(data, "Varmdö kommun")
    cycle = data / "cycles" / "2021.yaml"
    cycle.write_text(cycle.read_text(encoding="utf-8") + "venu: Göteborg\n", encoding="utf-8")
    terminal = arkiv("check", "--data", str(data))
    github = arkiv("check", "--data", str(data), "--format", "github")
    assert github.returncode == terminal.returncode == 1
    assert "Traceback" not in github.stdout + github.stderr
    # The log keeps the terminal report; stdout holds one workflow command per problem.
    assert github.stderr == terminal.stderr
    located = [ln.strip() for ln in terminal.stderr.splitlines()[1:] if ln.startswith("  ")]
    commands = [workflow_command(ln) for ln in github.stdout.splitlines()]
    assert len(commands) == len(located) == 2
    last_line = len(cycle.read_text(encoding="utf-8").splitlines())
    expected = {("data/cycles/2021.yaml", str(last_line), "1", "Fel i fältet venu"),
                ("data/winners.yaml", "6", "11", "Fel i fältet post 1, winner")}
    assert {(p["file"], p["line"], p["col"], p["title"]) for _, p, _ in commands} == expected
    for (name, props, message), text in zip(commands, located, strict=True):
        assert name == "error"
        # Same place, same Swedish message and advice as the terminal line.
        field = props["title"].removeprefix("Fel i fältet ")
        assert text == f"{props['file']}:{props['line']}:{props['col']}: {field}: {message}"
    assert "Menade du Värmdö kommun" in commands[1][2]


def test_check_format_github_on_good_data_prints_only_the_summary(small_archive, capsys):
    assert main(["check", "--data", str(small_archive), "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Datan är i ordning:") and "::" not in out


def test_check_format_github_without_data_folder_is_an_annotation_too(tmp_path, capsys, workflow_command):
    assert main(["check", "--data", str(tmp_path / "nowhere"), "--format", "github"]) == 1
    name, _, message = workflow_command(capsys.readouterr().out.strip())
    assert name == "error" and message.startswith("Hittar ingen datamapp")


def test_check_refuses_an_unknown_format(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["check", "--format", "xml"])
    assert exited.value.code == 2
    assert "github" in capsys.readouterr().err


# A real git repository in tmp holding a copy of data/, committed on main.
def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
                            cwd=repo, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "data", repo / "data")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Arkivet")
    return repo


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


SAMPLE_EDIT = [
    ("winners.yaml", "format en kultur och en organisation", "format en kultur och en ledning"),
    ("cycles/2023.yaml", "    - name: Jessica Steinmetz\n",
     "    - name: Anna Andersson\n      title: kommundirektör\n      organisation: Exempels kommun\n"
     "    - name: Jessica Steinmetz\n"),
]


def test_changes_describes_an_edit_against_a_branch(repo):
    for name, old, new in SAMPLE_EDIT:
        replace_in(repo / "data" / name, old, new)
    result = arkiv("changes", "main", cwd=repo)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("## Ändringar i arkivet jämfört med `main`\n")
    assert "### 2023\n\n- **Juryn › ledamöter:** läggs till: Anna Andersson (titel: kommundirektör; " \
           "organisation: Exempels kommun)\n" in out
    assert "### 2021\n\n- **Juryns motivering:** ändras: … " in out
    assert "en <del>organisation</del> <ins>ledning</ins> som" in out
    assert out.index("### 2023") < out.index("### 2021")
    # Committed on a branch, the same edit reads the same against main; against itself there is nothing.
    git(repo, "switch", "-q", "-c", "rattelse")
    git(repo, "commit", "-q", "-am", "Rättelse")
    assert arkiv("changes", "main", cwd=repo).stdout == out
    same = arkiv("changes", "HEAD", "--data", str(repo / "data"))
    assert same.returncode == 0 and "Inga ändringar i arkivet." in same.stdout


def test_changes_says_so_when_the_base_does_not_load(repo):
    git(repo, "switch", "-q", "-c", "trasig")
    (repo / "data" / "winners.yaml").write_text("- year: 2023\n  winner: [\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Trasig")
    git(repo, "switch", "-q", "main")
    result = arkiv("changes", "trasig", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "Uppgifterna i `trasig` går inte att läsa in" in result.stdout
    assert "    1 fel i datafilerna:\n      trasig:data/winners.yaml:" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_changes_fails_when_the_work_tree_does_not_load(repo):
    (repo / "data" / "winners.yaml").write_text("", encoding="utf-8")
    result = arkiv("changes", "main", cwd=repo)
    assert result.returncode == 1
    assert "Uppgifterna i den här versionen går inte att läsa in" in result.stdout
    assert "data/winners.yaml:1:1: (filen): filen är tom." in result.stdout


@pytest.mark.parametrize("ref, phrase", [("finns-inte", "Versionen finns-inte finns inte i git-arkivet"),
                                         ("--output=x", "är inget namn på en version")])
def test_changes_against_an_unknown_version(repo, ref, phrase):
    result = arkiv("changes", ref, cwd=repo) if not ref.startswith("-") else arkiv("changes", "--", ref, cwd=repo)
    assert result.returncode == 1
    assert phrase in result.stderr and "Traceback" not in result.stderr
    assert not (repo / "x").exists()


def test_changes_against_a_version_without_data(repo):
    git(repo, "switch", "-q", "--orphan", "tom")
    (repo / "LÄSMIG.txt").write_text("inget här\n", encoding="utf-8")
    git(repo, "add", "LÄSMIG.txt")
    git(repo, "commit", "-q", "-m", "Tom")
    git(repo, "switch", "-q", "main")
    result = arkiv("changes", "tom", cwd=repo)
    assert result.returncode == 1
    assert "Versionen tom har ingen mapp data/" in result.stderr


def test_changes_outside_git(data):
    result = arkiv("changes", "main", "--data", str(data))
    assert result.returncode == 1
    assert "ligger inte i ett git-arkiv" in result.stderr


def test_changes_refuses_a_link_in_the_data_folder(repo):
    git(repo, "switch", "-q", "-c", "lank")
    (repo / "data" / "lank.yaml").symlink_to("/etc/passwd")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Länk")
    git(repo, "switch", "-q", "main")
    result = arkiv("changes", "lank", cwd=repo)
    assert result.returncode == 1
    assert "data/lank.yaml i git-versionen är en länk" in result.stderr


def test_new_cycle_gives_the_address_the_site_is_served_at(tmp_path):
    # `dev.py serve` serves the site under site_url's path: the address must be that one, not the server's root.
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    year = next_year(data)
    result = arkiv("new-cycle", str(year), "--data", str(data))
    assert result.returncode == 0, result.stderr
    site_path = urlsplit(yaml.safe_load(re.sub(r"!!python\S*", "", (ROOT / "mkdocs.yml").read_text(
        encoding="utf-8")))["site_url"]).path
    assert site_path.strip("/"), "mkdocs.yml serves the site under a folder"
    assert f"http://127.0.0.1:8000{site_path}{year}/" in result.stdout
    assert f"http://127.0.0.1:8000/{year}/" not in result.stdout


def test_changes_names_the_base_as_the_pull_request_does(repo):
    # The workflow compares with origin/main, but the organiser's word for it is main.
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    result = arkiv("changes", "origin/main", "--name", "main", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## Ändringar i arkivet jämfört med `main`\n")
    assert "origin/" not in result.stdout


def test_check_summary_lists_every_error_for_the_pull_request(small_archive, tmp_path):
    data = small_archive
    misspell_winner(data, "Varmdo kommun")
    summary = tmp_path / "sammanfattning" / "1-kontroll.md"
    result = arkiv("check", "--data", str(data), "--summary", str(summary))
    assert result.returncode == 1
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("## Kontroll av datan\n")
    assert "- `data/winners.yaml`, rad 6, post 1, winner: Varmdo kommun finns inte i kommunregistret" in written
