"""Kommandoraden för organisatörer: `arkiv check` kontrollerar datafilerna, `arkiv changes VERSION` beskriver vad en
ändring gör med arkivet, `arkiv pages-changed VERSION` listar sidorna den ändrar, `arkiv new-cycle [ÅÅÅÅ]` skapar ett
nytt år och `arkiv from-issue FIL` skriver ett nytt år ur ett ärende skapat med formuläret Nytt utmärkelseår."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from arkiv import publisher
from arkiv.errors import DataErrors
from arkiv.record.chronology import LAST_YEAR, award_year_from
from arkiv.templating import env
from arkiv.text import every_years
from arkiv.tools import github

CHECK_FORMATS = ("terminal", "github")

def _data_dir(value: str | None) -> Path:
    return Path(value) if value else Path.cwd() / "data"


def _fail(message: str, fmt: str = "terminal") -> int:
    if fmt == "github":
        print(github.command("error", message, title="arkiv check"))
    print(message, file=sys.stderr)
    return 1


# `arkiv check`: load and validate everything; every problem with file, line and field, or a one-line summary.
# With fmt="github" each problem is also a workflow command on stdout, which GitHub shows on the line in the PR.
def check(data_dir: Path, fmt: str = "terminal", summary: Path | None = None) -> int:
    from arkiv.reading.load import load_archive

    if not (data_dir / "kommuner.csv").is_file():
        return _fail(f"Hittar ingen datamapp i {data_dir} (där ska bland annat kommuner.csv finnas). "
                     "Kör kommandot i projektets rotmapp eller ange mappen med --data.", fmt)
    try:
        archive = load_archive(data_dir)
    except DataErrors as exc:
        if fmt == "github":
            print("\n".join(github.error_annotations(exc.errors)))
        print(exc.report(), file=sys.stderr)
        print("Rätta felen och kör kontrollen igen.", file=sys.stderr)
        _summary(summary, exc.errors, exc.report().splitlines()[-1] if exc.unread else "", "")
        return 1
    except OSError as exc:
        return _fail(f"Kunde inte läsa {exc.filename or data_dir}: {exc.strerror or exc}.", fmt)
    n, k, s = len(archive.cycles), len(archive.kommuner), len(archive.sources)
    print(f"Datan är i ordning: {n} utmärkelseår, {k} kommuner och {s} källor.")
    # What the organisers still have to fill in outside data/ (the publisher in mkdocs.yml): listed, never a failure.
    todos = publisher.todos(data_dir)
    for todo in todos:
        print(github.command("notice", todo, title="arkiv check") if fmt == "github" else todo)
    _summary(summary, [], "", f"{n} utmärkelseår, {k} kommuner och {s} källor.", todos)
    return 0


# Add the check's result to a Markdown summary file (the pull request's), when one is given.
def _summary(path: Path | None, errors: list, unread: str, ok: str, todos: list[str] | tuple[str, ...] = ()) -> None:
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write(env().get_template("check_summary.md.j2").render(errors=errors, unread=unread, ok=ok,
                                                                             todos=todos))


# Load an archive, or the report of why it does not load: (archive, "") or (None, report).
def _try_load(data_dir: Path, shown_as: str = "data"):
    from arkiv.reading.load import load_archive

    try:
        return load_archive(data_dir, shown_as), ""
    except DataErrors as exc:
        return None, exc.report()
    except OSError as exc:
        return None, f"Kunde inte läsa {exc.filename or data_dir}: {exc.strerror or exc}."


# `arkiv changes BASE`: what the data folder changes in the archive compared with BASE in git, as Swedish Markdown.
def changes(base: str, data_dir: Path, name: str | None = None) -> int:
    from arkiv.tools import changes as ch
    from arkiv.tools.gitref import GitRefError, export_folder

    with tempfile.TemporaryDirectory(prefix="arkiv-changes-") as tmp:
        try:
            base_dir = export_folder(data_dir, base, Path(tmp))
        except GitRefError as exc:
            return _fail(f"Kan inte jämföra med {base}: {exc}")
        old, base_problem = _try_load(base_dir, f"{base}:{base_dir.relative_to(tmp).as_posix()}")
    new, work_problem = _try_load(data_dir)
    found = ch.compare(old, new) if old and new else None
    print(ch.render(name or base, found, base_problem, work_problem), end="")
    return 1 if work_problem else 0


# `arkiv pages-changed BASE`: the pages whose content differs between BASE's build (made here, in the same form as
# `site`, or given as `base_site`) and the built site, as Swedish Markdown. A base that does not build is said in the
# Markdown (not this version's fault); a version that does not exist, or no built site, fails.
def pages_changed(base: str, site: Path, base_site: Path | None, name: str | None = None) -> int:
    from arkiv.building import offline
    from arkiv.tools import downloads_changed as dc
    from arkiv.tools import pages_changed as pc
    from arkiv.tools.gitref import GitRefError
    from arkiv.tools.refbuild import BuildError, build_ref

    if not (site / "index.html").is_file():
        return _fail(f"Hittar ingen byggd sajt i {site}. Bygg den först med python3 dev.py build, eller ange mappen "
                     "med --site.")
    with tempfile.TemporaryDirectory(prefix="arkiv-pages-") as tmp:
        try:
            built = base_site or build_ref(Path.cwd(), base, Path(tmp), (site / offline.INDEX_SCRIPT).is_file())
        except BuildError as exc:
            print(pc.render(name or base, [], len(pc.site_pages(site)), problem=str(exc)), end="")
            return 0
        except GitRefError as exc:
            return _fail(f"Kan inte jämföra med {base}: {exc}")
        found, files = pc.compare(built, site), dc.compare(built, site)
    print(pc.render(name or base, found, len(pc.site_pages(site))), end="")
    print("\n" + dc.render(name or base, files, len(dc.downloads(site))), end="")
    return 0


# award.yaml read without validating the rest: (first year, interval, the year next_fair is about or None).
def _award_rhythm(data_dir: Path) -> tuple[int, int, int | None]:
    award = yaml.safe_load((data_dir / "award.yaml").read_text(encoding="utf-8"))
    fair = award.get("next_fair") or {}
    return int(award["founded"]), int(award["interval_years"]), fair.get("year")


# The year after the newest cycle file in the data folder: what `new-cycle` makes when no year is given.
def next_year(data_dir: Path, founded: int, interval: int) -> int:
    years = [int(p.stem) for p in (data_dir / "cycles").glob("*.yaml") if p.stem.isdigit()]
    return max(years) + interval if years else founded


# The text of a new cycle file for a year, from the commented template.
def render_new_cycle(year: int) -> str:
    return env().get_template("new_cycle.yaml.j2").render(year=year)


# Where `dev.py serve` shows the site: MkDocs serves it under site_url's path (mkdocs.yml), "/arkiv/" for the archive.
def serve_address(project: Path) -> str:
    site_url = publisher.read_config(project / "mkdocs.yml").get("site_url")
    path = urlsplit(site_url).path.strip("/") if isinstance(site_url, str) else ""
    return f"http://127.0.0.1:8000/{path}/" if path else "http://127.0.0.1:8000/"


# `arkiv new-cycle [ÅÅÅÅ]`: write data/cycles/ÅÅÅÅ.yaml from the template and print every step that follows.
def new_cycle(year: int | None, data_dir: Path) -> int:
    try:
        founded, interval, fair_year = _award_rhythm(data_dir)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        return _fail(f"Kunde inte läsa founded och interval_years i {data_dir / 'award.yaml'} ({exc}). "
                     "Kör kommandot i projektets rotmapp eller ange mappen med --data.")
    if year is None:
        year = next_year(data_dir, founded, interval)
    if (after := award_year_from(year, founded, interval)) != year:
        return _fail(f"{year} är inget utmärkelseår: utmärkelsen delas ut {every_years(interval)} från {founded} "
                     f"({founded}, {founded + interval} …). Närmaste utmärkelseår efter {year} är {after}.")
    if year > LAST_YEAR:
        return _fail(f"{year} ligger utanför de år arkivet tar emot (2001–{LAST_YEAR}).")
    target = data_dir / "cycles" / f"{year}.yaml"
    if target.exists():
        return _fail(f"{target} finns redan, och new-cycle skriver aldrig över en fil. "
                     "Redigera den befintliga filen i stället.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_new_cycle(year), encoding="utf-8")
    print(env().get_template("new_cycle_steps.txt.j2").render(
        year=year, target=target, data_dir=data_dir, fair=fair_year == year,
        serve=serve_address(data_dir.resolve().parent)), end="")
    return 0


# `arkiv from-issue FILE`: the year an issue form's body gives, written into data/; or nothing, and every problem.
def from_issue(source: str, data_dir: Path, form_file: Path | None) -> int:
    from arkiv.tools.issue import form
    from arkiv.tools.issue.run import from_issue as run

    try:
        body = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        return _fail(f"Kunde inte läsa {source}: {exc.strerror or exc}.")
    form_file = form_file or data_dir.resolve().parent / form.FORM
    if not form_file.is_file() or not (data_dir / "kommuner.csv").is_file():
        return _fail(f"Hittar inte formuläret {form_file} eller datamappen {data_dir}. Kör kommandot i projektets "
                     "rotmapp, eller ange dem med --form och --data.")
    outcome = run(body, data_dir, form_file)
    if not outcome.ok:
        n = len(outcome.problems)
        print(f"Ärendet blev inget nytt år: {n} {'sak' if n == 1 else 'saker'} att ändra i ärendet. Inget skrevs.",
              file=sys.stderr)
        print("\n".join(f"  - {p}" for p in outcome.problems), file=sys.stderr)
        return 1
    print(f"Skrev {outcome.year} ({outcome.winner}) i {', '.join(outcome.written)}.")
    return 0


def _year(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} är inget årtal; skriv till exempel 2025.") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="arkiv", description="Verktyg för arkivet Sveriges DigitaliseringsKommun.")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    p_check = sub.add_parser("check", help="kontrollera alla datafiler och lista varje fel med fil, rad och fält")
    p_check.add_argument("--data", metavar="MAPP", help="datamappen (standard: ./data)")
    p_check.add_argument("--format", choices=CHECK_FORMATS, default="terminal",
                         help="terminal: en rad per fel (standard); github: också som GitHub-anteckningar på raden")
    p_check.add_argument("--summary", metavar="FIL", help="lägg också till resultatet i Markdown sist i FIL")
    p_changes = sub.add_parser("changes", help="beskriv vad datamappen ändrar i arkivet jämfört med en version i git")
    p_changes.add_argument("base", metavar="VERSION", help="gren, tagg eller commit att jämföra med, till exempel main")
    p_changes.add_argument("--data", metavar="MAPP", help="datamappen (standard: ./data)")
    p_changes.add_argument("--name", metavar="NAMN", help="versionens namn i rubriken (standard: VERSION)")
    p_pages = sub.add_parser("pages-changed",
                             help="lista sidorna vars innehåll skiljer sig från bygget av en version i git")
    p_pages.add_argument("base", metavar="VERSION", help="gren, tagg eller commit att jämföra med, till exempel main")
    p_pages.add_argument("--site", metavar="MAPP", default="site", help="den byggda sajten (standard: ./site)")
    p_pages.add_argument("--base-site", metavar="MAPP", help="ett färdigt bygge av VERSION (annars byggs den här)")
    p_pages.add_argument("--name", metavar="NAMN", help="versionens namn i rubriken (standard: VERSION)")
    p_new = sub.add_parser("new-cycle", help="skapa en kommenterad fil för ett nytt utmärkelseår")
    p_new.add_argument("year", type=_year, metavar="ÅR", nargs="?",
                       help="utmärkelseåret, till exempel 2025 (standard: året efter det nyaste i datan)")
    p_new.add_argument("--data", metavar="MAPP", help="datamappen (standard: ./data)")
    p_issue = sub.add_parser("from-issue",
                             help="skriv ett nytt år i data/ ur ett ärende från formuläret Nytt utmärkelseår")
    p_issue.add_argument("source", metavar="FIL", help="ärendets text som GitHub skrev den (- läser standard in)")
    p_issue.add_argument("--data", metavar="MAPP", help="datamappen (standard: ./data)")
    p_issue.add_argument("--form", metavar="FIL", help="formuläret (standard: .github/ISSUE_TEMPLATE/nytt-ar.yml)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(_data_dir(args.data), args.format, Path(args.summary) if args.summary else None)
    if args.command == "changes":
        return changes(args.base, _data_dir(args.data), args.name)
    if args.command == "pages-changed":
        return pages_changed(args.base, Path(args.site), Path(args.base_site) if args.base_site else None, args.name)
    if args.command == "new-cycle":
        return new_cycle(args.year, _data_dir(args.data))
    if args.command == "from-issue":
        return from_issue(args.source, _data_dir(args.data), Path(args.form) if args.form else None)
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
