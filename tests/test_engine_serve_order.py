"""What a served quiz asks first (thirteenth session, helper "serve"): within a kind and a tier
the pick ranks up a question whose blank stands in a list or whose key another question prints,
and ranks down one from a short sentence or one the gate doubts (``pipeline.SERVE_TRAITS``,
fitted on docs/quality.md's judged rows). The bank is unchanged."""

from __future__ import annotations

from conftest import heldout_text

from quizapp.generation import generate_questions
from quizapp.generation.model import BLANK, Question
from quizapp.generation.pipeline import select, serve_bonus


def _cloze(qid: str, stem: str, answer: str, source: str, score: float = 0.64) -> Question:
    return Question(
        id=qid,
        kind="cloze",
        stem=stem,
        options=[],
        answer=[answer],
        keys=[answer],
        source=source,
        explanation="",
        template="cloze",
        pick_score=score,
    )


def _bank() -> list[Question]:
    listed = _cloze(
        "a",
        f"要坚持创新发展、{BLANK}、绿色发展，推动经济社会高质量发展。",
        "协调发展",
        "要坚持创新发展、协调发展、绿色发展，推动经济社会高质量发展。",
    )
    short = _cloze("b", f"要做好{BLANK}。", "统筹安排", "要做好统筹安排。")
    # a third question prints the listed key: the text says it twice
    printer = _cloze(
        "c",
        f"协调发展注重的是解决发展{BLANK}问题，这是全面建设的要求。",
        "不平衡",
        "协调发展注重的是解决发展不平衡问题，这是全面建设的要求。",
        score=0.0,
    )
    return [listed, short, printer]


def test_a_list_blank_whose_key_the_text_repeats_is_asked_before_a_short_sentence() -> None:
    # the seed's jitter (0.3) used to decide between two clozes of one key score: half the seeds
    # asked the short sentence's generic blank (52–72% usable) before the list item (83–92%)
    firsts = {select(_bank(), 1, seed, kinds=["cloze"])[0].id for seed in range(20)}
    assert firsts == {"a"}


def test_the_traits_move_a_question_about_as_far_as_the_jitter() -> None:
    bonus = serve_bonus(_bank())
    assert bonus["a"] > 0.3 > 0 > bonus["b"]
    # (no other question prints 不平衡: no bonus for it)
    assert bonus["c"] <= 0


def test_a_work_report_quiz_asks_fewer_short_sentences() -> None:
    # gov2020 (blind10) has many one-line sentences (要…。): quizzes of 10 on seeds 0–4 served
    # 19 questions from sentences under 30 characters, then 7; 12 since the thirteenth session
    # (one question a sentence: the report's fresh sentences are its short ones)
    text = heldout_text("gov_work_report_2020_sec1-4.txt")
    short = sum(
        len(q.source) < 30
        for seed in range(5)
        for q in generate_questions(text, seed=seed, count=10)
    )
    assert short <= 12


def test_an_epidemic_speech_quiz_asks_more_list_items() -> None:
    # bushu (blind11): a list's other items pin a blank; quizzes of 10 on seeds 0–4 asked 20
    # blanks beside a 、, now 36
    text = heldout_text("speech_xi_yiqing_bushu_2020.txt")
    listed = sum(
        f"、{BLANK}" in q.stem or f"{BLANK}、" in q.stem
        for seed in range(5)
        for q in generate_questions(text, seed=seed, count=10)
    )
    assert listed >= 30


def test_the_bank_is_unchanged_by_the_serve_order() -> None:
    text = heldout_text("speech_xi_yiqing_bushu_2020.txt")
    bank = generate_questions(text, seed=0)
    quiz = generate_questions(text, seed=0, count=10)
    assert {q.id for q in quiz} <= {q.id for q in bank}
