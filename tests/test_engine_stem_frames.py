"""Stems that keep what decides them (blind14 rounds KA–KL, recurring classes).

A blank another standard phrase of the key's length fills as well (中国式现代化是（　　）的现代化,
全面建成…强国 beside 全面建设…国家), a stem cut so that its 具有重要意义 has lost what has the
significance, and the speaker's own first person (我多次强调，…) in front of the point: each
checked on the tuning texts where the reviewers met it.
"""

from __future__ import annotations

import re

from conftest import asked_over, heldout_bank, one_key

from quizapp.generation import BLANK
from quizapp.generation.builders import _without_speaker_lead

_SPEAKER_OPENING = re.compile(
    r"^(?:[^，。]{1,12}，)?我(?![们国党军])[^，。]{0,24}(?:讲|强调|提出|相信)"
)


def plain(bank: tuple) -> list:
    return [q for q in bank if q.kind == "cloze" and q.template == "cloze"]


def test_a_feature_of_chinese_modernization_is_not_a_bare_blank() -> None:
    # KJ #33, KK #36, KC #23: 中国式现代化是（全体人民共同富裕）的现代化。 — 人与自然和谐共生,
    # another of the five, has eight characters as well and would be marked wrong
    bank = heldout_bank("shuoming_xi_shiwuwu_jianyi_2025.txt")
    assert not [q for q in plain(bank) if q.stem.startswith("中国式现代化是" + BLANK + "的现代化")]
    # the key is still asked where its own words decide it
    assert [q for q in plain(bank) if one_key(q) == "全体人民共同富裕"]


def test_the_two_wordings_of_the_modernization_goal_are_no_bare_blank_where_both_fit() -> None:
    # KL #8: 从现在起到本世纪中叶，是我国（全面建成社会主义现代化强国）的30年 —
    # 全面建设社会主义现代化国家 has 13 characters too and fits the period
    bank = heldout_bank("speech_xi_pudong30_2020.txt")
    assert not [q for q in plain(bank) if "本世纪中叶" in q.stem]
    # asked as a 单选 whose lures the period rules out (the 2020 and 2035 goals), never the rival
    asked = [q for q in bank if q.kind == "single" and "从现在起到本世纪中叶" in q.stem]
    assert asked and all("全面建设社会主义现代化国家" not in q.options for q in asked)
    assert all("基本实现社会主义现代化" in q.options for q in asked)
    # where a collocation pins the wording the blank stays: 在（　　）新征程中 (KC #1, KK #2)
    assert asked_over(list(bank), "支持浦东在_新征程中", "全面建设社会主义现代化国家")
    # 到本世纪中叶（　　）: the deadline asks what is achieved by then
    plenum = heldout_bank("jueding_20th_3rd_plenum_2024_sec1-3.txt")
    assert asked_over(list(plenum), "为到本世纪中叶_奠定坚实基础", "全面建成社会主义现代化强国")


def test_a_significance_predicate_keeps_its_subject() -> None:
    # KB #25, KD #29, KG #33: …以中国式现代化全面推进强国建设、（民族复兴）伟业，具有重要意义。
    # lost 党的二十届四中全会…对…, so nothing says what has the significance
    bank = heldout_bank("shuoming_xi_shiwuwu_jianyi_2025.txt")
    asked = [q for q in bank if BLANK in q.stem and q.stem.endswith("具有重要意义。")]
    assert asked
    for q in asked:
        before = q.stem[: q.stem.find(BLANK)]
        assert re.search(r"(?:^|，)(?:对于|对)", before), q.stem
    assert asked_over(
        list(bank), "规划建议问题，对……以中国式现代化全面推进强国建设、_伟业", "民族复兴"
    )
    rules = heldout_bank("tiaoli_jiguan_jiceng_zuzhi_2019.txt")
    assert [
        q
        for q in rules
        if one_key(q) == "国家治理体系和治理能力现代化"
        and q.stem.startswith("《条例》的修订和实施，对于……")
    ]


def test_the_speaker_s_lead_clause_leaves_the_stem() -> None:
    # KG #15, #30, KH #21, #36, KI #17: 我多次强调，/ 我在2016年就提出，/ 这里，我还要强调，
    for name, key in (
        ("speech_xi_jiaowenweiti_2020.txt", "创造性转化"),
        ("speech_xi_yiqing_changweihui_2020.txt", "揭榜挂帅"),
        ("speech_xi_jingji_shehui_zhuanjia_2020.txt", "新发展格局"),
        ("speech_xi_jingzhun_tuopin_2018.txt", "主体责任"),
    ):
        bank = heldout_bank(name)
        asked = [q for q in bank if one_key(q) == key and q.kind == "cloze"]
        assert asked, (name, key)
        assert not [q for q in bank if q.kind == "cloze" and _SPEAKER_OPENING.match(q.stem)], name
    # 是我在党的十九大报告中提出的（三大攻坚战）之一: the report says where, without the 我
    poverty = heldout_bank("speech_xi_jingzhun_tuopin_2018.txt")
    assert asked_over(list(poverty), "是党的十九大报告中提出的_之一", "三大攻坚战")
    assert not [q for q in poverty if "我在党的十九大报告" in q.stem]
    # the lead goes only when the point follows it, and a stem too short after it keeps it
    assert _without_speaker_lead("我多次强调，要坚定文化自信，推动（创造性转化）。", 14, 21)[0] == (
        "要坚定文化自信，推动（创造性转化）。"
    )
    assert _without_speaker_lead("我相信，（中国梦）。", 4, 9) == ("我相信，（中国梦）。", 4, 9)


def test_a_blank_on_where_the_speaker_spoke_is_not_asked() -> None:
    # 我在（党的十九大）报告中提出了…: where the speaker said it, the speech's own business
    bank = heldout_bank("speech_xi_beida_2018.txt")
    assert not [q for q in bank if one_key(q) == "党的十九大" and q.stem.startswith("我在" + BLANK)]
    # a title the speaker explains is its matter, not its business (KB #23, KE #31: usable)
    plan = heldout_bank("shuoming_xi_shiwuwu_jianyi_2025.txt")
    assert [q for q in plan if one_key(q) == "第十五个五年规划"]
