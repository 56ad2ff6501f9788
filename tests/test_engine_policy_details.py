"""Policy details a 党课 teacher would not test (fifteenth session, helper "policy"): the 2023
中央一号文件 (blind17 yihao2023) was 35/60 usable where the other blind17 texts were 48–54/60.
A 填空 blanking every item of a policy text's own description of a mechanism is asked last
(weak); a formula's 解析 names where it was first put forward, not a later report that restates it."""

from __future__ import annotations

from conftest import SHARED, heldout_bank

from quizapp.generation import generate_questions

RURAL_2018 = SHARED / "corpus" / "policy_rural_revitalization_opinions_2018.txt"


def _list_answers(bank) -> list[set[str]]:
    """The answers of the lists a quiz asks before its weak questions."""
    return [set(q.answer) for q in bank if q.template == "cloze_list" and not q.weak]


def test_a_mechanisms_own_modifiers_are_not_asked_all_blank() -> None:
    # 构建（梯次分明）、（分工协作）、（适度竞争）的农业科技创新体系: any descriptive phrase of four
    # characters fits each slot (blind17 PC #16, PA #11 unusable)
    asked = _list_answers(heldout_bank("doc_yihao_wenjian_2023"))
    assert {"梯次分明", "分工协作", "适度竞争"} not in asked
    assert {"开放协作", "共享应用"} not in asked
    rural = generate_questions(RURAL_2018.read_text(encoding="utf-8"), seed=0)
    assert {"乡村调解", "县市仲裁", "司法保障"} not in _list_answers(rural)


def test_a_patterned_or_known_list_is_still_asked_all_blank() -> None:
    # 民事民议、民事民办、民事民管 share their opening (a pattern to recall; review 18 #25 usable);
    # 藏粮于地、藏粮于技 and 网格化管理、精细化服务、信息化支撑 are lists other texts write
    rural = _list_answers(generate_questions(RURAL_2018.read_text(encoding="utf-8"), seed=0))
    assert {"民事民议", "民事民办", "民事民管"} in rural
    asked = _list_answers(heldout_bank("doc_yihao_wenjian_2023"))
    assert {"藏粮于地", "藏粮于技"} in asked
    assert {"网格化管理", "精细化服务", "信息化支撑"} in asked


def test_an_invented_description_of_a_mechanism_is_asked_last() -> None:
    text = (
        "关于加强某项工作的意见\n"
        "要构建融通互鉴、稳妥渐进、梯级铺排的种业攻关协作机制，推动工作取得实效。"
        "各地要结合实际抓好落实，确保各项任务落地见效。\n"
    )
    bank = generate_questions(text, seed=0)
    made = [q for q in bank if set(q.answer) == {"融通互鉴", "稳妥渐进", "梯级铺排"}]
    assert made and all(q.weak for q in made)


def test_the_sannong_explanation_names_where_it_was_put_forward() -> None:
    # the 解析 credited the 十九大报告 (2017) with 三农 and its 重中之重 (blind17 PC #15, PD #14,
    # PE #15, PF #15: edit, the line is much older and 十九大 only restated it)
    made = [
        q
        for q in heldout_bank("doc_yihao_wenjian_2023")
        if q.template.startswith("lex_") and "三农" in q.stem
    ]
    assert made
    for q in made:
        assert "提出：2003年中央农村工作会议" in q.explanation, q.explanation
        assert "十九大报告重申" in q.explanation, q.explanation


def test_the_texts_topic_in_its_title_is_no_lure() -> None:
    # 扎实推进（乡村振兴）等重点工作 reads true in the 一号文件 on 全面推进乡村振兴重点工作
    # (blind17 PF #20); 加强（党史学习教育） in the 党史学习教育工作条例 (blind9 CI #40, CO #33…)
    for name, topic, key in [
        ("doc_yihao_wenjian_2023", "乡村振兴", "乡村建设"),
        ("tiaoli_dangshi_xuexi_jiaoyu_2024", "党史学习教育", "爱国主义教育"),
    ]:
        made = [
            q
            for q in heldout_bank(name)
            if q.kind in ("single", "multiple")
            and key in q.answer
            and not q.template.startswith("lex_")
        ]
        assert made, name
        for q in made:
            assert topic not in q.options, (name, q.stem, q.options)
