"""Bounds on what a content file may hold, checked before anything trusts its contents.

Editors paste from word processors and PDFs; files get truncated, renamed, replaced by
folders. Every fault here becomes one French ``path:line: message`` instead of a
traceback, a hang or a runaway memory use:

- a file must be a regular, readable file of at most ``MAX_FILE_BYTES`` (a YAML file
  ``MAX_YAML_BYTES``): a named pipe would block the reader, a huge file the parser;
- no invisible control character (NUL first), no byte-order mark inside the text, no
  Unicode line separator (YAML counts it as a line break, editors do not);
- a YAML text holds at most ``MAX_VALUES`` values once its aliases are expanded (a
  « billion laughs » of a few lines would otherwise grow to gigabytes) and nests at most
  ``MAX_DEPTH`` levels (parsers recurse once per level).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import yaml

from vmi.core.errors import ContentError

MAX_FILE_BYTES = 10 * 1024 * 1024  # a Markdown file (cas/, specificites/, docs/)
MAX_YAML_BYTES = 1024 * 1024  # a YAML file, or the front matter of a Markdown file
MAX_VALUES = 20_000  # values of one YAML text, aliases expanded (diagnostic.yml: 1 219)
MAX_DEPTH = 50  # nested blocks or lists in one YAML text (the content uses 4)

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Tab, line feed and carriage return are text; every other C0/C1 control, DEL, the
# byte-order mark (allowed only first, where it is removed), Unicode line and paragraph
# separators and the two non-characters are not.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
                        "\ufeff\ufffe\uffff]")


_CONTROL_NAMES = {"\x08": "retour arrière", "\x0b": "tabulation verticale",
                  "\x0c": "saut de page", "\x1b": "échappement", "\x7f": "suppression",
                  "\x85": "saut de ligne suivant", "\xa0": "espace insécable"}


class LimitError(Exception):
    """A file outside the bounds; ``error`` says where and why, in French."""

    def __init__(self, error: ContentError):
        self.error = error
        super().__init__(str(error))


def size_text(size: int) -> str:
    """``10485760`` → ``10 Mo``; ``1536000`` → ``1,5 Mo`` (French decimal comma)."""
    megabytes = size / (1024 * 1024)
    text = f"{megabytes:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text}\u00a0Mo"


def size_limit(path: Path) -> int:
    """``MAX_YAML_BYTES`` for a YAML file, ``MAX_FILE_BYTES`` for any other."""
    return MAX_YAML_BYTES if path.suffix in (".yml", ".yaml") else MAX_FILE_BYTES


def read_bytes(path: Path, label: str, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (by default its kind's
    limit), or a ``LimitError``."""
    limit = limit or size_limit(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _fail(label, "fichier introuvable (lien symbolique cassé ?) : remplacez-le par "
                    "le vrai fichier") from None
    except OSError as exc:
        raise _fail(label, f"fichier illisible ({_os_reason(exc)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise _fail(label, "c’est un dossier, un fichier est attendu à cet endroit : "
                    "renommez ou déplacez ce dossier")
    if not stat.S_ISREG(info.st_mode):
        raise _fail(label, "ce n’est pas un fichier ordinaire (tube, périphérique…) : "
                    "remplacez-le par un fichier texte")
    if info.st_size > limit:
        raise _too_big(label, info.st_size, limit)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise _fail(label, f"fichier illisible ({_os_reason(exc)})") from None
    if len(raw) > limit:  # grew since stat
        raise _too_big(label, len(raw), limit)
    return raw


def _too_big(label: str, size: int, limit: int) -> LimitError:
    return _fail(label, f"fichier trop lourd ({size_text(size)}) : {size_text(limit)} au "
                 f"plus pour un fichier {'YAML' if limit == MAX_YAML_BYTES else 'de contenu'} ; "
                 f"découpez-le ou allégez-le")


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "droits d’accès insuffisants : rendez-le lisible, par exemple avec chmod a+r"
    return f"erreur système {exc.errno or ''}".strip()


def binary_problem(raw: bytes) -> str | None:
    """Why ``raw`` is not a text file at all, before any attempt to decode it."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ("le fichier est encodé en UTF-16 : enregistrez-le en UTF-8 depuis votre "
                "éditeur")
    head = raw[:8192]
    if b"\x00" in head and head.count(b"\x00") * 8 > len(head):
        return ("fichier binaire (image, PDF, document de traitement de texte…), pas du "
                "texte : un fichier de contenu doit être du texte en UTF-8")
    return None


def character_problem(text: str, label: str, first_line: int = 1) -> ContentError | None:
    """The first forbidden character of ``text``, located by line and column."""
    match = _FORBIDDEN.search(text)
    if match is None:
        return None
    before = text[: match.start()]
    line = before.count("\n") + first_line
    column = match.start() - (before.rfind("\n") + 1) + 1
    return ContentError(label, line, None, f"{_describe(match.group())} (colonne {column})")


# One escape of a double-quoted YAML scalar; an escaped backslash is matched whole, so
# ``"\\0"`` is a backslash and a zero, not a NUL.
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.S)
_SHORT_ESCAPES = {"0": "\x00", "a": "\x07", "b": "\x08", "e": "\x1b", "f": "\x0c",
                  "v": "\x0b", "N": "\x85", "L": "\u2028", "P": "\u2029"}


def forbidden_in(value: str) -> bool:
    """Whether a value read from YAML holds a character no content file may hold."""
    return _FORBIDDEN.search(value) is not None


def escape_problem(quoted: str) -> tuple[int, str] | None:
    """The first escape of ``quoted`` (the source of a double-quoted YAML scalar) that
    writes a forbidden character: its offset in ``quoted`` and the message a raw
    character gets, naming the escape (``"\\0"`` is a NUL as surely as a pasted one)."""
    for match in _ESCAPE.finditer(quoted):
        code = match.group(1)
        if len(code) == 1:
            char = _SHORT_ESCAPES.get(code, "")
        else:
            number = int(code[1:], 16)
            char = chr(number) if number <= 0x10FFFF else ""
        if char and _FORBIDDEN.match(char):
            return match.start(), f"{_describe(char)} (écrit « {match.group()} »"
    return None


def _describe(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char == "\x00":
        return (f"caractère nul ({code}) interdit, souvent collé depuis un autre logiciel : "
                f"supprimez-le")
    if char == "\ufeff":
        return (f"marque d’ordre des octets ({code}, invisible) au milieu du fichier : "
                f"supprimez-la")
    if char in "\u2028\u2029":
        return (f"séparateur de ligne Unicode invisible ({code}) : remplacez-le par un "
                f"simple retour à la ligne")
    if char in "\ufffe\uffff" or "\ud800" <= char <= "\udfff":
        return f"caractère {code} invalide : supprimez-le"
    name = f" ({_CONTROL_NAMES[char]})" if char in _CONTROL_NAMES else ""
    return (f"caractère de contrôle invisible {code}{name} interdit, souvent collé depuis "
            f"un traitement de texte ou un PDF : supprimez-le")


def yaml_problem(text: str, label: str, first_line: int = 1) -> ContentError | None:
    """Too many values (aliases expanded), an alias inside its own anchor, or too deep.

    Reads the event stream, which no parser builds recursively, so the check itself is
    bounded; a syntax error is left to the parser proper, which reports it better.
    """
    character = character_problem(text, label, first_line)
    if character:  # the parser's own message is English and unlocated
        return character
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        return ContentError(label, first_line, None, f"bloc YAML trop long : "
                            f"{size_text(MAX_YAML_BYTES)} au plus ; découpez le fichier")
    # libyaml first (fast); if it stops, the pure-Python parser, which may accept what
    # libyaml refused (an escaped surrogate) and would then compose the rest unchecked.
    for loader in dict.fromkeys((_FAST_LOADER, yaml.SafeLoader)):
        counter = _Expansion()
        try:
            for event in yaml.parse(text, Loader=loader):
                problem = counter.add(event)
                if problem:
                    line = event.start_mark.line if event.start_mark else 0
                    return ContentError(label, line + first_line, None, problem)
            return None
        except yaml.MarkedYAMLError as exc:  # libyaml reads ahead and stops at 1 000 levels
            if "maximum nesting depth" in (exc.problem or "") and exc.problem_mark:
                return ContentError(label, exc.problem_mark.line + first_line, None, _TOO_DEEP)
        except (yaml.YAMLError, ValueError):  # ValueError: pure Python's chr() of \U00110000
            pass
    return None


_TOO_DEEP = (f"plus de {MAX_DEPTH} niveaux de blocs ou de listes imbriqués : simplifiez la "
             f"structure (vérifiez les crochets et l’indentation)")
_VALUES = f"{MAX_VALUES:_}".replace("_", "\u202f")


class _Expansion:
    """Counts the values of an event stream as if every alias were copied out."""

    def __init__(self) -> None:
        self.count = 0
        self.open: list[tuple[str | None, int]] = []  # per open collection: anchor, count
        self.sizes: dict[str, int] = {}  # values under each closed anchor

    def add(self, event: yaml.Event) -> str | None:
        """The problem this event makes, if any."""
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event.anchor or "")
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, start = self.open.pop()
            if anchor:
                self.sizes[anchor] = self.count - start
            return None
        if not isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            return None
        self.count += 1
        if self.count > MAX_VALUES:
            return f"plus de {_VALUES} valeurs dans un seul fichier : découpez-le"
        if isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                self.sizes[event.anchor] = 1
            return None
        self.open.append((event.anchor, self.count - 1))
        return _TOO_DEEP if len(self.open) > MAX_DEPTH else None

    def _alias(self, name: str) -> str | None:
        if any(anchor == name for anchor, _ in self.open):
            return (f"l’alias « *{name} » est à l’intérieur de sa propre ancre « &{name} » : "
                    f"il se répéterait sans fin")
        self.count += self.sizes.get(name, 1)
        if self.count > MAX_VALUES:
            return (f"l’alias « *{name} » démultiplie le contenu au-delà de {_VALUES} valeurs "
                    f"(« bombe » YAML) : recopiez les valeurs au lieu d’utiliser des alias")
        return None


def _fail(label: str, message: str) -> LimitError:
    return LimitError(ContentError(label, None, None, message))
