"""Self-test and 错题本 services on both backends: idempotent answers, submit once, time limit,
the notebook schedule, and visitor data claimed by an account."""

from __future__ import annotations

import random
import uuid
from collections import Counter
from datetime import timedelta

import pytest
from conftest import add_statement_bank, hand_bank
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.generation.checking import InvalidAnswer
from quizapp.models import (
    Attempt,
    AttemptAnswer,
    NotebookEntry,
    User,
    utcnow,
)
from quizapp.study import notebook, services
from quizapp.study.owner import Owner, claim_visitor_data

RIGHT = {
    "single": "核心意识",
    "multiple": ["文化自信", "道路自信", "理论自信"],
    "judge": True,
    "cloze": ["根本性"],
}
WRONG = {"single": "政治意识", "multiple": ["道路自信"], "judge": False, "cloze": ["重要性"]}


def make_user(name: str = "learner") -> User:
    user = User(username=name + uuid.uuid4().hex[:6], display_name=name)
    user.set_password("password123")
    db.session.add(user)
    db.session.commit()
    return user


@pytest.fixture
def ctx(db_app):
    with db_app.test_request_context():
        yield db_app


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_practice_answer_counts_once_and_notes_mistakes(ctx) -> None:
    questions = hand_bank(4)
    owner = Owner(visitor_id="v" * 32)
    attempt = services.start_attempt(
        owner, questions, mode="practice", material_id=questions[0].material_id
    )
    db.session.commit()

    first, new = services.answer_question(attempt, questions[0], RIGHT["single"])
    assert new and first.is_correct
    again, new = services.answer_question(attempt, questions[0], WRONG["single"])  # double submit
    assert not new and again.is_correct
    services.answer_question(attempt, questions[1], WRONG["multiple"])
    db.session.commit()

    assert count(AttemptAnswer, AttemptAnswer.attempt_id == attempt.id) == 2
    assert attempt.score == 1
    entry = db.session.scalar(
        select(NotebookEntry).where(NotebookEntry.visitor_id == owner.visitor_id)
    )
    assert entry.question_id == questions[1].id and entry.last_response == WRONG["multiple"]
    assert notebook.count_due(owner) == 1

    services.answer_question(attempt, questions[2], RIGHT["judge"])
    services.answer_question(attempt, questions[3], RIGHT["cloze"])
    db.session.commit()
    assert attempt.submitted_at is not None  # all answered: the practice is finished
    assert (attempt.score, attempt.total) == (3, 4)


def test_malformed_response_is_refused_and_nothing_is_stored(ctx) -> None:
    questions = hand_bank(1)
    attempt = services.start_attempt(Owner(visitor_id="a" * 32), questions, mode="practice")
    with pytest.raises(InvalidAnswer):
        services.answer_question(attempt, questions[0], "不是选项")
    db.session.commit()
    assert count(AttemptAnswer, AttemptAnswer.attempt_id == attempt.id) == 0


def test_exam_keeps_partial_answers_and_submits_once(ctx) -> None:
    questions = hand_bank(4)
    user = make_user()
    owner = Owner(user_id=user.id)
    attempt = services.start_attempt(owner, questions, mode="exam", time_limit_s=600)
    db.session.commit()

    kept = services.save_exam_answers(attempt, questions, {questions[0].id: WRONG["single"]})
    db.session.commit()
    assert kept == 1
    assert count(NotebookEntry, NotebookEntry.user_id == user.id) == 0  # nothing revealed yet
    responses = {questions[0].id: RIGHT["single"], questions[1].id: WRONG["multiple"]}
    services.save_exam_answers(attempt, questions, responses)
    db.session.commit()

    assert services.submit_attempt(attempt) is True
    assert services.submit_attempt(attempt) is False  # a second submit counts nothing
    db.session.commit()
    assert (attempt.score, attempt.total) == (1, 4)
    assert count(NotebookEntry, NotebookEntry.user_id == user.id) == 1
    with pytest.raises(services.AttemptClosed):
        services.save_exam_answers(attempt, questions, {questions[2].id: RIGHT["judge"]})


def test_exam_over_time_is_submitted_with_what_was_answered(ctx) -> None:
    questions = hand_bank(2)
    owner = Owner(visitor_id="b" * 32)
    attempt = services.start_attempt(owner, questions, mode="exam", time_limit_s=60)
    services.save_exam_answers(attempt, questions, {questions[0].id: RIGHT["single"]})
    attempt.started_at = utcnow() - timedelta(minutes=5)
    db.session.commit()

    with pytest.raises(services.AttemptClosed):
        services.save_exam_answers(attempt, questions, {questions[1].id: RIGHT["multiple"]})
    assert services.close_if_over_time(attempt) is True
    db.session.commit()
    assert attempt.score == 1
    # the recorded end is the deadline, not the moment somebody noticed
    assert attempt.submitted_at == attempt.started_at + timedelta(seconds=60)


def test_notebook_schedule_through_record_answer(ctx) -> None:
    questions = hand_bank(1)
    user = make_user()
    qid = questions[0].id
    now = utcnow()

    def record(is_correct: bool, at) -> NotebookEntry:
        notebook.record_answer(user_id=user.id, visitor_id=None, question_id=qid,
                               response="x", is_correct=is_correct, now=at)  # fmt: skip
        db.session.commit()
        return db.session.scalar(select(NotebookEntry).where(NotebookEntry.user_id == user.id))

    notebook.record_answer(user_id=user.id, visitor_id=None, question_id=qid, response="x",
                           is_correct=True, now=now)  # fmt: skip
    assert count(NotebookEntry) == 0  # a right answer alone adds nothing
    entry = record(False, now)
    assert (entry.interval_days, entry.wrong_count) == (0, 1)
    assert notebook.count_due(Owner(user_id=user.id), now) == 1
    at = now
    for expected in (1, 2, 4):
        entry = record(True, at)
        assert entry.interval_days == expected and entry.mastered_at is None
        # a right answer before the item is due again changes nothing
        assert record(True, at).interval_days == expected
        at = entry.due_at
    entry = record(True, at)
    assert entry.mastered_at is not None
    assert notebook.count_open(Owner(user_id=user.id)) == 0
    entry = record(False, at)  # a new mistake brings it back
    assert entry.mastered_at is None and entry.wrong_count == 2 and entry.interval_days == 0


