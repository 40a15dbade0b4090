"""Video blocks: what the card says about the host and the duration."""

from __future__ import annotations

import pytest

from vmi.video import Video, find_videos


@pytest.mark.parametrize(("url", "host"), [
    ("https://www.youtube.com/watch?v=x", "YouTube"), ("https://youtu.be/x", "YouTube"),
    ("https://vimeo.com/1", "Vimeo"), ("https://www.dailymotion.com/video/x", "Dailymotion"),
    ("https://videos.exempleville.fr/w/1", "videos.exempleville.fr")])
def test_host_is_named_as_readers_know_it(url, host):
    assert Video(titre="T", url=url).host == host


@pytest.mark.parametrize(("duree", "shown", "iso"), [
    ("4:30", "4 min 30 s", "PT4M30S"), ("12:00", "12 min", "PT12M"),
    ("1:02:05", "1 h 02 min 05 s", "PT1H2M5S")])
def test_duration_in_french_and_for_machines(duree, shown, iso):
    assert Video(titre="T", url="https://vimeo.com/1", duree=duree).duration == (
        shown.replace(" ", "\u00a0"), iso)


def test_a_video_shown_as_an_example_stays_an_example():
    text = "````markdown\n```video\ntitre: T\n```\n````\n"
    assert find_videos(text, "docs/x.md") == ([], [])
