"""Account services: create a user, check a login (with a per-process throttle), claim visitor data.

Services add and flush; the view commits once.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

from flask import current_app
from sqlalchemy import func, select

from ..extensions import db
from ..models import User, utcnow
from ..study.owner import claim_current_visitor


def create_user(
    *,
    username: str,
    display_name: str,
    password: str,
    group_id: int | None = None,
    role: str = "learner",
) -> User:
    user = User(
        username=username,
        display_name=display_name.strip()[:32] or username,
        role=role,
        group_id=group_id or None,
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def find_user(username: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.username) == username.lower()))


def check_login(username: str, password: str) -> User | None:
    """The user whose password matches, or None (unknown account and wrong password look alike)."""
    user = find_user(username)
    if user is None or not user.check_password(password):
        return None
    return user


def record_login(user: User) -> None:
    """Stamp the login and hand the browser's visitor work (self-tests, 错题本) to the user."""
    user.last_login_at = utcnow()
    claim_current_visitor(user.id)
    db.session.flush()


class LoginThrottle:
    """Failed logins per (address, account) in a sliding window, kept in this worker's memory.

    Enough to slow password guessing from one browser; with several workers each counts alone,
    which still bounds guesses to workers x limit per window.
    """

    def __init__(self, limit: int, window_s: float) -> None:
        self.limit = limit
        self.window_s = window_s
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures[key]
        while times and now - times[0] > self.window_s:
            times.popleft()
        return times

    def wait_seconds(self, key: tuple[str, str]) -> int:
        """0 if a login may be tried now, else the seconds until the next try is allowed."""
        now = time.monotonic()
        with self._lock:
            times = self._recent(key, now)
            if len(times) < self.limit:
                return 0
            return max(1, int(times[0] + self.window_s - now + 0.999))

    def failed(self, key: tuple[str, str]) -> None:
        now = time.monotonic()
        with self._lock:
            self._recent(key, now).append(now)

    def succeeded(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._failures.pop(key, None)


def login_throttle() -> LoginThrottle:
    app = current_app
    throttle = app.extensions.get("login_throttle")
    if throttle is None:
        throttle = LoginThrottle(
            int(app.config.get("LOGIN_MAX_FAILURES", 8)),
            float(app.config.get("LOGIN_FAILURE_WINDOW_S", 600)),
        )
        app.extensions["login_throttle"] = throttle
    return throttle