def test_claim_visitor_data_moves_attempts_and_merges_the_notebook(ctx) -> None:
    questions = hand_bank(2)
    user = make_user()
    visitor = "c" * 32
    attempt = services.start_attempt(Owner(visitor_id=visitor), questions, mode="practice")
    services.answer_question(attempt, questions[0], WRONG["single"])
    services.answer_question(attempt, questions[1], WRONG["multiple"])
    # the user already had the first question in their notebook
    notebook.record_answer(user_id=user.id, visitor_id=None, question_id=questions[0].id,
                           response="政治意识", is_correct=False)  # fmt: skip
    db.session.commit()

    moved = claim_visitor_data(user.id, visitor)
    db.session.commit()
    assert moved == 3
    assert db.session.get(Attempt, attempt.id).user_id == user.id
    rows = db.session.scalars(select(NotebookEntry).order_by(NotebookEntry.question_id)).all()
    assert [(r.user_id, r.visitor_id, r.question_id) for r in rows] == [
        (user.id, None, questions[0].id),
        (user.id, None, questions[1].id),
    ]
    assert rows[0].wrong_count == 2
    assert claim_visitor_data(user.id, visitor) == 0  # nothing left: claiming twice is harmless


def test_a_quiz_is_the_engines_balanced_pick_not_a_random_sample(ctx) -> None:
    # the bundled speech's bank: a random 16 of it asked one formula twice or left a kind out
    # on many seeds; the engine's pick balances the kinds and asks each formula once
    from quizapp.bank.services import ensure_default_material

    material, _ = ensure_default_material()
    db.session.commit()
    pool = services.servable_questions(material.id)
    for seed in range(5):
        quiz = services.pick_questions(pool, 16, random.Random(seed))
        assert len(quiz) == 16 and len({q.id for q in quiz}) == 16
        kinds = Counter(q.kind for q in quiz)
        # every kind, two at least; a plain 单选/多选 may lend a place to a reliable item. (Since
        # the nineteenth session the doubted 单选 are not in the pool, so they no longer lend
        # theirs: the engine's quizzes of 16 of the unreviewed speech, seeds 0–4, hold 3–5 单选
        # and 2–3 each of 多选 and 判断; over every
        # text of bench/quality_sample.py the quizzes of 10 are 52% 填空 against 56% before)
        assert set(kinds) == {"cloze", "single", "multiple", "judge"}
        assert kinds["cloze"] <= 8 and min(kinds.values()) >= 2, kinds
        formulas = [q.formula for q in quiz if q.formula and q.kind != "judge"]
        assert len(formulas) == len(set(formulas)), formulas
    again = services.pick_questions(pool, 16, random.Random(3))
    assert [q.id for q in again] == [
        q.id for q in services.pick_questions(pool, 16, random.Random(3))
    ]
    # "all" (or more than there are) is the whole bank, shuffled
    assert len(services.pick_questions(pool, 0, random.Random(1))) == min(len(pool), 200)


def test_a_learner_is_asked_what_they_have_not_answered_right_first(ctx) -> None:
    _, questions = add_statement_bank(8)  # (all different: a quiz never asks one twice)
    db.session.commit()
    material_id = questions[0].material_id
    owner, other = Owner(visitor_id="a" * 32), Owner(visitor_id="b" * 32)
    attempt = services.start_attempt(owner, questions[:3], mode="practice", material_id=material_id)
    for q, given in zip(questions[:3], (RIGHT, RIGHT, WRONG), strict=True):
        services.answer_question(attempt, q, given[q.kind])
    db.session.commit()
    known = {questions[0].id, questions[1].id}
    assert services.answered_right(owner, material_id) == known
    assert services.answered_right(other, material_id) == set()

    picked, new = services.pick_new_first(owner, questions, 6, material_id, random.Random(1))
    assert new == 6 and not known & {q.id for q in picked}
    # fewer new ones than asked: one pick over the bank, the known ones after the new
    picked, new = services.pick_new_first(owner, questions, 7, material_id, random.Random(1))
    assert len(picked) == 7 and 5 <= new <= 6
    assert all(q.id in known for q in picked[new:]) and not known & {q.id for q in picked[:new]}
    everything, new = services.pick_new_first(owner, questions, 0, material_id)
    assert new == 6 and {q.id for q in everything[6:]} == known


def test_a_result_rounds_a_half_percent_up_as_every_results_page_does() -> None:
    """1 right of 8 reads 13% (四舍五入), as a 答题赛's and a 现场赛's pages read it, not 12%
    (Python's round() takes a half to the even number); 5 of 8 is 63%, not 62%."""
    from quizapp.models import Attempt
    from quizapp.study.services import KindStat, Result

    assert [KindStat("single", right, 8).percent for right in (1, 3, 5, 0)] == [13, 38, 63, 0]
    assert KindStat("judge").percent == 0  # no question of the kind
    assert Result(Attempt(score=5, total=8), []).percent == 63
