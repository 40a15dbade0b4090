"""Read content files into plain data plus the line of every value.

PyYAML's node tree keeps start marks; we build the Python data ourselves from it so
that validation errors can point at ``path:line``. YAML 1.1's silent conversions
are not guessed: ``No`` (→ ``False``) is refused, ``12:30`` (→ ``750``) is kept as the
text written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vmi.core.errors import ContentError
from vmi.core.limits import (
    LimitError,
    binary_problem,
    character_problem,
    escape_problem,
    forbidden_in,
    read_bytes,
    yaml_problem,
)

Location = tuple[str | int, ...]

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_TRUE_FALSE = {"true", "false"}
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": (
        "tabulation interdite : indentez avec des espaces"
    ),
    "mapping values are not allowed here": (
        "« : » inattendu ; mettez le texte entre guillemets s’il contient « : »"
    ),
    "could not find expected ':'": "« : » manquant après un nom de champ",
    "found undefined alias": "alias YAML inconnu (« * » en début de texte ? mettez des guillemets)",
}

_SECOND_DOCUMENT = ("une ligne « --- » commence ici un deuxième document : un fichier n’en "
                    "contient qu’un ; supprimez-la")
_BLOCK_INDICATOR = ("indicateur de bloc mal écrit : après « | » ou « > », seuls « - », "
                    "« + » ou un chiffre de 1 à 9 sont permis")
_TAG = "étiquette YAML « ! » invalide : mettez le texte entre guillemets"
_DIRECTIVE = "directive YAML « % » invalide : mettez le texte entre guillemets"

# PyYAML problems that vary in their end (``…, but found '<scalar>'``): matched by prefix.
_YAML_PROBLEM_PREFIXES = {
    "expected <block end>": "ligne mal alignée ou texte inattendu : vérifiez l’indentation "
                            "(espaces en début de ligne) et les guillemets",
    "did not find expected key": "champ mal aligné : vérifiez l’indentation (espaces en "
                                 "début de ligne)",
    "did not find expected '-' indicator": "élément de liste mal aligné : chaque ligne de la "
                                           "liste commence par « - » au même niveau",
    "expected ',' or ']'": "liste entre crochets non fermée : ajoutez « ] » en fin de ligne",
    "expected ',' or '}'": "bloc entre accolades non fermé : ajoutez « } » en fin de ligne",
    "found unexpected end of stream": "fin de fichier inattendue : un guillemet n’est pas fermé",
    "found unknown escape character": "« \\ » inattendu entre guillemets doubles : doublez-le "
                                      "(\\\\) ou utilisez des guillemets simples",
    "found character '@' that cannot start any token": "un texte ne peut pas commencer par "
                                                       "« @ » : mettez-le entre guillemets",
    "found character '`' that cannot start any token": "un texte ne peut pas commencer par "
                                                       "« ` » : mettez-le entre guillemets",
    "found character": "un texte ne peut pas commencer par ce signe : mettez-le entre "
                       "guillemets",
    "but found another document": _SECOND_DOCUMENT,
    "expected a single document": _SECOND_DOCUMENT,
    "found unexpected document separator": _SECOND_DOCUMENT,
    "expected '<document start>'": "texte inattendu après la fin des données : une ligne "
                                   "« ... » ou « --- » en trop ?",
    "expected the node content": "valeur attendue ici : elle manque, ou commence par un "
                                 "signe spécial (mettez-la entre guillemets)",
    "expected a comment or a line break": "texte inattendu en fin de ligne : mettez la "
                                          "valeur entre guillemets",
    "expected chomping or indentation": _BLOCK_INDICATOR,
    "expected indentation indicator": _BLOCK_INDICATOR,
    "expected escape sequence": "« \\x », « \\u » ou « \\U » incomplet entre guillemets "
                                "doubles : doublez la barre oblique inverse (\\\\) ou "
                                "utilisez des guillemets simples",
    "expected alphabetic or numeric character": "nom d’ancre ou d’alias invalide après "
                                                "« & » ou « * » : mettez le texte entre "
                                                "guillemets",
    "found invalid Unicode character escape code": "code de caractère invalide après "
                                                   "« \\u » ou « \\U » entre guillemets "
                                                   "doubles (au plus \\U0010FFFF, hors "
                                                   "\\uD800 à \\uDFFF) : corrigez-le, ou "
                                                   "utilisez des guillemets simples",
    "found duplicate anchor": "ancre « & » en double : chaque nom d’ancre ne sert qu’une "
                              "fois",
    "invalid indentation or unclosed": "crochet « [ » ou accolade « { » non fermé, ou "
                                       "indentation incorrecte",
    "mapping keys are not allowed here": "nom de champ inattendu ici : vérifiez "
                                         "l’indentation",
    "sequence entries are not allowed here": "élément de liste « - » inattendu ici : "
                                             "vérifiez l’indentation, ou mettez le texte "
                                             "entre guillemets",
    "expected '!'": _TAG, "expected '>'": _TAG, "expected URI": _TAG,
    "found undefined tag handle": _TAG, "found non-specific tag": _TAG,
    "duplicate tag handle": _DIRECTIVE, "found duplicate YAML directive": _DIRECTIVE,
    "found incompatible YAML document": _DIRECTIVE, "expected a digit": _DIRECTIVE,
    "expected ' '": "une espace est attendue ici : mettez le texte entre guillemets",
}

# A value that opens a quote (``titre: "Saumur``) and does not close it on its line.
_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s"':#][^:#]*:\s+)?(?P<q>["'])""")


