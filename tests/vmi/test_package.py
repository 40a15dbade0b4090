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

MODULES = sorted(m.name for m in pkgutil.walk_packages(vmi.__path__)
                 if m.name != "__main__")
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
