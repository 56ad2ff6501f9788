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