@dataclass
class Located:
    """Data read from one file, with the line of each value keyed by its location."""

    path: str
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    released: bool = False

    def line(self, loc: Location) -> int:
        """Line of ``loc``, or of its closest parent when the value is missing."""
        assert not self.released, "line marks are forgotten once the content is checked"
        loc = tuple(loc)
        while loc and loc not in self.lines:
            loc = loc[:-1]
        return self.lines.get(loc, 1)

    def release(self) -> None:
        """Forget the raw data and line marks once the file is validated and checked:
        pages need only its model and body (at 1,000 cases they held ~10 MB to the end
        of the build)."""
        self.data, self.lines, self.released = None, {}, True


class _Builder:
    """Turns a composed node tree into Python values, recording lines and problems."""

    def __init__(self, path: str, first_line: int, text: str = ""):
        self.path = path
        self.offset = first_line - 1
        self.text_lines = text.split("\n")
        self.lines: dict[Location, int] = {}
        self.errors: list[ContentError] = []
        self._constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, loc: Location = ()) -> Any:
        self.lines.setdefault(loc, node.start_mark.line + 1 + self.offset)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: Location) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node, loc) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                key = str(key_node.value if isinstance(key_node, yaml.ScalarNode) else "?")
            if key in result:
                self._error(key_node, loc + (key,), "champ en double dans le même bloc")
            self.lines[loc + (key,)] = key_node.start_mark.line + 1 + self.offset
            result[key] = self.build(value_node, loc + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode, loc: Location) -> Any:
        plain = not node.style  # None (pure-Python parser) or "" (libyaml)
        value = node.value
        if node.style == '"' and forbidden_in(value):
            self._escaped(node, loc)
            return value
        if plain and node.tag == _BOOL and value.lower() not in _TRUE_FALSE:
            self._error(node, loc, f"« {value} » serait lu comme vrai/faux : écrivez "
                        f"true ou false, ou mettez le texte entre guillemets (\"{value}\")")
            return value
        if plain and node.tag in (_INT, _FLOAT) and ":" in value:
            return value  # ``4:30`` as written, not YAML 1.1's base-60 number 270
        if node.tag in (_STR, _TIMESTAMP):  # the common case, without the constructor's cost
            return value
        if node.tag == _MERGE:
            self._error(node, loc, "les fusions « <<: » ne sont pas prises en charge : "
                        "recopiez les champs")
            return value
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, KeyError, TypeError, OverflowError):
            # An unknown tag (``!foo``), ``!!int "abc"``, a 5 000-digit number…
            digits = node.tag == _INT and value.lstrip("+-").isdigit()
            what = "nombre trop long" if digits else "valeur illisible"
            self._error(node, loc, f"{what} « {_shorten(value)} » : écrivez un texte, un "
                        f"nombre ou true/false, sans « ! » devant")
            return value

    def _escaped(self, node: yaml.ScalarNode, loc: Location) -> None:
        """``"\\0"``, ``"\\x1b"``…: a control character written as an escape, located at
        the escape itself (the raw character was refused before parsing)."""
        start, end = node.start_mark, node.end_mark
        for index in range(start.line, min(end.line, len(self.text_lines) - 1) + 1):
            line = self.text_lines[index]
            first = start.column if index == start.line else 0
            found = escape_problem(line[first:end.column] if index == end.line else line[first:])
            if found:
                column, message = found
                self.errors.append(ContentError(self.path, index + 1 + self.offset,
                                                _field_name(loc),
                                                f"{message}, colonne {first + column + 1})"))
                return
        self._error(node, loc, "caractère de contrôle invisible interdit entre guillemets "
                    "doubles : supprimez-le")

    def _error(self, node: yaml.Node, loc: Location, message: str) -> None:
        line = node.start_mark.line + 1 + self.offset
        self.errors.append(ContentError(self.path, line, _field_name(loc), message))


def _shorten(value: str, size: int = 40) -> str:
    return value if len(value) <= size else value[: size - 1] + "…"


def _field_name(loc: Location) -> str | None:
    """``('sources', 0, 'url')`` → ``sources[0].url`` (1-based for editors: ``sources[1]``)."""
    name = ""
    for part in loc:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or None


field_name = _field_name


def read_text(path: Path, label: str, limit: int | None = None) -> str:
    """Decode a content file: UTF-8 (BOM tolerated), any line endings, not empty, no
    invisible control character; a regular file within its size limit (``limits``)."""
    try:
        raw = read_bytes(path, label, limit)
    except LimitError as exc:
        raise ContentFileError([exc.error]) from None
    problem = binary_problem(raw)
    if problem:
        raise ContentFileError([ContentError(label, None, None, problem)])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(label, line, "le fichier n’est pas encodé en UTF-8 : enregistrez-le "
                    "en UTF-8 depuis votre éditeur") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _fail(label, 1, "le fichier est vide")
    character = character_problem(text, label)
    if character:
        raise ContentFileError([character])
    return text


