"""The document library: files under ``content/documents/`` and links, per case or general.

Files are checked here (not in the models) because their checks need the content
folder on disk: a missing file, a path that climbs out of the folder, a heavy file.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from vmi.content.entries import Content, Entry
from vmi.core.errors import ContentError
from vmi.core.slugs import slugify
from vmi.core.source import Located, field_name
from vmi.core.suggest import unknown_message
from vmi.model.models import PUBLIE_PAR, Cas, Document, TypeDocument

FOLDER = "documents"
MAX_BYTES = 10 * 1024 * 1024
LIMIT = "10\u00a0Mo"  # MAX_BYTES as editors read it
EXAMPLE = "exempleville/feuille-de-route.pdf"
_GENERAL = Located("content/documents.yml", None)  # stands in once errors are ruled out


@dataclass(frozen=True)
class Placed:
    """A document with where it was written: a case's front matter or documents.yml."""

    document: Document
    located: Located
    loc: tuple[str | int, ...]
    cas: Entry[Cas] | None = None


def placed_documents(content: Content, documents_file: Located | None = None
                     ) -> Iterator[Placed]:
    """Every document of every case, then the case-independent ones."""
    for entry in content.cas:
        for index, document in enumerate(entry.model.documents):
            yield Placed(document, entry.located, ("documents", index), entry)
    for index, document in enumerate(content.documents):
        yield Placed(document, documents_file or _GENERAL, (index,))


def site_path(fichier: str) -> str:
    """``bethune/cdc.pdf`` → ``documents/bethune/cdc.pdf``, its path in the built site."""
    return f"{FOLDER}/{PurePosixPath(fichier).as_posix()}"


def source_path(root: Path, fichier: str) -> Path:
    """The file on disk for a ``fichier`` value (``root`` is the ``content/`` folder)."""
    return root / FOLDER / fichier


def _path_problem(root: Path, fichier: str) -> str | None:
    if "\\" in fichier:
        return f"utilisez des barres obliques « / » dans le chemin (ex. {EXAMPLE})"
    folder = (root / FOLDER).resolve()
    normal = posixpath.normpath(fichier)
    leaves = fichier.startswith("/") or normal == ".." or normal.startswith("../")
    if not leaves:
        try:
            (folder / fichier).resolve().relative_to(folder)
        except ValueError:  # a symbolic link pointing elsewhere
            leaves = True
    if leaves:
        return (f"le chemin sort du dossier content/{FOLDER}/ : indiquez un chemin relatif à "
                f"ce dossier (ex. {EXAMPLE})")
    path = source_path(root, fichier)
    if not path.is_file():
        return (f"fichier introuvable : placez « {fichier} » dans content/{FOLDER}/ "
                f"ou corrigez le chemin")
    return None


def check_documents(content: Content, documents_file: Located | None, check_types: bool = True
                    ) -> tuple[list[ContentError], list[ContentError]]:
    """Errors (unknown type, bad or missing file) and warnings (heavy files).

    ``check_types`` is off when types-documents.yml is broken: it reports that itself.
    """
    errors: list[ContentError] = []
    warnings: list[ContentError] = []
    types = {t.id for t in content.types_documents}
    for placed in placed_documents(content, documents_file):
        document, located = placed.document, placed.located

        def error(key: str, message: str, into: list[ContentError] = errors,
                  placed: Placed = placed, located: Located = located) -> None:
            loc = placed.loc + (key,)
            into.append(ContentError(located.path, located.line(loc), field_name(loc),
                                     message))

        if check_types and document.type not in types:
            error("type", unknown_message("type de document", document.type, types) if types
                  else f"type de document inconnu « {document.type} » (connus : aucun : "
                  "créez content/types-documents.yml)")
        if document.fichier is None:
            continue
        problem = _path_problem(content.root, document.fichier)
        if problem:
            error("fichier", problem)
            continue
        size = source_path(content.root, document.fichier).stat().st_size
        if size > MAX_BYTES:
            error("fichier", f"fichier lourd ({size_fr(size)}) : au-delà de {LIMIT}, le site et "
                  f"son archive hors ligne s’alourdissent ; compressez-le ou donnez plutôt "
                  f"son adresse web (url)", warnings)
    return errors, warnings


def size_fr(size: int) -> str:
    """``1234567`` → ``1,2 Mo`` (French units, decimal comma)."""
    if size < 1024:
        return f"{size}\u00a0octet{'s' if size > 1 else ''}"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))}\u00a0Ko"
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + "\u00a0Mo"


def file_format(fichier: str) -> str:
    """``cdc.pdf`` → ``PDF``: the extension readers recognise."""
    suffix = PurePosixPath(fichier).suffix.lstrip(".")
    return suffix.upper() if suffix else "fichier"


@dataclass(frozen=True)
class Item:
    """One document as pages show it."""

    document: Document
    type: TypeDocument
    anchor: str
    cas: Entry[Cas] | None = None
    site_path: str | None = None
    format: str | None = None
    size: str | None = None

    @property
    def piliers(self) -> list[str]:
        return list(self.cas.model.piliers) if self.cas else []

    @property
    def publisher(self) -> str:
        """« Villes de France (association) », or just « Presse » when no name is given:
        the library never lets a reader assume a town published what the press did."""
        kind = PUBLIE_PAR[self.document.publie_par]
        if self.document.editeur is None:
            return kind
        in_text = kind if kind.startswith("État") else kind[0].lower() + kind[1:]
        return f"{self.document.editeur} ({in_text})"

    @property
    def host(self) -> str | None:
        """``https://www.cerema.fr/x`` → ``cerema.fr``: where a link leads, said before."""
        if self.document.url is None:
            return None
        host = urlsplit(self.document.url).hostname or ""
        return host.removeprefix("www.")


def library(content: Content) -> list[Item]:
    """Every document, ready for templates, sorted by type then most recent first."""
    types = {t.id: t for t in content.types_documents}
    order = {t.id: index for index, t in enumerate(content.types_documents)}
    placed = list(placed_documents(content))
    placed.sort(key=lambda p: (order.get(p.document.type, 0), -(p.document.annee or 0),
                               slugify(p.document.titre)))
    items, anchors = [], set()
    for entry in placed:
        document = entry.document
        anchor = base = "document-" + (slugify(document.titre) or "sans-titre")
        number = 1
        while anchor in anchors:
            number += 1
            anchor = f"{base}-{number}"
        anchors.add(anchor)
        extra = {}
        if document.fichier is not None:
            size = source_path(content.root, document.fichier).stat().st_size
            extra = {"site_path": site_path(document.fichier),
                     "format": file_format(document.fichier), "size": size_fr(size)}
        items.append(Item(document, types[document.type], anchor, entry.cas, **extra))
    return items



def site_files(content: Content) -> dict[str, Path]:
    """Each provided file once: its path in the site → its path on disk."""
    return {site_path(p.document.fichier): source_path(content.root, p.document.fichier)
            for p in placed_documents(content) if p.document.fichier is not None}
