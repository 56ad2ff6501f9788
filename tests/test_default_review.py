"""The bundled material ships reviewed: its verdicts match today's engine, are well formed, and
init-db applies them so a learner is never served a question the review found unusable."""

from __future__ import annotations

import json
import random

import pytest
from sqlalchemy import select

from quizapp.bank.review import (
    EDIT_FIELDS,
    REVIEW_PATH,
    TAG_DISABLED,
    TAG_EDITED,
    VERDICTS,
    apply_review,
    load_review,
    question_fingerprint,
)
from quizapp.bank.services import DEFAULT_MATERIAL_PATH, ensure_default_material
from quizapp.extensions import db
from quizapp.generation import BLANK, check_answer, generate_questions
from quizapp.generation.normalize import fold
from quizapp.models import AuditEntry, BankQuestion
from quizapp.study.services import pick_questions, servable_questions
from quizapp.workbench.services import update_question


@pytest.fixture(scope="module")
def review_items() -> list[dict]:
    return json.loads(REVIEW_PATH.read_text(encoding="utf-8"))["questions"]


@pytest.fixture(scope="module")
def bundled_bank() -> dict:
    text = DEFAULT_MATERIAL_PATH.read_text(encoding="utf-8")
    return {q.id: q for q in generate_questions(text, seed=0)}


def test_every_bundled_question_has_a_current_verdict(review_items, bundled_bank):
    reviewed = {item["id"]: item for item in review_items}
    missing = sorted(set(bundled_bank) - set(reviewed))
    stale = sorted(set(reviewed) - set(bundled_bank))
    hint = "run bench/review_default.py, judge the questions it prints and add their verdicts"
    assert not missing, f"bundled questions without a verdict ({hint}): {missing}"
    assert not stale, f"verdicts for questions the engine no longer makes (--prune): {stale}"
    assert len(reviewed) == len(review_items), "one verdict per question"
    changed = sorted(
        uid
        for uid, item in reviewed.items()
        if item["fingerprint"] != question_fingerprint(bundled_bank[uid].to_dict())
    )
    assert not changed, f"bundled questions the engine now asks otherwise ({hint}): {changed}"
    for uid, item in reviewed.items():
        assert item["kind"] == bundled_bank[uid].kind, uid
        assert item["verdict"] in VERDICTS, uid
        if item["verdict"] != "usable":
            assert item.get("reason_zh", "").strip(), f"{uid}: an organizer reads the reason"


def test_each_edit_makes_a_well_formed_question(review_items, bundled_bank):
    edits = [item for item in review_items if item["verdict"] == "edit"]
    assert edits, "the review saved some questions by an edit"
    for item in edits:
        edit = item["edit"]
        assert edit and set(edit) <= set(EDIT_FIELDS), item["id"]
        q = {**bundled_bank[item["id"]].to_dict(), **edit}
        assert q != bundled_bank[item["id"]].to_dict(), f"{item['id']}: the edit changes nothing"
        if q["kind"] in ("single", "multiple"):
            folded = [fold(o) for o in q["options"]]
            assert len(set(folded)) == len(folded) >= 4, item["id"]
            answers = [q["answer"]] if q["kind"] == "single" else q["answer"]
            assert answers and set(answers) <= set(q["options"]), item["id"]
            assert all(fold(a) not in fold(q["stem"]) for a in answers), item["id"]
        elif q["kind"] == "cloze":
            assert q["stem"].count(BLANK) == len(q["answer"]) >= 1, item["id"]
            assert len(q["accepted"]) == len(q["answer"]), item["id"]
            for answer, spellings in zip(q["answer"], q["accepted"], strict=True):
                assert answer in spellings and fold(answer) not in fold(q["stem"]), item["id"]
        else:
            assert isinstance(q["answer"], bool), item["id"]
        assert check_answer(q, q["answer"]), f"{item['id']}: its own answer is refused"


