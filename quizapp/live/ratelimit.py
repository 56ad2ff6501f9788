"""Fixed-window rate limits with counters in the database, shared by every worker and host.

Limits are per contest and per code, never per IP address (a whole branch often shares one):

* ``join:<contest id>`` counts join attempts to one round (JOIN_RATE_PER_MINUTE, default 2000,
  room for a 1,000-person meeting joining within a minute);
* ``guess`` counts look-ups of codes that do not exist, from anyone
  (CODE_GUESS_RATE_PER_MINUTE); over the cap an unknown code gets 429 instead of 404.

A counter is one row per key and minute, bumped with an upsert inside the caller's (write)
transaction; rows older than a few minutes are deleted now and then.
"""

from __future__ import annotations

import random
import time

from sqlalchemy import delete, select

from ..database import dialect_insert
from ..extensions import db
from ..models import RateCounter

WINDOW_SECONDS = 60
CLEANUP_CHANCE = 0.01


def current_window(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // WINDOW_SECONDS)


def hit(key: str, now: float | None = None) -> int:
    """Count one request under `key` in the current minute; returns the count including it."""
    window = current_window(now)
    stmt = dialect_insert(RateCounter).values(key=key, window=window, count=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[RateCounter.key, RateCounter.window],
        set_={"count": RateCounter.count + 1},
    ).returning(RateCounter.count)
    count = int(db.session.execute(stmt).scalar_one())
    if random.random() < CLEANUP_CHANCE:
        db.session.execute(delete(RateCounter).where(RateCounter.window < window - 2))
    return count


def count(key: str, now: float | None = None) -> int:
    """The count so far in the current minute (a plain read)."""
    value = db.session.scalar(
        select(RateCounter.count).where(
            RateCounter.key == key, RateCounter.window == current_window(now)
        )
    )
    return int(value or 0)


def allow(key: str, limit: int, now: float | None = None) -> bool:
    """Count this request; False when it is over `limit` per minute (it is still counted)."""
    return hit(key, now) <= limit
