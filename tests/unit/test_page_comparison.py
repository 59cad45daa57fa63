"""The page-by-page comparison behind `arkiv pages-changed` (arkiv.tools.pages_changed), on two small sites written
here: what counts as a change, what does not, and how the list reads."""

from __future__ import annotations

from pathlib import Path

from arkiv.tools import pages_changed as pc

URL = "https://example.org/arkiv/"


# A page as the theme writes one: head with title and canonical link, a navigation, the article, a footer.
def page(title: str, article: str, canonical: str, nav: str = "<a href='../2023/'>2023</a>") -> str:
    return (f'<html><head><title>{title}</title><link rel="canonical" href="{URL}{canonical}">'
            f'<meta name="description" content="{title}"></head><body><nav>{nav}</nav>'
            f'<article class="md-content__inner">{article}</article><footer>Byggd</footer></body></html>')


def write(site: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return site


BASE = {
    "index.html": page("Start", "<p>Alla år.</p>", ""),
    "2023/index.html": page("2023", '<p>Motivering.</p><pre><code>2023. I: Arkivet. https://example.org/arkiv/2023/ '
                                    '(uppgifterna senast ändrade 21 november 2023).</code></pre>', "2023/"),
    "2021/index.html": page("2021", '<p><a href="../kommuner/nacka/">Nacka</a></p>', "2021/"),
    "kommuner/nacka/index.html": page("Nacka", "<p>Nacka.</p>", "kommuner/nacka/"),
    "sveriges-it-kommun-2021/index.html": '<meta http-equiv="refresh" content="0; url=../2021/">',
    "404.html": page("Sidan finns inte", "<p>Saknas.</p>", "404.html"),
}


def test_new_changed_and_removed_pages_and_nothing_else(tmp_path):
    base = write(tmp_path / "base", BASE)
    new = dict(BASE)
    new["index.html"] = page("Start", "<p>Alla år, och 2025.</p>", "", nav="<a href='../2025/'>2025</a>")
    new["2023/index.html"] = new["2023/index.html"].replace("21 november 2023", "3 december 2026")  # a date only
    new["2021/index.html"] = page("2021", '<p><a href="../kommuner/nacka/">Nacka</a></p>', "2021/",
                                  nav="<a href='../2025/'>2025</a>")  # the navigation only
    new["2025/index.html"] = page("2025", "<p>Ny.</p>", "2025/")
    new["sveriges-it-kommun-2025/index.html"] = '<meta http-equiv="refresh" content="0; url=../2025/">'
    new["404.html"] = page("Sidan finns inte", "<p>Annan text.</p>", "404.html")
    del new["kommuner/nacka/index.html"]
    site = write(tmp_path / "site", new)
    found = pc.compare(base, site)
    assert [(c.address, c.kind) for c in found] == [("/2025/", "ny"), ("/", "ändrad"),
                                                     ("/kommuner/nacka/", "borttagen")]
    assert found[0].file == "2025/index.html" and found[1].file == "index.html"
    assert found[1].published == URL and found[0].published is None


def test_a_title_counts_and_the_form_of_the_links_does_not(tmp_path):
    base = write(tmp_path / "base", BASE)
    offline = {rel.replace("../kommuner/nacka/", "../kommuner/nacka/index.html"): text.replace(
        "../kommuner/nacka/", "../kommuner/nacka/index.html") for rel, text in BASE.items()}
    offline["2023/index.html"] = BASE["2023/index.html"].replace("<title>2023</title>", "<title>År 2023</title>")
    site = write(tmp_path / "site", offline)
    assert [(c.address, c.kind) for c in pc.compare(base, site)] == [("/2023/", "ändrad")]


def test_the_list_in_swedish(tmp_path):
    changes = [pc.PageChange("/2025/", "ny", "2025/index.html", None),
               pc.PageChange("/2023/", "ändrad", "2023/index.html", URL + "2023/"),
               pc.PageChange("/2021/", "ändrad", "2021/index.html", URL + "2021/")]
    text = pc.render("main", changes, 1120)
    assert text.startswith("## Sidor som ändras jämfört med `main`\n")
    assert "1 ny sida och 2 sidor ändras av 1\u00a0120." in text
    assert "| `/2025/` | ny | `2025/index.html` |" in text
    assert f"| [`/2023/`]({URL}2023/) | ändrad | `2023/index.html` |" in text
    assert "Ingen av de 1\u00a0120 sidorna får nytt innehåll." in pc.render("main", [], 1120)


def test_a_base_that_does_not_build_is_said_instead_of_the_list():
    text = pc.render("main", [], 109, problem="Sajten i versionen main går inte att bygga:\nERROR - data/winners.yaml")
    assert "Sidorna kan inte jämföras, för sajten i `main` går inte att bygga." in text
    assert "\n    ERROR - data/winners.yaml\n" in text  # git's and MkDocs' words, as a block
    assert "| Sida |" not in text and "Ingen av de" not in text
