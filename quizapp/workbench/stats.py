"""Statistics that teach: how each question did, from self-tests and contests. Pure code.

A *taker* is one sitting: a self-test attempt, a paper-contest attempt or a live-contest player.
A taker's score is the share of their answers that were right.

For each question, over the takers who answered it:

* ``answered`` — how many answered it; ``right_rate`` — the share of them who were right;
* ``discrimination`` — the right rate of the top 27% of those takers (by score) minus that of the
  bottom 27% (``k = round(0.27 n)``, at least 1; ties broken by the taker's key so the result is
  stable); computed only from :data:`MIN_TAKERS_FOR_DISCRIMINATION` takers on;
* ``option_counts`` — for choice questions, how many takers chose each option.

Flags, raised only from :data:`MIN_ANSWERS_FOR_FLAGS` answers on:

* ``too_easy`` — right rate above :data:`TOO_EASY` (0.9);
* ``too_hard`` — right rate below :data:`TOO_HARD` (0.3);
* ``low_discrimination`` — discrimination below :data:`LOW_DISCRIMINATION` (0.2);
* ``distractor`` — a wrong option chosen by more takers than the right one (for 多选: than the
  least chosen right option).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..generation.normalize import fold
from ..percent import whole_percent

TOP_SHARE = 0.27
MIN_TAKERS_FOR_DISCRIMINATION = 5
MIN_ANSWERS_FOR_FLAGS = 5
TOO_EASY = 0.9
TOO_HARD = 0.3
LOW_DISCRIMINATION = 0.2

FLAG_LABELS = {
    "too_easy": "太容易",
    "too_hard": "太难",
    "low_discrimination": "区分度低",
    "distractor": "错误选项比正确选项更受选",
}


@dataclass(frozen=True)
class Response:
    taker: str  # "a12" (self-test attempt), "p3" (paper attempt), "l7" (live player) …
    question_id: int
    correct: bool
    response: Any = None  # as given, in the engine's answer format


@dataclass(frozen=True)
class QuestionInfo:
    id: int
    kind: str
    options: tuple[str, ...] = ()
    answer: Any = None


@dataclass
class QuestionStats:
    question_id: int
    answered: int = 0
    right: int = 0
    right_rate: float | None = None
    discrimination: float | None = None
    option_counts: list[int] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def right_percent(self) -> int | None:
        """The right rate in whole percent, rounded as every results page rounds it
        (:func:`quizapp.percent.whole_percent`: 1 of 8 is 13%, as a 答题赛's page reads)."""
        return whole_percent(self.right, self.answered)

    @property
    def flag_labels(self) -> list[str]:
        return [FLAG_LABELS[f] for f in self.flags]


def taker_scores(responses: Iterable[Response]) -> dict[str, float]:
    """Each taker's share of right answers."""
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for r in responses:
        total[r.taker] += 1
        right[r.taker] += int(r.correct)
    return {taker: right[taker] / total[taker] for taker in total}


def discrimination_index(outcomes: Sequence[tuple[str, float, bool]]) -> float | None:
    """Upper-minus-lower right rate from (taker, taker score, right on this question) triples."""
    n = len(outcomes)
    if n < MIN_TAKERS_FOR_DISCRIMINATION:
        return None
    ranked = sorted(outcomes, key=lambda o: (-o[1], o[0]))
    k = max(1, round(TOP_SHARE * n))
    upper = sum(o[2] for o in ranked[:k]) / k
    lower = sum(o[2] for o in ranked[-k:]) / k
    return upper - lower


def _chosen(kind: str, response: Any) -> list[str]:
    if kind == "single":
        return [response] if isinstance(response, str) else []
    if kind == "multiple" and isinstance(response, list):
        return [r for r in response if isinstance(r, str)]
    return []


def question_stats(
    responses: Iterable[Response], questions: Iterable[QuestionInfo]
) -> dict[int, QuestionStats]:
    """Statistics and flags of each question (see the module docstring)."""
    responses = list(responses)
    info = {q.id: q for q in questions}
    scores = taker_scores(responses)
    by_question: dict[int, dict[str, Response]] = defaultdict(dict)
    for r in responses:
        if r.question_id in info:
            by_question[r.question_id].setdefault(r.taker, r)  # one answer per taker counts
    result: dict[int, QuestionStats] = {}
    for qid, q in info.items():
        stats = QuestionStats(question_id=qid, option_counts=[0] * len(q.options))
        answers = list(by_question.get(qid, {}).values())
        stats.answered = len(answers)
        stats.right = sum(r.correct for r in answers)
        if answers:
            stats.right_rate = stats.right / stats.answered
            stats.discrimination = discrimination_index(
                [(r.taker, scores[r.taker], r.correct) for r in answers]
            )
        folded = [fold(o) for o in q.options]
        for r in answers:
            for choice in set(fold(c) for c in _chosen(q.kind, r.response)):
                if choice in folded:
                    stats.option_counts[folded.index(choice)] += 1
        stats.flags = _flags(q, stats)
        result[qid] = stats
    return result


def _right_indexes(q: QuestionInfo) -> list[int]:
    answer = q.answer if isinstance(q.answer, list) else [q.answer]
    wanted = {fold(str(a)) for a in answer}
    return [i for i, o in enumerate(q.options) if fold(o) in wanted]


def _flags(q: QuestionInfo, stats: QuestionStats) -> list[str]:
    if stats.answered < MIN_ANSWERS_FOR_FLAGS or stats.right_rate is None:
        return []
    flags = []
    if stats.right_rate > TOO_EASY:
        flags.append("too_easy")
    if stats.right_rate < TOO_HARD:
        flags.append("too_hard")
    if stats.discrimination is not None and stats.discrimination < LOW_DISCRIMINATION:
        flags.append("low_discrimination")
    if q.kind in ("single", "multiple") and stats.option_counts:
        right = _right_indexes(q)
        if right:
            least_right = min(stats.option_counts[i] for i in right)
            wrong = [c for i, c in enumerate(stats.option_counts) if i not in right]
            if wrong and max(wrong) > least_right:
                flags.append("distractor")
    return flags


# ------------------------------------------------------------------ contests and teams


@dataclass
class GroupScores:
    """Participants and scores of a contest or of one team in it."""

    name: str
    participants: int = 0
    expected: int | None = None  # roster size, when the contest has one
    average: float | None = None
    best: float | None = None

    @property
    def participation_percent(self) -> int | None:
        """The participation rate in whole percent, rounded as the 答题赛's results page
        rounds it (1 of 8 is 13% on both pages)."""
        return whole_percent(self.participants, self.expected)


def summarize_scores(
    name: str, scores: Sequence[float], expected: int | None = None
) -> GroupScores:
    """Participants, participation rate, average and best of one participant score each."""
    summary = GroupScores(name=name, participants=len(scores), expected=expected)
    if scores:
        summary.average = sum(scores) / len(scores)
        summary.best = max(scores)
    return summary
