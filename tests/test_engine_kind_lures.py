"""Lures that are a part or a kind of the key (thirteenth session, helper "fixes").

A 单选 lure that names a part of the key (政治判断力 of 政治能力) or a kind of it (家族式腐败 of
新型腐败, 生产性服务业 of 现代服务业) is right in substance too: the learner who picks it knows
the matter. ``distractors.best_candidates`` refuses such a lure, both ways round; lures of one
axis (生活性服务业 for 生产性服务业, 政治领悟力 for 政治判断力) stay.
"""

from __future__ import annotations

from conftest import heldout_bank

from quizapp.generation import distractors as dis
from quizapp.generation import generate_questions


def _lures(q) -> list[str]:
    answer = q.answer if isinstance(q.answer, list) else [q.answer]
    return [o for o in q.options if o not in answer]


def test_a_part_or_a_kind_of_the_key_is_no_lure() -> None:
    pool = ["政治判断力", "政治执行力", "政治定力", "政治纪律", "政治规矩", "政治立场"]
    picked = dis.best_candidates("政治能力", pool, 3, max_distance=9)
    assert picked and not {"政治判断力", "政治执行力"} & set(picked)
    pool = ["家族式腐败", "微腐败", "隐性腐败", "群众身边腐败", "系统性腐败", "形式主义"]
    assert "家族式腐败" not in (dis.best_candidates("新型腐败", pool, 2, max_distance=9) or [])
    pool = ["现代服务业", "生活性服务业", "先进制造业", "战略性新兴产业"]
    picked = dis.best_candidates("生产性服务业", pool, 2, max_distance=9)
    assert picked and "现代服务业" not in picked and "生活性服务业" in picked
    # one axis: a mate, not a part (政治领悟力 beside 政治判断力)
    pool = ["政治领悟力", "政治执行力", "政治鉴别力"]
    assert dis.best_candidates("政治判断力", pool, 3, max_distance=9) == pool


def test_the_banks_offer_no_part_of_the_key_beside_it(shared_dir) -> None:
    texts = [
        (shared_dir / "corpus" / f"{name}.txt").read_text("utf-8")
        for name in ("report19_full", "report20_full")
    ]
    banks = [generate_questions(t, seed=0) for t in texts]
    banks.append(heldout_bank("jianyi_shiwuwu_guihua_2025_sec1-4"))
    offered = {
        (a, lure)
        for bank in banks
        for q in bank
        if q.kind in ("single", "multiple")
        for a in (q.answer if isinstance(q.answer, list) else [q.answer])
        for lure in _lures(q)
    }
    for pair in [("政治能力", "政治判断力"), ("政治能力", "政治执行力"), ("新型腐败", "家族式腐败"),
                 ("隐性腐败", "家族式腐败"), ("生产性服务业", "现代服务业")]:  # fmt: skip
        assert pair not in offered, pair
