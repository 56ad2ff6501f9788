"""Paper contest services on SQLite and PostgreSQL: the database's invariants (one active
attempt per user and contest, one answer per attempt and question) and a whole sitting."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from conftest import SAMPLE_QUESTIONS
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from quizapp.contests import services
from quizapp.extensions import db
from quizapp.models import (
    BankQuestion,
    Material,
    NotebookEntry,
    PaperAnswer,
    PaperAttempt,
    PaperContest,
    User,
)

T0 = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)


def seed(app, *, learners: int = 1) -> tuple[int, list[int]]:
    """A bank of eight hand-made questions, an open contest (10 minutes each) and learners."""
    with app.app_context():
        material = Material(
            title="手工题库", text="手工" + uuid.uuid4().hex, content_hash=uuid.uuid4().hex
        )
        db.session.add(material)
        db.session.flush()
        for i in range(8):
            data = dict(SAMPLE_QUESTIONS[i % 4])
            data.setdefault("accepted", [])
            db.session.add(
                BankQuestion(
                    material_id=material.id, uid=uuid.uuid4().hex[:16], origin="manual", **data
                )
            )
        users = []
        for i in range(learners):
            user = User(username=f"p{i}", display_name=f"学员{i}", password_hash="x")
            db.session.add(user)
            users.append(user)
        contest = services.create_contest(
            title="答题赛",
            material_id=material.id,
            opens_at=T0 - timedelta(hours=1),
            closes_at=T0 + timedelta(hours=1),
            kind_counts={"single": 2, "multiple": 2, "judge": 2, "cloze": 2},
            time_limit_s=600,
            max_attempts=2,
            reveal="after_close",
            created_by_id=None,
        )
        db.session.commit()
        return contest.id, [u.id for u in users]


def right_response(question: BankQuestion):
    return question.answer


def test_a_whole_sitting(db_app) -> None:
    contest_id, (user_id,) = seed(db_app)
    with db_app.app_context():
        contest = db.session.get(PaperContest, contest_id)
        attempt = services.start_attempt(contest, user_id, T0)
        db.session.commit()
        assert services.start_attempt(contest, user_id, T0 + timedelta(seconds=5)).id == attempt.id
        questions = services.paper_questions(attempt)
        assert [q.kind for q in questions] == ["single"] * 2 + ["multiple"] * 2 + ["judge"] * 2 + [
            "cloze"
        ] * 2
        for q in questions[:4]:
            services.save_answer(attempt, q.id, right_response(q), T0 + timedelta(seconds=30))
        db.session.commit()
        # a change of mind replaces the stored answer; an empty answer clears it
        services.save_answer(
            attempt,
            questions[0].id,
            questions[0].options[0]
            if questions[0].options[0] != questions[0].answer
            else questions[0].options[1],
            T0 + timedelta(seconds=40),
        )
        services.save_answer(attempt, questions[3].id, [], T0 + timedelta(seconds=41))
        db.session.commit()
        assert services.finish_attempt(attempt, T0 + timedelta(seconds=90))
        assert not services.finish_attempt(attempt, T0 + timedelta(seconds=95))
        db.session.commit()
        assert (attempt.score, attempt.total, attempt.time_used_ms) == (2, 8, 90_000)
        with pytest.raises(services.PaperError):
            services.save_answer(attempt, questions[5].id, True, T0 + timedelta(seconds=96))
        # nothing in the 错题本 until the close; then once
        assert db.session.scalar(select(func.count(NotebookEntry.id))) == 0
        after = T0 + timedelta(hours=2)
        contest = db.session.get(PaperContest, contest_id)
        assert services.settle(contest, after) == 1
        assert services.settle(contest, after) == 0
        db.session.commit()
        entries = db.session.scalars(select(NotebookEntry)).all()
        assert [e.question_id for e in entries] == [questions[0].id]
        assert contest.settled_at is not None


def test_one_active_attempt_per_user_and_one_answer_per_question(db_app) -> None:
    contest_id, (user_id,) = seed(db_app)
    with db_app.app_context():
        contest = db.session.get(PaperContest, contest_id)
        attempt = services.start_attempt(contest, user_id, T0)
        services.save_answer(attempt, attempt.question_ids[0], "核心意识", T0)
        db.session.commit()
        twin = PaperAttempt(
            contest_id=contest_id,
            user_id=user_id,
            number=2,
            seed=1,
            question_ids=attempt.question_ids,
            deadline_at=T0 + timedelta(minutes=10),
        )
        db.session.add(twin)
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()
        db.session.add(
            PaperAnswer(attempt_id=attempt.id, question_id=attempt.question_ids[0], response="x")
        )
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_two_simultaneous_starts_make_one_attempt(db_app) -> None:
    contest_id, (user_id,) = seed(db_app)
    barrier = threading.Barrier(2)
    ids: list[int] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            with db_app.app_context():
                barrier.wait(timeout=10)
                contest = db.session.get(PaperContest, contest_id)
                attempt = services.start_attempt(contest, user_id, T0)
                db.session.commit()
                ids.append(attempt.id)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert len(ids) == 2 and ids[0] == ids[1]
    with db_app.app_context():
        assert db.session.scalar(select(func.count(PaperAttempt.id))) == 1


def form_answer(question: BankQuestion) -> dict:
    """The paper page's form fields answering `question` rightly."""
    name = f"q{question.id}"
    if question.kind == "cloze":
        return {f"{name}_0": question.answer[0]}
    if question.kind == "judge":
        return {name: "true" if question.answer else "false"}
    options = list(question.options)
    if question.kind == "single":
        return {name: str(options.index(question.answer))}
    return {name: [str(options.index(a)) for a in question.answer]}


