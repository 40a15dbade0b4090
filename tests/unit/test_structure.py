"""The content layer's shape: modules import each other one way, and the registry of
generated pages is the one list the planner and the link checker agree on."""

from __future__ import annotations

import ast
from pathlib import Path

from vmi.content.loader import load_content
from vmi.content.registry import KINDS, planned_paths
from vmi.site.pages import plan_pages
from vmi.testing import ROOT

PACKAGE = ROOT / "hooks" / "vmi"


def _sibling_imports(path: Path) -> set[str]:
    """Modules of the package that ``path`` imports, anywhere in the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def test_content_layer_has_no_import_cycle():
    graph = {p.stem: _sibling_imports(p) for p in PACKAGE.glob("*.py")}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " → ".join(path + (module,))
        if module in done:
            return
        for imported in graph.get(module, ()):
            visit(imported, path + (module,))
        done.add(module)

    for module in graph:
        visit(module, ())


def test_link_checker_knows_every_generated_page():
    """``make check`` accepts a link exactly when the build generates its page."""
    docs = ROOT / "docs"
    docs_pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    content = load_content(ROOT / "content", docs_pages)
    planned = {page.src_uri for page in plan_pages(content)}
    assert planned == planned_paths(ROOT / "content")
    assert {page.kind for page in plan_pages(content)} == set(KINDS)


def test_generated_page_templates_exist():
    for kind in KINDS:
        assert (ROOT / "overrides" / kind.body).is_file(), kind.body
        if kind.page_template:
            assert (ROOT / "overrides" / kind.page_template).is_file(), kind.page_template
