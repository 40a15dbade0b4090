"""Compiled templates are kept between builds (hooks/template_cache.py), and an edited
template is still what the next build uses."""

from __future__ import annotations

from pathlib import Path

from vmi.testing import run_build


def test_an_edited_template_is_used_by_the_next_build(project: Path, tmp_path: Path):
    first = run_build(project, tmp_path / "site")
    assert first.returncode == 0, first.stderr
    cached = list((project / ".cache" / "jinja").iterdir())
    assert len(cached) > 20  # Material's templates and ours

    footer = project / "overrides" / "partials" / "vmi" / "footer-marker.html"
    footer.write_text("<p>Marque de test</p>\n", encoding="utf-8")
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block content %}", '{% block content %}{% include "partials/vmi/footer-marker.html" %}', 1),
        encoding="utf-8")
    second = run_build(project, tmp_path / "site2")
    assert second.returncode == 0, second.stderr
    assert "<p>Marque de test</p>" in (tmp_path / "site2" / "index.html").read_text(encoding="utf-8")


def test_our_page_templates_are_cached_apart_and_an_edit_is_used(project: Path, tmp_path: Path):
    """The renderer compiles with autoescaping, the theme without: one cache each."""
    first = run_build(project, tmp_path / "site")
    assert first.returncode == 0, first.stderr
    assert len(list((project / ".cache" / "jinja" / "vmi").iterdir())) >= 5

    body = project / "overrides" / "partials" / "vmi" / "body" / "piliers.html"
    body.write_text("<p>Marque des piliers</p>\n" + body.read_text(encoding="utf-8"),
                    encoding="utf-8")
    second = run_build(project, tmp_path / "site2")
    assert second.returncode == 0, second.stderr
    page = (tmp_path / "site2" / "piliers" / "index.html").read_text(encoding="utf-8")
    assert "<p>Marque des piliers</p>" in page
