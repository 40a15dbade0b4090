"""Build benchmark: our hooks against plain MkDocs on the same pages.

For the default content, then with 100 and 1,000 generated case studies (fictional
towns, ``MODEL``: no name of a real commune, no real partner or person), it times
``mkdocs build`` of the project with its hooks and of a "plain" twin: the same theme
configuration, no hooks, and every page written out as an ordinary Markdown file holding
the HTML the hooks produced (so only the hooks differ). It prints median wall time, peak
memory, output size and the ratio; the last line is ``hooks/plain ratio at N cases:
X.XX``; the report is also written to ``bench/resultats-build.md``, above the dated
notes that file keeps. ``--smoke`` runs a tiny version for CI (nothing written).
Both sides run byte-compiled code: pip compiled MkDocs, Material and the other
dependencies when it installed them, and the benchmark compiles the copy's ``hooks/`` the
same way (``compileall``); without that, where ``PYTHONDONTWRITEBYTECODE`` is set (as on
the project's machine), Python would compile our modules from source on every build,
about 40 ms that plain MkDocs never pays.
It also measures, under ``mkdocs serve``, the time from saving a content file to the
rebuilt page being served (skipped with ``--smoke``).

Usage: ``python bench/build.py [--smoke] [--keep DIR]`` (``make bench``).
"""

from __future__ import annotations

import argparse
import compileall
import html
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

from vmi.content.loader import load_content
from vmi.core.settings import read_settings
from vmi.site.pages import expand_nav, plan_pages
from vmi.testing import ROOT, build_env, copy_project

# Name parts for generated towns: plausible French place names, all distinct.
_STEMS = ("Beau", "Belle", "Château", "Mont", "Ville", "Font", "Roche", "Val", "Pont",
          "Saint-Martin", "Sainte-Croix", "Saint-Pierre", "Bourg", "Champ", "Clair",
          "Mar", "Neuf", "Haut", "Lan", "Ker", "Aube", "Ro", "Ver", "Ar", "Bel",
          "Chaumont", "Villeneuve", "Montreuil", "Lou")
_ENDS = ("court", "ville", "mont", "fort", "lieu", "bourg", "nay", "ac", "champ", "val",
         "-sur-Loire", "-sur-Marne", "-les-Bains", "-en-Vallée", "-la-Forêt", "-le-Château",
         "ignac", "ange", "iers", "oux", "y", "é", "ois", "ières", "euil", "-d’Armor",
         "-sur-Mer", "-en-Bresse", "-du-Lac", "ède", "ans", "elle", "in", "ard", "esse",
         "-de-Provence", "-sur-Seine", "-en-Forez", "isy")
_PLACES = (("Loiret", "Centre-Val de Loire"), ("Marne", "Grand Est"),
           ("Finistère", "Bretagne"), ("Gironde", "Nouvelle-Aquitaine"),
           ("Ain", "Auvergne-Rhône-Alpes"), ("Somme", "Hauts-de-France"),
           ("Lot", "Occitanie"), ("Vendée", "Pays de la Loire"), ("Jura", "Bourgogne-Franche-Comté"),
           ("Calvados", "Normandie"), ("Var", "Provence-Alpes-Côte d’Azur"))
# Fictional mayors' names for the generated texts.
_FIRST = ("Claire", "Jean", "Sophie", "Marc", "Nadia", "Paul", "Hélène", "Yves", "Inès", "Luc")
_LAST = ("Martin", "Bernard", "Moreau", "Lefèvre", "Garnier", "Roussel", "Fabre", "Perrin")


def town_names(count: int, seed: int = 2017) -> list[str]:
    """``count`` distinct town names (deterministic), none of them the name of a real
    commune (« Rochefort », « Bourg-en-Bresse » are left out): fictional towns only."""
    from vmi.territories.official import official_data

    official = official_data()
    names = [f"{s}{e}" if e[0] == "-" or s.endswith("-") else f"{s}{e.lower()}"
             for s in _STEMS for e in _ENDS]
    names = [name for name in names if not official.named(name)]
    random.Random(seed).shuffle(names)
    if count > len(names):
        raise SystemExit(f"At most {len(names)} generated towns.")
    return names[:count]


def slug(name: str) -> str:
    import unicodedata
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


