"""The order a served quiz is shown in (eighteenth session, helper "mix"): the kinds spread
through it in proportion, each kind in its pick order, and no run of one kind longer than its
count forces. A round robin over the kinds ran out of the scarce ones first: a 练习 of 20 of
the bundled speech ended on 8 填空 in a row."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import pytest

from quizapp.generation import generate_questions
from quizapp.generation.model import Question
from quizapp.generation.pipeline import select, shown_spread

KIND_ORDER = ("cloze", "single", "multiple", "judge")


def longest_run(kinds: list[str]) -> int:
    best = run = 0
    for n, kind in enumerate(kinds):
        run = run + 1 if n and kinds[n - 1] == kind else 1
        best = max(best, run)
    return best


def needed_run(kinds: list[str]) -> int:
    """The longest run of one kind no order avoids: a kind of ``n`` of ``total`` questions has
    ``total - n + 1`` gaps between the others to fill."""
    total = len(kinds)
    return max(-(-n // (total - n + 1)) for n in Counter(kinds).values())


@lru_cache(maxsize=1)
def _bank(text: str) -> tuple[Question, ...]:
    return tuple(generate_questions(text))


@pytest.mark.parametrize("seed", range(8))
def test_a_practice_quiz_of_the_speech_never_runs_one_kind_longer_than_needed(
    seed, seed_text
) -> None:
    quiz = select(list(_bank(seed_text)), 20, seed)
    kinds = [q.kind for q in quiz]
    assert len(set(kinds)) == 4
    # (a 填空 in two places of three or fewer: runs of two at most; seed 3 ended on 8 填空)
    assert longest_run(kinds) == needed_run(kinds) <= 2
    # every kind reaches both halves of the quiz as its share says (the 判断 are not all
    # asked at the start while the 填空 fill the end)
    for kind, n in Counter(kinds).items():
        assert abs(kinds[:10].count(kind) - n / 2) <= 1


def _made(counts: dict[str, int]) -> list[Question]:
    return [
        Question(
            id=f"{kind}{n}",
            kind=kind,
            stem="",
            options=[],
            answer=[],
            keys=[],
            source="",
            explanation="",
            template=kind,
        )
        for kind, many in counts.items()
        for n in range(many)
    ]


@pytest.mark.parametrize(
    "counts,shown",
    [
        ({"cloze": 12, "single": 3, "multiple": 3, "judge": 2}, "cscmcjccscmccjccscmc"),
        ({"cloze": 4, "single": 2, "multiple": 2, "judge": 2}, "csmjcscmjc"),
        # 16 填空 and 4 others: runs of four cannot be avoided, and none is longer
        ({"cloze": 16, "single": 2, "multiple": 1, "judge": 1}, "cccscccmcccjccccsccc"),
        ({"single": 1, "judge": 3}, "jsjj"),
    ],
)
def test_the_kinds_are_spread_in_proportion(counts, shown) -> None:
    picked = _made(counts)
    order = shown_spread(picked, KIND_ORDER)
    assert "".join(q.kind[0] for q in order) == shown
    # the same questions, each kind in the order it was picked
    assert sorted(q.id for q in order) == sorted(q.id for q in picked)
    for kind in counts:
        assert [q.id for q in order if q.kind == kind] == [q.id for q in picked if q.kind == kind]


def test_no_mix_of_up_to_thirty_questions_runs_longer_than_needed() -> None:
    for c in range(13):
        for s in range(9):
            for m in range(6):
                for j in range(6):
                    picked = _made({"cloze": c, "single": s, "multiple": m, "judge": j})
                    if not picked:
                        continue
                    kinds = [q.kind for q in shown_spread(picked, KIND_ORDER)]
                    assert longest_run(kinds) == needed_run(kinds), (c, s, m, j)
