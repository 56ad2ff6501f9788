"""Quiz-level faults of a served quiz (blind rounds EC–EH, dev rounds FC, FD): two items on one
content, many items on one sentence, one lure pool twice, and a kind lent away for nothing."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import heldout_text

from quizapp.generation import generate_questions
from quizapp.generation.model import Question
from quizapp.generation.pipeline import select


def _answers(q: Question) -> list[str]:
    found = q.answer if isinstance(q.answer, list) else [q.answer]
    return [a for a in found if isinstance(a, str)]


@pytest.mark.parametrize("seed", [1003, 1004, 7])
def test_a_poverty_quiz_asks_two_worries_three_guarantees_once(seed: int) -> None:
    # rounds EC–EH: 两不愁三保障 (填空), 三保障 (填空) and the three 保障 (order-free 填空) in
    # one quiz of 10: each gives another away; a key inside an asked one, or a list whose name
    # is asked, counts as asked
    quiz = generate_questions(heldout_text("speech_xi_tuopin_zuotan_2020.txt"), seed=seed, count=10)
    assert len(quiz) == 10
    on_it = [
        q
        for q in quiz
        if any("三保障" in a or a in ("义务教育", "基本医疗", "住房安全") for a in _answers(q))
    ]
    assert len(on_it) <= 1, [q.answer for q in on_it]


@pytest.mark.parametrize("seed", [1003, 1004, 7])
def test_a_work_report_quiz_takes_at_most_two_items_from_a_sentence(seed: int) -> None:
    # round EG: two lex_members and two “四个X” 判断 hung on the same two sentences of gov2020;
    # round FC: three 判断 on one passing mention (a third from a sentence now waits; jiaoyu2035
    # gave 四个全面's 多选 and two false 判断 from one sentence)
    for name in (
        "gov_work_report_2020_sec1-4.txt",
        "gangyao_jiaoyu_xiandaihua2035_fangan_2019.txt",
    ):
        quiz = generate_questions(heldout_text(name), seed=seed, count=10)
        assert len(quiz) == 10 and len({q.kind for q in quiz}) == 4
        assert max(Counter(q.source for q in quiz).values()) <= 2, name


def test_a_quiz_with_reliable_single_choices_keeps_them() -> None:
    # round EG: zongjie's formula-tagged 单选 (四史, 四个自我 … : prior 0.92) lent their places
    # to 填空 as reliable as they are, leaving 5 填空 and a single 单选 in 10
    for seed in (1003, 1004, 7):
        quiz = generate_questions(
            heldout_text("speech_xi_zhutijiaoyu_zongjie_2020.txt"), seed=seed, count=10
        )
        kinds = Counter(q.kind for q in quiz)
        # (since the thirteenth session a second 单选 from an asked sentence or formula waits
        # for the fresh questions of other kinds: seed 1003 holds one 单选 and two 多选)
        assert kinds["single"] >= 1 and kinds["single"] + kinds["multiple"] >= 3, (seed, kinds)
        assert kinds["cloze"] <= 5, (seed, kinds)


def _single(n: int, options: list[str], answer: str) -> Question:
    return Question(
        f"s{n}", "single", f"第{n}句（　　）。", options, answer, [answer], f"S{n}", "",
        template="lex_member", formula=f"公式{n}", pick_score=0.9,
    )  # fmt: skip


def test_no_two_choices_of_a_quiz_share_a_lure_pool() -> None:
    # round EG: one lure pool {制度优势, 政治优势, 组织优势, 群众工作优势} in two 单选 (#17, #36);
    # blind8 yiqing served two -主义 单选 sharing three lures
    # (answers apart: neither prints the other's key, only the lures repeat)
    lures = ["政治优势", "组织优势", "群众工作优势"]
    bank = [
        _single(1, ["制度优势", *lures], "制度优势"),
        _single(2, ["文化优势", *lures], "文化优势"),
        _single(3, ["理论优势", *lures], "理论优势"),
        _single(4, ["第一动力", "第一资源", "第一要务", "第一生产力"], "第一动力"),
    ]
    for seed in range(6):
        picked = select(bank, 2, seed=seed)
        assert "s4" in {q.id for q in picked}, seed
    # ... unless nothing else is left
    assert len(select(bank[:2], 2, seed=0)) == 2