# A generated case: a fictional town, every fact in it invented and about that town
# only (no real partner, person or address: example.org). About the size and shape of
# a real case file: front matter with a roadmap, sources and a document, five sections.
MODEL = """\
---
ville: "{ville}"
departement: {departement}
region: {region}
population:
  habitants: {habitants}
  annee: 2022
  source: Chiffre fictif pour la mesure
demarche: "{ville} en commun"
annee: {annee}
resume: "{ville}, ville imaginaire de la mesure, conduit depuis {annee} une démarche de \\
  services numériques construite avec ses habitants."
piliers: [{piliers}]
partenaires:
  - Université imaginaire de {ville} (étude des besoins)
  - Association fictive des usagers de {ville}
feuille_de_route:
  - date: "{annee}"
    etape: Lancement de la démarche {ville} en commun
    description: Le conseil municipal imaginaire de {ville} adopte une première feuille de route.
  - date: "{annee}-06"
    etape: Premier forum des habitants
    description: "{maire}, personnage fictif, ouvre deux jours d’échanges sur la vie quotidienne."
  - date: "{suite}"
    etape: Bilan d’étape
    description: Les services imaginaires de {ville} publient un premier bilan.
sources:
  - titre: Site imaginaire de la ville de {ville}
    url: https://{slug}.example.org/
  - titre: Compte rendu fictif du forum de {ville}
    url: https://{slug}.example.org/forum
documents:
  - titre: Feuille de route imaginaire de {ville}
    type: presentation
    annee: {annee}
    url: https://{slug}.example.org/feuille-de-route
    publie_par: ville
    description: Document fictif, créé pour mesurer la construction du site.
---

## Le contexte

{ville} est une ville imaginaire de {departement}, créée pour la mesure. Son projet part
des besoins de la vie quotidienne plutôt que des outils, comme le recommandent les
[piliers](../piliers.md).

## Le forum des habitants

En {annee}, {maire} ouvre un forum de deux jours. Les habitants, les agents et les
associations imaginaires de la ville y décrivent ce qui leur manque :

- des démarches en ligne plus simples ;
- un accompagnement pour les personnes éloignées du numérique ;
- des informations sur les transports et les travaux.

## Une feuille de route fondée sur la vie quotidienne

Chaque projet de la feuille de route répond à l’un de ces besoins. Un tableau de suivi,
public, dit ce qui est fait, ce qui avance et ce qui est abandonné.

| Année | Étape |
| --- | --- |
| {annee} | Lancement |
| {suite} | Bilan d’étape |

## Les services numériques

Les services de {ville} testent chaque outil avec des usagers avant de l’étendre. Une
expérimentation qui ne répond pas au besoin s’arrête, et la ville le dit.

## Ce que d’autres villes moyennes peuvent en retenir

- Partir des besoins des habitants, écrits, avant de choisir un outil.
- Rendre compte publiquement de l’avancement.
- Tester à petite échelle, puis étendre ou arrêter.
"""


def generate_cases(content: Path, count: int) -> None:
    """Write ``count`` fictional case studies (``MODEL``) into ``content/cas``."""
    rng = random.Random(count)
    pillars = [p["id"] for p in yaml.safe_load((content / "piliers.yml").read_text("utf-8"))]
    for number, name in enumerate(town_names(count)):
        dept, region = _PLACES[number % len(_PLACES)]
        year = rng.randrange(2012, 2025)
        text = MODEL.format(
            ville=name, slug=slug(name), departement=dept, region=region, annee=year,
            suite=year + 1, habitants=rng.randrange(10_000, 100_000),
            maire=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
            piliers=", ".join(sorted(rng.sample(pillars, rng.randrange(2, 6)))))
        (content / "cas" / f"{slug(name)}.md").write_text(text, encoding="utf-8")


# --- the plain twin ----------------------------------------------------------------

_ARTICLE = '<article class="md-content__inner md-typeset">'
_EDIT = re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def article_html(page: str) -> str:
    """The body of a built page: Material's article, without the edit button."""
    start = page.index(_ARTICLE) + len(_ARTICLE)
    end = page.rindex("</article>", 0, page.index("<footer"))
    return _EDIT.sub("", page[start:end]).strip()


def output_path(src_uri: str) -> str:
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri.removesuffix(".md") + ".html"
    return src_uri.removesuffix(".md") + "/index.html"


def front_matter(markdown: str) -> dict:
    if markdown.startswith("---\n"):
        return yaml.safe_load(markdown.split("---\n", 2)[1]) or {}
    return {}


_PLAIN_FILTERS = '''"""The project's template filters as identities: the same templates, none of the work."""


def on_env(env, config, files):
    for name in ("vmi_defer", "vmi_nav_fixes", "vmi_cssmin"):
        env.filters[name] = lambda value: value
    return env
'''


