"""The 错题本 review schedule: a pure function of an item's state and one answer.

Rules (spaced repetition, intervals in days):

* a wrong answer (in a test, a contest or a review) starts the item again: interval 0, due at
  once, right streak 0, no longer mastered;
* a right answer to a due item grows the interval 0 → 1 → 2 → 4 → 8 …, and the item is next due
  that many days later;
* an item is mastered (it leaves the notebook) when it is answered right at an interval of at
  least ``MASTERED_INTERVAL`` days with at least ``MASTERED_STREAK`` right answers in a row
  before it — with the default figures: right on the day, after 1, 2 and then 4 days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

MASTERED_STREAK = 3
MASTERED_INTERVAL = 4
MAX_INTERVAL = 64


@dataclass(frozen=True)
class ReviewState:
    interval_days: int = 0
    right_streak: int = 0
    due_at: datetime | None = None
    mastered: bool = False


def next_interval(interval_days: int) -> int:
    """The interval after a right answer: 0 → 1, then doubling, capped at MAX_INTERVAL."""
    if interval_days <= 0:
        return 1
    return min(interval_days * 2, MAX_INTERVAL)


def schedule_next(state: ReviewState, is_correct: bool, now: datetime) -> ReviewState:
    """The item's state after one answer given at ``now``."""
    if not is_correct:
        return ReviewState(interval_days=0, right_streak=0, due_at=now, mastered=False)
    mastered = state.interval_days >= MASTERED_INTERVAL and state.right_streak >= MASTERED_STREAK
    interval = next_interval(state.interval_days)
    return ReviewState(
        interval_days=interval,
        right_streak=state.right_streak + 1,
        due_at=now + timedelta(days=interval),
        mastered=mastered,
    )


def due_cutoff(now: datetime, tz: tzinfo) -> datetime:
    """The end of ``now``'s day in ``tz``: an item due before it is due today."""
    local = now.astimezone(tz)
    midnight = datetime.combine(local.date() + timedelta(days=1), time.min, tzinfo=tz)
    return midnight.astimezone(now.tzinfo)


def is_due(due_at: datetime, now: datetime, tz: tzinfo) -> bool:
    """Is an item due today (in ``tz``) or earlier?"""
    return due_at < due_cutoff(now, tz)
