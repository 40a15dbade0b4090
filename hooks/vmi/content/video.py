"""``video`` fenced blocks: a video hosted elsewhere, shown as a link card.

An embedded player would tell its host who reads the page on every visit; a card with
the title, the duration, an optional poster image stored with the site and the host's
name loads nothing from the host: the reader chooses to go there.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field

from vmi.core import durations
from vmi.core.durations import Duration
from vmi.core.errors import ContentError
from vmi.core.fences import Block, find_blocks
from vmi.model.models import Model, Text, Url

_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg", ".avif")
_HOSTS = {"youtube.com": "YouTube", "youtu.be": "YouTube", "youtube-nocookie.com": "YouTube",
          "vimeo.com": "Vimeo", "dailymotion.com": "Dailymotion", "dai.ly": "Dailymotion"}


def _check_image(value: str) -> str:
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//|^/", value):
        raise ValueError("image du site attendue : enregistrez-la dans docs/images/ et "
                         "écrivez un chemin relatif (ex. « ../images/forum.jpg »), pas une "
                         "adresse web")
    if not value.lower().endswith(_IMAGE_SUFFIXES):
        raise ValueError("image attendue : un fichier .png, .jpg, .webp, .gif, .svg ou .avif")
    return value


LocalImage = Annotated[str, AfterValidator(_check_image)]


class Video(Model):
    """Un bloc ```video : une vidéo hébergée sur un autre site, montrée comme un lien."""

    titre: Text = Field(description="Titre de la vidéo, texte du lien.")
    url: Url = Field(description="Adresse de la vidéo chez son hébergeur (http:// ou "
                     "https://), ex. une page YouTube.")
    duree: Duration | None = Field(default=None, description="Durée, comme on l’écrit : "
                                   "« 12 min », « 4 min 30 », « 1 h 05 » ou « 4:30 ».")
    image: LocalImage | None = Field(default=None, description="Image d’aperçu enregistrée "
                                     "avec le site, chemin relatif à la page (ex. "
                                     "« ../images/forum.jpg »).")

    @property
    def host(self) -> str:
        """« YouTube », or the site's name as its address says (``videos.exemple.fr``)."""
        host = (urlsplit(self.url).hostname or "").removeprefix("www.").removeprefix("m.")
        return _HOSTS.get(host, host)

    @property
    def duration(self) -> tuple[str, str] | None:
        """``("4 min 30", "PT4M30S")``: in French, and as ``<time datetime>`` wants it."""
        total = durations.seconds(self.duree or "")
        return (durations.french(total), durations.iso(total)) if total else None


def find_videos(markdown: str, label: str, first_line: int = 1
                ) -> tuple[list[Block[Video]], list[ContentError]]:
    """Every valid video block and the errors of the invalid ones."""
    return find_blocks(markdown, label, "video", Video, first_line)


def image_path(video: Video, page: str) -> str | None:
    """The poster's path among the site's files, for a block of ``page`` (``cas/x.md``)."""
    if video.image is None:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), video.image))


_IMAGE_FIELD = re.compile(r"^\s*image\s*:")


def missing_image(image: str, page: str, docs: Path) -> str:
    """Why a poster is not found, and where a file of that name is, if one is."""
    name = posixpath.basename(image)
    found = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*")
                   if p.name == name and p.is_file())
    hint = (f"le fichier « docs/{found[0]} » s’écrit « "
            f"{posixpath.relpath(found[0], posixpath.dirname(page) or '.')} » depuis cette page"
            if found else "enregistrez-la dans docs/images/ et vérifiez le chemin, relatif "
            "à la page")
    return f"image introuvable : « {image} » ; {hint}"


def poster_errors(markdown: str, label: str, page: str, docs: Path, first_line: int = 1
                  ) -> list[ContentError]:
    """Posters of the valid video blocks of ``page`` (``cas/x.md``) that are not files of
    ``docs``, each at the line of its ``image:`` field: the build would stop on them."""
    blocks, _ = find_videos(markdown, label, first_line)
    lines = markdown.split("\n")
    errors = []
    for block in blocks:
        path = image_path(block.value, page)
        if path is None or block.value.image is None:
            continue
        if not path.startswith("../") and (docs / path).is_file():
            continue
        index = next((i for i in range(block.start, block.end) if _IMAGE_FIELD.match(lines[i])),
                     block.start)
        errors.append(ContentError(label, first_line + index, "video.image",
                                   missing_image(block.value.image, page, docs)))
    return errors
