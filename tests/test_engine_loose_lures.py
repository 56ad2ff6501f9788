"""Choice lures that are right as well in a loose frame, or of another shape or field.

Blind10 rounds EA–EH and dev rounds FA–FD (docs/quality.md): the advantages of the Party and
the system (政治优势, 制度优势, 组织优势, 群众工作优势) and the industries of one plan
(先进制造业, 现代服务业, 战略性新兴产业 …) are all true in a loose frame, so they are lures only
where the sentence pins the key; 秉公用权 is 公正用权 in the standard wording; 勇于创新 is a
verb phrase beside X创新 nouns; 国防意识 lures only where the sentence speaks of defence.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import HELDOUT, ROOT, undropped

CORPUS = ROOT.parent / "shared" / "corpus"


def _read(path: Path) -> str:
    if not path.is_file():
        pytest.skip(f"{path.name} not found")
    return path.read_text(encoding="utf-8")


def _choices(text: str, seeds: int = 2) -> list:
    # (the questions made, a doubtful 单选 the bank drops among them: its lures are drawn alike)
    return [
        q
        for seed in range(seeds)
        for q in undropped(text, seed=seed)[0]
        if q.template in ("single", "multi_enum")
    ]


def _lures(q) -> list[str]:
    answer = q.answer if isinstance(q.answer, list) else [q.answer]
    return [o for o in q.options if o not in answer]


_ADVANTAGES = {"政治优势", "制度优势", "组织优势", "群众工作优势"}


def test_an_advantage_is_no_single_in_a_loose_frame() -> None:
    # EE #15, EG #17, EH #17 (彰显了…社会主义制度的（政治优势）: 制度优势 fits too), EC/EG #36
    # (独特政治和（制度优势）), the yiqing speech's 这是中国的（制度优势）
    for name in (
        "speech_xi_tuopin_zuotan_2020.txt",
        "gov_work_report_2020_sec1-4.txt",
        "speech_xi_yiqing_changweihui_2020.txt",
    ):
        for q in _choices(_read(HELDOUT / name)):
            assert not _ADVANTAGES & set(q.options), (name, q.stem, q.options)


def test_a_quoted_formula_keeps_the_advantage_single() -> None:
    # 我们党的最大（政治优势）是密切联系群众: the formula pins the key, the 单选 stays
    text = _read(ROOT / "quizapp" / "data" / "seed_speech.txt")
    made = [q for q in _choices(text) if q.template == "single" and q.answer == "政治优势"]
    assert made
    assert all(set(_lures(q)) <= _ADVANTAGES for q in made)


def test_industries_of_a_loose_frame_make_no_single() -> None:
    # EA/EE #35, #36: （先进制造业）、现代服务业较快增长 — 战略性新兴产业 grew as well
    text = _read(HELDOUT / "gov_work_report_2020_sec1-4.txt")
    for q in _choices(text):
        if q.template == "single":
            assert q.answer not in ("先进制造业", "现代服务业"), q.stem


def test_examples_before_deng_pin_an_industry() -> None:
    # 新能源、新材料、航空航天、低空经济等（战略性新兴产业）集群发展: the examples pin it
    text = _read(HELDOUT / "jianyi_shiwuwu_guihua_2025_sec1-4.txt")
    made = [q for q in _choices(text) if q.answer == "战略性新兴产业"]
    assert made
    for q in made:
        assert "先进制造业" not in q.options, q.options


def test_a_near_synonym_of_a_printed_item_is_no_list_lure() -> None:
    # EC #3, EG #3, EH #3: 秉公用权 beside 公正用权 (the standard triple says 秉公用权)
    for path in (
        HELDOUT / "speech_xi_zhutijiaoyu_zongjie_2020.txt",
        HELDOUT / "opinion_theme_education_2023.txt",
    ):
        for q in _choices(_read(path)):
            assert "秉公用权" not in q.options, q.options


def test_no_verb_phrase_or_defence_lure_among_nouns() -> None:
    # FA #8 (勇于创新 beside 理论创新、实践创新), FA #22 / FC #16 (国防意识 off-context)
    for path in (
        CORPUS / "report19_full.txt",
        CORPUS / "speech_ma_weiguang_cadre_training_2018.txt",
    ):
        for q in _choices(_read(path)):
            assert "勇于创新" not in q.options, q.options
            assert "国防意识" not in q.options, q.options


def test_serving_awarenesses_are_no_lures_of_each_other() -> None:
    # （宗旨意识）和群众感情淡漠, 一些干部（服务意识）和法治意识不强: 公仆意识 reads as true there
    serving = {"宗旨意识", "公仆意识", "服务意识"}
    for path in (
        HELDOUT / "opinion_theme_education_2023.txt",
        CORPUS / "gov_work_report_2018_part1.txt",
    ):
        made = [
            q for q in _choices(_read(path)) if isinstance(q.answer, str) and q.answer in serving
        ]
        assert made, path.name
        for q in made:
            assert not (serving - {q.answer}) & set(q.options), q.options
