"""The published editor's setting (``extra.vmi.editeur``): checked, turned into Decap's
backend for the forge, French errors at their line of ``mkdocs.yml``."""

from pathlib import Path

import pytest

from vmi.core.errors import ContentErrors
from vmi.core.errors import french_typography as fr
from vmi.editor.forge import editor

SETTING = """\
site_name: Exempleville
extra:
  vmi:
    editeur:
{fields}
"""


def _read(tmp_path: Path, fields: dict[str, str]):
    config = tmp_path / "mkdocs.yml"
    config.write_text(SETTING.format(fields="\n".join(f"      {k}: {v}" for k, v in
                                                      fields.items())), "utf-8")
    raw = {k: v.strip('"') for k, v in fields.items()}
    return editor({"vmi": {"editeur": raw}}, config)


def _errors(tmp_path: Path, fields: dict[str, str]) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        _read(tmp_path, fields)
    return [str(error) for error in caught.value.errors]


def test_off_by_default():
    assert editor({}) is None and editor({"vmi": {}}) is None


def test_gitlab_signs_in_by_pkce_with_the_application_id(tmp_path: Path):
    found = _read(tmp_path, {"forge": "gitlab", "depot": "ma-ville/site",
                             "application": '"abc123"'})
    assert found.backend() == {"name": "gitlab", "repo": "ma-ville/site", "branch": "main",
                               "auth_type": "pkce", "app_id": "abc123",
                               "base_url": "https://gitlab.com",
                               "api_root": "https://gitlab.com/api/v4"}
    assert found.origins() == ["https://gitlab.com"]


def test_a_town_gitea_or_github_through_its_oauth_server(tmp_path: Path):
    gitea = _read(tmp_path, {"forge": "gitea", "depot": "ville/site", "branche": "publie",
                             "adresse": "https://forge.exempleville.example/",
                             "application": "id"})
    assert gitea.backend()["api_root"] == "https://forge.exempleville.example/api/v1"
    assert gitea.backend()["branch"] == "publie"
    github = _read(tmp_path, {"forge": "github", "depot": "ville/site",
                              "adresse": "https://auth.exempleville.example"})
    assert github.backend()["base_url"] == "https://auth.exempleville.example"
    assert github.origins() == ["https://api.github.com", "https://auth.exempleville.example"]


def test_a_misspelt_forge_is_named_at_its_line_with_a_suggestion(tmp_path: Path):
    assert _errors(tmp_path, {"forge": "GitLab", "depot": "ville/site",
                              "application": "id"}) == [fr(
        "mkdocs.yml:5: extra.vmi.editeur.forge: forge inconnue « GitLab » ; vouliez-vous "
        "dire « gitlab » ? (gitlab, gitea pour Gitea ou Forgejo, github)")]


def test_missing_or_malformed_fields_in_french(tmp_path: Path):
    errors = _errors(tmp_path, {"forge": "gitlab", "depot": "site-sans-proprietaire",
                                "adresse": "http://gitlab.exempleville.example",
                                "application": "id", "brnche": "main"})
    assert errors[0].startswith(fr("mkdocs.yml:6: extra.vmi.editeur.depot: « propriétaire/nom »"))
    assert errors[1].startswith(fr("mkdocs.yml:7: extra.vmi.editeur.adresse: adresse web en "
                                   "https://"))
    assert errors[2].startswith(fr("mkdocs.yml:9: extra.vmi.editeur.brnche: champ inconnu"))
    assert "branche" in errors[2]
    assert _errors(tmp_path, {"forge": "gitea", "depot": "ville/site"}) == [fr(
        "mkdocs.yml:4: extra.vmi.editeur: avec forge: gitea, « application » est "
        "obligatoire : l’identifiant de l’application OAuth créée sur la forge")]
