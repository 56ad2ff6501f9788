"""Coverage of policy texts (eighth session): points, lists and formulations a 党课 teacher
picks from an 意见 or a 条例, asked where the engine used to drop them (bench/heldout_gold/dev)."""

from __future__ import annotations

from conftest import heldout_bank

from quizapp.generation import generate_questions
from quizapp.generation.model import Question


def _list_clozes(name: str, lead: str) -> list[Question]:
    return [q for q in heldout_bank(name) if q.template == "cloze_list" and q.stem.startswith(lead)]


# -- a text's principles said one a line are asked in two halves, under their lead -------------
def test_an_articles_principles_are_asked_in_two_halves() -> None:
    made = _list_clozes("tiaoli_ganbu_renshi_dangan_2018", "干部人事档案工作应当遵循下列原则：")
    assert len(made) == 2
    asked = sorted(a for q in made for a in q.answer)
    assert asked == sorted(
        [
            "党管干部、党管人才",
            "依规依法、全面从严",
            "分级负责、集中管理",
            "真实准确、完整规范",
            "方便利用、安全保密",
        ]
    )
    for q in made:
        assert not q.ordered and q.stem.endswith("（不分先后）")
        assert "第五条" not in q.stem  # the article label is layout
        # each point blanked is shown whole in the other question
        assert all(a in other.stem for other in made if other is not q for a in q.answer)


def test_dash_principles_without_a_shared_frame_name_their_section() -> None:
    made = _list_clozes("yijian_laodong_jiaoyu_2020", "材料“（三）基本原则”部分提出：")
    assert {a for q in made for a in q.answer} == {
        "把握育人导向",
        "遵循教育规律",
        "体现时代特征",
        "强化综合实施",
        "坚持因地制宜",
    }
    q = next(q for q in made if "坚持因地制宜" in q.answer)
    at = q.answer.index("坚持因地制宜")
    assert "因地制宜" in q.accepted[at]


def test_a_shared_opening_stays_printed_before_each_blank() -> None:
    made = _list_clozes("tiaoli_dangshi_xuexi_jiaoyu_2024", "党史学习教育工作的主要任务是：")
    assert {a for q in made for a in q.answer} == {"明理", "增信", "崇德", "力行"}
    assert all(q.stem.count("学史（　　）") == 2 for q in made)
    principles = _list_clozes("tiaoli_dangshi_xuexi_jiaoyu_2024", "党史学习教育工作遵循以下原则：")
    assert {a for q in principles for a in q.answer} >= {"围绕中心、服务大局", "以史鉴今、资政育人"}


# -- a short list naming the qualities of what follows 的 is asked whole ------------------------
def test_a_list_of_qualities_before_its_head_is_asked_whole() -> None:
    made = {
        tuple(q.answer): q for q in heldout_bank("yijian_laodong_jiaoyu_2020") if q.kind == "cloze"
    }
    q = made.get(("树德", "增智", "强体", "育美"))
    assert q is not None and q.template == "cloze_list" and not q.ordered
    assert "具有（　　）、（　　）、（　　）、（　　）的综合育人价值" in q.stem
    assert "树德、增智、强体、育美" in q.keys
    assert ("勤俭", "奋斗", "创新", "奉献") in made
    # a shared ending stays printed after each blank; the whole item is accepted too
    q = made[("综合", "实践", "开放", "针对")]
    assert "具有（　　）性、（　　）性、（　　）性、（　　）性的劳动教育课程体系" in q.stem
    assert q.accepted[0] == ["综合", "综合性"]


def test_a_list_of_qualities_keeps_a_shared_opening_printed() -> None:
    made = [
        q
        for q in heldout_bank("speech_xi_kangmeiyuanchao70_2020")
        if q.answer == ["打", "稳", "建"]
    ]
    assert made and "采取边（　　）、边（　　）、边（　　）的方针" in made[0].stem


def test_principles_with_a_point_not_read_as_one_are_not_asked() -> None:
    # (a made-up article: a run that would print four of five principles is left out)
    text = (
        "第四条 机关党建工作应当遵循以下原则：\n（一）坚持和加强党的全面领导，旗帜鲜明讲政治；\n"
        "（二）坚持党要管党、全面从严治党，抓住关键少数；\n（三）坚持围绕中心、服务大局，推动融合；\n"
        "（四）坚持继承和创新相结合，增强实效。\n第五条 机关党组织要加强自身建设。\n"
    )
    made = [q for q in generate_questions(text) if q.template == "cloze_list"]
    assert len(made) == 2
    assert "坚持和加强（　　）" in made[0].stem  # a 和-frame stays printed
    gapped = text.replace("（四）坚持继承", "（四）坚持以上率下，发挥作用；\n（五）坚持继承")
    assert not [q for q in generate_questions(gapped) if q.template == "cloze_list"]
