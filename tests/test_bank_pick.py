"""A quiz served from a stored bank is the engine's pick: the quiz the reviews measured."""

from __future__ import annotations

import random
import uuid

import pytest

from quizapp.bank.pick import engine_pick
from quizapp.bank.services import doubted_count
from quizapp.contests.services import pool_by_kind
from quizapp.extensions import db
from quizapp.generation import generate_questions
from quizapp.generation.model import BLANK
from quizapp.generation.pipeline import select, servable
from quizapp.live import services as live
from quizapp.models import BankQuestion, Material
from quizapp.study.services import pick_questions, servable_questions
from quizapp.workbench.services import confirm_question, update_question

POLICY = "policy_rural_revitalization_opinions_2018"
MA_SPEECH = "speech_ma_weiguang_cadre_training_2018"  # 19 weak 填空 of 141 questions


def corpus_text(shared_dir, name: str) -> str:
    return (shared_dir / "corpus" / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [POLICY, MA_SPEECH])
def test_a_quiz_from_a_whole_active_bank_is_the_engines_quiz(app, make_material, shared_dir, name):
    text = corpus_text(shared_dir, name)
    material = make_material(text)
    bank = servable(generate_questions(text))
    with app.app_context():
        rows = servable_questions(material.id)
        # the whole bank is active: a learner may be served all of it but the doubted questions
        assert sorted(r.uid for r in rows) == sorted(q.id for q in bank)
        # at the seed the bank was made with, the engine's own quiz, id for id and in order
        engine_quiz = [q.id for q in generate_questions(text, count=20, seed=0)]
        assert [r.uid for r in engine_pick(rows, 20, 0)] == engine_quiz
        # a learner's 练习 at any seed: the engine's pick over its bank (at another seed the
        # engine would build the seed's own lures, which the stored bank does not hold)
        for s in range(3):
            seed = random.Random(s).randrange(2**32)
            served = pick_questions(rows, 20, random.Random(s))
            expected = select(bank, 20, seed, repeats=False)
            assert [r.uid for r in served] == [q.id for q in expected]
        # a live round asks the same questions, shuffled
        assert {r.uid for r in live.pick_questions(material.id, 20, seed=0)} == set(engine_quiz)


def test_a_doubted_question_is_served_nowhere_until_an_organizer_confirms_it(
    app, make_material, shared_dir
):
    material = make_material(corpus_text(shared_dir, MA_SPEECH))
    with app.app_context():
        stored = db.session.scalars(
            db.select(BankQuestion).where(BankQuestion.material_id == material.id)
        ).all()
        weak = {r.uid for r in stored if r.weak}
        assert len(weak) >= 10 and doubted_count(material.id) == len(weak)
        rows = servable_questions(material.id)
        assert len(rows) == len(stored) - len(weak) and not {r.uid for r in rows} & weak
        # not in a live round (however many it asks) nor in a 答题赛's pool (the learner's
        # quizzes: test_study_views)
        everything = live.pick_questions(material.id, len(rows), seed=1)
        assert len(everything) == len(rows) and not {r.uid for r in everything} & weak
        held = f"另有 {len(weak)} 道存疑题，在题库审核中确认后可用"
        with pytest.raises(live.LiveError, match=held):
            live.pick_questions(material.id, len(rows) + 1, seed=1)
        pooled = {i for ids in pool_by_kind(material.id).values() for i in ids}
        assert pooled == {r.id for r in rows}
        # an organizer's 确认可用 lets one be served, and says so in the audit log
        doubted = next(r for r in stored if r.weak)
        assert confirm_question(doubted, user=None)
        db.session.commit()
        assert doubted.uid in {r.uid for r in servable_questions(material.id)}
        assert doubted.id in {i for ids in pool_by_kind(material.id).values() for i in ids}
        assert doubted_count(material.id) == len(weak) - 1
        assert not confirm_question(doubted, user=None)  # twice: nothing more to confirm


def test_the_served_pick_takes_no_question_another_gives_away_nor_a_twin() -> None:
    from quizapp.generation.model import Question

    def question(uid: str, kind: str, stem: str, answer, key: str, source: str) -> Question:
        return Question(id=uid, kind=kind, stem=stem, options=[], answer=answer, keys=[key],
                        source=source, explanation="")  # fmt: skip

    people, key = "坚持以人民为中心的发展思想。", "以人民为中心"
    system = "必须坚持系统观念。"
    bank = [
        question("c1", "cloze", f"坚持{BLANK}的发展思想。", [key], key, people),
        question("c2", "cloze", f"坚持{BLANK}的发展思想。", [key], key, people),  # c1's twin
        question("j1", "judge", people, True, key, people),  # prints c1's answer
        question("c3", "cloze", f"必须坚持{BLANK}。", ["系统观念"], "系统观念", system),
    ]
    # the pick of old takes every question when asked for all; the served one stops before the
    # twin and before the statement that answers the 填空 (or the 填空 the statement answers)
    assert len(select(bank, 4, 0)) == 4
    served = {q.id for q in select(bank, 4, 0, repeats=False)}
    assert "c3" in served and len(served & {"c1", "c2", "j1"}) == 1


