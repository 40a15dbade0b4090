"""``vmi`` is an installed package: its command runs from anywhere in the project's
environment, and the tests share helpers through it rather than by importing one another.

The engine's layers (and that it never imports MkDocs) are a contract that `make lint`
checks: [tool.importlinter] in pyproject.toml."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

from vmi.testing import vmi_command

TESTS = Path(__file__).resolve().parents[1]


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


def test_every_test_module_is_in_unit_build_or_browser():
    """`make test-fast` runs tests/unit and tests/build: a test elsewhere would be skipped."""
    misplaced = [p.relative_to(TESTS).as_posix() for p in TESTS.rglob("test_*.py")
                 if p.relative_to(TESTS).parts[0] not in {"unit", "build", "browser"}]
    assert misplaced == []
