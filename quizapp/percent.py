"""One rounding for every rate a results page and its Excel sheet both show. Pure, no Flask.

A page and the sheet exported from it must read the same figure for the same data: a 支部 with
1 of 8 members taking part read 12% on the page (Python's format rounds a half to even) and 13%
in Excel (a "0%" cell rounds it up). Both now take :func:`whole_percent`, and the sheet stores
the rounded figure (13% is the cell's value, 0.13), so no program's display rounding can differ.
"""

from __future__ import annotations


def whole_percent(part: int, whole: int) -> int | None:
    """``part / whole`` in whole percent, a half rounded up (四舍五入: 1/8 → 13), in integers,
    so that 29/200 is 15 and not float 14.4999…; None when ``whole`` is 0 (no rate)."""
    if not whole:
        return None
    return (200 * part + whole) // (2 * whole)


def as_fraction(percent: int | None) -> float | None:
    """A sheet cell's value for ``percent`` (shown with the number format "0%")."""
    return None if percent is None else percent / 100