def test_a_short_pick_of_new_questions_is_topped_up_from_the_known_ones(app, make_material):
    """New questions that give each other away leave their own pick short: the test is picked
    over the whole bank instead, the known ones filling what the new ones cannot."""
    from quizapp.study import services as study
    from quizapp.study.owner import Owner

    with app.app_context():
        material = Material(title="两组题", text="（手工）", content_hash=uuid.uuid4().hex)
        db.session.add(material)
        db.session.flush()
        known = [cloze_row(material.id, f"第{n}条：必须坚持原则{n}。", f"原则{n}", score=0.5,
                           weak=False) for n in range(1, 5)]  # fmt: skip
        twins = [cloze_row(material.id, "我们要坚持问题导向。", "问题导向", score=0.5, weak=False)
                 for _ in range(4)]  # fmt: skip
        db.session.add_all(known + twins)
        db.session.commit()
        owner = Owner(visitor_id="c" * 32)
        attempt = study.start_attempt(owner, known, mode="practice", material_id=material.id)
        for row in known:
            study.answer_question(attempt, row, row.answer)
        db.session.commit()
        assert study.answered_right(owner, material.id) == {r.id for r in known}
        picked, new = study.pick_new_first(owner, servable_questions(material.id), 4, material.id,
                                           random.Random(1))  # fmt: skip
        assert len(picked) == 4 and new == 1  # one of the twins, then the known ones
        assert {r.id for r in picked[1:]} <= {r.id for r in known}


def cloze_row(material_id: int, source: str, answer: str, *, score: float, weak: bool):
    return BankQuestion(
        material_id=material_id,
        uid=uuid.uuid4().hex[:16],
        kind="cloze",
        stem=source.replace(answer, BLANK),
        answer=[answer],
        accepted=[[answer]],
        keys=[answer],
        source=source,
        template="cloze",
        pick_score=score,
        weak=weak,
    )


def test_the_weak_flag_is_read_from_the_bank_and_an_edit_clears_it(ctx) -> None:
    material = Material(title="两道填空", text="（手工）", content_hash=uuid.uuid4().hex)
    db.session.add(material)
    db.session.flush()
    flagged = cloze_row(material.id, "我们要坚持问题导向。", "问题导向", score=1.0, weak=True)
    plain = cloze_row(material.id, "必须坚持系统观念。", "系统观念", score=0.5, weak=False)
    db.session.add_all([flagged, plain])
    db.session.commit()
    rows = servable_questions(material.id)
    # the better scored question is weak: the other one takes the only place, at every seed
    assert {pick_questions(rows, 1, random.Random(s))[0].uid for s in range(8)} == {plain.uid}
    # an organizer who edits it and keeps it makes it theirs: no longer weak, it ranks first
    update_question(flagged, {"explanation": "组织者核对过原文。"}, status=None, user=None)
    db.session.commit()
    assert not flagged.weak and flagged.pick_score == 1.0
    rows = servable_questions(material.id)
    assert {pick_questions(rows, 1, random.Random(s))[0].uid for s in range(8)} == {flagged.uid}


def test_the_apps_quiz_asks_each_sentence_and_formula_once(app, make_material):
    """The study and live pages pick from the stored bank as ``select`` does: one question per
    source sentence, per formula, none printing another's answer (blind16 rounds ND–NF)."""
    from pathlib import Path

    from test_engine_quiz_repeats import leaks, same_formula, same_sentence

    from quizapp.generation.model import Question

    heldout = Path(__file__).resolve().parent.parent / "bench" / "heldout_texts"
    material = make_material((heldout / "speech_xi_sanzhong_erci_2024.txt").read_text("utf-8"))
    with app.app_context():
        rows = servable_questions(material.id)
        for seed in (1704, 1705, 1706):
            quiz = [Question.from_dict(r.to_engine_dict()) for r in engine_pick(rows, 10, seed)]
            assert len(quiz) == 10
            assert same_sentence(quiz) == [] and same_formula(quiz) == [] and leaks(quiz) == []
