"""Sixteenth session, helper "single20": a 单选 on an education of the Party (class 党内教育)
blanked as one item of a run of things a body carries on (强化（党性教育）和业务培训;
常态化开展政治教育、（党性教育）) is not asked: 警示教育, 红色教育 or 党风廉政教育 reads as
right beside the printed item (blind9 dangan, blind18 jiwei3, transfer3 wang_chen: edit or
unusable every time). An education its frame pins keeps its 单选 (usable rows of blind15–16).
"""

from __future__ import annotations

from quizapp.generation import generate_questions

# dang'an gongzuo tiaoli (blind9), jiwei3 (blind18), dangfeng (blind16), minjian (blind15)
RUN_AND = (
    "组织人事部门应当选配政治素质好的党员干部从事干部人事档案工作。"
    "强化党性教育和业务培训，从严管理，加强激励保障。\n"
)
RUN_COMMA = (
    "在思想上勇于自我革命，常态化开展政治教育、党性教育，始终做到绝对忠诚、绝对可靠、绝对纯洁。\n"
)
PINNED = (
    "为了推进标本兼治，我们党坚持依规治党和以德治党相结合，把纪律建设作为治本之策，"
    "把党性教育作为共产党人的“心学”，加强管理监督，不断完善激励和问责机制。\n"
    "要深入开展以“守法诚信、坚定信心”为重点的理想信念教育实践活动，始终热爱祖国、热爱人民、"
    "热爱中国共产党，积极践行社会主义核心价值观。\n"
)


def _singles(text: str) -> dict[str, object]:
    """The bank's plain 单选 by their answer."""
    return {
        q.answer: q
        for q in generate_questions(text, seed=0)
        if q.kind == "single" and q.template == "single"
    }


def _cloze_answers(text: str) -> set[str]:
    return {a for q in generate_questions(text, seed=0) if q.kind == "cloze" for a in q.answer}


def test_an_education_joined_by_he_to_another_item_is_no_single() -> None:
    assert "党性教育" not in _singles(RUN_AND)


def test_an_education_after_an_enumeration_comma_is_no_single() -> None:
    assert "党性教育" not in _singles(RUN_COMMA)


def test_the_education_can_still_be_asked_as_a_blank() -> None:
    assert "党性教育" in _cloze_answers(RUN_AND) | _cloze_answers(RUN_COMMA)


def test_an_education_its_frame_pins_keeps_its_single() -> None:
    singles = _singles(PINNED)
    assert "党性教育" in singles
    assert "理想信念教育" in singles


def test_a_campaign_in_the_chronology_of_campaigns_keeps_its_single() -> None:
    # fresh zhejiang: the year's campaigns in order; the campaign's date pins it
    text = (
        "建立“第一议题”制度、强化理论武装，高质量开展“不忘初心、牢记使命”主题教育、"
        "党史学习教育和庆祝建党百年系列活动。\n"
    )
    assert "党史学习教育" in _singles(text)
