"""The engine's own pick over the stored rows (练习, 测验, 试卷, 现场赛)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from .. import generation
from ..models import BankQuestion
from .lexicon import current_lexicon

# Why a pick holds fewer questions than asked, in the words a learner or a contest's organizer
# reads (the start page, 试卷, 现场赛, `flask contest create`): ``select(repeats=False)`` never
# asks a question another one gives away.
GIVEAWAY_NOTE = "有些题会互相透露答案（多是同一句话出的几道题），一次只出其中一道"


def engine_pick(
    rows: Sequence[BankQuestion],
    count: int,
    seed: int,
    kinds: Iterable[str] = generation.KINDS,
    last: Collection[int] = (),
) -> list[BankQuestion]:
    """The ``count`` rows ``generation.select`` picks for ``seed``, in its order.

    The pick sees each row as the engine's question: its id the engine's (``uid``: the seed's
    jitter and every tie go by it) and the score and weak flag the bank stored. So for a
    material whose whole bank is as generated, the quiz over its servable rows is ``select``
    over ``servable`` of the engine's bank, what ``generate_questions(count=…)`` serves and the
    reviews measured (docs/quality.md), not one ranking every row alike. Rows whose
    ids are in ``last`` are picked as the engine picks a question it doubts (``weak``): only
    when nothing fresher is left for their place.
    """
    questions: list[generation.Question] = []
    rows_by_id: dict[str, BankQuestion] = {}
    for row in rows:
        data = row.to_engine_dict()
        if row.id in last:
            data["weak"] = True
        if data["id"] in rows_by_id:  # (unique within a material; rows of several may repeat)
            data["id"] = f"{row.uid}#{row.id}"
        question = generation.Question.from_dict(data)
        rows_by_id[question.id] = row
        questions.append(question)
    # in the engine's order of kinds, as generate_questions passes them (a quiz's last, partial
    # round gives its places in that order: 填空 first)
    kinds = set(kinds)
    wanted = tuple(k for k in generation.KINDS if k in kinds)
    picked = generation.select(
        questions, count, seed, kinds=wanted, lexicon=current_lexicon(), repeats=False
    )
    return [rows_by_id[q.id] for q in picked]
