"""Video blocks in a real browser: a link card to the host, nothing loaded from it; a
poster that is not among the files stops the build at its line."""

from __future__ import annotations

import shutil
import struct
import zlib
from urllib.parse import urlsplit

import pytest

from vmi.testing import ROOT, axe_violations, copy_project, run_build, serve
from vmi.testing.browser import LISTEN, violations

VIDEO = "https://www.youtube.com/watch?v=aBcDeFgHiJk"
BLOCK = f"""

## En vidéo

```video
titre: Le forum d’Exempleville en images
url: {VIDEO}
duree: 4:30
image: images/forum.png
```

```video
titre: La table ronde
url: https://vimeo.com/1
duree: 12 min
```
"""


def _png(width: int, height: int) -> bytes:
    """A plain blue PNG, the poster image stored with the site."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + bytes([40, 60, 140]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def video_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("video")
    project = copy_project(base / "projet")
    page = project / "docs" / "a-propos.md"
    page.write_text(page.read_text(encoding="utf-8") + BLOCK, encoding="utf-8")
    (project / "docs" / "images").mkdir()
    (project / "docs" / "images" / "forum.png").write_bytes(_png(160, 90))
    result = run_build(project, base / "site")
    assert result.returncode == 0, result.stderr
    url, server = serve(base / "site")
    yield url
    server.shutdown()


def test_video_block_is_a_link_card_that_loads_nothing_from_the_host(context, video_site):
    context.add_init_script(LISTEN)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route(lambda url: urlsplit(url).netloc != urlsplit(video_site).netloc,
                  lambda route: route.abort())
    page = context.new_page()
    page.goto(video_site + "a-propos/")
    page.wait_for_load_state("networkidle")
    card = page.locator(".vmi-video").first
    link = card.get_by_role("link")
    assert link.get_attribute("href") == VIDEO
    assert link.inner_text().split("\n") == ["Le forum d’Exempleville en images",
                                             "sur YouTube, site externe"]
    assert card.locator("time").get_attribute("datetime") == "PT4M30S"
    assert card.locator("time").inner_text() == "4\u00a0min\u00a030"
    assert card.locator("img").evaluate("img => img.complete && img.naturalWidth") == 160
    assert card.locator("iframe").count() == 0
    assert any(url.endswith("/images/forum.png") for url in requests)
    assert [url for url in requests if urlsplit(url).netloc != urlsplit(video_site).netloc] == []
    assert violations(page) == []
    assert axe_violations(page) == []


def test_durations_written_as_people_say_them_are_shown_in_french(context, video_site):
    """``duree: 4:30`` without quotes (YAML 1.1 would read 270) and ``duree: 12 min``."""
    page = context.new_page()
    page.goto(video_site + "a-propos/")
    times = page.locator(".vmi-video time")
    assert times.all_inner_texts() == ["4\u00a0min\u00a030", "12\u00a0min"]
    assert [t.get_attribute("datetime") for t in times.all()] == ["PT4M30S", "PT12M"]


def test_a_missing_poster_stops_the_build_at_its_line_before_writing(project, tmp_path):
    """The content check finds it, as ``make check`` does, before any page is written."""
    case = ROOT / "tests" / "corpus" / "video-image-absente"
    shutil.copyfile(case / "content" / "cas" / "exempleville.md",
                    project / "content" / "cas" / "exempleville.md")
    expected = (case / "expected.txt").read_text(encoding="utf-8").strip()
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 1
    assert any(line.endswith(f"-  {expected}") for line in result.stderr.splitlines()), (
        result.stderr)
    assert "Traceback" not in result.stderr
    assert not list(site.rglob("*.html"))
