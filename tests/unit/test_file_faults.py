"""File-level faults: each one French ``path: message`` line, all of them in one run.

A file that is not UTF-8, a binary file with a ``.md`` name, an unreadable file, a folder
where a file is expected (and a file where a folder is), a named pipe, a broken link and
files over the size limits (10 Mo for a Markdown file, 1 Mo for a YAML file).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from vmi.cli.commands import check
from vmi.core.limits import MAX_FILE_BYTES, MAX_YAML_BYTES
from vmi.territories import official as territories

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534


@contextlib.contextmanager
def unprivileged():
    """Root reads any file whatever its mode: act as ``nobody`` for the run."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def project():
    # Readable by ``nobody``: not under pytest's private temporary folder.
    folder = Path(tempfile.mkdtemp(prefix="vmi-fautes-"))
    folder.chmod(0o755)
    target = folder / "projet"
    for part in ("content", "docs"):
        shutil.copytree(ROOT / part, target / part)
    yield target
    shutil.rmtree(folder)


def _faults(project: Path) -> None:
    content = project / "content"
    cas = content / "cas"
    model = (cas / "bethune.md").read_text(encoding="utf-8")
    (cas / "latin1.md").write_bytes(model.replace("Béthune", "Exempleville").encode("latin-1",
                                                                                      "replace"))
    (cas / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (cas / "illisible.md").write_text(model, encoding="utf-8")
    (cas / "illisible.md").chmod(0)
    (cas / "dossier.md").mkdir()
    os.mkfifo(cas / "tube.md")
    (cas / "lien.md").symlink_to(cas / "nulle-part.md")
    (cas / "lourd.md").write_text(model + "x" * MAX_FILE_BYTES, encoding="utf-8")
    glossaire = (content / "glossaire.yml").read_text(encoding="utf-8")
    (content / "glossaire.yml").write_text(glossaire + "#" * MAX_YAML_BYTES, encoding="utf-8")
    (content / "piliers.yml").unlink()
    (content / "piliers.yml").mkdir()
    shutil.rmtree(content / "specificites")
    (content / "specificites").write_text("pas un dossier", encoding="utf-8")
    (project / "docs" / "vide.md").mkdir()


EXPECTED = [
    "content/cas/image.md: fichier binaire (image, PDF, document de traitement de texte…), pas "
    "du texte : un fichier de contenu doit être du texte en UTF-8",
    "content/cas/illisible.md: fichier illisible (droits d’accès insuffisants : rendez-le "
    "lisible, par exemple avec chmod a+r)",
    "content/cas/dossier.md: c’est un dossier, un fichier est attendu à cet endroit : "
    "renommez ou déplacez ce dossier",
    "content/cas/tube.md: ce n’est pas un fichier ordinaire (tube, périphérique…) : "
    "remplacez-le par un fichier texte",
    "content/cas/lien.md: fichier introuvable (lien symbolique cassé ?) : remplacez-le par le "
    "vrai fichier",
    "content/cas/lourd.md: fichier trop lourd (10 Mo) : 10 Mo au plus pour un fichier de "
    "contenu ; découpez-le ou allégez-le",
    "content/glossaire.yml: fichier trop lourd (1 Mo) : 1 Mo au plus pour un fichier YAML ; "
    "découpez-le ou allégez-le",
    "content/piliers.yml: c’est un dossier, un fichier est attendu à cet endroit : renommez ou "
    "déplacez ce dossier",
    "content/specificites: c’est un fichier, un dossier est attendu à cet endroit : renommez-le",
    "docs/vide.md: c’est un dossier, un fichier est attendu à cet endroit : renommez ou "
    "déplacez ce dossier",
]


def test_every_file_fault_is_reported_in_french_in_one_run(project: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    # The package's own data is read before acting as nobody: a checkout in a private
    # folder (a fresh clone under mktemp) is out of nobody's reach, not the content.
    read, data = territories.official_data, territories.official_data()
    data.named("Cahors")  # reads every communes file now, while they are readable
    for module in [m for name, m in sys.modules.items() if name.startswith("vmi.")]:
        if getattr(module, "official_data", None) is read:
            monkeypatch.setattr(module, "official_data", lambda *_: data)
    _faults(project)
    with unprivileged():
        errors, _ = check(project)
    lines = [str(error).replace("\u00a0", " ").replace("\u202f", " ") for error in errors]
    latin = (project / "content" / "cas" / "latin1.md").read_bytes()
    first = latin[: next(i for i, b in enumerate(latin) if b > 127)].count(b"\n") + 1
    assert (f"content/cas/latin1.md:{first}: le fichier n’est pas encodé en UTF-8 : "
            f"enregistrez-le en UTF-8 depuis votre éditeur") in lines
    for expected in EXPECTED:
        assert expected in lines, "\n".join(lines)


def test_the_size_limits_are_the_documented_ones():
    guide = (ROOT / "docs" / "contribuer.md").read_text(encoding="utf-8")
    assert MAX_FILE_BYTES == 10 * 1024 * 1024 and MAX_YAML_BYTES == 1024 * 1024
    assert "10 Mo" in guide.replace("\u00a0", " ") and "1 Mo" in guide.replace("\u00a0", " ")
