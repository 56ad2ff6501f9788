"""Live-round scoring, ranking and status: pure functions, one test per rule clause."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.live.ranking import (
    PlayerTotals,
    answer_points,
    rank_players,
    rank_teams,
    streak_bonus,
)
from quizapp.live.state import LiveStatus, derive_status
from quizapp.ranks import tie_label


def totals(pid: int, score: int = 0, right_ms: int = 0, team: str | None = None, joined=None):
    return PlayerTotals(
        player_id=pid,
        name=f"p{pid}",
        team=team,
        joined=pid if joined is None else joined,
        score=score,
        right_ms=right_ms,
    )


def order(players: list[PlayerTotals]) -> list[int]:
    return [r.totals.player_id for r in rank_players(players)]


# ---------------------------------------------------------------- points


@pytest.mark.parametrize(
    ("elapsed_ms", "seconds", "expected"),
    [
        (0, 20, 1000),  # instant: full points
        (5000, 20, 875),  # 1000 × (1 − 5/40)
        (20000, 20, 500),  # at the deadline: half
        (25000, 20, 500),  # t is capped at T (an answer in the grace)
        (1000, 30, 983),  # 1000 × (1 − 1/60) = 983.33
        (3000, 120, 988),  # 1000 × (1 − 3/240) = 987.5 → rounds half up
    ],
)
def test_right_answer_scores_between_half_and_full(elapsed_ms, seconds, expected):
    assert answer_points(True, elapsed_ms, seconds) == expected


def test_wrong_answer_scores_nothing_however_fast():
    assert answer_points(False, 0, 20) == 0


def test_points_scale_with_the_rounds_points():
    assert answer_points(True, 10000, 20, points_max=2000) == 1500


def test_streak_bonus_grows_by_100_and_stops_at_its_cap():
    assert [streak_bonus(n, 500) for n in range(1, 9)] == [0, 100, 200, 300, 400, 500, 500, 500]
    assert streak_bonus(5, 250) == 250
    assert streak_bonus(5, 0) == 0  # off


# ----------------------------------------------------- the ranking rule, clause by clause


def test_clause_1_higher_score_ranks_first():
    players = [totals(1, score=500), totals(2, score=1500), totals(3, score=1000)]
    assert order(players) == [2, 3, 1]


def test_clause_2_equal_scores_less_right_answer_time_first():
    players = [totals(1, score=900, right_ms=8000), totals(2, score=900, right_ms=3000)]
    assert order(players) == [2, 1]


def test_clause_2_does_not_override_a_higher_score():
    players = [totals(1, score=901, right_ms=99000), totals(2, score=900, right_ms=1)]
    assert order(players) == [1, 2]


def test_clause_3_equal_score_and_time_share_a_rank_earlier_joiner_listed_first():
    players = [
        totals(7, score=900, right_ms=3000, joined=2),
        totals(8, score=900, right_ms=3000, joined=1),
    ]
    ranked = rank_players(players)
    assert [(r.totals.player_id, r.rank, r.tied) for r in ranked] == [(8, 1, True), (7, 1, True)]


def test_shared_ranks_skip_the_places_they_fill():
    """Standard competition ranking: 1, 2, 2, 4 (nobody is 第 3 名)."""
    ranked = rank_players(
        [
            totals(1, score=1900, right_ms=4000),
            totals(2, score=950, right_ms=2000),
            totals(3, score=950, right_ms=2000),
            totals(4, score=950, right_ms=2001),  # a millisecond slower: not tied
        ]
    )
    assert [(r.totals.player_id, r.rank, r.tied) for r in ranked] == [
        (1, 1, False),
        (2, 2, True),
        (3, 2, True),
        (4, 4, False),
    ]


def test_three_players_all_wrong_are_all_first_equal():
    """After a question nobody answered right, nobody is 第 2 名 for having joined later."""
    ranked = rank_players([totals(1), totals(2), totals(3)])
    assert [r.rank for r in ranked] == [1, 1, 1]
    assert all(r.tied for r in ranked)
    assert [r.totals.player_id for r in ranked] == [1, 2, 3]  # listed by joining
    assert [tie_label(r.rank, r.tied) for r in ranked] == ["并列第 1 名"] * 3


def test_an_untied_rank_has_nothing_in_the_tie_column():
    ranked = rank_players([totals(1, score=10), totals(2)])
    assert [(r.rank, tie_label(r.rank, r.tied)) for r in ranked] == [(1, ""), (2, "")]


# ---------------------------------------------------------------- teams


def test_team_score_is_the_rounded_average_and_players_its_size():
    rows = rank_teams(
        [
            totals(1, score=1000, team="一支部"),
            totals(2, score=501, team="一支部"),  # average 750.5 → 751 (halves up)
            totals(3, score=900, team="二支部"),
        ]
    )
    assert [(t.rank, t.team, t.score, t.players) for t in rows] == [
        (1, "二支部", 900, 1),
        (2, "一支部", 751, 2),
    ]


def test_players_without_a_team_are_in_no_team_row():
    rows = rank_teams([totals(1, score=1000), totals(2, score=10, team="一支部")])
    assert [t.team for t in rows] == ["一支部"]
    assert rows[0].players == 1


def test_equal_team_averages_more_members_first_equal_size_shares_the_rank():
    rows = rank_teams(
        [
            totals(1, score=800, team="甲"),
            totals(2, score=800, team="乙"),
            totals(3, score=800, team="乙"),
            totals(4, score=800, team="丙"),
            totals(5, score=700, team="丁"),
        ]
    )
    assert [(t.team, t.rank, t.tied) for t in rows] == [
        ("乙", 1, False),
        ("甲", 2, True),  # 800 with one member, as 丙: listed by the earlier member
        ("丙", 2, True),
        ("丁", 4, False),
    ]


# ---------------------------------------------------------------- status, derived in one place

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("position", "finished", "deadline", "closed_at", "now", "expected"),
    [
        (0, False, None, None, T0, LiveStatus.LOBBY),
        (1, False, T0 + timedelta(seconds=20), None, T0, LiveStatus.OPEN),
        (1, False, T0 + timedelta(seconds=20), None, T0 + timedelta(seconds=20), LiveStatus.CLOSED),
        (
            1,
            False,
            T0 + timedelta(seconds=20),
            T0 + timedelta(seconds=5),
            T0 + timedelta(seconds=6),
            LiveStatus.CLOSED,
        ),
        (3, True, T0, T0, T0, LiveStatus.FINISHED),
    ],
)
def test_status_is_derived_from_position_deadline_and_close(
    position, finished, deadline, closed_at, now, expected
):
    assert derive_status(position, finished, deadline, closed_at, now) == expected
