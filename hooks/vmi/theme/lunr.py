"""The lunr files Material's search worker loads, so that the trim keeps them and drops
the other languages' (``vmi.output.trim``).

Material internal: the worker loads ``assets/javascripts/lunr/min/lunr.stemmer.support``,
``lunr.multi`` and ``lunr.<language>`` (plus a segmenter for Japanese and Thai) once any
non-English language is set. Guarded by tests/build/test_theme_contract.py
(``test_trim_keeps_what_the_search_worker_loads``).
"""

from __future__ import annotations

from collections.abc import Iterable

LUNR_DIR = "assets/javascripts/lunr/"
# Always needed by Material's search worker once any non-English language is set.
LUNR_SUPPORT = ("min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js")
# Languages whose stemmer needs an extra segmenter script.
LUNR_EXTRAS = {"ja": ("tinyseg.js",), "jp": ("tinyseg.js",), "th": ("wordcut.js",)}


def lunr_keep(languages: Iterable[str]) -> set[str]:
    """Paths under ``LUNR_DIR`` that the search worker loads for ``languages``."""
    keep = set(LUNR_SUPPORT)
    for lang in languages:
        keep.add(f"min/lunr.{lang}.min.js")
        keep.update(LUNR_EXTRAS.get(lang, ()))
    return keep