def make_plain(project: Path, built: Path, plain: Path) -> None:
    """Write the plain twin of ``project`` (whose hooks build is in ``built``)."""
    plain.mkdir(parents=True)
    shutil.copytree(project / "overrides", plain / "overrides")
    config_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    docs = project / "docs"
    settings = read_settings(project)
    content = load_content(settings.content_dir(project),
                           {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")})
    planned = {p.src_uri: p for p in plan_pages(content, settings.titles)}
    pages = {uri: front_matter(p.markdown()) for uri, p in planned.items()}
    for path in docs.rglob("*.md"):
        pages[path.relative_to(docs).as_posix()] = front_matter(path.read_text(encoding="utf-8"))
    for src_uri, meta in pages.items():
        body = article_html((built / output_path(src_uri)).read_text(encoding="utf-8"))
        if "title" not in meta and (h1 := _H1.search(body)):
            meta["title"] = html.unescape(_TAG.sub("", _PERMALINK.sub("", h1.group(1)))).strip()
        target = plain / "docs" / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        target.write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    for asset in docs.rglob("*"):  # images and other non-Markdown files
        if asset.is_file() and asset.suffix != ".md":
            dest = plain / "docs" / asset.relative_to(docs)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(asset, dest)
    # Same configuration without our hooks, with the navigation they would have built;
    # one hook of the twin's own gives our templates' filters as identities.
    config_text = re.sub(r"(?m)^hooks:\n(?:  - .*\n)+", "hooks:\n  - plain_filters.py\n",
                         config_text)
    (plain / "plain_filters.py").write_text(_PLAIN_FILTERS, encoding="utf-8")
    config_text = re.sub(r"(?m)^(watch|validation):\n(?:  .*\n)+", "", config_text)
    nav_start = config_text.index("\nnav:\n")
    nav = yaml.safe_load(config_text[nav_start:])["nav"]
    config_text = config_text[:nav_start + 1] + yaml.safe_dump(
        {"nav": expand_nav(nav, planned, settings.navigation_max)[0]}, allow_unicode=True,
        sort_keys=False)
    (plain / "mkdocs.yml").write_text(config_text, encoding="utf-8")


# --- measuring ---------------------------------------------------------------------

@dataclass
class Run:
    seconds: float
    peak_mb: float


def build(project: Path, site: Path) -> Run:
    """One ``mkdocs build`` in a child process: wall time and its own peak RSS."""
    if site.exists():
        shutil.rmtree(site)
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                              str(project / "mkdocs.yml"), "-d", str(site)],
                             cwd=project, env=build_env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    errors = child.stderr.read().decode() if child.stderr else ""
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"Build failed in {project}:\n{errors}")
    return Run(seconds, usage.ru_maxrss / 1024)


def size_mb(site: Path) -> tuple[float, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


@dataclass
class Result:
    label: str
    cases: int
    pages: int
    hooks: list[Run]
    plain: list[Run]
    hooks_size: tuple[float, int]
    plain_size: tuple[float, int]
    cold: tuple[Run, Run]  # first builds: no build cache (.cache/) yet, nothing in the OS cache

    @staticmethod
    def median(runs: list[Run]) -> float:
        return statistics.median(r.seconds for r in runs)

    @property
    def ratio(self) -> float:
        return self.median(self.hooks) / self.median(self.plain)


def measure(work: Path, generated: int, runs: int) -> Result:
    project = copy_project(work / "hooks")
    compileall.compile_dir(project / "hooks", quiet=1)  # as pip did for the dependencies
    if generated:
        generate_cases(project / "content", generated)
    cases = len(list((project / "content" / "cas").glob("*.md")))
    cold_hooks = build(project, work / "site-hooks")  # and the source of the twin
    make_plain(project, work / "site-hooks", work / "plain")
    cold_plain = build(work / "plain", work / "site-plain")
    hooks, plain = [], []
    for _ in range(runs):  # alternated, so that both see the same state of the machine
        hooks.append(build(project, work / "site-hooks"))
        plain.append(build(work / "plain", work / "site-plain"))
    pages = len(list((work / "site-hooks").rglob("index.html")))
    return Result("contenu par défaut" if not generated else f"+{generated} démarches",
                  cases, pages, hooks, plain, size_mb(work / "site-hooks"),
                  size_mb(work / "site-plain"), (cold_hooks, cold_plain))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_latency(work: Path, tries: int = 3) -> list[float]:
    """Seconds from saving ``content/cas/bethune.md`` to ``/cas/bethune/`` showing it."""
    project = copy_project(work / "serve")
    port = free_port()
    url = f"http://127.0.0.1:{port}/cas/bethune/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f",
                               str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=build_env(), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    source = project / "content" / "cas" / "bethune.md"
    original = source.read_text(encoding="utf-8")
    timings = []
    try:
        _wait_for(url, "</html>", 60)
        for attempt in range(tries):
            marker = f"Repère de mesure {attempt} {time.time_ns()}"
            time.sleep(1.5)  # let the watcher settle after the previous rebuild
            started = time.perf_counter()
            source.write_text(f"{original}\n\n{marker}\n", encoding="utf-8")
            _wait_for(url, marker, 60)
            timings.append(time.perf_counter() - started)
    finally:
        server.terminate()
        server.wait(10)
    return timings


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"Timed out waiting for {text!r} at {url}")


