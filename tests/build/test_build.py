"""Full builds: the pages generated from content/, their links, escaping, failures."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from vmi.testing import ROOT, run_build


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_case_page_has_facts_pillars_roadmap_and_sources(site_dir: Path):
    page = read(site_dir, "cas/bethune/index.html")
    facts = page[page.index('class="vmi-facts"'):page.index("</aside>")]
    assert "Pas-de-Calais" in facts and "Hauts-de-France" in facts
    assert "Université de Lille 1" in facts
    assert 'href="../../piliers/#sante"' in facts
    roadmap = page[page.index('class="vmi-timeline"'):]
    dates = re.findall(r'<time datetime="([\d-]+)">', roadmap)
    assert dates == sorted(dates) and "2017-09-22" in dates
    assert "22\u00a0septembre 2017" in html.unescape(roadmap)
    assert 'href="https://www.unge.net/' in page[page.index('id="vmi-sources"'):]


def test_indexes_list_every_entry(site_dir: Path):
    cards = read(site_dir, "specificites/index.html")
    titles = re.findall(r'<h2 id="([a-z-]+)"><a href', cards)
    assert titles[0] == "pas-seulement-une-question-de-taille" and len(titles) >= 4
    cases = read(site_dir, "cas/index.html")
    assert 'data-piliers="habitat environnement' in cases
    assert 'href="bethune/"' in cases


def test_pillars_page_links_each_pillar_to_its_cases(site_dir: Path):
    page = read(site_dir, "piliers/index.html")
    section = page[page.index('<h2 id="entraide-solidarite"'):]
    assert 'href="../cas/bethune/"' in section[:800]


def test_glossary_terms_explain_themselves_in_other_pages(site_dir: Path):
    assert 'id="bassin-de-vie"' in read(site_dir, "glossaire/index.html")
    page = read(site_dir, "specificites/echelle-du-bassin-de-vie/index.html")
    marked = re.findall(r'<abbr title="(Le territoire que les habitants[^"]*)" '
                        r'data-vmi-titre="[^"]*">bassin de vie</abbr>', page)
    assert len(marked) == 1  # explained on first use only
    assert page.count("bassin de vie") > 2


def test_quiz_blocks_become_forms(site_dir: Path):
    page = read(site_dir, "cas/bethune/index.html")
    assert "```quiz" not in page
    assert page.count('data-correct="oui"') >= 1
    assert '<form class="vmi-quiz" data-quiz>' in page


def test_generated_pages_are_in_navigation_and_search(site_dir: Path):
    home = read(site_dir, "index.html")
    assert 'href="specificites/agilite-et-proximite/"' in home
    index = json.loads(read(site_dir, "search/search_index.json"))
    locations = {doc["location"] for doc in index["docs"]}
    assert {"cas/bethune/", "piliers/", "glossaire/", "specificites/"} <= locations
    bethune = next(d for d in index["docs"] if d["location"] == "cas/bethune/")
    assert "bethune" in bethune["text"].lower() and "Béthune" in bethune["title"]


NEW_CASE = """\
---
ville: Villeneuve-Exemple
demarche: Villeneuve connectée
annee: 2021
resume: Une démarche fictive pour le test.
piliers: [sante]
sources:
  - titre: Source
    url: https://example.org/
---

## Un texte
"""


def test_a_new_case_file_needs_no_code_change(project: Path, tmp_path: Path):
    (project / "content" / "cas" / "villeneuve-exemple.md").write_text(NEW_CASE)
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    assert "Villeneuve connectée" in read(site, "cas/villeneuve-exemple/index.html")
    assert 'href="villeneuve-exemple/"' in read(site, "cas/index.html")
    pillars = read(site, "piliers/index.html")
    sante = pillars[pillars.index('<h2 id="sante"'):pillars.index('<h2 id="bien-etre"')]
    assert "Villeneuve-Exemple" in sante
    index = json.loads(read(site, "search/search_index.json"))
    assert any(d["location"] == "cas/villeneuve-exemple/" for d in index["docs"])


def test_markup_in_content_is_shown_as_text(project: Path, tmp_path: Path):
    hostile = NEW_CASE.replace("ville: Villeneuve-Exemple",
                               "ville: \"</title><script>alert(1)</script>\"")
    hostile = hostile.replace("resume: Une démarche fictive pour le test.",
                              "resume: \"<img src=x onerror=alert(2)> \\\" fin\"")
    (project / "content" / "cas" / "piege.md").write_text(hostile)
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    for path in ("cas/piege/index.html", "cas/index.html", "piliers/index.html",
                 "index.html"):
        page = read(site, path)
        assert "<script>alert(1)" not in page, path
        assert "<img src=x" not in page, path
    page = read(site, "cas/piege/index.html")
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert re.search(r"<title>[^<]*&lt;script&gt;", page)


def test_make_build_keeps_the_previous_site_when_strict_mode_fails(project: Path):
    """Strict mode counts warnings at the very end; `make build` swaps site/ in only then."""
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy2(ROOT / name, project / name)
    venv = project / "venv"  # the already installed tools, without installing again
    (venv / "bin").mkdir(parents=True)
    for tool, target in (("python", sys.executable), ("mkdocs", Path(sys.executable).parent / "mkdocs")):
        (venv / "bin" / tool).symlink_to(target)
    (venv / ".site-installed").touch()
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("ancien site")
    page = project / "docs" / "a-propos.md"
    page.write_text(page.read_text() + "\n[Lien cassé](page-absente.md)\n")
    result = subprocess.run(["make", "build", f"VENV={venv}"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "page-absente.md" in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert not list(project.glob(".site-*"))  # the attempt is cleaned up
    page.write_text(page.read_text().replace("[Lien cassé](page-absente.md)", ""))
    result = subprocess.run(["make", "build", f"VENV={venv}"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (site / "cas" / "bethune" / "index.html").is_file()
