"""The 错题本 review schedule, as a pure function."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from quizapp.study.schedule import (
    MAX_INTERVAL,
    ReviewState,
    due_cutoff,
    is_due,
    next_interval,
    schedule_next,
)

NOW = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)  # 10:00 in China
CHINA = ZoneInfo("Asia/Shanghai")


def test_right_answers_double_the_interval() -> None:
    state = ReviewState()
    intervals = []
    now = NOW
    for _ in range(4):
        state = schedule_next(state, True, now)
        intervals.append(state.interval_days)
        assert state.due_at == now + timedelta(days=state.interval_days)
        now = state.due_at
    assert intervals == [1, 2, 4, 8]


def test_wrong_answer_starts_again_and_is_due_at_once() -> None:
    state = ReviewState(interval_days=8, right_streak=3, due_at=NOW)
    after = schedule_next(state, False, NOW)
    assert after == ReviewState(interval_days=0, right_streak=0, due_at=NOW, mastered=False)


def test_mastered_only_after_a_right_answer_at_four_days_with_a_streak() -> None:
    state = ReviewState()
    verdicts = []
    for _ in range(4):
        state = schedule_next(state, True, NOW)
        verdicts.append(state.mastered)
    assert verdicts == [False, False, False, True]
    # a long interval without the streak (e.g. after a merge) is not enough
    assert not schedule_next(ReviewState(interval_days=8, right_streak=1), True, NOW).mastered
    # a streak at a short interval is not enough either
    assert not schedule_next(ReviewState(interval_days=2, right_streak=5), True, NOW).mastered


def test_interval_is_capped() -> None:
    assert next_interval(0) == 1
    assert next_interval(MAX_INTERVAL) == MAX_INTERVAL


def test_due_today_means_before_midnight_in_china() -> None:
    cutoff = due_cutoff(NOW, CHINA)
    assert cutoff == datetime(2026, 3, 1, 16, 0, tzinfo=UTC)  # 00:00 on 2 March in China
    assert is_due(NOW + timedelta(hours=13), NOW, CHINA)  # 23:00 China time today
    assert not is_due(NOW + timedelta(hours=14), NOW, CHINA)  # 00:00 tomorrow
    late = datetime(2026, 3, 1, 17, 0, tzinfo=UTC)  # 01:00 on 2 March in China
    assert due_cutoff(late, CHINA) == datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