def report(results: list[Result], latency: list[float] | None) -> str:
    lines = ["| Contenu | Démarches | Pages | Hooks (s, médiane) | MkDocs seul (s) | Ratio "
             "| Mémoire max hooks / seul (Mo) | Sortie hooks / seul (Mo, fichiers) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(
            f"| {r.label} | {r.cases} | {r.pages} | {r.median(r.hooks):.2f} "
            f"| {r.median(r.plain):.2f} | {r.ratio:.2f} "
            f"| {max(x.peak_mb for x in r.hooks):.0f} / {max(x.peak_mb for x in r.plain):.0f} "
            f"| {r.hooks_size[0]:.1f} ({r.hooks_size[1]}) / {r.plain_size[0]:.1f} "
            f"({r.plain_size[1]}) |")
    base = results[0]
    for r in results[1:]:
        added = r.cases - base.cases
        lines.append(f"\nPar démarche ajoutée ({r.label}) : "
                     f"{1000 * (r.median(r.hooks) - base.median(base.hooks)) / added:.1f} ms, "
                     f"{1000 * (r.hooks_size[0] - base.hooks_size[0]) / added:.0f} Ko de sortie.")
    runs = ", ".join(f"{len(r.hooks)}" for r in results)
    lines.append(f"\nExécutions par mesure : {runs}, hooks et MkDocs seul en alternance "
                 "(médiane ; la première, à froid, est écartée).")
    cold = results[-1].cold
    lines.append(f"Première construction ({results[-1].label}, sans cache de construction "
                 f"`.cache/`) : {cold[0].seconds:.2f} s avec hooks, "
                 f"{cold[1].seconds:.2f} s MkDocs seul ({cold[0].seconds / cold[1].seconds:.2f}).")
    if latency:
        lines.append(f"`mkdocs serve`, enregistrement d’un fichier de content/ → page à jour : "
                     f"médiane {statistics.median(latency):.2f} s "
                     f"({', '.join(f'{t:.2f}' for t in latency)}).")
    last = results[-1]
    lines.append(f"hooks/plain ratio at {last.cases - base.cases} cases: {last.ratio:.2f}")
    return "\n".join(lines)


def write_report(path: Path, measures: str) -> None:
    """The new measures in place of the old ones; the dated notes below them (``## …``
    sections, written by hand) are kept."""
    previous = path.read_text(encoding="utf-8") if path.exists() else ""
    notes = previous.find("\n## ")
    path.write_text(measures + (previous[notes:] if notes >= 0 else ""), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="tiny version for CI")
    parser.add_argument("--keep", type=Path, help="keep the generated projects in this folder")
    args = parser.parse_args()
    plan = [(0, 1), (3, 1)] if args.smoke else [(0, 5), (100, 5), (1000, 5)]
    work = Path(args.keep or tempfile.mkdtemp(prefix="vmi-bench-"))
    try:
        results = []
        for generated, runs in plan:
            print(f"… {generated} démarches générées, {runs} exécution(s)", file=sys.stderr)
            results.append(measure(work / f"n{generated}", generated, runs))
        latency = None if args.smoke else serve_latency(work)
        text = report(results, latency)
        print(text)
        if not args.smoke:
            header = (f"# Mesures de construction (make bench)\n\nMachine du projet "
                      f"({os.cpu_count()} cœurs), {time.strftime('%Y-%m-%d')}.\n\n")
            write_report(ROOT / "bench" / "resultats-build.md", header + text + "\n")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