def test_a_second_tab_hands_in_without_erasing_the_first_tabs_answers(db_app, monkeypatch):
    """A paper open in two tabs from the start (the learner tapped 开始答题 twice): the first
    tab answers and autosaves four questions, the second still shows them blank. Its 交卷 (or
    the hand-in at the deadline) carries only the questions changed in that tab
    (scope=touched, sent by static/js/contests.js), so the first tab's answers count; an
    answer the learner blanked in that tab on purpose is cleared."""
    contest_id, (user_id,) = seed(db_app)
    with db_app.app_context():
        db.session.get(User, user_id).set_password("password123")
        db.session.commit()
    monkeypatch.setattr(services, "now", lambda: T0 + timedelta(seconds=30))
    client = db_app.test_client()
    client.post("/auth/login", data={"username": "p0", "password": "password123"})
    started = client.post(f"/contests/paper/{contest_id}/start")
    attempt_id = int(started.headers["Location"].rsplit("/", 1)[1])
    with db_app.app_context():
        attempt = db.session.get(PaperAttempt, attempt_id)
        qs = services.paper_questions(attempt)
        for q in qs:
            db.session.expunge(q)
    single, single2, multiple, multiple2, judge, _, cloze, cloze2 = qs
    for q in (single, single2, multiple, cloze):  # the first tab, saved as it goes
        saved = client.post(f"/contests/attempts/{attempt_id}/answer",
                            data={"question": q.id, **form_answer(q)})  # fmt: skip
        assert saved.get_json()["saved"] is True
    # the second tab answered multiple2 (saved), then cleared it and answered the judge
    # question; 交卷 leaves before those two changes are autosaved
    saved = client.post(f"/contests/attempts/{attempt_id}/answer",
                        data={"question": multiple2.id, **form_answer(multiple2)})  # fmt: skip
    assert saved.get_json()["answered"] == 5  # the tab's counter: both tabs' answers
    assert saved.get_json()["answered_ids"] == sorted(
        q.id for q in (single, single2, multiple, cloze, multiple2)
    )
    second_tab = {
        **{f"q{q.id}_0": "" for q in (cloze, cloze2)},  # its text boxes are still empty
        **form_answer(judge),
        "scope": "touched",
        "touched": [str(multiple2.id), str(judge.id)],
    }
    client.post(f"/contests/attempts/{attempt_id}/submit", data=second_tab)
    with db_app.app_context():
        attempt = db.session.get(PaperAttempt, attempt_id)
        rows = select(PaperAnswer.question_id).where(PaperAnswer.attempt_id == attempt_id)
        answered = set(db.session.scalars(rows))
        assert answered == {single.id, single2.id, multiple.id, cloze.id, judge.id}
        assert (attempt.close_reason, attempt.score) == ("submitted", 5)
