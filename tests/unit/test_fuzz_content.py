"""Robustness as a property: any mutation of any content file ends in valid content or
in French ``path:line`` messages, within a time bound, never in a traceback.

``make test`` runs a few dozen generated cases per kind of file with fixed seeds
(profile ``test`` of ``vmi.testing.fuzzing``); ``make fuzz`` runs the same strategies on at least
10 000 cases (``tests/fuzz.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from vmi.testing.fuzzing import CONTENT_FILES, Case, Project, cases

KINDS = {
    "yaml": [f for f in CONTENT_FILES if f.endswith(".yml")],
    "cas": [f for f in CONTENT_FILES if f.startswith("content/cas/")],
    "specificites": [f for f in CONTENT_FILES if f.startswith("content/specificites/")],
    "docs": [f for f in CONTENT_FILES if f.startswith("docs/")],
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project(tmp_path_factory.mktemp("fuzz") / "projet")


def test_every_kind_of_content_file_is_fuzzed():
    assert all(KINDS.values())
    assert "content/diagnostic.yml" in KINDS["yaml"] and "content/piliers.yml" in KINDS["yaml"]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_any_mutation_gives_valid_content_or_french_errors(kind: str, project: Project):
    @given(case=cases(KINDS[kind]))
    def holds(case: Case) -> None:
        assert project.run(case) == []

    holds()


def test_the_unmutated_project_passes(project: Project):
    path = CONTENT_FILES[0]
    assert project.run(Case(path, (project.root / path).read_bytes())) == []


def test_the_property_catches_what_it_should(project: Project, tmp_path: Path):
    """A failure the checker must see: a message that is not French or not located."""
    from vmi.core.errors import ContentError
    from vmi.testing.fuzzing import _message_problems

    assert _message_problems(project.root, ContentError("content/piliers.yml", 2, None,
                                                        "found undefined alias")) != []
    assert _message_problems(project.root, ContentError("ailleurs.yml", 2, None, "x")) != []
    assert _message_problems(project.root, ContentError("content/piliers.yml", 99_999, None,
                                                        "ligne")) != []
    assert _message_problems(project.root, ContentError("content/piliers.yml", 2, "id",
                                                        "identifiant « the » inconnu")) == []
