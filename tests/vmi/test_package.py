"""``vmi`` is an installed package: its command runs from anywhere in the project's
environment, and the content layer never pulls in MkDocs."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import vmi
from vmi.testing import vmi_command

MODULES = sorted(m.name for m in pkgutil.iter_modules(vmi.__path__) if m.name != "__main__")


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
