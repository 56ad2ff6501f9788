"""The status of a live round, derived in this one place from its stored columns. Pure.

lobby     no question opened yet (current position 0);
open      the current question is open: before its deadline and not closed by the host;
closed    the current question has ended (host closed it, or its deadline passed — the two
          count the same, and no one needs to advance for a deadline to close it);
finished  the host advanced past the last question.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

# An answer that arrives this long after the deadline still counts (it was sent in time; the
# network took the rest). No key may be shown while one can still arrive.
ANSWER_GRACE_S = 0.5


class LiveStatus(StrEnum):
    LOBBY = "lobby"
    OPEN = "open"
    CLOSED = "closed"
    FINISHED = "finished"


def question_closed(deadline: datetime | None, closed_at: datetime | None, now: datetime) -> bool:
    """A question is closed once the host closed it or its deadline has passed."""
    if closed_at is not None:
        return True
    return deadline is not None and now >= deadline


def key_public(deadline: datetime | None, closed_at: datetime | None, now: datetime) -> bool:
    """Whether the key (and who got it right) may be shown: once the question is closed for
    good (closed_at: settled or closed by the host; no answer is taken after it) or its deadline
    and the grace have passed. Between the deadline and the end of the grace the round reads
    closed (the phones stop taking answers) but a late answer in flight still counts, so a
    script reading the key then could still answer right."""
    if closed_at is not None:
        return True
    return deadline is not None and now > deadline + timedelta(seconds=ANSWER_GRACE_S)


def derive_status(
    current_position: int,
    finished: bool,
    deadline: datetime | None,
    closed_at: datetime | None,
    now: datetime,
) -> LiveStatus:
    if finished:
        return LiveStatus.FINISHED
    if current_position == 0:
        return LiveStatus.LOBBY
    if question_closed(deadline, closed_at, now):
        return LiveStatus.CLOSED
    return LiveStatus.OPEN


def closed_moment(deadline: datetime | None, closed_at: datetime | None) -> datetime | None:
    """When the question ended: the earlier of the host's close and the deadline."""
    moments = [m for m in (deadline, closed_at) if m is not None]
    return min(moments) if moments else None
