"""The repository's files for GitHub and for citers: the correction form and its config, Dependabot and CITATION.cff.

Each is validated offline against its published schema (vendored in check-jsonschema, from uv.lock), broken
examples must fail, and each must agree with what the site itself says (mkdocs.yml, the package, the templates).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from arkiv.site import corrections, export, feed
from arkiv.templating import env
from github_schemas import check

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
FILES = {
    FORMS / corrections.FORM: "vendor.github-issue-forms",
    FORMS / "config.yml": "vendor.github-issue-config",
    ROOT / ".github" / "dependabot.yml": "vendor.dependabot",
    ROOT / "CITATION.cff": "vendor.citation-file-format",
}


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def mkdocs_config() -> dict:
    # mkdocs.yml holds no custom tags, so plain YAML reads it.
    return load(ROOT / "mkdocs.yml")


@pytest.mark.parametrize("path", sorted(FILES), ids=lambda p: p.name)
def test_valid_against_its_published_schema(path):
    result = check(FILES[path], path)
    assert result.valid, result.output


FIELD = "  - type: input\n    id: sida\n    attributes:\n      label: År eller sida\n"
BROKEN = {
    "vendor.github-issue-forms": {
        "no-name": "description: x\nbody:\n" + FIELD,
        "unknown-field-type": "name: x\ndescription: x\nbody:\n  - type: inputs\n    id: a\n    attributes:\n"
                              "      label: a\n",
        "field-without-label": "name: x\ndescription: x\nbody:\n  - type: input\n    id: a\n    attributes:\n"
                               "      placeholder: a\n",
        "required-as-text": "name: x\ndescription: x\nbody:\n" + FIELD + "    validations:\n      required: ja\n",
    },
    "vendor.github-issue-config": {
        "link-without-url": "blank_issues_enabled: false\ncontact_links:\n  - name: a\n    about: b\n",
        "blank-issues-as-text": "blank_issues_enabled: kanske\n",
    },
    "vendor.dependabot": {
        "unknown-ecosystem": "version: 2\nupdates:\n  - package-ecosystem: pypi\n    directory: /\n"
                             "    schedule:\n      interval: weekly\n",
        "no-schedule": "version: 2\nupdates:\n  - package-ecosystem: uv\n    directory: /\n",
        "version-1": "version: 1\nupdates: []\n",
    },
    "vendor.citation-file-format": {
        "no-authors": "cff-version: 1.2.0\nmessage: x\ntitle: x\n",
        "unknown-licence": "cff-version: 1.2.0\nmessage: x\ntitle: x\nauthors:\n  - name: x\nlicense: CC0\n",
        "unknown-type": "cff-version: 1.2.0\nmessage: x\ntitle: x\nauthors:\n  - name: x\ntype: databas\n",
    },
}


@pytest.mark.parametrize("schema, name", [(s, n) for s, cases in BROKEN.items() for n in cases])
def test_a_broken_file_is_caught(tmp_path, schema, name):
    broken = tmp_path / f"{name}.yml"
    broken.write_text(BROKEN[schema][name], encoding="utf-8")
    result = check(schema, broken)
    assert result.refused, f"{name} was not refused by {schema}:\n{result.output}"


# --- The correction form --------------------------------------------------------------------------------------

def form_fields() -> dict[str, dict]:
    return {f["id"]: f for f in load(FORMS / corrections.FORM)["body"] if "id" in f}


def test_form_asks_for_page_what_is_wrong_what_is_right_and_the_source():
    fields = form_fields()
    # The link on the pages fills in this field: it must exist and be a one-line input.
    assert fields[corrections.PAGE_FIELD]["type"] == "input"
    required = {i for i, f in fields.items() if f.get("validations", {}).get("required")}
    assert required == {corrections.PAGE_FIELD, "fel", "ratt", "kalla"}
    assert fields["kalla"]["attributes"]["label"] == "Källa"
    assert "Utan källa" in fields["kalla"]["attributes"]["description"]


def test_contact_is_optional_and_the_form_says_what_is_public():
    form = load(FORMS / corrections.FORM)
    contact = form_fields()["kontakt"]
    assert contact["validations"]["required"] is False
    assert "(frivilligt)" in contact["attributes"]["label"]
    # GitHub publishes everything in an issue: the form says so, and asks for no personal contact details.
    assert "publiceras" in contact["attributes"]["description"]
    intro = " ".join(f["attributes"]["value"] for f in form["body"] if f["type"] == "markdown")
    assert "offentligt" in intro and "e-postadress" in intro


def test_form_title_is_the_one_the_links_fill_in():
    assert load(FORMS / corrections.FORM)["title"].startswith(corrections.TITLE)


def test_correction_url_opens_the_form_with_the_page_filled_in():
    url = corrections.correction_url("https://github.com/o/r/", "Värmdö kommun", "https://x.se/arkiv/kommuner/varmdo/")
    assert url == ("https://github.com/o/r/issues/new?template=rattelse.yml&title=R%C3%A4ttelse%3A%20V%C3%A4rmd%C3%B6"
                   "%20kommun&sida=V%C3%A4rmd%C3%B6%20kommun%20%28https%3A%2F%2Fx.se%2Farkiv%2Fkommuner%2Fvarmdo%2F%29")
    assert corrections.correction_url("https://github.com/o/r") == \
        "https://github.com/o/r/issues/new?template=rattelse.yml&title=R%C3%A4ttelse"
    with pytest.raises(ValueError, match="repo_url"):
        corrections.correction_url("", "2023", "https://x.se/2023/")


# GitHub's anchor for a Markdown heading: lower case, punctuation dropped (letters such as å, ä, ö kept), - for spaces.
def github_anchor(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(markdown: Path) -> set[str]:
    return {github_anchor(h) for h in re.findall(r"^#{1,6} (.+)$", markdown.read_text(encoding="utf-8"), re.M)}


def test_config_links_to_the_repository_and_a_real_section():
    config = load(FORMS / "config.yml")
    repo = mkdocs_config()["repo_url"].rstrip("/")
    for link in config["contact_links"]:
        url, _, fragment = link["url"].partition("#")
        assert url.startswith(repo + "/"), url
        path = url.removeprefix(repo + "/blob/main/")
        assert (ROOT / path).is_file(), path
        assert unquote(fragment) in anchors(ROOT / path), fragment


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "README.md"])
def test_links_within_the_guides_reach_a_heading(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    found = anchors(ROOT / name)
    for target, fragment in re.findall(r"\]\(([^)#\s]*)#([^)\s]+)\)", text):
        other = anchors(ROOT / target) if target else found
        assert unquote(fragment) in other, f"{name}: #{fragment} ({target or 'samma fil'})"


# --- Dependabot -----------------------------------------------------------------------------------------------

def test_dependabot_updates_actions_and_the_locked_python_packages_weekly():
    updates = {u["package-ecosystem"]: u for u in load(ROOT / ".github" / "dependabot.yml")["updates"]}
    assert set(updates) == {"github-actions", "uv"}
    assert all(u["schedule"]["interval"] == "weekly" and u["directory"] == "/" for u in updates.values())
    assert (ROOT / "uv.lock").is_file() and (ROOT / ".github" / "workflows").is_dir()
    # What pyproject.toml keeps out on purpose (mkdocs < 2) is not proposed as a major update.
    ignored = {i["dependency-name"] for i in updates["uv"]["ignore"]}
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for name in ignored:
        assert re.search(rf'"{re.escape(name)}>=[^"]*,<\d', pyproject), name


# --- CITATION.cff agrees with the site ----------------------------------------------------------------------

# The archive's name and address as the site's own citations give them (the `cite` macro every page uses, with the
# archive's title from the data).
def site_citation(archive) -> tuple[str, str]:
    text = str(env().get_template("macros.j2").module.cite("Rubrik", "https://adress.invalid/", None, archive.title))
    match = re.search(r"<code>Rubrik\. I: (.+?)\. https://adress\.invalid/", text)
    assert match, text
    return match.group(1), mkdocs_config()["site_url"]


def test_citation_agrees_with_the_site_and_its_licence(archive):
    cff = load(ROOT / "CITATION.cff")
    title, site_url = site_citation(archive)
    assert cff["type"] == "dataset"
    assert cff["title"] == title
    assert cff["url"] == site_url
    assert cff["repository-code"].rstrip("/") == mkdocs_config()["repo_url"].rstrip("/")
    # The licence the open data declares (arkiv.json), and the footer's note from mkdocs.yml.
    licence = export.archive_json(archive, site_url, "2025-01-01T00:00:00Z", None)["licence"]
    assert cff["license"] == licence["data"]
    spdx_words = licence["data"].replace("-", " ")  # CC0-1.0 -> "CC0 1.0"
    assert spdx_words in mkdocs_config()["copyright"]
    assert spdx_words in cff["message"]


def test_citation_author_is_the_feeds_author(archive):
    cff = load(ROOT / "CITATION.cff")
    atom = feed.atom(archive, "https://adress.invalid/", "Arkivet", {}, "2025-01-01T00:00:00Z")
    author = re.search(r"<author><name>(.+?)</name>", atom).group(1)
    assert [a["name"] for a in cff["authors"]] == [author]


# --- README's command table -----------------------------------------------------------------------------------

def readme_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [cmd.split() for cmd in re.findall(r"^\| `((?:python3 dev\.py|\.venv/bin/arkiv) [^`]*)` \|", text, re.M)]


def test_every_command_in_the_readme_table_exists():
    from arkiv.tools.cli import build_parser

    commands = readme_commands()
    assert [".venv/bin/arkiv", "changes", "main"] in commands
    assert ["python3", "dev.py", "check", "--format", "github"] in commands
    dev = (ROOT / "dev.py").read_text(encoding="utf-8")
    for cmd in commands:
        if cmd[0] == "python3":
            assert f'what == "{cmd[2]}"' in dev, cmd
            if cmd[2] != "check":
                continue
            cmd = [".venv/bin/arkiv", *cmd[2:]]  # dev.py check passes its arguments on to `arkiv check`
        args = build_parser().parse_args(cmd[1:])  # exits (fails the test) on an unknown command or option
        assert args.command == cmd[1]
