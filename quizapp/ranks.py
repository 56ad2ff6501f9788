"""Shared ranks for equal results (standard competition ranking, "1224"). Pure, no Flask.

Two rows that every clause of a ranking rule finds equal share a rank, and the next rank skips as
many places as shared the one before: 1, 1, 3. A row that shares its rank is shown
``并列第 N 名`` (:func:`tie_label` in an export; the pages and phones write it themselves). Both
contests (现场赛 players and teams, 答题赛 支部) use it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence


def shared_ranks(keys: Sequence[Hashable]) -> list[tuple[int, bool]]:
    """(rank, tied) for each of `keys`, which are already in ranking order: a key equal to the one
    before takes its rank; otherwise the rank is the 1-based position. `tied` says another row
    has the same rank."""
    ranks: list[int] = []
    for position, key in enumerate(keys, start=1):
        same = position > 1 and key == keys[position - 2]
        ranks.append(ranks[-1] if same else position)
    count = Counter(ranks)
    return [(rank, count[rank] > 1) for rank in ranks]


def tie_label(rank: int | None, tied: bool) -> str:
    """An export's 并列 column: 并列第 N 名 beside a shared rank, empty otherwise (the 名次 column
    stays a number, so that a sheet still sorts by it)."""
    return f"并列第 {rank} 名" if tied and rank is not None else ""
