"""Pure rules of the paper contest (答题赛): state, drawing a paper, ranking, team and question
summaries. Plain data in, plain data out: no Flask, no database.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ..percent import whole_percent
from ..ranks import shared_ranks

KIND_ORDER = ("single", "multiple", "judge", "cloze")  # the order of sections on a paper
NO_TEAM = "未分组"


# ---------------------------------------------------------------- contest state


def contest_state(opens_at: datetime, closes_at: datetime, now: datetime) -> str:
    """The one place a contest's state is derived: "upcoming" before its start, "open" from
    the start (inclusive) to the end (exclusive), "closed" from the end on."""
    if now < opens_at:
        return "upcoming"
    if now < closes_at:
        return "open"
    return "closed"


def answers_visible(reveal: str, state: str) -> bool:
    """Right answers are shown after the close, or at once when the organizer chose so."""
    return reveal == "immediately" or state == "closed"


# ---------------------------------------------------------------- drawing a paper


def draw_paper(
    pool: Mapping[str, Sequence[int]], counts: Mapping[str, int], seed: int
) -> list[int]:
    """A random paper: for each kind (in KIND_ORDER), `counts[kind]` distinct question ids drawn
    from `pool[kind]`, shuffled. The same pool, counts and seed give the same paper; a kind with
    fewer questions than asked contributes all it has."""
    rng = random.Random(seed)
    paper: list[int] = []
    for kind in KIND_ORDER:
        wanted = int(counts.get(kind, 0) or 0)
        if wanted <= 0:
            continue
        available = sorted(set(pool.get(kind, ())))
        paper.extend(rng.sample(available, min(wanted, len(available))))
    return paper


def shortfall(pool_sizes: Mapping[str, int], counts: Mapping[str, int]) -> dict[str, int]:
    """Kinds for which the bank has fewer questions than asked: kind -> how many it has."""
    return {
        kind: int(pool_sizes.get(kind, 0))
        for kind in KIND_ORDER
        if int(counts.get(kind, 0) or 0) > int(pool_sizes.get(kind, 0))
    }


# ---------------------------------------------------------------- ranking


@dataclass(frozen=True)
class Result:
    """One finished attempt as the ranking sees it."""

    user_id: int
    name: str
    team: str | None
    score: int
    time_used_ms: int
    submitted_at: datetime
    attempt_id: int = 0
    total: int = 0


@dataclass(frozen=True)
class Ranked:
    rank: int
    result: Result
    tied: bool = False  # another participant shares the rank (并列第 N 名)


def _rank_key(result: Result) -> tuple:
    """What decides a rank: participants equal in all of it share the rank."""
    return (-result.score, result.time_used_ms, result.submitted_at)


def _order_key(result: Result) -> tuple:
    return (*_rank_key(result), result.user_id)


def rank_results(results: Iterable[Result]) -> list[Ranked]:
    """The ranking of a paper contest, one row per participant, best attempt only.

    Rule, clause by clause:
    1. higher score first;
    2. equal scores: less time used first (time from starting the attempt to its close);
    3. equal time too: the earlier submission first;
    4. all equal: the same rank (并列, 1, 1, 3), listed by user id (a stable order).
    With best of K, a participant's best attempt is the one that would rank highest by the same
    rule.
    """
    best: dict[int, Result] = {}
    for result in results:
        held = best.get(result.user_id)
        if held is None or _order_key(result) < _order_key(held):
            best[result.user_id] = result
    ordered = sorted(best.values(), key=_order_key)
    ranks = shared_ranks([_rank_key(r) for r in ordered])
    return [
        Ranked(rank=rank, result=r, tied=tied)
        for r, (rank, tied) in zip(ordered, ranks, strict=True)
    ]


# ---------------------------------------------------------------- teams


@dataclass(frozen=True)
class Person:
    user_id: int
    name: str
    username: str
    team: str | None


@dataclass
class TeamSummary:
    team: str
    participants: int = 0
    expected: int | None = None  # roster size, when there is a roster
    average: float = 0.0
    best: int = 0
    missing: list[Person] = field(default_factory=list)
    on_roster: int = 0  # participants who are on the roster
    rank: int | None = None  # None: 未分组, or nobody of the team has handed in
    tied: bool = False  # another team shares the rank

    @property
    def rate(self) -> int | None:
        """Participation rate against the roster (participants on the roster / roster size), in
        whole percent as the page and the sheet show it (:func:`quizapp.percent.whole_percent`);
        None without a roster count."""
        return whole_percent(self.on_roster, self.expected)


def team_rank_key(team: TeamSummary) -> tuple[float, int]:
    """What ranks a team (支部), as its row shows it: the average score of its members who
    handed in (two decimals), then the participation rate (whole percent; a team without a
    roster count has none and comes after one that has). Teams equal in both share a rank."""
    rate = -1 if team.rate is None else team.rate
    return (-team.average, -rate)


def team_summaries(ranking: Sequence[Ranked], roster: Sequence[Person] | None) -> list[TeamSummary]:
    """Per team (支部): participants, roster size and participation rate (when there is a roster),
    the list of roster members who have not taken it, average and best score (best attempts),
    and the team's rank.

    Ranking of the teams (:func:`team_rank_key`), each clause deciding only when the earlier
    ones are equal:
    1. higher average score of the members who handed in (their best attempts) first: how well
       the 支部 knows the material, the number the organizer reads first;
    2. equal averages: the higher participation rate first (with a roster);
    3. equal in both: the same rank (并列, 1, 1, 3), listed by name.
    Teams nobody of which has handed in have no average and no rank; they follow the ranked
    ones, by name. People without a team form "未分组", listed last and not ranked (it is no
    支部).
    """
    taken = {r.result.user_id for r in ranking}
    scores: dict[str, list[int]] = defaultdict(list)
    for row in ranking:
        scores[row.result.team or NO_TEAM].append(row.result.score)
    teams: dict[str, TeamSummary] = {}
    for name, values in scores.items():
        teams[name] = TeamSummary(
            team=name,
            participants=len(values),
            average=round(sum(values) / len(values), 2),
            best=max(values),
        )
    if roster is not None:
        for person in roster:
            name = person.team or NO_TEAM
            summary = teams.setdefault(name, TeamSummary(team=name))
            summary.expected = (summary.expected or 0) + 1
            if person.user_id in taken:
                summary.on_roster += 1
            else:
                summary.missing.append(person)
        for summary in teams.values():
            if summary.expected is None:
                summary.expected = 0
    ranked = sorted(
        (t for t in teams.values() if t.team != NO_TEAM and t.participants),
        key=lambda t: (team_rank_key(t), t.team),
    )
    for team, (rank, tied) in zip(
        ranked, shared_ranks([team_rank_key(t) for t in ranked]), strict=True
    ):
        team.rank, team.tied = rank, tied
    unranked = sorted(
        (t for t in teams.values() if t.rank is None), key=lambda t: (t.team == NO_TEAM, t.team)
    )
    return ranked + unranked


def missing_people(roster: Sequence[Person], ranking: Sequence[Ranked]) -> list[Person]:
    """Roster members without a finished attempt, by team then name."""
    taken = {r.result.user_id for r in ranking}
    left = [p for p in roster if p.user_id not in taken]
    return sorted(left, key=lambda p: (p.team or NO_TEAM, p.name, p.username))


# ---------------------------------------------------------------- questions


@dataclass
class QuestionStats:
    question_id: int
    answered: int = 0  # answers given (unanswered papers not counted)
    asked: int = 0  # papers on which the question appeared
    right: int = 0
    distribution: list[tuple[str, int]] = field(default_factory=list)  # label, count; most first

    @property
    def right_rate(self) -> int | None:
        """Right answers over the papers that asked the question (unanswered counts as wrong), in
        whole percent as the page and the sheet show it."""
        return whole_percent(self.right, self.asked)


def question_stats(
    asked: Iterable[int], answers: Iterable[tuple[int, str, bool]]
) -> dict[int, QuestionStats]:
    """Per question: how often asked, answered, right, and the distribution of answers.

    `asked` lists the question id once per finished paper that held it; `answers` holds
    (question id, answer label, right?) for each answer given on those papers."""
    stats: dict[int, QuestionStats] = {}
    for qid in asked:
        stats.setdefault(qid, QuestionStats(qid)).asked += 1
    labels: dict[int, Counter[str]] = defaultdict(Counter)
    for qid, label, right in answers:
        entry = stats.setdefault(qid, QuestionStats(qid))
        entry.answered += 1
        entry.right += int(bool(right))
        labels[qid][label] += 1
    for qid, counter in labels.items():
        stats[qid].distribution = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return stats


def format_duration(ms: int | None) -> str:
    """12 分 05 秒 / 45 秒."""
    if ms is None:
        return ""
    seconds = max(0, int(round(ms / 1000)))
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes} 分 {seconds:02d} 秒" if minutes else f"{seconds} 秒"
