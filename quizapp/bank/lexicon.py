"""The lexicon in force: the packaged formulas, overlaid by admins' edits (workbench)."""

from __future__ import annotations

from .. import generation


def current_lexicon() -> generation.Lexicon:
    return generation.load_lexicon()
