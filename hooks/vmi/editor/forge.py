"""The form editor on the published site: ``extra.vmi.editeur`` in ``mkdocs.yml``.

Off by default. Switched on, ``make build`` writes ``/admin/`` into the site with a
Decap CMS configuration whose backend is the town's forge instead of this machine:
editors sign in with their forge account and each « Publier » is a commit on the
branch, which the forge's pipeline (``.gitlab-ci.yml``, ``.github/workflows/``) builds
and publishes. GitLab and Gitea/Forgejo sign in by PKCE (no server of ours); GitHub's
OAuth needs a small authorisation server, named by ``adresse``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from vmi.core.errors import ContentError, ContentErrors
from vmi.core.messages import validation_errors
from vmi.core.source import Located, Location, field_name
from vmi.core.suggest import unknown_message

WHERE: Location = ("extra", "vmi", "editeur")
FORGES = ("gitlab", "gitea", "github")
GITLAB = "https://gitlab.com"


def _forge(value: str) -> str:
    if value not in FORGES:
        raise ValueError(unknown_message("forge", value, FORGES).replace("inconnu", "inconnue")
                         + " (gitlab, gitea pour Gitea ou Forgejo, github)")
    return value


def _repository(value: str) -> str:
    parts = value.split("/")
    if len(parts) < 2 or not all(parts) or any(" " in p for p in parts):
        raise ValueError("« propriétaire/nom » du dépôt attendu, ex. "
                         "« ma-ville/villes-moyennes-intelligentes »")
    return value


def _https(value: str) -> str:
    if not value.startswith("https://") or len(value) <= len("https://"):
        raise ValueError("adresse web en https:// attendue, ex. « https://gitlab.com »")
    return value.rstrip("/")


Text = Annotated[str, Field(min_length=1)]


class Editeur(BaseModel):
    """L’éditeur en formulaire du site publié (``/admin/``), relié à la forge du dépôt."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    forge: Annotated[str, AfterValidator(_forge)] = Field(
        description="gitlab, gitea (Gitea ou Forgejo) ou github.")
    depot: Annotated[str, AfterValidator(_repository)] = Field(
        description="Le dépôt sur la forge, « propriétaire/nom ».")
    branche: Text = Field("main", description="La branche que la forge publie.")
    adresse: Annotated[str, AfterValidator(_https)] | None = Field(
        None, description="GitLab ou Gitea installé par la collectivité : son adresse "
        "(https://gitlab.com par défaut) ; GitHub : celle du serveur d’autorisation.")
    application: Text | None = Field(
        None, description="GitLab, Gitea : l’identifiant de l’application OAuth créée "
        "sur la forge (Application ID / Client ID).")

    @model_validator(mode="after")
    def _complete(self) -> Editeur:
        if self.forge in ("gitlab", "gitea") and not self.application:
            raise ValueError(f"avec forge: {self.forge}, « application » est obligatoire : "
                             "l’identifiant de l’application OAuth créée sur la forge")
        if self.forge in ("gitea", "github") and not self.adresse:
            what = ("l’adresse de votre Gitea ou Forgejo" if self.forge == "gitea"
                    else "celle du serveur d’autorisation OAuth pour GitHub")
            raise ValueError(f"avec forge: {self.forge}, « adresse » est obligatoire : {what}")
        return self

    def backend(self) -> dict[str, Any]:
        """Decap's ``backend`` block for this forge."""
        block: dict[str, Any] = {"name": self.forge, "repo": self.depot, "branch": self.branche}
        if self.forge == "gitlab":
            base = self.adresse or GITLAB
            block.update(auth_type="pkce", app_id=self.application, base_url=base,
                         api_root=f"{base}/api/v4")
        elif self.forge == "gitea":
            block.update(app_id=self.application, base_url=self.adresse,
                         api_root=f"{self.adresse}/api/v1")
        else:
            block.update(base_url=self.adresse)
        return block

    def origins(self) -> list[str]:
        """The other sites ``/admin/`` talks to (its policy allows them, nothing else)."""
        block = self.backend()
        found = [block.get("base_url"), block.get("api_root")]
        if self.forge == "github":
            found.append("https://api.github.com")
        return sorted({_origin(url) for url in found if url})


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


def editor(extra: Any, config_file: Path | None = None) -> Editeur | None:
    """``extra.vmi.editeur`` as MkDocs read it (``extra`` is the whole ``extra``
    block), checked; ``None`` when the editor is off. Raises ``ContentErrors`` with
    ``mkdocs.yml:LINE: extra.vmi.editeur.champ: message``."""
    vmi = extra.get("vmi") if isinstance(extra, Mapping) else None  # MkDocs: a Config
    raw = vmi.get("editeur") if isinstance(vmi, Mapping) else None
    if raw is None or raw is False:
        return None
    located = _located(config_file)
    if not isinstance(raw, Mapping):
        raise ContentErrors([ContentError(located.path, located.line(()), field_name(WHERE),
                                          "doit être un bloc de champs (forge, depot…)")])
    try:
        return Editeur.model_validate(dict(raw))
    except ValidationError as exc:
        raise ContentErrors(validation_errors(exc, located, Editeur, WHERE)) from None


def _located(config_file: Path | None) -> Located:
    """The lines of ``extra.vmi.editeur``'s fields in ``mkdocs.yml`` (composed only:
    MkDocs' ``!ENV`` tags need no constructor)."""
    label = config_file.name if config_file else "mkdocs.yml"
    located = Located(label, None)
    try:
        node = yaml.compose(config_file.read_text("utf-8")) if config_file else None
    except (OSError, yaml.YAMLError):
        return located
    for key in WHERE:
        if not isinstance(node, yaml.MappingNode):
            return located
        pair = next(((k, v) for k, v in node.value if k.value == key), None)
        if pair is None:
            return located
        located.lines[()] = pair[0].start_mark.line + 1
        node = pair[1]
    if isinstance(node, yaml.MappingNode):
        for key, _ in node.value:
            located.lines[(key.value,)] = key.start_mark.line + 1
    return located
