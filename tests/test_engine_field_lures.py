"""Choice lures the blind14 reviews (rounds KA–KL) rejected again and again.

A lure of the key's shape but another field (养老服务体系 after 完善军民融合（　　）), a lure that
is right as well (网络化 or 信息化 for 数字化, 军事安全 beside 国防安全), a lure sharing the key's
ending by chance (有文化 among 数字化's lures) and a 多选 beside one lure are not shipped: the lure
is refused, and a question left without lures is not asked as a choice (its 填空 stays).
"""

from __future__ import annotations

from conftest import heldout_bank

from quizapp.generation.fields import of_field
from quizapp.generation.lexicon import load_lexicon

YUANSHI = "speech_xi_yuanshi_dahui_2018_part1"


def _lures(q) -> list[str]:
    answer = q.answer if isinstance(q.answer, list) else [q.answer]
    return [o for o in q.options if o not in answer]


def _choices_over(name: str, fragment: str) -> list:
    return [
        q for q in heldout_bank(name) if q.kind in ("single", "multiple") and fragment in q.stem
    ]


def test_a_military_civil_fusion_system_takes_no_system_of_another_field() -> None:
    # KA #17, KD #12, KH #30, KK #18: 养老服务体系, 公共安全体系, 全球治理体系, 党内法规体系 beside
    # 组织管理体系、工作运行体系、政策制度体系 after 完善军民融合（　　）
    off_field = {"养老服务体系", "公共安全体系", "全球治理体系", "党内法规体系"}
    for q in _choices_over(YUANSHI, "完善军民融合"):
        assert not off_field & set(_lures(q)), (q.stem, q.options)
    stem = "要加快构建军民融合发展体系，完善军民融合（　　），清除“民参军”、“军转民”障碍。"
    for lure in sorted(off_field):
        assert not of_field(lure, stem, document="")
    # the items keep their 填空 when no lure of the field is found
    clozes = [
        q
        for q in heldout_bank(YUANSHI)
        if q.kind == "cloze" and "完善军民融合" in q.stem and q.answer == ["工作运行体系"]
    ]
    assert clozes


def test_a_technology_list_item_takes_no_absurd_off_field_or_also_right_lure() -> None:
    # KB #12, KF #12, KJ #22: 融合机器人、（数字化）、新材料 with 有文化 (absurd), 城镇化 and 市场化
    # (another field), 网络化 and 信息化 (right as well)
    refused = {"有文化", "城镇化", "市场化", "网络化", "信息化", "智能化"}
    asked = _choices_over(YUANSHI, "融合机器人")
    for q in asked:
        assert not refused & set(_lures(q)), (q.stem, q.options)
    # with no lure left, the item stays a 填空
    assert any(
        q.kind == "cloze" and q.answer == ["数字化"] and "融合机器人" in q.stem
        for q in heldout_bank(YUANSHI)
    )


def test_near_synonyms_are_never_each_others_lures() -> None:
    lexicon = load_lexicon()
    assert {"信息化", "网络化", "智能化"} <= lexicon.overlapping("数字化")
    assert "军事安全" in lexicon.overlapping("国防安全")
    # 机械化、信息化、智能化 are stages of one list: those two stay apart
    assert "智能化" not in lexicon.overlapping("信息化")
    # KB #15, KG #27: 军事安全 beside the printed (or asked) 国防安全
    security = _choices_over(YUANSHI, "国防安全和其他安全") + _choices_over(YUANSHI, "经济安全、")
    for q in security:
        assert "军事安全" not in _lures(q), (q.stem, q.options)


def test_a_lure_sharing_the_keys_ending_by_chance_is_refused() -> None:
    # GG #32: X化 nouns beside the verb-object 兴文化 (举旗帜、聚民心、育新人、（兴文化）、展形象)
    for name in ("gongbao_19th_5th_plenum_2020", "speech_xi_jiaowenweiti_2020"):
        for q in _choices_over(name, "育新人"):
            if q.answer == "兴文化":
                assert not {"市场化", "城镇化", "国际化", "信息化"} & set(_lures(q)), q.options


def test_a_multiple_choice_has_two_lures_at_least() -> None:
    # GK (新发展理念: 创新/协调/开放/共享 beside 稳定), KD #2, #34, #39: four right of five
    for name in (
        "speech_xi_kangyi_biaozhang_2020",
        "speech_xi_pudong30_2020",
        "speech_xi_xinhai110_2021",
        "shuoming_xi_shiwuwu_jianyi_2025",
    ):
        multiples = [q for q in heldout_bank(name) if q.kind == "multiple"]
        assert multiples
        for q in multiples:
            assert len(_lures(q)) >= 2, (q.stem, q.options)


def test_slogans_of_one_object_keep_their_lures(shared_dir) -> None:
    # review rounds 25, 26b (usable): 同呼吸、共命运、（心连心） among 守初心, 有信心, 聚民心: the
    # shared 心 is the slogans' shape, no suffix sharing a field by chance, so the 单选 stays
    from quizapp.generation import generate_questions

    text = (shared_dir / "corpus" / "report20_full.txt").read_text(encoding="utf-8")
    made = [
        q
        for q in generate_questions(text, seed=0)
        if q.kind == "single" and q.answer == "心连心" and "共命运、（" in q.stem
    ]
    assert made and {"守初心", "聚民心"} <= set(_lures(made[0]))
