"""Blank spans of a plain 填空 (eighth session, helper "span"; blind10 rounds EE–EH, dev FA).

A blank holds a whole word or term, one clause, and a stem keeps what its 这种 / 纳入 point to.
Each test is a reviewer's item on the text it came from (blind10 is tuning material now).
"""

from __future__ import annotations

import pytest
from conftest import heldout_bank

from quizapp.generation import BLANK
from quizapp.generation.checking import check_answer


@pytest.fixture(scope="module")
def tuopin():
    return heldout_bank("speech_xi_tuopin_zuotan_2020.txt")


@pytest.fixture(scope="module")
def kexuejia():
    return heldout_bank("speech_xi_kexuejia_zuotan_2020.txt")


@pytest.fixture(scope="module")
def zongjie():
    return heldout_bank("speech_xi_zhutijiaoyu_zongjie_2020.txt")


def _clozes(bank, key: str):
    return [q for q in bank if q.template == "cloze" and key in q.answer]


def test_a_list_item_cut_after_a_modal_is_not_blanked(tuopin) -> None:
    # 稳得住、有就业、逐步能|致富 (EE #18): 逐步能 is a fragment; 稳得住 stays asked
    assert not _clozes(tuopin, "逐步能")
    assert _clozes(tuopin, "稳得住")


def test_standard_list_members_inside_compounds_are_not_blanked(kexuejia) -> None:
    # 生物医药、医疗设备 (EE #30, EG #29): not the 三医 list; no （　　）设备
    assert not _clozes(kexuejia, "医疗")
    assert not _clozes(kexuejia, "医药")


def test_two_clauses_of_unlike_shape_blank_only_the_last(tuopin, zongjie) -> None:
    # 最盼望的是保持常态化、形成长效机制 (EF #6); 防止松劲懈怠、精力转移 (EE #16)
    assert not _clozes(zongjie, "保持常态化、形成长效机制")
    (q,) = _clozes(zongjie, "形成长效机制")
    assert "保持常态化、" + BLANK in q.stem
    assert not _clozes(tuopin, "防止松劲懈怠、精力转移")
    assert _clozes(tuopin, "精力转移")
    # a parallel pair is the formulation and stays whole (EB #6, #8 usable)
    assert _clozes(zongjie, "教育一阵风、雨过地皮湿")
    assert _clozes(zongjie, "敢于直面问题、勇于修正错误")


def test_a_stem_keeps_what_zhezhong_and_naru_point_to(tuopin, kexuejia) -> None:
    # 这种潜能 (EE #23, EH #27); 统筹纳入（乡村振兴战略） (EE #19, EF #18)
    (q,) = _clozes(kexuejia, "科技体制改革")
    assert q.stem.startswith("我国科技队伍蕴藏着巨大创新潜能，")
    asked = [q for q in tuopin if q.kind in ("cloze", "single") and "统筹纳入" + BLANK in q.stem]
    assert asked
    for q in asked:
        assert q.stem.startswith("推动减贫战略和工作体系平稳转型，"), q.stem


def test_a_first_item_opens_like_the_others() -> None:
    # 主要用于保就业、保基本民生、保市场主体 (EB #39, EF #39): the blank is 保就业
    bank = heldout_bank("gov_work_report_2020_sec1-4.txt")
    assert not _clozes(bank, "用于保就业")
    (q,) = _clozes(bank, "保就业")
    assert "主要用于" + BLANK in q.stem


def test_the_short_name_of_the_poverty_battle_is_accepted(zongjie) -> None:
    # 打赢（精准脱贫攻坚战）: 脱贫攻坚战 is right too (EF #10)
    (q,) = _clozes(zongjie, "精准脱贫攻坚战")
    assert check_answer(q, ["脱贫攻坚战"])
    assert check_answer(q, ["精准脱贫攻坚战"])
    assert not check_answer(q, ["脱贫攻坚"])
