"""Durations as editors write them, read once for video blocks and parcours."""

from __future__ import annotations

import re

import pytest

from vmi.core.durations import PATTERN, french, seconds


@pytest.mark.parametrize(("text", "total"), [
    ("12 min", 720), ("12min", 720), ("12 minutes", 720), ("12", 720), (" 12  min ", 720),
    ("4 min 30", 270), ("4 min 30 s", 270), ("4:30", 270), ("04:30", 270),
    ("1 h 05", 3900), ("1h05", 3900), ("1 h 05 min", 3900), ("1 h", 3600), ("2 heures", 7200),
    ("1:02:30", 3750), ("90 min", 5400), ("45 s", 45), ("1 H 05", 3900)])
def test_written_durations_are_read(text, total):
    assert seconds(text) == total
    assert re.match(PATTERN, text), "the form would refuse what the validator accepts"


@pytest.mark.parametrize("text", [
    "", "bientôt", "12 jours", "4:75", "1 h 75", "4 min 1 h", "12 min min", "0", "0:00",
    "4:30 min", "- 4 min", "12 min environ", "1:2:3", "4 min 30 s 2"])
def test_other_texts_are_not_durations(text):
    assert seconds(text) is None


@pytest.mark.parametrize(("total", "shown"), [
    (720, "12 min"), (270, "4 min 30"), (3900, "1 h 05"), (3600, "1 h"), (45, "45 s"),
    (3750, "1 h 02 min 30 s")])
def test_shown_in_french_with_no_break_spaces(total, shown):
    assert french(total) == shown.replace(" ", "\u00a0")
