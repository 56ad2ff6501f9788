"""Theses of argued prose (old-voice speeches and reports) asked as they stand: a stated change
of course (由A转变为B), ... (cover22, eighteenth session)."""

from __future__ import annotations

from quizapp.generation import generate_questions
from quizapp.generation.builders import transition_parts


def _clozes(text: str) -> dict[str, object]:
    return {q.stem: q for q in generate_questions(text, seed=0) if q.kind == "cloze"}


# -- a stated change of course: 由A转变为B ---------------------------------------------------
def test_a_change_of_course_is_asked_by_its_destination_and_named_whole() -> None:
    text = (
        "从一九二七年到现在，我们的工作重点是在乡村。"
        "从现在起，开始了由城市到乡村并由城市领导乡村的时期。"
        "党的工作重心由乡村移到了城市。"
        "我们必须用极大的努力去学会管理城市和建设城市。"
    )
    q = _clozes(text)["党的工作重心由乡村移到了（　　）。"]
    assert q.answer == ["城市"]
    assert "党的工作重心由乡村移到了城市" in q.covers


def test_two_changes_joined_by_a_comma_of_enumeration_are_each_asked() -> None:
    text = (
        "这次会议规定了党在全国胜利以后应当采取的基本政策，"
        "指出了中国由农业国转变为工业国、由新民主主义社会转变为社会主义社会的发展方向。"
        "这些政策后来都写进了纲领。"
    )
    stems = {s: q.answer for s, q in _clozes(text).items()}
    lead = "这次会议规定了党在全国胜利以后应当采取的基本政策，指出了中国由农业国转变为"
    assert stems[lead + "（　　）、由新民主主义社会转变为社会主义社会的发展方向。"] == ["工业国"]
    assert stems[lead + "工业国、由新民主主义社会转变为（　　）的发展方向。"] == ["社会主义社会"]
    q = next(q for q in _clozes(text).values() if q.answer == ["工业国"])
    assert "中国由农业国转变为工业国" in q.covers  # (the lead 指出了 is not the thesis')


def test_a_cause_or_a_list_is_no_change_of_course() -> None:
    # 由于…发展为… is a cause; 由跟跑为主转向更多领域并跑、领跑 runs into a list
    assert transition_parts("由于党内以陈独秀为代表的右倾思想发展为右倾机会主义错误") == []
    assert transition_parts("我国科技创新由跟跑为主转向更多领域并跑、领跑") == []
    assert transition_parts("人民享有言论自由转向的权利") == []
    assert transition_parts("党领导广大军民逐步由积极防御转向战略进攻") == [
        (9, "积极防御", "转向", "战略进攻")
    ]


# -- a series of clauses in one frame, set off by commas ------------------------------------
def test_a_comma_series_in_one_frame_is_asked_by_its_later_items() -> None:
    text = (
        "我们对资本主义的限制是有伸缩性的。"
        "它将从几个方面被限制——在活动范围方面，在税收政策方面，在市场价格方面，在劳动条件方面。"
        "这种限制和反限制将长期存在。"
    )
    made = [q for q in generate_questions(text, seed=0) if q.template == "series_cloze"]
    assert [q.stem for q in made] == [
        "它将从几个方面被限制——在活动范围方面，在（　　）方面，在（　　）方面，在（　　）方面。"
    ]
    q = made[0]
    assert q.answer == ["税收政策", "市场价格", "劳动条件"]
    assert "在活动范围方面，在税收政策方面，在市场价格方面，在劳动条件方面" in q.keys + q.covers


def test_a_lead_before_the_first_item_stays_shown() -> None:
    text = "领导成员要互相信任，互相支持，互相补充，互相谅解；遇到意见分歧，要坦诚相见。"
    made = [q for q in generate_questions(text, seed=0) if q.template == "series_cloze"]
    assert [q.answer for q in made] == [["支持", "补充", "谅解"]]
    assert made[0].stem.startswith("领导成员要互相信任，互相（　　），")


def test_clauses_of_a_narrative_or_a_salutation_are_no_series() -> None:
    from quizapp.generation.builders import comma_series

    assert comma_series("他们也要受处罚，也要坐班房，也要劳动改造。") == []  # 也要: a link
    assert comma_series("尊敬的主席，尊敬的总统，尊敬的首相，女士们，先生们！") == []
    # a core cut across a phrase (资产阶级|的民主主义) or holding a pronoun (不只我们|高兴)
    assert comma_series("西方资产阶级的文明，资产阶级的民主主义，资产阶级共和国的方案。") == []
    assert comma_series("不只我们高兴，人民高兴，国家高兴。") == []
