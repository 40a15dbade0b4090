"""Editor-facing errors: one French line per problem, ``path:line: field: message``."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BEFORE_HIGH = re.compile(r" ([:;?!])(?=\s|$)")
_NBSP, _NNBSP = "\u00a0", "\u202f"
# Invisible characters that would break the one-line message (a key may hold them).
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def visible(text: str) -> str:
    """``text`` with control characters written as escapes (``\\x1d``), for one line."""
    return _INVISIBLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100
                          else f"\\u{ord(m[0]):04x}", text)


def french_typography(text: str) -> str:
    """No-break spaces where French wants them: « texte », before : and narrow before ; ? !"""
    text = text.replace("« ", f"«{_NBSP}").replace(" »", f"{_NBSP}»")
    return _BEFORE_HIGH.sub(lambda m: (_NBSP if m[1] == ":" else _NNBSP) + m[1], text)


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, located as precisely as we can."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        message = visible(french_typography(self.message))
        return f"{where}: {visible(self.field)}: {message}" if self.field else f"{where}: {message}"


class ContentErrors(Exception):
    """Raised once with every error of a run, so editors fix them all in one go."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors), key=lambda e: (e.path, e.line or 0, e.field or ""))
        super().__init__("\n".join(str(e) for e in self.errors))

    def summary(self) -> str:
        count = len(self.errors)
        noun = "erreur" if count == 1 else "erreurs"
        return french_typography(f"Contenu invalide : {count} {noun} (détail ci-dessus).")