def parse_yaml(text: str, label: str, first_line: int = 1) -> Located:
    """Parse one YAML document; raise ``ContentFileError`` with every problem found."""
    bounds = yaml_problem(text, label, first_line)
    if bounds:
        raise ContentFileError([bounds])
    try:
        node = _compose(text)
    except RecursionError:  # bounded by yaml_problem; kept as a last line of defence
        raise _fail(label, first_line, "structure trop profondément imbriquée") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + first_line - 1
        unclosed = _unclosed_quote(text, mark.line if mark else 0)
        if unclosed is not None:
            raise _fail(label, unclosed + first_line, "guillemet ouvert mais jamais fermé : "
                        "ajoutez le guillemet de fin sur la même ligne") from None
        raise _fail(label, line, _yaml_problem(exc.problem or "")) from None
    except yaml.YAMLError:  # unlocated (the reader's); the checks above leave none known
        raise _fail(label, first_line, "syntaxe YAML invalide") from None
    if node is None:
        raise _fail(label, first_line, "aucune donnée")
    builder = _Builder(label, first_line, text)
    data = builder.build(node)
    if builder.errors:
        raise ContentFileError(builder.errors)
    return Located(label, data, builder.lines)


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml when present (about 100× faster); on a syntax error, parse
    again in pure Python, whose problem texts are the ones translated above."""
    fast_error = None
    if _FAST_LOADER is not yaml.SafeLoader:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.MarkedYAMLError as exc:
            fast_error = exc
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except ValueError:  # chr() refuses ``"\\U00110000"``, which libyaml locates
        raise fast_error or _escape_error(text) from None


_BIG_ESCAPE = re.compile(r"\\U([0-9a-fA-F]{8})")


def _escape_error(text: str) -> yaml.YAMLError:
    """libyaml's error for a ``\\U`` escape beyond Unicode, when only PyYAML is there."""
    for index, line in enumerate(text.split("\n")):
        for match in _BIG_ESCAPE.finditer(line):
            if int(match.group(1), 16) > 0x10FFFF:
                mark = yaml.Mark("", 0, index, match.start(), None, None)  # type: ignore[arg-type]
                return yaml.scanner.ScannerError(
                    problem="found invalid Unicode character escape code", problem_mark=mark)
    return yaml.YAMLError()


def _yaml_problem(problem: str) -> str:
    if problem in _YAML_PROBLEMS:
        return _YAML_PROBLEMS[problem]
    for prefix, message in _YAML_PROBLEM_PREFIXES.items():
        if problem.startswith(prefix):
            return message
    return ("syntaxe YAML invalide : vérifiez les guillemets, les « : » et l’indentation "
            "de cette ligne")


def _unclosed_quote(text: str, upto: int) -> int | None:
    """0-based index of the first line up to ``upto`` whose quoted value never closes.

    Only consulted once parsing failed: quotes spanning lines are legal YAML, but in
    content files they are nearly always a forgotten closing quote.
    """
    for index, line in enumerate(text.split("\n")[: upto + 1]):
        match = _OPEN_QUOTE.match(line)
        if not match:
            continue
        quote, rest = match.group("q"), line[match.end():]
        if quote == '"':
            rest = re.sub(r'\\.', "", rest)
            closed = '"' in rest
        else:
            closed = "'" in rest.replace("''", "")
        if not closed:
            return index
    return None


_FENCE = re.compile(r"^---[ \t]*$")
_END = re.compile(r"^(---|\.\.\.)[ \t]*$")


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """``(front matter, body, first line of the body)``; ``None`` unless the text opens
    with a ``---`` line that a later ``---`` (or ``...``) line closes."""
    lines = text.split("\n")
    if not _FENCE.match(lines[0]):
        return None
    for index in range(1, len(lines)):
        if _END.match(lines[index]):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    return None


def parse_front_matter(text: str, label: str) -> Located:
    """Split ``---``-fenced YAML front matter from a Markdown body and parse it."""
    if not _FENCE.match(text.split("\n", 1)[0]):
        raise _fail(label, 1, "le fichier doit commencer par une ligne « --- » suivie des "
                    "champs (front matter)")
    parts = split_front_matter(text)
    if parts is None:
        raise _fail(label, 1, "front matter non fermé : ajoutez une ligne « --- » après "
                    "le dernier champ")
    yaml_text, body, body_line = parts
    if not yaml_text.strip():
        raise _fail(label, 1, "front matter vide : les champs obligatoires manquent")
    located = parse_yaml(yaml_text, label, first_line=2)
    located.body, located.body_line = body, body_line
    return located


class ContentFileError(Exception):
    """A file that could not be read at all; carries its errors."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))


def _fail(label: str, line: int, message: str) -> ContentFileError:
    return ContentFileError([ContentError(label, line, None, message)])
