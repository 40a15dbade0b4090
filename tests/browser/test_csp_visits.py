"""Content-Security-Policy, the rest of a visitor's path: the presenter view and its
overview, the palette switch, and the team synthesis (files imported, links pasted,
exports downloaded: its computing scripts load on first use) raise no violation, online
here and over ``file://`` in tests/browser/test_offline.py (``vmi.testing.browser.use_site``)."""

from __future__ import annotations

from vmi.testing.browser import use_site


def test_presenter_palette_and_team_synthesis_raise_no_violation(context, site_url):
    assert use_site(context, lambda path: site_url + ("" if path == "index" else path + "/")
                    ) == []