def test_init_db_disables_the_unusable_and_stores_the_edits(
    app, runner, review_items, bundled_bank
):
    with app.app_context():  # init-db on an empty database, as on a fresh machine
        db.drop_all()
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    verdicts = {item["id"]: item for item in review_items}
    unusable = {uid for uid, item in verdicts.items() if item["verdict"] == "unusable"}
    edited = {uid for uid, item in verdicts.items() if item["verdict"] == "edit"}
    doubted = {uid for uid, q in bundled_bank.items() if q.weak}
    usable_doubted = doubted & {u for u, v in verdicts.items() if v["verdict"] == "usable"}
    assert (
        f"按随附审阅停用 {len(unusable)} 道、修改 {len(edited)} 道、"
        f"确认 {len(usable_doubted)} 道存疑题" in result.output
    )
    with app.app_context():
        material, created = ensure_default_material()
        assert not created
        rows = {row.uid: row for row in material.questions}
        for uid in unusable:
            assert rows[uid].status == "disabled" and TAG_DISABLED in rows[uid].tags
            assert not rows[uid].retired, "a decision regeneration keeps"
        for uid in edited:
            row = rows[uid]
            assert row.edited and row.status == "active" and TAG_EDITED in row.tags
            for name, value in verdicts[uid]["edit"].items():
                if name == "accepted":  # the review's spellings, and every one the engine takes
                    engine = bundled_bank[uid].accepted
                    for blank, spellings in enumerate(value):
                        assert set(spellings) | set(engine[blank]) == set(row.accepted[blank])
                else:
                    assert getattr(row, name) == value, (uid, name)
        for uid in set(rows) - unusable - edited:
            assert rows[uid].status == "active" and not rows[uid].edited
        # a reviewed edit is a person's, as an organizer's: no edited 填空 is weak any more; a
        # doubted question judged usable as it reads is confirmed (served), the rest stay doubted
        weak = {uid for uid, q in bundled_bank.items() if q.weak}
        usable = {uid for uid, v in verdicts.items() if v["verdict"] == "usable"}
        assert weak & edited and not any(rows[uid].weak for uid in edited)
        assert weak & usable and all(rows[uid].confirmed for uid in weak & usable)
        assert {uid for uid, row in rows.items() if row.weak} == weak - edited - usable
        assert not any(rows[uid].confirmed for uid in set(rows) - (weak & usable))
        # the audit log says what the shipped review did, in Chinese
        summaries = db.session.scalars(select(AuditEntry.summary)).all()
        assert sum("随附审阅停用了题目" in s for s in summaries) == len(unusable)
        assert sum("随附审阅修改了题目" in s for s in summaries) == len(edited)
        assert sum("随附审阅确认了题目" in s for s in summaries) == len(weak & usable)
        # quizzes of every size come from the reviewed bank only
        active = servable_questions(material.id)
        assert unusable.isdisjoint(q.uid for q in active)
        for seed in range(5):
            picked = pick_questions(active, 10, random.Random(seed))
            assert len(picked) == 10 and unusable.isdisjoint(q.uid for q in picked)


def test_init_db_on_an_older_database_confirms_the_reviewed_doubts_and_warns_of_short_contests(
    app, runner
) -> None:
    """A database whose default material was stored before doubted questions waited for a
    person: init-db confirms the ones the shipped review judged usable (and nothing else: a
    question its organizers enabled again stays enabled), and names every open 答题赛 whose
    pool can no longer fill its papers."""
    from datetime import timedelta

    from quizapp.contests.services import create_contest, now

    with app.app_context():
        db.drop_all()
    assert runner.invoke(args=["init-db"]).exit_code == 0
    with app.app_context():
        material, _ = ensure_default_material()
        confirmed = [r for r in material.questions if r.confirmed]
        assert confirmed
        for row in confirmed:  # as stored before the column existed
            row.weak, row.confirmed = True, False
        enabled_again = next(r for r in material.questions if r.status == "disabled")
        enabled_again.status = "active"
        create_contest(
            title="学习答题赛", material_id=material.id, opens_at=now(),
            closes_at=now() + timedelta(days=1), kind_counts={"judge": 500}, time_limit_s=600,
            max_attempts=1, reveal="after_close", created_by_id=None,
        )  # fmt: skip
        db.session.commit()
        enabled_id, confirmed_ids = enabled_again.id, {r.id for r in confirmed}
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    assert f"按随附审阅确认了默认学习材料的 {len(confirmed_ids)} 道存疑题" in result.output
    assert "注意：答题赛《学习答题赛》的题库不够了（判断题要抽 500 道、只剩" in result.output
    with app.app_context():
        assert all(db.session.get(BankQuestion, i).servable for i in confirmed_ids)
        assert db.session.get(BankQuestion, enabled_id).status == "active"
    again = runner.invoke(args=["init-db"])
    assert "确认了默认学习材料" not in again.output


@pytest.fixture
def unusable_row(app):
    """The bundled speech stored as an organizer's material (no review applied), the shipped
    verdicts, and the row of a question they judge unusable."""
    from quizapp.bank.services import add_material

    verdicts = load_review()
    target = next(v for v in verdicts.values() if v.verdict == "unusable")
    with app.app_context():
        text = DEFAULT_MATERIAL_PATH.read_text(encoding="utf-8")
        material, _ = add_material(text, title="讲话")
        row = db.session.scalar(select(BankQuestion).where(BankQuestion.uid == target.uid))
        yield material, verdicts, row


def test_the_review_leaves_an_organizers_own_changes_alone(unusable_row):
    material, verdicts, row = unusable_row
    update_question(row, {"explanation": "组织者写的解析"}, status=None, user=None)
    stats = apply_review(material, verdicts)
    assert row.status == "active" and row.explanation == "组织者写的解析"
    assert TAG_DISABLED not in (row.tags or [])
    assert stats.disabled == sum(v.verdict == "unusable" for v in verdicts.values()) - 1


def test_a_verdict_is_not_applied_to_a_question_the_engine_now_asks_otherwise(unusable_row):
    material, verdicts, row = unusable_row
    row.stem += "（新版）"  # as a regenerated question with the same id but another stem
    apply_review(material, verdicts)
    assert row.status == "active" and TAG_DISABLED not in (row.tags or [])
