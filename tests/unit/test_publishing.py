"""The publishing recipes build with `make build` (strict), publish site/, and run
nowhere until a town switches them on (PUBLIER_SITE=oui)."""

import yaml

from vmi.testing import ROOT


def test_gitlab_pages_recipe():
    recipe = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text("utf-8"))
    assert recipe["workflow"]["rules"] == [
        {"if": '$PUBLIER_SITE == "oui" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH'}]
    pages = recipe["pages"]
    assert pages["script"] == ["make build", "rm -rf public && mv site public"]
    assert pages["artifacts"]["paths"] == ["public"]


def test_github_pages_recipe():
    recipe = yaml.safe_load((ROOT / ".github" / "workflows" / "publier.yml").read_text("utf-8"))
    build = recipe["jobs"]["construire"]
    assert build["if"] == "vars.PUBLIER_SITE == 'oui'"
    assert {"run": "make build"} in build["steps"]
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"] == {"path": "site"}
    assert recipe["jobs"]["publier"]["needs"] == "construire"


def test_make_build_is_strict():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    build = makefile.split("\nbuild:", 1)[1].split("\n\n", 1)[0]
    assert "mkdocs build --strict" in build
