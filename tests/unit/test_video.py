"""Video blocks: what the card says about the host and the duration."""

from __future__ import annotations

import pytest

from vmi.content.video import Video, find_videos, poster_errors


@pytest.mark.parametrize(("url", "host"), [
    ("https://www.youtube.com/watch?v=x", "YouTube"), ("https://youtu.be/x", "YouTube"),
    ("https://vimeo.com/1", "Vimeo"), ("https://www.dailymotion.com/video/x", "Dailymotion"),
    ("https://videos.exempleville.fr/w/1", "videos.exempleville.fr")])
def test_host_is_named_as_readers_know_it(url, host):
    assert Video(titre="T", url=url).host == host


@pytest.mark.parametrize(("duree", "shown", "iso"), [
    ("4:30", "4 min 30", "PT4M30S"), ("12:00", "12 min", "PT12M"), ("12 min", "12 min", "PT12M"),
    ("4 min 30", "4 min 30", "PT4M30S"), ("1 h 05", "1 h 05", "PT1H5M"), (12, "12 min", "PT12M"),
    ("1:02:05", "1 h 02 min 05 s", "PT1H2M5S")])
def test_duration_in_french_and_for_machines(duree, shown, iso):
    assert Video(titre="T", url="https://vimeo.com/1", duree=duree).duration == (
        shown.replace(" ", "\u00a0"), iso)


def test_a_video_shown_as_an_example_stays_an_example():
    text = "````markdown\n```video\ntitre: T\n```\n````\n"
    assert find_videos(text, "docs/x.md") == ([], [])


BLOCK = "Texte.\n\n```video\ntitre: Le forum\nurl: https://vimeo.com/1\nimage: {image}\n```\n"


@pytest.fixture
def docs(tmp_path):
    (tmp_path / "docs" / "images").mkdir(parents=True)
    (tmp_path / "docs" / "images" / "forum.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "ailleurs.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return tmp_path / "docs"


@pytest.mark.parametrize(("page", "image"), [
    ("a-propos.md", "images/forum.png"), ("cas/x.md", "../images/forum.png")])
def test_a_poster_stored_with_the_site_is_accepted(docs, page, image):
    assert poster_errors(BLOCK.format(image=image), f"x/{page}", page, docs) == []


@pytest.mark.parametrize(("page", "image", "hint"), [
    ("cas/x.md", "images/forum.png",
     "le fichier « docs/images/forum.png » s’écrit « ../images/forum.png » depuis cette page"),
    ("a-propos.md", "images/autre.png",
     "enregistrez-la dans docs/images/ et vérifiez le chemin, relatif à la page"),
    ("a-propos.md", "../ailleurs.png",  # a file, but outside docs/: not published
     "enregistrez-la dans docs/images/ et vérifiez le chemin, relatif à la page")])
def test_a_missing_poster_is_reported_at_its_line(docs, page, image, hint):
    errors = poster_errors(BLOCK.format(image=image), "content/cas/x.md", page, docs, 20)
    assert [str(e).replace("\u00a0", " ").replace("\u202f", " ") for e in errors] == [
        f"content/cas/x.md:25: video.image: image introuvable : « {image} » ; {hint}"]
