"""What several browser tests read from a page: every page of the built site, and the
Content-Security-Policy violations the page itself recorded."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# An init script: violations are collected before any script of the page runs.
LISTEN = """window.vmiViolations = [];
document.addEventListener("securitypolicyviolation", e => window.vmiViolations.push(
  {directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample}), true);"""


# What every page's policy must say, and a site the policy must keep out.
REQUIRED = ("default-src 'self'", "object-src 'none'", "frame-src 'none'", "base-uri 'self'",
            "form-action 'self'", "img-src 'self' data:")
OTHER_SITE = "https://tiers.example.net"


def policy_of(text: str) -> str | None:
    """The Content-Security-Policy that a page's ``<meta>`` declares, if any."""
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text)
    return match.group(1) if match else None


def violations(page: Any) -> list[dict]:
    """The policy violations recorded since the page loaded (needs ``LISTEN``)."""
    return page.evaluate("window.vmiViolations")


def site_pages(site_dir: Path, site_url: str) -> list[str]:
    """Every page of the sitemap, and the 404 page, at ``site_url``."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs
    public = min(locs, key=len)  # the home page: the sitemap's own site_url
    return [site_url + loc[len(public):] for loc in locs] + [site_url + "404.html"]
