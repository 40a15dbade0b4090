"""The project's settings, ``extra.vmi`` in mkdocs.yml: defaults, and French errors at
the line of the setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from vmi.content.registry import labels
from vmi.core.errors import ContentErrors, french_typography
from vmi.core.settings import Sections, read_settings
from vmi.testing import ROOT

CONFIG = """site_name: Exempleville
extra:
  generator: false
  vmi:
{settings}
"""


def errors_of(tmp_path: Path, settings: str) -> list[str]:
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(settings=settings), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        read_settings(tmp_path)
    return [str(error) for error in caught.value.errors]


def test_defaults_are_those_of_the_project():
    settings = read_settings(ROOT)
    assert (settings.contenu, settings.navigation_max, settings.cache) == ("content", 40,
                                                                           ".cache")
    assert settings.titles == {}


def test_no_vmi_block_means_defaults(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text("site_name: Exempleville\n", encoding="utf-8")
    assert read_settings(tmp_path).content_dir(tmp_path) == tmp_path / "content"


def test_a_renamed_section_is_read(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(settings="    rubriques:\n"
                                                       "      cas: Nos démarches"), "utf-8")
    assert read_settings(tmp_path).titles == {"cas": "Nos démarches"}


@pytest.mark.parametrize("settings, expected", [
    ("    navigation_max: 0", "mkdocs.yml:5: extra.vmi.navigation_max: doit valoir au "
                            "moins 1"),
    ("    navigation_max: '40'", "mkdocs.yml:5: extra.vmi.navigation_max: doit être un "
                               "nombre entier"),
    ("    navigaton_max: 40", "mkdocs.yml:5: extra.vmi.navigaton_max: champ inconnu ; "
                            "vouliez-vous dire « navigation_max » ?"),
    ("    cache: /tmp/vmi", "mkdocs.yml:5: extra.vmi.cache: dossier sous « .cache/ » attendu "
                          "(ex. « .cache » ou « .cache/vmi ») : Git l’ignore et on peut le "
                          "supprimer"),
    ("    cache: .cache/../site", "mkdocs.yml:5: extra.vmi.cache: dossier sous"),
    ("    contenu: ../ailleurs", "mkdocs.yml:5: extra.vmi.contenu: nom d’un dossier à la "
                               "racine du projet attendu"),
    ("    rubriques:\n      cass: Nos démarches", "mkdocs.yml:6: extra.vmi.rubriques.cass: "
                                                "champ inconnu ; vouliez-vous dire « cas » ?"),
    ("    rubriques:\n      cas: ''", "mkdocs.yml:6: extra.vmi.rubriques.cas: ne doit pas "
                                      "être vide"),
])
def test_bad_settings_are_named_in_french(tmp_path: Path, settings: str, expected: str):
    [error] = errors_of(tmp_path, settings)
    where, _, message = expected.partition(": ")
    assert error.startswith(f"{where}: {french_typography(message)}"), error


def test_every_section_of_the_registry_can_be_renamed():
    assert set(Sections.model_fields) == set(labels())
