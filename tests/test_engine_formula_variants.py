"""A list that quotes part of a standard enumeration and adds its own item, and a frame that
would part a four-character set phrase (eleventh session, helper "patterns"; blind11 GB, GF,
GI, GM on 早处置, GC on 应（收尽收）).

做到早发现、早报告、（早处置） prints two of the 四早 (早发现、早报告、早隔离、早治疗): a learner
who knows the formula writes 早隔离, so the added item is not asked, alone or in a run. The 四早
itself stays asked item by item. 对确诊患者应（收尽收） becomes 对确诊患者（应收尽收）.
"""

from __future__ import annotations

from quizapp.generation import generate_questions

TEXT = (
    "要建立公共卫生机构和医疗机构协同监测机制，发挥基层哨点作用，做到早发现、早报告、早处置。\n"
    "要继续全面加强防控，在全省范围严格落实早发现、早报告、早隔离、早治疗措施，加强疫情监测。\n"
    "开展拉网式筛查甄别，对确诊患者应收尽收，对疑似患者应检尽检，对密切接触者应隔尽隔，"
    "落实防控要求。\n"
)


def _questions():
    return [q for q in generate_questions(TEXT, seed=0) if q.kind == "cloze"]


def test_an_item_added_to_a_quoted_formula_is_not_blanked() -> None:
    answers = [a for q in _questions() for a in q.answer]
    assert "早处置" not in answers


def test_the_formula_itself_stays_asked() -> None:
    answers = {a for q in _questions() for a in q.answer}
    assert {"早报告", "早隔离", "早治疗"} <= answers, answers


def test_a_blank_does_not_start_inside_a_set_phrase() -> None:
    lists = [q for q in _questions() if q.template == "cloze_list" and "确诊患者" in q.stem]
    assert lists, "the 应X尽X frame is asked"
    for q in lists:
        assert q.answer == ["应收尽收", "应检尽检", "应隔尽隔"], q.answer
        assert "对确诊患者（" in q.stem and "应（" not in q.stem, q.stem
