"""Each axis heading of the questionnaire and of its results leads to the axis's thematic
sheet (an axis without one keeps a plain heading). Every recommendation also links to
its axis's sheet, and to a case when one shows the advice."""

from __future__ import annotations

import re
from pathlib import Path

from vmi.testing.diagnostic import DIAGNOSTIC, page_data


def heading_links(page: str, axis: str) -> tuple[list[str], list[str]]:
    """(links in the questionnaire's h2, links in the results' h4) of ``axis``."""
    h2 = re.search(rf'<h2 id="axe-{axis}">(.*?)</h2>', page, re.S)
    detail = re.search(rf'<div class="vmi-diag__res" data-axe="{axis}"[^>]*>\s*<h4>(.*?)</h4>',
                       page, re.S)
    assert h2 and detail, axis
    return (re.findall(r'href="([^"]+)"', h2.group(1)),
            re.findall(r'href="([^"]+)"', detail.group(1)))


def test_axis_headings_link_to_their_sheet(site_dir: Path):
    page = (site_dir / "diagnostic" / "index.html").read_text("utf-8")
    for axis in DIAGNOSTIC.axes:
        questions, results = heading_links(page, axis.id)
        assert questions == results == [f"../themes/{axis.id}/"], axis.id
        sheet = (site_dir / "themes" / axis.id / "index.html").read_text("utf-8")
        assert re.search(r"<h1[^>]*>([^<]*)</h1>", sheet).group(1) == axis.nom


def test_every_recommendation_links_its_sheet_and_new_axes_have_advice(site_dir: Path):
    data = page_data(site_dir)
    for reco in data["recommandations"]:
        assert f"../themes/{reco['axe']}/" in [link["href"] for link in reco["liens"]], \
            reco["texte"]
    advised = {reco["axe"] for reco in data["recommandations"]}
    assert advised == {axis.id for axis in DIAGNOSTIC.axes}


class _Links:
    def url(self, src_uri: str) -> str:
        return "/" + src_uri.removesuffix(".md") + "/"

    def title(self, src_uri: str) -> str:
        return src_uri


def test_only_axes_with_a_sheet_get_a_link():
    """A sheet missing (a content folder without themes/) gives no dead link."""
    from vmi.site.pages import diagnostic_context

    first, second = DIAGNOSTIC.axes[0].id, DIAGNOSTIC.axes[1].id
    context = diagnostic_context(DIAGNOSTIC, "", _Links(), frozenset({second}))
    assert context["fiches"] == {second: f"/themes/{second}/"}
    assert first not in context["fiches"]
    assert diagnostic_context(DIAGNOSTIC, "", _Links())["fiches"] == {}
