"""The usable score a served quiz ranks by (seventeenth session, helper "doubt"): a logistic
score over general traits of any question (``confidence.serve_features``, weights
``confidence.SERVE_WEIGHTS`` fitted by bench/serve_fit.py on docs/quality.md's judged rows)
that ``pipeline.select`` adds to its rank. The bank is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.generation import confidence, generate_questions, load_lexicon, pipeline
from quizapp.generation.model import BLANK, Question
from quizapp.generation.pipeline import select, serve_feature_rows, serve_scores

SPEECH = Path(__file__).resolve().parent.parent / "quizapp" / "data" / "seed_speech.txt"


def _cloze(qid: str, stem: str, answer: str, weak: bool = False) -> Question:
    return Question(
        id=qid,
        kind="cloze",
        stem=stem,
        options=[],
        answer=[answer],
        keys=[answer],
        source=stem.replace(BLANK, answer),
        explanation="",
        template="cloze",
        pick_score=0.64,
        weak=weak,
    )


def test_every_question_of_the_bundled_speech_gets_a_probability() -> None:
    lexicon = load_lexicon()
    bank = generate_questions(SPEECH.read_text(encoding="utf-8"), seed=0)
    scores = serve_scores(bank, lexicon)
    assert set(scores) == {q.id for q in bank}
    assert all(0.0 < p < 1.0 for p in scores.values())
    # every trait the features give has a fitted weight (a renamed trait would weigh nothing)
    names = {n for f in serve_feature_rows(bank, lexicon).values() for n in f}
    assert names <= set(confidence.SERVE_WEIGHTS)
    # the lexicon's questions (95% usable judged) score above the plain 填空 (80%) on average
    lex = [scores[q.id] for q in bank if q.template.startswith("lex_")]
    plain = [scores[q.id] for q in bank if q.template == "cloze"]
    assert sum(lex) / len(lex) > sum(plain) / len(plain)


def test_a_doubted_cloze_scores_under_the_same_cloze_not_doubted() -> None:
    stem = f"全党必须坚持创新发展、{BLANK}、绿色发展，推动经济社会高质量发展不断取得新成效。"
    sound, doubted = _cloze("a", stem, "协调发展"), _cloze("b", stem, "协调发展", weak=True)
    scores = serve_scores([sound, doubted], load_lexicon())
    assert scores["a"] - scores["b"] > 0.1


def _subjects() -> list[Question]:
    # the same sentence, cut after its subject (必须…: the reviewers' "who must?") or not
    return [
        _cloze(
            "a",
            f"必须坚持以人民为中心的发展思想，把{BLANK}作为一切工作的出发点和落脚点。",
            "人民利益",
        ),
        _cloze(
            "b",
            f"各级党委必须坚持以人民为中心的发展思想，把{BLANK}作为一切工作的落脚点。",
            "群众利益",
        ),
    ]


def test_a_stem_that_opens_without_its_subject_is_served_after_one_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scores = serve_scores(_subjects(), load_lexicon())
    assert scores["b"] > scores["a"]
    firsts = [select(_subjects(), 1, seed, kinds=["cloze"])[0].id for seed in range(20)]
    assert firsts.count("b") >= 16
    # (the hand-fitted rank alone leaves it to the seed's jitter)
    monkeypatch.setattr(pipeline, "USABLE_WEIGHT", 0.0)
    before = [select(_subjects(), 1, seed, kinds=["cloze"])[0].id for seed in range(20)]
    assert before.count("b") < firsts.count("b")


def test_the_bank_is_unchanged_by_the_usable_score(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SPEECH.read_text(encoding="utf-8")
    bank = [q.to_dict() for q in generate_questions(text, seed=0)]
    monkeypatch.setattr(pipeline, "USABLE_WEIGHT", 0.0)
    monkeypatch.setattr(pipeline, "USABLE_FLOOR", 0.0)
    assert [q.to_dict() for q in generate_questions(text, seed=0)] == bank
