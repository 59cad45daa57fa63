"""Adresser som aldrig går sönder: det sajten har publicerat får aldrig försvinna ur ett senare bygge.

Two records of what has been published, both kept without anyone's manual step:
- the base branch's own build: a pull request's build must still have every address the build of the branch it
  merges into has (`check SITE --base BASE_SITE`; the pull-request workflow and tests/build/test_addresses.py do this);
- addresses.txt, the ledger: every address the publishing workflow has put online, appended by that workflow after
  each publication (`record SITE addresses.txt`), never edited by hand. A build must have all of them too.
Adding pages is always allowed; removing or renaming one fails with a Swedish message that names each address.
An address is a path from the site root: "/2023/", "/2023/#finalist-varmdo-kommun", "/data/arkiv.json".
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

from arkiv import urls

# The ids the archive promises: section headings (h2), list items (each entrant, jury member, source), headings,
# figures and definitions with a name of their own (a quote's speaker, the presenter, each recipient), and sections
# (a year's summary, #i-korthet). Not h1 (the page itself) nor numbered ones (omgang-2, process-3,
# citat-jorgen-westergren-2).
ID = re.compile(r'<(h2|h3|li|figure|dd|section)\b[^>]*?\bid="([^"]+)"')
NUMBERED = re.compile(r"-\d+$")
# Pages whose source list follows from other pages (a person's sources are those of their roles): the page and its
# sections are promised, the numbered sources in it are not.
DERIVED_SOURCES = ("/personer/",)
ARTICLE = re.compile(r'<article\b[^>]*>(.*?)</article>', re.S)
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
DOWNLOAD_EXTS = (".json", ".csv", ".xml", ".png")


# Every address a built site publishes: pages ("/2023/"), ids inside their content ("/2023/#jury"), downloads.
def published_addresses(site_dir: Path) -> list[str]:
    out = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or rel.startswith(("assets/", "search/", "stylesheets/")) or rel == "404.html":
            continue
        if path.name == "index.html":
            page = "/" + rel[: -len("index.html")]
            text = path.read_text(encoding="utf-8")
            out.append(page)
            article = ARTICLE.search(text)
            if article and not REFRESH.search(text):
                ids = [i for tag, i in ID.findall(article.group(1))
                       if tag in ("h2", "li", "section") or not NUMBERED.search(i)]
                if page.startswith(DERIVED_SOURCES):
                    ids = [i for i in ids if not i.startswith(urls.SOURCE_PREFIX)]
                out.extend(urls.at(page, html.unescape(i)) for i in dict.fromkeys(ids))
        elif path.suffix in DOWNLOAD_EXTS and not rel.endswith(".gz"):
            out.append("/" + rel)
    return out


# Read addresses.txt: the addresses, without comments and blank lines.
def read_addresses(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


# Whether an address exists in a built site: the file is there, and the id too if the address has one.
def address_exists(site_dir: Path, address: str) -> bool:
    path, _, fragment = address.partition("#")
    target = site_dir / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    if not target.is_file():
        return False
    return not fragment or f'id="{html.escape(fragment)}"' in target.read_text(encoding="utf-8")


HEADER = """\
# Adresser som arkivet har publicerat: varje rad är en adress från sajtens rot (https://…/arkiv/).
# Listan fylls på av publiceringen (.github/workflows/deploy.yml) efter varje publicering; ändra den inte för hand.
# tests/build/test_addresses.py och varje pull request kontrollerar att ingen av adresserna försvinner ur bygget.
# Byter en sida adress ska den gamla leda vidare (se src/arkiv/site/redirects.py).
"""


# The addresses of a list that a built site no longer has (its page, or the id in the page), in the list's order.
def missing_addresses(site_dir: Path, promised: list[str]) -> list[str]:
    return [a for a in promised if not address_exists(site_dir, a)]


# The Swedish message for addresses that would disappear: each one named, and what to do instead.
def removal_message(missing: list[str], where: str) -> str:
    shown = "\n".join(f"  {a}" for a in missing[:50])
    more = f"\n  … och {len(missing) - 50} till" if len(missing) > 50 else ""
    return (f"{len(missing)} publicerade adresser finns inte längre i bygget ({where}):\n{shown}{more}\n"
            "En adress som en gång har publicerats får aldrig försvinna: någon kan ha länkat till den eller citerat "
            "den. Återställ sidan eller id:t, eller låt den gamla adressen leda vidare till den nya "
            "(src/arkiv/site/redirects.py). Att lägga till sidor går alltid bra.")


# Add a built site's new addresses to the ledger; nothing is ever removed. Returns how many were added.
def record_addresses(site_dir: Path, path: Path) -> int:
    old = read_addresses(path)
    known = set(old)
    new = [a for a in published_addresses(site_dir) if a not in known]
    if new or not path.exists():
        path.write_text(HEADER + "\n".join(old + new) + "\n", encoding="utf-8")
    return len(new)


# `check SITE [--base BASE_SITE] [--ledger FILE]` and `record SITE FILE`; exit status 1 when an address is gone.
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m arkiv.publishing.addresses", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="kontrollera att bygget har kvar varje publicerad adress")
    check.add_argument("site", type=Path, help="det byggda sajtens mapp")
    check.add_argument("--base", type=Path, help="bygget av grenen ändringen ska slås ihop med")
    check.add_argument("--ledger", type=Path, help="listan över publicerade adresser (addresses.txt)")
    record = sub.add_parser("record", help="lägg till det publicerade byggets nya adresser i listan")
    record.add_argument("site", type=Path)
    record.add_argument("ledger", type=Path)
    args = parser.parse_args(argv)
    if args.command == "record":
        print(f"{record_addresses(args.site, args.ledger)} nya adresser i {args.ledger}")
        return 0
    failed = False
    if args.ledger:
        gone = missing_addresses(args.site, read_addresses(args.ledger))
        if gone:
            print(removal_message(gone, f"jämfört med {args.ledger}"), file=sys.stderr)
            failed = True
    if args.base:
        gone = missing_addresses(args.site, published_addresses(args.base))
        if gone:
            print(removal_message(gone, "jämfört med bygget av grenen ändringen ska slås ihop med"), file=sys.stderr)
            failed = True
    if not failed:
        print("Alla publicerade adresser finns kvar.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
