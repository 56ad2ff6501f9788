"""单选 lures and keys a learner reads as right (fifteenth session, helper "lures18": the served
单选 of the blind18 rounds QD–QF that the reviewers did not pass for a lure or a key)."""

from __future__ import annotations

import pytest
from conftest import heldout_bank, heldout_text

from quizapp.generation import generate_questions

DANGSHI = "speech_xi_dangshi_dongyuan_2021_part1"
JIWEI3 = "gongbao_jiwei_20th_3rd_plenum_2024"
ZONGJIE = "speech_xi_zhutijiaoyu_zongjie_2020"
SPIRITS_LIST = "形成了井冈山精神、长征精神、遵义会议精神"


def test_no_single_on_a_spirit_of_an_open_list_of_the_pedigree() -> None:
    # QD #23, QE #28, QF #26: 形成了（　　）、长征精神、…等伟大精神 offered 塞罕坝精神, 大别山精神,
    # 抗击非典精神, 东北抗联精神: spirits of the 精神谱系, right in an open list of it
    bank = heldout_bank(DANGSHI)
    singles = [
        q
        for q in bank
        if q.kind == "single" and "等伟大精神" in q.stem and "精神谱系" not in q.stem
    ]
    assert not singles, [(q.answer, q.options) for q in singles]


def test_a_pair_of_spirits_a_place_pins_keeps_its_single() -> None:
    # a pair is no open list: 伟大建党精神和（红船精神）、浙江精神 in a Zhejiang report
    text = (
        "浙江省第十五次党代会报告\n"
        "过去五年，牢牢掌握意识形态工作领导权，社会主义核心价值观引领树立社会新风尚，"
        "伟大建党精神和红船精神、浙江精神广泛弘扬，新时代理论宣讲品牌更加响亮。"
        "我们要坚定不移沿着习近平总书记指引的方向前进。"
    )
    singles = [q for q in generate_questions(text) if q.kind == "single"]
    assert any(q.answer == "红船精神" for q in singles), [q.answer for q in singles]


@pytest.mark.parametrize("seed", [1904, 1905, 1906])
def test_the_served_quiz_asks_no_spirit_of_the_open_list(seed: int) -> None:
    quiz = generate_questions(heldout_text(DANGSHI), seed=seed, count=10)
    assert not [q for q in quiz if q.kind == "single" and "等伟大精神" in q.stem]


def test_no_single_on_the_campaign_the_speech_is_about() -> None:
    # QF #22: 《关于在全党开展（　　）的通知》 in the speech at the 党史学习教育动员大会
    bank = heldout_bank(DANGSHI)
    assert not [q for q in bank if q.kind == "single" and q.answer == "党史学习教育"]


def test_a_slogan_half_of_the_title_is_still_asked() -> None:
    # ED #10 (usable): 在全党开展“（不忘初心）、牢记使命”主题教育, at that campaign's 总结大会
    bank = heldout_bank(ZONGJIE)
    assert [q for q in bank if q.kind == "single" and q.answer == "不忘初心"]


def test_no_standing_campaign_is_a_lure_of_another_education() -> None:
    # QD #34, QE #35, QF #39: 常态化开展政治教育、（党性教育） offered 党史学习教育, itself
    # 常态化长效化开展
    for seed in (1904, 1905, 1906):
        quiz = generate_questions(heldout_text(JIWEI3), seed=seed, count=10)
        for q in quiz:
            if q.kind == "single" and q.answer == "党性教育":
                assert "党史学习教育" not in q.options and "党纪学习教育" not in q.options
    # (the bank's 单选 on 党性教育 is gone since helper single20: an education in a run,
    # 政治教育、（党性教育）, takes any education of its class; the lures are still checked)
    singles = [q for q in heldout_bank(JIWEI3) if q.kind == "single" and q.answer == "党性教育"]
    for q in singles:
        assert not {"党史学习教育", "党纪学习教育", "两学一做学习教育"} & set(q.options)


@pytest.mark.parametrize("seed", [1904, 1905, 1906])
def test_the_served_quiz_asks_no_blank_of_the_open_list_either(seed: int) -> None:
    # the 填空 that replaced the 单选: 形成了井冈山精神、长征精神、（　　）〔4字〕精神、…等伟大精神
    # takes 东北抗联, 抗击非典 as well; asked last, after the quiz's other questions
    quiz = generate_questions(heldout_text(DANGSHI), seed=seed, count=10)
    assert not [q for q in quiz if "等伟大精神" in q.stem]
