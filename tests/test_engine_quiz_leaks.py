"""No served quiz prints one question's answer in another (blind17 rounds PD–PF, fifteenth
session, helper quizmix): a 判断 reciting 社会主义核心价值观 beside a 填空 on 自由, 四风 asked
twice, a false 判断's swapped-out member asked by another question. The reviewed pairs came
from four texts' quizzes printed as one list; within one text's quiz the same kinds of pair
were still served: an accepted spelling printed elsewhere (十八大 of 党的十八大), a false 判断's
hidden member asked in a longer or shorter form (世界百年未有之大变局), a true 判断 reciting
the formula a 单选 asks (六稳)."""

from __future__ import annotations

import re

import pytest
from conftest import heldout_text

from quizapp.generation import distractors as dis
from quizapp.generation import generate_questions, load_lexicon
from quizapp.generation.model import Question

BUNDLED = "quizapp/data/seed_speech.txt"


def _answer_forms(q: Question, lexicon) -> set[str]:
    """What a learner who read ``q``'s answer knows: its answers, their accepted spellings of
    three characters or more, and a false 判断's true member."""
    found = q.answer if isinstance(q.answer, list) else [q.answer]
    forms = {a for a in found if isinstance(a, str) and len(a) >= 2}
    forms |= {s for spellings in q.accepted for s in spellings if len(s) >= 3}
    if q.kind == "judge" and q.answer is False:
        formula = lexicon.get(q.formula) if q.formula else None
        if formula is not None:
            forms |= {
                m for m in formula.members if not any(s in q.stem for s in formula.spellings(m))
            }
        said = re.match(r"^错误。原文为“([^”]+)”", q.explanation)
        if said:
            forms.add(said.group(1))
    return {dis.fold_key(a) for a in forms}


def _recites(q: Question, formula) -> bool:
    return all(any(s in q.stem for s in formula.spellings(m)) for m in formula.members)


def leak_pairs(quiz: list[Question]) -> list[tuple[str, str, str]]:
    """(stem, stem, what): one question printing another's answer (stem or options), both
    asking one answer (or one inside the other, three characters or more), or one reciting
    every member of the formula the other asks."""
    lexicon = load_lexicon()
    forms = [_answer_forms(q, lexicon) for q in quiz]
    shown = [dis.fold_key(q.stem + "|" + "|".join(q.options)) for q in quiz]
    out = []
    for i, q in enumerate(quiz):
        for j, p in enumerate(quiz):
            if i == j:
                continue
            for a in forms[i]:
                same = any(
                    a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a)) for b in forms[j]
                )
                if a in shown[j] or same:
                    out.append((q.stem, p.stem, a))
            formula = lexicon.get(q.formula) if q.formula else None
            if formula is not None and _recites(p, formula):
                out.append((q.stem, p.stem, formula.name))
    return out


def formula_pairs(quiz: list[Question]) -> list[tuple[str, str]]:
    """(stem, stem): a question on a lexicon formula and another asking members of it (四风
    asked by a 判断 and by a 单选 on 官僚主义; the four values of 社会主义核心价值观 a 填空 asks
    beside 下列不属于“社会主义核心价值观”的是)."""
    lexicon = load_lexicon()
    out = []
    for q in quiz:
        formula = lexicon.get(q.formula) if q.formula else None
        if formula is None:
            continue
        for p in quiz:
            found = p.answer if isinstance(p.answer, list) else [p.answer]
            answers = [a for a in found if isinstance(a, str)]
            if p is not q and answers and all(map(formula.is_member_text, answers)):
                out.append((q.stem, p.stem))
    return out


@pytest.mark.parametrize("seed", [1804, 1805, 1806])
@pytest.mark.parametrize(
    "name",
    [
        "article_xi_xianfa40_2022.txt",
        "doc_yihao_wenjian_2023.txt",
        "article_baxiang_jingyan_2025.txt",
        "gangyao_xuexi_ch11_2019.txt",
    ],
)
def test_a_blind17_quiz_holds_no_leak_pair(name: str, seed: int) -> None:
    # the texts of rounds PD–PF, at the rounds' seeds
    for count in (10, 20):
        quiz = generate_questions(heldout_text(name), seed=seed, count=count)
        assert len(quiz) == count
        assert not leak_pairs(quiz), (name, seed, count, leak_pairs(quiz))


@pytest.mark.parametrize(
    "name,seed,count",
    [
        # a true 判断 reciting 六稳 beside 下列不属于“六稳”的是 (six quizzes of 10 in ten)
        ("speech_xi_yiqing_bushu_2020.txt", 1, 10),
        ("speech_xi_yiqing_bushu_2020.txt", 5, 10),
        # 在当代中国，我们倡导（　）×4，自由、平等… beside 下列不属于“社会主义核心价值观”的是
        ("gangyao_xuexi_ch11_2019.txt", 8, 10),
        # 当今世界正经历（　） beside a false 判断 on 两个大局 hiding 世界百年未有之大变局
        ("speech_xi_jingji_shehui_zhuanjia_2020.txt", 1, 20),
        # （　）以后 (党的十八大, 十八大 accepted) beside …查处十八大后、八项规定出台后…
        ("article_dangfeng_lianzheng_2017.txt", 4, 20),
    ],
)
def test_a_served_quiz_holds_no_leak_pair_the_old_pick_served(
    name: str, seed: int, count: int
) -> None:
    quiz = generate_questions(heldout_text(name), seed=seed, count=count)
    assert len(quiz) == count
    assert not leak_pairs(quiz), leak_pairs(quiz)
    assert not formula_pairs(quiz), formula_pairs(quiz)


@pytest.mark.parametrize("seed", [8, 9, 1804])
def test_the_bundled_speech_quiz_holds_no_leak_pair(seed: int) -> None:
    # seeds 8 and 9: （　）是党的根本性建设 (党的政治建设, 政治建设 accepted) beside a 多选
    # printing 政治建设
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / BUNDLED).read_text(encoding="utf-8")
    for count in (10, 20):
        quiz = generate_questions(text, seed=seed, count=count)
        assert len(quiz) == count
        assert not leak_pairs(quiz), (seed, count, leak_pairs(quiz))
