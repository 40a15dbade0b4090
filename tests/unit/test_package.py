"""``vmi`` is an installed package: its command runs from anywhere in the project's
environment, the content layer never pulls in MkDocs, and the tests share helpers
through it rather than by importing one another."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import vmi
from vmi.testing import vmi_command

MODULES = sorted(m.name.removeprefix("vmi.") for m in pkgutil.walk_packages(vmi.__path__, "vmi.")
                 if m.name != "vmi.__main__")
TESTS = Path(__file__).resolve().parents[1]


def test_importing_every_vmi_module_imports_no_mkdocs(tmp_path):
    code = ("import importlib, sys\n"
            f"for name in {MODULES!r}: importlib.import_module('vmi.' + name)\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'mkdocs', 'material'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, check=True)  # away from the checkout: installed
    assert len(MODULES) > 20
    assert result.stdout.strip() == "[]"


def test_the_vmi_command_is_installed(tmp_path):
    result = subprocess.run([vmi_command(), "--help"], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: vmi ")


def test_no_test_module_imports_another():
    """Shared helpers live in vmi.testing: a test file stays readable and movable alone."""
    local = {p.stem for p in TESTS.rglob("*.py")}
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level
                     else [])
            found += [f"{path.relative_to(TESTS)}:{node.lineno}: {name}"
                      for name in names if name.split(".")[0] in local]
    assert found == []


# Imports made inside a function on purpose: a subcommand's heavy module (pydantic's schema
# generation) stays out of `vmi check`; QR encoding stays out of a build whose codes are
# all in the cache.
LAZY_IMPORTS = {("vmi.cli.commands", "vmi.editor.cms"), ("vmi.cli.commands", "vmi.editor.schemas"), ("vmi.site.qr", "vmi.site.qr_fast")}


def _vmi_imports(path: Path, module: str) -> list[tuple[str, bool]]:
    """The vmi modules ``module`` (file ``path``) imports, each with whether the import
    sits inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    inner = {id(node) for function in ast.walk(tree)
             if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
             for node in ast.walk(function)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = (".".join(package.split(".")[:len(package.split(".")) - node.level + 1])
                    if node.level else "")
            target = ".".join(part for part in (base, node.module or "") if part)
            names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        found += [(name, id(node) in inner) for name in names if name.split(".")[0] == "vmi"]
    return found


def test_the_content_layer_has_no_import_cycle():
    """A newcomer reads the modules in an order: each one only needs the ones before it."""
    root = Path(vmi.__file__).parent
    names = {"vmi." + m for m in MODULES} | {"vmi"}
    files = {("vmi." + ".".join(p.relative_to(root).with_suffix("").parts)).removesuffix(".__init__")
             .rstrip("."): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    lazy = []
    for module, path in files.items():
        for name, in_function in _vmi_imports(path, module):
            while name not in names and "." in name:
                name = name.rsplit(".", 1)[0]  # ``from .x import y``: y is a name of x
            if name != module:
                graph.setdefault(module, set()).add(name)
                if in_function:
                    lazy.append((module, name))
    assert set(lazy) <= LAZY_IMPORTS, lazy

    acyclic: set[str] = set()  # modules whose imports, followed all the way, never loop

    def cycle_from(module: str, path: list[str]) -> list[str] | None:
        for name in sorted(graph.get(module, set()) - acyclic):
            if name in path:
                return path[path.index(name):] + [name]
            found = cycle_from(name, path + [name])
            if found:
                return found
        acyclic.add(module)
        return None

    assert len(files) > 20
    assert [c for m in sorted(graph) if (c := cycle_from(m, [m]))] == []
