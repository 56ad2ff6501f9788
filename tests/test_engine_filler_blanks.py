"""Blanks on filler words (tenth session, helper "filler"; blind13 rounds JA, JD–JF).

A 填空 never blanks 一个 and an adjective cut off their noun (一个伟大 of 一个伟大创举), nor the
country a thesis is about (（　　）是全球最有潜力的大市场 = 中国), while numbered formulas and a
real thesis subject (发展是第一要务) stay asked.
"""

from __future__ import annotations

from quizapp.generation import find_key_phrases, generate_questions

# zhengjing (JD #14, JE #22, JF #14) and qiyejia (JA #7), with numbered formulas beside them
TEXT = (
    "在社会主义条件下发展市场经济，是我们党的一个伟大创举。\n"
    "我先给一个明确答案，就是我们的教育要培养社会主义建设者和接班人。\n"
    "我们应该看到，中国是全球最有潜力的大市场，具有最完备的产业配套条件。\n"
    "全党要增强“四个意识”、坚定“四个自信”、做到“两个维护”，深刻领悟“两个确立”的决定性意义。\n"
    "统揽四个伟大，协调推进四个全面战略布局。\n"
    "发展是党执政兴国的第一要务，创新是引领发展的第一动力。\n"
)


def _answers() -> set[str]:
    return {
        a
        for q in generate_questions(TEXT, seed=0)
        if q.kind == "cloze"
        for a in q.answer
        if isinstance(a, str)
    }


def test_one_and_an_adjective_are_no_key_nor_blank() -> None:
    keys = {k.text for k in find_key_phrases(TEXT)}
    assert "一个伟大" not in keys
    assert "一个明确" not in keys
    answers = _answers()
    assert "一个伟大" not in answers
    assert "一个明确" not in answers


def test_numbered_formulas_stay_keys() -> None:
    keys = {k.text for k in find_key_phrases(TEXT)}
    for formula in ("四个意识", "四个自信", "两个维护", "两个确立", "四个伟大", "四个全面"):
        assert formula in keys, formula


def test_the_country_a_thesis_is_about_is_not_blanked() -> None:
    answers = _answers()
    assert "中国" not in answers
    assert "发展" in answers  # （　　）是党执政兴国的第一要务: a thesis worth its blank
