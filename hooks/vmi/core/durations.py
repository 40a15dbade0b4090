"""Durations as people write them: « 12 min », « 4 min 30 », « 1 h 05 », « 4:30 ».

One reader for every duration of the content (video blocks, parcours steps), and one
way of showing them in French. ``4:30`` reaches this module as the text written: the
loader (``vmi.core.source``) no longer lets YAML 1.1 turn it into the base-60 number 270.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

_CLOCK = re.compile(r"^(?:(\d{1,2}):([0-5]\d)|(\d{1,3})):([0-5]\d)$")  # h:mm:ss or m:ss
_TOKEN = re.compile(r"(\d+)\s*([a-zé]*)\.?")
_UNITS = {"h": 3600, "heure": 3600, "heures": 3600,
          "min": 60, "mn": 60, "minute": 60, "minutes": 60, "m": 60,
          "s": 1, "sec": 1, "seconde": 1, "secondes": 1}
_NBSP = "\u00a0"

EXPECTED = ("durée attendue, ex. « 12 min », « 4 min 30 », « 1 h 05 » ou « 4:30 » "
            "(minutes:secondes)")
# Guides editors' tools (JSON Schemas, the form); ``seconds`` decides.
PATTERN = r"^\s*((\d{1,2}:)?\d{1,3}:[0-5]\d|(\d+\s*[a-zA-Zé]*\.?\s*){1,3})\s*$"


def seconds(text: str) -> int | None:
    """The duration ``text`` stands for, in seconds; ``None`` if it is not one.

    A number alone is minutes (``12``); a number after a unit is the next unit down
    (``1 h 05`` is 1 h 5 min, ``4 min 30`` is 4 min 30 s); units go from large to small.
    """
    text = " ".join(text.strip().lower().split())
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes_h, minutes, secs = clock.groups()
        total = (int(hours) * 3600 + int(minutes_h) * 60 if hours
                 else int(minutes) * 60) + int(secs)
        return total or None
    total, last, position = 0, 0, 0
    for match in _TOKEN.finditer(text):
        if text[position:match.start()].strip():
            return None
        position = match.end()
        number, unit = int(match[1]), match[2]
        if unit:
            size = _UNITS.get(unit)
        else:  # the unit after the last one named, minutes for a lone number
            size = {0: 60, 3600: 60, 60: 1}.get(last)
        if size is None or (last and size >= last) or (last and number >= 60):
            return None
        total, last = total + number * size, size
    if position == 0 or text[position:].strip():
        return None
    return total or None


def french(total: int) -> str:
    """``750`` → « 12 min 30 »; ``3900`` → « 1 h 05 »; ``45`` → « 45 s » (no-break spaces)."""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        text = f"{hours} h" + (f" {minutes:02d}" if minutes or secs else "")
        text += f" min {secs:02d} s" if secs else ""
    elif minutes:
        text = f"{minutes} min" + (f" {secs:02d}" if secs else "")
    else:
        text = f"{secs} s"
    return text.replace(" ", _NBSP)


def iso(total: int) -> str:
    """``270`` → ``PT4M30S``, as ``<time datetime>`` wants it."""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return ("PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
            + (f"{secs}S" if secs else ""))


def _as_text(value: Any) -> Any:
    """``duree: 12`` (a YAML number) is 12 minutes, written without its unit."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _check(value: str) -> str:
    if seconds(value) is None:
        raise ValueError(EXPECTED)
    return value.strip()


# Kept as written (the form editor writes it back the same); read with ``seconds``.
Duration = Annotated[str, BeforeValidator(_as_text), AfterValidator(_check),
                     Field(json_schema_extra={"pattern": PATTERN})]
