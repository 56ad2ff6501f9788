"""Scoring and ranking of a live round (现场赛). Pure functions on plain data: no Flask, no db.

Points for one answer (:func:`answer_points`): a right answer scores
``round(P × (1 − t / (2T)))`` where P is the round's points (1000 by default), T the question's
seconds and t the seconds from the question's opening to the answer's arrival, capped at T — so a
right answer is worth between P/2 and P. A wrong answer scores 0. With the streak bonus on, the
n-th right answer in a row adds ``min(cap, 100 × (n − 1))`` (:func:`streak_bonus`), at most +500.
A multiple-choice or cloze answer is right only when all of it is (the engine's check_answer).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..ranks import shared_ranks

STREAK_STEP = 100


def round_half_up(value: float) -> int:
    """Round to the nearest integer, halves up (Python's round() rounds halves to even)."""
    return math.floor(value + 0.5)


def answer_points(correct: bool, elapsed_ms: int, seconds: int, points_max: int = 1000) -> int:
    """Points for one answer, without any streak bonus (see the module docstring)."""
    if not correct:
        return 0
    total_ms = seconds * 1000
    t = min(max(elapsed_ms, 0), total_ms)
    return round_half_up(points_max * (1 - t / (2 * total_ms)))


def streak_bonus(run_length: int, cap: int) -> int:
    """Bonus for a right answer that is the `run_length`-th right answer in a row (0 when off)."""
    if cap <= 0 or run_length <= 1:
        return 0
    return min(cap, STREAK_STEP * (run_length - 1))


@dataclass(frozen=True)
class PlayerTotals:
    """A player's totals over the closed questions. `joined` orders players by joining."""

    player_id: int
    name: str
    team: str | None
    joined: int
    score: int = 0
    correct: int = 0
    right_ms: int = 0  # total time, from opening to arrival, of the right answers


@dataclass(frozen=True)
class RankedPlayer:
    rank: int
    totals: PlayerTotals
    tied: bool = False  # another player shares the rank (shown 并列第 N 名)


@dataclass(frozen=True)
class RankedTeam:
    rank: int
    team: str
    score: int
    players: int
    tied: bool = False


def player_rank_key(p: PlayerTotals) -> tuple[int, int]:
    """What decides a player's rank: players equal in it share the rank."""
    return (-p.score, p.right_ms)


def player_sort_key(p: PlayerTotals) -> tuple[int, int, int]:
    return (*player_rank_key(p), p.joined)


def rank_players(players: Iterable[PlayerTotals]) -> list[RankedPlayer]:
    """Order players and give each a rank; equal players share it (1, 1, 3).

    The ranking rule, each clause deciding only when all earlier ones are equal:

    1. higher score first;
    2. then less total time taken by the right answers (from each question's opening to the
       answer's arrival) first;
    3. players equal in both share a rank (``并列第 N 名``), and the next rank skips the places
       they fill; among them, the earlier joiner is listed first (a stable order on every
       screen, not a better rank).

    After a question nobody answered right, everyone still at 0 is 并列第 1 名: joining first
    is no achievement.
    """
    ordered = sorted(players, key=player_sort_key)
    ranks = shared_ranks([player_rank_key(p) for p in ordered])
    return [
        RankedPlayer(rank=rank, totals=p, tied=tied)
        for p, (rank, tied) in zip(ordered, ranks, strict=True)
    ]


def rank_teams(players: Sequence[PlayerTotals]) -> list[RankedTeam]:
    """Team rows: one per team name, over its members; players without a team are in no row.

    A team's score is its members' average score, rounded (halves up); `players` is its member
    count. Teams are ordered by score (higher first), then by member count (more first); teams
    equal in both share a rank (1, 1, 3) and are listed by the joining order of their earliest
    member.
    """
    members: dict[str, list[PlayerTotals]] = {}
    for player in players:
        if player.team:
            members.setdefault(player.team, []).append(player)
    rows = []
    for team, group in members.items():
        average = round_half_up(sum(p.score for p in group) / len(group))
        first = min(p.joined for p in group)
        rows.append((-average, -len(group), first, team, average, len(group)))
    rows.sort()
    ranks = shared_ranks([(key_score, key_count) for key_score, key_count, *_ in rows])
    return [
        RankedTeam(rank=rank, team=team, score=score, players=count, tied=tied)
        for (_, _, _, team, score, count), (rank, tied) in zip(rows, ranks, strict=True)
    ]


@dataclass(frozen=True)
class ScoredAnswer:
    """One of a player's answers as :func:`replay_points` sees it."""

    position: int
    correct: bool
    elapsed_ms: int
    seconds: int


def replay_points(answers: Sequence[ScoredAnswer], points_max: int, streak_cap: int) -> list[int]:
    """Each answer's points (streak bonus included), as if given again in question order: what
    the answers of one player are worth after their verdicts change (a corrected key). A right
    answer at position p continues the run of right answers at p − 1, p − 2 …, as when it
    arrived (every earlier question was closed by then). Returned in the order given."""
    right = {a.position for a in answers if a.correct}
    points = []
    for answer in answers:
        value = answer_points(answer.correct, answer.elapsed_ms, answer.seconds, points_max)
        if answer.correct and streak_cap > 0:
            run = 1
            while answer.position - run in right:
                run += 1
            value += streak_bonus(run, streak_cap)
        points.append(value)
    return points
