"""Editor-facing errors: one French line per problem, ``path:line: field: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, located as precisely as we can."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


class ContentErrors(Exception):
    """Raised once with every error of a run, so editors fix them all in one go."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors), key=lambda e: (e.path, e.line or 0, e.field or ""))
        super().__init__("\n".join(str(e) for e in self.errors))

    def summary(self) -> str:
        count = len(self.errors)
        noun = "erreur" if count == 1 else "erreurs"
        return f"Contenu invalide : {count} {noun} (détail ci-dessus)."
