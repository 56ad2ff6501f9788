"""Fifteenth session, helper "pairs": no false 判断 from swapping the objects of two parallel
headless 的-clauses (解决大党独有难题，指向的是…，着眼的是…): the swapped statement still says
what the deed aims at, so 错误 cannot be defended (blind18 QD #19, QE #11, QF #19: unusable).
Sibling theses with noun subjects (发展是第一要务，创新是第一动力) are still judged.
"""

from __future__ import annotations

from quizapp.generation import generate_questions

# article_dadang_nanti_2024 and speech_xi_beida_2018
TEXT = (
    "解决大党独有难题，指向的是跳出治乱兴衰的历史周期率，着眼的是巩固党的长期执政地位，"
    "谋划的是红色江山基业长青、中华民族伟大复兴。\n"
    "推进全面从严治党，着力的是解决突出问题，致力的是构建长效机制。\n"
    "建设社会主义现代化强国，发展是第一要务，创新是第一动力，人才是第一资源。\n"
)


def _judges() -> list:
    return [q for q in generate_questions(TEXT, seed=0) if q.kind == "judge"]


def test_aims_of_one_deed_are_not_swapped_into_a_false_statement() -> None:
    judges = _judges()
    for q in judges:
        if q.answer is False:
            # the false twin never trades what the deed 指向/着眼/着力/致力
            assert "指向的是巩固" not in q.stem and "着眼的是跳出" not in q.stem, q.stem
            assert "着力的是构建" not in q.stem and "致力的是解决" not in q.stem, q.stem
    assert not any(q.template.startswith("thesis_judge") and "着眼" in q.stem for q in judges)


def test_sibling_theses_with_noun_subjects_are_still_judged() -> None:
    stems = [q.stem for q in _judges() if q.template.startswith("thesis_judge")]
    assert any("第一要务" in s and "第一资源" in s for s in stems)
